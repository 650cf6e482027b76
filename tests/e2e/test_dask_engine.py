"""The Dask engine: a local cluster of two workers against PostgreSQL gives the export a plain run
gives, and a worker killed mid-run loses nothing (skips without PostgreSQL or Dask)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from thucydides.store.db import Store
from thucydides.store.schema import metadata

PG_URL = os.environ.get("THUCYDIDES_TEST_PG_URL")
CLI = [sys.executable, "-m", "thucydides.cli.main"]

pytestmark = pytest.mark.slow


def _report(n: int) -> str:
    return (f"Bulletin {n}\n\nGunmen attacked a checkpoint near Hajin on the {n % 27 + 1}th day of the campaign, "
            f"and {n + 12} families left for Abu Kamal, a relief group said.\n")


def _fresh_pg() -> str:
    if not PG_URL:
        pytest.skip("set THUCYDIDES_TEST_PG_URL=postgresql+psycopg://... to run the Dask engine tests")
    pytest.importorskip("distributed")
    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        metadata.drop_all(conn)
    engine.dispose()
    return PG_URL


def _cli(*args: object, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=timeout)


def _export(db: object, out: Path) -> dict:
    result = _cli("export", "--db", db, "--format", "json", "-o", out)
    assert result.returncode == 0, result.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def _inputs(tmp_path: Path, total: int) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(total):
        (folder / f"r{n:03}.txt").write_text(_report(n), encoding="utf-8")
    return folder


def test_two_dask_workers_give_the_export_of_a_plain_run_and_lose_nothing_when_one_is_killed(tmp_path):
    from distributed import Client, LocalCluster

    url = _fresh_pg()
    total = 120
    inputs = _inputs(tmp_path, total)
    plain = tmp_path / "plain.db"
    assert _cli("run", inputs, "--db", plain).returncode == 0
    expected = _export(plain, tmp_path / "plain.json")

    log = tmp_path / "dask.log"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client, log.open("w") as sink:
        proc = subprocess.Popen([*CLI, "run", str(inputs), "--db", url, "--engine", "dask", "--scheduler",
                                 cluster.scheduler_address, "--batch-size", "1"], stdout=sink,
                                stderr=subprocess.STDOUT)
        killed = _kill_one_worker_midway(proc, client, url, total)
        assert proc.wait(timeout=600) == 0, log.read_text()
    assert killed, f"no worker was caught mid-run:\n{log.read_text()}"
    stats = Store(url).stats()
    assert (stats.processed, stats.pending, stats.failed) == (total, 0, 0)
    assert _export(url, tmp_path / "dask.json") == expected


def _kill_one_worker_midway(proc: subprocess.Popen[bytes], client: object, url: str, total: int) -> bool:
    """SIGKILL one worker process once some documents, not all, are stored."""
    deadline = time.monotonic() + 400
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            done = Store(url).stats().processed
        except Exception:  # noqa: BLE001 - the store may be mid-creation
            done = 0
        if 2 <= done < total - 20:
            pids = client.run(os.getpid)  # type: ignore[attr-defined]
            os.kill(sorted(pids.values())[0], signal.SIGKILL)
            return True
        time.sleep(0.05)
    return False
