"""Claims rules found by the fourth blind round (k1-k8), on sentences we wrote ourselves."""

from __future__ import annotations

import pytest

from thucydides.model import Analysis, Claim, Document


def by_figure(analysis: Analysis) -> dict[float | None, Claim]:
    return {c.low if c.low is not None else c.high: c for c in analysis.claims}


@pytest.mark.parametrize("text, agent", [
    ("Turkish shelling killed 6 villagers near Tal Tamr on Monday.", "Turkey"),
    ("Russian jets killed 14 people in the market of Saraqib.", "Russia"),
    ("Regime artillery wounded 8 farmers outside Kafr Zita.", "SAA"),
    ("The toll of the Turkish attack on the town has reached 52 civilians killed.", "Turkey"),
])
def test_a_weapon_or_attack_stands_for_its_owner(parse_claims, text, agent):
    claims = parse_claims(text).claims
    assert len(claims) == 1 and claims[0].agent == agent


def test_a_participle_clause_takes_the_doer_of_its_head(parse_claims):
    c = by_figure(parse_claims("Turkish drones hit a car near Amuda, killing 3 members of the SDF."))[3]
    assert (c.metric, c.subject, c.agent) == ("killed", "SDF", "Turkey")


def test_the_doer_of_a_when_clause_on_a_passive_toll(parse_claims):
    found = by_figure(parse_claims("Seven policemen were killed and two others wounded when Daesh militants stormed "
                            "their checkpoint near Tuz Khurmatu."))
    assert found[7].agent == "ISIS" and found[2].agent == "ISIS"


def test_a_weapon_without_an_owner_names_no_doer(parse_claims):
    assert by_figure(parse_claims("Barrel bombs killed 5 people in Latamneh."))[5].agent is None


def test_a_paragraph_goes_on_in_its_source_voice(parse_claims):
    found = by_figure(parse_claims("The Syrian Observatory for Human Rights said jets killed 12 people in Ariha. "
                            "Rockets killed 4 more in Jisr al-Shughur.\n\nA farmer said 9 sheep died."))
    assert found[12].claimant == "SOHR" and found[4].claimant == "SOHR"


def test_an_unknown_speaker_stops_the_paragraph_voice(parse_claims):
    found = by_figure(parse_claims("The Syrian Observatory for Human Rights said jets killed 12 people in Ariha. "
                            "A nurse in the town said 30 people were wounded."))
    assert found[12].claimant == "SOHR" and found[30].claimant is None


def test_a_new_paragraph_is_the_outlet_voice(parse_claims):
    found = by_figure(parse_claims("The Syrian Observatory for Human Rights said jets killed 12 people in Ariha.\n\n"
                            "About 2,000 families live in the camp."))
    assert found[2000].claimant is None


def test_a_release_under_an_actor_masthead_speaks_for_it(parse_claims):
    found = by_figure(parse_claims("Combined Joint Task Force - Operation Inherent Resolve\n\n"
                            "Partner forces hold about 12 square kilometres of the city."))
    assert found[12].claimant == "Coalition"


def test_per_cent_is_no_attribution(parse_claims):
    c = by_figure(parse_claims("Iraqi forces have retaken 90 per cent of the territory of the ISIS group in Iraq."))[90]
    assert c.claimant is None


def test_within_a_distance(parse_claims):
    c = by_figure(parse_claims("The troops were within 3 kilometres of the airport."))[3]
    assert (c.metric, c.unit) == ("distance", "km")


@pytest.mark.parametrize("text, metric", [
    ("Between 5,000 and 6,000 people are stranded at the border crossing.", "civilians_present"),
    ("The commander said the group still had about 400 fighters in the valley.", "fighters_present"),
    ("The gunmen left 4 bodies in the street.", "killed"),
    ("The sweep covered about 30 square kilometres of desert.", "territory_taken"),
])
def test_metric_words_found_blind(parse_claims, text, metric):
    claims = parse_claims(text).claims
    assert len(claims) == 1 and claims[0].metric == metric


def test_an_auxiliary_is_no_trigger(parse_claims):
    c = by_figure(parse_claims("The number of militants who have been killed since May has risen to 310."))[310]
    assert c.metric == "killed"


def test_a_backer_is_not_the_side_counted(parse_claims):
    found = by_figure(parse_claims(
        "U.S.-backed fighters advanced on Hajin on Sunday. About 200 militants surrendered."))
    assert found[200].subject != "US"


def test_a_source_is_not_the_side_counted(parse_claims):
    text = ("ISIS fighters still hold the village. The SDF said talks had stalled.\n\n"
            "Some 300 militants remain inside.")
    assert by_figure(parse_claims(text))[300].subject == "ISIS"


def test_a_ministry_speaks_for_its_country_forces(parse_claims):
    found = by_figure(parse_claims("The Iraqi Ministry of Defence said troops killed 40 militants near Rawa. "
                            "The ministry said 3 soldiers were killed."))
    assert found[40].claimant == "ISF" and found[40].agent == "ISF"
    assert found[3].claimant == "ISF" and found[3].subject == "ISF"


@pytest.fixture(scope="module")
def parse_timed():
    from thucydides.pipeline import Pipeline

    pipe = Pipeline(("nlp", "actors", "time", "places", "settle", "claims"))

    def run(text: str) -> Analysis:
        return pipe.run_documents([Document.from_text(text, name="test.txt")])[0]

    return run


def test_a_since_phrase_in_a_relative_clause_dates_something_else(parse_timed):
    c = by_figure(parse_timed("Some 300,000 people are trapped in the town, which has been under siege since 2014."))
    assert c[300000].time is None


def test_a_time_in_a_coordinated_clause_dates_something_else(parse_timed):
    c = by_figure(parse_timed("Troops took the bridge in October 2016 and 100,000 civilians are still trapped "
                              "in the old city."))
    assert c[100000].time is None


def test_a_figure_coordinated_with_the_toll_keeps_its_period(parse_timed):
    c = by_figure(parse_timed("The toll since 9 October 2019 has reached 400 civilians killed and 900 wounded."))
    assert c[900].time is not None and str(c[900].time.start) == "2019-10-09"
