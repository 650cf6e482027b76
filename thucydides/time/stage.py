"""The time stage: date phrases to `TimeExpression`s, and the publication date when metadata lacks one."""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.model import Analysis, Document, TimeExpression
from thucydides.pipeline import StageFn, stage
from thucydides.time.expressions import place, read_candidates
from thucydides.time.publication import infer_publication


def document_times(document: Document) -> list[TimeExpression]:
    """Time expressions of one document, anchored on its publication date.

    With no publication date, the phrases that carry their own year are read first; the date they
    imply is stored on the document (marked inferred) and anchors the relative phrases on a second read.
    With no basis for one, year-less days may still be read in the year the report is about, but no
    relative phrase is placed.
    """
    text = document.analysis_text
    candidates = read_candidates(text)
    if document.published is None:
        absolute = place(text, candidates, None, guess_years=False)
        published = infer_publication(text, absolute)
        if published is None:
            return place(text, candidates, None)
        document.published = published
    return place(text, candidates, document.published)


@stage("time", assigns=("times", "published"))
def make_time_stage() -> StageFn:
    def time_stage(batch: Sequence[Analysis]) -> None:
        for analysis in batch:
            analysis.times = document_times(analysis.document)

    return time_stage
