"""Outside data (ACLED, VOA, LGL/GeoVirus, re3d) is found in one place: `../shared` or THUCYDIDES_SHARED.

Training and evaluation both read it; a user whose copy lives elsewhere sets the variable once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def _defaults(shared: Path) -> dict[str, str]:
    """The learners' and evaluation's defaults, read in a fresh process (they are fixed at import)."""
    code = ("import json; from thucydides.learn import corpora; from thucydides.knowledge import outside; "
            "print(json.dumps({'acled': str(corpora.DEFAULT_ACLED), 'voa': str(corpora.VOA_STORIES), "
            "'lgl': str(corpora.GEOPARSING[0]), 're3d': str(corpora.RE3D_DOCUMENTS), "
            "'eval_acled': str(outside.acled_events())}))")
    env = {**os.environ, "THUCYDIDES_SHARED": str(shared)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    return dict(json.loads(out))


def test_training_and_evaluation_read_the_same_outside_folder(tmp_path: Path) -> None:
    found = _defaults(tmp_path / "elsewhere")
    assert found["acled"] == found["eval_acled"] == str(tmp_path / "elsewhere" / "data" / "acled" / "events.csv")
    assert all(value.startswith(str(tmp_path / "elsewhere")) for value in found.values())
