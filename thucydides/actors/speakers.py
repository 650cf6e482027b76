"""A span that names a person speaking for an actor: "an SDF official", "a police spokesman", "Hafal Roni, the
SDF's commander", "a spokesman for the coalition". The speaker nouns are data (`speaker_nouns` in actors.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Sequence


class SpeakerCues:
    """Speaker nouns right after an actor's name (up to two words between), or before it with 'for/of'."""

    def __init__(self, nouns: Sequence[str]) -> None:
        alternatives = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
        self._after = re.compile(rf"^(?:'s)?(?:\s+[a-z-]+){{0,2}}?\s+(?:{alternatives})\b", re.I) \
            if alternatives else None
        self._before = re.compile(rf"\b(?:{alternatives})\s+(?:for|of)\s+(?:the\s+)?$", re.I) \
            if alternatives else None

    def speaks(self, text: str, start: int, end: int) -> bool:
        """Whether the name at text[start:end] is part of a phrase naming a person who speaks for it."""
        plain = text.replace("’", "'")
        return bool((self._after and self._after.match(plain[end:end + 40]))
                    or (self._before and self._before.search(plain[max(0, start - 30):start])))
