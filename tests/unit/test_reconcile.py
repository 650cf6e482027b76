"""Stored reconciliation: computed once, updated only where a new report touches, read by exports."""

from __future__ import annotations

import io
import json
import os
from datetime import date, timedelta

import pytest
from sqlalchemy import create_engine, inspect, select, text, update

from thucydides.corpus.across import merge_across_documents
from thucydides.corpus.reconcile import ReconcileSettings, rebuild, rebuild_cache_mb, reconcile
from thucydides.corpus.series import contradictions, rate_sources, stored_sources
from thucydides.export.bundle import ExportBundle, referenced_actors
from thucydides.export.contract import to_contract, write_contract
from thucydides.export.records import StoreRecords
from thucydides.model import Analysis, Claim, Document, Event, Evidence, Interval, Place
from thucydides.store import schema as t
from thucydides.store.db import Store
from thucydides.store.reconciled import store_mb
from thucydides.store.schema import current_version, metadata

PG_URL = os.environ.get("THUCYDIDES_TEST_PG_URL")
PLACES = {f"p{i}": Place(f"p{i}", f"Town {i}", 30.0 + i, 40.0 + i, country="SY") for i in range(3)}


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


def day(n: int) -> Interval:
    d = date(2021, 3, 1) + timedelta(days=n)
    return Interval(d, d)


def report(n: int, place: str, when: int, actor: str = "A", killed: int | None = None,
           held: float | None = None, claimant: str | None = None) -> Analysis:
    """A report we make up: one clash at `place` on day `when`, optionally a toll and an area figure."""
    doc = Document.from_text(f"Report {n}: fighting at {place} on day {when}.", name=f"r{n}.txt",
                             published=day(when))
    ev = Evidence.of(doc, 0, len(doc.text))
    claims = []
    if held is not None:
        claims.append(Claim(f"claim-{n}-held", doc.id, "territory_held", "km2", held, held, "exact", ev,
                            subject="B", claimant=claimant, place=place, time=day(when)))
    if killed is not None:
        claims.append(Claim(f"claim-{n}-killed", doc.id, "killed", "person", killed, killed, "exact", ev))
    event = Event(id=f"event-{n:03}", docs=[doc.id], event_type="Battles", sub_event_type="Armed clash",
                  evidence=[ev], actor1=actor, place=place, date=day(when), time_precision=1, fatalities=killed,
                  claims=[c.id for c in claims])
    return Analysis(doc, places={place: PLACES[place]}, claims=claims, events=[event])


def save(store: Store, analyses: list[Analysis]) -> None:
    store.add_documents([a.document for a in analyses])
    for a in analyses:
        store.save_analysis(a)


def stored_rows(store: Store) -> dict[str, dict]:
    with store.engine.connect() as conn:
        return {r["id"]: dict(r) for r in conn.execute(select(t.merged_events)).mappings()}


def corpus(n: int) -> list[Analysis]:
    """Reports over three places and two actors; reports 2k and 2k+1 tell one happening."""
    return [report(i, f"p{(i // 2) % 3}", when=i // 2, actor="A" if (i // 2) % 4 else "C", killed=10 + i % 5,
                   held=float(5 + (i % 2) * 40), claimant=f"S{i % 3}") for i in range(n)]


def test_stored_reconciliation_equals_the_whole_computation(store):
    save(store, corpus(24))
    reconcile(store)
    records = StoreRecords(store)
    expected = merge_across_documents(store.events())
    assert [(e.id, e.docs, e.fatalities) for e in records.events()] == [(e.id, e.docs, e.fatalities)
                                                                        for e in expected]
    assert any(len(e.docs) > 1 for e in expected)
    docs = store.documents()
    pairs = contradictions(store.claims(), docs)
    assert pairs and [(a, b) for a, b, _ in records.disputes()] == [(p.a.id, p.b.id) for p in pairs]
    assert stored_sources(store) == rate_sources(store.claims(), pairs)


