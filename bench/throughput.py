"""Throughput and peak memory of ingest+store, of the whole pipeline on one core and on all, and of bare spaCy.

    python bench/throughput.py [-n 300] [--workers N] [--corpus demo] [--corpus ../shared/seeds]

Each phase runs in its own child process so its peak resident memory is its own. The
texts are the given corpora repeated up to N reports, each copy made unique (a numbered
line is appended) so the store keeps them all. The pipeline runs as `thucydides process`
runs it: loaded once, worker processes forked from it, one writer storing each result;
once with one worker, once with one per core (or --workers). Other work on the machine
skews the figures: the load average is printed, run it when the machine is quiet; the in-process
pipeline's ratio to bare spaCy is also given in CPU seconds, which other work skews less.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def corpus_texts(folders: list[Path]) -> list[tuple[str, str]]:
    """(name, text) of every plain-text report in the folders; other formats are left to the ingest tests."""
    out = []
    for folder in folders:
        for path in sorted(folder.rglob("*.txt")):
            if path.name.lower() != "readme.txt":
                out.append((path.stem, path.read_text(encoding="utf-8")))
    return out


def materialise(texts: list[tuple[str, str]], n: int, folder: Path) -> None:
    for i in range(n):
        name, text = texts[i % len(texts)]
        (folder / f"{i:05}_{name}.txt").write_text(f"{text}\n\nCopy {i}.\n", encoding="utf-8")


def phase_ingest(folder: Path, db: Path) -> dict:
    from thucydides.runner import ingest
    from thucydides.store.db import Store

    began = time.perf_counter()
    report = ingest(Store(db), [folder])
    return {"seconds": time.perf_counter() - began, "documents": report.added, "failed": len(report.failures)}


def phase_process(db: Path, workers: Path) -> dict:
    """`workers` 0: in this process (the stage timings come from here); else that many worker processes."""
    from thucydides.pipeline import Pipeline
    from thucydides.runner import process
    from thucydides.store.db import Store
    from thucydides.workers.jobs import preload

    n = int(str(workers))
    began = time.perf_counter()
    pipeline = Pipeline() if n == 0 else None
    if n:
        preload()
    loaded, cpu = time.perf_counter(), time.process_time()
    report = process(Store(db), pipeline, workers=n)
    done = time.perf_counter()
    return {"load_seconds": loaded - began, "seconds": done - loaded, "documents": report.processed,
            "cpu_seconds": time.process_time() - cpu, "stages": pipeline.seconds if pipeline else {}}


def phase_spacy(folder: Path) -> dict:
    from thucydides.ling.spacy_model import load_model

    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    nlp = load_model()
    began, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return {"seconds": time.perf_counter() - began, "documents": len(texts), "cpu_seconds": time.process_time() - cpu}


def child(phase: str, *args: str) -> dict:
    cmd = [sys.executable, __file__, "--phase", phase, *args]
    raw = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    result = json.loads(raw.strip().splitlines()[-1])
    result["peak_rss_mb"] = max(result["peak_rss_mb"], result.get("children_rss_mb", 0))
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=300, help="reports per phase (default 300)")
    ap.add_argument("--workers", type=int, default=0, help="workers for the all-cores run (default: one per core)")
    ap.add_argument("--corpus", type=Path, action="append", help="folders of .txt reports (default: demo and seeds)")
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("args", nargs="*", help=argparse.SUPPRESS)
    a = ap.parse_args()

    if a.phase:  # inside a child process
        fn = {"ingest": phase_ingest, "process": phase_process, "spacy": phase_spacy}[a.phase]
        result = fn(*map(Path, a.args))
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        result["children_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(json.dumps(result))
        return 0

    folders = a.corpus or [f for f in (ROOT / "demo", SHARED / "seeds") if f.is_dir()]
    texts = corpus_texts(folders)
    if not texts:
        print("no .txt reports found in " + ", ".join(map(str, folders)), file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder, db = Path(tmp) / "reports", Path(tmp) / "bench.db"
        folder.mkdir()
        materialise(texts, a.n, folder)
        words = sum(len(t.split()) for _, t in texts) / len(texts)
        print(f"corpus: {len(texts)} distinct reports from {', '.join(map(str, folders))}, "
              f"repeated to {a.n} (mean {words:.0f} words); load average {os.getloadavg()[0]:.1f} "
              f"on {os.cpu_count()} cores", flush=True)
        ing = child("ingest", str(folder), str(db))
        from thucydides.workers.pool import default_workers

        cores = a.workers or default_workers()
        runs = {}
        for label, n in (("in process", 0), ("1 worker", 1), (f"{cores} workers", cores)):
            copy = Path(tmp) / f"p{n}.db"
            shutil.copy(db, copy)
            runs[label] = child("process", str(copy), str(n))
            print(f"  {label}: {runs[label]['documents']} reports in {runs[label]['seconds']:.1f} s", flush=True)
        bare = child("spacy", str(folder))
        proc = runs["in process"]

    def rate(r: dict) -> float:
        return r["documents"] / r["seconds"] if r["seconds"] else float("inf")

    print(f"{'phase':24} {'reports/s':>10} {'seconds':>8} {'peak MB':>8}")
    print(f"{'ingest+store':24} {rate(ing):>10.1f} {ing['seconds']:>8.2f} {ing['peak_rss_mb']:>8.0f}")
    for label, r in runs.items():
        print(f"{'pipeline+store, ' + label:24} {rate(r):>10.1f} {r['seconds']:>8.2f} {r['peak_rss_mb']:>8.0f}"
              f"   (+{r['load_seconds']:.1f} s to load models and gazetteer)")
    print(f"{'bare spaCy nlp.pipe':24} {rate(bare):>10.1f} {bare['seconds']:>8.2f} {bare['peak_rss_mb']:>8.0f}")
    one, every = runs["1 worker"], runs[f"{cores} workers"]
    print(f"all cores against one core: {rate(every) / rate(one):.2f}x ({cores} workers; "
          f"{(one['seconds'] + one['load_seconds']) / (every['seconds'] + every['load_seconds']):.2f}x "
          f"counting the load); load average now {os.getloadavg()[0]:.1f}")
    print(f"pipeline time / bare spaCy time: {proc['seconds'] / bare['seconds']:.2f} "
          f"(CPU time: {proc['cpu_seconds'] / bare['cpu_seconds']:.2f}, the steadier on a busy machine)")
    spacy_s = proc["stages"].get("nlp") or bare["seconds"]
    print("stage cost relative to the spaCy stage:")
    for name, secs in proc["stages"].items():
        print(f"  {name:10} {secs:8.3f} s  {100 * secs / spacy_s:6.1f} %")
    both = proc["stages"].get("events", 0.0) + proc["stages"].get("time", 0.0)
    print(f"  {'events+time':10} {both:8.3f} s  {100 * both / spacy_s:6.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
