"""`settle.state_force_reading` and its learner: 'security forces' settled in a country whose ACLED coders read them
as the police is that country's police; elsewhere, and for nouns that say which force, the reading stays. Sentences
and notes written for these tests."""

from __future__ import annotations

from thucydides.actors.settle import state_force_reading
from thucydides.knowledge.actors import actor_base, name_key
from thucydides.knowledge.state_forces import StateForceReading, state_force_nouns, state_force_readings
from thucydides.learn.state_forces import ForceRow, force_rows, held_out_gain, learn
from thucydides.model import ActorMention

READINGS = {"ET": StateForceReading("ET", "police", 50, 0.6), "SO": StateForceReading("SO", "military", 700, 0.99)}


def _settled(text: str, country: str, key: str = "military") -> ActorMention:
    """A state force noun as settle_all leaves it: the country's military (or police)."""
    actor = actor_base().generic(key, country)
    return ActorMention(0, len(text), text, actor.id, False, actor.kind, country, False)


def _name(m: ActorMention) -> str:
    actor = actor_base().get(m.actor)
    assert actor is not None
    return name_key(actor.name)


def test_security_forces_in_a_country_read_as_police_are_its_police() -> None:
    # "Security forces detained twelve students in Gondar on Friday."
    out = state_force_reading([_settled("Security forces", "ET")], readings=READINGS)
    assert _name(out[0]) == name_key(actor_base().generic("police", "ET").name)
    assert out[0].kind == "state_forces" and not out[0].generic


def test_security_forces_in_a_country_read_as_military_stay_the_military() -> None:
    # "Security forces raided a village near Afgooye on Monday."
    mention = _settled("security forces", "SO")
    assert state_force_reading([mention], readings=READINGS) == [mention]


def test_a_noun_that_names_the_army_or_a_country_without_a_reading_keeps_it() -> None:
    # "Ethiopian soldiers shelled a village near Dessie." / "Security forces raided a house in Kirkuk."
    troops = _settled("Ethiopian soldiers", "ET")
    unread = _settled("security forces", "IQ")
    assert state_force_reading([troops, unread], readings=READINGS) == [troops, unread]


def test_the_shipped_table_and_nouns_load() -> None:
    assert "security forces" in state_force_nouns()
    assert all(r.reading in {"military", "police"} and r.support > 0 for r in state_force_readings().values())


def _note(notes: str, country: str, actor1: str, actor2: str = "", event_id: str = "X1") -> dict[str, str]:
    return {"notes": notes, "country": country, "actor1": actor1, "actor2": actor2, "event_id_cnty": event_id}


def test_the_learner_counts_notes_naming_a_force_only_so() -> None:
    # a protest a force stepped into is left out: the events stage reads the police there whatever the table says
    rows = [
        _note("Security forces arrested four traders in Adama town.", "Ethiopia", "Police Forces of Ethiopia (2018-)"),
        _note("Security forces and soldiers fired on a crowd in Bahir Dar.", "Ethiopia",
              "Military Forces of Ethiopia (2018-)"),
        _note("Government forces shelled a hamlet near Jowhar.", "Somalia", "Military Forces of Somalia (2012-)",
              "Al Shabaab"),
        _note("Gunmen killed a farmer near Nekemte.", "Ethiopia", "Unidentified Armed Group (Ethiopia)"),
        {**_note("Security forces dispersed a march of teachers in Hawassa.", "Ethiopia", "Protesters (Ethiopia)",
                 "Military Forces of Ethiopia (2018-)"), "sub_event_type": "Protest with intervention"},
    ]
    found = force_rows(rows, actor_base())
    assert [(r.country, r.coded) for r in found] == [("ET", "police"), ("SO", "military")]


def test_the_learner_keeps_a_reading_with_share_and_support_only() -> None:
    rows = [ForceRow("ET", "police", 0)] * 6 + [ForceRow("ET", "military", 0)] * 4 + \
        [ForceRow("KE", "police", 0)] * 5 + [ForceRow("KE", "military", 0)] * 5 + [ForceRow("BJ", "police", 0)] * 3
    learned = {r.country: r for r in learn(rows, 5, 0.5)}
    assert learned["ET"].reading == "police" and learned["ET"].share == 0.6
    assert learned["KE"].reading == "military"  # a tie keeps the noun's own reading
    assert "BJ" not in learned


def test_held_out_gain_scores_rows_read_as_police() -> None:
    rows = [ForceRow("ET", "police", f) for f in (0, 1) for _ in range(4)] + [ForceRow("ET", "military", 0)]
    gain, changed = held_out_gain(rows, 2, 3, 0.5)
    assert (gain, changed) == (8 - 1, 9)
