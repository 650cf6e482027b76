"""A report's first line is sometimes the outlet's name (a masthead), not its headline.

Known outlets and monitors come from the actor dictionary (`actors.yaml`, kinds `outlet`
and `monitor`), so adding an outlet there teaches ingestion its masthead too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from thucydides import data

MASTHEAD_KINDS = frozenset({"outlet", "monitor"})
_NOT_WORD = re.compile(r"[^\w]+")


def fold(name: str) -> str:
    """Case, punctuation and a leading article do not tell two mastheads apart."""
    words = _NOT_WORD.sub(" ", name.casefold()).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def masthead_names() -> dict[str, str]:
    """Folded name or alias -> the outlet's display name."""
    names: dict[str, str] = {}
    for actor in data.load("actors.yaml").get("actors", []):
        if actor.get("kind") not in MASTHEAD_KINDS:
            continue
        for alias in [actor["name"], *actor.get("aliases", [])]:
            names.setdefault(fold(str(alias)), str(actor["name"]))
    names.pop("", None)
    return names


def masthead_outlet(line: str) -> str | None:
    """The outlet a line names when the whole line is just that outlet's name."""
    return masthead_names().get(fold(line))
