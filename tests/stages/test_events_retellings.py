"""A re-told happening is not a new event: within one report, a speaker's or witness's account of a happening
already told (quoted, under a verb of telling) joins it as another account; a happening told flat, or at a
far place, stays apart. A keyword test double stands in for the learned coder, on reports we wrote."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

KEYWORDS = (
    ("stormed", "Battles", "Armed clash"),
    ("bombed", "Explosions/Remote violence", "Air/drone strike"),
    ("marched", "Protests", "Peaceful protest"),
)

Run = Callable[..., list[Event]]

SIEGE = ("Al-Shabaab fighters stormed a hotel in Kismayo on Tuesday, killing four guests. "
         "Shops in the port stayed shut. ")
ACCOUNT = '"Somali soldiers stormed the hotel at dawn and shot the attackers," the town\'s police chief said. '
TOLD = "The police chief said Somali soldiers stormed the hotel at dawn and shot the attackers. "


@pytest.fixture(scope="module")
def events_of() -> Run:
    read = keyword_events(KeywordCoder(KEYWORDS, 0.95), date(2025, 6, 12), "r.txt")
    return lambda text, **changes: read(text, **changes)[1]


def test_a_quoted_account_naming_another_doer_joins_the_happening(events_of: Run) -> None:
    """The police chief's words tell the siege again with the soldiers as doers: one event, two accounts."""
    events = events_of(SIEGE + ACCOUNT)
    assert len(events) == 1
    assert len(events[0].evidence) == 2


def test_an_account_under_a_verb_of_telling_naming_the_same_target_joins(events_of: Run) -> None:
    """Told, not quoted: another doer, but the same hotel."""
    assert len(events_of(SIEGE + TOLD)) == 1


def test_the_account_is_evidence_not_the_doer(events_of: Run) -> None:
    """The event keeps the doer told flat; the account only adds evidence."""
    alone = events_of(SIEGE)
    both = events_of(SIEGE + ACCOUNT)
    assert both[0].actor1 == alone[0].actor1


def test_without_the_gate_the_account_is_a_second_event(events_of: Run) -> None:
    assert len(events_of(SIEGE + ACCOUNT, merge_retellings=False)) == 2
    assert len(events_of(SIEGE + TOLD, merge_retellings=False)) == 2


def test_an_account_of_a_far_happening_stays_apart(events_of: Run) -> None:
    """The same kind of happening told by a speaker, in a town hundreds of kilometres away, is another one."""
    far = '"Somali soldiers stormed a camp near Garowe and shot the attackers," the army\'s spokesman said. '
    assert len(events_of(SIEGE + far)) == 2


def test_an_account_of_another_type_stays_apart_by_default(events_of: Run) -> None:
    """A witness telling an air strike on the hotel's town that day tells another happening (no type family is
    shipped)."""
    other = '"Jets bombed the market in Kismayo an hour later," a trader said. '
    assert len(events_of(SIEGE + other)) == 2


def test_a_family_of_types_lets_an_account_typed_otherwise_join(events_of: Run) -> None:
    """With clashes and air strikes one family, the trader's account joins the siege."""
    other = '"Jets bombed the hotel in Kismayo," a trader said. '
    family = [["Battles", "Explosions/Remote violence"]]
    assert len(events_of(SIEGE + other, merge_retell_families=family)) == 1
