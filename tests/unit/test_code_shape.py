"""Short functions with one job: no function or method in the package or the benchmarks has a cyclomatic
complexity above 15 (radon's measure, the one the developers' brief names)."""

from __future__ import annotations

from pathlib import Path

import pytest

radon_complexity = pytest.importorskip("radon.complexity")

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 15


def _too_complex() -> list[str]:
    found = []
    for folder in ("thucydides", "bench"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for block in radon_complexity.cc_visit(path.read_text(encoding="utf-8")):
                if block.complexity > LIMIT:
                    found.append(f"{path.relative_to(ROOT)}:{block.lineno} {block.fullname} ({block.complexity})")
    return found


def test_no_function_is_more_complex_than_the_limit() -> None:
    assert _too_complex() == []
