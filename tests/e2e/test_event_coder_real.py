"""Floors for the packaged event coder on real data it was not fitted on (slow; needs ../shared).

- ACLED dev split (SPLITS.md), whole notes as ACLED writes them, the classifier alone: the issue's targets for
  the whole pipeline (event type >= 0.88, sub-event type >= 0.78, an event for >= 95% of notes) must hold
  here with room to spare, so that the pipeline can reach them.
- VOA-dev gold sentences (the threshold was chosen there): sentence-level event detection.
Figures reached are in docs/models/event_coder.md; the floors sit a little below them.
"""

from __future__ import annotations

import pytest

from tests.conftest import SHARED, shared_or_skip

pytestmark = pytest.mark.slow

ACLED = SHARED / "data" / "acled" / "events.csv"
VOA = SHARED / "data" / "voa" / "voa_stories.jsonl"


@pytest.fixture(scope="module")
def coder():
    from thucydides.events.coder import EventCoder

    return EventCoder.load()


@pytest.fixture(scope="module")
def acled_dev(coder):
    from thucydides.learn.corpora import acled_notes
    from thucydides.learn.evaluate import acled_figures

    shared_or_skip(ACLED)
    return acled_figures(coder, acled_notes(ACLED, "dev"))


def test_acled_dev_event_type(acled_dev) -> None:
    block = acled_dev.as_written
    assert block.n > 7000
    assert block.event_type.accuracy >= 0.93
    assert block.event_type.macro_f1 >= 0.88


def test_acled_dev_sub_event_type(acled_dev) -> None:
    block = acled_dev.as_written
    assert block.sub_event_type.accuracy >= 0.90
    assert block.sub_event_type.macro_f1 >= 0.82


def test_acled_dev_almost_every_note_has_an_event(acled_dev) -> None:
    assert acled_dev.as_written.with_event >= 0.97


def test_the_coder_prefix_is_not_what_decides(acled_dev) -> None:
    """Notes with the coder's prefix, tags and date cut score as the notes as written."""
    with_prefix, without = acled_dev.as_written, acled_dev.without_prefix
    assert abs(with_prefix.sub_event_type.accuracy - without.sub_event_type.accuracy) < 0.005


def test_voa_dev_sentence_detection(coder) -> None:
    from thucydides.learn.evaluate import voa_figures, voa_sentences

    shared_or_skip(VOA)
    figures = voa_figures(coder, voa_sentences("dev"))
    assert figures.event_sentences >= 10
    assert figures.detection.f1 >= FLOOR_VOA_DEV_F1


FLOOR_VOA_DEV_F1 = 0.22
