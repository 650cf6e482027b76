"""The events stage on news-shaped reports we wrote: what a story tells besides its news (history, what an
official says, who is around a happening) makes no event of its own and changes no event's type. A keyword
test double stands in for the learned coder, so the reading around a detection is what is tested."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

KEYWORDS = (
    ("kidnapped", "Violence against civilians", "Abduction/forced disappearance"),
    ("ambushed", "Battles", "Armed clash"),
    ("raid", "Battles", "Armed clash"),
)




Run = Callable[..., list[Event]]


@pytest.fixture(scope="module")
def events_of() -> Run:
    read = keyword_events(KeywordCoder(KEYWORDS, 0.95), date(2024, 5, 17), "n.txt")
    return lambda text, **changes: read(text, **changes)[1]


HISTORY = "The market has a long past: in 2011, gunmen ambushed a convoy of traders on the road to Mopti."
NEWS = "Soldiers raided a depot near Gao on Wednesday. "


def test_a_happening_told_as_history_is_no_event_of_a_report_of_news(events_of: Run) -> None:
    events = events_of(NEWS + HISTORY)
    assert [(e.sub_event_type, e.date.start.year if e.date and e.date.start else None) for e in events] == \
        [("Armed clash", 2024)]


def test_a_report_that_tells_only_history_keeps_it(events_of: Run) -> None:
    assert [e.sub_event_type for e in events_of(HISTORY)] == ["Armed clash"]


def test_history_is_kept_when_the_settings_ask_for_it(events_of: Run) -> None:
    events = events_of(NEWS + HISTORY, keep_background=True)
    assert sorted(e.date.start.year for e in events if e.date and e.date.start) == [2011, 2024]


def test_a_recent_happening_is_still_an_event(events_of: Run) -> None:
    events = events_of("Gunmen ambushed a convoy of traders on the road to Mopti on Wednesday.")
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_who_tells_a_kidnapping_does_not_make_it_an_arrest(events_of: Run) -> None:
    """Police only tell it; nobody named did it: ACLED's state-forces rule must not turn it into an arrest."""
    events = events_of("Police in Kaduna said on Thursday that eleven pupils were kidnapped from their school "
                       "late on Tuesday.")
    assert [e.sub_event_type for e in events] == ["Abduction/forced disappearance"]


def test_without_guessed_steps_the_teller_recodes_it(events_of: Run) -> None:
    """The guard is the setting: with no step counted as a guess, the police who tell it recode it."""
    events = events_of("Police in Kaduna said on Thursday that eleven pupils were kidnapped from their school "
                       "late on Tuesday.", guessed_actor1_steps=())
    assert [e.sub_event_type for e in events] == ["Arrests"]


def test_a_kidnapping_by_named_soldiers_is_still_an_arrest(events_of: Run) -> None:
    """The rule itself still holds where the text names state forces as the doers."""
    events = events_of("Soldiers kidnapped eleven pupils from their school in Kaduna on Tuesday.")
    assert [e.sub_event_type for e in events] == ["Arrests"]


def test_a_statement_about_a_pattern_is_no_event(events_of: Run) -> None:
    """What fails as a happening ('militants raid villages', a pattern) does not become the minister's saying."""
    assert events_of("The minister said on Monday that militants raid border villages.") == []


MENTION = "Traders near Gao said they now travel in groups, given the constant threat of raids on the road."


def test_a_sentence_that_only_names_a_threatened_happening_is_no_event(events_of: Run) -> None:
    assert events_of(MENTION, reread_mentions=True) == []


def test_without_the_reread_the_threatened_happening_is_coded(events_of: Run) -> None:
    assert [e.sub_event_type for e in events_of(MENTION, reread_mentions=False)] == ["Armed clash"]


def test_a_happening_told_beside_an_unrealised_one_is_kept(events_of: Run) -> None:
    text = "Soldiers raided a depot near Gao on Wednesday and met no resistance, despite the threat of rain."
    assert [e.sub_event_type for e in events_of(text, reread_mentions=True)] == ["Armed clash"]


CRASH = "A supply plane used to ferry ammunition to units that ambushed rebels last year crashed near Gao on Monday."


def test_a_mishap_no_one_did_is_no_event(events_of: Run) -> None:
    assert events_of(CRASH) == []


def test_without_the_caused_filter_the_description_of_the_plane_is_coded(events_of: Run) -> None:
    assert [e.sub_event_type for e in events_of(CRASH, filters=("realis", "specific"))] == ["Armed clash"]


CARRIED = ("Fighting broke out in Gao on 3 May. The town's market stayed shut for the day. "
           "Soldiers raided a depot near the market.")


def test_an_undated_happening_takes_the_date_told_just_before_it(events_of: Run) -> None:
    """Told with no date of its own, right after a sentence that gives one: that day, not the publication."""
    [event] = events_of(CARRIED)
    assert event.date is not None and event.date.start == date(2024, 5, 3) == event.date.end


def test_a_date_is_carried_no_further_than_its_reach(events_of: Run) -> None:
    """Two sentences between the date and the happening, with a reach of one sentence: the publication days."""
    [event] = events_of(CARRIED, date_carry_reach=1)
    assert event.date is not None and event.date.end == date(2024, 5, 17)


