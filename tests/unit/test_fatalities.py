"""The one fatalities policy (thucydides/corpus/fatalities.py), within a report and across reports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from thucydides.corpus.across import merge_across_documents
from thucydides.events import tolls as toll
from thucydides.model import Claim, Event, Evidence, Interval, Span

VAGUE = {"dozens": 12, "several": 3}


def killed(low: float | None, high: float | None, subject: str | None = None, qualifier: str = "exact",
           words: str = "n", metric: str = "killed") -> Claim:
    ev = Evidence("d", 0, len(words), words)
    return Claim(f"c-{low}-{high}-{subject}-{metric}", "d", metric, "person", low, high, qualifier, ev,
                 subject=subject, figure=Span(0, len(words), words))


def test_one_figure_counts_its_lowest_bound_or_its_vague_word():
    assert toll.figure(killed(12, None, qualifier="at_least"), VAGUE) == 12
    assert toll.figure(killed(2500, 3000, qualifier="range"), VAGUE) == 2500
    assert toll.figure(killed(None, 100, qualifier="at_most"), VAGUE) == 100
    assert toll.figure(killed(24, 99, qualifier="vague", words="dozens"), VAGUE) == 12


def test_one_group_told_twice_in_a_report_is_not_added():
    assert toll.report_toll([killed(30, 30, "ISIS"), killed(25, 25, "ISIS")], VAGUE) == 25
    assert toll.report_toll([killed(7, 7), killed(9, 9)], VAGUE) == 7


def test_distinct_named_victim_groups_of_one_event_are_added():
    assert toll.report_toll([killed(5, 5, "Civilians"), killed(40, 40, "ISIS")], VAGUE) == 45


def test_an_unnamed_total_is_not_added_to_the_groups_it_may_include():
    # "12 people were killed, among them 5 civilians and 4 soldiers": 12, not 21
    figures = [killed(12, 12), killed(5, 5, "Civilians"), killed(4, 4, "Army")]
    assert toll.report_toll(figures, VAGUE) == 12
    # the groups told exceed the unnamed figure: the report's own count of everyone, the most conservative, stands
    assert toll.report_toll([killed(3, 3), killed(5, 5, "Civilians"), killed(4, 4, "Army")], VAGUE) == 3


def test_alternative_accounts_of_the_same_people_keep_the_lowest():
    narrator = killed(2, 2, "Police")
    rebels = replace(killed(3, 3), id="c-rebels", claimant="Rebels")
    assert toll.report_toll([narrator, rebels], VAGUE) == 2
    # accounts of different named groups count different people
    other = replace(killed(4, 4, "Rebels"), id="c-army", claimant="Army")
    assert toll.report_toll([narrator, other], VAGUE) == 6


def test_other_metrics_and_no_figure_give_no_toll():
    assert toll.report_toll([killed(8, 8, metric="wounded")], VAGUE) is None
    assert toll.report_toll([], VAGUE) is None


def test_across_reports_the_lowest_toll_stands_never_a_sum():
    assert toll.across_reports([12, None, 9, 30]) == 9
    assert toll.across_reports([None, None]) is None


def _event(doc: str, fatalities: int | None) -> Event:
    day = Interval(date(2020, 5, 2), date(2020, 5, 2))
    return Event(id=f"event-{doc}", docs=[doc], event_type="Battles", sub_event_type="Armed clash",
                 evidence=[Evidence(doc, 0, 4, "text")], actor1="A", place="p-1", date=day, time_precision=1,
                 fatalities=fatalities)


def test_merged_reports_of_one_event_keep_the_lowest_toll():
    (merged,) = merge_across_documents([_event("d1", 14), _event("d2", 11), _event("d3", None)])
    assert merged.fatalities == 11
    assert merged.docs == ["d1", "d2", "d3"]


def test_a_share_is_the_lowest_but_never_none_of_a_toll_of_some():
    assert toll.share(20, 5) == 4
    assert toll.share(7, 2) == 3
    assert toll.share(1, 3) == 1
    assert toll.share(0, 3) == 0
    assert toll.report_toll([killed(20, 20)], VAGUE, shares={"c-20-20-None-killed": 5}) == 4
