"""Which labelled rows are held back or set aside: the ACLED dev split, the VOA and re3d test parts, the LGL and
GeoVirus report half, and the place ranker's calibration documents and folds.

The rules live here, not in the evaluation, because the builders and the learners must skip the same rows the
evaluation scores on: one statement of each rule, read by all three.
"""

from __future__ import annotations

import hashlib


def sha256_int(key: str) -> int:
    """A key's SHA-256 as an integer: a stable hash, the same on every machine and run."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16)


def is_acled_dev(event_id_cnty: str) -> bool:
    """shared/data/acled/SPLITS.md: dev when sha256(event_id_cnty) % 10 == 0."""
    return sha256_int(event_id_cnty) % 10 == 0


def is_voa_test(story_id: str) -> bool:
    """A third of the annotated VOA stories are held back as a test part, by id only."""
    return sha256_int(story_id) % 3 == 0


def is_re3d_test(document_id: str) -> bool:
    """A third of the annotated re3d documents are held back as a test part, by `_id` only (VOA's rule)."""
    return sha256_int(document_id) % 3 == 0


def is_fit_half(corpus: str, index: int) -> bool:
    """The half of a news corpus (LGL, GeoVirus: its name and an article's index) the place ranker and the event
    coder fit on; the other, the report half, is what the geoparsing evaluation scores."""
    return sha256_int(f"{corpus}:{index}") % 2 == 0


def is_calibration(key: str, share: int = 5) -> bool:
    """One in `share` of a learner's fit units, kept aside to fit its temperature: a fifth of the place ranker's
    fit documents (and its admit threshold), one in `calibration_share` of the event coder's training units."""
    return sha256_int(f"calibration:{key}") % share == 0


def news_style_pick(key: str, share: int) -> int | None:
    """Whether the event coder also trains on a news-style retelling of an ACLED note (one in `share`, by its key):
    the number that picks the retelling's arrangement when it does, None when not."""
    h = sha256_int(f"news-style:{key}")
    return None if h % share else h // share


def frame_pick(key: str, share: int) -> int | None:
    """Whether the event coder also trains on a unit wrapped in a news frame (one in `share`, by its key): the
    number that picks the frame and its speaker when it does, None when not."""
    h = sha256_int(f"news-frame:{key}")
    return None if h % share else h // share


def fold_of(key: str, folds: int) -> int:
    """The cross-validation fold of a document, stable across runs, so a document's mentions share one fold."""
    return sha256_int(f"fold:{key}") % folds


def train_fold(event_id: str, folds: int) -> int:
    """The held-out fold of an ACLED train row (by its event_id_cnty) for a learner's choice of thresholds; the
    hash's last decimal digit decides the dev split (SPLITS.md), so the folds are cut from the rest."""
    return sha256_int(event_id) // 10 % folds
