"""Outside story sets as typed records: VOA's `voa_stories.jsonl` and re3d's `documents.json` files.

Training (thucydides.learn) and evaluation (thucydides.evaluation) read the same files; one reader here,
below both, keeps them reading the same text (the gold's offsets index it exactly) and failing the same way.
Each file is JSON lines, one story a line; a story's text is kept as it stands, never normalised.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path


class CorpusError(ValueError):
    """An input file is missing or malformed; the message names it."""


@dataclass(frozen=True)
class Story:
    """One story of an outside set, its text exactly as the gold's offsets read it."""

    id: str
    text: str
    published: date | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class StoryFields:
    """Which of a set's JSON fields hold the id, the source URL and the publication date (None: not given)."""

    id: str
    url: str
    published: str | None


VOA_FIELDS = StoryFields("id", "url", "published")
RE3D_FIELDS = StoryFields("_id", "sourceUrl", None)
"""re3d gives no publication date."""


def _date(value: object) -> date | None:
    """A date read from the front of an ISO timestamp; an unreadable one is no date, not a failure."""
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _story(record: object, fields: StoryFields) -> Story:
    if not isinstance(record, dict):
        raise TypeError(f"a story is a JSON object, got {type(record).__name__}")
    text = record["text"]
    if not isinstance(text, str):
        raise TypeError(f"field 'text' should be a string, got {type(text).__name__}")
    published = _date(record.get(fields.published)) if fields.published else None
    return Story(str(record[fields.id]), text, published, record.get(fields.url), record.get("title"))


def read_stories(path: Path, fields: StoryFields = VOA_FIELDS) -> dict[str, Story]:
    """Every story of one JSON-lines file by id (a later line with the same id wins); a missing file or a
    line that is no story raises CorpusError naming the file and the line."""
    out: dict[str, Story] = {}
    try:
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        story = _story(json.loads(line), fields)
                    except (ValueError, KeyError, TypeError) as exc:
                        raise CorpusError(f"{path}:{number}: not a story ({exc!r})") from exc
                    out[story.id] = story
    except FileNotFoundError as exc:
        raise CorpusError(f"{path}: stories not found") from exc
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    return out


def read_story_folders(folder: Path, fields: StoryFields = RE3D_FIELDS) -> dict[str, Story]:
    """Every story of every source folder's `documents.json` (re3d's layout), by id across the folders."""
    out: dict[str, Story] = {}
    for path in sorted(folder.glob("*/documents.json")):
        out.update(read_stories(path, fields))
    return out
