"""ACLED's taxonomy and coding rules (`data/acled.yaml`): event types, sub-types, disorder types, inter and
interaction codes, regions, vague fatality counts, and the rules that recode an event by its actors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from thucydides.knowledge import KnowledgeError, data_path, listed, read_yaml, strings, word_set

FILE = "acled.yaml"
NO_ACTOR = 0
TERRITORY_CHANGES = frozenset({"Non-state actor overtakes territory", "Government regains territory",
                               "Non-violent transfer of territory"})
"""ACLED's sub-event types of ground changing hands: their actor 1 is the side that took it."""
OBJECT_KINDS = frozenset({"place", "people", "control", "since", "political"})


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
    alone: bool = False
    """ACLED codes no actor 2 for these events."""


@dataclass(frozen=True)
class FallbackPredicate:
    """A predicate that tells a sub-event type when its object is of a kind (place, people, control)."""

    lemmas: frozenset[str]
    object: str
    sub_event_type: str


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
    plausible_years: tuple[int, int]
    fallback_predicates: tuple[FallbackPredicate, ...]
    place_nouns: frozenset[str]
    non_participant_kinds: frozenset[str]
    """Kinds of actor never coded as a side of an event (outlets, monitors, people quoted)."""
    vague_generics: frozenset[str] = frozenset()
    """Generic actor keys that a named actor in the same phrase refines ('Al-Shabaab gunmen')."""
    political_nouns: frozenset[str] = frozenset()
    """Words naming people ACLED codes an arrest of (journalists, activists, militants), not crime suspects."""
    political_kinds: frozenset[str] = frozenset()
    """Actor kinds whose members' arrest ACLED codes (armed and political groups, protesters)."""
    fatality_free: frozenset[str] = frozenset()
    """Sub-event types ACLED codes with no fatalities (a death during one is coded as another event)."""
    civilian_victim_subs: frozenset[str] = frozenset()
    """Sub-event types whose unnamed people acted on ACLED codes as civilians (actor 2)."""
    civilian_only_subs: frozenset[str] = frozenset()
    """Sub-event types whose actor 2 ACLED always codes as civilians: a party's member or an official harmed there
    is the country's civilians, the party associated (`events.build`, `members_as_civilians`)."""
    member_civilian_subs: frozenset[str] = frozenset()
    """Sub-event types where an actor 2 with no inter code of its own (a party, an organisation) or a government
    office is the country's civilians, it associated (`events.build.as_civilians`)."""
    intervention_subs: frozenset[str] = frozenset()
    """Sub-event types whose actor 2 is the state force that stepped in (a protest with intervention)."""
    two_sided_subs: frozenset[str] = frozenset()
    """Sub-event types (besides the reciprocal ones) whose actor 2 ACLED codes as an armed side in nearly every row."""
    reciprocal_subs: frozenset[str] = frozenset()
    """Sub-event types told with both sides as doers ('X and Y clashed'): the second is actor 2."""
    crowd_clash_subs: frozenset[str] = frozenset()
    """Sub-event types where a crowd that clashes ('two groups clashed') is coded on both sides (Rioters, Rioters)."""
    crowd_clash_words: frozenset[str] = frozenset()
    """Lemmas that tell a fight between sides ('clash', 'brawl')."""
    acted_on_civilian_subs: frozenset[str] = frozenset()
    """Sub-event types whose actor 2 is the civilians where the crowd acted on someone or something no actor names."""
    foreigner_words: frozenset[str] = frozenset()
    """People words that name foreigners ('migrants'): of no nationality or of several, ACLED's Civilians
    (International)."""
    crowd_quantity_words: frozenset[str] = frozenset()
    """Words of number whose member complement is the crowd itself ('dozens of Ukrainian students')."""
    international_civilians: str = "Civilians (International)"
    """ACLED's name for civilians of no one country."""
    off_duty_words: frozenset[str] = frozenset()
    """Words that make a member of a state force acted on a civilian ('an off-duty policeman')."""
    opponent_event_types: frozenset[str] = frozenset()
    """Event types whose actor 2, where no step reads one, is actor 1's likely opponent in the country."""
    unnamed_sides: Mapping[str, str] = field(default_factory=dict)
    """Noun of unnamed fighting men -> the generic kind a clash's side so named is ('militiamen': communal_militia)."""
    country_doer_event_types: frozenset[str] = frozenset()
    """Event types in which a country named as the doer stands for its military."""
    crowd_police_nouns: frozenset[str] = frozenset()
    """Nouns for an unspecified state force ('security forces') that ACLED codes as the police where it steps into a
    protest or riot (`intervention_subs`)."""
    means_retyped_subs: frozenset[str] = frozenset()
    """Sub-event types a means named in the happening's clause re-types (Attack)."""
    means_subs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Sub-event type -> words naming its means ('mortar': shelling), first listed wins."""

    def __post_init__(self) -> None:
        parents = {sub: kind for kind, subs in self.event_types.items() for sub in subs}
        object.__setattr__(self, "_parents", parents)

    @property
    def sub_event_types(self) -> tuple[str, ...]:
        return tuple(s for subs in self.event_types.values() for s in subs)

    def defaults_for(self, event_type: str, sub_event_type: str) -> DefaultActors | None:
        """ACLED's generic actors for an event naming none: the sub-event type's, else the event type's."""
        return self.default_actors.get(sub_event_type) or self.default_actors.get(event_type)

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

    def plausible(self, year: int) -> bool:
        return self.plausible_years[0] <= year <= self.plausible_years[1]

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
    types = _event_types(raw, where)
    subs = {s for v in types.values() for s in v}
    return Taxonomy(
        event_types=types,
        disorder_types=_strings(raw, "disorder_types", where),
        inter_codes={int(str(k)): str(v) for k, v in _mapping(raw, "inter_codes", where).items()},
        rules=tuple(_rule(r, f"{where}: coding_rules[{i}]", subs)
                    for i, r in enumerate(listed(raw, "coding_rules", where))),
        vague_fatalities={str(k): int(str(v)) for k, v in _mapping(raw, "vague_fatalities", where).items()},
        regions=_regions(raw, where),
        continent_regions=_strings(raw, "continent_regions", where),
        default_actors={str(k): _defaults(v, f"{where}: default_actors.{k}", set(types) | subs)
                        for k, v in _mapping(raw, "default_actors", where).items()},
        plausible_years=_years(raw.get("plausible_years"), where),
        fallback_predicates=tuple(_fallback(f, f"{where}: fallback_predicates[{i}]", subs)
                                  for i, f in enumerate(listed(raw, "fallback_predicates", where))),
        place_nouns=word_set(raw, "place_nouns", where),
        political_nouns=word_set(raw, "political_nouns", where),
        political_kinds=word_set(raw, "political_kinds", where),
        non_participant_kinds=word_set(raw, "non_participant_kinds", where),
        vague_generics=word_set(raw, "vague_generics", where),
        fatality_free=_known_subs(raw, "fatality_free_sub_events", where, subs),
        civilian_victim_subs=_known_subs(raw, "civilian_victim_sub_events", where, subs),
        civilian_only_subs=_known_subs(raw, "civilian_only_sub_events", where, subs),
        member_civilian_subs=_known_subs(raw, "member_civilian_sub_events", where, subs),
        reciprocal_subs=_known_subs(raw, "reciprocal_sub_events", where, subs),
        two_sided_subs=_known_subs(raw, "two_sided_sub_events", where, subs),
        intervention_subs=_known_subs(raw, "intervention_sub_events", where, subs),
        crowd_police_nouns=word_set(raw, "crowd_police_nouns", where),
        foreigner_words=word_set(raw, "foreigner_words", where),
        crowd_quantity_words=word_set(raw, "crowd_quantity_words", where),
        opponent_event_types=frozenset(strings(raw, "opponent_event_types", where)),
        unnamed_sides={w.lower(): str(kind) for kind, words in _mapping(raw, "unnamed_sides", where).items()
                       for w in strings({"w": words}, "w", f"{where}: unnamed_sides.{kind}")},
        country_doer_event_types=frozenset(strings(raw, "country_doer_event_types", where)),
        off_duty_words=word_set(raw, "off_duty_words", where),
        crowd_clash_subs=_known_subs(raw, "crowd_clash_sub_events", where, subs),
        crowd_clash_words=word_set(raw, "crowd_clash_words", where),
        acted_on_civilian_subs=_known_subs(raw, "acted_on_civilian_sub_events", where, subs),
        means_retyped_subs=_known_subs(raw, "means_retyped_sub_events", where, subs),
        means_subs=_means(raw, where, subs),
    )