def test_without_the_paragraph_step_the_publication_dates_it(events_of: Run) -> None:
    [event] = events_of(CARRIED, date_steps=("clause", "custody", "sentence", "publication"))
    assert event.date is not None and event.date.end == date(2024, 5, 17)


ASIDE = ("Fishers marched in Gao on 6 May against the closure of a jetty that was sealed on 2 May. "
         "Soldiers raided a depot near the jetty.")


def test_a_date_told_in_a_clause_describing_a_noun_is_not_carried(events_of: Run) -> None:
    """The next sentence goes on with the march's day, not the day the jetty went through (events.when.told_aside)."""
    [event] = events_of(ASIDE)
    assert event.date is not None and event.date.start == date(2024, 5, 6) == event.date.end


def test_without_the_main_line_first_the_last_date_told_is_carried(events_of: Run) -> None:
    [event] = events_of(ASIDE, date_carry_main_first=False)
    assert event.date is not None and event.date.start == date(2024, 5, 2)


NOUN_DATED = "Militants who were wounded in a clash on May 2 ambushed a convoy near Gao on May 6."
SENTENCE_STEP = ("sentence", "publication")


def test_the_sentence_date_is_not_one_told_of_a_noun(events_of: Run) -> None:
    """The date nearest the ambush describes the militants; the sentence step takes the ambush's own
    (events.when.told_aside)."""
    [event] = events_of(NOUN_DATED, date_steps=SENTENCE_STEP)
    assert event.date is not None and event.date.start == date(2024, 5, 6) == event.date.end


def test_without_the_main_line_first_the_nearest_date_is_taken(events_of: Run) -> None:
    [event] = events_of(NOUN_DATED, date_steps=SENTENCE_STEP, date_sentence_main_first=False)
    assert event.date is not None and event.date.start == date(2024, 5, 2)


NAMED_DATE = "Fighters of the March 23 Movement ambushed a convoy near Goma on Tuesday."


def test_a_date_inside_an_actors_name_dates_nothing(events_of: Run) -> None:
    """'March 23' names the movement; the ambush is Tuesday's (events.when.inside_a_name)."""
    [event] = events_of(NAMED_DATE)
    assert event.date is not None and event.date.start == date(2024, 5, 14) == event.date.end


def test_without_skipping_names_the_name_dates_the_ambush(events_of: Run) -> None:
    [event] = events_of(NAMED_DATE, date_names_skipped=False)
    assert event.date is not None and event.date.start == date(2024, 3, 23)


FEATURE = ("The old prison on the river is a museum now. Children play in its yard. Tourists come in the "
           "summer. Its guide was once a guard. The prison held rebels from 1950 to 1962. He saw much there. "
           "Guards raided the cells. The town wants to keep the building. A new roof is planned.")


def test_a_long_story_that_tells_only_history_has_no_event(events_of: Run) -> None:
    """A feature of nine sentences whose one happening lies decades back (dated by the sentence before it):
    history, not news; a short note filed late about an old happening keeps it (the test above)."""
    assert events_of(FEATURE) == []


def test_a_long_story_keeps_its_history_when_the_settings_say_any_report_does(events_of: Run) -> None:
    events = events_of(FEATURE, retrospective_max_sentences=None)
    assert [e.date.start.year for e in events if e.date and e.date.start] == [1950]


HELD = "On 3 May, in Kalaw township (Taunggyi district, Shan State), soldiers raided a village."


@pytest.fixture(scope="module")
def places_of() -> Callable[..., list[str]]:
    """The names of the places of the events read in a text (with `changes` to the settings)."""
    read = keyword_events(KeywordCoder(KEYWORDS, 0.95), date(2024, 5, 17), "n.txt")

    def names(text: str, **changes: object) -> list[str]:
        analysis, events = read(text, **changes)
        return [analysis.places[e.place].name for e in events if e.place]
    return names


def test_a_place_named_before_the_areas_holding_it_is_where_it_happened(places_of: Callable[..., list[str]]) -> None:
    """The district, read as the town of its name, ties with the township: the first named wins."""
    assert places_of(HELD) == ["Kalaw"]


def test_without_the_first_named_rule_the_nearest_to_the_verb_wins(places_of: Callable[..., list[str]]) -> None:
    assert places_of(HELD, place_first_named=False, place_qualifiers=False) == ["Taunggyi"]


UNDATED_NEWS = ("Gunmen kidnapped six traders near Gao. In the worst such raid, in 2019, gunmen kidnapped forty "
                "traders near Gao.")


def test_with_no_publication_a_happening_dated_to_a_year_is_history(events_of: Run) -> None:
    """No publication date tells history from news; a happening dated only to a year is history, not the news's
    date nor an event of a report of news (events.build.unpublished_history)."""
    [event] = events_of(UNDATED_NEWS, published=None)
    assert event.date is None


def test_without_coarse_background_the_year_dates_the_news(events_of: Run) -> None:
    events = events_of(UNDATED_NEWS, published=None, background_coarse_days=None)
    assert [e.date.start.year if e.date and e.date.start else None for e in events] == [2019]