def test_a_rebuild_keeps_the_indexes_it_writes_without(store):
    """A whole rebuild writes merged events, claim keys and disputes without their indexes, then makes them
    again."""
    save(store, corpus(24))

    def indexes() -> dict[str, list[str]]:
        with store.engine.connect() as conn:
            found = inspect(conn)
            return {name: sorted(str(i["name"]) for i in found.get_indexes(name))
                    for name in ("merged_events", "merged_members", "claim_keys", "disputes")}

    before = indexes()
    assert all(before.values())
    rebuild(store)
    assert indexes() == before
    records = StoreRecords(store)
    pairs = contradictions(store.claims(), store.documents())
    assert pairs and [(a, b) for a, b, _ in records.disputes()] == [(p.a.id, p.b.id) for p in pairs]


V3_INDEXES = {"ix_claim_keys_block": "claim_keys (metric, unit, subject, place, first_day)",
              "ix_claim_keys_claimant": "claim_keys (claimant)", "ix_disputes_a_doc": "disputes (a_doc)",
              "ix_disputes_a_claimant": "disputes (a_claimant)", "ix_disputes_b_claimant": "disputes (b_claimant)"}
"""The reconciled tables' indexes of schema 3 that schema 4 drops or replaces."""


def every_row(store: Store) -> dict[str, list[tuple]]:
    with store.engine.connect() as conn:
        return {table.name: sorted(tuple(map(repr, r)) for r in conn.execute(select(table)))
                for table in metadata.sorted_tables}


def index_names(store: Store) -> dict[str, list[str]]:
    with store.engine.connect() as conn:
        found = inspect(conn)
        return {table: sorted(str(i["name"]) for i in found.get_indexes(table)) for table in ("claim_keys", "disputes")}


def test_a_schema_3_store_upgrades_in_place_keeping_every_row(store):
    """A reconciled store of schema 3 (dispute reads through the table, claimant indexes) opens at schema 4 with
    every row as it was and the indexes of a new store, and reads and reconciles as before."""
    save(store, corpus(24))
    reconcile(store)
    rows, fresh = every_row(store), index_names(store)
    with store.engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_claim_keys_dispute"))
        for name, on in V3_INDEXES.items():
            conn.execute(text(f"CREATE INDEX {name} ON {on}"))
        conn.execute(update(t.meta).where(t.meta.c.key == "schema_version").values(value="3"))
    assert set(V3_INDEXES) <= {i for names in index_names(store).values() for i in names}
    store.close()
    again = Store(store.engine.url.render_as_string(hide_password=False))
    with again.engine.connect() as conn:
        assert current_version(conn) == t.SCHEMA_VERSION == 4
    assert every_row(again) == rows and index_names(again) == fresh
    pairs = contradictions(again.claims(), again.documents())
    assert pairs and [(a, b) for a, b, _ in StoreRecords(again).disputes()] == [(p.a.id, p.b.id) for p in pairs]
    save(again, [report(99, "p1", when=3, killed=60, held=400.0, claimant="S9")])
    reconcile(again)
    pairs = contradictions(again.claims(), again.documents())
    assert any(p.b.id.startswith("claim-99") or p.a.id.startswith("claim-99") for p in pairs)
    assert [(a, b) for a, b, _ in StoreRecords(again).disputes()] == [(p.a.id, p.b.id) for p in pairs]
    assert stored_sources(again) == rate_sources(again.claims(), pairs)
    again.close()


def test_a_rebuild_caches_a_share_of_the_store_within_its_bounds(store):
    """SQLite: the rebuild's page cache follows the store's size, at least the floor, at most the cap; other
    stores have no size of their own to follow (their server's cache serves them)."""
    save(store, corpus(24))
    with store.engine.connect() as conn:
        size = store_mb(conn)
        floor = rebuild_cache_mb(conn, ReconcileSettings(rebuild_cache_mb=64))
        share = rebuild_cache_mb(conn, ReconcileSettings(rebuild_cache_mb=0, rebuild_cache_of_store=1000.0))
        capped = rebuild_cache_mb(conn, ReconcileSettings(rebuild_cache_mb=0, rebuild_cache_of_store=1000.0,
                                                          rebuild_cache_max_mb=1))
    assert floor == 64
    if store.engine.dialect.name == "sqlite":
        assert 0 < size < 1 and share == int(size * 1000) > 1 and capped == 1
    else:
        assert size == 0 and share == 0


