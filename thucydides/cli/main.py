"""The `thucydides` command: a thin layer over runner, store and exporters.

Exit codes: 0 when every input succeeded, 1 when some failed (the rest is stored), 2 on usage
errors (bad options, unknown format or metric, a store that cannot be opened, a settings file that is
missing or malformed, no spaCy model), 3 when the run
stopped on an internal error or a store it could not write (everything stored before is kept).
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from thucydides import export as exporters
from thucydides.cli.output import cell, command_name, err, esc, out
from thucydides.knowledge import KnowledgeError
from thucydides.store.db import DEFAULT_DB, Store, StoreError, display_name, is_url

app = typer.Typer(
    help="Turn war reporting into auditable, geolocated event data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_FAILED_INPUTS, EXIT_USAGE, EXIT_INTERNAL = 1, 2, 3

DbOption = Annotated[str, typer.Option("--db", help="Store: a SQLite file, or a SQLAlchemy URL "
                                                    "(postgresql+psycopg://user@host/db).")]
PathsArg = Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively).", show_default=False)]
WorkersOption = Annotated[int | None, typer.Option(
    "--workers", min=1, help="Worker processes [default: one per core, or run.workers in the settings].")]
TimeLimitOption = Annotated[float | None, typer.Option(
    "--time-limit", min=0.1, help="Seconds one document may take before it is stopped and kept as failed "
                                  "[default: run.document_time_limit_s in the settings].")]
FollowOption = Annotated[bool, typer.Option(
    "--follow-symlinks", help="Read files that symbolic links lead to outside the folders given.")]
BatchOption = Annotated[int | None, typer.Option(min=1, help="Documents a worker processes together (one spaCy "
                                                                  "batch; default: run.batch_size in the settings).")]
EngineOption = Annotated[str, typer.Option("--engine", help="local (worker processes here) or dask (a Dask cluster).")]
SchedulerOption = Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address (tcp://HOST:8786); "
                                                     "without it, --engine dask starts a local cluster of --workers.")]
OutletHomesOption = Annotated[bool, typer.Option(
    "--outlet-homes/--no-outlet-homes", help="After processing, learn each outlet's home region from the stored "
                                             "places and process its reports once more with it (`outlets`).")]


def _version(value: bool) -> None:
    if value:
        try:
            out.print(f"thucydides {version('thucydides')}")
        except PackageNotFoundError:
            out.print("thucydides (not installed)")
        raise typer.Exit()


@app.callback()
def _main(
    _: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                    help="Show the version and exit.")] = False,
) -> None:
    """Turn war reporting into auditable, geolocated event data."""


def _open(db: str, create: bool = False) -> Store:
    """Open the store; commands that write may create it, commands that read need it to exist."""
    if not is_url(db):
        path = Path(db)
        if not path.exists():
            if not create:
                err.print(f"[red]error:[/red] {esc(db)}: no store here; create one with "
                          f"`{command_name()} run PATH --db {esc(db)}`")
                raise typer.Exit(EXIT_USAGE)
            path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return Store(db)
    except StoreError as exc:
        err.print(f"[red]error:[/red] {esc(exc)}")
        raise typer.Exit(EXIT_USAGE) from exc


@contextmanager
def _progress(label: str, total: int | None) -> Iterator[Progress]:
    """A progress bar redrawn as work advances, by this thread: workers are forked from this process, and
    a fork must not happen while another thread (rich's refresher) may hold a lock."""
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, auto_refresh=False, disable=not err.is_terminal) as bar:
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

    def advance(n: int) -> None:
        bar.advance(task, n)
        bar.refresh()

    return advance


def _more(shown: int, total: int, what: str) -> None:
    if total > shown:
        err.print(f"… and {total - shown:,} more {what} (the first {shown:,} are shown)")


def _ingest(store: Store, paths: list[Path], workers: int | None, follow_symlinks: bool) -> int:
    from thucydides.runner import ingest

    with _resumable("ingesting"), _progress("ingesting", None) as bar:
        report = ingest(store, paths, advance=_advance(bar), workers=workers, follow_symlinks=follow_symlinks)
    for warning in report.warnings:
        err.print(f"[yellow]warning[/yellow] {esc(warning.source)}: {esc(warning.message)}")
    _more(len(report.warnings), report.warned, "warnings")
    for failure in report.failures:
        err.print(f"[yellow]skipped[/yellow] {esc(failure.source)}: {esc(failure.reason)}")
    _more(len(report.failures), report.failed, "inputs skipped")
    err.print(f"ingested: {report.added} new, {report.already} already stored, {report.failed} failed")
    return EXIT_FAILED_INPUTS if report.failed else 0


