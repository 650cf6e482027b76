"""The actor 1 of a happening told in several sentences: the first doer a sentence tells, not a guess read from
around another sentence (`events.build`)."""

from __future__ import annotations

from thucydides.events.build import Sighting, to_actor1


def sighting(actor1: str | None, step: str, guessed: bool = False) -> Sighting:
    s = Sighting(None, "Strategic developments", "Arrests", actor1=actor1)  # type: ignore[arg-type]
    s.why["actor1"] = step
    s.actor1_guessed = guessed
    return s


def test_a_guess_from_around_a_later_sentence_does_not_outrank_the_leads_reading() -> None:
    members = [sighting("police-forces-of-zimbabwe", "default"), sighting("high-court", "previous", guessed=True)]
    assert to_actor1(members) == "police-forces-of-zimbabwe"


def test_a_doer_a_later_sentence_tells_outranks_the_leads_default() -> None:
    members = [sighting("unidentified-armed-group", "default"), sighting("al-shabaab", "claimed")]
    assert to_actor1(members) == "al-shabaab"


def test_the_lead_keeps_its_own_guess_when_no_sentence_tells_a_doer() -> None:
    members = [sighting("ISIS", "preceding", guessed=True), sighting("SDF", "previous", guessed=True)]
    assert to_actor1(members) == "ISIS"