def _means(raw: Mapping[str, object], where: str, subs: set[str]) -> dict[str, tuple[str, ...]]:
    """Sub-event type -> the words naming its means, each type one of the taxonomy's."""
    means = {str(k): tuple(str(w) for w in v) for k, v in _mapping(raw, "means_sub_events", where).items()
             if isinstance(v, list)}
    unknown = sorted(set(means) - subs)
    if unknown:
        raise KnowledgeError(f"{where}: 'means_sub_events' names unknown sub-event types: {', '.join(unknown)}")
    return means


def _event_types(raw: Mapping[str, object], where: str) -> dict[str, tuple[str, ...]]:
    """Event type -> its sub-event types."""
    return {str(k): tuple(str(s) for s in v) for k, v in _mapping(raw, "event_types", where).items()
            if isinstance(v, list)}


def _regions(raw: Mapping[str, object], where: str) -> dict[str, str]:
    """Country code -> ACLED region, from the file's region -> codes lists."""
    return {str(code): str(region) for region, codes in _mapping(raw, "regions", where).items()
            if isinstance(codes, list) for code in codes}


def _known_subs(raw: Mapping[str, object], key: str, where: str, subs: set[str]) -> frozenset[str]:
    """A list of sub-event types, each one of the taxonomy's."""
    values = frozenset(strings(raw, key, where))
    unknown = sorted(values - subs)
    if unknown:
        raise KnowledgeError(f"{where}: '{key}' names unknown sub-event types: {', '.join(unknown)}")
    return values


