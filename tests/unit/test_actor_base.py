"""The actor base: ACLED names taken apart, lookups by acronym and full name, generic actors for every country,
families settled by country, new records for organisations the base lacks, and no Syria/Iraq default."""

from __future__ import annotations

import pytest

from thucydides.actors.settle import settle, settle_all
from thucydides.knowledge.actors import AcledName, fold_name, fold_text, load_base, name_key, slug
from thucydides.knowledge.demonyms import countries
from thucydides.model import ActorMention


@pytest.fixture(scope="module")
def base():
    return load_base(True)


def test_acled_names_are_taken_apart() -> None:
    table = countries()
    rsf = AcledName.parse("RSF: Rapid Support Forces", table)
    assert (rsf.acronym, rsf.long) == ("RSF", "Rapid Support Forces")
    army = AcledName.parse("Military Forces of Nigeria (2015-2023)", table)
    assert (army.base, army.country, army.subunit) == ("Military Forces of Nigeria", None, None)
    crowd = AcledName.parse("Protesters (Sudan)", table)
    assert (crowd.family, crowd.country) == ("Protesters", "SD")
    unit = AcledName.parse("Military Forces of Somalia (2022-) Puntland Dervish Force", table)
    assert (unit.parent, unit.subunit) == ("Military Forces of Somalia", "Puntland Dervish Force")
    region = AcledName.parse("Islamic State (Sahel)", table)
    assert (region.country, region.qualifier) == (None, "Sahel")
    assert AcledName.parse("JNIM: Group for Support of Islam and Muslims and/or Islamic State (Sahel)", table).composite


def test_folding_keeps_offsets_and_ignores_case_hyphens_and_periods() -> None:
    assert len(fold_text("Al-Shabaab’s Burkinabé")) == len("Al-Shabaab’s Burkinabé")
    assert fold_name("The al-Shabaab") == fold_name("Al Shabaab") == "al shabaab"
    assert name_key("Police Forces of Kenya (2013-)") == name_key("police forces of Kenya")
    assert slug("Unidentified Armed Group (Nigeria)") == "unidentified-armed-group-nigeria"


def test_acronym_and_full_name_are_one_actor(base) -> None:
    assert base.lookup("M23") is not None
    assert base.lookup("M23") == base.lookup("March 23 Movement")
    assert base.lookup("m23") is None  # short acronyms count only as written
    assert base.lookup("Syrian Democratic Forces").id == base.lookup("SDF").id == "SDF"


@pytest.mark.parametrize("key, country, name, kind, inter", [
    ("police", "KE", "Police Forces of Kenya", "state_forces", 1),
    ("military", "NG", "Military Forces of Nigeria", "state_forces", 1),
    ("military", "US", "Military Forces of the United States", None, None),
    ("armed_group", "NG", "Unidentified Armed Group (Nigeria)", "political_militia", 3),
    ("communal_militia", "SS", "Unidentified Communal Militia (South Sudan)", "identity_militia", 4),
    ("protesters", "TV", "Protesters (Tuvalu)", "protesters", 6),
    ("rioters", "KE", "Rioters (Kenya)", "rioters", 5),
    ("civilians", "SD", "Civilians (Sudan)", "civilians", 7),
    ("government", "SO", "Government of Somalia", "government", 1),
])
def test_generic_actors_for_any_country(base, key, country, name, kind, inter) -> None:
    actor = base.generic(key, country)
    assert name_key(actor.name) == name_key(name)
    if kind is not None:
        assert (actor.kind, actor.inter) == (kind, inter)
    assert base.get(actor.id) == actor


def test_every_country_has_every_generic_actor(base) -> None:
    for code in countries().by_code:
        for key in base.generics:
            actor = base.generic(key, code)
            assert actor.countries == (code,) or code in actor.countries, (key, code, actor)


def test_a_generic_actor_rebuilt_from_its_id_alone(base) -> None:
    made = base.generic("armed_group", "LS")
    fresh = load_base.__wrapped__(True)
    assert fresh.get(made.id).name == made.name


def test_families_settle_by_country(base) -> None:
    gunmen = ActorMention(0, 6, "Gunmen", base.generic("armed_group", None).id, generic=True)
    assert base.get(settle(gunmen, "NG", base).actor).name == "Unidentified Armed Group (Nigeria)"
    assert settle(gunmen, None, base) == gunmen
    islamic_state = ActorMention(0, 4, "ISIS", "ISIS", generic=True)
    assert name_key(base.get(settle(islamic_state, "SY", base).actor).name) == name_key("Islamic State (Syria)")


def test_a_demonym_names_its_country() -> None:
    table = countries()
    for word, code in [("Nigerian", "NG"), ("Somali", "SO"), ("Sudanese", "SD"), ("Ukrainian", "UA"),
                       ("Israeli", "IL"), ("Afghan", "AF"), ("Burkinabe", "BF"), ("Congolese", "CD")]:
        assert table.code_of(word) == code, word
    assert table.code_of_name("Nigerian") is None  # a demonym is not a country qualifier


