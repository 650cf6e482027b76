"""`thucydides gazetteer ...`: build, import into and query the offline gazetteer."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

app = typer.Typer(help="The offline gazetteer: import place files, look names up.", no_args_is_help=True)
console = Console()


@app.command("import")
def import_(file: Annotated[Path, typer.Argument(help="GeoNames dump (.zip/.txt), alternate names, or CSV "
                                                    "name,lat,lon,kind,country")]) -> None:
    """Add places from FILE; a malformed file changes nothing."""
    from thucydides.build.gazetteer import GazetteerImportError
    from thucydides.build.importers import import_file

    target = ensure_gazetteer()
    try:
        n = import_file(file, target)
    except GazetteerImportError as exc:
        console.print(f"[red]import failed, gazetteer unchanged:[/red] {exc}")
        raise typer.Exit(1) from exc
    console.print(f"imported {n} rows from {file} into {target}")


@app.command()
def lookup(name: Annotated[str, typer.Argument(help="A place name, any spelling")],
           limit: Annotated[int, typer.Option(help="Most candidates to show")] = 15,
           min_similarity: Annotated[float | None, typer.Option(
               min=0.0, max=1.0, help="Show candidates whose matched name is at least this similar to NAME (0-1) "
                                      "[default: cli.lookup_min_similarity in the settings]")] = None,
           as_json: Annotated[bool, typer.Option("--json", help="Print the candidates as JSON.")] = False) -> None:
    """Show the places a name may refer to, best known first, with whole coordinates."""
    from thucydides.cli.lookup_view import show_candidates
    from thucydides.cli.series_view import cli_settings
    from thucydides.geo.gazetteer import open_gazetteer

    threshold = cli_settings().lookup_min_similarity if min_similarity is None else min_similarity
    show_candidates(name, open_gazetteer(ensure_gazetteer()).candidates(name), threshold, limit, as_json)


@app.command()
def build(path: Annotated[Path | None, typer.Option(help="Output file (default: cache path)")] = None) -> None:
    """(Re)build the gazetteer from GeoNames and the shipped supplements."""
    from thucydides.geo.gazetteer import default_path

    target = path or default_path()
    n = _build(target, Console(stderr=True))
    console.print(f"built {n} places into {target}")


def _build(target: Path, err: Console) -> int:
    """Build the gazetteer at `target`, showing each step on a terminal."""
    from rich.progress import Progress

    from thucydides.build.gazetteer import BUILD_STEPS, build

    if not err.is_terminal:
        return build(target)
    with Progress(console=err, transient=True) as bar:
        task = bar.add_task("building the gazetteer", total=len(BUILD_STEPS))

        def step(label: str) -> None:
            bar.update(task, description=f"gazetteer: {label}", completed=BUILD_STEPS.index(label))

        n = build(target, step)
        bar.update(task, completed=len(BUILD_STEPS))
    return n


def ensure_gazetteer(err: Console | None = None) -> Path:
    """The gazetteer's path, built first (once) when absent or stale, saying so on stderr in every mode."""
    from thucydides.geo.gazetteer import EXPECTED_BUILD_MINUTES, EXPECTED_SIZE_MB, default_path, missing_reason

    err = err or Console(stderr=True)
    target = default_path()
    reason = missing_reason(target)
    if reason:
        err.print(f"{reason}: building it once now (about {EXPECTED_BUILD_MINUTES} minutes, "
                  f"{EXPECTED_SIZE_MB} MB); later runs reuse it", highlight=False)
        n = _build(target, err)
        err.print(f"gazetteer ready: {n} places in {target}", highlight=False)
    return target
