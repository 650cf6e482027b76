"""The time stage in the pipeline: publication inferred once, relative phrases anchored on it."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import SEEDS, shared_or_skip
from thucydides.model import Document, Interval, Span
from thucydides.time.stage import document_times


def test_given_publication_anchors_relative_phrases_and_is_kept():
    published = Interval(date(2018, 12, 20), date(2018, 12, 20))
    doc = Document.from_text("Two villages fell yesterday.", published=published)
    times = document_times(doc)
    assert doc.published == published
    assert [(t.text, t.interval.start) for t in times] == [("yesterday", date(2018, 12, 19))]


def test_missing_publication_is_inferred_and_anchors_the_rest():
    doc = Document.from_text("In mid-December 2018 the town fell. Two villages fell on Wednesday.")
    times = document_times(doc)
    assert doc.published is not None and doc.published.inferred
    wednesday = [t for t in times if t.text == "Wednesday"]
    assert wednesday and wednesday[0].interval.start is not None
    assert wednesday[0].interval.start.weekday() == 2
    assert wednesday[0].interval.inferred


def test_without_any_anchor_relative_phrases_are_skipped():
    doc = Document.from_text("Two villages fell yesterday and on Wednesday.")
    assert document_times(doc) == []
    assert doc.published is None


def test_furniture_is_not_read_for_dates():
    text = "Menu 3 May 2018\nThe town fell in June 2018."
    doc = Document.from_text(text, furniture=(Span(0, 15, text[:15]),))
    times = document_times(doc)
    assert [t.text for t in times] == ["June 2018"]


@pytest.mark.slow
def test_stage_fills_times_in_the_pipeline(analyse):
    analysis = analyse("The town fell on 10 September 2018, officials said.")
    assert [t.text for t in analysis.times] == ["10 September 2018"]
    assert analysis.document.published is not None and analysis.document.published.inferred


def test_seed_reports_spans_index_their_text():
    seeds = sorted(shared_or_skip(SEEDS).glob("*.txt"))
    for path in seeds:
        doc = Document.from_text(path.read_text(encoding="utf-8"), name=path.name)
        for t in document_times(doc):
            assert doc.text[t.start:t.end] == t.text
            assert t.precision in (1, 2, 3)
            assert t.interval.start is None or t.interval.start.year >= 1900
