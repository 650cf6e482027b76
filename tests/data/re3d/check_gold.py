#!/usr/bin/env python3
"""Check the shape of re3d gold files and that every span lies inside its document's text.

    python3 tests/data/re3d/check_gold.py [FILE ...]     (default: every file under gold/)

The annotation rules are the VOA ones (tests/data/voa/GUIDELINES.md); this reuses that checker and adds
what differs: one folder per re3d source, the `thucydides-gold-re3d` header naming source and document.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RE3D = HERE.parents[3] / "shared" / "data" / "re3d"
_spec = importlib.util.spec_from_file_location("voa_check_gold", HERE.parent / "voa" / "check_gold.py")
assert _spec and _spec.loader
voa = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(voa)


def documents(source: str) -> dict[str, str]:
    out = {}
    with (RE3D / source / "documents.json").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                out[str(d["_id"])] = d["text"]
    return out


def check(path: Path) -> list[str]:
    g = json.loads(path.read_text(encoding="utf-8"))
    source = path.parent.name
    errs = []
    if g.get("format") != "thucydides-gold-re3d" or g.get("version") != 1:
        errs.append(f"{path}: format must be thucydides-gold-re3d version 1")
    if g.get("source") != source:
        errs.append(f"{path}: source {g.get('source')!r} must be the folder name {source!r}")
    if not (RE3D / source / "documents.json").is_file():
        return [*errs, f"{path}: no re3d source {source!r}"]
    return errs + [f"{source}/{e}" for e in voa.check(path, documents(source))]


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted((HERE / "gold").glob("*/*.json"))
    errs = [e for f in files for e in check(f)]
    print("\n".join(errs) if errs else f"{len(files)} file(s) ok")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
