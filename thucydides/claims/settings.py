"""The claims stage's settings (`stages.claims` in data/settings.yaml): its ordered steps and its constants."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from thucydides.knowledge.settings import section


@dataclass(frozen=True)
class ClaimsSettings:
    claimant_steps: tuple[str, ...] = ("headline", "attribution_phrase", "reporting_subject", "toll_setter",
                                       "quoted_speaker",
                                       "first_person", "paragraph_carry", "statement_carry", "hedged_carry",
                                       "publisher")
    """Who says so: each step is tried in order until one names a source; none found is the outlet's voice."""
    subject_steps: tuple[str, ...] = ("included", "loser", "counted_phrase", "holder", "taken_from", "own_people",
                                      "sender", "state_people", "sibling", "recent_armed", "main_armed_group")
    """Whose people or territory the figure counts."""
    agent_steps: tuple[str, ...] = ("by_agent", "gainer", "doer", "when_clause", "attack_owner", "responsibility",
                                    "speaker_did_it", "state_arrest", "recent_armed", "main_armed_group")
    """Who did it (killed, wounded, captured, took the area)."""
    place_steps: tuple[str, ...] = ("sentence", "paragraph", "document")
    """Where the figure holds: its sentence's most specific place, else its paragraph's, else the report's."""
    area_place_steps: tuple[str, ...] = ("sentence",)
    """Where an area held or taken lies: only a place its own sentence names, as named (a country is not
    narrowed to the report's town): an area placed by its paragraph, or narrowed, would say that town is held."""
    area_metrics: tuple[str, ...] = ("territory_held", "share_held", "territory_taken")
    time_steps: tuple[str, ...] = ("clause", "paragraph")
    """When it holds: a time phrase of its own clause, else the last date its paragraph told before it."""
    pronoun_reach: int = 3
    """Sentences back to the speaker a pronoun ("he added", "it said") stands for."""
    anaphor_reach: int = 4
    """Sentences back to the speaker "the spokesman", "the statement" stands for."""
    carry_reach: int = 3
    statement_reach: int = 8
    """Paragraphs after a lead-in ('X said:') that still speak in X's voice."""
    hedge_reach: int = 8
    """Sentences back in a paragraph whose source still speaks."""
    responsibility_reach: int = 3
    """Sentences after a toll where "X claimed responsibility" still names its doer."""
    lookback_chars: int = 600
    """Characters back to the armed actor a figure with no side of its own counts ("the group")."""
    aggregate_climb: int = 6
    """Heads between a figure and the verb that carries a count ("put ... at N")."""
    count_noun_reach: int = 25
    """Tokens back to the count noun a parse left unattached."""
    unit_reach: int = 5
    """Words between a figure and the noun it counts."""
    metric_near: int = 12
    """Tokens around a figure searched for a trigger when the parse gives none."""
    metric_depth: int = 4
    """Levels below the counted noun searched for a trigger."""
    metric_chain: int = 6
    """Heads above the counted noun searched for a trigger."""
    governing_climb: int = 5
    """Heads climbed from a trigger to the verb that governs it."""
    main_group_mentions: int = 2
    """Mentions that make an armed group the one a report is about (the doer of tolls told without one)."""
    masthead_share: float = 0.7
    """An actor whose names fill at least this share of a report's first line is its masthead: the report is its
    own release, in its voice."""


@cache
def claims_settings() -> ClaimsSettings:
    return section("stages.claims", ClaimsSettings)
