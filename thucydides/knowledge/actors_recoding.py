"""Words of a report that call an attacker unknown ('unidentified gunmen', 'an unknown group'), so that no named
group it mentions is read as the doer (`unknown_doer_words` in data/actors.yaml; events/roles_recode.py)."""

from __future__ import annotations

from functools import cache

from thucydides.knowledge import data_path, read_yaml, strings

FILE = "actors.yaml"


@cache
def unknown_doer_words() -> frozenset[str]:
    """The words, lower case."""
    path = data_path(FILE)
    return frozenset(w.lower() for w in strings(read_yaml(path), "unknown_doer_words", f"{path}"))
