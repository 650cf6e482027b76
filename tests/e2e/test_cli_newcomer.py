"""What a newcomer meets first: default file names, series output, metric errors, lookups, --version."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thucydides.cli.main import app
from thucydides.model import METRICS, Analysis, Claim, Document, Evidence, Place, Span
from thucydides.store.db import Store

SENTENCE = ("In a long statement read out on local radio late on Tuesday evening, the council said that "
            "some 4,500 families had fled the villages east of the river since the start of the month, "
            "most of them towards camps that were already full.")


def _store(tmp_path: Path, text: str = SENTENCE) -> Path:
    db = tmp_path / "s.db"
    store = Store(db)
    doc = Document.from_text(text, name="[/b] report.txt")
    store.add_documents([doc])
    at = text.index("some 4,500")
    claim = Claim(id="claim-1", doc=doc.id, metric="fled", unit="person", low=4500, high=4500,
                  qualifier="approximately", evidence=Evidence.of(doc, 0, len(text)), claimant="council",
                  figure=Span(at, at + len("some 4,500"), "some 4,500"))
    store.save_analysis(Analysis(doc, claims=[claim]))
    return db


def test_export_without_output_names_the_file_after_the_format(tmp_path: Path, monkeypatch) -> None:
    db = _store(tmp_path)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for fmt, name in (("csv", "thucydides.claims.csv"), ("acled", "thucydides.acled.csv"),
                      ("geojson", "thucydides.geojson"), ("json", "thucydides.json")):
        result = runner.invoke(app, ["export", "--db", str(db), "--format", fmt])
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).exists(), fmt
    assert (tmp_path / "thucydides.claims.csv").read_text(encoding="utf-8").startswith("claim_id,")


def test_series_shows_the_figure_in_its_own_words(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["series", "--db", str(_store(tmp_path))], terminal_width=80)
    assert result.exit_code == 0, result.output
    words = " ".join(result.output.split())
    assert "some 4,500 families had fled" in words
    assert "[/b] report.txt" in words
    assert all(len(line) <= 80 for line in result.output.splitlines())


def test_series_for_scripts_as_json_and_csv(tmp_path: Path) -> None:
    db = str(_store(tmp_path))
    runner = CliRunner()
    as_json = json.loads(runner.invoke(app, ["series", "--db", db, "--format", "json"]).stdout)
    [point] = as_json[0]["points"]
    assert (as_json[0]["metric"], point["low"], point["figure"], point["claimant"]) == ("fled", 4500, "some 4,500",
                                                                                        "council")
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["series", "--db", db, "--format", "csv"]).stdout)))
    assert rows[0]["figure"] == "some 4,500" and rows[0]["evidence"] == SENTENCE


def test_an_unknown_metric_is_a_usage_error_listing_the_valid_ones(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["series", "--db", str(_store(tmp_path)), "--metric", "nonsense"])
    assert result.exit_code == 2
    assert "nonsense" in result.output and all(m in result.output for m in METRICS)


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("thucydides ")


def test_a_formula_in_evidence_is_neutralised_in_the_claims_csv(tmp_path: Path) -> None:
    text = '=HYPERLINK("http://evil.example","x") said some 4,500 families fled.'
    db = tmp_path / "s.db"
    store = Store(db)
    doc = Document.from_text(text, name="=cmd|' /C calc'!A0")
    store.add_documents([doc])
    claim = Claim(id="c", doc=doc.id, metric="fled", unit="person", low=-3, high=None, qualifier="exact",
                  evidence=Evidence.of(doc, 0, len(text)), claimant="@council")
    store.save_analysis(Analysis(doc, claims=[claim]))
    out = tmp_path / "c.csv"
    assert CliRunner().invoke(app, ["export", "--db", str(db), "-f", "csv", "-o", str(out)]).exit_code == 0
    [row] = list(csv.DictReader(out.open(encoding="utf-8")))
    assert row["evidence"].startswith("'=HYPERLINK") and row["document"].startswith("'=cmd")
    assert row["claimant"] == "'@council" and row["low"] == "-3"


@dataclass(frozen=True)
class _Candidate:
    place: Place
    name: str


def _candidates() -> list[_Candidate]:
    far = Place("gn-1", "Stansted Mountfitchet", 51.9, 0.2, "populated_place", "GB", "England", 1, 5429)
    near = Place("gn-2", "Ar-Raqqa", 35.95283, 39.00788, "populated_place", "SY", "Ar-Raqqa", 2, 531952)
    return [_Candidate(far, "ZZZ"), _Candidate(near, "Ar Raqqah")]


@pytest.mark.parametrize(("typed", "shown"), [("zzzz", []), ("Raqqa", ["gn-2"])])
def test_lookup_shows_only_names_similar_enough(typed: str, shown: list[str], capsys) -> None:
    from thucydides.cli.lookup_view import show_candidates

    show_candidates(typed, _candidates(), 0.8, 15, as_json=True)
    data = json.loads(capsys.readouterr().out)
    assert [c["id"] for c in data["candidates"]] == shown
    assert data["min_similarity"] == 0.8


def test_a_spelling_variant_is_similar_enough_a_code_only_when_typed_exactly() -> None:
    from thucydides.cli.lookup_view import similarity

    assert similarity("Tal Abyad", "Tell Abyad") >= 0.8
    assert similarity("Raqqa", "Ar-Raqqa") == 1.0
    assert similarity("zzzz", "ZZZ", "Stansted Mountfitchet") < 0.5
    assert similarity("zzz", "ZZZ", "Stansted Mountfitchet") == 1.0


def test_lookup_table_fits_80_columns_with_whole_coordinates(capsys) -> None:
    from thucydides.cli import lookup_view
    from thucydides.cli.output import out

    width = out.width
    out.width = 80
    try:
        lookup_view.show_candidates("Raqqa", _candidates(), 0.5, 15, as_json=False)
    finally:
        out.width = width
    printed = capsys.readouterr().out
    assert "35.95283, 39.00788" in printed
    assert all(len(line) <= 80 for line in printed.splitlines())


def test_training_without_the_train_extra_names_the_package_and_the_install_line(monkeypatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, "thucydides.learn.events", None)  # its import fails, as it does without scipy
    result = CliRunner().invoke(app, ["train", "events", "--out", "unused.npz"])
    said = " ".join((result.output + capsys.readouterr().err).split())
    assert result.exit_code == 2, said
    assert "thucydides.learn.events" in said and '-e ".[train]"' in said and "internal error" not in said


def test_serve_on_a_busy_port_names_the_address_it_tried(tmp_path: Path, capsys) -> None:
    db = _store(tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--db", str(db), "--port", str(port)])
    said = " ".join((result.output + capsys.readouterr().err).split())
    assert result.exit_code == 2, said
    assert f"cannot listen on 127.0.0.1:{port}" in said and "None" not in said


def _readme_commands() -> list[tuple[list[str], set[str]]]:
    """(command path, options) of every line of the README's Commands block, continuation lines joined."""
    block = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8").split("## Commands", 1)[1]
    lines = block.split("```text", 1)[1].split("```", 1)[0].splitlines()
    joined: list[str] = []
    for line in lines:
        if line.startswith("thucydides "):
            joined.append(line)
        elif line.lstrip().startswith("[") and joined:
            joined[-1] += " " + line.strip()
    out = []
    for line in joined:
        group, *alternatives = line.split(" | ")
        words = group.split()[1:]
        path = list(itertools.takewhile(lambda w: re.fullmatch(r"[a-z][a-z-]*", w) is not None, words))
        out.append((path, set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", group))))
        for alternative in alternatives:
            sub = alternative.split()[0]
            out.append(([*path[:-1], sub], set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", alternative))))
    return out


def test_every_command_and_option_the_readme_lists_is_real() -> None:
    import typer

    root = typer.main.get_command(app)
    documented = _readme_commands()
    assert len(documented) >= 15
    for path, options in documented:
        command = root
        for name in path:
            group = getattr(command, "commands", {})
            assert name in group, (path, name)
            command = group[name]
        real = {o for p in command.params for o in (*p.opts, *p.secondary_opts)} | {"--help", "-h"}
        if not path:
            real.add("--version")
        assert options <= real, (path, options - real)
