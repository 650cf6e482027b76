"""Publication dates as given in metadata: ISO first (fast), then free-form via dateparser."""

from __future__ import annotations

from datetime import date, datetime


class BadDate(ValueError):
    pass


def parse_published(value: object) -> date | None:
    """A date from a metadata value; None when absent; BadDate when present but unreadable."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise BadDate(f"published: expected a date string, got {type(value).__name__}")
    text = value.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"]})
    if parsed is None:
        raise BadDate(f"published: cannot read a date in {text!r}")
    return parsed.date()
