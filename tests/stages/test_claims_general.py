"""Claims rules found by the held-out check, on sentences we wrote: wordings other outlets use."""

from __future__ import annotations

import pytest

from thucydides.model import Analysis


def only(analysis: Analysis):
    assert len(analysis.claims) == 1, [(c.metric, c.low, c.high, c.evidence.text) for c in analysis.claims]
    return analysis.claims[0]


def reading(analysis: Analysis) -> tuple:
    c = only(analysis)
    return c.metric, c.unit, c.low, c.high, c.qualifier


@pytest.mark.parametrize("text, expected", [
    ("The jihadists now hold less than half a square kilometre of farmland near Hajin.",
     ("territory_held", "km2", None, 0.5, "at_most")),
    ("Scores of civilians fled the village of Tal Abyad overnight.", ("fled", "person", 24, 99, "vague")),
    ("The month's shelling has pushed to 43 the number of soldiers who were killed near Palmyra.",
     ("killed", "person", 43, 43, "exact")),
    ("A commander put the number of militants still holed up in the old souk at no more than 800.",
     ("fighters_present", "person", None, 800, "at_most")),
    ("The number of civilians killed in the province since June rose to 310, while aid groups warned of famine.",
     ("killed", "person", 310, 310, "exact")),
    # a count that falls is carried as one that rises
    ("The number of refugees in the camp near Goma declined to the current figure of 41,000 after the truce.",
     ("fled", "person", 41000, 41000, "exact")),
    ("The number of displaced people sheltering in schools fell to 2,300 last week.",
     ("fled", "person", 2300, 2300, "exact")),
])
def test_counts_carried_by_a_verb(parse_claims, text, expected):
    assert reading(parse_claims(text)) == expected


def test_area_followed_by_from_is_not_a_distance(parse_claims):
    assert reading(parse_claims("The army seized an area of 40 square kilometres from the militants in Idlib.")) == (
        "territory_taken", "km2", 40, 40, "exact")


def test_area_with_a_compass_word_after_it_is_not_a_distance(parse_claims):
    c = only(parse_claims(
        "Government troops expanded their control over an area of 25 square kilometres north of Hama."))
    assert (c.metric, c.unit, c.low) == ("territory_taken", "km2", 25)


def test_a_gap_that_shrinks_is_a_distance(parse_claims):
    assert reading(parse_claims("The distance between the two armies had shrunk to about 4 kilometres by Sunday.")) == (
        "distance", "km", 4, 4, "approximately")


@pytest.mark.parametrize("text, metric", [
    ("Eleven people sheltering in a school in Douma were killed by the strike.", "killed"),
    ("The bombing in Kirkuk left 14 people dead.", "killed"),
    ("The siege ended, leaving about 9,000 civilians inside the old city.", "civilians_present"),
    ("Two soldiers were among those killed near Tikrit.", "killed"),
    ("Kurdish fighters took 60 prisoners near the dam.", "captured"),
    ("About 2,000 people came out of the besieged town on Friday.", "fled"),
    ("Rescuers pulled 8 wounded from the collapsed building in Idlib.", "wounded"),
    ("The army sent reinforcements of 400 fighters to the front near Deir Hafer.", "fighters_present"),
    ("Only 150-200 fighters were defending the village when the offensive began.", "fighters_present"),
])
def test_metric_from_the_clause(parse_claims, text, metric):
    assert only(parse_claims(text)).metric == metric


def test_more_than_one_counts_nothing(parse_claims):
    assert parse_claims("In more than one case an entire family was reported dead in Mosul.").claims == []


def test_strikes_vehicles_and_positions_are_not_claims(parse_claims):
    text = "Warplanes conducted 17 strikes near Hajin, destroying 9 fighting positions and 3 vehicles."
    assert parse_claims(text).claims == []


def test_the_spokesman_is_the_one_named_before(parse_claims):
    a = parse_claims("A US-led coalition spokesman spoke to reporters in Baghdad on Monday. "
              "Fewer than 30 square kilometres remain under ISIS control, the spokesman said.")
    c = only(a)
    assert (c.metric, c.subject, c.claimant) == ("territory_held", "ISIS", "Coalition")


def test_a_speaker_called_by_surname(parse_claims):
    a = parse_claims("SDF official Karim Haddad spoke to reporters near Hajin on Monday. "
              "Haddad said 40 militants surrendered overnight.")
    assert (only(a).metric, only(a).claimant) == ("surrendered", "SDF")


def test_a_quoted_sentence_keeps_its_speaker(parse_claims):
    a = parse_claims('"We opened the road to Hasakah yesterday," an SDF commander told reporters. '
              '"There are still 200 fighters inside the camp."')
    c = only(a)
    assert (c.metric, c.low, c.claimant) == ("fighters_present", 200, "SDF")


def test_the_main_clause_speaks(parse_claims):
    a = parse_claims("Airwars said the coalition admits that more than 100 civilians were killed in Mosul.")
    assert only(a).claimant == "Airwars"


def test_its_fighters_belong_to_the_speaker(parse_claims):
    a = parse_claims("According to the SDF, 12 of its fighters were killed near Baghouz on Sunday.")
    assert (only(a).metric, only(a).subject) == ("killed", "SDF")


def test_territory_taken_from_someone(parse_claims):
    c = only(parse_claims("The Syrian army took 30 square kilometres from the Islamic State near Palmyra."))
    assert (c.metric, c.subject, c.agent) == ("territory_taken", "ISIS", "SAA")


