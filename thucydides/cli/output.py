"""Printing what came from outside (file names, report text, parser messages) without trusting it.

rich reads `[...]` as markup, so a file named `[/b].txt` would crash a print; a terminal obeys
escape sequences, so a report could recolour or retitle it. Everything untrusted goes through
`clean` (control characters shown as `\\xNN`, never sent) and, inside a markup string, `esc`.
Table cells are `Text` objects, which rich never reads as markup.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.text import Text

err = Console(stderr=True, soft_wrap=True, highlight=False)
out = Console(highlight=False)

# C0 and C1 controls, DEL, and the bidirectional overrides that can make a name read backwards.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"\s+")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: object) -> str:
    """`text` with control characters shown as escapes instead of sent (newlines and tabs too, as \\n, \\t)."""
    return _CONTROL.sub(_visible, str(text)).replace("\n", "\\n").replace("\t", "\\t")


def one_line(text: object) -> str:
    """Report text for a table cell: runs of whitespace as one space, controls shown as escapes."""
    return clean(_SPACES.sub(" ", str(text)).strip())


def inline(text: object) -> str:
    """Like `one_line`, but the ends are kept (a space before a figure stays)."""
    return clean(_SPACES.sub(" ", str(text)))


def esc(text: object) -> str:
    """Untrusted text made safe to put inside a rich markup string."""
    return escape(clean(text))


def cell(text: object) -> Text:
    """A table cell that rich prints as it is (no markup, no controls)."""
    return Text(one_line(text))


def command_name() -> str:
    """How to call thucydides again: its bare name when PATH finds this installation, else the path that works."""
    script = Path(sys.executable).parent / "thucydides"
    found = shutil.which("thucydides")
    if found and script.exists() and Path(found).resolve() == script.resolve():
        return "thucydides"
    if script.exists():
        return _relative(script)
    return "thucydides"


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