def test_a_rebuild_takes_the_write_lock_before_it_reads(store, tmp_path, monkeypatch):
    """SQLite: a transaction that reads first and writes later fails at once ("database is locked", no wait)
    when another process committed in between: so a rebuild takes its lock before it reads anything, even the
    store's size. Here another process commits whenever it can while the rebuild sizes its cache."""
    if store.engine.dialect.name != "sqlite":
        pytest.skip("a SQLite reader's upgrade to a writer")
    import sqlite3

    from thucydides.store import reconciled

    save(store, corpus(6))
    size_of = reconciled.store_mb

    def size_while_another_process_writes(conn):
        size = size_of(conn)
        other = sqlite3.connect(tmp_path / "s.db", timeout=0.1)
        try:
            other.execute("INSERT INTO meta (key, value) VALUES ('probe', '1')")
            other.commit()
        except sqlite3.OperationalError:
            pass  # the rebuild already holds the write lock: nothing can come between
        finally:
            other.close()
        return size

    monkeypatch.setattr(reconciled, "store_mb", size_while_another_process_writes)
    rebuild(store)
    assert stored_rows(store)


def test_adding_one_report_changes_only_the_merged_events_it_touches(store):
    save(store, corpus(24))
    reconcile(store)
    before = stored_rows(store)
    newcomer = report(99, "p1", when=1, actor="A", killed=7)
    save(store, [newcomer])
    result = reconcile(store)
    after = stored_rows(store)
    changed = {i for i in before.keys() | after.keys() if before.get(i) != after.get(i)}
    touched = {i for i, row in after.items() if newcomer.doc_id in row["docs"]}
    assert len(touched) == 1
    (merged,) = touched
    assert len(after[merged]["docs"]) > 1 and after[merged]["fatalities"] == 7  # the lowest toll stands
    assert changed <= touched | (before.keys() - after.keys())
    assert result.added == 1 and result.removed <= 1 and result.documents == 1
    assert len(changed) <= 2  # the group it joined: old id gone, new id in


def test_reprocessed_and_failed_reports_leave_nothing_behind(store):
    analyses = corpus(12)
    save(store, analyses)
    reconcile(store)
    store.mark_failed(analyses[3].doc_id, "broken")
    reconcile(store)
    assert all(analyses[3].doc_id not in e.docs for e in StoreRecords(store).events())
    incremental = stored_rows(store)
    rebuild(store)
    assert stored_rows(store) == incremental


def test_streamed_export_is_the_contract_of_the_whole_store(store):
    save(store, corpus(10))
    reconcile(store)
    buffer = io.StringIO()
    write_contract(StoreRecords(store), buffer)
    streamed = json.loads(buffer.getvalue())
    mentions, claims = store.mentions(), store.claims()
    events = merge_across_documents(store.events())
    bundle = ExportBundle(documents=store.documents(status="processed"),
                          actors=referenced_actors(mentions, claims, events), places=store.places(),
                          mentions=mentions, claims=claims, events=events)
    assert streamed == to_contract(bundle)
    assert streamed["format"] == "thucydides-export" and len(streamed["events"]) < 10


