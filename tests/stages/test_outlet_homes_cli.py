"""`thucydides outlets` and the outlet-homes step of `run`/`process`, on reports and outlets we wrote: homes are
learned from the store's places, kept in the store, and only the reports of outlets that got a home are processed
again; a second run learns the same homes and changes nothing; a run stopped after learning resumes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thucydides.cli.main import app
from thucydides.corpus.outlet_homes import kept_homes, learn_store_homes
from thucydides.store.db import Store
from thucydides.store.queries import Queries

PAPER = "https://www.bayou-ledger.example.com/news/{}"
WIRE = "https://world-wire.example.net/story/{}"
LOCAL = [
    "Council members in Shreveport voted on Tuesday to repair two bridges before the spring floods.",
    "A school board in Baton Rouge approved a new bus route on Wednesday after parents asked for it.",
    "Volunteers in Lafayette cleaned a park on Saturday and planted forty young oak trees.",
    "The mayor of Shreveport opened a library branch on Friday in a former grocery store.",
    "Firefighters in Alexandria put out a blaze at a warehouse on Monday, the fire chief said.",
]
ABROAD = [
    "Farmers near Nairobi said on Monday that the late rains had cut the maize harvest by a third.",
    "A new metro line opened in Lima on Thursday, easing the commute of thousands of workers.",
    "Port workers in Rotterdam ended a two-day strike on Friday after a pay deal was reached.",
    "Relief flights landed in Manila on Sunday carrying tents and water filters for the flooded districts.",
]


def _folder(tmp_path: Path, with_urls: bool = True, outlets: bool = False) -> Path:
    """The reports as JSONL, with their web addresses (or none), and (`outlets`) their outlets' names."""
    folder = tmp_path / "reports"
    folder.mkdir(parents=True)
    records = [{"id": f"local-{i}", "text": t, "url": PAPER.format(i) if with_urls else None}
               | ({"outlet": "The Bayou Ledger"} if outlets else {}) for i, t in enumerate(LOCAL)]
    records += [{"id": f"wire-{i}", "text": t, "url": WIRE.format(i) if with_urls else None}
                | ({"outlet": "World Wire"} if outlets else {}) for i, t in enumerate(ABROAD)]
    (folder / "reports.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return folder


def _alexandria(db: Path) -> tuple[str | None, str | None]:
    store = Store(db)
    places = {p.id: p for p in store.places()}
    [ref] = [m.ref for m in store.mentions() if m.kind == "place" and m.text == "Alexandria"]
    place = places[ref] if ref else None
    return (place.country, place.admin1) if place else (None, None)


def _processed(output: str) -> list[int]:
    return [int(n) for n in re.findall(r"processed: (\d+) documents", output)]


@pytest.mark.slow
def test_run_learns_homes_and_processes_only_their_outlets_reports_again(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    runner = CliRunner()
    ran = runner.invoke(app, ["run", str(_folder(tmp_path)), "--db", str(db), "--workers", "1"])
    assert ran.exit_code == 0, ran.output
    assert _processed(ran.output) == [9, 5], ran.output  # all nine, then the local paper's five again
    homes = kept_homes(Store(db))
    assert [(o, h.country, h.admin1) for o, h in homes.homes.items()] == [
        ("bayou-ledger.example.com", "US", "Louisiana")]
    assert _alexandria(db) == ("US", "Louisiana")
    shown = runner.invoke(app, ["outlets", "show", "--db", str(db)])
    assert shown.exit_code == 0 and "bayou-ledger.example.com" in shown.output and "Louisiana" in shown.output

    again = runner.invoke(app, ["run", str(_folder(tmp_path / "2")), "--db", str(db), "--workers", "1"])
    assert again.exit_code == 0, again.output
    assert _processed(again.output) == [], again.output  # nothing new, the same homes: nothing processed
    assert "0 changed" in again.output
    assert {o: (h.country, h.admin1) for o, h in kept_homes(Store(db)).homes.items()} == {
        o: (h.country, h.admin1) for o, h in homes.homes.items()}


@pytest.mark.slow
def test_a_run_stopped_after_learning_resumes_with_the_kept_homes(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    runner = CliRunner()
    ran = runner.invoke(app, ["run", str(_folder(tmp_path)), "--db", str(db), "--workers", "1",
                              "--no-outlet-homes"])
    assert ran.exit_code == 0, ran.output
    assert _processed(ran.output) == [9] and not kept_homes(Store(db))
    before = _alexandria(db)
    learned = runner.invoke(app, ["outlets", "learn", "--db", str(db), "-o", str(tmp_path / "homes.yaml")])
    assert learned.exit_code == 0, learned.output
    assert "5 report(s) to process again" in learned.output
    assert Store(db).stats().pending == 5 and Store(db).stats().processed == 4  # the results are still stored
    assert _alexandria(db) == before
    assert "Louisiana" in (tmp_path / "homes.yaml").read_text(encoding="utf-8")

    resumed = runner.invoke(app, ["process", "--db", str(db), "--workers", "1"])  # as after a crash
    assert resumed.exit_code == 0, resumed.output
    assert _processed(resumed.output) == [5], resumed.output
    assert _alexandria(db) == ("US", "Louisiana")
    assert learn_store_homes(Store(db)).requeued == 0


@pytest.mark.slow
def test_reports_without_addresses_teach_nothing(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    runner = CliRunner()
    ran = runner.invoke(app, ["run", str(_folder(tmp_path, with_urls=False)), "--db", str(db), "--workers", "1"])
    assert ran.exit_code == 0, ran.output
    assert "nothing learned" in ran.output and _processed(ran.output) == [9]
    learned = runner.invoke(app, ["outlets", "learn", "--db", str(db)])
    assert learned.exit_code == 0 and "nothing learned" in learned.output
    assert not Queries(Store(db)).place_mentions()  # no address: no report an outlet could learn from


@pytest.mark.slow
def test_reports_without_addresses_learn_their_stored_outlets_home(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    runner = CliRunner()
    ran = runner.invoke(app, ["run", str(_folder(tmp_path, with_urls=False, outlets=True)), "--db", str(db),
                              "--workers", "1"])
    assert ran.exit_code == 0, ran.output
    assert _processed(ran.output) == [9, 5], ran.output  # all nine, then the local paper's five again
    homes = kept_homes(Store(db))
    assert [(o, h.country, h.admin1) for o, h in homes.homes.items()] == [("the bayou ledger", "US", "Louisiana")]
    assert _alexandria(db) == ("US", "Louisiana")


def test_learning_needs_a_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["outlets", "learn", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no store here" in result.output


def test_an_empty_store_has_nothing_to_learn_or_show(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    Store(db)
    runner = CliRunner()
    learned = runner.invoke(app, ["outlets", "learn", "--db", str(db)])
    assert learned.exit_code == 0 and "no processed report" in learned.output
    shown = runner.invoke(app, ["outlets", "show", "--db", str(db)])
    assert shown.exit_code == 0 and "no outlet homes yet" in shown.output


def test_the_output_folder_must_exist(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    Store(db)
    result = CliRunner().invoke(app, ["outlets", "learn", "--db", str(db), "-o", str(tmp_path / "no" / "h.yaml")])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_kept_homes_and_their_reports_change_together(tmp_path: Path) -> None:
    """Keeping a value and marking documents again is one transaction; the schema's own key is refused."""
    from thucydides.store.db import StoreError

    store = Store(tmp_path / "t.db")
    assert store.keep_meta("outlet_homes", json.dumps({"outlets": {"a.example.com": {"country": "US"}}}),
                           ["no-such-document"]) == 0
    assert kept_homes(store).homes["a.example.com"].country == "US"
    with pytest.raises(StoreError):
        store.keep_meta("schema_version", "0")


def test_unreadable_kept_homes_are_named_with_their_store(tmp_path: Path) -> None:
    """A damaged value under the store's key is an error naming the store and the way out, not a bare JSON one."""
    from thucydides.knowledge import KnowledgeError

    store = Store(tmp_path / "t.db")
    store.keep_meta("outlet_homes", "{not json")
    with pytest.raises(KnowledgeError, match=r"outlet_homes.*not readable JSON.*outlets learn"):
        kept_homes(store)
