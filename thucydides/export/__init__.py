"""Exports: the JSON contract, GeoJSON, CSV of claims, ACLED CSV."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from thucydides.export.bundle import ExportBundle
from thucydides.export.records import Records

Writer = Callable[[ExportBundle | Records, Path], None]

# format name -> (module, function, file suffix); imported on use so a format's
# dependencies cost nothing to the others.
FORMATS: dict[str, tuple[str, str, str]] = {
    "json": ("thucydides.export.contract", "write_json", ".json"),
    "geojson": ("thucydides.export.geojson", "write_geojson", ".geojson"),
    "csv": ("thucydides.export.claims_csv", "write_claims_csv", ".claims.csv"),
    "acled": ("thucydides.export.acled", "write_acled_csv", ".acled.csv"),
}


def writer(fmt: str) -> Writer:
    if fmt not in FORMATS:
        raise KeyError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    module, name, _ = FORMATS[fmt]
    return getattr(import_module(module), name)  # type: ignore[no-any-return]


def write(source: ExportBundle | Records, fmt: str, path: Path) -> None:
    """Write a bundle held in memory, or a store's records a page at a time (`records.StoreRecords`)."""
    writer(fmt)(source, path)
