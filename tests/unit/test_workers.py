"""The worker pool: tasks run on several processes, an overrunning unit is killed and named, a crash too."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

import pytest

from thucydides.workers.pool import Finished, Output, Stopped, Supervisor, WorkerSetupError, _rss_mb


def echo_worker(tag: str) -> Any:
    """Payload: a list of (unit, seconds to take, how to end); the unit is the marker."""

    def handle(payload: list[tuple[str, float, str]]) -> Iterator[tuple[str, Any]]:
        for unit, seconds, end in payload:
            yield "start", unit
            time.sleep(seconds)
            if end == "grow":
                hog = bytearray(400 * 1024 * 1024)
                time.sleep(10)
                del hog
            if end == "crash":
                os._exit(9)
            if end == "raise":
                raise ValueError(f"broken {unit}")
            yield "out", (tag, unit, os.getpid())

    return handle


def broken_worker() -> Any:
    raise RuntimeError("no model here")


FACTORY = f"{__name__}.echo_worker"


def _run(pool: Supervisor, payloads: list[list[tuple[str, float, str]]]) -> list[Any]:
    for payload in payloads:
        pool.submit(payload)
    return list(pool.events())


def test_tasks_spread_over_workers_and_all_finish() -> None:
    pool = Supervisor(FACTORY, ("t",), workers=2, time_limit=30)
    events = _run(pool, [[(f"u{i}", 0.3, "ok")] for i in range(6)])
    outputs = [e.item for e in events if isinstance(e, Output)]
    assert sorted(u for _, u, _ in outputs) == [f"u{i}" for i in range(6)]
    assert len({pid for _, _, pid in outputs}) == 2
    assert sum(isinstance(e, Finished) for e in events) == 6


def test_a_worker_gets_its_next_task_before_its_results_are_handed_on() -> None:
    """The caller stores each result as it comes; the worker that sent them does not wait for that."""
    pool = Supervisor(FACTORY, ("t",), workers=1, time_limit=30)
    for i in range(3):
        pool.submit([(f"u{i}", 0, "ok")])
    queued_at_output = [len(pool.queue) for e in pool.events() if isinstance(e, Output)]
    assert queued_at_output == [1, 0, 0]


def test_a_unit_over_the_limit_is_killed_named_and_the_rest_goes_on() -> None:
    pool = Supervisor(FACTORY, ("t",), workers=1, time_limit=1)
    began = time.monotonic()
    events = _run(pool, [[("fast", 0, "ok"), ("slow", 60, "ok")], [("after", 0, "ok")]])
    assert time.monotonic() - began < 20
    [stopped] = [e for e in events if isinstance(e, Stopped)]
    assert stopped.overran and stopped.marker == "slow"
    assert [e.item[1] for e in events if isinstance(e, Output)] == ["fast", "after"]


def test_the_clock_restarts_at_each_unit() -> None:
    pool = Supervisor(FACTORY, ("t",), workers=1, time_limit=1.5)
    events = _run(pool, [[(f"u{i}", 0.6, "ok") for i in range(5)]])
    assert not any(isinstance(e, Stopped) for e in events)


def test_a_crash_or_an_error_stops_one_task_only() -> None:
    pool = Supervisor(FACTORY, ("t",), workers=1, time_limit=30)
    events = _run(pool, [[("dies", 0, "crash")], [("raises", 0, "raise")], [("fine", 0, "ok")]])
    stopped = {e.marker: e for e in events if isinstance(e, Stopped)}
    assert not stopped["dies"].overran and "worker died" in stopped["dies"].detail
    assert "broken raises" in stopped["raises"].detail
    assert [e.item[1] for e in events if isinstance(e, Output)] == ["fine"]


def test_a_worker_that_cannot_set_up_stops_the_run_with_its_reason() -> None:
    pool = Supervisor(f"{__name__}.broken_worker", workers=1, time_limit=30)
    with pytest.raises(WorkerSetupError, match="no model here"):
        _run(pool, [[("x", 0, "ok")]])


def test_a_unit_growing_past_the_memory_limit_is_killed_and_named() -> None:
    # A forked worker starts with this process's pages resident, so the limit sits above what pytest holds.
    limit = _rss_mb(os.getpid()) + 250
    pool = Supervisor(FACTORY, ("t",), workers=1, time_limit=60, memory_limit_mb=limit)
    began = time.monotonic()
    events = _run(pool, [[("hog", 0, "grow")], [("after", 0, "ok")]])
    assert time.monotonic() - began < 9
    [stopped] = [e for e in events if isinstance(e, Stopped)]
    assert stopped.over_memory and stopped.marker == "hog" and "MB of memory" in stopped.detail
    assert [e.item[1] for e in events if isinstance(e, Output)] == ["after"]


class _Loaded:
    """Stands in for a loaded pipeline: long-lived objects, and documents run as one batch."""

    def __init__(self) -> None:
        self.lexicon = [{"word": str(i)} for i in range(1000)]

    def run_documents(self, docs: list[Any]) -> list[Any]:
        raise ValueError("this stub fails every batch, so each document fails alone")


def test_pipeline_handler_freezes_what_is_loaded_and_still_runs() -> None:
    """Making a handler puts what is alive (the loaded pipeline) out of the cyclic collector's reach, and the
    handler still runs documents: a failing batch is retried one by one, each failure named."""
    import gc

    from thucydides.model import Document
    from thucydides.workers.jobs import DocumentFailed, pipeline_handler

    loaded = _Loaded()
    before = gc.get_freeze_count()
    try:
        handle = pipeline_handler(loaded)
        assert gc.get_freeze_count() > before
        assert gc.get_freeze_count() >= len(loaded.lexicon)
        docs = [Document.from_text("Troops crossed the river at dawn."), Document.from_text("Nothing happened.")]
        outs = [item for kind, item in handle(docs) if kind == "out"]
    finally:
        gc.unfreeze()
    assert [o.doc_id for o in outs] == [d.id for d in docs]
    assert all(isinstance(o, DocumentFailed) and "fails every batch" in o.error for o in outs)
