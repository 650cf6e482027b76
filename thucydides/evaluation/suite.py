"""Run the chosen parts of the evaluation with one pipeline, and collect their typed results."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from thucydides.evaluation import acled, adapter, annotated, geoparse, re3d, seeds, speed, voa
from thucydides.knowledge import outside

PARTS = ("acled", "geo", "seeds", "voa", "re3d", "speed")
T = TypeVar("T")


@dataclass(frozen=True)
class Options:
    only: tuple[str, ...] = PARTS
    acled_cap: int | None = acled.DEFAULT_CAP
    acled_limit: int | None = None
    geo_limit: int | None = None
    geo_halves: tuple[str, ...] = ("report", "all")
    """LGL and GeoVirus halves to report: the report half (never fitted on) and the whole corpus."""
    voa_gold: Path | None = None
    re3d_gold: Path | None = None
    re3d_dev_log: Path | None = None
    """Where the re3d dev part's inputs, export and the scorer's verbose log go (none: nowhere)."""
    dev_only: bool = False
    """Score the VOA and re3d dev parts only (the test parts are not scored, so a development run cannot show
    them)."""
    command: str = "make eval"


@dataclass
class Results:
    options: Options
    started: str
    commit: str
    acled: acled.AcledResult | None = None
    geo: list[geoparse.GeoResult] = field(default_factory=list)
    seeds: seeds.SeedsResult | None = None
    voa: voa.VoaResult | None = None
    re3d: annotated.SetResult | None = None
    speed: speed.SpeedResult | None = None
    seconds: float = 0.0


def commit() -> str:
    """The evaluated code: HEAD, marked dirty when the work tree differs from it."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=outside.ROOT, capture_output=True, text=True).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return head + ("-dirty" if git("status", "--porcelain", "--untracked-files=no") else "")


def _timed(name: str, fn: Callable[[], T]) -> T:
    began = time.perf_counter()
    print(f"eval: {name} ...", file=sys.stderr, flush=True)
    out = fn()
    print(f"eval: {name} done in {time.perf_counter() - began:.0f} s", file=sys.stderr, flush=True)
    return out


def _geo(corpus: str, pipeline: adapter.Pipe | None, options: Options,
         label: str | None = None) -> list[geoparse.GeoResult]:
    return _timed(label or geoparse.NAMES[corpus], lambda: geoparse.evaluate_halves(
        corpus, pipeline, options.geo_limit, halves=options.geo_halves))


LGL_CONVENTION = "peoples' words as places"
"""LGL's gold marks a people's word ("Georgian", "the Palestinians") as a toponym of its country; GeoVirus's and
VOA's never do, so the default pipeline leaves them out (`stages.places.demonym_mentions`). This row configures
the pipeline for LGL's convention, to show what the convention alone accounts for; it is not the headline."""


def _lgl_convention(options: Options) -> list[geoparse.GeoResult]:
    from thucydides.geo.ranker import places_settings
    from thucydides.pipeline import Pipeline

    pipe = Pipeline(configs={"places": replace(places_settings(), demonym_mentions=True)})
    return [replace(g, convention=LGL_CONVENTION) for g in _geo("lgl", pipe, options, "LGL, peoples' words")]


def run(options: Options) -> Results:
    began = time.perf_counter()
    res = Results(options, datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), commit())
    needs_pipeline = set(options.only) & {"acled", "geo", "seeds", "voa", "re3d"}
    pipeline = _timed("loading the pipeline", adapter.build_pipeline) if needs_pipeline else None
    if "acled" in options.only:
        res.acled = _timed("ACLED dev", lambda: acled.evaluate(pipeline, options.acled_cap, options.acled_limit))
    if "geo" in options.only:
        res.geo = [g for corpus in geoparse.CORPORA for g in _geo(corpus, pipeline, options)]
        res.geo += _lgl_convention(options)
    if "seeds" in options.only:
        res.seeds = _timed("seeds", lambda: seeds.evaluate(pipeline))
    if "voa" in options.only:
        res.voa = _timed("VOA", lambda: voa.evaluate(pipeline, options.voa_gold, with_test=not options.dev_only))
    if "re3d" in options.only:
        res.re3d = _timed("re3d", lambda: re3d.evaluate(pipeline, options.re3d_gold,
                                                        dev_error_log=options.re3d_dev_log,
                                                        with_test=not options.dev_only))
    if "speed" in options.only:
        res.speed = _timed("throughput", speed.evaluate)
    res.seconds = time.perf_counter() - began
    return res
