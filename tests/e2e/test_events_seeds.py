"""Events on the real development reports: contract-level invariants, not expected answers."""

from __future__ import annotations

import csv

import pytest

from tests.conftest import SEEDS, shared_or_skip
from thucydides.export.acled import COLUMNS, write_acled_csv
from thucydides.export.bundle import ExportBundle
from thucydides.knowledge.acled import taxonomy
from thucydides.model import Analysis, Document


@pytest.fixture(scope="module")
def analysed(pipeline) -> list[Analysis]:
    folder = shared_or_skip(SEEDS)
    docs = [Document.from_text(p.read_text(encoding="utf-8"), name=p.name) for p in sorted(folder.glob("*.txt"))]
    return list(pipeline.run_documents(docs))


def test_every_event_speaks_aclEDs_vocabulary(analysed):
    t = taxonomy()
    events = [e for a in analysed for e in a.events]
    assert events, "the development reports tell of fighting; some events are expected"
    for e in events:
        assert t.event_type_of(e.sub_event_type) == e.event_type
        assert e.geo_precision in (1, 2, 3) and e.time_precision in (1, 2, 3)


def test_evidence_quotes_the_report_and_places_are_known(analysed):
    for a in analysed:
        for e in a.events:
            assert e.docs == [a.document.id]
            assert e.evidence
            for ev in e.evidence:
                assert a.document.text[ev.start:ev.end] == ev.text and ev.text.strip()
            assert e.place is None or e.place in a.places
            assert set(e.claims) <= {c.id for c in a.claims}


def test_dates_are_plausible(analysed):
    low, high = taxonomy().plausible_years
    for a in analysed:
        for e in a.events:
            if e.date is not None:
                for day in (e.date.start, e.date.end):
                    assert day is None or low <= day.year <= high


def test_one_happening_is_one_event(analysed):
    for a in analysed:
        keys = [(e.event_type, e.sub_event_type, e.place, e.actor1, e.actor2, e.date) for e in a.events]
        assert len(keys) == len(set(keys))
        assert len({e.id for e in a.events}) == len(a.events)


def test_seed_events_export_as_acled_rows(analysed, tmp_path):
    bundle = ExportBundle.from_analyses(analysed)
    path = tmp_path / "acled.csv"
    written = write_acled_csv(bundle, path, timestamp=0)
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert reader.fieldnames == list(COLUMNS)
    assert written == len(rows) == len(bundle.events)
    for row in rows:
        assert (row["latitude"] == "") == (row["location"] == "")