def test_new_records_for_organisations_the_base_lacks(base) -> None:
    bar = base.discover("the Darfur Bar Association")
    assert bar.id == base.discover("Darfur Bar Association").id == "new-darfur-bar-association"
    assert bar.name == "Darfur Bar Association" and bar.kind == "organisation"
    ministry = base.discover("Health Ministry (Sudan)", "SD")
    assert ministry.kind == "government" and ministry.countries == ("SD",) and ministry.inter == 1
    assert base.discover("Kassala Youth Brigade").kind == "political_militia"
    assert base.get(bar.id) == bar


def test_state_forces_abroad_are_external(base) -> None:
    israel = base.lookup("Military Forces of Israel")
    assert base.inter_in(israel, "IL") == 1
    assert base.inter_in(israel, "PS") == 8
    al_shabaab = base.lookup("Al Shabaab")
    assert base.inter_in(al_shabaab, "KE") == al_shabaab.inter == 2


def test_exported_actors_carry_acled_name_and_short_names(base) -> None:
    m23 = base.exported(base.lookup("M23"))
    assert m23.name.startswith("M23: ")
    assert {"M23", "March 23 Movement"} <= set(m23.aliases)
    army = base.exported(base.generic("military", "NG"))
    assert "Military Forces of Nigeria" in (army.name, *army.aliases)


@pytest.mark.parametrize("words", ["government forces", "regime forces", "the coalition", "rebels",
                                   "jihadists", "state media", "the army", "security forces", "the monitor",
                                   "opposition fighters", "residents", "police"])
def test_no_word_every_war_uses_stands_for_syria_or_iraq(base, words) -> None:
    actor = base.lookup(words)
    assert actor is None or not {"SY", "IQ"} & set(actor.countries), (words, actor)


def test_no_syria_or_iraq_default_when_no_country_is_known(base) -> None:
    for key in base.generics:
        family = base.generic(key, None)
        assert family.generic and not family.countries
    mentions = [ActorMention(0, 6, "troops", base.generic("military", None).id, generic=True)]
    assert settle_all(mentions, None, base) == mentions


def test_an_office_takes_acleds_form_and_is_rebuilt_from_its_id(base) -> None:
    health = base.office("ministry", "health", "TD")
    assert health.name == "Ministry of Health of Chad" and health.kind == "government"
    assert health.parent == base.generic("government", "TD").id and health.countries == ("TD",)
    assert base.office_named("Chadian Health Ministry") == base.office_named("the Ministry of Health", "TD") == health
    fresh = load_base.__wrapped__(True)  # another process's base: the office comes back from its id alone
    assert fresh.get(health.id) == health
    assert base.office("ministry", "defence", "NE").id == base.generic("military", "NE").id
    family = base.office("department", "disaster management affairs")
    assert family.generic and base.member(family.id, "MW").name == "Department of Disaster Management Affairs of Malawi"


def test_words_that_describe_a_generic_actor(base) -> None:
    assert base.describes(["army", "officers"]) == "military"
    assert base.describes(["passenger"]) == "civilians"
    assert base.describes(["officials"]) == "government"
    assert base.describes(["kidnapper"]) == "armed_group"
    assert base.describes(["weather"]) is None


def test_people_and_sources_are_records_of_their_own(base) -> None:
    person = base.person("Amina Yusuf's")
    assert person.name == "Amina Yusuf" and person.kind == "person" and base.get(person.id) == person
    witnesses = base.source("Residents")
    assert witnesses.kind == "source" and witnesses.id != base.lookup("residents").id


def test_transliterations_and_demonym_named_units_find_the_acled_actor(base) -> None:
    assert base.lookup("al-Shabab") == base.lookup("Al Shabaab")
    assert base.lookup("Tehreek-e-Taliban Pakistan") == base.lookup("TTP")
    unit = base.discover("National Intelligence and Security Agency", "SO")
    assert unit.kind == "state_forces" and unit.parent == base.generic("military", "SO").id


def test_a_unit_name_several_countries_share_settles_by_country(base) -> None:
    """'Prison guards' is ACLED's unit of one country's police in a report on that country, never the unit of
    the country ACLED codes most; where ACLED knows no such unit, the country's police."""
    family = base.lookup("prison guards")
    assert family is not None and family.generic
    mention = ActorMention(4, 17, "prison guards", family.id, generic=True)
    assert name_key(base.get(settle(mention, "BY", base).actor).name) == name_key(
        "Police Forces of Belarus Prison Guards")
    elsewhere = next(code for code in sorted(countries().by_code) if (family.id, code) not in base.members)
    assert base.get(settle(mention, elsewhere, base).actor) == base.generic("police", elsewhere)
    assert settle(mention, None, base) == mention
