"""The `thucydides` command: a thin layer over runner, store and exporters.

Exit codes: 0 when every input succeeded, 1 when some failed (the rest is stored),
2 on usage errors (bad options, unknown format, a store that cannot be opened).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from thucydides import export as exporters
from thucydides.store.db import DEFAULT_DB, Store, StoreError

app = typer.Typer(
    help="Turn war reporting into auditable, geolocated event data.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
err = Console(stderr=True, soft_wrap=True)
out = Console()

DbOption = Annotated[Path, typer.Option("--db", help="Store: a SQLite file, or a SQLAlchemy URL.")]
PathsArg = Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively).", show_default=False)]


def _store_target(db: Path) -> str:
    """--db as given: a SQLAlchemy URL comes through Path, which folds its '//' into '/': unfold it."""
    text = str(db)
    scheme, sep, rest = text.partition(":/")
    if sep and scheme and all(ch.isalnum() or ch in "+-." for ch in scheme) and not rest.startswith("/"):
        return f"{scheme}://{rest}"
    return text


def _open(db: Path, create: bool = False) -> Store:
    """Open the store; commands that write may create it, commands that read need it to exist."""
    target = _store_target(db)
    is_file = "://" not in target
    if is_file and not db.exists():
        if not create:
            err.print(f"[red]error:[/red] {db}: no store here; create one with `thucydides run PATH --db {db}`")
            raise typer.Exit(2)
        db.parent.mkdir(parents=True, exist_ok=True)
    try:
        return Store(target)
    except StoreError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


@contextmanager
def _progress(label: str, total: int | None) -> Iterator[Progress]:
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as bar:
        bar.add_task(label, total=total)
        yield bar


@contextmanager
def _resumable(label: str) -> Iterator[None]:
    """Ctrl-C ends the command saying how to resume, instead of a bare exit."""
    try:
        yield
    except KeyboardInterrupt:
        err.print(f"interrupted while {label}: everything stored so far is kept; run the same command to resume")
        raise typer.Exit(130) from None


def _advance(bar: Progress):  # type: ignore[no-untyped-def]
    task = bar.task_ids[0]
    return lambda n: bar.advance(task, n)


def _ingest(store: Store, paths: list[Path]) -> int:
    from thucydides.runner import ingest

    with _resumable("ingesting"), _progress("ingesting", None) as bar:
        report = ingest(store, paths, advance=_advance(bar))
    for failure in report.failures:
        err.print(f"[yellow]skipped[/yellow] {failure.source}: {failure.reason}", highlight=False)
    err.print(f"ingested: {report.added} new, {report.already} already stored, {len(report.failures)} failed")
    return 1 if report.failures else 0


EngineOption = Annotated[str, typer.Option("--engine", help="local (this process) or dask (a Dask cluster).")]
SchedulerOption = Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address (tcp://HOST:8786); "
                                                     "without it, --engine dask starts a local cluster.")]
WorkersOption = Annotated[int, typer.Option("--workers", min=1, help="Worker processes of a local Dask cluster.")]


def _process_on_dask(store: Store, batch_size: int, retry_failed: bool, scheduler: str | None,
                     workers: int, todo: int) -> int:
    from thucydides.engine.dask import EngineError, process_on_dask

    with _resumable("processing"), _progress("processing on dask", todo) as bar:
        try:
            report = process_on_dask(store, scheduler, workers, batch_size, retry_failed, advance=_advance(bar))
        except EngineError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from exc
    for name, error in report.failures:
        err.print(f"[red]failed[/red] {name}: {error}", highlight=False)
    err.print(f"processed: {report.processed} documents, {len(report.failures)} failed")
    return 1 if report.failures else 0


def _process(store: Store, batch_size: int, retry_failed: bool, engine: str = "local",
             scheduler: str | None = None, workers: int = 2) -> int:
    from thucydides.pipeline import Pipeline
    from thucydides.runner import process

    if engine not in ("local", "dask"):
        err.print(f"[red]error:[/red] unknown engine {engine!r}; choose local or dask")
        raise typer.Exit(2)
    todo = len(store.pending_ids(include_failed=retry_failed))
    if not todo:
        err.print("processed: nothing pending")
        return 0
    if engine == "dask":
        return _process_on_dask(store, batch_size, retry_failed, scheduler, workers, todo)
    with _resumable("processing"):
        from thucydides.cli.gazetteer import ensure_gazetteer

        ensure_gazetteer(err)  # the one-off build, announced, before anything else loads
        with err.status("loading language model and gazetteer", spinner="dots"):
            pipeline = Pipeline()
        with _progress("processing", todo) as bar:
            report = process(store, pipeline, batch_size=batch_size, retry_failed=retry_failed,
                             advance=_advance(bar))
    for name, error in report.failures:
        err.print(f"[red]failed[/red] {name}: {error}", highlight=False)
    err.print(f"processed: {report.processed} documents, {len(report.failures)} failed")
    return 1 if report.failures else 0


def _summary(store: Store) -> None:
    s = store.stats()
    table = Table(title="thucydides store", show_header=False)
    for label, value in (("documents", s.documents), ("  processed", s.processed), ("  pending", s.pending),
                         ("  failed", s.failed), ("places", s.places), ("mentions", s.mentions),
                         ("claims", s.claims), ("events", s.events)):
        table.add_row(label, str(value))
    out.print(table)


def _reconciled(store: Store) -> None:
    """Catch the stored reconciliation up with results stored since (a killed run, an older store)."""
    from thucydides.corpus.reconcile import needs_reconciling, reconcile

    if needs_reconciling(store):
        with err.status("reconciling reports", spinner="dots"):
            reconcile(store)


def _export(store: Store, fmt: str, output: Path) -> None:
    from thucydides.export.records import StoreRecords

    if fmt not in exporters.FORMATS:
        err.print(f"[red]error:[/red] unknown format {fmt!r}; choose one of {', '.join(exporters.FORMATS)}")
        raise typer.Exit(2)
    if not output.parent.is_dir():
        err.print(f"[red]error:[/red] {output}: folder {output.parent} does not exist")
        raise typer.Exit(2)
    _reconciled(store)
    exporters.write(StoreRecords(store), fmt, output)
    err.print(f"wrote {fmt} to {output}")


@app.command()
def run(
    paths: PathsArg,
    db: DbOption = DEFAULT_DB,
    out_dir: Annotated[Path | None, typer.Option("--out", help="Also write every export format into this folder.")]
    = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per spaCy batch.")] = 32,
    engine: EngineOption = "local",
    scheduler: SchedulerOption = None,
    workers: WorkersOption = 2,
) -> None:
    """Ingest PATHS and process everything pending: the main job."""
    store = _open(db, create=True)
    status = _ingest(store, paths)
    status = max(status, _process(store, batch_size, False, engine, scheduler, workers))
    _summary(store)
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        for fmt, (_, _, suffix) in exporters.FORMATS.items():
            _export(store, fmt, out_dir / f"thucydides{suffix}")
    err.print(f"next: `thucydides disputes --db {db}` for disagreeing figures, "
              f"`thucydides serve --db {db}` for the map and timeline")
    raise typer.Exit(status)


@app.command()
def ingest(paths: PathsArg, db: DbOption = DEFAULT_DB) -> None:
    """Read reports into the store without processing them (re-ingest changes nothing)."""
    raise typer.Exit(_ingest(_open(db, create=True), paths))


@app.command()
def process(
    db: DbOption = DEFAULT_DB,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per spaCy batch.")] = 32,
    retry_failed: Annotated[bool, typer.Option(help="Also retry documents whose processing failed.")] = False,
    again: Annotated[bool, typer.Option("--all", help="Reprocess every document (after a lexicon change).")] = False,
    engine: EngineOption = "local",
    scheduler: SchedulerOption = None,
    workers: WorkersOption = 2,
) -> None:
    """Process the documents the store holds but has not processed yet (resumes a killed run)."""
    store = _open(db)
    if again:
        store.reset()
    raise typer.Exit(_process(store, batch_size, retry_failed, engine, scheduler, workers))


@app.command("export")
def export_cmd(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(exporters.FORMATS)}.")] = "json",
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")] = Path("thucydides.json"),
) -> None:
    """Write what the store holds as json (the contract), geojson, csv (claims) or acled."""
    _export(_open(db), fmt, output)


@app.command()
def stats(db: DbOption = DEFAULT_DB) -> None:
    """Show what the store holds, and documents whose processing failed."""
    store = _open(db)
    _summary(store)
    for _, name, error in store.failures():
        err.print(f"[red]failed[/red] {name}: {error}", highlight=False)


@app.command()
def series(
    db: DbOption = DEFAULT_DB,
    metric: Annotated[str | None, typer.Option(help="Only this metric, e.g. territory_held.")] = None,
    subject: Annotated[str | None, typer.Option(help="Only claims about this actor id, e.g. ISIS.")] = None,
) -> None:
    """Every claim about one quantity in time order, with who says so (e.g. the area ISIS held)."""
    from thucydides.export.records import StoreRecords, pages

    store = _open(db)
    _reconciled(store)
    records = StoreRecords(store)
    shown = 0
    for key in records.series_keys(metric, subject):
        table = Table(title=f"{key[0]} ({key[1]}) of {key[2] or 'anyone'}", title_justify="left")
        for column in ("when", "figure", "qualifier", "claimant", "report", "evidence"):
            table.add_column(column, overflow="fold")
        for points in pages(records.series_points(key)):
            names = records.documents_by_id(c.doc for c, _ in points)
            for c, when in points:
                doc = names.get(c.doc)
                span = "" if when is None else f"{when.start or '…'} – {when.end or '…'}"
                figure = "–".join(f"{x:g}" for x in dict.fromkeys(v for v in (c.low, c.high) if v is not None))
                table.add_row(span, figure, c.qualifier, c.claimant or "(outlet)",
                              (doc.name or doc.id) if doc else c.doc, c.evidence.text[:120])
        out.print(table)
        shown += 1
    if not shown:
        err.print("no claims match")


@app.command()
def disputes(db: DbOption = DEFAULT_DB) -> None:
    """Claims from different reports that count the same thing at the same time and cannot both be true."""
    from thucydides.export.records import StoreRecords, pages

    store = _open(db)
    _reconciled(store)
    records = StoreRecords(store)
    found = 0
    for page in pages(records.disputes()):
        claims = records.claims_by_id(x for a, b, _ in page for x in (a, b))
        names = records.documents_by_id(c.doc for c in claims.values())
        for a, b, reason in page:
            first = claims[a]
            out.print(f"[bold]{first.metric}[/bold] of {first.subject or 'anyone'}: {reason}")
            for claim in (first, claims[b]):
                doc = names.get(claim.doc)
                out.print(f"  {(doc.name or doc.id) if doc else claim.doc}: “{claim.evidence.text[:160]}”",
                          highlight=False)
            found += 1
    err.print(f"{found} disagreement(s)")


@app.command()
def sources(db: DbOption = DEFAULT_DB) -> None:
    """Who says what: claims, reports, hedged and disputed figures per claimant."""
    from thucydides.corpus.series import stored_sources

    store = _open(db)
    _reconciled(store)
    table = Table(title="sources of figures", title_justify="left")
    for column in ("claimant", "claims", "reports", "hedged", "disputed"):
        table.add_column(column, justify="left" if column == "claimant" else "right")
    for r in stored_sources(store):
        table.add_row(r.claimant or "(outlet's own voice)", str(r.claims), str(r.reports), str(r.hedged),
                      f"{r.disputed} ({100 * r.disputed_share:.0f}%)")
    out.print(table)


@app.command("reconcile")
def reconcile_cmd(
    db: DbOption = DEFAULT_DB,
    again: Annotated[bool, typer.Option("--all", help="Redo the whole reconciliation, not only what changed.")]
    = False,
) -> None:
    """Merge events across reports, find disputes and rate sources, for what changed since last time."""
    from thucydides.corpus.reconcile import reconcile

    report = reconcile(_open(db), everything=again)
    how = "rebuilt" if report.rebuilt else "updated"
    err.print(f"reconciled ({how}): {report.documents} documents; merged events +{report.added} "
              f"~{report.changed} -{report.removed}; {report.disputes} disputes found")


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the web UI (map, claims over time, disagreements) and the read-only REST API."""
    from thucydides.serve.server import make_server

    store = _open(db)
    try:
        server = make_server(store, host, port)
    except OSError as exc:
        err.print(f"[red]error:[/red] cannot listen on {host}:{port}: {exc}")
        raise typer.Exit(2) from exc
    err.print(f"serving {db} at http://{host}:{server.server_port}/ (API under /api/, Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _mount_optional() -> None:
    """Sub-commands that live beside their stage (gazetteer tools, web server)."""
    try:
        from thucydides.cli.gazetteer import app as gazetteer_app
    except ImportError:
        return
    app.add_typer(gazetteer_app, name="gazetteer", help="Build, import into and query the offline gazetteer.")


_mount_optional()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