def _process_on_dask(store: Store, batch_size: int, retry_failed: bool, scheduler: str | None,
                     workers: int | None, todo: int) -> int:
    from thucydides.engine.dask import EngineError, process_on_dask

    with _resumable("processing"), _progress("processing on dask", todo) as bar:
        try:
            report = process_on_dask(store, scheduler, workers or 2, batch_size, retry_failed,
                                     advance=_advance(bar))
        except EngineError as exc:
            err.print(f"[red]error:[/red] {esc(exc)}")
            raise typer.Exit(EXIT_USAGE) from exc
    for name, error in report.failures:
        err.print(f"[red]failed[/red] {esc(name)}: {esc(error)}")
    err.print(f"processed: {report.processed} documents, {len(report.failures)} failed")
    return EXIT_FAILED_INPUTS if report.failures else 0


def _process(store: Store, batch_size: int | None, retry_failed: bool, workers: int | None,
             time_limit: float | None, engine: str = "local", scheduler: str | None = None) -> int:
    from thucydides.cli.gazetteer import ensure_gazetteer
    from thucydides.runner import process, run_settings, worker_count

    batch_size = batch_size or run_settings().batch_size

    if engine not in ("local", "dask"):
        err.print(f"[red]error:[/red] unknown engine {esc(repr(engine))}; choose local or dask")
        raise typer.Exit(EXIT_USAGE)
    todo = len(store.pending_ids(include_failed=retry_failed))
    if not todo:
        err.print("processed: nothing pending")
        return 0
    ensure_gazetteer(err)  # the one-off build, announced, before anything else loads
    if engine == "dask":
        return _process_on_dask(store, batch_size, retry_failed, scheduler, workers, todo)
    n = min(worker_count(workers), todo)
    with _resumable("processing"):
        err.print(f"processing {todo} document(s) with {n} worker(s), after loading the language model and "
                  "gazetteer")
        with _progress("processing", todo) as bar:
            report = process(store, batch_size=batch_size, retry_failed=retry_failed, advance=_advance(bar),
                             workers=n, time_limit=time_limit)
    for name, error in report.failures:
        err.print(f"[red]failed[/red] {esc(name)}: {esc(error)}")
    _more(len(report.failures), report.failed, "failures")
    err.print(f"processed: {report.processed} documents, {report.failed} failed")
    return EXIT_FAILED_INPUTS if report.failed else 0


def _with_outlet_homes(store: Store, status: int, batch_size: int | None, workers: int | None,
                       time_limit: float | None, engine: str, scheduler: str | None) -> int:
    """Learn the outlets' homes over the store and process again the reports of those whose home changed."""
    from thucydides.cli.outlets import learn_and_report

    learned = learn_and_report(store)
    if learned is None or not learned.requeued:
        return status
    return max(status, _process(store, batch_size, False, workers, time_limit, engine, scheduler))


def _summary(store: Store) -> None:
    s = store.stats()
    table = Table(title="thucydides store", show_header=False)
    rows = [("documents", s.documents), ("  processed", s.processed), ("  pending", s.pending),
            ("  failed", s.failed)]
    if s.processing:
        rows.append(("  in progress", s.processing))
    rows += [("places", s.places), ("mentions", s.mentions), ("claims", s.claims), ("events", s.events)]
    for label, value in rows:
        table.add_row(label, str(value))
    out.print(table)


def default_output(fmt: str) -> Path:
    """The file an export writes when none is named: its name follows the format."""
    return Path(f"thucydides{exporters.FORMATS[fmt][2]}")


def _reconciled(store: Store) -> None:
    """Catch the stored reconciliation up with results stored since (a killed run, an older store)."""
    from thucydides.corpus.reconcile import needs_reconciling, reconcile

    if needs_reconciling(store):
        with err.status("reconciling reports", spinner="dots"):
            reconcile(store)


def _check_format(fmt: str, formats: Collection[str]) -> None:
    """A usage error, naming the choices, for a format the command does not write."""
    if fmt not in formats:
        err.print(f"[red]error:[/red] unknown format {esc(repr(fmt))}; choose one of {', '.join(formats)}")
        raise typer.Exit(EXIT_USAGE)


def _export(store: Store, fmt: str, output: Path | None) -> None:
    from thucydides.export.records import StoreRecords

    _check_format(fmt, exporters.FORMATS)
    output = output or default_output(fmt)
    if not output.parent.is_dir():
        err.print(f"[red]error:[/red] {esc(output)}: folder {esc(output.parent)} does not exist")
        raise typer.Exit(EXIT_USAGE)
    _reconciled(store)
    exporters.write(StoreRecords(store), fmt, output)
    err.print(f"wrote {fmt} to {esc(output)}")


