"""News framings of a happening (`data/news_frames.yaml`): the typed table that the event coder's training wraps
ACLED notes in (`learn.events.framed`), so that a frame word ('said', 'accused', 'reported') is no cue of 'no event'.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from functools import cache

from thucydides.knowledge import KnowledgeError, data_path, listed, read_yaml, strings, word_set

FORMS = ("clause", "gerund", "participle")
"""what a frame puts in its slot: the sentence as written, or from its verb on as a gerund or a past participle"""
_SLOTS = {"clause": "{clause}", "gerund": "{gerund}", "participle": "{participle}"}


@dataclass(frozen=True)
class Frame:
    """One way news tells a happening: a template with one slot of its `form`, for notes of these event types."""

    name: str
    template: str
    form: str
    types: frozenset[str]


@dataclass(frozen=True)
class NewsFrames:
    frames: tuple[Frame, ...]
    speakers: tuple[str, ...]
    max_actor: int
    relatives: frozenset[str]
    """words that open a clause inside the subject: no verb after one is the sentence's own"""
    adjectives: frozenset[str]
    """participles that modify a subject ('armed men'): never the clause's verb"""
    irregular: Mapping[str, tuple[str, str]]
    """past tense -> (gerund, past participle) where the -ed rule does not hold"""

    def for_type(self, event_type: str) -> tuple[Frame, ...]:
        return tuple(f for f in self.frames if event_type in f.types)

    def only(self, names: Collection[str]) -> NewsFrames:
        """The table with only the frames named (none named: all of them)."""
        unknown = set(names) - {f.name for f in self.frames}
        if unknown:
            raise KnowledgeError(f"no news frame named {', '.join(sorted(unknown))}")
        return replace(self, frames=tuple(f for f in self.frames if not names or f.name in names))


def _frame(raw: object, where: str) -> Frame:
    if not isinstance(raw, Mapping):
        raise KnowledgeError(f"{where}: each frame must be a mapping")
    template, form = str(raw.get("template", "")), str(raw.get("form", ""))
    if form not in FORMS:
        raise KnowledgeError(f"{where}: frame {template!r}: form must be one of {', '.join(FORMS)}")
    if _SLOTS[form] not in template or (form != "clause" and "{actor}" not in template):
        raise KnowledgeError(f"{where}: frame {template!r} lacks the slot its form {form!r} fills")
    return Frame(str(raw.get("name", template)), template, form, frozenset(strings(raw, "types", where)))


def _irregular(raw: object, where: str) -> dict[str, tuple[str, str]]:
    if not isinstance(raw, Mapping):
        raise KnowledgeError(f"{where}: 'irregular' must map a past tense to [gerund, participle]")
    out = {}
    for past, forms in raw.items():
        if not isinstance(forms, list) or len(forms) != 2:
            raise KnowledgeError(f"{where}: irregular {past!r} must be [gerund, participle]")
        out[str(past)] = (str(forms[0]), str(forms[1]))
    return out


@cache
def news_frames(name: str = "news_frames.yaml") -> NewsFrames:
    """The table; a KnowledgeError naming the file and entry when it is malformed."""
    path = data_path(name)
    raw = read_yaml(path)
    where = str(path)
    frames = tuple(_frame(f, where) for f in listed(raw, "frames", where))
    speakers = strings(raw, "speakers", where)
    if any("{speaker}" in f.template for f in frames) and not speakers:
        raise KnowledgeError(f"{where}: frames name a {{speaker}} but 'speakers' is empty")
    return NewsFrames(frames, speakers, int(str(raw.get("max_actor", 10))), word_set(raw, "relatives", where),
                      word_set(raw, "adjectives", where),
                      _irregular(raw.get("irregular") or {}, where))
