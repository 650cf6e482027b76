"""Domain knowledge kept as data (YAML), with one cached loader.

Stages read their lexicons through `load()`; users may point THUCYDIDES_DATA_DIR at a
folder holding files of the same names to extend or replace them without code changes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

PACKAGE_DATA = Path(__file__).resolve().parent


class DataFileError(ValueError):
    pass


def data_path(name: str) -> Path:
    """A data file by name: the user's copy in THUCYDIDES_DATA_DIR when there is one, else the package's (the one
    lookup, `knowledge` included)."""
    override = os.environ.get("THUCYDIDES_DATA_DIR")
    if override and (Path(override) / name).is_file():
        return Path(override) / name
    return PACKAGE_DATA / name


@lru_cache(maxsize=64)
def load(name: str) -> Any:
    """Parse a YAML data file by name (e.g. "actors.yaml"), naming the file on any error."""
    path = data_path(name)
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError as exc:
        raise DataFileError(f"{path}: data file not found") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: not valid YAML: {exc}") from exc


def word_set(raw: Mapping[str, Any], key: str) -> frozenset[str]:
    """A lexicon entry as a set of lower-case words; a missing or empty entry is the empty set."""
    return frozenset(str(w).lower() for w in raw.get(key) or ())
