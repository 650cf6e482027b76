"""Name folding: transliteration variants share a key, different names do not."""

from __future__ import annotations

import pytest

from thucydides.geo.fold import fold, is_latin


@pytest.mark.parametrize("variants", [
    ["Souseh", "Sousa", "al-Sousah", "As Sūsah", "Sousah"],
    ["Deir ez-Zour", "Deir Ezzor", "Deir al-Zor", "Dayr az Zawr", "Deir ez-Zor"],
    ["Hajin", "Hajjin", "Hajīn"],
    ["al-Shaafah", "Al-Sha'fah", "Shafa", "al-Shafa", "Sha‘fah"],
    ["Raqqa", "Al-Raqqah", "ar-Raqqa"],
])
def test_variants_share_a_key(variants: list[str]) -> None:
    assert len({fold(v) for v in variants}) == 1, {v: fold(v) for v in variants}


@pytest.mark.parametrize("a, b", [("Hajin", "Homs"), ("Aleppo", "Idlib"), ("Mosul", "Basra")])
def test_different_names_differ(a: str, b: str) -> None:
    assert fold(a) != fold(b)


def test_article_alone_is_kept() -> None:
    """A name that is only an article-like word is not folded away to nothing."""
    assert fold("As") == "as"


def test_is_latin() -> None:
    assert is_latin("As Sūsah")
    assert not is_latin("السوسة")


def test_common_word_spellings() -> None:
    assert fold("Tell Abyad") == fold("Tal Abyad") == fold("Tel Abyad")
    assert fold("Jebel Bishri") == fold("Jabal Bishri")
