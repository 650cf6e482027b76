"""Whether a clause tells a happening, by what its verb takes: a generic modifier ('planned', 'similar') marks the
happening noun told as the clause's subject or object as not one realised happening, but not what a verb of asking
asks for ('demanding regular wages'), nor does a participle of asking hung on a noun ('demanding arrears'); a
blocking verb whose objects include a way obstructs it, however the parser hangs a parenthesis beside the way.
The people a verb of harm undergoes, however many, make one happening."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.stages.parsed import word
from thucydides.ling.clauses import is_aggregate, is_realis, own_mood

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("sentence, verb, realis", [
    ("Bus drivers struck demanding arrears of wages.", "struck", True),
    ("The militants have carried out similar attacks near the border.", "carried", False),
    ("Nurses staged a sit-in outside the hospital demanding regular wages.", "demanding", True),
    ("Lorry drivers blocked (tactic unclear) the coastal highway near the port.", "blocked", True),
    ("A planned march was called off.", "called", False),
    ("Similar attacks took place in the north.", "took", False),
    ("The senate blocked the agreement.", "blocked", False),
])
def test_own_mood_by_subject_and_objects(nlp: Language, sentence: str, verb: str, realis: bool) -> None:
    assert own_mood(word(nlp(sentence), verb)).realis is realis


def test_a_purpose_asking_for_something_regular_leaves_its_gathering_a_happening(nlp: Language) -> None:
    doc = nlp("Teachers gathered outside the ministry to demand the regular payment of their wages.")
    assert own_mood(word(doc, "demand")).realis
    assert not is_realis(word(doc, "demand"))
    assert is_realis(word(doc, "gathered"))


@pytest.mark.parametrize("sentence, verb, aggregate", [
    ("Gunmen killed several villagers near the market on Monday.", "killed", False),
    ("Militants abducted several aid workers near the village.", "abducted", False),
    ("Rebels carried out several attacks on the town.", "carried", True),
])
def test_people_harmed_are_counted_not_the_happenings(nlp: Language, sentence: str, verb: str, aggregate: bool) -> None:
    assert is_aggregate(word(nlp(sentence), verb)) is aggregate
