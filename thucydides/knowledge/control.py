"""The control lexicon (`data/control.yaml`): words that say who holds, takes or leaves a place."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from thucydides.knowledge import data_path, read_yaml, word_set

FILE = "control.yaml"


@dataclass(frozen=True)
class ControlLexicon:
    hold_verbs: frozenset[str]
    control_nouns: frozenset[str]
    control_preps: frozenset[str]
    enclave_nouns: frozenset[str]
    enclave_verbs: frozenset[str]
    bound_preps: frozenset[str]
    capture_verbs: frozenset[str]
    capture_nouns: frozenset[str]
    loser_nouns: frozenset[str]
    fall_verbs: frozenset[str]
    loss_verbs: frozenset[str]
    expel_verbs: frozenset[str]
    withdraw_verbs: frozenset[str]
    siege_verbs: frozenset[str]
    source_preps: frozenset[str]
    container_preps: frozenset[str]
    irrealis_heads: frozenset[str]
    irregular_forms: frozenset[str]

    @property
    def cue_lemmas(self) -> frozenset[str]:
        return (self.hold_verbs | self.control_nouns | self.enclave_nouns | self.capture_verbs | self.capture_nouns
                | self.fall_verbs | self.loss_verbs | self.expel_verbs | self.withdraw_verbs | self.siege_verbs)

    def prefilter(self) -> re.Pattern[str]:
        """A cheap test for text that may hold a cue: the lemmas' stems and the irregular forms."""
        stems = {w[:-1] if w.endswith("e") and len(w) > 3 else w for w in self.cue_lemmas}
        words = sorted(stems | self.irregular_forms, key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")", re.IGNORECASE)


@cache
def control_lexicon() -> ControlLexicon:
    path = data_path(FILE)
    raw = read_yaml(path)
    where = str(path)
    return ControlLexicon(**{name: word_set(raw, name, where) for name in ControlLexicon.__dataclass_fields__})
