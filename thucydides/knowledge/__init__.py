"""Domain knowledge as typed data: one loader per concept, the data itself in `thucydides/data/`.

Files are found in the package, or in the folder named by THUCYDIDES_DATA_DIR when it holds a file of
the same name, so users extend the knowledge without code changes. Every reader names the file on error.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from pathlib import Path

import yaml

from thucydides.data import PACKAGE_DATA, data_path  # one lookup of a data file, for both loaders

__all__ = ["PACKAGE_DATA", "KnowledgeError", "data_path", "listed", "read_artefact_json", "read_yaml", "strings",
           "word_set"]


class KnowledgeError(ValueError):
    """A knowledge file is missing or malformed; the message names the file and the entry."""


def read_yaml(path: Path) -> Mapping[str, object]:
    """A YAML file whose top level is a mapping; anything else is a KnowledgeError naming the file."""
    try:
        with path.open(encoding="utf-8") as fh:
            raw = yaml.safe_load(fh)
    except FileNotFoundError as exc:
        raise KnowledgeError(f"{path}: data file not found") from exc
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path}: not valid YAML: {exc}") from exc
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise KnowledgeError(f"{path}: the top level must be a mapping, not {type(raw).__name__}")
    return raw


def read_artefact_json(path: Path, fmt: str, version: int, what: str, train: str,
                       error: type[Exception] = KnowledgeError) -> dict[str, object]:
    """A shipped or trained JSON artefact of this format and version, as a mapping; anything else is an `error`
    naming the file (`what` it is, and the command `train` that makes one when it is missing)."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise error(f"{path}: {what} not found (train one: {train})") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise error(f"{path}: {what} is not readable JSON: {exc}") from exc
    if not isinstance(raw, dict) or raw.get("format") != fmt or raw.get("version") != version:
        raise error(f"{path}: not a {fmt} v{version} {what}")
    return raw


def read_learned_rows(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of a learned table (a CSV under the package data), whose header must be `columns` exactly: a file
    a learner of another version wrote fails here, naming itself, rather than later as a missing key."""
    path = data_path(name)
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != columns:
            raise KnowledgeError(f"{path}: expected columns {', '.join(columns)}")
        return list(reader)


def strings(raw: Mapping[str, object], key: str, where: str) -> tuple[str, ...]:
    """A list of strings under `key` (missing or empty: none); a scalar or a nested list is an error."""
    value = raw.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or any(isinstance(v, (list, dict)) for v in value):
        raise KnowledgeError(f"{where}: '{key}' must be a list of words")
    return tuple(str(v) for v in value)


def listed(raw: Mapping[str, object], key: str, where: str) -> list[object]:
    """The list under `key` (missing or empty: none), its entries still to be checked by the reader; anything
    else is an error naming the file and the key."""
    value = raw.get(key) or []
    if not isinstance(value, list):
        raise KnowledgeError(f"{where}: '{key}' must be a list")
    return value


def word_set(raw: Mapping[str, object], key: str, where: str) -> frozenset[str]:
    """A list of words under `key`, lower-cased, for membership tests."""
    return frozenset(w.lower() for w in strings(raw, key, where))
