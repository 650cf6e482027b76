"""A short report's lead happening typed by the coder's reading of the whole report.

A note or a dispatch of a few sentences tells one happening across its sentences: 'protesters marched' and then
'police dispersed them' is one protest met by police, 'a crowd gathered' and then 'they burnt a car' one violent
demonstration. Detection reads each sentence apart (with its paragraph blended into the type), so the lead
sentence keeps the sub-type of its own words while the escalation, the intervention or the weapon is told in the
next; the coder, which learnt from whole notes, reads the whole report's type better than any of its sentences.
A step here re-types the report's lead happening (its first candidate) by that whole reading, where the whole is
read surely enough; it never adds or drops a happening. Steps are named in settings `event_report_type`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from thucydides.events.detect import Candidate, Coder, Guess, ReportShape
from thucydides.knowledge.settings import section
from thucydides.steps import Steps


@dataclass(frozen=True)
class ReportTypeSettings:
    """Which steps re-type a short report's lead happening, and how sure the whole reading must be (settings
    `event_report_type`)."""

    steps: tuple[str, ...] = ("whole_report",)
    """Named steps (`REPORT_TYPE_STEPS`), the first that answers wins; empty: off."""
    max_sentences: int = 8
    """The longest report, in the units detection reads, whose whole reading types its lead (a long story tells
    several happenings, and its whole reading is their mixture)."""
    max_paragraphs: int | None = 1
    """The most paragraphs of such a report (None: any): a note or a dispatch's lead tells its happening in one; a
    report of several paragraphs tells background in the others (a group's history before its attack)."""
    max_lead_position: int | None = 1
    """The latest unit (0: the first) the lead happening may be told in (None: any): a short report tells its
    happening first; one whose first happening comes later opens with background (a group's history before its
    attack), which its whole reading mixes in."""
    min_probability: float = 0.9
    """The whole report's probability of an event at which its reading types the lead."""
    min_confidence: float = 0.3
    """The coder's probability of the whole report's sub-event type at which it types the lead."""
    roles_as_read: bool = True
    """The re-typed lead keeps the place, date and roles its sentence was read to tell as its own type (then the
    coding rules recode the new type with them): the sentence telling a march does not tell who dispersed it, and
    reading it for the new type's roles guesses them (the next sentence tells them)."""
    coder_leads_only: bool = True
    """Re-type only a lead the coder itself read, not a fallback predicate's reading nor one an earlier step re-typed
    (the 'fatalities' step): those exist where the coder reads whole notes wrong."""


def report_type_settings() -> ReportTypeSettings:
    """The shipped settings (or THUCYDIDES_SETTINGS' overrides); `section` keeps each file's reading."""
    return section("event_report_type", ReportTypeSettings)


@dataclass(frozen=True)
class LeadReading:
    """A short report's lead candidate with the coder's reading of the whole report."""

    lead: Candidate
    whole: Guess


def _whole_report(r: LeadReading) -> tuple[str, str] | None:
    """The whole report's type and sub-type, whatever the lead's type."""
    return (r.whole.event_type, r.whole.sub_event_type) if r.whole.event_type and r.whole.sub_event_type else None


def _within_type(r: LeadReading) -> tuple[str, str] | None:
    """The whole report's sub-type where it is of the lead's event type (a peaceful protest told with its
    intervention); a reading of another event type leaves the lead as read."""
    return _whole_report(r) if r.whole.event_type == r.lead.event_type else None


REPORT_TYPE_STEPS: Mapping[str, Callable[[LeadReading], tuple[str, str] | None]] = {
    "whole_report": _whole_report,
    "within_type": _within_type,
}


@lru_cache(maxsize=8)
def report_type_steps(settings: ReportTypeSettings) -> Steps[LeadReading, tuple[str, str]]:
    """The configured steps, built once per settings (the stage checks them when it is built, and `report_typed`
    asks for them on every report); an unknown name fails, listing the choices."""
    return Steps.of("event_report_type.steps", REPORT_TYPE_STEPS, settings.steps)


@dataclass(frozen=True)
class ReportTyping:
    """The candidates, the lead among them re-typed where a step answered."""

    candidates: list[Candidate]
    lead: Candidate | None = None
    """The re-typed lead, where a step re-typed it (None: none did)."""
    original: Candidate | None = None
    """The lead as detection read it."""
    roles_as_read: bool = False
    """Read the re-typed lead's place, date and roles as `original` (`ReportTypeSettings.roles_as_read`)."""

    def read_as(self, c: Candidate) -> Candidate | None:
        """The candidate whose reading `c`'s place, date and roles are read as, where not its own."""
        return self.original if self.roles_as_read and c is self.lead else None


def _short(report: ReportShape, settings: ReportTypeSettings) -> bool:
    """Whether the report is short enough to tell one happening, whose whole reading types it."""
    most = settings.max_paragraphs
    return report.units <= settings.max_sentences and (most is None or report.paragraphs <= most)


def _leads(report: ReportShape, c: Candidate, settings: ReportTypeSettings) -> bool:
    """Whether the candidate is told early enough in the report to be its lead (`max_lead_position`)."""
    most = settings.max_lead_position
    return most is None or report.position(c.start) <= most


def report_typed(report: ReportShape, candidates: Sequence[Candidate], coder: Coder,
                 admissible: Callable[[Candidate], bool], floors: Mapping[str, float],
                 settings: ReportTypeSettings | None = None) -> ReportTyping:
    """`candidates`, the first (the report's lead happening, the earliest told) re-typed by the coder's reading of
    the whole `report` where a step answers: only in a report of at most `max_sentences` units and `max_paragraphs`
    paragraphs, a lead told in its first `max_lead_position` + 1 units, a lead the coder
    itself read (with `coder_leads_only`), a whole reading at least
    `min_probability` an event and `min_confidence` of its sub-type (and of a catch-all's `floors`), and a re-typed
    lead the filters still admit. Others are returned as they are."""
    settings = settings or report_type_settings()
    steps = report_type_steps(settings)
    out = list(candidates)
    if not steps.chosen or not out or not _short(report, settings):
        return ReportTyping(out)
    lead = min(range(len(out)), key=lambda i: out[i].start)
    c = out[lead]
    if settings.coder_leads_only and (c.source != "coder" or c.retyped) or not _leads(report, c, settings):
        return ReportTyping(out)
    whole = coder.classify([report.text], 0.0)[0]
    least = max(settings.min_confidence, floors.get(whole.sub_event_type or "", 0.0))
    if whole.event_probability < settings.min_probability or whole.confidence < least:
        return ReportTyping(out)
    typed, name = steps.first(LeadReading(c, whole))
    if typed is None or typed == (c.event_type, c.sub_event_type):
        return ReportTyping(out)
    other = replace(c, event_type=typed[0], sub_event_type=typed[1], confidence=whole.confidence,
                    readings=whole.readings, retyped=f"report:{name}")
    if not admissible(other):
        return ReportTyping(out)
    out[lead] = other
    return ReportTyping(out, other, c, settings.roles_as_read)
