"""Whose people a figure counts and who did it, for any conflict (issue 11); sentences we wrote."""

from __future__ import annotations

import pytest

from thucydides.model import Analysis, Claim


def by_figure(analysis: Analysis) -> dict[float | None, Claim]:
    return {c.low if c.low is not None else c.high: c for c in analysis.claims}


def name_of(analysis: Analysis, actor_id: str | None) -> str | None:
    record = analysis.actor_records.get(actor_id or "")
    return record.name if record else actor_id


def roles(analysis: Analysis, figure: float) -> tuple[str | None, str | None, str | None]:
    c = by_figure(analysis)[figure]
    return name_of(analysis, c.subject), name_of(analysis, c.agent), name_of(analysis, c.claimant)


def test_a_country_speaking_of_its_own_deed(parse_claims):
    a = parse_claims("Russia said it killed up to 350 Ukrainian soldiers near Kupiansk.")
    assert roles(a, 350) == ("Military Forces of Ukraine", "Russia", "Russia")


@pytest.mark.parametrize("text, agent", [
    ("Israeli strikes killed 25 people in Khan Younis on Friday.", "Military Forces of Israel"),
    ("Sudanese army shelling wounded 40 residents of Omdurman.", "Military Forces of Sudan"),
])
def test_the_owner_of_a_weapon_or_strike_is_the_agent(parse_claims, text, agent):
    a = parse_claims(text)
    assert name_of(a, a.claims[0].agent) == agent


def test_civilians_are_those_of_the_country_the_passage_is_in(parse_claims):
    a = parse_claims("Gunmen on motorbikes killed 32 villagers in Zamfara state, Nigeria, on Saturday.")
    subject, agent, _ = roles(a, 32)
    assert subject == "Civilians (Nigeria)"
    assert agent == "Unidentified Armed Group (Nigeria)"


def test_forces_named_by_their_country_are_that_countrys(parse_claims):
    a = parse_claims("Fighters of the Fano militia killed 19 Ethiopian soldiers near Gondar, residents said.")
    subject, _, claimant = roles(a, 19)
    assert subject == "Military Forces of Ethiopia" and claimant == "Residents"


def test_an_organisation_the_base_does_not_know_is_a_side(parse_claims):
    a = parse_claims("The Nigerian army said it killed 40 Boko Haram fighters in Sambisa forest.")
    assert roles(a, 40) == ("Boko Haram", "Military Forces of Nigeria", "Military Forces of Nigeria")


def test_a_government_acts_through_its_forces(parse_claims):
    a = parse_claims("Officials in Baghdad said they arrested 12 suspects in Anbar on Monday.")
    subject, agent, claimant = roles(a, 12)
    assert claimant == "Government of Iraq" and agent in ("ISF", "Military Forces of Iraq")


def test_people_included_among_others_count_the_same_side(parse_claims):
    a = parse_claims("Police arrested nine ISIS members, including two women, in a raid near Kirkuk.")
    assert by_figure(a)[2].subject == by_figure(a)[9].subject == "ISIS"


def test_the_victims_of_an_intransitive_verb_did_nothing(parse_claims):
    a = parse_claims("At least 21 passengers and four soldiers died in the attack near Sibi.")
    assert by_figure(a)[21].agent is None


def test_the_attack_by_a_group_names_the_doer(parse_claims):
    a = parse_claims("Nine passengers died in the ambush by the Baloch Liberation Army near Quetta.")
    assert name_of(a, by_figure(a)[9].agent) == "Baloch Liberation Army"


def test_an_abbreviation_names_the_organisation_named_before(parse_claims):
    a = parse_claims("The Allied Democratic Forces attacked a village near Beni. "
                     "The ADF killed 17 farmers before dawn.")
    assert name_of(a, by_figure(a)[17].agent) == "Allied Democratic Forces"


def test_a_claim_of_a_killing_makes_the_claimant_its_doer(parse_claims):
    a = parse_claims("The military claimed the killing of 33 insurgents in Pakistan's north.")
    _, agent, _ = roles(a, 33)
    assert agent == "Military Forces of Pakistan"


def test_the_group_the_report_is_about_did_the_unattributed_killing(parse_claims):
    a = parse_claims("Al-Shabab fighters stormed a hotel in Baidoa on Tuesday. Somali forces ended the siege "
                     "after al-Shabab gunmen held the building for hours.\n\nAt least 7 guests were killed.")
    assert by_figure(a)[7].agent is not None and name_of(a, by_figure(a)[7].agent).lower() == "al-shabab"


def test_a_distance_counts_no_side(parse_claims):
    a = parse_claims("Tawila lies about 60 kilometres from El Fasher, the aid group said.")
    c = by_figure(a)[60]
    assert (c.metric, c.subject, c.agent) == ("distance", None, None)
