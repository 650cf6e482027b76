"""Who says a figure (issue 11): any speaker is a claimant, the outlet's own voice is nobody; sentences we wrote."""

from __future__ import annotations

import pytest

from tests.conftest import actor_names, is_actor
from thucydides.model import Analysis, Claim


def by_figure(analysis: Analysis) -> dict[float | None, Claim]:
    return {c.low if c.low is not None else c.high: c for c in analysis.claims}


@pytest.mark.parametrize("text, claimant", [
    # an office or force described from its words, in the country the phrase or the report names
    ("Chad's health ministry said 31 people were killed in the clashes near Abeche.", "Ministry of Health of Chad"),
    ("Army officers in Mali said 14 soldiers were wounded near Gao on Sunday.", "Military Forces of Mali"),
    ("Police in Kenya said 9 people were arrested after the riot in Kisumu.", "Police Forces of Kenya"),
    ("Officials in Kabul said 12 civilians were wounded in the blast.", "Government of Afghanistan"),
    # sources of their own
    ("Witnesses said at least 20 villagers were killed near Djibo.", "Witnesses"),
    ("Medics told reporters that 45 people were wounded in Khartoum.", "Medics"),
    # news outlets named by their words and the country they report from
    ("Local media reported that 17 people were killed in the market attack in Bossaso.", "Local media (Somalia)"),
    ("Local media reports said 23 people were killed near Garowe on Friday.", "Local media (Somalia)"),
    ("At least 36 soldiers were killed near Menaka, state television reported.", "State television (Mali)"),
    # an organisation the actor base does not know
    ("The Tigray Relief Committee said 3,000 families fled the town of Alamata.", "Tigray Relief Committee"),
])
def test_any_speaker_is_a_claimant(parse_claims, text, claimant):
    a = parse_claims(text)
    c = a.claims[0]
    assert is_actor(c.claimant, claimant), [(x.metric, x.claimant, sorted(actor_names(x.claimant))[:3])
                                            for x in a.claims]


def test_a_person_speaks_for_the_organisation_the_report_gives_them(parse_claims):
    a = parse_claims("Hafal Roni, the SDF's commander in the east, spoke on Monday. "
                     "Roni said 40 militants were captured near the river.")
    assert is_actor(by_figure(a)[40].claimant, "SDF")


def test_a_person_with_no_organisation_speaks_for_themselves(parse_claims):
    a = parse_claims("A farmer, Musa Ibrahim Garba, reached the camp at dawn. "
                     "Garba said 15 people from his village were abducted.")
    assert is_actor(by_figure(a)[15].claimant, "Musa Ibrahim Garba"), actor_names(by_figure(a)[15].claimant)


def test_a_titled_official_speaks_for_the_office_the_title_names(parse_claims):
    a = parse_claims("District Commissioner Amina Yusuf toured the market on Friday. "
                     "Yusuf said 11 traders were killed when the mortar landed in Baidoa.")
    assert is_actor(by_figure(a)[11].claimant, "Government of Somalia"), actor_names(by_figure(a)[11].claimant)


def test_the_outlets_own_voice_is_no_claimant(parse_claims):
    a = parse_claims("Fighting in the hills near Bunia killed 18 people on Thursday.")
    assert by_figure(a)[18].claimant is None


def test_the_outlet_quoting_a_reporter_is_a_claimant(parse_claims):
    a = parse_claims("A Reuters correspondent in Goma said 26 bodies lay in the street.")
    assert is_actor(by_figure(a)[26].claimant, "Reuters")


@pytest.mark.parametrize("text", [
    "The ministry of defence in Niger gave no toll on Monday. It said 17 soldiers were wounded near Tillaberi.",
    "Niger's defence ministry spoke on Monday. The ministry added that 17 soldiers were wounded near Tillaberi.",
])
def test_it_said_and_the_ministry_added_carry_the_source(parse_claims, text):
    a = parse_claims(text)
    claimant = by_figure(a)[17].claimant
    assert is_actor(claimant, "Ministry of Defence of Niger") or is_actor(claimant, "Military Forces of Niger")


