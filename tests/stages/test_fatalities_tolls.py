"""Tolls read from reports we wrote: who a figure counts (the dead, not the killers), nouns no list names
that still count people (the victim of a killing verb, a toll noun), and victims told without a figure."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thucydides.model import Analysis, Document

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def analyse() -> Callable[[str], Analysis]:
    from thucydides.pipeline import Pipeline

    pipeline = Pipeline()

    def run(text: str) -> Analysis:
        return pipeline.run_documents([Document.from_text(text, name="t.txt")])[0]

    return run


def _killed(analysis: Analysis) -> list[float | None]:
    return [c.low for c in analysis.claims if c.metric == "killed"]


def _toll(analysis: Analysis) -> int | None:
    first = min(analysis.events, key=lambda e: min(x.start for x in e.evidence))
    return first.fatalities


@pytest.mark.parametrize("text, count", [
    ("Nine smugglers were killed when the patrol boat opened fire off the northern coast.", 9.0),
    ("The raiders killed three beekeepers near the orchard on Sunday.", 3.0),
    ("Two shopkeepers were lynched by an angry crowd in the old quarter.", 2.0),
    ("The shelling of the ridge left 6 fatalities and a dozen injuries.", 6.0),
])
def test_a_noun_no_list_names_counts_people_when_it_suffers_the_killing(
        analyse: Callable[[str], Analysis], text: str, count: float) -> None:
    assert _killed(analyse(text)) == [count]


def test_the_doer_of_a_killing_counts_no_one(analyse: Callable[[str], Analysis]) -> None:
    # the subject of an active killing with an object, and the agent of a passive one
    assert not _killed(analyse("On Friday, five masked raiders ambushed and killed a miller outside Tamale."))
    assert not _killed(analyse("Two cattle thieves killed a herder in the valley on Monday."))


@pytest.mark.parametrize("text, toll", [
    ("On Friday, four masked raiders shot and killed a miller at his mill in Tamale.", 1),
    ("A ferry clerk was killed at the harbour in Mombasa by three men on a motorbike.", 1),
    ("On 2 June, rebels killed the deputy-governor of the district in Goma and wounded his driver.", 1),
    ("On Monday, a band of four masked men shot and killed a ferryman at the jetty in Kisumu.", 1),
    ("A tailor was killed in an ambush near the ferry in Kisumu by three riders on a motorbike.", 1),
])
def test_the_toll_counts_the_dead_not_the_killers_nor_places(analyse: Callable[[str], Analysis], text: str,
                                                             toll: int) -> None:
    assert _toll(analyse(text)) == toll


@pytest.mark.parametrize("text, toll", [
    ("On Tuesday, a tax collector was shot dead by two strangers near the bus depot in Kisumu.", 1),
    ("An angry crowd beat to death a suspected pickpocket in Lusaka on Sunday.", 1),
    ("Guards fatally stabbed an inmate at the prison in Kampala on Monday.", 1),
])
def test_a_verb_whose_outcome_is_death_tells_a_toll(analyse: Callable[[str], Analysis], text: str, toll: int) -> None:
    assert _toll(analyse(text)) == toll


def test_a_shooting_with_no_death_told_has_no_toll(analyse: Callable[[str], Analysis]) -> None:
    assert not _toll(analyse("On Tuesday, a tax collector was shot by two strangers near the bus depot in Kisumu."))


@pytest.mark.parametrize("text, toll", [
    ("On Monday, a bus conductor was stabbed and killed by robbers near the depot in Kumasi.", 1),
    ("Raiders ambushed a grain trader near the weir in Mopti on Friday. He was killed in the ambush.", 1),
    ("Unknown men waylaid a village elder on the road to Gulu on Sunday, killing him.", 1),
    ("A roadside bomb went off near the ferry in Beira on Monday, killing both boatmen.", 2),
])
def test_victims_told_by_a_joined_passive_a_pronoun_or_a_pair_count(analyse: Callable[[str], Analysis], text: str,
                                                                     toll: int) -> None:
    assert _toll(analyse(text)) == toll


def test_alternative_accounts_keep_the_lowest(analyse: Callable[[str], Analysis]) -> None:
    # the narrator's figure and a rebel group's own claim count the same dead: the lowest stands
    text = ("On 4 May, 6 border guards were killed (9 according to the rebels) when a mine exploded under their "
            "truck near Arua.")
    assert _toll(analyse(text)) == 6


@pytest.mark.parametrize("text, count", [
    ("Herders and farmers fought over a well near Gao. The death toll was estimated at 17.", 17.0),
    ("Militiamen raided a hamlet near Kindu at dawn. Unknown number of fatalities put at 5.", 5.0),
])
def test_a_toll_noun_valued_by_an_estimating_verb_is_a_killed_figure(analyse: Callable[[str], Analysis], text: str,
                                                                      count: float) -> None:
    assert count in _killed(analyse(text))


@pytest.mark.parametrize("text", [
    "On Monday, two traders were shot and wounded by bandits on the road to Moroto.",
    "Troops shot four fishermen near the river crossing at Busia, injuring them.",
])
def test_a_shooting_that_wounds_counts_the_wounded_not_the_dead(analyse: Callable[[str], Analysis],
                                                                 text: str) -> None:
    claims = analyse(text).claims
    assert not _killed(analyse(text)) and any(c.metric == "wounded" for c in claims)


def test_a_shooting_that_kills_stays_a_killing(analyse: Callable[[str], Analysis]) -> None:
    assert _killed(analyse("Troops shot dead one fisherman and wounded another near the crossing at Busia.")) == [1.0]


@pytest.mark.parametrize("text, count", [
    ("Seven are dead and three are hurt after a brawl between rival porters at the Gulu market.", 7.0),
    ("Cattle raiders struck a kraal near Kotido. Four killed.", 4.0),
    ("Bandits stormed a mine camp near Tarkwa, leading to the death of 8 diggers.", 8.0),
    ("Rebels fought troops near Kailahun, resulting in the deaths of 3 rebels and 2 gendarmes.", 3.0),
])
def test_a_bare_number_said_dead_or_the_victims_of_a_toll_noun_is_a_killed_figure(
        analyse: Callable[[str], Analysis], text: str, count: float) -> None:
    assert count in _killed(analyse(text))


@pytest.mark.parametrize("text, toll", [
    ("On Sunday, a crowd beat two suspected cattle thieves to death near the market in Mbarara.", 2),
    ("On 5 May, a patrol opened fire near the weir at Kanem, killing one Kanembu.", 1),
])
def test_a_counted_victim_no_claim_reads_counts_its_number(analyse: Callable[[str], Analysis], text: str,
                                                            toll: int) -> None:
    assert _toll(analyse(text)) == toll


def test_a_death_in_a_restrictive_relative_clause_is_background(analyse: Callable[[str], Analysis]) -> None:
    analysis = analyse("On Friday, neighbours of a tailor who was killed last year marched peacefully in Jinja.")
    assert not _toll(analysis)


@pytest.mark.parametrize("text, toll", [
    ("Herders clashed with farmers near Kaduna on Monday. 24 fatalities were spread across three hamlets.", 8),
    ("Herders clashed with farmers near Kaduna on Monday. At least 30 people were killed. The deaths were split "
     "between two villages.", 15),
])
def test_a_toll_told_as_shared_out_counts_its_share(analyse: Callable[[str], Analysis], text: str,
                                                    toll: int) -> None:
    assert _toll(analyse(text)) == toll


def test_a_name_coordinated_with_a_counted_victim_counts_people_too(analyse: Callable[[str], Analysis]) -> None:
    analysis = analyse("Rangers fought with raiders near Kotido on Monday. 6 Jie and 3 herders were killed.")
    assert sorted(_killed(analysis)) == [3.0, 6.0]


@pytest.mark.parametrize("text, toll", [
    # conjunct_object: the object hangs on the second verb
    ("On Friday, masked men killed and mutilated a goat herder near the well at Kidal.", 1),
    # dying_subject: a dying verb other than 'die' counts its subject
    ("On Sunday, rioters stoned a bus in Kasese. A passenger succumbed to his wounds in hospital.", 1),
    # singular_determiner: a head the parser tags an adjective, and 'the other' alone
    ("On 3 May 2022, a 19-year-old was shot and killed by bandits near the market in Kaduna.", 1),
    ("On 3 May 2022, a crowd beat two suspected thieves in Mbale. One escaped and the other later died in "
     "hospital.", 1),
    ("On 3 May 2022, unknown men set off a bomb near the market in Gulu, injuring a guard and killing another.", 1),
    # singular_passive: the subject hung elsewhere as an appositive, the auxiliary singular
    ("On 3 May 2022, in Wa, Upper West, a member of the youth wing was shot dead by gunmen.", 1),
    ("As reported on 4 May 2022, in Tamale (Northern), a former member of the party, was found dead at his home.", 1),
    # found_body: bodies found are the dead
    ("On 3 May 2022, the body of a fisherman was found on the shore near Kilwa, killed by unknown men.", 1),
    ("On 3 May 2022, gunmen raided a farm near Nakuru. A teacher's body was found in a ditch.", 1),
])
def test_victims_told_without_a_figure_by_each_reading(analyse: Callable[[str], Analysis], text: str,
                                                       toll: int) -> None:
    assert _toll(analyse(text)) == toll


def test_a_body_found_with_no_death_told_elsewhere_counts_only_what_is_found(
        analyse: Callable[[str], Analysis]) -> None:
    # bodies with no number nor owner count nothing: the toll is not guessed
    assert not _toll(analyse("On 3 May 2022, gunmen attacked a village near Gao and bodies were found later."))
