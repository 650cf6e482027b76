"""The command line: exit codes, bad inputs named, idempotent reruns, resume after SIGKILL."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import GOLD, SEEDS, SHARED, shared_or_skip
from thucydides.store.db import Store

pytestmark = pytest.mark.slow

CLI = [sys.executable, "-m", "thucydides.cli.main"]


def thucydides(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=600)


def _report(n: int) -> str:
    return (f"Report {n}\n\nFighters clashed near Hajin on the {n % 27 + 1}th day of the offensive, "
            f"and {n + 10} families fled towards Abu Kamal, a local council said.\n")


def test_bad_files_are_named_and_good_ones_stored(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(_report(1), encoding="utf-8")
    (inputs / "noise.bin").write_bytes(os.urandom(2048))
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    db = tmp_path / "s.db"
    result = thucydides("run", inputs, "--db", db)
    assert result.returncode == 1, result.stderr
    assert "noise.bin" in result.stderr
    assert "empty.txt" in result.stderr
    stats = Store(db).stats()
    assert (stats.documents, stats.processed) == (1, 1)


def test_usage_errors_exit_2(tmp_path):
    Store(tmp_path / "s.db").close()
    unknown = thucydides("export", "--db", tmp_path / "s.db", "--format", "xml")
    assert unknown.returncode == 2 and "xml" in unknown.stderr
    assert thucydides("run").returncode == 2
    missing = thucydides("stats", "--db", tmp_path / "missing.db")
    assert missing.returncode == 2 and "missing.db" in missing.stderr
    assert not (tmp_path / "missing.db").exists(), "reading must not create a store"


def test_run_creates_the_store_folder(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "r.txt").write_text(_report(2), encoding="utf-8")
    db = tmp_path / "new" / "folder" / "s.db"
    assert thucydides("run", inputs, "--db", db).returncode == 0
    assert Store(db).stats().processed == 1


def test_rerun_changes_nothing(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(3):
        (inputs / f"r{n}.txt").write_text(_report(n), encoding="utf-8")
    db = tmp_path / "s.db"
    assert thucydides("run", inputs, "--db", db).returncode == 0
    first = json.loads(_export(db, tmp_path / "a.json"))
    assert thucydides("run", inputs, "--db", db).returncode == 0
    second = json.loads(_export(db, tmp_path / "b.json"))
    assert first == second
    assert len(first["documents"]) == 3


def _export(db: Path, out: Path, fmt: str = "json") -> str:
    result = thucydides("export", "--db", db, "--format", fmt, "-o", out)
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_killed_run_resumes_with_every_document_once(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    total = 60
    for n in range(total):
        (inputs / f"r{n:03}.txt").write_text(_report(n), encoding="utf-8")
    db = tmp_path / "s.db"
    log = tmp_path / "killed-run.log"
    with log.open("w") as sink:
        proc = subprocess.Popen([*CLI, "run", str(inputs), "--db", str(db), "--batch-size", "1"],
                                stdout=sink, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 300
    processed = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                processed = Store(db).stats().processed
            except Exception:  # noqa: BLE001 - the store may be mid-creation
                processed = 0
            if processed >= 5:
                break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < processed < total, f"the run should have been killed halfway:\n{log.read_text()}"
    result = thucydides("run", inputs, "--db", db)
    assert result.returncode == 0, result.stderr
    stats = Store(db).stats()
    assert (stats.documents, stats.processed, stats.pending, stats.failed) == (total, total, 0, 0)
    data = json.loads(_export(db, tmp_path / "x.json"))
    assert len({d["id"] for d in data["documents"]}) == total
    claim_ids = [c["id"] for c in data["claims"]]
    assert len(claim_ids) == len(set(claim_ids))


def test_seeds_export_meets_the_contract(tmp_path):
    shared_or_skip(SEEDS)
    db = tmp_path / "s.db"
    assert thucydides("run", SEEDS, "--db", db).returncode == 0
    out = tmp_path / "s.json"
    _export(db, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["documents"]) == 5
    scored = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), str(GOLD), str(out), "--texts", str(SEEDS),
         "--json", str(tmp_path / "score.json")], capture_output=True, text=True)
    assert scored.returncode == 0, scored.stderr
    figures = json.loads((tmp_path / "score.json").read_text())
    assert figures["contract_errors"] == []
    assert figures["bad_spans"] == 0


def test_every_export_format_writes(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "r.txt").write_text(_report(7), encoding="utf-8")
    db = tmp_path / "s.db"
    out = tmp_path / "out"
    result = thucydides("run", inputs, "--db", db, "--out", out)
    assert result.returncode == 0
    hinted = result.stderr.split("next: `", 1)[1].split(" ", 1)[0]
    assert shutil.which(hinted) or Path(hinted).exists(), f"the hint names a command that is not there: {hinted}"
    geo = json.loads((out / "thucydides.geojson").read_text())
    assert geo["type"] == "FeatureCollection"
    assert (out / "thucydides.claims.csv").read_text().startswith("claim_id,")
    assert json.loads((out / "thucydides.json").read_text())["format"] == "thucydides-export"
