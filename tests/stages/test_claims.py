"""The claims stage on sentences we wrote: what becomes a claim, with which attributes, and what does not."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import SEEDS, shared_or_skip
from thucydides.claims import extract_claims, merge_restatements
from thucydides.model import METRICS, QUALIFIERS, UNITS, Analysis, Interval, Place, TimeExpression, Toponym


def only(analysis: Analysis):
    assert len(analysis.claims) == 1, [(c.metric, c.low, c.high, c.evidence.text) for c in analysis.claims]
    return analysis.claims[0]


def test_killed_with_subject_and_agent(parse_claims):
    c = only(parse_claims("Government forces killed 35 ISIS fighters near Raqqa on Tuesday."))
    assert (c.metric, c.unit, c.low, c.high, c.qualifier) == ("killed", "person", 35, 35, "exact")
    assert c.subject == "ISIS" and c.agent == "SAA"


def test_fled_at_least_with_claimant(parse_claims):
    c = only(parse_claims("More than 1,200 civilians have fled the town since Monday, the United Nations said."))
    assert (c.metric, c.low, c.high, c.qualifier) == ("fled", 1200, None, "at_least")
    assert c.claimant == "UN"


def test_according_to(parse_claims):
    c = only(parse_claims(
        "According to the Syrian Observatory for Human Rights, about 40 people were wounded in the raid."))
    assert (c.metric, c.low, c.qualifier, c.claimant) == ("wounded", 40, "approximately", "SOHR")


def test_fighters_present_at_most(parse_claims):
    c = only(parse_claims("Up to 300 ISIS militants remain inside the old city."))  # "jihadists" names no one group
    assert (c.metric, c.unit, c.low, c.high, c.qualifier) == ("fighters_present", "person", None, 300, "at_most")
    assert c.subject == "ISIS"


def test_civilians_present_vague(parse_claims):
    c = only(parse_claims("Hundreds of families are still trapped in the besieged district."))
    assert (c.metric, c.low, c.high, c.qualifier) == ("civilians_present", 200, 999, "vague")


def test_surrendered_vague(parse_claims):
    c = only(parse_claims("Dozens of militants surrendered to the Syrian Democratic Forces on Sunday."))
    assert (c.metric, c.low, c.high, c.qualifier) == ("surrendered", 24, 99, "vague")


def test_captured_number_word(parse_claims):
    c = only(parse_claims("Iraqi forces detained twenty-seven militants at a checkpoint."))
    assert (c.metric, c.low, c.agent) == ("captured", 27, "ISF")


def test_territory_held_km2(parse_claims):
    c = only(parse_claims("The Islamic State still controls roughly 50 square kilometres of desert."))
    assert (c.metric, c.unit, c.low, c.qualifier, c.subject) == ("territory_held", "km2", 50, "approximately", "ISIS")


def test_territory_taken_range(parse_claims):
    c = only(parse_claims("The Syrian army recaptured between 120 and 150 km2 of farmland last week."))
    assert (c.metric, c.unit, c.low, c.high, c.qualifier) == ("territory_taken", "km2", 120, 150, "range")
    assert c.agent == "SAA"


def test_territory_lost_names_the_loser_as_subject(parse_claims):
    c = only(parse_claims("Hezbollah lost an area of 30 km² in the fighting."))
    assert (c.metric, c.subject) == ("territory_taken", "Hezbollah")


def test_distance_in_metres(parse_claims):
    c = only(parse_claims("The front line is now only 800 metres from the village."))
    assert (c.metric, c.unit, c.low) == ("distance", "m", 800)


def test_miles_are_converted_to_km(parse_claims):
    c = only(parse_claims("Turkish troops seized 10 miles of the border strip."))
    assert (c.metric, c.unit) == ("territory_taken", "km")
    assert c.low == pytest.approx(16.1)
    assert "10 miles" in c.evidence.text


def test_share_of_territory(parse_claims):
    c = only(parse_claims("The rebels now hold less than 3% of the country's territory."))
    assert (c.metric, c.unit, c.low, c.high, c.qualifier) == ("share_held", "percent", None, 3, "at_most")


def test_percent_that_is_not_territory_is_no_claim(parse_claims):
    assert parse_claims("Prices of bread rose by 40 percent in a month.").claims == []


def test_headline_claimant_and_evidence_stays_in_its_line(parse_claims):
    a = parse_claims("SDF: 120 militants killed near the river\n\nThe offensive continued on Friday.")
    c = only(a)
    assert (c.metric, c.low, c.claimant) == ("killed", 120, "SDF")
    assert c.evidence.text == "SDF: 120 militants killed near the river"
    assert a.document.text[c.evidence.start:c.evidence.end] == c.evidence.text


def test_quote_carried_to_its_speaker(parse_claims):
    c = only(parse_claims("“We detained 45 fighters at dawn,” an SDF spokesman said."))
    assert (c.metric, c.low, c.claimant) == ("captured", 45, "SDF")


def test_pronoun_speaker_takes_the_claimant_of_the_sentence_before(parse_claims):
    a = parse_claims("A US-led coalition spokesman spoke to reporters on Monday. "
              "“Some 2,000 fighters remain in the valley,” he said.")
    c = only(a)
    assert (c.metric, c.low, c.qualifier, c.claimant) == ("fighters_present", 2000, "approximately", "Coalition")


def test_number_of_people_rose_to(parse_claims):
    c = only(parse_claims("The number of civilians killed in the province has risen to 73, the Observatory said."))
    assert (c.metric, c.low, c.claimant) == ("killed", 73, "SOHR")


def test_outlet_voice_is_no_claimant(parse_claims):
    c = only(parse_claims("At least 12 civilians were killed in an air strike on the market."))
    assert c.claimant is None
    assert (c.low, c.high, c.qualifier) == (12, None, "at_least")


def test_monitor_masthead_speaks_for_the_monitor(parse_claims):
    a = parse_claims("Syrian Observatory for Human Rights\n\nAbout 90 fighters were killed in clashes near the dam.")
    assert only(a).claimant == "SOHR"


def test_figure_span_and_stable_id(parse_claims):
    text = "Rebels said no more than 300 militants were left in the town."
    first, second = only(parse_claims(text)), only(parse_claims(text))
    assert first.figure is not None and first.figure.text == "no more than 300"
    assert first.id == second.id


def test_restated_figure_is_one_claim(parse_claims):
    a = parse_claims("Some 11,000 people have fled the city. Over 11,000 residents fled the city since March.")
    assert len([c for c in a.claims if c.metric == "fled"]) == 1


def test_merge_keeps_first_and_fills_roles(parse_claims):
    a = parse_claims("Some 600 people have fled the city. According to the UN, over 600 residents fled the city.")
    merged = merge_restatements(a.claims)
    assert len(merged) == 1 and merged[0].claimant == "UN" and merged[0].qualifier == "approximately"


@pytest.mark.parametrize("text", [
    "In 2018 the group lost ground across the province.",
    "On 10 September the town fell to government forces.",
    "The shelling began at 10:30 and lasted until 11.",
    "The 28th brigade moved north with its tanks.",
    "Donors pledged $5 million in aid for 2019.",
    "The group received 5 million dollars from abroad.",
    "Residents can call +963 11 234 5678 for help.",
    "Rebels destroyed two T-72 tanks and shot down an F-16 over the valley.",
    "Brigade 93 fighters entered the town.",
    "One of the fighters was killed by a sniper.",
    "10^100 fighters is a joke, not a count.",
    "The leaflet listed 1,2,3,4 fighters.",
    "A 12-year-old boy was wounded by shrapnel.",
    "See page 12 for the map of the front.",
    "The rebels were attacked on three sides.",
    "The operation lasted 10-12 days.",
    "There are only a few fighters left in the area.",
])
def test_not_claims(parse_claims, text):
    assert parse_claims(text).claims == [], [(c.metric, c.low, c.figure) for c in parse_claims(text).claims]


def test_place_and_time_come_from_the_other_stages(parse_claims):
    text = "Since 1 March, 400 families have fled Raqqa."
    a = parse_claims(text)
    start = text.index("Raqqa")
    a.toponyms = [Toponym(start, start + 5, "Raqqa", place="place-raqqa", confidence=0.9)]
    a.places = {"place-raqqa": Place("place-raqqa", "Raqqa", 35.95, 39.01, country="SY")}
    a.times = [TimeExpression(0, 12, "Since 1 March", Interval(date(2019, 3, 1), date(2019, 3, 1)), 1, "since")]
    c = only(Analysis(a.document, a.spacy_doc, a.actors, a.toponyms, a.times, claims=extract_claims(a)))
    assert c.place == "place-raqqa"
    assert c.time == Interval(date(2019, 3, 1), None)


def test_unresolved_toponym_gives_no_place(parse_claims):
    text = "About 70 fighters were killed near Raqqa."
    a = parse_claims(text)
    start = text.index("Raqqa")
    a.toponyms = [Toponym(start, start + 5, "Raqqa")]
    assert [c.place for c in extract_claims(a)] == [None]


def test_seed_reports_give_contract_claims_with_exact_evidence(parse_claims):
    folder = shared_or_skip(SEEDS)
    seen = 0
    for path in sorted(folder.glob("*.txt")):
        a = parse_claims(path.read_text(encoding="utf-8"))
        for c in a.claims:
            seen += 1
            assert c.metric in METRICS and c.unit in UNITS and c.qualifier in QUALIFIERS
            assert a.document.text[c.evidence.start:c.evidence.end] == c.evidence.text
            assert c.figure is not None and c.evidence.start <= c.figure.start < c.figure.end <= c.evidence.end
            assert c.low is not None or c.high is not None
    assert seen > 0


def test_bare_participle_after_a_figure_counts_people(parse_claims):
    a = parse_claims("At least 25 people were killed and 60 wounded in the blast.")
    assert sorted((c.metric, c.low) for c in a.claims) == [("killed", 25), ("wounded", 60)]


def test_plural_nationality_counts_people(parse_claims):
    c = only(parse_claims("More than 2 million Iraqis have fled their homes."))
    assert (c.metric, c.low, c.high) == ("fled", 2_000_000, None)


def test_participle_modifier_is_skipped_to_the_counted_noun(parse_claims):
    c = only(parse_claims("The SDF said it had arrested 63 suspected IS members in raids."))
    assert (c.metric, c.low, c.subject, c.claimant) == ("captured", 63, "ISIS", "SDF")


def test_advancing_into_a_place_is_territory_not_distance(parse_claims):
    c = only(parse_claims("Syrian troops advanced 5 km into the town on Monday."))
    assert (c.metric, c.unit, c.agent) == ("territory_taken", "km", "SAA")


def test_square_metres_become_km2(parse_claims):
    c = only(parse_claims("The militants hold an area of about 700 square metres."))
    assert (c.metric, c.unit) == ("territory_held", "km2")
    assert c.low == pytest.approx(0.0007)


def test_head_of_a_subject_phrase_is_the_agent(parse_claims):
    c = only(parse_claims("Coalition-backed SDF fighters captured 20 km2 of land near the river."))
    assert (c.metric, c.agent) == ("territory_taken", "SDF")


def test_distance_with_a_bracketed_conversion(parse_claims):
    """The conversion in brackets stands between the length and what says it is a distance."""
    c = only(parse_claims("The market lies in Kessa, a town about 40km (25 miles) north of Dorvan."))
    assert (c.metric, c.unit, c.low, c.qualifier) == ("distance", "km", 40, "approximately")


def test_share_taken_through_a_noun_of_taking(parse_claims):
    """A share of territory governed by a word of taking was taken, not held; one merely controlled is held."""
    c = only(parse_claims("They have backed the re-taking by Malian forces of over 30% of Malian territory."))
    assert (c.metric, c.unit, c.low, c.qualifier) == ("territory_taken", "percent", 30, "at_least")
    held = only(parse_claims("The rebels control 20% of the region."))
    assert held.metric == "share_held"


_EARLIER_SOURCE = ("According to the World Health Organization, the clinics in the province are full.\n"
                   "The roads north of the town stayed closed for a week.\nMarkets opened again on Friday.\n"
                   "Schools remain shut.\n")


def test_reportedly_passes_on_the_last_organisation_named_as_source(parse_claims):
    """'were reportedly killed' with no source of its own passes on the reports of the last organisation named
    as a source, further back than a paragraph's carry; without the hedge the report says it in its own voice."""
    hedged = only(parse_claims(_EARLIER_SOURCE + "In the east, nine farmers were reportedly killed on Sunday."))
    assert hedged.claimant is not None and "WHO" in hedged.claimant
    plain = only(parse_claims(_EARLIER_SOURCE + "In the east, nine farmers were killed on Sunday."))
    assert plain.claimant is None


