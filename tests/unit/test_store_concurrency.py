"""Several processes on one store: creating it, adding to it and claiming from it never collide.

Each test runs on SQLite and, where THUCYDIDES_TEST_PG_URL names one, on PostgreSQL.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import subprocess
import sys

import pytest
from sqlalchemy import create_engine

from thucydides.model import Analysis, Document
from thucydides.store.db import PROCESSING, Store, new_owner
from thucydides.store.schema import metadata

PG_URL = os.environ.get("THUCYDIDES_TEST_PG_URL")
WORKERS = 6


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path) -> str:
    """Where a new store will be: a file path, or an emptied PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "shared.db")
    if not PG_URL:
        pytest.skip("set THUCYDIDES_TEST_PG_URL=postgresql+psycopg://... to run on PostgreSQL")
    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        metadata.drop_all(conn)
    engine.dispose()
    return PG_URL


def _docs(n: int, start: int = 0) -> list[Document]:
    return [Document.from_text(f"Report {i}: clashes near Hajin.", name=f"r{i}.txt") for i in range(start, start + n)]


def _open_and_add(target: str, start: int, barrier) -> int:  # type: ignore[no-untyped-def]
    barrier.wait()
    store = Store(target)
    return store.add_documents(_docs(40, start)).added


def _claim_all(target: str, barrier) -> list[str]:  # type: ignore[no-untyped-def]
    store = Store(target)
    owner = new_owner()
    barrier.wait()
    mine = []
    while docs := store.claim(owner, 3, 300):
        for doc in docs:
            store.save_analysis(Analysis(doc), owner)
            mine.append(doc.id)
    return mine


def _run_together(fn, args_list):  # type: ignore[no-untyped-def]
    ctx = mp.get_context("fork")
    barrier = ctx.Manager().Barrier(len(args_list))
    with ctx.Pool(len(args_list)) as pool:
        return pool.starmap(fn, [(*args, barrier) for args in args_list])


def test_processes_creating_and_filling_one_new_store_do_not_collide(target: str) -> None:
    added = _run_together(_open_and_add, [(target, 20 * i) for i in range(WORKERS)])
    expected = len({d.id for i in range(WORKERS) for d in _docs(40, 20 * i)})
    assert sum(added) == expected
    assert Store(target).stats().documents == expected


def test_concurrent_claims_never_hand_out_one_document_twice(target: str) -> None:
    Store(target).add_documents(_docs(60))
    claimed = _run_together(_claim_all, [(target,)] * 4)
    every = [doc_id for mine in claimed for doc_id in mine]
    assert len(every) == len(set(every)) == 60
    stats = Store(target).stats()
    assert (stats.processed, stats.pending, stats.processing) == (60, 0, 0)


def test_a_dead_runs_claims_are_taken_over_at_once_a_live_ones_are_not(target: str) -> None:
    store = Store(target)
    store.add_documents(_docs(4))
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    dead_owner = f"{new_owner().split(':')[0]}:{dead}:deadbeef"
    assert len(store.claim(dead_owner, 2, 300)) == 2
    live_owner = new_owner()
    assert len(store.claim(live_owner, 1, 300)) == 1
    taken = store.claim(new_owner(), 10, 300)
    assert len(taken) == 3, "the dead run's two and the last pending one; the live run keeps its one"
    assert store.stats().processing == 4


def test_results_of_a_claim_another_run_holds_are_not_written(target: str) -> None:
    store = Store(target)
    store.add_documents(_docs(1))
    [doc] = store.claim(new_owner(), 1, 300)
    assert not store.save_analysis(Analysis(doc), new_owner())
    assert store.stats().processed == 0 and store.stats().processing == 1


def test_release_gives_back_what_was_not_finished(target: str) -> None:
    store = Store(target)
    store.add_documents(_docs(3))
    owner = new_owner()
    first, *_ = store.claim(owner, 3, 300)
    store.save_analysis(Analysis(first), owner)
    assert store.release(owner) == 2
    stats = store.stats()
    assert (stats.processed, stats.pending, stats.processing) == (1, 2, 0)
    assert PROCESSING == "processing"


def test_an_old_store_is_migrated_in_place(tmp_path) -> None:
    """A store made before claims existed (schema 1) gains the claim columns and keeps its documents."""
    import sqlite3

    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE TABLE meta (key VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meta VALUES ('schema_version', '1');
        CREATE TABLE documents (id VARCHAR(64) PRIMARY KEY, seq INTEGER NOT NULL, name TEXT, url TEXT, title TEXT,
            outlet TEXT, language VARCHAR(16), published_start VARCHAR(10), published_end VARCHAR(10),
            published_inferred BOOLEAN NOT NULL, source TEXT, text TEXT NOT NULL, text_sha256 VARCHAR(64) NOT NULL,
            furniture JSON NOT NULL, status VARCHAR(16) NOT NULL, error TEXT);
        INSERT INTO documents VALUES ('doc-1', 1, 'a.txt', NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 'Text.',
            'x', '[]', 'ingested', NULL);
    """)
    con.close()
    store = Store(path)
    assert [d.id for d in store.claim(new_owner(), 5, 300)] == ["doc-1"]
