"""People's names: the US census lists of first names and the commonest surnames the `names` package carries.

A capitalised word that is a common person's name ("Jackson", "Warren", "Victoria") is read as a place only where
spaCy or the words around it say so; place recognition asks this before taking a name spaCy missed for a place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from thucydides.geo.fold import fold
from thucydides.knowledge.settings import section

FIRST_NAME_FILES = ("dist.male.first", "dist.female.first")
SURNAME_FILE = "dist.all.last"


def _names_folder() -> Path:
    import names

    return Path(names.__file__).resolve().parent


def read_names(path: Path, max_rank: int | None = None) -> set[str]:
    """The folded names of one census list (lines "NAME FREQ CUMFREQ RANK"), those up to `max_rank` when given."""
    out = set()
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) == 4 and (max_rank is None or int(parts[3]) <= max_rank):
            out.add(fold(parts[0]))
    return out


@lru_cache(maxsize=4)
def person_names(surname_rank: int) -> frozenset[str]:
    """Every listed first name and the surnames up to `surname_rank` (1990 census order), folded."""
    folder = _names_folder()
    out = set().union(*(read_names(folder / f) for f in FIRST_NAME_FILES))
    return frozenset(out | read_names(folder / SURNAME_FILE, surname_rank))


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Every listed first name (male and female census lists), folded."""
    folder = _names_folder()
    return frozenset(set().union(*(read_names(folder / f) for f in FIRST_NAME_FILES)))


@dataclass(frozen=True, slots=True)
class PersonNameSettings:
    """Which census names count as common (`person_names` in the settings)."""

    surname_rank: int
    """US surnames this common (1990 census rank) are people's names first, as first names are: Barnett, Foley,
    Drayton. The gazetteer build drops such hamlets' names and place recognition never takes them for places."""


@lru_cache(maxsize=1)
def person_name_settings() -> PersonNameSettings:
    """The `person_names` settings, read once: the gazetteer build and place recognition share them."""
    return section("person_names", PersonNameSettings)


def common_person_names() -> frozenset[str]:
    """Every listed first name and the surnames up to the settings' `surname_rank`, folded."""
    return person_names(person_name_settings().surname_rank)
