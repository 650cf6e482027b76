"""The actors stage on sentences we wrote: names and acronyms, generic actors given a country by their phrase or
settled by the report's, new records for organisations the base lacks, speakers, and names inside names."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thucydides.actors.settle import settle_all, settle_analysis
from thucydides.actors.stage import initialisms, repeated_names
from thucydides.knowledge.actors import load_base, name_key
from thucydides.model import ActorMention, Analysis, Document
from thucydides.pipeline import Pipeline

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def parse():
    pipe = Pipeline(("nlp", "actors"))

    def run(text: str) -> Analysis:
        return pipe.run_documents([Document.from_text(text, name="test.txt")])[0]

    return run


@pytest.fixture(scope="module")
def base():
    return load_base(True)


def named(analysis: Analysis, base, country: str | None = None) -> dict[str, str]:
    """Mention text -> the period-free name of its actor (settled by `country` when given)."""
    mentions = settle_all(analysis.actors, country, base) if country else analysis.actors
    return {m.text: name_key(base.get(m.actor).name) for m in mentions}


def test_acronym_and_full_name_name_one_actor(parse, base) -> None:
    a = parse("Fighters of the March 23 Movement entered the town on Monday. M23 later withdrew.")
    found = named(a, base)
    assert found["March 23 Movement"] == found["M23"] == name_key("M23: March 23 Movement")


def test_an_acronym_defined_in_the_report_names_that_actor(parse, base) -> None:
    a = parse("The Kassala Youth Brigade (KYB) blocked the road. Later KYB members fired at a bus.")
    ids = {m.text: m.actor for m in a.actors}
    assert ids["KYB"] == ids["Kassala Youth Brigade"]


@pytest.mark.parametrize("text, span, name", [
    ("Kenyan police dispersed a crowd in the market.", "Kenyan police", "Police Forces of Kenya"),
    ("Nigerian troops repelled the raid at dawn.", "Nigerian troops", "Military Forces of Nigeria"),
    ("Somali soldiers manned the checkpoint all night.", "Somali soldiers", "Military Forces of Somalia"),
    ("Ukrainian forces shelled the outskirts overnight.", "Ukrainian forces", "Military Forces of Ukraine"),
    ("The Sudanese army retook the bridge on Friday.", "Sudanese army", "Military Forces of Sudan"),
])
def test_a_demonym_gives_a_generic_actor_its_country(parse, base, text, span, name) -> None:
    found = named(parse(text), base)
    assert found.get(span) == name_key(name), found


def test_a_bare_generic_actor_waits_for_the_reports_country(parse, base) -> None:
    a = parse("Gunmen on motorbikes stormed the village and residents fled into the bush.")
    gunmen = next(m for m in a.actors if m.text == "Gunmen")
    assert gunmen.generic and gunmen.country is None
    settled = named(a, base, "NG")
    assert settled["Gunmen"] == name_key("Unidentified Armed Group (Nigeria)")
    assert settled["residents"] == name_key("Civilians (Nigeria)")
    assert named(a, base, "ML")["Gunmen"] == name_key("Unidentified Armed Group (Mali)")


def test_settling_by_the_places_of_the_report(base) -> None:
    pipe = Pipeline(("nlp", "actors", "time", "places"))
    a = pipe.run_documents([Document.from_text(
        "Protesters gathered outside the governor's office in Kano on Tuesday, and police fired tear gas.",
        name="test.txt")])[0]
    assert settle_analysis(a, base=base) == "NG"
    found = {m.text: name_key(base.get(m.actor).name) for m in a.actors}
    assert found["Protesters"] == name_key("Protesters (Nigeria)")
    assert found["police"] == name_key("Police Forces of Nigeria")


def test_settling_by_the_named_actors_where_no_place_tells_the_country(base) -> None:
    pipe = Pipeline(("nlp", "actors", "time", "places"))
    a = pipe.run_documents([Document.from_text(
        "Kikuyu youths burned two houses overnight and attacked civilians who tried to stop them.",
        name="test.txt")])[0]
    assert settle_analysis(a, base=base) == "KE"
    found = {m.text: name_key(base.get(m.actor).name) for m in a.actors}
    assert found["civilians"] == name_key("Civilians (Kenya)")
    none = pipe.run_documents([Document.from_text("Gunmen attacked a bus and killed two passengers.",
                                                  name="test.txt")])[0]
    assert settle_analysis(none, base=base) is None  # nothing tells a country: the gunmen stay generic


def test_unknown_organisations_become_new_actors(parse, base) -> None:
    a = parse("The Darfur Bar Association said the camp was hit, and Sudan's health ministry counted the dead.")
    by_text = {m.text: base.get(m.actor) for m in a.actors}
    bar = by_text["Darfur Bar Association"]
    assert bar.id.startswith("new-") and bar.kind == "organisation"
    ministry = next(actor for text, actor in by_text.items() if "ministry" in text)
    assert ministry.kind == "government" and ministry.countries == ("SD",)
    assert all(not actor.name.startswith("Syrian") for actor in by_text.values())


def test_a_weapons_acronym_is_no_new_actor(parse) -> None:
    """'UAV' is a weapon the actor base knows (a means of the military): not an organisation it lacks."""
    a = parse("The DBA said a UAV struck a convoy near Gao on Friday.")
    assert {m.text for m in a.actors} == {"DBA"}
    b = parse("The DBA said two strikes destroyed a VBIED and a bridge near Gao on Friday.")
    assert "VBIED" not in {m.text for m in b.actors}  # a means of ACLED's explosive sub-event type


def test_an_office_of_a_place_speaks_for_its_countrys_government(parse, base) -> None:
    """ACLED codes governors and commissioners as their country's government; the report's country settles it."""
    a = parse("The governor of Kassala imposed a curfew after the clashes.")
    office = next(m for m in a.actors if "governor" in m.text.lower())
    assert office.generic and base.get(office.actor).kind == "government"
    assert named(a, base, "SD")[office.text] == name_key("Government of Sudan")


def test_an_office_named_by_what_it_is_for_takes_acleds_form(parse, base) -> None:
    a = parse("Chad's health ministry counted the dead, and the Ministry of Agriculture sent food.")
    found = named(a, base, "TD")
    assert found["Chad's health ministry"] == name_key("Ministry of Health of Chad")
    assert found["Ministry of Agriculture"] == name_key("Ministry of Agriculture of Chad")
    health = next(base.get(m.actor) for m in a.actors if m.text == "Chad's health ministry")
    assert health.parent == base.generic("government", "TD").id and base.get(health.id) == health


@pytest.mark.parametrize("text, span", [
    ("An SDF official said two fighters were wounded.", "SDF"),
    ("A police spokesman said nobody was arrested.", "police"),
    ("Rodi Haso, the SDF's commander in the area, confirmed the raid.", "SDF"),
    ("A spokesman for the SDF denied the report.", "SDF"),
])
def test_speakers_keep_their_organisation(parse, text, span) -> None:
    mention = next(m for m in parse(text).actors if m.text == span)
    assert mention.speaker


def test_a_country_speaker_speaks_for_its_government(parse, base) -> None:
    a = parse("A Malian official said the convoy had been ambushed.")
    speaker = next(m for m in a.actors if m.speaker)
    assert name_key(base.get(speaker.actor).name) == name_key("Government of Mali")


def test_a_place_in_an_actor_name_is_not_a_place_and_a_place_named_group_is_an_actor() -> None:
    pipe = Pipeline(("nlp", "actors", "time", "places"))
    a = pipe.run_documents([Document.from_text(
        "The Darfur Bar Association condemned the attack. The Tal Afar militia withdrew from the hills.",
        name="test.txt")])[0]
    assert not any(t.text in ("Darfur", "Tal Afar") for t in a.toponyms)
    assert any(m.text.startswith("Tal Afar") for m in a.actors)


def test_nothing_defaults_to_syria_or_iraq(parse, base) -> None:
    a = parse("Government forces shelled rebel positions, the monitor said, and the coalition denied it. "
              "Security forces arrested jihadists and state media showed the army in the square.")
    for m in a.actors:
        actor = base.get(m.actor)
        assert not {"SY", "IQ"} & set(actor.countries), (m.text, actor.name)


def test_initials_and_names_written_again_name_the_actor_named_before() -> None:
    text = ("The Immigration and Customs Enforcement said the Gabu Youth Union marched. ICE later said gabu Youth "
            "Union members and the Gabu Youth Union left GABU, while others stayed in Gabu Youth Union des Bois.")
    ice = ActorMention(4, 39, text[4:39], "ice-id")
    union = ActorMention(49, 65, text[49:65], "new-gabu-youth-union")
    assert [(text[s:e], m.actor) for s, e, m in initialisms(text, [ice, union])] == [("ICE", "ice-id")]
    again = [(s, text[s:e]) for s, e, _ in repeated_names(text, [ice, union])]
    assert [t for _, t in again] == ["Gabu Youth Union", "gabu Youth Union", "Gabu Youth Union"]
    assert all(s < text.index("GABU") for s, _ in again)  # never 'Gabu Youth Union des Bois', a longer name


def test_a_countrys_army_spokesman_speaks_for_its_forces(parse, base) -> None:
    a = parse("A Pakistani army spokesman said the convoy had been ambushed.")
    speaker = next(m for m in a.actors if m.speaker)
    assert name_key(base.get(speaker.actor).name) == name_key("Military Forces of Pakistan")


def test_a_peoples_name_with_a_noun_of_its_armed_men_names_its_militia(parse, base) -> None:
    a = parse("Armed Pokot raiders drove off the herds, and later the Konkomba and Bimoba youths fought in the hills.")
    found = {m.text.split()[0]: base.get(m.actor).name for m in a.actors}
    assert found["Pokot"] == "Pokot Ethnic Militia"
    assert found["Konkomba"] == "Konkomba Ethnic Militia" and found["Bimoba"] == "Bimoba Ethnic Militia"
    konkomba = next(m for m in a.actors if m.text.startswith("Konkomba"))
    assert konkomba.text == "Konkomba and Bimoba youths"  # the names say whose youths: no place


def test_a_militia_known_in_one_country_only_settles_there_whatever_the_report_says(parse, base) -> None:
    a = parse("The Konkomba militiamen burnt several houses before dawn.")
    assert named(a, base, "UG")["Konkomba militiamen"] == name_key("Konkomba Ethnic Militia (Ghana)")
    assert named(a, base, "GH")["Konkomba militiamen"] == name_key("Konkomba Ethnic Militia (Ghana)")


@pytest.fixture
def home_in_neighbours(settings_from: Callable[[str], None]) -> None:
    """`stages.actors.home_over_country: neighbours` for one test."""
    settings_from("stages:\n  actors:\n    home_over_country: neighbours\n")


def test_with_neighbours_a_militia_of_one_home_is_named_for_a_far_reports_country(parse, base,
                                                                                   home_in_neighbours) -> None:
    """ACLED names a generic actor by the event's country: Arab militiamen in a report on Iraq are Iraq's, not the
    Sudanese militia ACLED's notes happen to name; a raid from a bordering home keeps the home."""
    a = parse("Arab militiamen stormed the village at night.")
    assert named(a, base, "IQ")["Arab militiamen"] == name_key("Arab Ethnic Militia (Iraq)")
    assert named(a, base, "SD")["Arab militiamen"] == name_key("Arab Ethnic Militia (Sudan)")
    b = parse("The Konkomba militiamen burnt several houses before dawn.")
    assert named(b, base, "UG")["Konkomba militiamen"] == name_key("Konkomba Ethnic Militia (Uganda)")
    assert named(b, base, "TG")["Konkomba militiamen"] == name_key("Konkomba Ethnic Militia (Ghana)")


