"""The events stage's view of the actor base: ACLED inter codes and ACLED's country-named generic actors.

One small adapter, so the stage does not depend on how the actor base stores its records.
"""

from __future__ import annotations

from thucydides.actors.recognize import ActorRegistry, registry
from thucydides.model import ActorMention


class ActorBase:
    def __init__(self, reg: ActorRegistry | None = None) -> None:
        self.registry = reg or registry()

    def inter(self, actor_id: str | None) -> int | None:
        actor = self.registry.get(actor_id)
        return actor.inter if actor else None

    def kind(self, actor_id: str | None) -> str | None:
        return self.registry.kind(actor_id)

    def generic(self, name: str, country: str | None) -> str | None:
        """ACLED's generic actor `name` ('Protesters', 'Unidentified Armed Group') for a country, if known."""
        return None

    def settle(self, mention: ActorMention, country: str | None) -> str:
        """The actor a mention stands for once the report's country is known (generic mentions take it)."""
        return mention.actor