def test_a_monitor_documents_but_does_not_kill(parse_claims):
    c = only(parse_claims("The Syrian Observatory for Human Rights documented the death of 16 soldiers in Hama."))
    assert c.metric == "killed" and c.agent != "SOHR" and c.claimant == "SOHR"


def test_it_is_the_speaker_that_did_it(parse_claims):
    c = only(parse_claims("The Iraqi army said it killed 23 militants near Rawa on Friday."))
    assert (c.metric, c.agent, c.claimant) == ("killed", "ISF", "ISF")


def test_a_later_range_refines_an_upper_bound(parse_claims):
    a = parse_claims("Up to 1,600 civilians died in Raqqa.\n\nBetween 1,400 and 1,600 civilians were killed there, "
              "Airwars said.")
    c = only(a)
    assert (c.metric, c.low, c.high, c.qualifier, c.claimant) == ("killed", 1400, 1600, "range", "Airwars")


@pytest.mark.parametrize("text, metric, low", [
    ("Two soldiers were martyred when a bomb struck their patrol near Baiji.", "killed", 2),
    ("Three Peshmerga were wounded in the clash near Makhmour.", "wounded", 3),
    ("The monitor recorded at least 75 cases of arbitrary arrest in Daraa last month.", "captured", 75),
])
def test_other_outlets_words(parse_claims, text, metric, low):
    c = only(parse_claims(text))
    assert (c.metric, c.low) == (metric, low)


def test_cases_of_something_else_are_not_people(parse_claims):
    assert parse_claims("Doctors in Raqqa reported 40 cases of cholera this week.").claims == []


def test_according_to_the_report_named_before(parse_claims):
    a = parse_claims("The Syrian Network for Human Rights issued its monthly report on Monday. "
              "According to the report, around 8,000 people were displaced from Idlib in May.")
    c = only(a)
    assert (c.metric, c.claimant) == ("fled", "SNHR")


def test_soldiers_belong_to_the_state_force_speaking(parse_claims):
    c = only(parse_claims("The Iraqi army said two soldiers were wounded by a roadside bomb near Rawa."))
    assert (c.metric, c.subject) == ("wounded", "ISF")


def test_others_count_the_side_counted_before(parse_claims):
    a = parse_claims("Four fighters of the SDF were killed and seven others were injured near Hajin, the SDF said.")
    assert [(c.metric, c.low, c.subject) for c in a.claims] == [("killed", 4, "SDF"), ("wounded", 7, "SDF")]


def test_the_counted_phrase_may_come_before_the_figure(parse_claims):
    c = only(parse_claims("The number of ISIS members killed in the Badia this year has risen to 391."))
    assert (c.metric, c.low, c.subject) == ("killed", 391, "ISIS")


def test_the_group_claiming_the_attack_is_the_agent(parse_claims):
    a = parse_claims("A car bomb killed at least 20 people at a market in Baghdad on Friday. "
              "The Islamic State group claimed responsibility for the attack.")
    c = only(a)
    assert (c.metric, c.low, c.agent) == ("killed", 20, "ISIS")


def test_a_titled_speaker_speaks_for_the_command_named_before(parse_claims):
    a = parse_claims("The Iraqi Joint Operations Command issued a statement on Saturday.\n\n"
              "Spokesman Yahya Rasool told reporters that three soldiers were wounded near al-Qaim.")
    c = only(a)
    assert (c.metric, c.claimant, c.subject) == ("wounded", "ISF", "ISF")


def test_a_noun_that_looks_like_a_trigger_counts_nothing(parse_claims):
    text = "The water station in Hasakah, which serves up to 400,000 people, was shelled again."
    assert parse_claims(text).claims == []


def test_estimated_at_is_a_hedge(parse_claims):
    c = only(parse_claims("Government troops took an area estimated at 40 square kilometres near Morek."))
    assert (c.metric, c.low, c.qualifier) == ("territory_taken", 40, "approximately")


def test_a_statement_in_the_first_person(parse_claims):
    a = parse_claims("The General Command of the SDF published a statement on Wednesday.\n\n"
              "Two of our fighters were martyred and 5 were wounded near al-Susah.")
    assert [(c.metric, c.low, c.subject, c.claimant) for c in a.claims] == [
        ("killed", 2, "SDF", "SDF"), ("wounded", 5, "SDF", "SDF")]


def test_the_number_of_those_something_happened_to(parse_claims):
    c = only(parse_claims("A local official put the number of those abducted near Hit at nearly 40."))
    assert (c.metric, c.low, c.qualifier) == ("captured", 40, "approximately")


def test_refugees_crossing_a_border_fled(parse_claims):
    c = only(parse_claims("Over 14,000 refugees have crossed into Iraq's Kurdistan Region since October."))
    assert (c.metric, c.low, c.qualifier) == ("fled", 14000, "at_least")


def test_a_figure_takes_the_time_of_its_own_verb_before_that_of_the_telling(parse_claims):
    from datetime import date

    from thucydides.model import Interval

    a = parse_claims("Medics said on Friday that at least 12 people were killed in the raid on Kherson on Thursday.",
                     published=Interval(date(2023, 8, 5), date(2023, 8, 5)))
    (claim,) = a.claims
    assert claim.time is not None and claim.time.start == date(2023, 8, 3)
