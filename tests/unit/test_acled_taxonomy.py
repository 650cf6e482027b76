"""ACLED's taxonomy and coding rules, read from data/acled.yaml."""

from __future__ import annotations

import pytest

from thucydides.knowledge import KnowledgeError
from thucydides.knowledge.acled import taxonomy


def test_six_types_twenty_five_sub_types_each_with_one_parent() -> None:
    t = taxonomy()
    assert len(t.event_types) == 6
    assert len(t.sub_event_types) == len(set(t.sub_event_types)) == 25
    assert t.event_type_of("Air/drone strike") == "Explosions/Remote violence"
    with pytest.raises(KnowledgeError, match="Airstrike"):
        t.event_type_of("Airstrike")


def test_interaction_codes() -> None:
    t = taxonomy()
    assert t.interaction(1, 2) == t.interaction(2, 1) == 12
    assert t.interaction(6, None) == 60
    assert t.interaction(None, None) is None


@pytest.mark.parametrize("sub, inter1, inter2, expected", [
    ("Arrests", 2, 7, "Abduction/forced disappearance"),       # a rebel group taking people
    ("Arrests", 1, 7, "Arrests"),                              # police detaining people
    ("Abduction/forced disappearance", 1, 7, "Arrests"),
    ("Armed clash", 3, 7, "Attack"),                            # a militia on unarmed villagers
    ("Armed clash", 3, 4, "Armed clash"),                       # armed auxiliaries are combatants
    ("Armed clash", 5, 5, "Mob violence"),
    ("Armed clash", 6, 1, "Violent demonstration"),
    ("Non-state actor overtakes territory", 1, 2, "Government regains territory"),
    ("Government regains territory", 2, 1, "Non-state actor overtakes territory"),
    ("Government regains territory", None, 2, "Government regains territory"),  # unknown taker: leave it
])
def test_coding_rules(sub: str, inter1: int | None, inter2: int | None, expected: str) -> None:
    assert taxonomy().recode(sub, inter1, inter2)[0] == expected


def test_regions_by_country_then_continent() -> None:
    t = taxonomy()
    assert t.region("SO") == "Eastern Africa"
    assert t.region("FR", "EU") == "Europe"