def test_fighters_present_where_they_fight(parse_claims):
    """Fighters counted as the ones who launch an attack, or said to be inside a place, are present; members who
    lead a group of lawmakers are not."""
    launched = only(parse_claims("Around 20,000 soldiers and allied militiamen began the assault on Kessa last week."))
    assert (launched.metric, launched.low) == ("fighters_present", 20000)
    inside = only(parse_claims("The siege may last months, given the 2,000 to 4,000 insurgents thought to be "
                               "inside Kandahar."))
    assert (inside.metric, inside.low, inside.high) == ("fighters_present", 2000, 4000)
    assert not parse_claims("Three members of the senate led a group of other lawmakers in calling for talks.").claims


def test_no_break_space_between_number_and_unit(parse_claims):
    """A no-break space between a figure and its unit (as encyclopaedia text writes it) still gives the unit."""
    c = only(parse_claims("Kessa is a village in northern Mali, located 9\u00a0km (5.6\u00a0mi) northwest of Dorvan."))
    assert (c.metric, c.unit, c.low) == ("distance", "km", 9)


def test_a_group_only_ever_harmed_is_no_agent(parse_claims):
    """Women named beside a killing are among the harmed, never its doer."""
    c = only(parse_claims("We are dismayed by word of the murders of hundreds of people, the abuse of women and "
                          "the use of boys as young as 12 as fighters in Mosul."))
    assert c.metric == "killed"
    assert c.agent is None or not c.agent.startswith("women")


def test_who_received_the_reports_is_their_source(parse_claims):
    """An organisation that says it has received reports is the source of the reported figures that follow."""
    c = only(parse_claims("The World Health Organization has received reports of abuses by gunmen in the province.\n"
                          "In one village, nine farmers were reportedly killed on Sunday."))
    assert c.claimant is not None and "WHO" in c.claimant
