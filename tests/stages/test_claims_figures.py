"""What is a figure and what is not, numbers in words, and the time of a figure (issue 11); our own sentences."""

from __future__ import annotations

from datetime import date

import pytest

from thucydides.model import Analysis, Claim, Interval


def by_figure(analysis: Analysis) -> dict[float | None, Claim]:
    return {c.low if c.low is not None else c.high: c for c in analysis.claims}


def summary(analysis: Analysis) -> list[tuple[str, float | None, float | None, str]]:
    return [(c.metric, c.low, c.high, c.qualifier) for c in analysis.claims]


@pytest.mark.parametrize("text", [
    "Nobody was hurt when the shell hit the depot. No one was hurt in the second blast either.",
    "The rebels had not killed even 30 soldiers in the raid, the army insisted.",
    "Aid workers reached the Kalma 3 camp on Monday and the Gereida 2 camp a day later.",
    "The convoy covered 60 kilometres in a day before reaching the river.",
    "She walked six miles to the clinic every week.",
    "Women may not travel beyond 45 kilometers without a male relative.",
    "The country imposed 25% tariffs on imported steel.",
    "Arabs make up 60% of the town's 40,000 residents.",
    "I have nine children at home, she said.",
    "About 12 million children are out of school in the region.",
    "A handful of fighters were seen near the ridge.",
])
def test_not_figures(parse_claims, text):
    assert summary(parse_claims(text)) == []


def test_households_in_brackets_restate_the_figure_before_them(parse_claims):
    assert summary(parse_claims("Some 400 people (80 families) fled the village of Kutum.")) == [
        ("fled", 400, 400, "approximately")]


def test_a_distance_between_places_is_a_distance(parse_claims):
    a = parse_claims("Tawila, about 70 kilometers from El Fasher, now shelters thousands.")
    assert ("distance", 70, 70, "approximately") in summary(a)


def test_an_area_a_few_kilometres_long_is_territory(parse_claims):
    a = parse_claims("The rebels hold an area just 5 kilometers long between the two villages.")
    assert summary(a) == [("territory_held", 5, 5, "exact")]


@pytest.mark.parametrize("text, expected", [
    ("More than forty soldiers were killed in the ambush.", ("killed", 40, None, "at_least")),
    ("Around thirty civilians were wounded by the shelling.", ("wounded", 30, 30, "approximately")),
    ("Two dozen fighters surrendered to the army on Monday.", ("surrendered", 24, 24, "exact")),
    ("Scores of villagers fled the fighting.", ("fled", 24, 99, "vague")),
    ("Nearly 1.5 million people have fled their homes since April.", ("fled", 1500000, 1500000, "approximately")),
    ("The camp holds nearly half-a-million refugees.", ("fled", 500000, 500000, "approximately")),
    ("Between 300 and 350 fighters remain inside the old town.", ("fighters_present", 300, 350, "range")),
])
def test_numbers_in_words_and_approximations(parse_claims, text, expected):
    assert summary(parse_claims(text)) == [expected]


@pytest.mark.parametrize("text, metric", [
    ("More than 150 people sustained injuries in the stampede.", "wounded"),
    ("Deaths from the attacks rose to 388 last year.", "killed"),
    ("Eight Uyghur men who remain in custody face deportation.", "captured"),
    ("The gunmen freed 279 schoolgirls on Tuesday.", "captured"),
    ("A train with roughly 450 passengers on board was halted in the tunnel.", "civilians_present"),
    ("The camps host more than 400,000 refugees.", "fled"),
    ("Estimates put the number of IS fighters in the desert at 2,000.", "fighters_present"),
])
def test_metric_from_the_clause(parse_claims, text, metric):
    assert [c.metric for c in parse_claims(text).claims] == [metric]


def test_two_sides_with_one_number_are_two_claims(parse_claims):
    a = parse_claims("At least five people, among them five militants and two guards, were killed.")
    assert len([c for c in a.claims if c.metric == "killed"]) >= 2


def test_a_share_of_a_place_is_a_share_held(parse_claims):
    a = parse_claims("The rebels say they now control 60 percent of Raqqa.")
    assert summary(a) == [("share_held", 60, 60, "exact")]


# time --------------------------------------------------------------------------------------------------


def test_a_background_year_never_dates_the_figure(parse_claims):
    a = parse_claims("Since the start of the uprising in 2011, more than 3,000 people have fled the town.",
                     published=Interval(date(2018, 5, 2), date(2018, 5, 2)))
    assert by_figure(a)[3000].time is None or by_figure(a)[3000].time.start != date(2011, 1, 1)


def test_the_figures_own_clause_dates_it(parse_claims):
    a = parse_claims("The toll since 9 October 2019 has reached 400 civilians killed and 900 wounded.")
    assert by_figure(a)[900].time == Interval(date(2019, 10, 9), None)


def test_the_year_of_the_happening_dates_its_toll(parse_claims):
    a = parse_claims("The worst bombing, in 2012, left at least 41 people dead at the market.",
                     published=Interval(date(2020, 1, 5), date(2020, 1, 5)))
    assert by_figure(a)[41].time is not None and by_figure(a)[41].time.start == date(2012, 1, 1)


def test_a_relative_clause_dates_something_else(parse_claims):
    a = parse_claims("Some 20,000 people are trapped in the city, which has been under siege since 2016.",
                     published=Interval(date(2018, 5, 2), date(2018, 5, 2)))
    assert by_figure(a)[20000].time is None
