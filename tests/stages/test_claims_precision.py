"""Figures that count nothing the contract knows are no claims. Sentences written for these tests."""

from __future__ import annotations


def test_a_percentage_without_an_armed_side_is_no_share_of_territory(parse_claims):
    assert parse_claims("Her party won a poor 21% in the general election last year.").claims == []
    assert parse_claims("Rents pushed up the cost of living by nearly 40% over two years.").claims == []


def test_an_armed_side_holds_a_percentage(parse_claims):
    (claim,) = parse_claims("The rebels now control about 30 percent, a monitor said.").claims
    assert (claim.metric, claim.low) == ("share_held", 30)
    (claim,) = parse_claims("Government forces have retaken 70% in a week.").claims
    assert (claim.metric, claim.low) == ("territory_taken", 70)  # a share taken (re3d's gold), not one held


def test_animals_slaughtered_are_no_toll(parse_claims):
    assert parse_claims("Rangers said 40 cattle were slaughtered by raiders near the river.").claims == []
    claims = parse_claims("Raiders killed 12 herders and stole 300 goats.").claims
    assert [(c.metric, c.low) for c in claims] == [("killed", 12)]


def test_a_capacity_is_no_count_but_a_hedge_is(parse_claims):
    assert parse_claims("The new jail can hold only 130 detainees, an official said.").claims == []
    assert parse_claims("Officials said the depot could be used to hold up to 9,000 migrants.").claims == []
    (claim,) = parse_claims("Medics said at least 40 people could have been killed.").claims
    assert (claim.metric, claim.low) == ("killed", 40)


def test_passengers_on_a_flight_did_not_flee(parse_claims):
    assert parse_claims("On Monday, 31 passengers on a flight from Lagos fell ill on arrival.").claims == []


def test_the_size_of_a_thing_is_no_territory_held(parse_claims):
    assert parse_claims("Engineers built a jetty on two small islands covering 25 square kilometers.").claims == []
    assert parse_claims("The lake, which covers 300 square kilometres, lies east of the town.").claims == []
    (claim,) = parse_claims("The rebels hold an enclave covering 40 square kilometres.").claims
    assert (claim.metric, claim.low, claim.unit) == ("territory_held", 40, "km2")


def test_a_noun_of_abduction_counts_the_captured(parse_claims):
    (claim,) = parse_claims("The raid recalled the 2014 abduction of 110 students from a college.").claims
    assert (claim.metric, claim.low) == ("captured", 110)
    (claim,) = parse_claims("Monitors say over 20,000 people have been interned in camps in the north.").claims
    assert (claim.metric, claim.low) == ("captured", 20000)


def test_people_moved_out_of_a_prison_were_held(parse_claims):
    (claim,) = parse_claims("Officials moved the 25 remaining detainees out of the prison on Friday.").claims
    assert (claim.metric, claim.low) == ("captured", 25)
    (claim,) = parse_claims("About 300 civilians remain in the town.").claims
    assert (claim.metric, claim.low) == ("civilians_present", 300)


def test_a_word_describing_another_noun_says_nothing_of_the_counted(parse_claims):
    text = "One of the remaining fish sellers is a single father who says feeding his three children is hard."
    assert parse_claims(text).claims == []


def test_a_fraction_of_territory_is_a_share(parse_claims):
    (claim,) = parse_claims("The rebels control nearly one-third of the country's territory.").claims
    assert (claim.metric, claim.low, claim.high, claim.qualifier) == ("share_held", 33.3, 33.3, "approximately")
    (claim,) = parse_claims("Government forces hold more than two-thirds of the country.").claims
    assert (claim.metric, claim.low, claim.high, claim.qualifier) == ("share_held", 66.7, None, "at_least")
    assert parse_claims("About two-thirds of the residents backed the deal.").claims == []


def test_a_part_s_name_is_no_fraction(parse_claims):
    claims = parse_claims("Nearly 300 shopkeepers in the 3rd quarter of the city held a sit-in.").claims
    assert [c.metric for c in claims] == ["civilians_present"]
    claims = parse_claims("In the first half of the year, 40 people were killed.").claims
    assert [(c.metric, c.low) for c in claims] == [("killed", 40)]
