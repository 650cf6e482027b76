"""The evaluation as ONE markdown table (part, measure, value, n), and as JSON for machines.

One table, so a change's before and after can be laid side by side line by line.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

from thucydides.evaluation.acled import AcledResult
from thucydides.evaluation.annotated import Part
from thucydides.evaluation.geoparse import GeoResult
from thucydides.evaluation.scorer import ScorerFigures
from thucydides.evaluation.scoring import Rate
from thucydides.evaluation.seeds import SeedsResult
from thucydides.evaluation.speed import SpeedResult
from thucydides.evaluation.suite import Results

Row = tuple[str, str, str, str]
CLAIM_ATTRIBUTES = frozenset({"qualifier", "subject", "agent", "claimant", "place", "time"})
EVENT_ATTRIBUTES = frozenset({"sub_event_type", "actor1", "actor2"})
SEP = " · "


def f3(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def r3(r: Rate) -> str:
    return f3(r.value)


def _acled_rows(a: AcledResult) -> list[Row]:
    part, n = "ACLED dev", str(a.selection_rows)
    rows = [
        (part, "has ≥1 event", r3(a.has_event), n),
        (part, "event type: accuracy · macro F1", f"{r3(a.type_accuracy)}{SEP}{f3(a.type_macro_f1)}", n),
        (part, "sub-event type: accuracy · macro F1", f"{r3(a.sub_accuracy)}{SEP}{f3(a.sub_macro_f1)}", n),
        (part, "actor1 (loose)", r3(a.actor1), str(a.actor1.n)),
        (part, "actor2 (loose), rows where ACLED names one", r3(a.actor2), str(a.actor2.n)),
        (part, "location ≤25 km · ≤161 km", f"{r3(a.loc25)}{SEP}{r3(a.loc161)}", str(a.loc25.n)),
        (part, "fatalities exact, rows with fatalities > 0", r3(a.fatalities_positive), str(a.fatalities_positive.n)),
        (part, "fatalities exact, all rows", r3(a.fatalities_all), n),
    ]
    for t in a.by_type:
        value = SEP.join(r3(x) for x in (t.type_accuracy, t.sub_accuracy, t.actor1, t.loc25, t.fatalities))
        rows.append((f"ACLED dev: {t.event_type}", "type · sub-type · actor1 · loc ≤25 km · fatalities", value,
                     str(t.n)))
    return rows


def _geo_rows(g: GeoResult) -> list[Row]:
    n, part = str(g.accuracy_all.n), g.label
    return [
        (part, "accuracy ≤161 km, all gold toponyms", r3(g.accuracy_all), n),
        (part, "toponym recall · precision", f"{r3(g.recall)}{SEP}{r3(g.precision)}", f"{n}{SEP}{g.precision.n}"),
        (part, "accuracy ≤161 km of resolved · median error km", f"{r3(g.accuracy_resolved)}{SEP}"
               f"{'-' if g.median_km is None else f'{g.median_km:.1f}'}", str(g.accuracy_resolved.n)),
    ]


def _prf_rows(part: str, f: ScorerFigures, docs: int) -> list[Row]:
    rows: list[Row] = [
        (part, f"{k} P · R · F1", f"{f3(x.p)}{SEP}{f3(x.r)}{SEP}{f3(x.f1)}", f"tp {x.tp} fp {x.fp} fn {x.fn}")
        for k, x in (("claims", f.claims), ("places", f.places), ("events", f.events))
    ]
    for what, names in (("claim", CLAIM_ATTRIBUTES), ("event", EVENT_ATTRIBUTES)):
        attrs = ", ".join(f"{a.name} {f3(a.accuracy)} ({a.n})" for a in f.attributes if a.n and a.name in names)
        rows.append((part, f"{what} attributes on matches: accuracy (n)", attrs or "-", f"{docs} docs"))
    if f.contract_errors or f.bad_spans:
        rows.append((part, "contract errors · bad spans", f"{f.contract_errors}{SEP}{f.bad_spans}", ""))
    return rows


def _seeds_rows(s: SeedsResult) -> list[Row]:
    f = s.figures
    value = f"{f3(f.claims.f1)}{SEP}{f3(f.places.f1)}{SEP}{f3(f.events.f1)}"
    return [("seeds", "F1 claims · places · events", value, f"{s.documents} docs")]


def _set_rows(part: Part) -> list[Row]:
    if part.figures is None and part.stories:
        return [(part.name, "not scored (--dev-only)", "-", f"{part.stories} docs")]
    if part.figures is None:
        return [(part.name, "no annotated story in this part", "-", "0 docs")]
    return _prf_rows(part.name, part.figures, part.stories)


def _speed_rows(s: SpeedResult) -> list[Row]:
    rows = []
    for name, p in (("whole pipeline", s.pipeline), ("bare spaCy", s.spacy)):
        rate = "-" if p.per_second is None else f"{p.per_second:.2f}"
        rows.append((f"speed: {name}", f"reports/s · peak RSS MB (best of {s.repeats})",
                     f"{rate}{SEP}{p.peak_rss_mb:.0f}", f"{p.documents} VOA stories"))
    return rows


def rows(res: Results) -> list[Row]:
    out: list[Row] = []
    if res.acled:
        out += _acled_rows(res.acled)
    for g in res.geo:
        out += _geo_rows(g)
    if res.seeds:
        out += _seeds_rows(res.seeds)
    if res.voa:
        out += _set_rows(res.voa.dev) + _set_rows(res.voa.test)
    if res.re3d:
        out += _set_rows(res.re3d.dev) + _set_rows(res.re3d.test)
    if res.speed:
        out += _speed_rows(res.speed)
    return out


def header(res: Results) -> list[str]:
    lines = [f"thucydides evaluation · {res.started} · commit {res.commit} · `{res.options.command}`"]
    if res.acled:
        a = res.acled
        cap = f"at most {a.cap} per country (hash order)" if a.cap else "no per-country cap"
        limit = f", first {a.limit} in hash order" if a.limit else ""
        lines.append(f"ACLED dev split (sha256(event_id_cnty) % 10 == 0): {a.selection_rows:,} of {a.dev_rows:,} "
                     f"dev rows, {cap}{limit}; primary event = earliest evidence")
    if any(g.half != "all" for g in res.geo):
        lines.append("LGL, GeoVirus: the report half (sha256('corpus:index') odd) was never fitted on; the place "
                     "ranker is fitted on the fit half (thucydides.learn.places)")
    for g in res.geo:
        if g.half == res.geo[0].half and g.outlets and not g.convention:
            lines.append(f"{g.corpus}: {g.outlets} outlet homes learned from the first pass's own places (no gold); "
                         f"{g.reprocessed} articles processed again with them (as thucydides run does)")
    if res.voa:
        lines.append(f"VOA: {res.voa.dev.stories} dev + {res.voa.test.stories} test annotated stories from "
                     f"{res.voa.gold_dir} (test = sha256(id) % 3 == 0)")
    if res.re3d:
        lines.append(f"re3d: {res.re3d.dev.stories} dev + {res.re3d.test.stories} test annotated documents from "
                     f"{res.re3d.gold_dir} (test = sha256(_id) % 3 == 0; no publication dates)")
    return lines


def table(res: Results) -> str:
    body = rows(res)
    widths = [max(len(r[i]) for r in [("part", "measure", "value", "n"), *body]) for i in range(4)]

    def line(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    out = [*header(res), "", line(("part", "measure", "value", "n")), line(tuple("-" * w for w in widths))]
    out += [line(r) for r in body]
    out.append("")
    out.append(f"took {res.seconds:.0f} s" + _part_times(res))
    return "\n".join(out)


def _part_times(res: Results) -> str:
    parts = []
    if res.acled:
        parts.append(f"ACLED {res.acled.seconds:.0f} s")
    parts += [f"{g.corpus}{', ' + g.convention if g.convention else ''} {g.seconds:.0f} s"
              for g in res.geo if g.half == res.geo[0].half]
    if res.seeds:
        parts.append(f"seeds {res.seeds.seconds:.0f} s")
    if res.voa:
        parts.append(f"VOA {res.voa.seconds:.0f} s")
    if res.re3d:
        parts.append(f"re3d {res.re3d.seconds:.0f} s")
    if res.speed:
        parts.append(f"throughput {res.speed.seconds:.0f} s at load average {res.speed.load_average:.1f} "
                     f"on {os.cpu_count()} cores")
    return f" ({', '.join(parts)})" if parts else ""


def _plain(value: Any) -> Any:
    """Dataclasses as JSON objects, with each Rate's value beside its counts."""
    if isinstance(value, Rate):
        return {"hits": value.hits, "n": value.n, "value": value.value}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


def write_json(res: Results, path: Path) -> None:
    path.write_text(json.dumps(_plain(res), indent=1, ensure_ascii=False), encoding="utf-8")
