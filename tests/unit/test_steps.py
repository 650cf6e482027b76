"""Named strategy chains: order from settings, first answer wins, unknown names fail early."""

from __future__ import annotations

import pytest

from thucydides.knowledge.settings import SettingsError
from thucydides.steps import Filters, Steps

AVAILABLE = {"none": lambda n: None, "double": lambda n: n * 2, "negate": lambda n: -n}


def test_first_answer_wins_in_the_configured_order() -> None:
    assert Steps.of("demo", AVAILABLE, ["none", "double", "negate"]).first(3) == (6, "double")
    assert Steps.of("demo", AVAILABLE, ["negate", "double"]).first(3) == (-3, "negate")
    assert Steps.of("demo", AVAILABLE, ["none"]).first(3) == (None, None)


def test_unknown_step_names_the_choices() -> None:
    with pytest.raises(SettingsError, match="tripple.*choose from double, negate, none"):
        Steps.of("demo", AVAILABLE, ["tripple"])


def test_filters_name_the_first_failure() -> None:
    checks = {"positive": lambda n: n > 0, "even": lambda n: n % 2 == 0}
    f = Filters.of("demo", checks, ["positive", "even"])
    assert f.failing(4) is None
    assert f.failing(3) == "even"
    assert f.failing(-3) == "positive"