def random_report(rng, n: int, salt: int = 0) -> Analysis:
    """A made-up report with 1-3 events over two places, two types and two actors; dates of one to
    four days, some open-ended, some missing (an undated event makes its block be redone whole)."""
    first = date(2021, 3, 1) + timedelta(days=n % 15)
    published = None if rng.random() < 0.2 else Interval(first, first + timedelta(days=rng.choice((0, 2))),
                                                          rng.random() < 0.3)
    doc = Document.from_text(f"Report {n} (version {salt}) of fighting.", name=f"r{n}.txt", published=published)
    ev = Evidence.of(doc, 0, len(doc.text))
    claims = [random_claim(rng, doc, ev, f"claim-{n}-{salt}-{k}") for k in range(rng.randint(0, 3))]
    events = []
    for k in range(rng.randint(1, 3)):
        start = date(2021, 3, 1) + timedelta(days=rng.randint(0, 15))
        shape = rng.random()
        when = (None if shape < 0.05 else Interval(start, None) if shape < 0.1
                else Interval(start, start + timedelta(days=rng.choice((0, 0, 1, 3)))))
        kind = rng.choice((("Battles", "Armed clash"), ("Riots", "Mob violence")))
        events.append(Event(id=f"event-{n:03}-{salt}-{k}", docs=[doc.id], event_type=kind[0], sub_event_type=kind[1],
                            evidence=[Evidence.of(doc, 0, 6 + k), ev], actor1=rng.choice(("A", "A", None)),
                            actor2=rng.choice(("C", None)), place=rng.choice(("p0", "p1", "p1", None)),
                            date=when, time_precision=rng.randint(1, 3), fatalities=rng.choice((None, 3, 9)),
                            claims=[f"claim-{n}-{k}"]))
    return Analysis(doc, places=dict(PLACES), claims=claims, events=events)


def random_claim(rng, doc: Document, ev: Evidence, claim_id: str) -> Claim:
    """An area figure: its own time (a day, an open end, no day at all) or none (its report's date)."""
    start = date(2021, 3, 1) + timedelta(days=rng.randint(0, 15))
    when = rng.choice((None, None, Interval(start, start), Interval(None, start), Interval(None, None)))
    low = float(rng.choice((5, 6, 40, 100)))
    return Claim(claim_id, doc.id, "territory_held", "km2", low, rng.choice((low, None)),
                 rng.choice(("exact", "approximately", "at_least")), ev, subject=rng.choice(("B", None)),
                 claimant=rng.choice(("S1", "S2", None)), place=rng.choice(("p0", "p1", None)), time=when)


def test_incremental_stretches_equal_the_whole_computation(store):
    """Reports added, reprocessed with other events, and failed, reconciled a few at a time in chunks of
    three: the stored merged events stay those of the whole in-memory merge, and of a rebuild."""
    import random

    from thucydides.corpus.reconcile import ReconcileSettings
    from thucydides.export.contract import event as event_record

    rng = random.Random(7)
    small = ReconcileSettings(chunk=3, rebuild_share=0.9)
    analyses = [random_report(rng, n) for n in range(24)]
    save(store, analyses[:12])
    reconcile(store)
    for step in range(6):
        batch = analyses[12 + 2 * step:14 + 2 * step]
        batch += [random_report(rng, n, salt=step + 1) for n in rng.sample(range(12 + 2 * step), 2)]
        save(store, batch)
        store.mark_failed(analyses[rng.randrange(12)].doc_id, "made to fail")
        reconcile(store, settings=small)
        stored = [event_record(e) for e in StoreRecords(store).events()]
        assert stored == [event_record(e) for e in merge_across_documents(store.events())]
        assert_claims_as_in_memory(store)
        incremental = stored_rows(store)
        rebuild(store)
        assert stored_rows(store) == incremental
        assert_claims_as_in_memory(store)
    assert any(len(e["docs"]) > 2 for e in stored)


def assert_claims_as_in_memory(store: Store) -> None:
    """Stored series, disputes and source ratings are those computed from the whole store in memory."""
    from thucydides.corpus.series import build_series

    records, claims, docs = StoreRecords(store), store.claims(), store.documents()
    series = build_series(claims, docs)
    assert [(key, [(c.id, when) for c, when in records.series_points(key)]) for key in records.series_keys()] == [
        ((s.metric, s.unit, s.subject), [(p.claim.id, p.when) for p in s.points]) for s in series]
    pairs = contradictions(claims, docs)
    assert [(a, b, reason) for a, b, reason in records.disputes()] == [(p.a.id, p.b.id, p.reason) for p in pairs]
    assert stored_sources(store) == rate_sources(claims, pairs)
