"""Hostile inputs at full size through the command line: time, peak memory and outcome of each case.

    python bench/stress.py [--only NAME ...] [--time-limit 30]

Each case is a folder holding the hostile input beside two good reports, run with `thucydides run`
(or `ingest`, for cases about reading) into a fresh store, in its own process so its peak memory
(largest process of the run: the command or one of its workers) is its own. A case passes when the
run exits as it should (1: some input failed, with the input named), the good reports are stored,
and no local file content reaches the store. Prints a table; exits 1 if a case did not pass.
Faster, smaller versions of the same cases are tests (`tests/e2e/test_hostile.py`,
`tests/unit/test_ingest_hostile.py`).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import hostile_inputs as h  # noqa: E402

MB = 1024 * 1024
SECRET = "SECRET-CONTENT-THAT-MUST-NOT-BE-STORED"


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path, Path], object]
    """Writes the hostile input into the folder (first argument); the second is a secret file outside it."""
    command: str = "run"
    settings: dict[str, object] | None = None
    named: str = ""
    """A part of the hostile input's name that stderr must mention ('' when it may be stored)."""


def _text(name: str, text: str) -> Callable[[Path, Path], object]:
    return lambda folder, _: (folder / name).write_text(text, encoding="utf-8")


CASES = (
    Case("random binary 20 MB", lambda f, _: h.random_binary(f / "noise.bin", 20 * MB), "ingest", named="noise.bin"),
    Case("NUL-filled 20 MB", lambda f, _: h.nul_filled(f / "nul.txt", 20 * MB), "ingest", named="nul.txt"),
    Case("text file 200 MB (over the size limit)", lambda f, _: h.big_text(f / "big.txt", 200 * MB), "ingest",
         named="big.txt"),
    Case("text file 20 MB stored whole (limits raised)", lambda f, _: h.big_text(f / "big.txt", 20 * MB), "ingest",
         settings={"ingest": {"max_file_mb": 25, "max_document_chars": 30_000_000}}),
    Case("single 50 MB JSONL line", lambda f, _: h.long_line_jsonl(f / "dump.jsonl", 50 * MB), "ingest",
         named="dump.jsonl:2"),
    Case("HTML 100,000 nested elements", lambda f, _: h.nested_html(f / "nested.html"), "ingest"),
    Case("HTML 10 MB attribute", lambda f, _: h.huge_attribute_html(f / "attr.html"), "ingest"),
    Case("HTML 230,000 attributes (time limit)", lambda f, _: h.many_attributes_html(f / "attrs.html"), "ingest",
         named="attrs.html"),
    Case("XML billion laughs", lambda f, _: h.billion_laughs(f / "laughs.xml"), "ingest"),
    Case("XML quadratic blowup", lambda f, _: h.quadratic_blowup(f / "quad.xml"), "ingest"),
    Case("XML external entities", lambda f, s: h.external_entities(f / "xxe.xml", s), "ingest"),
    Case("JSON nested 100,000 deep", lambda f, _: h.deep_json(f / "deep.json"), "ingest", named="deep.json"),
    Case("JSON 1M-record array", lambda f, _: h.big_json_array(f / "many.json", 1_000_000), "ingest"),
    Case("JSONL bad lines", lambda f, _: h.hostile_jsonl(f / "dump.jsonl"), "ingest", named="dump.jsonl:2"),
    Case("FIFO, /dev/zero link, link loop, link out", lambda f, s: h.special_files(f, s), "ingest", named="pipe.txt"),
    Case("100,000 numbers in one report", _text("numbers.txt", h.dense_numbers(100_000)), named="numbers.txt"),
    Case("100,000 place names in one report", _text("places.txt", h.dense_places(100_000)), named="places.txt"),
    Case("20,000 dates in one report", _text("dates.txt", h.dense_dates(20_000)), named="dates.txt"),
    Case("30,000 '$' in one report", _text("dollars.txt", h.dollars(30_000)), named="dollars.txt"),
)


RUNNER = """
import resource, subprocess, sys, json, time
began = time.monotonic()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True, errors="backslashreplace")
print(json.dumps({"rc": done.returncode, "seconds": time.monotonic() - began, "stderr": done.stderr,
                  "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def run_case(case: Case, work: Path, time_limit: float) -> dict[str, object]:
    folder = work / "in"
    folder.mkdir(parents=True)
    secret = work / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    h.write_good(folder, 2)
    case.make(folder, secret)
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file() and not p.is_symlink())
    env = dict(os.environ)
    settings = {"ingest": {"time_limit_s": time_limit}, **(case.settings or {})}
    settings["ingest"] = {"time_limit_s": time_limit, **settings.get("ingest", {})}  # type: ignore[dict-item]
    (work / "settings.yaml").write_text(json.dumps(settings), encoding="utf-8")
    env["THUCYDIDES_SETTINGS"] = str(work / "settings.yaml")
    db = work / "s.db"
    cli = [sys.executable, "-m", "thucydides.cli.main", case.command, str(folder), "--db", str(db)]
    if case.command == "run":
        cli += ["--time-limit", str(time_limit)]
    raw = subprocess.run([sys.executable, "-c", RUNNER, *cli], capture_output=True, text=True, env=env,
                         timeout=3600).stdout
    result = json.loads(raw.strip().splitlines()[-1])
    result.update(_check(case, db, result), input_mb=size / MB)
    return result


def _check(case: Case, db: Path, result: dict) -> dict[str, object]:
    problems = []
    if result["rc"] not in (0, 1):
        problems.append(f"exit {result['rc']}")
    if case.named and case.named not in result["stderr"]:
        problems.append("input not named")
    con = sqlite3.connect(db)
    names = {n for (n,) in con.execute("SELECT name FROM documents")}
    if SECRET in json.dumps([t for (t,) in con.execute("SELECT text FROM documents")]):
        problems.append("local file content stored")
    if case.command == "run":
        pending = con.execute("SELECT count(*) FROM documents WHERE status NOT IN ('processed', 'failed')").fetchone()
        if pending[0]:
            problems.append(f"{pending[0]} left unprocessed")
    documents = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    con.close()
    if not {"good000.txt", "good001.txt"} <= names:
        problems.append("good reports not stored")
    line = next((ln for ln in result["stderr"].splitlines() if case.named and case.named in ln), "")
    return {"ok": not problems, "problems": problems, "documents": documents, "message": line.strip()[:150]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", action="append", help="run only cases whose name contains this (repeatable)")
    ap.add_argument("--time-limit", type=float, default=30.0, help="seconds per document and per file (default 30)")
    a = ap.parse_args()
    cases = [c for c in CASES if not a.only or any(o.lower() in c.name.lower() for o in a.only)]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{len(cases)} case(s), time limit {a.time_limit:g} s per document and per file; "
          f"{os.cpu_count()} cores, load average {load:.1f} at the start")
    print(f"{'case':46} {'input MB':>8} {'seconds':>8} {'peak MB':>8} {'exit':>4} {'docs':>7}  outcome")
    failed = 0
    for case in cases:
        with tempfile.TemporaryDirectory() as tmp:
            r = run_case(case, Path(tmp), a.time_limit)
        failed += not r["ok"]
        outcome = "ok" if r["ok"] else "FAILED: " + ", ".join(r["problems"])  # type: ignore[arg-type]
        print(f"{case.name:46} {r['input_mb']:8.1f} {r['seconds']:8.1f} {r['peak_mb']:8.0f} {r['rc']:>4} "
              f"{r['documents']:>7}  {outcome}", flush=True)
        if r["message"]:
            print(f"{'':46}   {r['message']}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
