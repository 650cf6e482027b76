"""The linguistic layer on sentences we wrote: segmentation, clauses and mood, arguments, anaphora."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from spacy.tokens import Doc, Token

from thucydides.ling.anaphora import antecedent
from thucydides.ling.arguments import arguments
from thucydides.ling.clauses import clause_head, in_clause, is_realis, mood, own_mood, tense
from thucydides.ling.segments import segment

pytestmark = pytest.mark.slow


def word(doc: Doc, text: str, nth: int = 0) -> Token:
    hits = [t for t in doc if t.text == text]
    return hits[nth]


def names(tokens: tuple[Token, ...]) -> set[str]:
    return {t.text for t in tokens}


def test_headline_dateline_and_blank_line_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Fighting spreads in the north\n\n"
            "GOMA, March 3 (Wire) - Rebels attacked two villages on Monday. Residents fled.\n\n"
            "Aid groups said food was short")
    doc = nlp(text)
    seg = segment(doc, text)
    assert seg.headline == (0, len("Fighting spreads in the north"))
    assert len(seg.datelines) == 1
    lo, hi = seg.datelines[0]
    assert text[lo:hi] == "GOMA, March 3 (Wire)"
    assert [text[s.start:s.end] for s in seg.sentences][0] == "Fighting spreads in the north"
    assert [s.paragraph for s in seg.sentences] == [0, 1, 1, 2]
    assert seg.in_headline(3) and not seg.in_headline(40)


def test_given_title_is_the_headline(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Curfew imposed after riots. The city was calm on Friday.\n\nShops reopened."
    seg = segment(nlp(text), text, title="Curfew imposed after riots.")
    assert seg.headline == (0, len("Curfew imposed after riots."))


def test_no_dateline_in_plain_prose(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The militia - a local force - withdrew from the town on Sunday."
    assert segment(nlp(text), text).datelines == ()


@pytest.mark.parametrize("sentence, verb, realis", [
    ("Rebels attacked the town on Monday.", "attacked", True),
    ("Rebels did not attack the town.", "attack", False),
    ("Rebels never attacked the town.", "attacked", False),
    ("Rebels could attack the town.", "attack", False),
    ("Rebels will attack the town.", "attack", False),
    ("Rebels plan to attack the town.", "attack", False),
    ("Rebels managed to capture the town.", "capture", True),
    ("If rebels attack the town, the army will respond.", "attack", False),
    ("The army said rebels would attack the town.", "attack", False),
    ("The army said rebels attacked the town.", "attacked", True),
    ("Soldiers threatened to burn the market.", "burn", False),
    ("Soldiers surrounded the town and shelled it.", "shelled", True),
    ("Farmers blocked the main highway with their tractors.", "blocked", True),
    ("Traders blocked two streets near the market to protest the tax.", "blocked", True),
    ("The senate blocked the agreement.", "blocked", False),
    ("Police blocked the march.", "blocked", False),
    ("Residents blocked a section of the coastal road for an hour.", "blocked", True),
    ("Workers blocked the railroad near the mine.", "blocked", True),
    ("Drivers blocked the R24 near Kericho for three hours.", "blocked", True),
    ("The army prevented al-Shabaab from entering Baidoa.", "prevented", True),
    ("The army prevented al-Shabaab from entering Baidoa.", "entering", False),
    ("The governor cancelled the rally in Nakuru.", "cancelled", False),
])
def test_mood(nlp, sentence: str, verb: str, realis: bool) -> None:  # type: ignore[no-untyped-def]
    assert is_realis(word(nlp(sentence), verb)) is realis


def test_obstructed_objects_are_switchable(nlp,  # type: ignore[no-untyped-def]
                                           settings_from: Callable[[str], None]) -> None:
    """With only passages obstructed (clause_mood), a named road and whom a verb keeps from doing something
    are stopped happenings again."""
    settings_from("clause_mood:\n  obstructed: [passage]\n")
    named = is_realis(word(nlp("Drivers blocked the R24 near Kericho for three hours."), "blocked"))
    kept = is_realis(word(nlp("The army prevented al-Shabaab from entering Baidoa."), "prevented"))
    road = is_realis(word(nlp("Workers blocked the railroad near the mine."), "blocked"))
    assert (named, kept, road) == (False, False, True)


@pytest.mark.parametrize("sentence, realis", [
    ("Traders stood on the main road at Kapsabet junction (Nandi) to block it.", True),
    ("Organisers announced a march in Eldoret but the police blocked it.", False),
])
def test_a_pronoun_standing_for_a_passage_is_obstructed(nlp, sentence: str,  # type: ignore[no-untyped-def]
                                                       realis: bool) -> None:
    """'to block it' after a road blocks the road (its own words tell it happening; the purpose is its clause's
    governor's); after a march, it stops the march."""
    verb = "block" if "to block" in sentence else "blocked"
    assert own_mood(word(nlp(sentence), verb)).realis is realis


@pytest.mark.parametrize("bracket_asides", [True, False])
def test_a_negated_aside_in_brackets_does_not_negate_its_clause(  # type: ignore[no-untyped-def]
        nlp, settings_from: Callable[[str], None], bracket_asides: bool) -> None:
    """'[size=no report]' hung on the clause as its object says nothing of whether the beating happened
    (clause_mood.bracket_asides); a negation outside the brackets still negates."""
    settings_from(f"clause_mood:\n  bracket_asides: {str(bracket_asides).lower()}\n")
    aside = "A crowd of traders beat a suspected thief in Kumasi and killed him [size=no report]"
    beat = is_realis(word(nlp(aside), "beat"))
    no_one = is_realis(word(nlp("The army attacked no one in Gao [a town of the north]."), "attacked"))
    assert (beat, no_one) == (bracket_asides, False)


@pytest.mark.parametrize("conj_cues", [True, False])
def test_a_coordinated_clause_inherits_cues_only_by_choice(  # type: ignore[no-untyped-def]
        nlp, settings_from: Callable[[str], None], conj_cues: bool) -> None:
    """'stopped a minibus and detained 40' tells a detention unless the clause joined to it passes its cue down
    (clause_mood.conj_cues); a cue governing both ('sought to enter and loot') passes down either way."""
    settings_from(f"clause_mood:\n  conj_cues: {str(conj_cues).lower()}\n")
    detained = is_realis(word(nlp("Police stopped a minibus near Van and detained 40 migrants."), "detained"))
    arrested = is_realis(word(nlp("Protesters refused to leave the square and were arrested."), "arrested"))
    loot = is_realis(word(nlp("The militants sought to enter the town and loot the market."), "loot"))
    assert (detained, arrested, loot) == (not conj_cues, not conj_cues, False)


@pytest.mark.parametrize("happening_objects", [True, False])
def test_a_generic_object_names_the_happening_only_as_a_happening_noun(  # type: ignore[no-untyped-def]
        nlp, settings_from: Callable[[str], None], happening_objects: bool) -> None:
    """'similar attacks' carried out are no one happening; a planned closure protested, potential recruits arrested
    do not make the protest or the arrest unreal (clause_mood.happening_objects; false: any object, as before)."""
    settings_from(f"clause_mood:\n  happening_objects: {str(happening_objects).lower()}\n")
    protest = word(nlp("Teachers gathered outside the ministry to protest the planned closure of the school."),
                   "protest")
    arrested = is_realis(word(nlp("Police arrested potential recruits of the group in Garissa."), "arrested"))
    similar = is_realis(word(nlp("Rebels carried out similar attacks in Kidal."), "carried"))
    purpose = own_mood(protest).realis
    assert (purpose, arrested, similar) == (happening_objects, happening_objects, False)


def test_generic_happening_noun_is_not_realis(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Organisers called off a planned protest.")
    assert mood(word(doc, "protest")).generic


def test_tense(nlp) -> None:  # type: ignore[no-untyped-def]
    assert tense(word(nlp("Rebels attacked the town."), "attacked")) == "past"
    assert tense(word(nlp("Rebels have attacked the town."), "attacked")) == "past"
    assert tense(word(nlp("Rebels will attack the town."), "attack")) == "future"
    assert tense(word(nlp("Rebels hold the town."), "hold")) == "present"


def test_relative_clause_is_its_own_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Troops entered Kadugli, which rebels had captured in May.")
    entered, captured = word(doc, "entered"), word(doc, "captured")
    assert clause_head(word(doc, "May")).i == captured.i
    assert not in_clause(word(doc, "May"), entered)
    assert in_clause(word(doc, "Kadugli"), entered)


@pytest.mark.parametrize("sentence, head, doers, undergoers", [
    ("Gunmen killed five villagers.", "killed", {"Gunmen"}, {"villagers"}),
    ("Five villagers were killed by gunmen.", "killed", {"gunmen"}, {"villagers"}),
    ("The army and the police stormed the camp.", "stormed", {"army", "police"}, {"camp"}),
    ("Soldiers entered the village and arrested ten men.", "arrested", {"Soldiers"}, {"men"}),
    ("Militants managed to seize the base.", "seize", {"Militants"}, {"base"}),
    ("The militia that attacked the convoy withdrew.", "attacked", {"militia"}, {"convoy"}),
    ("Drones struck a market in the town.", "struck", {"Drones"}, {"market"}),
])
def test_verb_arguments(nlp, sentence: str, head: str, doers: set[str],  # type: ignore[no-untyped-def]
                        undergoers: set[str]) -> None:
    args = arguments(word(nlp(sentence), head))
    assert names(args.doers) == doers
    assert names(args.undergoers) >= undergoers


def test_noun_arguments(nlp) -> None:  # type: ignore[no-untyped-def]
    args = arguments(word(nlp("An attack by militants on a police post left two dead."), "attack"))
    assert names(args.doers) == {"militants"}
    assert names(args.undergoers) == {"post"}


def test_name_like_modifier_is_a_doer(nlp) -> None:  # type: ignore[no-untyped-def]
    args = arguments(word(nlp("The ministry said Israeli strikes hit the camp."), "strikes"))
    assert names(args.doers) == {"Israeli"}


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    name: str


def test_pronoun_points_back_within_reach(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Rapid Support Forces entered the town. They looted the market."
    doc = nlp(text)
    seg = segment(doc, text)
    rsf = _Mention(text.index("Rapid"), text.index(" entered"), "RSF")
    assert antecedent(word(doc, "They"), [rsf], seg, reach=2) == rsf
    assert antecedent(word(doc, "They"), [rsf], seg, reach=0) is None


@pytest.mark.parametrize("sentence, verb, aggregate", [
    ("Rebels carried out several attacks on the town.", "carried", True),
    ("Rebels launched a wave of attacks.", "launched", True),
    ("Rebels have attacked the town repeatedly since May.", "attacked", True),
    ("Rebels attacked the town on Monday.", "attacked", False),
    ("Dozens of rebels attacked the town.", "attacked", False),
    ("The general said his men had killed and wounded 800 rebels in the past week.", "killed", True),
    ("Over the last three months the police detained 120 students in the capital.", "detained", True),
    ("Police detained 12 students in the capital last week.", "detained", False),
    ("In the past 24 hours an air strike hit the depot near the port.", "hit", False),
    ("Rebels shelled the port on Friday, the worst shelling in the past year.", "shelled", False),
])
def test_aggregate(nlp, sentence: str, verb: str, aggregate: bool) -> None:  # type: ignore[no-untyped-def]
    from thucydides.ling.clauses import is_aggregate

    assert is_aggregate(word(nlp(sentence), verb)) is aggregate


def test_a_finite_verb_parsed_as_a_modifier_still_heads_its_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    from thucydides.ling.clauses import heads_clause

    doc = nlp("The SDF captured Hajin.")
    verb = word(doc, "captured")
    assert heads_clause(verb)
    args = arguments(verb)
    assert names(args.doers) == {"SDF"} and names(args.undergoers) >= {"Hajin"}


@pytest.mark.parametrize("sentence, unrealised", [
    ("Farmers left the valley, citing the threat of raids by herders.", {"raids"}),
    ("Villagers spoke of their fear of reprisals after the vote.", {"reprisals"}),
    ("The council rejected the truce offered by the rebels.", {"truce"}),
    ("There were no clashes in the capital on Sunday.", {"clashes"}),
    ("Rebels attacked the town and burned the market on Monday.", set()),
    ("Drivers blocked the bridge into the city for six hours.", set()),
])
def test_unrealised_happening_nouns(nlp, sentence: str, unrealised: set[str]) -> None:  # type: ignore[no-untyped-def]
    from thucydides.ling.clauses import unrealised_nouns

    assert {t.text for t in unrealised_nouns(nlp(sentence)[:])} == unrealised


def test_text_without_leaves_out_a_noun_phrase_but_not_the_clauses_in_it(nlp) -> None:  # type: ignore[no-untyped-def]
    from thucydides.ling.clauses import text_without

    span = nlp("Nobody was hurt in the market of Gao, where a fire broke out on Monday.")[:]
    rest = text_without(span, [word(span.doc, "market")])
    assert "fire broke out" in rest and "market" not in rest and "Gao" not in rest


@pytest.mark.parametrize("sentence, verb, accident", [
    ("A cargo helicopter crashed in the hills north of the town on Monday.", "crashed", True),
    ("The ferry capsized near the island after the storm.", "capsized", True),
    ("A driver crashed into the crowd of marchers.", "crashed", False),
    ("Rebels derailed the train with explosives.", "derailed", False),
])
def test_accident(nlp, sentence: str, verb: str, accident: bool) -> None:  # type: ignore[no-untyped-def]
    from thucydides.ling.clauses import is_accident

    assert is_accident(word(nlp(sentence), verb)) is accident
