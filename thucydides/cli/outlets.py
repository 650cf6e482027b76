"""`thucydides outlets`: the home regions of the news outlets in a store, learned from its processed reports.

`thucydides run` and `process` learn them after processing and process the reports of the outlets whose home
changed once more (`--no-outlet-homes` skips it); these commands learn and show them on their own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from thucydides.cli.output import cell, command_name, err, esc, out
from thucydides.corpus.outlet_homes import Learned, kept_homes, learn_store_homes
from thucydides.geo.outlets import OutletHomes, outlet_settings, user_homes, write_homes
from thucydides.knowledge import KnowledgeError
from thucydides.store.db import DEFAULT_DB, Store, display_name

app = typer.Typer(no_args_is_help=True, context_settings={"help_option_names": ["-h", "--help"]})

DbOption = Annotated[str, typer.Option("--db", help="Store: a SQLite file, or a SQLAlchemy URL.")]
EXIT_USAGE = 2


def _open(db: str) -> Store:
    from thucydides.cli.main import _open as open_store

    return open_store(db)


def _user_homes() -> OutletHomes:
    try:
        return user_homes()
    except KnowledgeError as exc:
        err.print(f"[red]error:[/red] {esc(exc)}")
        raise typer.Exit(EXIT_USAGE) from exc


def learn_and_report(store: Store) -> Learned | None:
    """Learn the store's outlet homes, keep them, say what changed; None when nothing is processed yet."""
    from thucydides.cli.gazetteer import ensure_gazetteer

    _user_homes()  # a bad user file is named before anything is learned
    if not store.stats().processed:
        err.print("outlet homes: no processed report in the store yet; nothing learned")
        return None
    ensure_gazetteer(err)
    with err.status("learning outlet homes from the stored reports' places", spinner="dots"):
        learned = learn_store_homes(store)
    if not learned.homes:
        least = outlet_settings().min_reports
        err.print(f"outlet homes: no outlet has {least} or more reports whose places concentrate in one region "
                  "or country; nothing learned")
    else:
        err.print(f"outlet homes: {len(learned.homes)} outlet(s) with a home, {len(learned.changed)} changed; "
                  f"{learned.requeued} report(s) to process again")
    return learned


@app.command()
def learn(
    db: DbOption = DEFAULT_DB,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Also write the homes to this YAML file (to edit, and name as outlet_homes.file "
                               "in a settings file).")] = None,
) -> None:
    """Learn each outlet's home region from the store's processed reports and keep it in the store; the reports
    of outlets whose home changed wait to be processed again (`thucydides process`)."""
    if output is not None and not output.parent.is_dir():
        err.print(f"[red]error:[/red] {esc(output)}: folder {esc(output.parent)} does not exist")
        raise typer.Exit(EXIT_USAGE)
    store = _open(db)
    learned = learn_and_report(store)
    if learned is None:
        raise typer.Exit(0)
    if output is not None:
        write_homes(learned.homes, output)
        err.print(f"wrote {len(learned.homes)} outlet home(s) to {esc(output)}")
    _show(learned.homes, OutletHomes())
    if learned.requeued:
        err.print(f"next: `{command_name()} process --db {esc(display_name(db))}` processes them again")


@app.command()
def show(db: DbOption = DEFAULT_DB) -> None:
    """Show the outlet homes kept in the store, and those of the settings' file that override them."""
    store = _open(db)
    learned, user = kept_homes(store), _user_homes()
    if not learned and not user:
        err.print(f"no outlet homes yet: `{command_name()} outlets learn --db {esc(display_name(db))}` learns them")
        raise typer.Exit(0)
    _show(learned, user)


def _show(learned: OutletHomes, user: OutletHomes) -> None:
    table = Table(title="outlet homes")
    for column in ("outlet", "country", "region", "reports", "share", "from"):
        table.add_column(column, justify="right" if column in ("reports", "share") else "left")
    for outlet, home in sorted({**learned.homes, **user.homes}.items()):
        source = "settings file" if outlet in user.homes else "learned"
        table.add_row(cell(outlet), home.country, cell(home.admin1 or "-"), str(home.reports or "-"),
                      f"{home.share:.2f}" if home.share else "-", source)
    out.print(table)
