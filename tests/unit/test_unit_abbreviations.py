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


# --- the learner (python -m thucydides.learn.unit_abbreviations) ----------------------------------------------

def test_capitals_spell_a_units_name_in_order_with_each_words_initial() -> None:
    from thucydides.learn.unit_abbreviations import spells

    assert spells("KPK", "Khyber Pakhtunkhwa") and spells("UP", "Uttar Pradesh")
    assert not spells("PK", "Khyber Pakhtunkhwa")  # not its first letter
    assert not spells("KH", "Khyber Pakhtunkhwa")  # the second word's initial is missing


def _note(town: str, token: str, unit: str, country: str = "Pakistan") -> dict[str, str]:
    return {"notes": f"Traders closed their shops in {town} ({town}, {token}) over a fuel price rise.",
            "admin1": unit, "country": country}


def test_the_learner_keeps_capitals_with_support_and_share(tmp_path: Path) -> None:
    from thucydides.learn.unit_abbreviations import AbbreviationSettings, learn, write

    rows = [_note("Bannu", "KPK", "Khyber Pakhtunkhwa")] * 3 + [_note("Lahore", "PB", "Punjab")] * 3 \
        + [_note("Quetta", "BL", "Balochistan")] * 2 \
        + [_note("Abuja", "FCT", "Federal Capital Territory", "Nigeria")] * 3 \
        + [_note("Islamabad", "FCT", "Federal Capital Territory", "Pakistan")] * 3
    codes = {"Khyber Pakhtunkhwa": "PK.03", "Federal Capital Territory": "XX.01"}
    learned = learn(rows, AbbreviationSettings(min_support=3, min_share=0.9), lambda unit, _: codes.get(unit))
    # PB: no code in the gazetteer; BL: two rows; FCT: half its rows mean each country's territory
    assert [(u.abbreviation, u.admin1, u.train_rows) for u in learned] == [("KPK", "PK.03", 3)]
    write(tmp_path / "t.csv", learned)
    assert (tmp_path / "t.csv").read_bytes() == b"abbreviation,admin1,name,train_rows\nKPK,PK.03,Khyber Pakhtunkhwa,3\n"
