"""What each stage costs next to the spaCy parse, on real news: the VOA stories.

    python bench/stage_costs.py [--repeat 2]

Runs the default pipeline over the 89 Voice of America stories in ../shared/data/voa and prints, per
stage, its seconds and its share of the spaCy parse (the nlp stage, which is the bare spaCy pass plus
segmentation). The issues' budgets: events + actors <= 25%, claims <= 10%, and places resolution under
5 ms per 500 words. Best of `--repeat` runs, after a warm-up, so a busy machine inflates less. Prints
figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os

from thucydides.ingest.stories import read_stories
from thucydides.knowledge import outside
from thucydides.model import Document
from thucydides.pipeline import Pipeline

STORIES = outside.voa_stories()
BUDGETS = {"events+actors": 0.25, "claims": 0.10}


def stories() -> list[Document]:
    return [Document.from_text(s.text, name=str(i)) for i, s in enumerate(read_stories(STORIES).values())]


def run_once(pipeline: Pipeline, docs: list[Document]) -> dict[str, float]:
    pipeline.seconds.clear()
    for i in range(0, len(docs), 16):
        pipeline.run_documents(docs[i:i + 16])
    return dict(pipeline.seconds)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=2)
    a = ap.parse_args()
    docs = stories()
    words = sum(len(d.text.split()) for d in docs)
    pipeline = Pipeline()
    pipeline.run_documents(docs[:4])  # warm-up: models and lexicons loaded
    runs = [run_once(pipeline, docs) for _ in range(a.repeat)]
    best = {name: min(r[name] for r in runs) for name in runs[0]}
    nlp = best.get("nlp", 0.0) or 1e-9
    print(f"{len(docs)} VOA stories, {words} words, best of {a.repeat} runs (load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print(f"{'stage':12} {'seconds':>8} {'% of spaCy':>11}")
    for name, seconds in best.items():
        print(f"{name:12} {seconds:8.2f} {100 * seconds / nlp:10.1f}%")
    combined = best.get("events", 0.0) + best.get("actors", 0.0)
    print(f"{'events+actors':12} {combined:8.2f} {100 * combined / nlp:10.1f}%   budget {BUDGETS['events+actors']:.0%}")
    print(f"{'claims':12} {best.get('claims', 0.0):8.2f} {100 * best.get('claims', 0.0) / nlp:10.1f}%   "
          f"budget {BUDGETS['claims']:.0%}")
    per500 = 1000 * best.get("places", 0.0) / (words / 500)
    print(f"places: {per500:.1f} ms per 500 words (budget 5 ms for resolution)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