@app.command()
def run(
    paths: PathsArg,
    db: DbOption = DEFAULT_DB,
    out_dir: Annotated[Path | None, typer.Option("--out", help="Also write every export format into this folder.")]
    = None,
    batch_size: BatchOption = None,
    workers: WorkersOption = None,
    time_limit: TimeLimitOption = None,
    follow_symlinks: FollowOption = False,
    engine: EngineOption = "local",
    scheduler: SchedulerOption = None,
    outlet_homes: OutletHomesOption = True,
) -> None:
    """Ingest PATHS and process everything pending, on every core: the main job."""
    store = _open(db, create=True)
    status = _ingest(store, paths, workers, follow_symlinks)
    status = max(status, _process(store, batch_size, False, workers, time_limit, engine, scheduler))
    if outlet_homes:
        status = _with_outlet_homes(store, status, batch_size, workers, time_limit, engine, scheduler)
    _summary(store)
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        for fmt in exporters.FORMATS:
            _export(store, fmt, out_dir / default_output(fmt))
    name, where = command_name(), esc(display_name(db))
    err.print(f"next: `{name} disputes --db {where}` for disagreeing figures, "
              f"`{name} serve --db {where}` for the map and timeline")
    raise typer.Exit(status)


@app.command()
def ingest(paths: PathsArg, db: DbOption = DEFAULT_DB, workers: WorkersOption = None,
           follow_symlinks: FollowOption = False) -> None:
    """Read reports into the store without processing them (re-ingest changes nothing)."""
    raise typer.Exit(_ingest(_open(db, create=True), paths, workers, follow_symlinks))


@app.command()
def process(
    db: DbOption = DEFAULT_DB,
    batch_size: BatchOption = None,
    retry_failed: Annotated[bool, typer.Option(help="Also retry documents whose processing failed.")] = False,
    again: Annotated[bool, typer.Option("--all", help="Reprocess every document (after a lexicon change).")] = False,
    workers: WorkersOption = None,
    time_limit: TimeLimitOption = None,
    engine: EngineOption = "local",
    scheduler: SchedulerOption = None,
    outlet_homes: OutletHomesOption = True,
) -> None:
    """Process the documents the store holds but has not processed yet (resumes a killed run)."""
    store = _open(db)
    if again:
        store.reset()
    status = _process(store, batch_size, retry_failed, workers, time_limit, engine, scheduler)
    if outlet_homes:
        status = _with_outlet_homes(store, status, batch_size, workers, time_limit, engine, scheduler)
    raise typer.Exit(status)


@app.command("export")
def export_cmd(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(exporters.FORMATS)}.")] = "json",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write [default: thucydides.json, .geojson, .claims.csv or .acled.csv, "
                               "after the format].")] = None,
) -> None:
    """Write what the store holds as json (the contract), geojson, csv (claims) or acled: one consistent snapshot."""
    _export(_open(db), fmt, output)


@app.command()
def stats(db: DbOption = DEFAULT_DB) -> None:
    """Show what the store holds, and documents whose processing failed."""
    store = _open(db)
    _summary(store)
    for _, name, error in store.failures():
        err.print(f"[red]failed[/red] {esc(name)}: {esc(error)}")


@app.command()
def series(
    db: DbOption = DEFAULT_DB,
    metric: Annotated[str | None, typer.Option(help="Only this metric, e.g. territory_held.")] = None,
    subject: Annotated[str | None, typer.Option(help="Only claims about this actor id, e.g. ISIS.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text (for reading), json or csv (for scripts).")]
    = "text",
) -> None:
    """Every claim about one quantity in time order, with who says so (e.g. the area ISIS held)."""
    from thucydides.cli.series_view import FORMATS, check_metric, show_series
    from thucydides.corpus.series import Series, SeriesPoint
    from thucydides.export.records import StoreRecords

    _check_format(fmt, FORMATS)
    if (problem := check_metric(metric)) is not None:
        err.print(f"[red]error:[/red] {esc(problem)}")
        raise typer.Exit(EXIT_USAGE)
    store = _open(db)
    _reconciled(store)
    records = StoreRecords(store)
    found = [Series(*key, tuple(SeriesPoint(c, when) for c, when in records.series_points(key)))
             for key in records.series_keys(metric, subject)]
    docs = records.documents_by_id(p.claim.doc for s in found for p in s.points)
    show_series(found, {i: d.name or d.id for i, d in docs.items()}, fmt)
    if not found:
        err.print("no claims match")


