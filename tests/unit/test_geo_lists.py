"""One kind per list, on mentions we build: a name listed among states is the state, not its town namesake."""

from __future__ import annotations

from thucydides.geo.gazetteer import Candidate
from thucydides.geo.lists import runs, same_kind_in_lists
from thucydides.geo.recognize import Found
from thucydides.geo.resolve import Mention, Resolution
from thucydides.model import Place


def _cand(pid: str, name: str, kind: str, country: str = "US") -> Candidate:
    return Candidate(Place(pid, name, 40.0, -80.0, kind, country), name, 2, "test")


OHIO = _cand("s-oh", "Ohio", "admin1")
UTAH = _cand("s-ut", "Utah", "admin1")
KENT_TOWN = _cand("t-kent", "Kent", "populated_place")
KENT_STATE = _cand("s-kent", "Kent", "admin1")
KENT_ABROAD = _cand("s-kent-gb", "Kent", "admin1", "GB")


def _case(names: list[str], options: list[list[Candidate]], chosen: list[Candidate | None],
          listed: list[bool]) -> tuple[list[Mention], list[Resolution]]:
    found = [Found(i * 10, i * 10 + len(n), n, n, listed=flag)
             for i, (n, flag) in enumerate(zip(names, listed, strict=True))]
    mentions = [Mention(f, n.lower(), opts, True, True, False)
                for f, n, opts in zip(found, names, options, strict=True)]
    return mentions, [Resolution(f, c, 0.7, 1) for f, c in zip(found, chosen, strict=True)]


def test_runs_follow_the_listed_flags() -> None:
    mentions, _ = _case(["A", "B", "C", "D"], [[]] * 4, [None] * 4, [False, True, False, True])
    assert runs(mentions) == [[0, 1], [2, 3]]


def test_a_town_listed_among_states_becomes_the_state_of_their_country() -> None:
    mentions, res = _case(["Ohio", "Kent", "Utah"], [[OHIO], [KENT_TOWN, KENT_ABROAD, KENT_STATE], [UTAH]],
                          [OHIO, KENT_TOWN, UTAH], [False, True, True])
    out = same_kind_in_lists(mentions, res, quorum=2)
    assert out[1].candidate is KENT_STATE and out[1].geo_precision == 3 and out[0] is res[0]


def test_one_state_in_the_list_is_not_enough() -> None:
    mentions, res = _case(["Ohio", "Kent"], [[OHIO], [KENT_TOWN, KENT_STATE]], [OHIO, KENT_TOWN], [False, True])
    assert same_kind_in_lists(mentions, res, quorum=2)[1].candidate is KENT_TOWN


def test_names_outside_the_list_keep_their_place() -> None:
    mentions, res = _case(["Ohio", "Utah", "Kent"], [[OHIO], [UTAH], [KENT_TOWN, KENT_STATE]],
                          [OHIO, UTAH, KENT_TOWN], [False, True, False])
    assert same_kind_in_lists(mentions, res, quorum=2)[2].candidate is KENT_TOWN
