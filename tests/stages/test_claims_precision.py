"""Figures that count nothing the contract knows are no claims. Sentences written for these tests."""

from __future__ import annotations


def test_a_percentage_without_an_armed_side_is_no_share_of_territory(parse_claims):
    assert parse_claims("Her party won a poor 21% in the general election last year.").claims == []
    assert parse_claims("Rents pushed up the cost of living by nearly 40% over two years.").claims == []


def test_an_armed_side_holds_a_percentage(parse_claims):
    (claim,) = parse_claims("The rebels now control about 30 percent, a monitor said.").claims
    assert (claim.metric, claim.low) == ("share_held", 30)
    (claim,) = parse_claims("Government forces have retaken 70% in a week.").claims
    assert (claim.metric, claim.low) == ("share_held", 70)