def test_a_place_named_militia_needs_its_noun_and_a_peoples_name_alone_needs_to_be_a_side(parse, base) -> None:
    a = parse("Traders in Kakamega closed their shops. Kakamega youths later blocked the highway.")
    assert [m.text for m in a.actors if "Kakamega" in m.text] == ["Kakamega youths"]
    b = parse("The Pokot clashed with the Marakwet over pasture; the Pokot language has many speakers.")
    assert [m.text for m in b.actors if base.get(m.actor).name == "Pokot Ethnic Militia"] == ["Pokot"]


@pytest.mark.parametrize("text, acronym, name", [
    ("A KDF patrol came under fire near the border.", "KDF", "Military Forces of Kenya"),
    ("ENDF units moved into the town overnight.", "ENDF", "Military Forces of Ethiopia"),
    ("The SSPDF denied the report.", "SSPDF", "Military Forces of South Sudan"),
])
def test_a_national_army_named_by_its_acronym_is_its_countrys_military(parse, base, text, acronym, name) -> None:
    found = {m.text: base.get(m.actor).name for m in parse(text).actors}
    assert name_key(found[acronym]).startswith(name_key(name)), found


@pytest.mark.parametrize("text, span, name", [
    ("Presumed IS Sahel militants raided the market.", "IS Sahel", "Islamic State (Sahel)"),
    ("The ISGS claimed the ambush.", "ISGS", "Islamic State (Greater Sahara)"),
    ("Koglweogos detained two traders at the crossroads.", "Koglweogos", "Koglweogo Militia"),
])
def test_sahel_armed_groups_under_the_names_reports_give_them(parse, base, text, span, name) -> None:
    found = {m.text: base.get(m.actor).name for m in parse(text).actors}
    assert found.get(span) == name, found


