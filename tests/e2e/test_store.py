"""The store keeps every document once, resumes, and never loses what it holds."""

from __future__ import annotations

import os
from datetime import date

import pytest
from sqlalchemy import create_engine, text

from thucydides.model import Analysis, Claim, Document, Event, Evidence, Interval, Place, Toponym
from thucydides.store.db import Store, StoreError
from thucydides.store.schema import SCHEMA_VERSION, current_version, metadata

PG_URL = os.environ.get("THUCYDIDES_TEST_PG_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def new_store(request, tmp_path):
    """A fresh, empty store on each backend; PostgreSQL only where THUCYDIDES_TEST_PG_URL names one."""
    if request.param == "sqlite":
        return lambda: Store(tmp_path / "s.db")
    if not PG_URL:
        pytest.skip("set THUCYDIDES_TEST_PG_URL=postgresql+psycopg://... to run the store tests on PostgreSQL")
    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        metadata.drop_all(conn)
    engine.dispose()
    return lambda: Store(PG_URL)


def _doc(body: str, **meta) -> Document:
    return Document.from_text(body, **meta)


def test_same_text_is_one_document(new_store):
    store = new_store()
    a = _doc("Fighting went on near Hajin.\n", name="a.txt")
    again = _doc("Fighting  went on near Hajin.\r\n", name="copy.txt")  # same text, other spacing
    assert a.id == again.id
    assert store.add_documents([a]).added == 1
    result = store.add_documents([again, a])
    assert (result.added, result.already) == (0, 1)
    assert store.stats().documents == 1
    assert store.documents()[0].name == "a.txt"


def test_round_trip_of_results(new_store):
    store = new_store()
    doc = _doc("Some 40 fighters were killed in Hajin on Monday.", name="r.txt",
               published=Interval(date(2018, 12, 3), date(2018, 12, 3)))
    store.add_documents([doc])
    place = Place("gn-1", "Hajin", 34.69, 40.83, "populated_place", "SY", "Deir ez-Zor", 1)
    claim = Claim(id="claim-1", doc=doc.id, metric="killed", unit="person", low=40, high=40,
                  qualifier="approximately", evidence=Evidence.of(doc, 0, 48), place="gn-1",
                  time=Interval(date(2018, 12, 3), date(2018, 12, 3)))
    event = Event(id="event-1", docs=[doc.id], event_type="Battles", sub_event_type="Armed clash",
                  evidence=[Evidence.of(doc, 0, 48)], place="gn-1", claims=["claim-1"], fatalities=40)
    analysis = Analysis(doc, toponyms=[Toponym(32, 37, "Hajin", "gn-1")], places={"gn-1": place},
                        claims=[claim], events=[event])
    store.save_analysis(analysis)
    assert store.pending_ids() == []
    assert store.claims() == [claim]
    assert store.events() == [event]
    assert store.places() == [place]
    assert [m.text for m in store.mentions()] == ["Hajin"]
    assert store.documents()[0].published == doc.published


def test_reprocessing_replaces_results_without_duplicates(new_store):
    store = new_store()
    doc = _doc("Clashes in Hajin.", name="x.txt")
    store.add_documents([doc])
    analysis = Analysis(doc, toponyms=[Toponym(11, 16, "Hajin", None)])
    store.save_analysis(analysis)
    store.reset()
    assert store.pending_ids() == [doc.id]
    store.save_analysis(analysis)
    assert store.stats().mentions == 1


def test_failed_document_is_kept_and_retried(new_store):
    store = new_store()
    doc = _doc("A report.", name="bad.txt")
    store.add_documents([doc])
    store.mark_failed(doc.id, "ValueError: broken")
    assert store.failures() == [(doc.id, "bad.txt", "ValueError: broken")]
    assert store.pending_ids() == []
    assert store.pending_ids(include_failed=True) == [doc.id]
    assert store.stats().documents == 1


def test_schema_is_versioned(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert current_version(conn) == SCHEMA_VERSION
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_newer_store_is_refused(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE meta SET value = '999' WHERE key = 'schema_version'"))
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_store_in_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "nowhere" / "s.db")
