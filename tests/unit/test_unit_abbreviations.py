"""The first-level units' abbreviations table (knowledge.unit_abbreviations): read through the learned tables'
loader, so a file of another shape fails naming itself."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from thucydides.knowledge import KnowledgeError
from thucydides.knowledge.unit_abbreviations import COLUMNS, FILE, unit_abbreviations


@pytest.fixture
def own_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("THUCYDIDES_DATA_DIR", str(tmp_path))
    unit_abbreviations.cache_clear()
    yield tmp_path / FILE
    unit_abbreviations.cache_clear()


def test_the_shipped_table_maps_capitals_to_unit_codes() -> None:
    table = unit_abbreviations()
    assert table and all(a.isupper() and code.count(".") == 1 for a, code in table.items())


def test_a_users_table_replaces_the_shipped_one(own_table: Path) -> None:
    own_table.write_text(",".join(COLUMNS) + "\nNWR,XX.07,North Western Region,12\n", encoding="utf-8")
    assert unit_abbreviations() == {"NWR": "XX.07"}


def test_a_unit_that_is_no_code_fails_naming_the_file(own_table: Path) -> None:
    own_table.write_text(",".join(COLUMNS) + "\nNWR,North Western Region,North Western Region,12\n",
                         encoding="utf-8")
    with pytest.raises(KnowledgeError, match=FILE):
        unit_abbreviations()


def test_a_table_of_other_columns_fails_naming_the_file(own_table: Path) -> None:
    own_table.write_text("abbreviation,admin1\nNWR,XX.07\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=FILE):
        unit_abbreviations()
