"""The alias learner on notes we wrote: an actor named twice in a note ('Valley Guard soldiers ... the ZVX') still
teaches its second name, which the competitive pass alone never links; a crowd's topic is never co-linked."""

from __future__ import annotations

from dataclasses import replace

import pytest

from thucydides.knowledge import data_path, read_yaml
from thucydides.knowledge.actors import Curated, read_curated, read_learned_aliases
from thucydides.knowledge.demonyms import CURATED as COUNTRIES_FILE
from thucydides.knowledge.demonyms import Countries, build_countries, geonames_countries
from thucydides.knowledge.settings import section
from thucydides.learn.actor_aliases import LearnSettings, Target, learn_aliases

GUARD = Target("valley-guard", "valley guard", "state_forces", None)
FRONT = Target("hill-front", "hill front", "rebel_group", None)
BRIGADE = Target("river-brigade", "river brigade", "identity_militia", None)
CIVILIANS = Target("civilians-x", "civilians", "civilians", None)
CROWD = Target("protesters-x", "protesters", "protesters", None)
SETTINGS = LearnSettings(min_support=5, min_precision=0.75, min_precision_shared=0.4, min_support_unshared=10,
                         min_lift=1.5, max_ngram=4, containment=0.8, country_share=0.1, max_countries=5,
                         demonym_support=5, demonym_precision=0.8, colink_precision=0.8, colink_support=3,
                         colink_groups=("state", "armed"))
OFF = replace(SETTINGS, colink_precision=1.01)


@pytest.fixture(scope="module")
def curated() -> Curated:
    return read_curated(data_path("actors.yaml"))


@pytest.fixture(scope="module")
def table() -> Countries:
    return build_countries(read_yaml(data_path(COUNTRIES_FILE)), {}, geonames_countries())


def guard_notes() -> tuple[list[str], list[set[str]]]:
    """36 notes: in 30 the guard is named twice ('Valley Guard soldiers', then 'the ZVX'), in 6 only as 'ZVX';
    its opponents vary, so only the guard goes with 'ZVX' every time."""
    texts: list[str] = []
    coded: list[set[str]] = []
    opponents = [("Hill Front rebels", FRONT), ("River Brigade fighters", BRIGADE), ("farmers", CIVILIANS)]
    for i in range(30):
        name, target = opponents[i % 3]
        texts.append(f"On day {i}, Valley Guard soldiers fought {name} near Orun; the ZVX said {i % 4 + 1} died.")
        coded.append({GUARD.id, target.id})
    for i in range(6):
        texts.append(f"The ZVX raided a farm near Orun on day {i}; nobody was hurt.")
        coded.append({GUARD.id, CIVILIANS.id})
    return texts, coded


def aliases_of(texts: list[str], coded: list[set[str]], curated: Curated, table: Countries,
               settings: LearnSettings) -> dict[str, str]:
    """What the learner makes of the notes, among 40 more in which neither the guard nor the crowd acts (an
    alias must say more than 'an event happened')."""
    texts = texts + [f"Hill Front rebels clashed with River Brigade fighters near Orun on day {i}." for i in range(40)]
    coded = coded + [{FRONT.id, BRIGADE.id} for _ in range(40)]
    targets = [GUARD, FRONT, BRIGADE, CIVILIANS, CROWD]
    found = learn_aliases(texts, coded, targets, {"Orun"}, curated, table, settings)
    return {a.alias: a.actor for a in found}


def test_a_second_name_in_every_note_is_learned(curated: Curated, table: Countries) -> None:
    texts, coded = guard_notes()
    learned = aliases_of(texts, coded, curated, table, SETTINGS)
    assert learned.get("ZVX") == GUARD.id
    assert learned.get("Valley Guard soldiers") == GUARD.id


def test_competitive_linking_alone_misses_it(curated: Curated, table: Countries) -> None:
    """The cause: 'Valley Guard soldiers' takes the guard's one link per note, 'ZVX' keeps only its 6 lone notes."""
    texts, coded = guard_notes()
    assert "ZVX" not in aliases_of(texts, coded, curated, table, OFF)


def test_a_crowds_topic_is_not_co_linked(curated: Curated, table: Countries) -> None:
    """Protest notes name what the crowd protests about ('the QRB office'): never a name of the crowd."""
    texts = [f"Protesters rallied outside the QRB office in Orun on day {i} over unpaid wages." for i in range(30)]
    texts += [f"On day {i}, a crowd rallied against the QRB in Orun." for i in range(6)]
    coded = [{CROWD.id} for _ in texts]
    assert "QRB" not in aliases_of(texts, coded, curated, table, SETTINGS)
    assert aliases_of(texts, coded, curated, table, replace(SETTINGS, colink_groups=("crowd",))).get("QRB") \
        == CROWD.id


def test_shipped_settings_and_aliases_read() -> None:
    settings = section("actor_learning", LearnSettings)
    assert 0.5 < settings.colink_precision <= 1.0 and settings.colink_groups
    learned = read_learned_aliases(data_path("actors/learned_aliases.csv.gz"))
    assert all(a.support >= settings.min_support for a in learned)


def test_an_acronym_one_letter_past_a_names_initials_shares_it(table: Countries) -> None:
    """'ISWAP' for 'Islamic State (West Africa) ...': the initials of the name's words and a last letter for a word
    the name leaves out (Province); a bracket in the name does not hide its words' initials."""
    from thucydides.learn.actor_aliases import Words

    name = Words.of("islamic state (west africa) lake chad faction", table, frozenset(), initials=True)
    assert "iswa" in name.initials
    assert Words.of("ISWAP", table, frozenset()).extends_initials(name)
    assert not Words.of("ISWAX", table, frozenset()).extends_initials(
        Words.of("rapid support forces", table, frozenset(), initials=True))
    assert not Words.of("RSFX", table, frozenset()).extends_initials(
        Words.of("rapid support forces", table, frozenset(), initials=True))


def test_a_patrons_country_is_not_the_actors(table: Countries) -> None:
    """'Saudi-led coalition' fights in Yemen: a country before 'led' or 'backed' names a patron, so the phrase may
    be linked to an actor of another country; 'Saudi forces' still names Saudi Arabia's."""
    from thucydides.learn.actor_aliases import Words

    assert not Words.of("saudi-led coalition", table, frozenset()).countries
    assert not Words.of("Iranian-backed militias", table, frozenset()).countries
    assert Words.of("saudi forces", table, frozenset()).countries == {"SA"}
