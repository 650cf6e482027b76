#!/usr/bin/env python3
"""Check the shape of VOA gold files and that every span lies inside its story's text.

    python3 tests/data/voa/check_gold.py [FILE ...]     (default: every file in gold/)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
STORIES = HERE.parents[3] / "shared" / "data" / "voa" / "voa_stories.jsonl"
METRICS = {"killed", "wounded", "fled", "surrendered", "captured", "fighters_present", "civilians_present",
           "territory_held", "territory_taken", "distance", "share_held"}
UNITS = {"person", "km2", "km", "m", "percent"}
QUALIFIERS = {"exact", "approximately", "at_least", "at_most", "range", "vague"}
EVENT_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}


def stories() -> dict[str, str]:
    out = {}
    with STORIES.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            out[str(d["id"])] = d["text"]
    return out


def check(path: Path, texts: dict[str, str]) -> list[str]:
    g = json.loads(path.read_text(encoding="utf-8"))
    errs: list[str] = []
    story = str(g.get("story"))
    text = texts.get(story)
    if text is None:
        return [f"{path.name}: unknown story {story!r}"]
    if path.stem != story:
        errs.append(f"{path.name}: file name must be the story id {story}")
    keys = set(g.get("actors") or {})

    def span_ok(item: dict, what: str) -> None:
        s = item.get("span")
        if not (isinstance(s, list) and len(s) == 2 and 0 <= s[0] < s[1] <= len(text)):
            errs.append(f"{path.name}: {what} has a bad span {s!r}")
        if "text" in item:
            errs.append(f"{path.name}: {what} must not carry a 'text' field (no copied sentences)")

    def actors_ok(v: object, what: str) -> None:
        if v is None:
            return
        if not isinstance(v, list) or not v or any(k not in keys for k in v):
            errs.append(f"{path.name}: {what} must be null or a list of keys of 'actors': {v!r}")

    def coords_ok(p: object, what: str) -> None:
        if p is None:
            return
        if not isinstance(p, dict) or not all(isinstance(p.get(k), (int, float)) for k in ("lat", "lon", "tol_km")):
            errs.append(f"{path.name}: {what} needs lat, lon and tol_km")
        elif not (-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180):
            errs.append(f"{path.name}: {what} coordinates out of range")

    for i, p in enumerate(g.get("places") or []):
        span_ok(p, f"place {i}")
        coords_ok(p, f"place {i}")
        if not p.get("names"):
            errs.append(f"{path.name}: place {i} has no names")
    for i, c in enumerate(g.get("claims") or []):
        span_ok(c, f"claim {i}")
        for option in [c, *(c.get("alt") or [])]:
            if option.get("metric") not in METRICS or option.get("unit") not in UNITS:
                errs.append(f"{path.name}: claim {i} metric/unit {option.get('metric')!r}/{option.get('unit')!r}")
            if option.get("low") is None and option.get("high") is None:
                errs.append(f"{path.name}: claim {i} has no figure")
        if c.get("qualifier") not in QUALIFIERS:
            errs.append(f"{path.name}: claim {i} qualifier {c.get('qualifier')!r}")
        for role in ("subject", "agent", "claimant"):
            actors_ok(c.get(role), f"claim {i} {role}")
        coords_ok(c.get("place"), f"claim {i} place")
    for i, e in enumerate(g.get("events") or []):
        span_ok(e, f"event {i}")
        types = e.get("event_type")
        subs = e.get("sub_event_types") or []
        if types not in EVENT_TYPES or not subs or any(s not in EVENT_TYPES[types] for s in subs):
            errs.append(f"{path.name}: event {i} type {types!r} / {subs!r} is not ACLED's")
        for role in ("actor1", "actor2"):
            actors_ok(e.get(role), f"event {i} {role}")
        coords_ok(e.get("place"), f"event {i} place")
        d = e.get("date")
        if d is not None and not (isinstance(d, dict) and d.get("start") and d.get("end") and d["start"] <= d["end"]):
            errs.append(f"{path.name}: event {i} date must be {{start, end}} in order")
    return errs


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted((HERE / "gold").glob("*.json"))
    texts = stories()
    errs = [e for f in files for e in check(f, texts)]
    print("\n".join(errs) if errs else f"{len(files)} file(s) ok")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