def test_he_added_points_back_to_the_last_named_speaker(parse_claims):
    a = parse_claims("Governor Babagana Zulum said 30 farmers were killed near Maiduguri. "
                     "He added that 12 others were missing and 7 were wounded.")
    assert by_figure(a)[7].claimant == by_figure(a)[30].claimant is not None


def test_a_paragraph_of_reported_speech_keeps_its_source(parse_claims):
    a = parse_claims("The Darfur Lawyers Union said 52 people were killed in the raid on the camp. "
                     "Another 80 were wounded, most of them women.\n\nThe market reopened on Sunday.")
    assert by_figure(a)[80].claimant == by_figure(a)[52].claimant is not None


def test_a_new_paragraph_in_the_outlets_voice_has_no_claimant(parse_claims):
    a = parse_claims("The Darfur Lawyers Union said 52 people were killed in the raid on the camp.\n\n"
                     "About 300 families have since fled toward the border.")
    assert by_figure(a)[300].claimant is None


def test_a_quotation_speaks_in_the_voice_of_its_speaker(parse_claims):
    a = parse_claims("Colonel Ibrahim Sow, an army spokesman in Mali, spoke to reporters. "
                     "\u201cOur units freed 23 hostages in the forest,\u201d he said.")
    assert is_actor(by_figure(a)[23].claimant, "Military Forces of Mali"), actor_names(by_figure(a)[23].claimant)


def test_an_unnamed_speaker_stops_the_voice_carried_before(parse_claims):
    a = parse_claims("The Burkina Red Cross said 14 people were killed in Djibo. "
                     "A nurse at the clinic said 40 people were wounded.")
    assert by_figure(a)[40].claimant is None


def test_who_sets_a_toll_says_it(parse_claims):
    a = parse_claims("Officials in Port-au-Prince raised the death toll to 61 on Tuesday.")
    assert is_actor(by_figure(a)[61].claimant, "Government of Haiti"), actor_names(by_figure(a)[61].claimant)


@pytest.mark.parametrize("text, figure, claimant", [
    # the subject of a passive telling is what is told: the paragraph's source goes on speaking
    ("The Red Cross said the fire in Nakuru began at night. More than 40 people were reported hurt, "
     "and rescuers were said to be searching the rubble.", 40, "Red Cross"),
    ("No deaths were recorded in the storm, but the Red Cross said falling walls injured 17 people in Beira.", 17,
     "Red Cross"),
])
def test_the_subject_of_a_passive_telling_is_not_its_teller(parse_claims, text, figure, claimant):
    c = by_figure(parse_claims(text))[figure]
    assert is_actor(c.claimant, claimant), actor_names(c.claimant)


def test_a_telling_verb_left_without_a_subject_is_told_by_the_name_just_before_it(parse_claims):
    a = parse_claims("Hours after the standoff ended, Kenya's Directorate of Criminal Investigations, or DCI, said "
                     "officers arrested 14 suspects near Garissa.")
    c = by_figure(a)[14]
    assert is_actor(c.claimant, "DCI"), actor_names(c.claimant)


def test_the_paragraphs_after_a_lead_in_are_the_speakers_statement(parse_claims):
    a = parse_claims("The minister for Africa spoke on Tuesday about the fighting in the north.\n\n"
                     "Speaking in Nairobi, Helen Marsh said:\n\n"
                     "We are deeply concerned by the violence in the region.\n\n"
                     "More than 40,000 people have fled their homes since the clashes began near Marsabit.")
    assert is_actor(by_figure(a)[40000].claimant, "Helen Marsh"), actor_names(by_figure(a)[40000].claimant)
    b = parse_claims("Speaking in Nairobi, Helen Marsh said:\n\n"
                     "We are deeply concerned by the violence in the region.\n\n"
                     "Aid workers said 300 families reached the camp near Marsabit.\n\n"
                     "More than 40,000 people have fled their homes since the clashes began.")
    assert not is_actor(by_figure(b)[40000].claimant, "Helen Marsh")  # another voice came between
