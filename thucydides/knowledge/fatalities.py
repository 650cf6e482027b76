"""The settings section `fatalities` (data/settings.yaml): which readings of killings and of death figures the
fatalities policy makes, each named and switchable; read once by one typed loader."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

from thucydides.knowledge.settings import ENV_OVERRIDE, section
from thucydides.steps import check_names


@dataclass(frozen=True)
class FatalitySettings:
    """`told_victim_readings`: who a killing told without a figure kills (events/tolls.told_toll);
    `figure_readings`: which figures count the dead (claims/figures, claims/metric, events/tolls.doers)."""

    told_victim_readings: tuple[str, ...]
    figure_readings: tuple[str, ...]


VICTIM_READINGS = ("conjunct_object", "dying_subject", "singular_determiner", "number_modifier", "found_body",
                   "singular_passive", "own_auxiliary", "death_outcome", "headline_participle", "joined_killings")
"""The readings `told_victim_readings` may name (events/tolls: `_victims`, `_one_victim`, `_death_outcomes`)."""

FIGURE_READINGS = ("compound_unit", "own_predicate", "month_date", "hedged_object", "doer_aim")
"""The readings `figure_readings` may name (claims/figures, claims/metric, events/tolls.doers)."""


def fatality_settings() -> FatalitySettings:
    """The `fatalities` settings, read once per settings file (a test's own file is read again); an unknown reading
    fails, naming the choices."""
    return _checked(os.environ.get(ENV_OVERRIDE))


@lru_cache(maxsize=4)
def _checked(override: str | None) -> FatalitySettings:
    """The section checked, for the settings file `override` names (None: the shipped one)."""
    found = section("fatalities", FatalitySettings)
    for key, choices in (("told_victim_readings", VICTIM_READINGS), ("figure_readings", FIGURE_READINGS)):
        check_names(f"fatalities.{key}", choices, getattr(found, key), "reading(s)")
    return found


def figure_reading(name: str) -> bool:
    """Whether the figure reading `name` is on."""
    return name in fatality_settings().figure_readings
