"""A short report's lead happening is typed by the coder's reading of the whole report (events.report_type): a
march told in one sentence and its dispersal by police in the next is one protest met by police, which only the
two sentences read together say; a long report, an unsure whole reading, no step, or a step that keeps to the
lead's event type leave the lead as its own sentence reads."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.events.report_type import REPORT_TYPE_STEPS, ReportTypeSettings, report_type_settings, report_type_steps
from thucydides.knowledge.settings import SettingsError

pytestmark = pytest.mark.slow

MARCH = "Nurses marched through Eldoret on Thursday to demand unpaid wages."
DISPERSED = "Police dispersed the marchers with tear gas near the county offices."
BURNT = "Some of the marchers burnt two parked cars near the county offices."

CODER = KeywordCoder((("burnt", "Riots", "Violent demonstration"),
                      ("dispersed", "Protests", "Protest with intervention"),
                      ("marched", "Protests", "Peaceful protest")), 0.95)
"""The first keyword in a text types it: a whole report naming the dispersal reads as a protest with intervention,
its first sentence alone as a peaceful one."""

SHIPPED = report_type_settings()


def lead(text: str, settings: ReportTypeSettings = SHIPPED) -> tuple[str | None, str | None]:
    """The sub-event type and actor 1 of the report's first told happening."""
    events = keyword_events(CODER, date(2024, 3, 9), "r.txt")(text, report_typing=settings)[1]
    firsts = sorted(events, key=lambda e: min(v.start for v in e.evidence))
    return (firsts[0].sub_event_type, firsts[0].actor1) if firsts else (None, None)


def test_the_shipped_step_reads_the_whole_report() -> None:
    assert SHIPPED.steps == ("whole_report",) and SHIPPED.max_sentences == 8 and SHIPPED.max_paragraphs == 1


def test_the_lead_takes_the_whole_reports_sub_type() -> None:
    assert lead(f"{MARCH} {DISPERSED}")[0] == "Protest with intervention"


def test_a_one_sentence_report_reads_as_its_sentence() -> None:
    assert lead(MARCH)[0] == "Peaceful protest"


def test_off_the_lead_keeps_its_own_reading() -> None:
    assert lead(f"{MARCH} {DISPERSED}", replace(SHIPPED, steps=()))[0] == "Peaceful protest"


def test_a_report_longer_than_max_sentences_is_left_alone() -> None:
    assert lead(f"{MARCH} {DISPERSED}", replace(SHIPPED, max_sentences=1))[0] == "Peaceful protest"


def test_a_report_of_two_paragraphs_is_left_alone() -> None:
    """The first paragraph may be background to the second's news: the whole is no one happening's reading."""
    assert lead(f"{MARCH}\n\n{DISPERSED}")[0] == "Peaceful protest"
    assert lead(f"{MARCH}\n\n{DISPERSED}", replace(SHIPPED, max_paragraphs=None))[0] == "Protest with intervention"


def test_a_report_opening_with_background_is_left_alone() -> None:
    """Its first happening told third, after two sentences of history: the whole mixes the history in."""
    history = "The county hospital of Eldoret opened in 1962. It has three hundred beds and a maternity ward."
    assert lead(f"{history} {MARCH} {DISPERSED}")[0] == "Peaceful protest"
    anywhere = replace(SHIPPED, max_lead_position=None)
    assert lead(f"{history} {MARCH} {DISPERSED}", anywhere)[0] == "Protest with intervention"


def test_an_unsure_whole_reading_is_left_alone() -> None:
    assert lead(f"{MARCH} {DISPERSED}", replace(SHIPPED, min_confidence=0.99))[0] == "Peaceful protest"


def test_whole_report_takes_another_event_type_with_its_generic_actor() -> None:
    sub, actor1 = lead(f"{MARCH} {BURNT}")
    assert sub == "Violent demonstration"
    assert actor1 is not None and "rioters" in actor1  # the actor 1 read for the new type, not the marchers'


def test_within_type_keeps_the_leads_event_type() -> None:
    within = replace(SHIPPED, steps=("within_type",))
    assert lead(f"{MARCH} {BURNT}", within)[0] == "Peaceful protest"
    assert lead(f"{MARCH} {DISPERSED}", within)[0] == "Protest with intervention"


def test_an_unknown_step_fails_naming_the_choices() -> None:
    with pytest.raises(SettingsError) as err:
        report_type_steps(ReportTypeSettings(steps=("whole_story",)))
    assert all(name in str(err.value) for name in REPORT_TYPE_STEPS)
