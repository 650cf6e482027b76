"""HTML to report text: trafilatura for the main text and metadata, htmldate for the date.

Imports are lazy: trafilatura takes a noticeable time to import and plain-text corpora
never need it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

_BLANK_RUNS = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True)
class Page:
    """What an HTML page yields: its main text and whatever metadata it carries."""

    text: str
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None


@lru_cache(maxsize=1)
def _config() -> Any:
    """trafilatura's defaults discard short articles; a short report is still a report."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    return config


def _paragraphs(text: str) -> str:
    """One blank line between blocks, so a headline never runs into the first sentence."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n\n".join(line for line in lines if line)


def _iso_date(value: object) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _find_date(html: str | bytes) -> date | None:
    """htmldate's original-publication date, when trafilatura found none."""
    from htmldate import find_date

    try:
        return _iso_date(find_date(html, original_date=True, extensive_search=False))
    except (ValueError, TypeError):
        return None


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry's content) with block elements as paragraphs."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError):
        return _paragraphs(html)
    for bad in root.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.xpath(".//p|.//div|.//li|.//h1|.//h2|.//h3|.//h4|.//h5|.//h6|.//blockquote|.//tr|.//figure"):
        block.text = "\n" + (block.text or "")
        block.tail = "\n" + (block.tail or "")
    return _paragraphs(root.text_content())


def extract_page(html: str | bytes) -> Page:
    """Main text and metadata of a web page; an empty `text` means nothing readable was found."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True, config=_config()
    )
    if result is None:
        return Page(text="")
    published = _iso_date(getattr(result, "date", None)) or _find_date(html)
    return Page(
        text=_paragraphs(getattr(result, "text", None) or ""),
        title=getattr(result, "title", None) or None,
        published=published,
        outlet=getattr(result, "sitename", None) or None,
        url=getattr(result, "url", None) or None,
        language=getattr(result, "language", None) or None,
    )


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head or "<head" in head)


def has_markup(text: str) -> bool:
    """Feed and JSONL content may be HTML or plain text; this tells them apart."""
    return bool(re.search(r"<(?:p|br|div|span|a|b|i|em|strong|ul|ol|li|h[1-6]|img|figure|blockquote)\b", text, re.I))
