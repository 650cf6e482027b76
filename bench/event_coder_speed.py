"""Speed of the learned event coder against the bare spaCy pass over the same VOA stories.

The budget (issue 9): the event coder plus actor recognition may cost at most 25% of the bare spaCy pass.
Prints the spaCy seconds, the coder's seconds (all sentences of a story in one call, as the events stage will
call it), sentences per second and the coder's share of the spaCy time.

    .venv/bin/python bench/event_coder_speed.py [--stories ../shared/data/voa/voa_stories.jsonl]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from thucydides.events.coder import EventCoder
from thucydides.ingest.stories import read_stories
from thucydides.knowledge import outside
from thucydides.ling.spacy_model import load_model

DEFAULT = outside.voa_stories()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=Path, default=DEFAULT)
    args = parser.parse_args()
    texts = [s.text for s in read_stories(args.stories).values()]
    nlp = load_model()
    list(nlp.pipe(texts[:2]))  # warm up
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    spacy_s = time.perf_counter() - started
    per_story = [[s.text for s in doc.sents] for doc in docs]
    started = time.perf_counter()
    coder = EventCoder.load()
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    events = sum(g.is_event for sentences in per_story for g in coder.classify(sentences))
    coder_s = time.perf_counter() - started
    n = sum(map(len, per_story))
    print(f"stories {len(texts)}, sentences {n}, coded as events {events}")
    print(f"bare spaCy pass     {spacy_s:7.2f} s")
    print(f"event coder         {coder_s:7.2f} s  ({n / coder_s:,.0f} sentences/s, one call per story; "
          f"load {load_s:.2f} s once)")
    print(f"coder / spaCy       {coder_s / spacy_s:7.1%}  (budget with actor recognition: 25%)")


if __name__ == "__main__":
    main()
