"""Reading figures from words: digits, number words, vague quantities, ranges, hedges."""

from __future__ import annotations

import pytest

from thucydides.ling.numbers import hedged, parse_digits, read_hedge, read_quantity


@pytest.mark.parametrize(("text", "value"), [
    ("11,350", 11350), ("3.000", 3000), ("1700", 1700), ("1.5", 1.5), ("2,500.5", 2500.5),
])
def test_digits_in_both_thousands_conventions(text, value):
    assert parse_digits(text) == value


@pytest.mark.parametrize("text", ["1,2,3,4", "10^100", "12,34", "T-72", "3.00.0"])
def test_malformed_digit_strings_are_no_number(text):
    assert parse_digits(text) is None


@pytest.mark.parametrize(("words", "low", "high", "qualifier"), [
    (["four"], 4, 4, "exact"),
    (["Twenty", "-", "seven"], 27, 27, "exact"),
    (["twenty-seven"], 27, 27, "exact"),
    (["a", "hundred"], 100, 100, "exact"),
    (["two", "dozen"], 24, 24, "exact"),
    (["two", "hundred", "and", "fifty"], 250, 250, "exact"),
    (["1.5", "million"], 1_500_000, 1_500_000, "exact"),
    (["dozens"], 24, 99, "vague"),
    (["hundreds"], 200, 999, "vague"),
    (["thousands"], 2000, 9999, "vague"),
    (["several", "hundred"], 200, 999, "vague"),
    (["a", "few", "hundred"], 200, 999, "vague"),
    (["2,500", "to", "3,000"], 2500, 3000, "range"),
    (["between", "10", "and", "12"], 10, 12, "range"),
    (["10-12"], 10, 12, "range"),
    (["10", "-", "12"], 10, 12, "range"),
])
def test_quantities(words, low, high, qualifier):
    q = read_quantity(words, 0)
    assert q is not None
    assert (q.low, q.high, q.qualifier) == (low, high, qualifier)
    assert q.end == len(words)


def test_a_range_must_rise():
    q = read_quantity(["12", "to", "10"], 0)
    assert q is not None and q.qualifier == "exact" and q.end == 1


def test_absurd_figures_are_dropped():
    assert read_quantity(["10", "million", "million"], 0) is None
    assert read_quantity(["900000000000"], 0) is None


def test_words_that_are_not_numbers():
    assert read_quantity(["several"], 0) is None
    assert read_quantity(["a", "few"], 0) is None
    assert read_quantity(["the"], 0) is None


@pytest.mark.parametrize(("before", "qualifier"), [
    (["no", "more", "than"], "at_most"), (["up", "to"], "at_most"), (["less", "than"], "at_most"),
    (["no", "larger", "than"], "at_most"), (["over"], "at_least"), (["more", "than"], "at_least"),
    (["at", "least"], "at_least"), (["about"], "approximately"), (["some"], "approximately"),
    (["around"], "approximately"), (["nearly"], "approximately"), (["roughly"], "approximately"),
    (["Up", "To"], "at_most"), (["over", "only"], "at_least"),
])
def test_hedges(before, qualifier):
    words = ["killing", *before, "300"]
    found = read_hedge(words, len(words) - 1)
    assert found is not None and found[0] == qualifier
    assert found[1] == 1


def test_no_hedge():
    assert read_hedge(["killing", "300"], 1) is None


def test_hedges_turn_into_open_intervals():
    q = read_quantity(["950"], 0)
    assert q is not None
    assert (hedged(q, "at_least").low, hedged(q, "at_least").high) == (950, None)
    assert (hedged(q, "at_most").low, hedged(q, "at_most").high) == (None, 950)
    assert hedged(q, "approximately").qualifier == "approximately"
    vague = read_quantity(["dozens"], 0)
    assert vague is not None and hedged(vague, "at_least").qualifier == "vague"
