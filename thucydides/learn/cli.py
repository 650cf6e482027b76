"""`thucydides train ...`: rebuild the learned artefacts from local data (nothing is downloaded)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

app = typer.Typer(help="Rebuild learned components from local data.", no_args_is_help=True)
err = Console(stderr=True, soft_wrap=True)

TRAIN_EXTRA = '.venv/bin/pip install -c constraints.txt -e ".[train]"'
"""How the packages that only training needs (scikit-learn and what it brings) are installed (README)."""


def _needs_train_extra(exc: ImportError) -> typer.Exit:
    """A usage error naming the missing package and the install line, instead of an internal error."""
    err.print(f"[red]error:[/red] training needs the package {exc.name or exc}, which the runtime install leaves "
              f"out; install the train extra: {escape(TRAIN_EXTRA)}")
    return typer.Exit(2)


def _input_error(exc: Exception) -> typer.Exit:
    """A usage error saying what was wrong with the input (the corpus error names the file and line)."""
    err.print(f"[red]error:[/red] {escape(str(exc))}")
    return typer.Exit(2)


@app.command("events")
def events(
    acled: Annotated[Path | None, typer.Option(
        "--acled", help="ACLED export (CSV with event_id_cnty, sub_event_type, notes); train split only. "
                        "[default: ../shared/data/acled/events.csv]", show_default=False)] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Artefact to write (.npz, with its .json beside it). [default: the packaged model]",
        show_default=False)] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the learner (same data, same seed: same bytes).")] = 0,
    learner: Annotated[str | None, typer.Option(
        "--learner", help="logreg, svm or nb (default: learn.events.learner in settings.yaml).",
        show_default=False)] = None,
    news: Annotated[list[Path] | None, typer.Option(
        "--news", help="News file (LGL-style XML of <article><text>) whose sentences are no-event examples; "
                       "repeat for several; only the half learn.events.news_half is read. "
                       "[default: ../shared/data/geoparsing/lgl.xml and GeoVirus.xml]", show_default=False)] = None,
) -> None:
    """Train the event coder on ACLED notes plus news sentences that report no event."""
    from dataclasses import replace

    from thucydides.events.coder import DEFAULT_MODEL
    from thucydides.knowledge.settings import section
    from thucydides.learn.corpora import DEFAULT_ACLED, GEOPARSING, CorpusError

    try:
        from thucydides.learn.events import EventTrainingSettings, summary, train
    except ImportError as exc:
        raise _needs_train_extra(exc) from exc

    settings = section("learn.events", EventTrainingSettings)
    if learner:
        settings = replace(settings, learner=learner)
    try:
        report = train(acled or DEFAULT_ACLED, out or DEFAULT_MODEL, seed, settings, log=err.print,
                       news=tuple(news) if news else GEOPARSING)
    except (CorpusError, ValueError) as exc:
        raise _input_error(exc) from exc
    for line in summary(report.figures):
        typer.echo(line)
    typer.echo(f"wrote {report.npz} and {report.meta}")


@app.command("type-prior")
def type_prior(
    acled: Annotated[Path | None, typer.Option(
        "--acled", help="ACLED export (CSV with event_id_cnty, sub_event_type, inter1, inter2, notes); counts the "
                        "train split, reports on dev. [default: ../shared/data/acled/events.csv]",
        show_default=False)] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="JSON file to write. [default: the packaged prior]", show_default=False)] = None,
) -> None:
    """Count P(sub-event type | inter1, inter2) on ACLED's train split (the event type prior)."""
    from thucydides.events.coder import EventCoder
    from thucydides.knowledge.settings import section
    from thucydides.knowledge.type_prior import DEFAULT_PRIOR
    from thucydides.learn.corpora import DEFAULT_ACLED, CorpusError
    from thucydides.learn.type_prior import TypePriorSettings, train

    target = out or DEFAULT_PRIOR
    try:
        artefact = train(acled or DEFAULT_ACLED, target, section("learn.type_prior", TypePriorSettings),
                         EventCoder.load())
    except CorpusError as exc:
        raise _input_error(exc) from exc
    figures = artefact["figures"]
    for name, value in figures.items() if isinstance(figures, dict) else ():
        typer.echo(f"{name}: {value}")
    typer.echo(f"wrote {target}")


@app.command("fatal-shares")
def fatal_shares(
    acled: Annotated[Path | None, typer.Option(
        "--acled", help="ACLED export (CSV with event_id_cnty, sub_event_type, fatalities); counts the train split. "
                        "[default: ../shared/data/acled/events.csv]", show_default=False)] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="JSON file to write. [default: the packaged table]", show_default=False)] = None,
) -> None:
    """Count, per sub-event type, ACLED train rows and those with fatalities > 0 (which types never carry deaths)."""
    from thucydides.knowledge.fatal_shares import DEFAULT_SHARES
    from thucydides.learn.corpora import DEFAULT_ACLED, CorpusError
    from thucydides.learn.fatal_shares import train

    target = out or DEFAULT_SHARES
    try:
        artefact = train(acled or DEFAULT_ACLED, target)
    except CorpusError as exc:
        raise _input_error(exc) from exc
    rows, fatal = artefact["rows"], artefact["fatal"]
    if isinstance(rows, dict) and isinstance(fatal, dict):
        for sub, n in rows.items():
            typer.echo(f"{sub}: {fatal[sub]} of {n} with fatalities")
    typer.echo(f"wrote {target}")
