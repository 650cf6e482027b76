"""The events stage's view of the actor base (`knowledge.actors`): ACLED inter codes in an event's country,
and ACLED's generic actors ('Protesters (Kenya)') for the event types whose text names none."""

from __future__ import annotations

from thucydides.actors.settle import settle
from thucydides.knowledge.actors import ActorBase as Base
from thucydides.knowledge.actors import actor_base
from thucydides.model import ActorMention

CIVILIANS = 7
"""ACLED's inter code of civilians."""
CIVILIANS_KIND = "civilians"
"""The kind of ACLED's own civilians records (a country's, the International one), as against social groups."""


class ActorBase:
    def __init__(self, base: Base | None = None) -> None:
        self.base = base or actor_base()

    def inter(self, actor_id: str | None, country: str | None = None) -> int | None:
        """ACLED's inter code of the actor in an event in `country` (a state's forces abroad are 8)."""
        actor = self.base.get(actor_id)
        return self.base.inter_in(actor, country) if actor else None

    def kind(self, actor_id: str | None) -> str | None:
        return self.base.kind(actor_id)

    def generic_key(self, actor_id: str | None) -> str | None:
        """The generic kind ('armed_group', 'protesters') an actor or its family is, if any."""
        return self.base.generic_key(actor_id)

    def generic(self, key: str, country: str | None) -> str | None:
        """ACLED's generic actor of a kind ('protesters', 'armed_group', 'civilians') for `country`; its family
        ('Protesters') when no country is known."""
        return self.base.generic(key, country).id

    def member_named(self, family: str, country: str | None) -> str | None:
        """The member for `country` of the family ACLED names so ('Unidentified Gang' + HT: Unidentified Gang
        (Haiti)); None where the base knows no such family."""
        record = self.base.lookup(family)
        member = self.base.member(record.id, country) if record else None
        return member.id if member else None

    def coded_member(self, family: str, country: str | None) -> str | None:
        """The member for `country` of the family ACLED names so, only where ACLED's coders have used it there
        ('Unidentified Gang' + HN: Unidentified Gang (Honduras); + KE: None)."""
        record = self.base.lookup(family)
        home = self.base.countries.get(country)
        known = self.base.members.get((record.id, home.code)) if record and home else None
        return known if known and self.base.get(known) else None

    def civilian_group(self, actor_id: str | None) -> bool:
        """A group of civilians ACLED names apart ('Farmers (Syria)', 'Journalists (Iraq)'): coded as the country's
        civilians with the group as associated actor; ACLED's own civilians records (Civilians (International)) are
        none."""
        actor = self.base.get(actor_id)
        if actor is None or actor.kind == CIVILIANS_KIND or self.base.generic_key(actor.id) == "civilians":
            return False
        inter = self.base.inter_in(actor, None)
        # ACLED names social groups ('Farmers', 'Students') only as associated actors: no inter code of their own
        social = inter is None and actor.kind is None and actor.family is not None
        return inter == CIVILIANS or social

    def settle(self, mention: ActorMention, country: str | None) -> str:
        """The actor a mention stands for in an event in `country` (generic mentions take it)."""
        return settle(mention, country, self.base).actor
