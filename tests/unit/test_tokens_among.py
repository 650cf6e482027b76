"""actors.phrases.tokens_among: the tokens of a parse whose lower-case form is in a word set, found from the
parse's array of string ids; the same tokens, in the same order, as a pass over every token."""

from __future__ import annotations

import pytest
import spacy

from thucydides.actors.phrases import tokens_among

TEXT = ("Troops and the MINISTER met the troops; a Minister's aide, troopship crews and 2 ministers "
        "watched the troops leave.")


@pytest.fixture(scope="module")
def doc():  # type: ignore[no-untyped-def]
    return spacy.blank("en")(TEXT)


@pytest.mark.parametrize("words", [
    frozenset({"troops", "minister"}),
    frozenset({"ministers", "aide", "2", "zzz-not-a-word"}),
    frozenset({"nothing", "here"}),
    frozenset(),
    frozenset({"the"}),
])
def test_finds_what_a_pass_over_every_token_finds(doc, words: frozenset[str]) -> None:  # type: ignore[no-untyped-def]
    found = [t.i for t in tokens_among(doc, words)]
    assert found == [t.i for t in doc if t.lower_ in words]


def test_a_word_unknown_to_the_string_store_matches_nothing(doc) -> None:  # type: ignore[no-untyped-def]
    assert list(tokens_among(doc, frozenset({"neverseenbeforeword"}))) == []
