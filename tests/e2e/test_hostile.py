"""Hostile inputs and faults through the command line: a clear error naming each bad input, the
other inputs stored, nothing already stored lost, and exit codes that tell these apart.

Large sizes of the same cases run in `bench/stress.py` (`make stress`).
"""

from __future__ import annotations

import csv
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import hostile_inputs as h
from thucydides.store.db import Store

pytestmark = pytest.mark.slow

CLI = [sys.executable, "-m", "thucydides.cli.main"]
PG_URL = os.environ.get("THUCYDIDES_TEST_PG_URL")
SECRET = "SECRET-CONTENT-THAT-MUST-NOT-BE-STORED"


def thucydides(*args: object, cwd: Path | None = None, env: dict[str, str] | None = None,
               timeout: float = 300, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=timeout,
                          env={**os.environ, **(env or {})}, errors="backslashreplace", **kwargs)


def settings_file(folder: Path, **sections: dict[str, object]) -> dict[str, str]:
    path = folder / "settings.yaml"
    path.write_text(json.dumps(sections), encoding="utf-8")
    return {"THUCYDIDES_SETTINGS": str(path)}


def export(db: object, out: Path, fmt: str = "json") -> str:
    result = thucydides("export", "--db", db, "--format", fmt, "-o", out)
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8")


def hostile_folder(root: Path) -> tuple[Path, dict[str, Path]]:
    """A folder of good reports among every kind of bad input, and the bad ones by kind."""
    folder = root / "in"
    folder.mkdir()
    secret = root / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    h.write_good(folder, 3)
    bad = {"binary": h.random_binary(folder / "noise.bin"), "nul": h.nul_filled(folder / "nul.txt"),
           "empty": h.nul_filled(folder / "empty.txt", 0), "deep": h.deep_json(folder / "deep.json")}
    bad.update(h.special_files(folder, secret))
    h.hostile_jsonl(folder / "dump.jsonl")
    h.external_entities(folder / "xxe.xml", secret)
    h.surrogate_reference_feed(folder / "feed.rss")
    h.legacy(folder / "latin1.txt", "latin-1")
    h.utf16(folder / "wide.txt", bom=False)
    names = h.awkward_names(folder)
    (folder / "markup.jsonl").write_text(json.dumps({
        "id": "[/x]", "text": "[/b] Some 40 fighters were killed near Hajin on Monday, [bold]a monitor said.\x1b[2J"})
        + "\n", encoding="utf-8")
    (folder / "formula.txt").write_text(
        '=HYPERLINK("http://evil.example","x") and 40 fighters were killed near Hajin on Monday.\n',
        encoding="utf-8")
    return folder, {**bad, **{f"name-{k}": v for k, v in names.items()}}


def test_a_hostile_folder_fails_input_by_input_and_keeps_the_rest(tmp_path: Path) -> None:
    folder, bad = hostile_folder(tmp_path)
    db = tmp_path / "s.db"
    began = time.monotonic()
    result = thucydides("run", folder, "--db", db, timeout=300)
    assert result.returncode == 1, result.stderr
    assert time.monotonic() - began < 300, "nothing may hang the run"
    err = result.stderr
    assert "\x1b" not in err + result.stdout, "escape sequences from inputs reach the terminal"
    for kind in ("binary", "nul", "empty", "fifo", "zero", "loop", "outside", "deep"):
        assert bad[kind].name in err, f"{kind} input not named: {err}"
    assert "dump.jsonl:2" in err and "dump.jsonl:3" in err and "decoded as" in err
    stats = Store(db).stats()
    assert stats.failed == 0 and stats.pending == 0
    data = json.loads(export(db, tmp_path / "all.json"))
    names = {d["name"] for d in data["documents"]}
    assert {"good000.txt", "good001.txt", "good002.txt", "first", "last", "latin1.txt", "wide.txt", "[/x]",
            "b].txt", "bad\\xff\\xfename.txt", "line\nbreak.txt", "formula.txt"} <= names
    assert SECRET not in json.dumps(data)
    for command in (("stats",), ("series",), ("disputes",), ("sources",)):
        shown = thucydides(*command, "--db", db)
        assert shown.returncode == 0, (command, shown.stderr)
        assert "\x1b" not in shown.stdout + shown.stderr
    series = thucydides("series", "--db", db, "--format", "text")
    assert "[/b]" in series.stdout or "[/x]" in series.stdout or "[bold]" in series.stdout
    rows = list(csv.reader(export(db, tmp_path / "claims.csv", "csv").splitlines()))
    assert rows[1:], "the claims CSV has rows"
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)


