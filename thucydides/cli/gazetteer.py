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
    from thucydides.geo.build import GazetteerImportError
    from thucydides.geo.gazetteer import default_path, open_gazetteer
    from thucydides.geo.importers import import_file

    target = default_path()
    open_gazetteer(target)  # build first when absent
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
    show_candidates(name, open_gazetteer().candidates(name), threshold, limit, as_json)


@app.command()
def build(path: Annotated[Path | None, typer.Option(help="Output file (default: cache path)")] = None) -> None:
    """(Re)build the gazetteer from GeoNames and the shipped supplements."""
    from thucydides.geo.build import build as build_gazetteer
    from thucydides.geo.gazetteer import default_path

    target = path or default_path()
    n = build_gazetteer(target)
    console.print(f"built {n} places into {target}")
