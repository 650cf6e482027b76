"""`settle.likely_group` and its learner: a bare 'militants' in a report naming no armed group is the group
ACLED's coders most often name for that noun in the report's country; a named group always wins. Sentences and
notes written for these tests."""

from __future__ import annotations

import pytest

from thucydides import knowledge
from thucydides.actors.settle import likely_group
from thucydides.knowledge import KnowledgeError, unnamed
from thucydides.knowledge.actors import actor_base, name_key
from thucydides.knowledge.unnamed import likely_groups
from thucydides.learn.unnamed_actors import NounRow, held_out_gain, learn_groups, noun_rows
from thucydides.model import ActorMention


def _settled(start: int, text: str, country: str) -> ActorMention:
    """A bare armed noun as the settle stage leaves it: the country's unidentified armed group."""
    actor = actor_base().generic("armed_group", country)
    return ActorMention(start, start + len(text), text, actor.id, False, actor.kind, country, False)


def _group(start: int, text: str, name: str) -> ActorMention:
    actor = actor_base().lookup(name)
    assert actor is not None
    return ActorMention(start, start + len(text), text, actor.id, False, actor.kind, None, False)


def _name(m: ActorMention) -> str:
    actor = actor_base().get(m.actor)
    assert actor is not None
    return name_key(actor.name)


def test_bare_militants_in_a_somali_report_are_the_learned_group() -> None:
    # "Militants attacked a police station in Baidoa on Monday."
    out = likely_group([_settled(0, "Militants", "SO")], year=2024)
    assert _name(likely_group([_settled(0, "Militants", "SO")])[0]) == name_key("Unidentified Armed Group (Somalia)")
    assert _name(out[0]) == name_key(likely_groups()[("SO", "militants")].group) == name_key("Al Shabaab")
    assert not out[0].generic


def test_a_report_naming_a_group_keeps_its_reading() -> None:
    # "Islamic State fighters raided a village near Qandala; the militants burned two houses."
    named = _group(0, "Islamic State", "Islamic State Somalia Province")
    militants = _settled(60, "militants", "SO")
    assert likely_group([named, militants])[1] == militants


def test_a_country_without_a_dominant_group_keeps_the_unidentified_group() -> None:
    # "Militants attacked a checkpoint near Marib in Yemen."
    militants = _settled(0, "Militants", "YE")
    assert ("YE", "militants") not in likely_groups()
    assert likely_group([militants]) == [militants]


def test_nouns_saying_the_group_is_unknown_are_never_read_as_one() -> None:
    unknown = _settled(0, "unknown militants", "SO")
    assert likely_group([unknown]) == [unknown]


def test_a_report_dated_far_from_the_notes_years_keeps_the_unidentified_group() -> None:
    # "Militants attacked a police station in Baidoa on Monday." published long before ACLED's notes.
    likely = likely_groups()[("SO", "militants")]
    militants = _settled(0, "Militants", "SO")
    assert likely_group([militants], year=likely.first_year - 10) == [militants]
    assert _name(likely_group([militants], year=likely.last_year)[0]) == name_key("Al Shabaab")


def test_a_word_before_it_saying_unknown_or_an_unnamed_family_keeps_the_unidentified_group() -> None:
    text = "Unknown tribal militants shot a shopkeeper in Baidoa."
    militants = _settled(text.index("militants"), "militants", "SO")
    assert likely_group([militants], text, 2024) == [militants]
    armed = "Armed militants shot a shopkeeper in Baidoa."
    assert _name(likely_group([_settled(armed.index("militants"), "militants", "SO")], armed, 2024)[0]) == \
        name_key("Al Shabaab")


def test_the_learner_keeps_a_group_with_share_and_support_only() -> None:
    rows = [NounRow("SO", "militants", "Al Shabaab", False, 1, 0, 2024)] * 7 + \
        [NounRow("SO", "militants", "Al Shabaab", False, 1, 0, 2025)] + \
        [NounRow("SO", "militants", "Unidentified Armed Group (Somalia)", True, 0, 0)] * 2 + \
        [NounRow("YE", "militants", "Houthi Movement", False, 1, 0)] * 3 + \
        [NounRow("KE", "militants", "Al Shabaab", False, 2, 0)] * 9
    learned = {(g.country, g.noun): (g.group, g.support, g.share, g.first_year, g.last_year)
               for g in learn_groups(rows, 5, 0.7)}
    # YE: 3 rows; KE: each note names two groups
    assert learned == {("SO", "militants"): ("Al Shabaab", 10, 0.8, 2024, 2025)}
    assert learn_groups(rows, 5, 0.9) == []


def test_held_out_gain_counts_the_unnamed_notes_it_changes() -> None:
    train = [NounRow("SO", "militants", "Al Shabaab", False, 1, f) for f in (0, 1) for _ in range(6)]
    unnamed = [NounRow("SO", "militants", "Al Shabaab", False, 0, 0),
               NounRow("SO", "militants", "Unidentified Armed Group (Somalia)", True, 0, 1),
               NounRow("SO", "militants", None, False, 0, 1)]
    assert held_out_gain(train + unnamed, 2, 5, 0.5) == (0, 3)  # +1 (fold 0), -1 and 0 (fold 1)


def test_noun_rows_read_the_bare_noun_the_coded_group_and_the_named_ones() -> None:
    rows = [
        {"event_id_cnty": "X1", "country": "Somalia", "actor1": "Al Shabaab", "actor2": "Civilians (Somalia)",
         "notes": "Militants shot dead two traders at a market in Baidoa."},
        {"event_id_cnty": "X2", "country": "Somalia", "actor1": "Unidentified Armed Group (Somalia)", "actor2": "",
         "notes": "Unknown militants threw a grenade at a shop in Baidoa."},
        {"event_id_cnty": "X3", "country": "Somalia", "actor1": "Al Shabaab", "actor2": "",
         "notes": "Al Shabaab militants raided a village near Jowhar."},
    ]
    out = noun_rows(rows, actor_base())
    assert [(r.noun, r.coded, r.named) for r in out] == [("militants", "Al Shabaab", 0),
                                                         ("militants", "Al Shabaab", 1)]


def test_a_learned_table_with_other_columns_fails_naming_the_file(tmp_path, monkeypatch):
    table = tmp_path / "likely_groups.csv"
    table.write_text("country,noun,group\nZZ,raiders,Invented Band\n", encoding="utf-8")
    monkeypatch.setattr(knowledge, "data_path", lambda name: table)  # where the learned tables' reader finds it
    unnamed.likely_groups.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match="likely_groups.csv: expected columns"):
            unnamed.likely_groups()
    finally:
        unnamed.likely_groups.cache_clear()
