"""'The next day', 'two days later': a happening dated from the day the report told last, not as that day
(events.when.sequel). A keyword test double stands in for the learned coder. Sentences written for these tests;
the report is published on Friday 17 May 2024."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

KEYWORDS = (
    ("kidnapped", "Violence against civilians", "Abduction/forced disappearance"),
    ("clashed", "Battles", "Armed clash"),
)

Run = Callable[..., list[Event]]


@pytest.fixture(scope="module")
def events_of() -> Run:
    read = keyword_events(KeywordCoder(KEYWORDS, 0.95), date(2024, 5, 17), "s.txt")
    return lambda text, **changes: read(text, **changes)[1]


def _clash(events: list[Event]) -> Event:
    return next(e for e in events if e.sub_event_type == "Armed clash")


NEXT_DAY = ("On 3 May, gunmen kidnapped six traders near Gao. The next day, soldiers clashed with the kidnappers "
            "near Timbuktu.")


def test_the_next_day_is_the_day_after_the_one_told_last(events_of: Run) -> None:
    clash = _clash(events_of(NEXT_DAY))
    assert clash.date is not None and clash.date.start == date(2024, 5, 4) == clash.date.end
    assert clash.time_precision == 1


def test_a_day_earlier_is_the_day_before(events_of: Run) -> None:
    clash = _clash(events_of("On 3 May, gunmen kidnapped six traders near Gao. A day earlier, soldiers clashed "
                             "with rebels near Timbuktu."))
    assert clash.date is not None and clash.date.start == date(2024, 5, 2) == clash.date.end


def test_a_loose_count_widens_the_days(events_of: Run) -> None:
    clash = _clash(events_of("On 3 May, gunmen kidnapped six traders near Gao. A week later, soldiers clashed "
                             "with the kidnappers near Timbuktu."))
    assert clash.date is not None and (clash.date.start, clash.date.end) == (date(2024, 5, 7), date(2024, 5, 13))
    assert clash.time_precision == 2


def test_with_no_day_told_before_a_sequel_dates_nothing_itself(events_of: Run) -> None:
    """Nothing to count from: the publication days date it."""
    clash = _clash(events_of("Gunmen kidnapped six traders near Gao. The next day, soldiers clashed with the "
                             "kidnappers near Timbuktu."))
    assert clash.date is not None and clash.date.end == date(2024, 5, 17) and clash.time_precision == 2


def test_without_the_sequel_step_the_day_told_last_is_carried(events_of: Run) -> None:
    steps = ("clause", "custody", "sentence", "telling", "paragraph", "publication")
    clash = _clash(events_of(NEXT_DAY, date_steps=steps))
    assert clash.date is not None and clash.date.start == date(2024, 5, 3) == clash.date.end
