"""What role finding needs of one document, indexed once: the parse, its sentences, the cast of actors."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from thucydides.claims.cast import Cast
from thucydides.claims.figures import Figure, Segment
from thucydides.claims.lexicon import ClaimLexicon
from thucydides.claims.metric import Reading
from thucydides.claims.settings import ClaimsSettings
from thucydides.claims.where import scene_of
from thucydides.knowledge.settings import SettingsError
from thucydides.ling.context import DocContext
from thucydides.model import Analysis


@dataclass
class Context:
    analysis: Analysis
    lex: ClaimLexicon
    cast: Cast
    cfg: ClaimsSettings
    segments: Sequence[Segment]
    voice: str | None = None
    """The actor a report speaks for when it is that actor's own release (a monitor's masthead)."""
    speakers: dict[int, str | None] = field(default_factory=dict)
    """The source each sentence names, by sentence index (filled as sentences are read)."""
    subjects: dict[int, str] = field(default_factory=dict)
    """The last side counted in each sentence: "seven others" count the same side."""
    claimants: dict[int, str | None] = field(default_factory=dict)
    """Each figure's claimant, by the figure's start, once found."""
    claimant_steps: Mapping[str, Step] = field(default_factory=dict)
    scene: DocContext = field(init=False)
    """The report's places, indexed once (the events stage's view, so figures and events are placed alike)."""
    _starts: list[int] = field(default_factory=list)
    _tokens: dict[tuple[int, int], list[Token]] = field(default_factory=dict)
    """Each sentence's tokens, made once: the steps read the same sentences over and over."""

    def claimant_of(self, fig: Figure, reading: Reading) -> str | None:
        if fig.start not in self.claimants:
            self.claimants[fig.start] = run_steps(self.cfg.claimant_steps, self.claimant_steps, fig, reading, self)
        return self.claimants[fig.start]

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.segments]
        self.scene = scene_of(self.analysis, self.lex)

    @property
    def doc(self) -> Doc:
        assert self.analysis.spacy_doc is not None
        return self.analysis.spacy_doc

    @property
    def text(self) -> str:
        return self.analysis.document.text

    def segment_index(self, seg: Segment) -> int:
        return bisect.bisect_left(self._starts, seg.start)

    def segment_of(self, token: Token) -> Segment:
        i = max(0, bisect.bisect_right(self._starts, token.idx) - 1)
        return self.segments[i]

    def tokens(self, seg: Segment) -> list[Token]:
        key = (seg.first_token, seg.last_token)
        if key not in self._tokens:
            doc = self.doc
            self._tokens[key] = [doc[k] for k in range(seg.first_token, seg.last_token)]
        return self._tokens[key]

    def same_paragraph(self, a: Segment, b: Segment) -> bool:
        return a.paragraph == b.paragraph


Step = Callable[[Figure, Reading, Context], "str | None"]


def run_steps(names: Sequence[str], steps: Mapping[str, Step], fig: Figure, reading: Reading, ctx: Context,
              accept: Callable[[str], bool] = lambda actor: True) -> str | None:
    """The first actor an ordered list of named steps finds (and `accept` admits)."""
    for name in names:
        found = steps[name](fig, reading, ctx)
        if found is not None and accept(found):
            return found
    return None


def check_steps(kind: str, names: Sequence[str], steps: Mapping[str, object]) -> None:
    unknown = [n for n in names if n not in steps]
    if unknown:
        raise SettingsError(f"stages.claims.{kind}: unknown step(s) {', '.join(unknown)}; "
                            f"known: {', '.join(steps)}")
