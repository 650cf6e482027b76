"""Events the pipeline writes on news that tells few ACLED events: a proxy for its false positives on unseen news.

LGL (local US news) and GeoVirus (disease news) articles report almost no political violence, protest or
strategic development, so what the events stage finds there is mostly spurious (an ordinary crime arrest, a list
of places read as one event each). Prints the articles read, the events written, the articles with at least one
event, and the events per sub-event type. The articles are the first N of each file's half in hash order
(stable), the halves of `thucydides.knowledge.splits.is_fit_half`. The shipped coder was trained on the sentences of
both halves that name no violence (`learn.events.news_half: all`) and on none that does; with `news_half: fit`
the report half (the default here) is news it never saw.

    .venv/bin/python bench/news_events.py [--per-file 200] [--half report|fit|all]
    .venv/bin/python bench/news_events.py --coder MODEL.npz [--coder OTHER.npz] [--threshold 0.9]

With --coder, the event coder alone reads every sentence of the articles (spaCy's sentence recogniser) and the
script prints, per model, how many sentences it reads as an event at the threshold: those naming violence or
arrest but no politics (learn.events ambiguous_stems / political_stems: mostly ordinary crime and disease), those
naming politics, and the rest.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from thucydides.evaluation import adapter
from thucydides.knowledge import outside
from thucydides.knowledge.splits import sha256_int
from thucydides.learn import corpora

FILES = ("lgl.xml", "GeoVirus.xml")


def articles(per_file: int, half: str) -> list[tuple[str, str]]:
    """(name, text) of the first `per_file` articles of each file's `half`, in hash order."""
    out = []
    for name in FILES:
        texts = sorted(corpora.half_articles(outside.geoparsing(name), half),
                       key=lambda it: sha256_int(it[1][:200]))
        out += [(f"{name}-{i}", t) for i, t in texts[:per_file]]
    return out


def coder_counts(texts: list[str], models: list[Path], threshold: float) -> None:
    """Sentences each coder reads as an event, by kind of sentence (see the module's docstring)."""
    from thucydides.events.coder import EventCoder
    from thucydides.knowledge.settings import section
    from thucydides.learn.events import EventTrainingSettings

    s = section("learn.events", EventTrainingSettings)
    crime, political = tuple(s.ambiguous_stems), tuple(s.political_stems)
    sentences = [x.text for doc in corpora.split_sentences(texts, full_parse=False) for x in doc if len(x.text) >= 20]

    def kind(text: str) -> str:
        words = text.lower().split()
        if any(w.startswith(political) for w in words):
            return "political"
        return "crime" if any(w.startswith(crime) for w in words) else "plain"

    kinds = [kind(x) for x in sentences]
    print(f"{len(sentences)} sentences: " + ", ".join(f"{k} {n}" for k, n in sorted(Counter(kinds).items())))
    for model in models:
        p_event = EventCoder.load(model).probabilities(sentences)[:, 0]
        read = Counter(k for k, p in zip(kinds, p_event, strict=True) if 1.0 - p >= threshold)
        print(f"{model}: events at {threshold}: " + ", ".join(f"{k} {read[k]}" for k in sorted(set(kinds))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-file", type=int, default=200, help="articles read from each file")
    parser.add_argument("--half", choices=("report", "fit", "all"), default="report",
                        help="the articles' half (report: never trained on)")
    parser.add_argument("--show", action="store_true", help="print each event's sub-event type and evidence")
    parser.add_argument("--coder", type=Path, action="append", help="read with this coder alone (repeatable)")
    parser.add_argument("--threshold", type=float, default=0.9, help="P(event) read as an event (with --coder)")
    args = parser.parse_args()
    if args.coder:
        coder_counts([t for _, t in articles(args.per_file, args.half)], args.coder, args.threshold)
        return
    docs = [adapter.document(text, name=name) for name, text in articles(args.per_file, args.half)]
    raw = adapter.export(adapter.build_pipeline(), docs).raw
    subs = Counter(str(e["sub_event_type"]) for e in raw["events"])
    with_event = len({e["docs"][0] for e in raw["events"]})
    print(f"{len(docs)} articles (LGL, GeoVirus, {args.half} half): {len(raw['events'])} events in "
          f"{with_event} articles")
    for sub, n in subs.most_common():
        print(f"  {n:4d}  {sub}")
    if args.show:
        texts = {adapter.doc_id(d): adapter.doc_text(d) for d in docs}
        for e in raw["events"]:
            spans = e.get("evidence") or []
            quote = texts[spans[0]["doc"]][spans[0]["start"]:spans[0]["end"]] if spans else ""
            print(f"{e['sub_event_type']}\t{' '.join(quote.split())[:240]}")


if __name__ == "__main__":
    main()
