"""CSV cells that a spreadsheet will not run: text starting like a formula is neutralised.

Excel, LibreOffice and Google Sheets treat a cell starting with `=`, `+`, `-` or `@` (or a tab
or carriage return before one) as a formula, so a report quoting `=HYPERLINK(...)` would become
a live link or worse. Such text gets a leading apostrophe, the spreadsheets' own "this is text"
mark (OWASP's advice); numbers (a negative latitude) are left alone.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(values: list[object]) -> list[object]:
    return [safe_cell(v) for v in values]
