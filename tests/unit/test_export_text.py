"""The JSON export read straight from a store's rows is, byte for byte, the contract the record shapes give."""

from __future__ import annotations

import io
import json
import os
from datetime import date

import pytest
from sqlalchemy import create_engine, update

from thucydides.corpus.across import merge_across_documents
from thucydides.corpus.reconcile import reconcile
from thucydides.export.bundle import ExportBundle, referenced_actors
from thucydides.export.contract import contract_chunks, to_contract, write_contract
from thucydides.export.records import StoreRecords
from thucydides.model import Analysis, Claim, Document, Event, Evidence, Interval, Mention, Place, Toponym
from thucydides.store import raw
from thucydides.store.db import Store
from thucydides.store.schema import metadata

PG_URL = os.environ.get("THUCYDIDES_TEST_PG_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        s = Store(tmp_path / "s.db")
    else:
        if not PG_URL:
            pytest.skip("set THUCYDIDES_TEST_PG_URL=postgresql+psycopg://... to run on PostgreSQL")
        engine = create_engine(PG_URL)
        with engine.begin() as conn:
            metadata.drop_all(conn)
        engine.dispose()
        s = Store(PG_URL)
    yield s
    s.close()


# Texts we wrote, with what JSON escapes or may store escaped: quotes, backslashes, a literal "\u",
# control characters, DEL, accents, Arabic, curly quotes and a dash.
TRICKY = [
    'The "monitor" said 12 were killed near the river.',
    "A path C:\\records\\u2014 was quoted\tverbatim.\nNew line; bell \x07 and del \x7f.",
    "Near Ḥamāh, l’armée a dit « 40 » — ثلاثة قتلى في القرية.",
    "Plain words only, nothing to escape at all.",
]
PLACE = Place("p1", "Qaryat “Nahr”", 35.125, 36.75, country="SY", admin1="Ḥamāh")


def day(d: int, inferred: bool = False) -> Interval:
    return Interval(date(2022, 5, d), date(2022, 5, d), inferred)


def analysis(n: int, body: str, published: Interval | None, when: Interval | None, low: float | None,
             high: float | None) -> Analysis:
    doc = Document.from_text(f"Report {n}. {body}", name=f"r{n}.txt", title=f"Título {n}", outlet="Wire “X”",
                             published=published)
    ev = Evidence.of(doc, 0, len(doc.text))
    claims = [Claim(f"claim-{n}-a", doc.id, "killed", "person", low, high, "exact", ev, subject="civilians",
                    claimant="Observatoire ‘Sud’", place="p1", time=when),
              Claim(f"claim-{n}-b", doc.id, "territory_held", "km2", 2.5, None, "at_least", ev, time=None)]
    events = [Event(id=f"event-{n:03}", docs=[doc.id], event_type="Battles", sub_event_type="Armed clash",
                    evidence=[ev, Evidence.of(doc, 0, 6)], actor1="Groupe “A”", place="p1", date=when,
                    time_precision=1, fatalities=12, claims=[c.id for c in claims]),
              Event(id=f"event-{n:03}-x", docs=[doc.id], event_type="Riots", sub_event_type="Mob violence",
                    evidence=[ev], date=None, time_precision=3)]
    start = doc.text.index(body[:4])
    return Analysis(doc, toponyms=[Toponym(start, start + 4, doc.text[start:start + 4], "p1")],
                    places={"p1": PLACE}, claims=claims, events=events)


def corpus() -> list[Analysis]:
    shapes = [(day(1), day(1), 12.0, 12.0), (None, day(1, inferred=True), 1e-7, 12345678901.0),
              (day(3, inferred=True), Interval(None, date(2022, 5, 4)), -3.25, None),
              (Interval(date(2022, 5, 1), None), Interval(date(2022, 5, 1), date(2022, 5, 9)), None, 40.0)]
    return [analysis(n, TRICKY[n % len(TRICKY)], *shapes[n % len(shapes)]) for n in range(8)]


def stored(store: Store, analyses: list[Analysis]) -> None:
    store.add_documents([a.document for a in analyses])
    for a in analyses:
        store.save_analysis(a)
    reconcile(store)


def in_memory(store: Store) -> ExportBundle:
    """The whole store read into memory, events merged there (the export before it was stored)."""
    mentions, claims = store.mentions(), store.claims()
    events = merge_across_documents(store.events())
    return ExportBundle(documents=store.documents(status="processed"),
                        actors=referenced_actors(mentions, claims, events), places=store.places(),
                        mentions=mentions, claims=claims, events=events)


def reference(source: ExportBundle | StoreRecords) -> str:
    """The contract as the record shapes give it, written as `json.dumps` writes each record."""
    doc = to_contract(source)
    out = f'{{"format": "{doc["format"]}", "version": {doc["version"]}'
    for name in ("documents", "actors", "places", "mentions", "claims", "events"):
        items = [json.dumps(x, ensure_ascii=False) for x in doc[name]]
        out += f',\n "{name}": [' + ("\n  " + ",\n  ".join(items) + "\n ]" if items else "]")
    return out + "\n}\n"


def exported(store: Store) -> str:
    buffer = io.StringIO()
    write_contract(StoreRecords(store), buffer)
    return buffer.getvalue()


def test_store_export_is_byte_for_byte_the_contract(store):
    stored(store, corpus())
    text = exported(store)
    assert text == reference(in_memory(store))
    assert "ثلاثة" in text and "\\u" in text  # written as UTF-8, with the escapes JSON needs
    doc = json.loads(text)
    assert doc["documents"][1]["published"] is None
    assert any(len(e["docs"]) > 1 for e in doc["events"])


def test_stored_json_in_another_layout_still_gives_the_contract(store):
    """JSON stored with other spacing, key order or escapes (another writer) is decoded and re-encoded."""
    stored(store, corpus())
    with store.engine.begin() as conn:
        conn.execute(update(raw.claims).where(raw.claims.c.id == "claim-0-a").values(
            evidence='{"text":"Report 0. The \\"monitor\\"","end":20,"start":0,"doc":"x"}',
            time='{"end":"2022-05-01","start":"2022-05-01"}'))
        conn.execute(update(raw.merged_events).values(docs='[ "a","b" ]'))
    text = exported(store)
    assert text == reference(StoreRecords(store))
    doc = json.loads(text)
    claim = next(c for c in doc["claims"] if c["id"] == "claim-0-a")
    assert claim["evidence"] == {"doc": "x", "start": 0, "end": 20, "text": 'Report 0. The "monitor"'}
    assert claim["time"] == {"start": "2022-05-01", "end": "2022-05-01"}
    assert all(e["docs"] == ["a", "b"] for e in doc["events"])
    line = next(x for x in text.splitlines() if '"id": "claim-0-a"' in x).strip().rstrip(",")
    assert line == json.dumps(claim, ensure_ascii=False)


def test_streamed_chunks_are_the_file(store, tmp_path):
    stored(store, corpus())
    chunks = list(contract_chunks(StoreRecords(store)))
    assert len(chunks) > 6 and "".join(chunks) == exported(store)
    empty = Store(tmp_path / "empty.db")
    assert json.loads("".join(contract_chunks(StoreRecords(empty))))["events"] == []


def test_mentions_keep_their_order_and_null_refs(store):
    analyses = corpus()[:2]
    stored(store, analyses)
    mentions = json.loads(exported(store))["mentions"]
    expected = sorted((m for a in analyses for m in a.mentions()), key=lambda m: (m.doc, m.start, m.end))
    assert [Mention(**m) for m in mentions] == expected


def test_every_format_from_the_store_is_the_in_memory_one(store, tmp_path):
    """GeoJSON, the claims CSV and ACLED's CSV read from the store (some straight from rows) are, byte for
    byte, what they are from the whole store held in memory."""
    from thucydides.export.acled import write_acled_csv
    from thucydides.export.claims_csv import write_claims_csv
    from thucydides.export.geojson import write_geojson

    stored(store, corpus())
    writers = {"geojson": write_geojson, "csv": write_claims_csv,
               "acled": lambda source, path: write_acled_csv(source, path, timestamp=1700000000)}
    for name, write in writers.items():
        write(StoreRecords(store), tmp_path / f"store.{name}")
        write(in_memory(store), tmp_path / f"memory.{name}")
        assert (tmp_path / f"store.{name}").read_bytes() == (tmp_path / f"memory.{name}").read_bytes(), name
    assert "ثلاثة" in (tmp_path / "store.csv").read_text(encoding="utf-8")


def test_an_export_reads_one_state_of_the_store(store):
    """Reports stored while an export is being written are in none of its lists."""
    analyses = corpus()
    stored(store, analyses[:4])
    chunks = contract_chunks(StoreRecords(store))
    begun = "".join(next(chunks) for _ in range(3))  # the documents have been read
    stored(store, analyses[4:])
    doc = json.loads(begun + "".join(chunks))
    ids = {d["id"] for d in doc["documents"]}
    assert len(ids) == 4 and {c["doc"] for c in doc["claims"]} == ids and {m["doc"] for m in doc["mentions"]} == ids
    assert {d for e in doc["events"] for d in e["docs"]} <= ids
