"""ACLED's taxonomy and coding rules (`data/acled.yaml`): event types, sub-types, disorder types, inter and
interaction codes, regions, vague fatality counts, and the rules that recode an event by its actors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from thucydides.knowledge import KnowledgeError, data_path, read_yaml

FILE = "acled.yaml"
NO_ACTOR = 0


@dataclass(frozen=True)
class CodingRule:
    """'When the event looks like this, ACLED codes it as that' — one codebook rule."""

    name: str
    why: str
    then: str
    sub_event_types: frozenset[str] = frozenset()
    actor1_inter: frozenset[int] = frozenset()
    actor2_inter: frozenset[int] = frozenset()
    actor1_not_inter: frozenset[int] = frozenset()

    def applies(self, sub_event_type: str, inter1: int, inter2: int) -> bool:
        return ((not self.sub_event_types or sub_event_type in self.sub_event_types)
                and (not self.actor1_inter or inter1 in self.actor1_inter)
                and (not self.actor2_inter or inter2 in self.actor2_inter)
                and inter1 not in self.actor1_not_inter)


@dataclass(frozen=True)
class DefaultActors:
    """ACLED's generic actors for an event whose text names none ('Protesters', 'Civilians')."""

    actor1: str | None = None
    actor2: str | None = None
    first: bool = False
    """The default wins over what the text says (a protest's actor 1 is always the protesters)."""


@dataclass(frozen=True)
class Taxonomy:
    event_types: Mapping[str, tuple[str, ...]]
    disorder_types: Mapping[str, str]
    inter_codes: Mapping[int, str]
    rules: tuple[CodingRule, ...]
    vague_fatalities: Mapping[str, int]
    regions: Mapping[str, str]
    """ISO alpha-2 country code → ACLED region."""
    continent_regions: Mapping[str, str]
    default_actors: Mapping[str, DefaultActors]

    def __post_init__(self) -> None:
        parents = {sub: kind for kind, subs in self.event_types.items() for sub in subs}
        object.__setattr__(self, "_parents", parents)

    @property
    def sub_event_types(self) -> tuple[str, ...]:
        return tuple(s for subs in self.event_types.values() for s in subs)

    def event_type_of(self, sub_event_type: str) -> str:
        """The event type a sub-event type belongs to; a KnowledgeError for a name ACLED does not use."""
        try:
            return self._parents[sub_event_type]  # type: ignore[attr-defined,no-any-return]
        except KeyError:
            raise KnowledgeError(f"{FILE}: unknown ACLED sub-event type {sub_event_type!r}") from None

    def recode(self, sub_event_type: str, inter1: int | None, inter2: int | None) -> tuple[str, str | None]:
        """The sub-event type after the first coding rule that applies, and that rule's name (or None)."""
        for rule in self.rules:
            if rule.applies(sub_event_type, inter1 or NO_ACTOR, inter2 or NO_ACTOR):
                return rule.then, rule.name
        return sub_event_type, None

    @staticmethod
    def interaction(inter1: int | None, inter2: int | None) -> int | None:
        """ACLED's interaction code: lower code × 10 + higher code, a lone actor's code × 10."""
        codes = sorted(c for c in (inter1, inter2) if c)
        if not codes:
            return None
        return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)

    def region(self, country: str | None, continent: str | None = None) -> str | None:
        if country and country in self.regions:
            return self.regions[country]
        return self.continent_regions.get(continent or "")


def _ints(raw: object, where: str) -> frozenset[int]:
    if raw is None:
        return frozenset()
    if not isinstance(raw, list) or not all(isinstance(v, int) for v in raw):
        raise KnowledgeError(f"{where}: must be a list of inter codes")
    return frozenset(raw)


def _rule(raw: object, where: str, subs: set[str]) -> CodingRule:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("when"), Mapping) or raw.get("then") not in subs:
        raise KnowledgeError(f"{where}: a rule needs a name, a 'when' mapping and a known 'then' sub-event type")
    when = raw["when"]
    wanted = frozenset(str(s) for s in when.get("sub_event_types") or ())
    if wanted - subs:
        raise KnowledgeError(f"{where}: unknown sub-event type(s) {sorted(wanted - subs)}")
    return CodingRule(name=str(raw.get("name")), why=str(raw.get("why") or ""), then=str(raw["then"]),
                      sub_event_types=wanted,
                      actor1_inter=_ints(when.get("actor1_inter"), f"{where}.actor1_inter"),
                      actor2_inter=_ints(when.get("actor2_inter"), f"{where}.actor2_inter"),
                      actor1_not_inter=_ints(when.get("actor1_not_inter"), f"{where}.actor1_not_inter"))


def _mapping(raw: Mapping[str, object], key: str, where: str) -> Mapping[object, object]:
    value = raw.get(key)
    if not isinstance(value, Mapping):
        raise KnowledgeError(f"{where}: '{key}' must be a mapping")
    return value


@cache
def taxonomy() -> Taxonomy:
    path = data_path(FILE)
    raw = read_yaml(path)
    where = str(path)
    types = {str(k): tuple(str(s) for s in v) for k, v in _mapping(raw, "event_types", where).items()
             if isinstance(v, list)}
    subs = {s for v in types.values() for s in v}
    rules = raw.get("coding_rules") or []
    if not isinstance(rules, list):
        raise KnowledgeError(f"{where}: 'coding_rules' must be a list")
    regions = {str(code): str(region) for region, codes in _mapping(raw, "regions", where).items()
               if isinstance(codes, list) for code in codes}
    return Taxonomy(
        event_types=types,
        disorder_types={str(k): str(v) for k, v in _mapping(raw, "disorder_types", where).items()},
        inter_codes={int(str(k)): str(v) for k, v in _mapping(raw, "inter_codes", where).items()},
        rules=tuple(_rule(r, f"{where}: coding_rules[{i}]", subs) for i, r in enumerate(rules)),
        vague_fatalities={str(k): int(str(v)) for k, v in _mapping(raw, "vague_fatalities", where).items()},
        regions=regions,
        continent_regions={str(k): str(v) for k, v in _mapping(raw, "continent_regions", where).items()},
        default_actors={str(k): _defaults(v, f"{where}: default_actors.{k}")
                        for k, v in _mapping(raw, "default_actors", where).items()},
    )


def _defaults(raw: object, where: str) -> DefaultActors:
    if not isinstance(raw, Mapping) or set(raw) - {"actor1", "actor2", "first"}:
        raise KnowledgeError(f"{where}: needs actor1, actor2 and first only")
    return DefaultActors(actor1=raw.get("actor1"), actor2=raw.get("actor2"), first=bool(raw.get("first")))
