"""Worker processes that can be stopped: a task running past its time limit is killed, not waited for.

A Python thread cannot be interrupted inside C code (a regex, lxml, spaCy's tokenizer), so anything
that must finish in bounded time runs in a worker process. Each worker sets up once (loads the
pipeline), then takes tasks one at a time. While it works it sends messages: `start` marks the
beginning of a unit of work (a document, a JSONL record) and restarts its clock; `out` carries a
result. A worker silent past the limit since its last `start` is killed and replaced, and the
supervisor reports which unit overran; a worker that dies is reported the same way. The caller
decides what an overrun means (a document kept as failed, a file resumed after the record).
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import signal
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import import_module
from multiprocessing.connection import Connection, wait
from typing import Any

Handler = Callable[[Any], Iterator[tuple[str, Any]]]
"""Worker side: a task's payload in, ('start', marker) and ('out', item) messages out."""


class WorkerSetupError(RuntimeError):
    """A worker could not set up (a missing model, say); no task can run, so the run stops."""


@dataclass
class Task:
    key: int
    payload: Any


@dataclass(frozen=True)
class Started:
    task: Task
    marker: Any


@dataclass(frozen=True)
class Output:
    task: Task
    item: Any


@dataclass(frozen=True)
class Finished:
    task: Task


@dataclass(frozen=True)
class Stopped:
    """The task's worker was killed (`overran` its time, or `over_memory`) or died; `marker` is the unit it
    was on (None: before any)."""

    task: Task
    marker: Any
    overran: bool
    detail: str
    over_memory: bool = False


@dataclass(frozen=True)
class Tick:
    """Nothing happened for a while; lets the caller do periodic work (renew leases)."""


