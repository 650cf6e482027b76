"""Helpers for tests that read the parse of a sentence we wrote."""

from __future__ import annotations

from spacy.tokens import Doc, Token


def word(doc: Doc, text: str) -> Token:
    """The first token of `doc` spelt `text`."""
    return next(t for t in doc if t.text == text)
