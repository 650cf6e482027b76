"""The actor 1 of a happening told in several sentences: the first doer a sentence tells, not a guess read from
around another sentence (`events.build`)."""

from __future__ import annotations

from thucydides.events.build import Merging, Sighting, actors_agree, to_actor1


def sighting(actor1: str | None, step: str, guessed: bool = False) -> Sighting:
    s = Sighting(None, event_type="Strategic developments", sub_event_type="Arrests",  # type: ignore[arg-type]
                 actor1=actor1)
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


def test_a_guessed_doer_keeps_no_retelling_apart_unless_guesses_count() -> None:
    """'Four people were killed', its doer guessed from the sentence before, may retell the happening whose doer
    another sentence told; a doer each sentence tells keeps them apart either way."""
    told = [sighting("al-shabaab", "claimed")]
    guessed = sighting("military-forces-of-somalia", "preceding", guessed=True)
    assert actors_agree(told, guessed, Merging(guessed_actors=False))
    assert not actors_agree(told, guessed, Merging(guessed_actors=True))
    assert not actors_agree(told, sighting("military-forces-of-somalia", "doers"), Merging(guessed_actors=False))


def test_with_actor_sides_the_other_side_of_the_happening_agrees() -> None:
    """'Forces killed the attackers' and 'the attackers stormed the hotel': the second's doer is the first's
    actor 2."""
    first = sighting("military-forces-of-somalia", "doers")
    first.actor2 = "al-shabaab"
    attackers = sighting("al-shabaab", "doers")
    assert actors_agree([first], attackers, Merging(actor_sides=True))
    assert not actors_agree([first], attackers, Merging(actor_sides=False))
