"""`bench/eval.py --dev-only`: a development run never scores, and so never shows, a test part."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from thucydides.evaluation import adapter, annotated, report
from thucydides.evaluation.annotated import Part, Story
from thucydides.evaluation.voa import VOA
from thucydides.knowledge.splits import is_voa_test


class _NeverRun:
    """A pipeline that fails if anything asks it to process a story."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the pipeline was used ({name}) though no part should be scored")


def test_without_the_test_part_a_test_story_is_never_processed() -> None:
    story_id = next(str(i) for i in range(1000, 2000) if is_voa_test(str(i)))
    stories = {story_id: Story(story_id, "Text we wrote.", None, None, None)}
    golds = [{"story": story_id, "places": [], "claims": [], "events": []}]
    result = annotated.evaluate(VOA, golds, stories, Path("gold"), cast(adapter.Pipe, _NeverRun()), with_test=False)
    assert result.test.figures is None and result.test.stories == 1
    assert result.dev.stories == 0


def test_a_test_part_not_scored_says_so_in_the_table() -> None:
    rows = report._set_rows(Part("VOA test", 25, None))
    assert rows == [("VOA test", "not scored (--dev-only)", "-", "25 docs")]
    assert report._set_rows(Part("VOA dev", 0, None))[0][1] == "no annotated story in this part"