Event = Started | Output | Finished | Stopped | Tick


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when its parent dies, so a `kill -9`ed run leaves no orphans working."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def worker_main(conn: Connection, factory: str, args: tuple[Any, ...]) -> None:
    """A worker's life: set up once, then run tasks until told to stop (None) or the pipe closes.

    Messages go out as (task key, [(kind, value), ...]): results gathered since the last message, sent
    together with the `start` of the next unit, so the supervisor always knows the unit in hand.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the supervisor's to handle
    _die_with_parent()
    module, _, name = factory.rpartition(".")
    try:
        handler: Handler = getattr(import_module(module), name)(*args)
    except BaseException:  # noqa: BLE001 - reported to the supervisor, which stops the run
        conn.send((None, [("fatal", traceback.format_exc())]))
        return
    conn.send((None, [("ready", None)]))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        try:
            _run_task(conn, handler, *message)
        except (BrokenPipeError, EOFError):
            return


def _run_task(conn: Connection, handler: Handler, key: int, payload: Any) -> None:
    pending: list[tuple[str, Any]] = []
    try:
        for kind, value in handler(payload):
            pending.append((kind, value))
            if kind == "start":
                conn.send((key, pending))
                pending = []
    except (BrokenPipeError, EOFError):
        raise
    except BaseException:  # noqa: BLE001 - a handler bug fails the task, the worker goes on
        pending.append(("error", traceback.format_exc(limit=-3)))
    else:
        pending.append(("done", None))
    conn.send((key, pending))


@dataclass
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    task: Task | None = None
    marker: Any = None
    deadline: float = float("inf")


def can_fork() -> bool:
    """Workers can be forked from this process (Linux), sharing what it has loaded."""
    return "fork" in mp.get_all_start_methods() and os.name == "posix" and sys.platform != "darwin"


def _context() -> Any:
    """Fork where it is safe (the supervisor runs no threads), else start fresh interpreters."""
    return mp.get_context("fork" if can_fork() else "spawn")


@dataclass
class Supervisor:
    """Runs tasks on `workers` processes, each set up by `factory(*args)` (a dotted path to a function)."""

    factory: str
    args: tuple[Any, ...] = ()
    workers: int = 1
    time_limit: float = 60.0
    memory_limit_mb: float = 0.0
    """A busy worker whose resident memory grows past this is killed like one that overruns (0: no limit)."""
    tick: float = 30.0
    queue: deque[Task] = field(default_factory=deque)
    _pool: list[_Worker] = field(default_factory=list)
    _next_key: int = 0

    def submit(self, payload: Any, first: bool = False) -> Task:
        """Queue a task (at the front with `first`); may be called while `events()` runs."""
        task = Task(self._next_key, payload)
        self._next_key += 1
        if first:
            self.queue.appendleft(task)
        else:
            self.queue.append(task)
        return task

    def events(self) -> Iterator[Event]:
        """What the workers do, until every queued task (including ones submitted meanwhile) is finished."""
        ctx = _context()
        try:
            while self.queue or any(w.task for w in self._pool):
                self._staff(ctx)
                self._dispatch()
                yield from self._wait()
        finally:
            self.close()

    def _busy(self) -> int:
        return sum(1 for w in self._pool if w.task is not None)

    def _staff(self, ctx: Any) -> None:
        """Keep as many workers as there is work for, up to `workers`."""
        wanted = min(self.workers, len(self.queue) + self._busy())
        while len(self._pool) < wanted:
            ours, theirs = ctx.Pipe()
            process = ctx.Process(target=worker_main, args=(theirs, self.factory, self.args), daemon=True)
            process.start()
            theirs.close()
            self._pool.append(_Worker(process, ours))

    def _dispatch(self) -> None:
        for worker in self._pool:
            if worker.ready and worker.task is None and self.queue:
                task = self.queue.popleft()
                worker.task, worker.marker = task, None
                worker.deadline = time.monotonic() + self.time_limit
                worker.conn.send((task.key, task.payload))

    def _wait(self) -> Iterator[Event]:
        now = time.monotonic()
        soonest = min((w.deadline for w in self._pool if w.task is not None), default=now + self.tick)
        every = MEMORY_CHECK_S if self.memory_limit_mb else self.tick
        ready = wait([w.conn for w in self._pool], timeout=max(0.0, min(soonest - now, self.tick, every)))
        if not ready:
            yield Tick()
        for worker in list(self._pool):
            if worker.conn in ready:
                yield from self._receive(worker)
        now = time.monotonic()
        for worker in list(self._pool):
            if worker.task is not None and now > worker.deadline:
                yield self._stop(worker, overran=True, detail=f"over {self.time_limit:g} s")
            elif worker.task is not None and self._over_memory(worker):
                yield self._stop(worker, overran=False, detail=f"over {self.memory_limit_mb:g} MB of memory",
                                 over_memory=True)

    def _over_memory(self, worker: _Worker) -> bool:
        return bool(self.memory_limit_mb) and _rss_mb(worker.process.pid) > self.memory_limit_mb

    def _receive(self, worker: _Worker) -> Iterator[Event]:
        """Everything the worker has sent so far (a bounded number of messages, so deadlines are checked)."""
        for _ in range(64):
            try:
                _key, pairs = worker.conn.recv()
            except (EOFError, OSError):
                yield from self._died(worker)
                return
            events = [e for kind, value in pairs for e in self._message(worker, kind, value)]
            if any(isinstance(e, Finished) for e in events):
                self._dispatch()  # its next task goes out before the caller stores its results, not after
            yield from events
            if worker not in self._pool or not worker.conn.poll():
                return

    def _died(self, worker: _Worker) -> Iterator[Event]:
        worker.process.join(timeout=5)
        detail = f"worker died ({_exit_reason(worker.process.exitcode)})"
        if worker.task is not None:
            yield self._stop(worker, overran=False, detail=detail)
            return
        self._retire(worker)
        if not worker.ready:
            raise WorkerSetupError(detail)

    def _message(self, worker: _Worker, kind: str, value: Any) -> Iterator[Event]:
        task = worker.task
        if kind == "ready":
            worker.ready = True
        elif kind == "fatal":
            self._retire(worker)
            raise WorkerSetupError(value)
        elif task is None:
            return
        elif kind == "start":
            worker.marker = value
            worker.deadline = time.monotonic() + self.time_limit
            yield Started(task, value)
        elif kind == "out":
            yield Output(task, value)
        elif kind == "error":
            worker.task = None
            yield Stopped(task, worker.marker, overran=False, detail=value.strip().splitlines()[-1])
        elif kind == "done":
            worker.task = None
            yield Finished(task)

    def _stop(self, worker: _Worker, overran: bool, detail: str, over_memory: bool = False) -> Stopped:
        task = worker.task
        assert task is not None
        self._retire(worker)
        return Stopped(task, worker.marker, overran=overran, detail=detail, over_memory=over_memory)

    def _retire(self, worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()
        self._pool.remove(worker)

    def close(self) -> None:
        """Stop every worker: idle ones are told to leave, busy ones are killed."""
        for worker in list(self._pool):
            if worker.task is None and worker.ready:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
                worker.process.join(timeout=2)
            self._retire(worker)


MEMORY_CHECK_S = 0.5


def _rss_mb(pid: int | None) -> float:
    """Resident memory of a process, from /proc (Linux); 0 where that cannot be read."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


def _exit_reason(code: int | None) -> str:
    if code is None:
        return "still running"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)
