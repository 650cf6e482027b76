"""Outlet homes over a store: learned from its processed reports' places, kept in the store, applied by processing
the reports of the outlets whose home changed once more.

Data flows one way: this module reads the store (its place mentions, through `Queries.place_mentions`) and hands
`geo/outlets.py` plain reports to learn from; the places stage only ever reads the `OutletHomes` the runner
gives it (`homes_in_force`). The homes live in the store itself (its `meta` table, key `outlet_homes`, as JSON),
so they travel with it, whatever holds it (a SQLite file, PostgreSQL), and every later run over the store reads
them. Keeping the new homes and marking the reports to process again is one transaction: a run killed after it
resumes with `thucydides process`, and nothing stored is lost (the reports keep their results until processed
again). Learning again over reports processed with their outlet's home counts the mentions the home placed for
it (`voting_regions`), so a second run over the same reports learns the same homes and changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from thucydides.geo.gazetteer import Gazetteer, open_gazetteer
from thucydides.geo.outlets import (
    NamedPlace,
    OutletHome,
    OutletHomes,
    OutletSettings,
    ReportPlaces,
    homes_from_mapping,
    homes_mapping,
    learn_homes,
    outlet_key,
    outlet_settings,
    user_homes,
    voting_regions,
)
from thucydides.knowledge import KnowledgeError
from thucydides.store.db import Store
from thucydides.store.queries import Queries

KEY = "outlet_homes"
"""The store's `meta` key the learned homes are kept under."""


@dataclass(frozen=True, slots=True)
class Learned:
    """What one learning over a store did."""

    homes: OutletHomes
    changed: tuple[str, ...]
    """Outlets whose home (region or country) is new, moved, or gone since the homes kept before."""
    requeued: int
    """Their processed reports, marked to be processed again."""


def stored_reports(store: Store, gaz: Gazetteer, settings: OutletSettings | None = None,
                   in_force: OutletHomes | None = None) -> list[ReportPlaces]:
    """The store's processed reports that have an address or a stored outlet name, and place mentions, with the
    regions that vote; `in_force`: the homes they were processed with (None: the store's kept ones, a user's file
    overriding)."""
    ratio = (settings or outlet_settings()).unambiguous_ratio
    homes = homes_in_store(store) if in_force is None else in_force
    rows = Queries(store).place_mentions()
    out = []
    for (_, url, outlet), group in groupby(rows, key=lambda r: (r.doc, r.url, r.outlet)):
        votes = voting_regions((NamedPlace(r.text, r.country, r.admin1, r.kind) for r in group), gaz, ratio,
                               homes.home_of(url, outlet))
        out.append(ReportPlaces(url, votes.places, outlet, votes.namesakes))
    return out


def homes_in_store(store: Store) -> OutletHomes:
    """The homes a run over this store processes with: the kept ones, a user's file overriding them."""
    kept, user = kept_homes(store), user_homes()
    return OutletHomes({**kept.homes, **user.homes}) if user else kept


def kept_homes(store: Store) -> OutletHomes:
    """The homes last learned over this store (none before the first learning)."""
    raw = Queries(store).meta(KEY)
    if not raw:
        return OutletHomes()
    where = f"{store.name} ({KEY})"
    try:
        value = json.loads(raw)
    except ValueError as exc:
        raise KnowledgeError(f"{where}: the kept outlet homes are not readable JSON ({exc}); "
                             "`thucydides outlets learn` writes them again") from exc
    return homes_from_mapping(value, where)


def changed_outlets(before: OutletHomes, after: OutletHomes, overridden: OutletHomes) -> tuple[str, ...]:
    """Outlets whose home's place differs (counts aside), leaving out those the user's file decides."""
    def where(home: OutletHome | None) -> tuple[str, str | None] | None:
        return (home.country, home.admin1) if home else None

    outlets = (set(before.homes) | set(after.homes)) - set(overridden.homes)
    return tuple(sorted(o for o in outlets if where(before.homes.get(o)) != where(after.homes.get(o))))


def learn_store_homes(store: Store, gaz: Gazetteer | None = None,
                      settings: OutletSettings | None = None) -> Learned:
    """Learn the homes from the store's reports, keep them there, and mark for processing again the reports of
    the outlets whose home changed."""
    homes = learn_homes(stored_reports(store, gaz or open_gazetteer(), settings), settings)
    changed = changed_outlets(kept_homes(store), homes, user_homes())
    again = _reports_of(store, changed)
    requeued = store.keep_meta(KEY, json.dumps(homes_mapping(homes), sort_keys=True), again)
    return Learned(homes, changed, requeued)


def _reports_of(store: Store, outlets: Sequence[str]) -> list[str]:
    if not outlets:
        return []
    wanted = set(outlets)
    return [doc for doc, url, outlet in Queries(store).processed_outlets() if outlet_key(url, outlet) in wanted]
