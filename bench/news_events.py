"""Events the pipeline writes on news that tells few ACLED events: a proxy for its false positives on unseen news.

LGL (local US news) and GeoVirus (disease news) articles report almost no political violence, protest or
strategic development, so what the events stage finds there is mostly spurious (an ordinary crime arrest, a list
of places read as one event each). Prints the articles read, the events written, the articles with at least one
event, and the events per sub-event type. The articles are the first N of each file in hash order (stable).
Their sentences without a conflict word are no-event examples of the event coder's training, so the figure
measures the stage around the coder (gates, fallback, splitting into events) better than the coder itself.

    .venv/bin/python bench/news_events.py [--per-file 200]
"""

from __future__ import annotations

import argparse
from collections import Counter

from thucydides.evaluation import adapter, paths
from thucydides.learn import corpora

FILES = ("lgl.xml", "GeoVirus.xml")


def articles(per_file: int) -> list[tuple[str, str]]:
    """(name, text) of the first `per_file` articles of each file, in hash order."""
    out = []
    for name in FILES:
        texts = sorted(corpora.article_texts(paths.geoparsing(name)), key=lambda t: corpora.stable_hash(t[:200]))
        out += [(f"{name}-{i}", t) for i, t in enumerate(texts[:per_file])]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-file", type=int, default=200, help="articles read from each file")
    args = parser.parse_args()
    docs = [adapter.document(text, name=name) for name, text in articles(args.per_file)]
    raw = adapter.export(adapter.build_pipeline(), docs).raw
    subs = Counter(str(e["sub_event_type"]) for e in raw["events"])
    with_event = len({e["docs"][0] for e in raw["events"]})
    print(f"{len(docs)} articles (LGL, GeoVirus): {len(raw['events'])} events in {with_event} articles")
    for sub, n in subs.most_common():
        print(f"  {n:4d}  {sub}")


if __name__ == "__main__":
    main()