@app.command()
def disputes(db: DbOption = DEFAULT_DB) -> None:
    """Figures that cannot both be true: the same stock at the same place and time in different reports, or
    rival tolls of one happening from different claimants (in one report or two)."""
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
            out.print(f"[bold]{esc(first.metric)}[/bold] of {esc(first.subject or 'anyone')}: {esc(reason)}")
            for claim in (first, claims[b]):
                doc = names.get(claim.doc)
                out.print(f"  {esc((doc.name or doc.id) if doc else claim.doc)}: “{esc(claim.evidence.text[:160])}”")
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
        table.add_row(cell(r.claimant or "(outlet's own voice)"), str(r.claims), str(r.reports), str(r.hedged),
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
def control(
    db: DbOption = DEFAULT_DB,
    at: Annotated[str | None, typer.Option(help="Only what holds on this day (YYYY-MM-DD).")] = None,
    place: Annotated[str | None, typer.Option(help="Only this place (id or name).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json, geojson or csv.")] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
) -> None:
    """Who controls each place over time: segments with their evidence, claimants and rival accounts."""
    from thucydides.corpus.control import filter_timelines
    from thucydides.export.control import FORMATS, render, timelines_from_store

    _check_format(fmt, FORMATS)
    try:
        day = date.fromisoformat(at) if at else None
    except ValueError:
        err.print(f"[red]error:[/red] --at {esc(repr(at))} is not a date (YYYY-MM-DD)")
        raise typer.Exit(EXIT_USAGE) from None
    timelines = filter_timelines(timelines_from_store(_open(db)), place)
    text = render(timelines, fmt, day)
    if output is None:
        print(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {len(timelines)} place timeline(s) as {fmt} to {esc(output)}")


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str | None, typer.Option(help="Address to listen on (default: settings, 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on (default: settings, 8000).")] = None,
) -> None:
    """Serve the web UI (map, control, claims over time, disagreements) and the REST API (docs at /docs).

    Read-only unless THUCYDIDES_API_TOKEN is set: then POST/DELETE /api/documents need that bearer token.
    """
    from thucydides.serve.server import Server
    from thucydides.serve.settings import serve_settings

    store = _open(db)
    try:
        server = Server(store, host, port)
    except OSError as exc:
        settings = serve_settings()
        where = f"{host or settings.host}:{settings.port if port is None else port}"
        err.print(f"[red]error:[/red] cannot listen on {esc(where)}: {esc(exc)}")
        raise typer.Exit(EXIT_USAGE) from exc
    err.print(f"serving {esc(display_name(db))} at {server.url}/ (API under /api/, docs at /docs, Ctrl-C to stop)")
    server.run()


def _mount_optional() -> None:
    """Sub-commands that live beside their stage (training, gazetteer tools)."""
    from thucydides.learn.cli import app as train_app

    app.add_typer(train_app, name="train", help="Rebuild learned components (the event coder) from local data.")
    from thucydides.cli.outlets import app as outlets_app

    app.add_typer(outlets_app, name="outlets", help="Learn and show the home regions of the outlets in a store.")
    try:
        from thucydides.cli.gazetteer import app as gazetteer_app
    except ImportError:
        return
    app.add_typer(gazetteer_app, name="gazetteer", help="Build, import into and query the offline gazetteer.")


_mount_optional()


def _internal_error(exc: BaseException) -> int:
    """Anything unforeseen: the traceback for a bug report, one plain line saying what it means."""
    from sqlalchemy.exc import OperationalError

    from thucydides.workers.pool import WorkerSetupError

    if isinstance(exc, OperationalError):
        what = f"the store could not be written or read ({str(exc.orig).splitlines()[0]})"
    elif isinstance(exc, WorkerSetupError):
        what = f"a worker could not start: {str(exc).strip().splitlines()[-1]}"
    else:
        traceback.print_exc(file=sys.stderr)
        what = f"internal error ({type(exc).__name__}: {exc}), a bug: please report it with the lines above"
    err.print(f"[red]error:[/red] {esc(what)}; everything stored before is kept")
    return EXIT_INTERNAL


def _setup_problem(exc: Exception) -> bool:
    """A settings or data file that is missing or malformed, or no spaCy model where one was named: the user
    fixes it, not the code."""
    if isinstance(exc, KnowledgeError):
        return True
    try:
        from thucydides.ling.spacy_model import ModelMissing
    except ImportError:  # spaCy itself broken: an internal error, with its traceback
        return False
    return isinstance(exc, ModelMissing)


def _setup_error(exc: Exception) -> int:
    """A setup problem: its message names the file, entry or model and says what to do; no traceback."""
    lines = [esc(line) for line in str(exc).splitlines()] or [esc(type(exc).__name__)]
    err.print(f"[red]error:[/red] {lines[0]}", *lines[1:], sep="\n")
    err.print("everything stored before is kept")
    return EXIT_USAGE


def main() -> None:
    """The console script: typer's exit codes (0, 1, 2, 130), and 3 for anything unforeseen."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        err.print("interrupted: everything stored so far is kept")
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the one place that turns a crash into exit code 3
        sys.exit(_setup_error(exc) if _setup_problem(exc) else _internal_error(exc))


if __name__ == "__main__":
    main()
