"""The fatalities readings of issue 9's second sample (settings `fatalities.figure_readings` and the told-victim
readings own_auxiliary, death_outcome, headline_participle), on reports we wrote: each reading's sentence, and the
same sentence read otherwise with the reading off."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thucydides.model import Analysis, Document

pytestmark = pytest.mark.slow


def _analyse(text: str) -> Analysis:
    from thucydides.pipeline import Pipeline

    return Pipeline().run_documents([Document.from_text(text, name="t.txt")])[0]


def _killed(analysis: Analysis) -> list[float | None]:
    return sorted(c.low for c in analysis.claims if c.metric == "killed" and c.low is not None)


def _toll(analysis: Analysis) -> int | None:
    first = min(analysis.events, key=lambda e: min(x.start for x in e.evidence))
    return first.fatalities


FIGURES = [
    # compound_unit: a person word modifying a noun that counts no one
    ("compound_unit", "On 3 May 2022, rioters burned three police vans after a trader was shot dead in Kisumu.",
     []),
    ("compound_unit", "On 3 May 2022, rebels killed 12 soldiers and destroyed 4 armoured personnel carriers near "
     "Beni.", [12.0]),
    # own_predicate: the verb whose auxiliary follows the counted noun
    ("own_predicate", "On 3 May 2022, bandits claimed to have killed 6 rangers and 9 others were hurt near Garissa.",
     [6.0]),
    # month_date: a number beside a capitalised month name is a day
    ("month_date", "Around 25 January 2022 (as reported), in Gao, three people were killed.", [3.0]),
    # hedged_object: a number hung on a hedge the parser takes for a preposition
    ("hedged_object", "On 3 May 2022, the militia shelled the camp near Kidal, killing around 15 of them and "
     "injuring 20 others.", [15.0]),
]


@pytest.mark.parametrize("reading, text, killed", FIGURES)
def test_each_figure_reading_counts_the_dead(reading: str, text: str, killed: list[float]) -> None:
    assert _killed(_analyse(text)) == killed


@pytest.mark.parametrize("reading, text, killed", FIGURES)
def test_each_figure_reading_switched_off_reads_otherwise(settings_from: Callable[[str], None], reading: str,
                                                          text: str, killed: list[float]) -> None:
    from thucydides.knowledge.fatalities import FIGURE_READINGS

    others = ", ".join(r for r in FIGURE_READINGS if r != reading)
    settings_from(f"fatalities:\n  figure_readings: [{others}]\n")
    assert _killed(_analyse(text)) != killed


def test_the_doers_aim_is_no_toll() -> None:
    # doer_aim: 'tried to assassinate X' has an object: its subject counts the killers
    text = "On 3 May 2022, clashes broke out in Mopti after four gunmen tried to assassinate a district commander."
    assert not _toll(_analyse(text))


TOLD = [
    # own_auxiliary: a joined passive's singular auxiliary disagrees with the plural subject it would share
    ("own_auxiliary", "On 3 May 2022, at least 30 marchers were injured, including police officers, and a leader of "
     "the youth wing was killed during the clash in Jos.", 1),
    # death_outcome: a death noun governed by a verb of outcome
    ("death_outcome", "On 3 May 2022, soldiers beat a herder at a checkpoint near Mopti, which resulted in his "
     "death.", 1),
    ("death_outcome", "On 3 May 2022, gunmen opened fire on a bus near Gulu, leading to the death of the driver and "
     "his assistant.", 2),
    # headline_participle: a killing verb with a subject and no auxiliary nor object
    ("headline_participle", "Teacher shot dead overnight in the hamlet of Kalsaka, Soum Province.", 1),
    # joined_killings: joined killings with victims of their own add up
    ("joined_killings", "On 3 May 2022, two porters were beaten by guards at the depot in Mbale. A porter died that "
     "night and another died in hospital a week later.", 2),
]


@pytest.mark.parametrize("reading, text, toll", TOLD)
def test_each_told_reading_counts_the_victims(reading: str, text: str, toll: int) -> None:
    assert _toll(_analyse(text)) == toll


@pytest.mark.parametrize("reading, text, toll", TOLD)
def test_each_told_reading_switched_off_counts_otherwise(settings_from: Callable[[str], None], reading: str,
                                                         text: str, toll: int) -> None:
    from thucydides.knowledge.fatalities import VICTIM_READINGS

    others = ", ".join(r for r in VICTIM_READINGS if r != reading)
    settings_from(f"fatalities:\n  told_victim_readings: [{others}]\n")
    assert _toll(_analyse(text)) != toll


def test_a_killing_with_words_of_its_own_keeps_its_victims() -> None:
    # conjunct_object: 'killing around 12 of them and injuring 20 others' does not take the injured as its dead
    text = "On 3 May 2022, the militia shelled the camp near Kidal, killing several of them and injuring 20 others."
    assert _toll(_analyse(text)) != 20


def test_a_death_told_as_background_is_no_outcome() -> None:
    # death_outcome: only a verb of outcome makes the death noun a killing told
    text = "On 3 May 2022, traders marched peacefully in Jinja to mourn the death of a porter last year."
    assert not _toll(_analyse(text))


def test_a_figures_own_predicate_joined_to_a_killing_still_kills() -> None:
    # own_predicate: the verb after the counted noun's auxiliary, or one joined to it, says what happened
    text = "On 3 May 2022, about 50 people marched in Nakuru. One demonstrator was struck by a lorry and killed."
    assert _killed(_analyse(text)) == [1.0]


@pytest.mark.parametrize("text, toll", [
    ("On 3 May 2022, two soldiers and two civilians were killed in clashes near Bama.", 4),
    ("On 3 May 2022, rebels attacked an outpost near Kidal, killing one soldier and one civilian.", 2),
])
def test_equal_figures_of_different_groups_in_one_sentence_add_up(text: str, toll: int) -> None:
    # each figure is a claim of its own (its id holds where the figure starts), so the two groups add up
    analysis = _analyse(text)
    killed = [c for c in analysis.claims if c.metric == "killed"]
    assert len({c.id for c in killed}) == len(killed) == 2
    assert _toll(analysis) == toll


def test_joined_killings_of_one_victim_count_it_once() -> None:
    # joined_killings: a shared object, or a pronoun naming the victim again, is no second death
    assert _toll(_analyse("On 3 May 2022, a crowd lynched and killed a suspected thief in Mbale.")) == 1