@pytest.mark.skipif(not PG_URL, reason="set THUCYDIDES_TEST_PG_URL=postgresql+psycopg://... to run on PostgreSQL")
def test_a_database_url_on_the_command_line_is_a_database_not_a_file(tmp_path: Path) -> None:
    from sqlalchemy import create_engine

    from thucydides.store.schema import metadata

    engine = create_engine(str(PG_URL))
    with engine.begin() as conn:
        metadata.drop_all(conn)
    engine.dispose()
    inputs = tmp_path / "in"
    inputs.mkdir()
    h.write_good(inputs, 2)
    result = thucydides("run", inputs, "--db", PG_URL, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not any(p.name.startswith("postgresql") for p in tmp_path.iterdir()), "a file was written instead"
    assert Store(str(PG_URL)).stats().processed == 2
    shown = thucydides("stats", "--db", PG_URL, cwd=tmp_path)
    assert shown.returncode == 0 and "processed" in shown.stdout


def test_a_document_too_slow_is_stopped_kept_as_failed_and_retryable(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    h.write_good(inputs, 2)
    (inputs / "slow.txt").write_text(h.dollars(30_000), encoding="utf-8")
    db = tmp_path / "s.db"
    began = time.monotonic()
    result = thucydides("run", inputs, "--db", db, "--time-limit", "3")
    assert time.monotonic() - began < 120
    assert result.returncode == 1, result.stderr
    assert "slow.txt" in result.stderr and "too slow" in result.stderr
    stats = Store(db).stats()
    assert (stats.processed, stats.failed, stats.pending, stats.processing) == (2, 1, 0, 0)
    again = thucydides("process", "--db", db, "--retry-failed", "--time-limit", "3")
    assert again.returncode == 1 and "too slow" in again.stderr
    shown = thucydides("stats", "--db", db)
    assert shown.returncode == 0 and "slow.txt" in shown.stderr and "retry-failed" in shown.stderr
    assert Store(db).stats().processed == 2


def test_a_file_or_record_too_slow_to_read_is_named_and_the_rest_stored(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    h.write_good(inputs, 2)
    h.many_attributes_html(inputs / "attributes.html", 230_000)
    slow_record = json.dumps({"id": "slow", "html": h.many_attributes_html(tmp_path / "x.html").read_text()})
    lines = [json.dumps({"id": "one", "text": h.good_report(31)}), slow_record,
             json.dumps({"id": "three", "text": h.good_report(33)})]
    (inputs / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = settings_file(tmp_path, ingest={"time_limit_s": 3})
    db = tmp_path / "s.db"
    began = time.monotonic()
    result = thucydides("ingest", inputs, "--db", db, env=env)
    assert time.monotonic() - began < 120
    assert result.returncode == 1, result.stderr
    assert "attributes.html" in result.stderr and "too slow to read" in result.stderr
    assert "dump.jsonl:2" in result.stderr
    names = {d.name for d in Store(db).documents()}
    assert names == {"good000.txt", "good001.txt", "one", "three"}


def test_two_runs_on_one_store_share_the_work(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    h.write_good(inputs, 24)
    db = tmp_path / "s.db"
    runs = [subprocess.Popen([*CLI, "run", str(inputs), "--db", str(db), "--workers", "1"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (_, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
        assert "locked" not in err and "Error" not in err
    done = [int(err.split("processed: ")[1].split()[0]) if "processed: " in err and "nothing" not in
            err.split("processed: ")[1][:10] else 0 for _, err in outputs]
    assert sum(done) == 24, f"each document processed by exactly one run: {done}"
    stats = Store(db).stats()
    assert (stats.documents, stats.processed) == (24, 24)


def test_readers_during_a_run_get_consistent_snapshots(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    h.write_good(inputs, 40)
    db = tmp_path / "s.db"
    assert thucydides("ingest", inputs, "--db", db).returncode == 0
    writer = subprocess.Popen([*CLI, "process", "--db", str(db), "--workers", "1"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    exports = 0
    while writer.poll() is None or exports == 0:
        out = tmp_path / f"e{exports}.json"
        result = thucydides("export", "--db", db, "-o", out)
        assert result.returncode == 0, result.stderr
        data = json.loads(out.read_text(encoding="utf-8"))
        docs = {d["id"] for d in data["documents"]}
        assert {c["doc"] for c in data["claims"]} <= docs
        assert {m["doc"] for m in data["mentions"]} <= docs
        assert thucydides("stats", "--db", db).returncode == 0
        exports += 1
    assert writer.wait() == 0, writer.stderr.read() if writer.stderr else ""
    assert exports >= 2


def test_a_killed_ingest_resumes_with_every_document_once(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    lines = [json.dumps({"id": f"r{n}", "text": h.good_report(n)}) for n in range(20_000)]
    (inputs / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    proc = subprocess.Popen([*CLI, "ingest", str(inputs), "--db", str(db)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None and stored == 0:
        time.sleep(0.2)
        if db.exists():
            try:
                stored = Store(db).stats().documents
            except Exception:  # noqa: BLE001 - mid-creation
                stored = 0
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < 20_000, "the ingest should have been killed halfway"
    result = thucydides("ingest", inputs, "--db", db)
    assert result.returncode == 0, result.stderr
    assert Store(db).stats().documents == 20_000


def _limit_file_size(limit: int):  # type: ignore[no-untyped-def]
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_full_disk_stops_the_run_cleanly_and_the_store_stays_consistent(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(300):
        (inputs / f"r{n:03}.txt").write_text(h.good_report(n) * 40, encoding="utf-8")
    db = tmp_path / "s.db"
    full = thucydides("ingest", inputs, "--db", db, preexec_fn=_limit_file_size(400_000))
    assert full.returncode == 3, full.stderr
    assert "store could not be written" in full.stderr and "Traceback" not in full.stderr
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    before = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    con.close()
    again = thucydides("ingest", inputs, "--db", db)
    assert again.returncode == 0, again.stderr
    assert Store(db).stats().documents == 300 >= before


def test_an_internal_error_exits_3_not_1(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    h.write_good(inputs, 1)
    bug = ("import thucydides.runner as r\n"
           "def boom(*a, **k): raise ZeroDivisionError('a bug')\n"
           "r.ingest = boom\n"
           "import sys; sys.argv = ['thucydides', 'ingest', sys.argv[1], '--db', sys.argv[2]]\n"
           "from thucydides.cli.main import main; main()\n")
    result = subprocess.run([sys.executable, "-c", bug, str(inputs), str(tmp_path / "s.db")], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 3, result.stderr
    assert "internal error" in result.stderr and "a bug" in result.stderr


def test_a_bad_settings_file_is_a_usage_error_naming_the_file(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    h.write_good(inputs, 1)
    db, bad = tmp_path / "s.db", tmp_path / "bad.yaml"
    for text, said in (("run: [\n", "not valid YAML"), ("run:\n  no_such_key: 1\n", "no_such_key")):
        bad.write_text(text, encoding="utf-8")
        result = thucydides("ingest", inputs, "--db", db, env={"THUCYDIDES_SETTINGS": str(bad)})
        assert result.returncode == 2, result.stderr
        assert "bad.yaml" in result.stderr and said in result.stderr and "Traceback" not in result.stderr
    gone = thucydides("ingest", inputs, "--db", db, env={"THUCYDIDES_SETTINGS": str(tmp_path / "gone.yaml")})
    assert gone.returncode == 2 and "gone.yaml" in gone.stderr and "THUCYDIDES_SETTINGS" in gone.stderr


def test_no_spacy_model_where_the_variable_points_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    h.write_good(inputs, 1)
    nowhere = tmp_path / "no-model-here"
    result = thucydides("run", inputs, "--db", tmp_path / "s.db", "--workers", 1,
                        env={"THUCYDIDES_SPACY_MODEL": str(nowhere)})
    assert result.returncode == 2, result.stderr
    assert str(nowhere) in result.stderr and "Traceback" not in result.stderr
    assert Store(tmp_path / "s.db").stats().documents == 1  # what was read is kept for the next run
