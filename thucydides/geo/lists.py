"""One kind per list: "Missouri, New York, North Carolina and Virginia" names four states, so "New York" there is
the state, not the city; "Tennessee, Utah, Washington and Wisconsin" puts Washington among the states too.

A list is a run of names each joined to the one before by a comma or "and" (`Found.listed`). When at least
`places.list_kind_quorum` of its other names were resolved to states of one country (or to countries), a name of
the list resolved to another kind takes its candidate of that kind (in that country), when it has one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from thucydides.geo.gazetteer import Candidate
from thucydides.geo.resolve import Mention, Resolution, precision_of

LIST_KINDS = frozenset({"admin1", "country"})


def runs(mentions: Sequence[Mention]) -> list[list[int]]:
    """The indices of each list of two names or more, in text order."""
    out: list[list[int]] = []
    for i, m in enumerate(mentions):
        if m.found.listed and out and out[-1][-1] == i - 1:
            out[-1].append(i)
        else:
            out.append([i])
    return [r for r in out if len(r) > 1]


def _kind_of(res: Resolution) -> tuple[str, str | None] | None:
    """(kind, country) of a name resolved to a state or a country; None otherwise."""
    if res.candidate is None or res.candidate.place.kind not in LIST_KINDS:
        return None
    place = res.candidate.place
    return place.kind, place.country if place.kind == "admin1" else None


def _of_kind(options: Sequence[Candidate], kind: tuple[str, str | None]) -> Candidate | None:
    return next((c for c in options if c.place.kind == kind[0] and (kind[1] is None or c.place.country == kind[1])),
                None)


def same_kind_in_lists(mentions: Sequence[Mention], resolutions: list[Resolution], quorum: int) -> list[Resolution]:
    """Each resolved name of a list whose other names agree on a kind (at least `quorum` of them) takes that kind."""
    out = list(resolutions)
    for run in runs(mentions):
        kinds = [_kind_of(resolutions[i]) for i in run]
        for pos, i in enumerate(run):
            others = Counter(k for j, k in enumerate(kinds) if j != pos and k is not None)
            res = resolutions[i]
            if not others or res.candidate is None or kinds[pos] is not None:
                continue
            kind, votes = others.most_common(1)[0]
            better = _of_kind(mentions[i].options, kind) if votes >= quorum else None
            if better is not None:
                out[i] = Resolution(res.found, better, res.confidence, precision_of(res.found, better))
    return out