def _strings(raw: Mapping[str, object], key: str, where: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in _mapping(raw, key, where).items()}


def _fallback(raw: object, where: str, subs: set[str]) -> FallbackPredicate:
    if not isinstance(raw, Mapping) or raw.get("sub") not in subs or raw.get("object") not in OBJECT_KINDS:
        raise KnowledgeError(f"{where}: needs lemmas, an object among {sorted(OBJECT_KINDS)} and a known sub")
    return FallbackPredicate(word_set(raw, "lemmas", where), str(raw["object"]), str(raw["sub"]))


def _years(raw: object, where: str) -> tuple[int, int]:
    if not (isinstance(raw, list) and len(raw) == 2 and all(isinstance(y, int) for y in raw)):
        raise KnowledgeError(f"{where}: 'plausible_years' must be [first, last]")
    return raw[0], raw[1]


def _defaults(raw: object, where: str, known: set[str]) -> DefaultActors:
    if not isinstance(raw, Mapping) or set(raw) - {"actor1", "actor2", "first", "alone"}:
        raise KnowledgeError(f"{where}: needs actor1, actor2, first and alone only")
    if where.rsplit(".", 1)[-1] not in known:
        raise KnowledgeError(f"{where}: not an ACLED event type or sub-event type")
    return DefaultActors(actor1=raw.get("actor1"), actor2=raw.get("actor2"), first=bool(raw.get("first")),
                         alone=bool(raw.get("alone")))
