"""Processing on a Dask cluster: the same pipeline on many workers against one shared store.

`thucydides run/process --engine dask --scheduler tcp://HOST:8786` sends the pending documents, in
batches, to the workers of a running cluster; `--workers N` starts a local cluster of N worker
processes instead. Each worker loads the pipeline once (a worker plugin) and opens the store; each
batch is a task that stores every document in its own transaction, exactly as a plain run does. A
worker killed mid-batch loses only its task: Dask runs the task again on another worker, which
skips the documents the killed one had already stored. Reconciliation runs once, at the end, here.

The store must be one every worker reaches: PostgreSQL for a real cluster (a SQLite file works for
a local cluster on one machine). Dask is an optional extra: `pip install thucydides[dask]`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from thucydides.corpus.reconcile import reconcile
from thucydides.pipeline import Pipeline
from thucydides.runner import ProcessReport
from thucydides.store.db import Store
from thucydides.workers.jobs import DocumentFailed, pipeline_handler

PLUGIN = "thucydides-pipeline"

Progress = Callable[[int], None]


class EngineError(RuntimeError):
    """Dask is not installed, or the cluster cannot be reached."""


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise EngineError("the dask engine needs Dask: pip install 'thucydides[dask]'") from exc
    return distributed


class PipelinePlugin:
    """Loads the pipeline and opens the store once per worker (not once per batch)."""

    name = PLUGIN

    def __init__(self, store_url: str) -> None:
        self.store_url = store_url
        self.pipeline: Pipeline | None = None
        self.store: Store | None = None

    def setup(self, worker: Any) -> None:
        from thucydides.corpus.outlet_homes import kept_homes
        from thucydides.geo.outlets import use_homes

        self.store = Store(self.store_url)
        use_homes(kept_homes(self.store))  # the outlet homes learned over this store, for the places stage
        self.pipeline = Pipeline()

    def teardown(self, worker: Any) -> None:
        if self.store is not None:
            self.store.close()


@dataclass
class BatchResult:
    processed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


def process_batch(ids: list[str], retry_failed: bool = False) -> BatchResult:
    """Run on a worker: process the batch's documents that are still waiting, one transaction each."""
    plugin: PipelinePlugin = _distributed().get_worker().plugins[PLUGIN]
    assert plugin.store is not None and plugin.pipeline is not None, "worker plugin not set up"
    result = BatchResult()
    docs = plugin.store.load_unprocessed(ids, include_failed=retry_failed)
    names = {d.id: d.name or d.id for d in docs}
    for kind, item in pipeline_handler(plugin.pipeline)(docs):
        if kind != "out":
            continue
        if isinstance(item, DocumentFailed):
            plugin.store.mark_failed(item.doc_id, item.error)
            result.failures.append((names.get(item.doc_id, item.doc_id), item.error))
        else:
            plugin.store.save_analysis(item)
            result.processed += 1
    return result


@contextmanager
def client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A client of the cluster at `scheduler`, else of a local cluster of `workers` processes."""
    distributed = _distributed()
    if scheduler:
        try:
            with distributed.Client(scheduler, timeout="30s") as c:
                yield c
        except OSError as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        return
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


def process_on_dask(store: Store, scheduler: str | None = None, workers: int = 2, batch_size: int = 32,
                    retry_failed: bool = False, advance: Progress | None = None) -> ProcessReport:
    """Process every pending document on a Dask cluster, then reconcile across documents once."""
    report = ProcessReport()
    ids = store.pending_ids(include_failed=retry_failed)
    if not ids:
        return report
    batches = [ids[i:i + batch_size] for i in range(0, len(ids), batch_size)]
    with client(scheduler, workers) as c:
        c.register_plugin(_as_worker_plugin(PipelinePlugin(store.url)), name=PLUGIN)
        futures = c.map(process_batch, batches, retry_failed=retry_failed, pure=False, retries=2)
        for future in _distributed().as_completed(futures):
            result: BatchResult = future.result()
            report.processed += result.processed
            report.failures += result.failures
            if advance:
                advance(result.processed + len(result.failures))
    reconcile(store)
    return report


def _as_worker_plugin(plugin: PipelinePlugin) -> Any:
    """The plugin as Dask's WorkerPlugin (subclassed here so importing this module needs no Dask)."""
    base = _distributed().WorkerPlugin
    cls = type("ThucydidesPipelinePlugin", (PipelinePlugin, base), {})
    return cls(plugin.store_url)
