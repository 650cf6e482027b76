"""`thucydides disputes` on reports we wrote: rival tolls of one strike, told by the two sides, are paired;
a compatible figure ("at least 25" beside 31) is not."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from thucydides.cli.main import app

pytestmark = pytest.mark.slow

REPORTS = {
    "ministry.txt": "Rockets hit a market in Zaporizhzhia\n\nKYIV, June 7, 2023 - Ukraine's interior ministry said 31 "
                    "civilians were killed on Wednesday when rockets struck a market in Zaporizhzhia.\n",
    "moscow.txt": "Moscow disputes the Zaporizhzhia toll\n\nMOSCOW, June 7, 2023 - Russia's defence ministry said 4 "
                  "civilians were killed on Wednesday in Zaporizhzhia and blamed stray air defence missiles.\n",
    "relief.txt": "Relief workers in Zaporizhzhia\n\nJune 7, 2023 - A relief agency said at least 25 civilians were "
                  "killed on Wednesday in Zaporizhzhia.\n",
}


def test_rival_tolls_of_one_strike_are_a_dispute(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "d.db")
    runner = CliRunner()
    ran = runner.invoke(app, ["run", str(folder), "--db", db, "--workers", "1"])
    assert ran.exit_code == 0, ran.output
    found = runner.invoke(app, ["disputes", "--db", db])
    assert found.exit_code == 0, found.output
    assert "31 person" in found.output and "4 person" in found.output, found.output
    assert "ministry.txt" in found.output and "moscow.txt" in found.output
    reasons = [line for line in found.output.splitlines() if " vs " in line]
    assert not any("31 person" in r and "25 person" in r for r in reasons), reasons  # at least 25 agrees with 31
    assert any("25 person" in r and "4 person" in r for r in reasons), reasons  # ... and not with 4
