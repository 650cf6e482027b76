"""Whose people a figure counts and who did it, for any conflict (issue 11); sentences we wrote."""

from __future__ import annotations

import pytest

from tests.conftest import actor_names, is_actor
from thucydides.model import Analysis, Claim


def by_figure(analysis: Analysis) -> dict[float | None, Claim]:
    return {c.low if c.low is not None else c.high: c for c in analysis.claims}


def roles_are(analysis: Analysis, figure: float, subject: str | None, agent: str | None,
              claimant: str | None) -> bool:
    """The figure's subject, agent and claimant are the actors so named (compared as the scorer compares)."""
    c = by_figure(analysis)[figure]
    found = (c.subject, c.agent, c.claimant)
    assert all(is_actor(i, n) for i, n in zip(found, (subject, agent, claimant), strict=True)), \
        [(i, sorted(actor_names(i))[:4]) for i in found]
    return True


def test_a_country_speaking_of_its_own_deed(parse_claims):
    """A country speaks through its government and acts through its forces, as ACLED codes them."""
    a = parse_claims("Russia said it killed up to 350 Ukrainian soldiers near Kupiansk.")
    assert roles_are(a, 350, "Military Forces of Ukraine", "Military Forces of Russia", "Government of Russia")


@pytest.mark.parametrize("text, agent", [
    ("Israeli strikes killed 25 people in Khan Younis on Friday.", "Military Forces of Israel"),
    ("Sudanese army shelling wounded 40 residents of Omdurman.", "Military Forces of Sudan"),
])
def test_the_owner_of_a_weapon_or_strike_is_the_agent(parse_claims, text, agent):
    a = parse_claims(text)
    assert is_actor(a.claims[0].agent, agent), a.claims[0].agent


def test_civilians_are_those_of_the_country_the_passage_is_in(parse_claims):
    a = parse_claims("Gunmen on motorbikes killed 32 villagers in Zamfara state, Nigeria, on Saturday.")
    assert roles_are(a, 32, "Civilians (Nigeria)", "Unidentified Armed Group (Nigeria)", None)


def test_forces_named_by_their_country_are_that_countrys(parse_claims):
    a = parse_claims("Fighters of the Fano militia killed 19 Ethiopian soldiers near Gondar, residents said.")
    c = by_figure(a)[19]
    assert is_actor(c.subject, "Military Forces of Ethiopia") and is_actor(c.claimant, "Residents")


def test_an_organisation_the_base_does_not_know_is_a_side(parse_claims):
    a = parse_claims("The Nigerian army said it killed 40 Boko Haram fighters in Sambisa forest.")
    assert roles_are(a, 40, "Boko Haram", "Military Forces of Nigeria", "Military Forces of Nigeria")


def test_a_government_acts_through_its_forces(parse_claims):
    a = parse_claims("Officials in Baghdad said they arrested 12 suspects in Anbar on Monday.")
    c = by_figure(a)[12]
    assert is_actor(c.claimant, "Government of Iraq") and is_actor(c.agent, "Military Forces of Iraq")


def test_people_included_among_others_count_the_same_side(parse_claims):
    a = parse_claims("Police arrested nine ISIS members, including two women, in a raid near Kirkuk.")
    assert by_figure(a)[2].subject == by_figure(a)[9].subject and is_actor(by_figure(a)[9].subject, "ISIS")


def test_the_victims_of_an_intransitive_verb_did_nothing(parse_claims):
    a = parse_claims("At least 21 passengers and four soldiers died in the attack near Sibi.")
    assert by_figure(a)[21].agent is None


def test_the_attack_by_a_group_names_the_doer(parse_claims):
    a = parse_claims("Nine passengers died in the ambush by the Baloch Liberation Army near Quetta.")
    assert is_actor(by_figure(a)[9].agent, "Baloch Liberation Army")


def test_an_abbreviation_names_the_organisation_named_before(parse_claims):
    a = parse_claims("The Allied Democratic Forces attacked a village near Beni. "
                     "The ADF killed 17 farmers before dawn.")
    assert is_actor(by_figure(a)[17].agent, "Allied Democratic Forces")


def test_a_claim_of_a_killing_makes_the_claimant_its_doer(parse_claims):
    a = parse_claims("The military claimed the killing of 33 insurgents in Pakistan's north.")
    assert is_actor(by_figure(a)[33].agent, "Military Forces of Pakistan")


def test_the_group_the_report_is_about_did_the_unattributed_killing(parse_claims):
    a = parse_claims("Al-Shabab fighters stormed a hotel in Baidoa on Tuesday. Somali forces ended the siege "
                     "after al-Shabab gunmen held the building for hours.\n\nAt least 7 guests were killed.")
    assert is_actor(by_figure(a)[7].agent, "Al Shabaab")


def test_a_distance_counts_no_side(parse_claims):
    a = parse_claims("Tawila lies about 60 kilometres from El Fasher, the aid group said.")
    c = by_figure(a)[60]
    assert (c.metric, c.subject, c.agent) == ("distance", None, None)


def test_a_speakers_own_state_is_not_who_killed_its_police(parse_claims):
    a = parse_claims("Colonel Ali Khan, a Pakistani army spokesman, said fighters of the Sindhi Liberation Front "
                     "attacked a post near Sibi on Monday. Four police officers were killed, Khan said. The Sindhi "
                     "Liberation Front has attacked posts in the province before.")
    assert roles_are(a, 4, "Police Forces of Pakistan", "Sindhi Liberation Front", "Military Forces of Pakistan")


def test_died_in_the_attack_names_who_attacked_before(parse_claims):
    a = parse_claims("Gunmen of the Kassala Youth Brigade attacked a market in Kassala on Sunday. "
                     "Officials said 12 traders died in the attack.")
    assert is_actor(by_figure(a)[12].agent, "Kassala Youth Brigade")
