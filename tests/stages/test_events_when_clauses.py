"""Which clauses date a happening (events.when.clause_heads): the clause a participle anchor hangs on first, its
own, then the verb it is joined to. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.stages.parsed import word
from thucydides.events.when import clause_heads

pytestmark = pytest.mark.slow


def test_a_participle_anchor_is_dated_by_the_clause_it_hangs_on(nlp):
    doc = nlp("On 6 May, fishers protested outside the port, demanding justice for a trader killed on 2 May.")
    heads = [t.text for t in clause_heads(word(doc, "demanding"))]
    assert heads[0] == "protested" and "demanding" in heads


def test_a_joined_verb_is_dated_by_the_verb_it_is_joined_to_after_its_own(nlp):
    doc = nlp("Teachers staged a rally on 9 May and demanded higher pay.")
    assert [t.text for t in clause_heads(word(doc, "demanded"))] == ["demanded", "staged"]


def test_a_finite_anchor_reads_its_own_clause_only(nlp):
    doc = nlp("Teachers staged a rally on 9 May.")
    assert [t.text for t in clause_heads(word(doc, "staged"))] == ["staged"]