def test_a_force_an_alliance_word_qualifies_is_the_alliance_not_the_country(parse, base) -> None:
    found = named(parse("Coalition military forces bombed a depot in northern Iraq on Sunday."), base, "IQ")
    assert found.get("Coalition military forces") == name_key("Global Coalition Against Daesh"), found
    assert "military forces" not in found


def test_an_alliance_word_in_a_war_the_base_s_coalition_never_fought_names_none_of_it(parse, base) -> None:
    found = named(parse("Coalition military forces bombed a depot near Kavala in Greece on Sunday."), base, "GR")
    assert name_key("Global Coalition Against Daesh") not in found.values(), found


def test_a_coalition_government_is_no_armed_alliance(parse, base) -> None:
    found = named(parse("The coalition government in Ruritania lost a vote on the budget."), base)
    assert name_key("Global Coalition Against Daesh") not in found.values(), found


def test_an_apostrophe_inside_a_transliterated_name_may_sit_anywhere(parse, base) -> None:
    a = parse("Dae’sh fighters shelled the dam. Later Da'esh and Daesh units withdrew. The Houthi's envoy spoke.")
    ids = {m.text: m.actor for m in a.actors}
    assert ids.get("Dae’sh fighters", ids.get("Dae’sh")) == ids["Da'esh"] == ids["Daesh"] == "ISIS", ids
    assert all("'s" not in m.text for m in a.actors), ids
