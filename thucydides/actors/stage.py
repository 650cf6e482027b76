"""The "actors" stage: one scan for the names of the actor base, one pass over the parse, then speakers.

It runs after "nlp" so that the parse can give generic names their country ("Nigerian troops") and turn
organisations the base lacks into new actor records (see `phrases`). Each mention carries its actor's kind,
country and whether it is still generic (settled later by `settle.settle_analysis`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from thucydides.actors.phrases import Found, PhraseReader, overlaps
from thucydides.actors.scan import Hit, NameScanner, in_compound
from thucydides.actors.speakers import SpeakerCues
from thucydides.knowledge.actors import ActorBase, ActorConfig, load_base
from thucydides.model import Actor, ActorMention, Analysis
from thucydides.pipeline import StageFn, stage


def mention(base: ActorBase, text: str, start: int, end: int, actor: Actor, speaker: bool) -> ActorMention:
    country = actor.countries[0] if len(actor.countries) == 1 else None
    return ActorMention(start, end, text[start:end], actor.id, speaker, actor.kind, country, base.settles(actor))


class Recogniser:
    """Finds the actors of one report: names, then what the parse adds, then who speaks."""

    def __init__(self, base: ActorBase, config: ActorConfig | None = None) -> None:
        self.base = base
        self.scanner = NameScanner(base)
        self.phrases = PhraseReader(base, config.new_actors if config else True)
        self.speakers = SpeakerCues(base.curated.speaker_nouns)

    def find(self, text: str, doc: Doc | None = None) -> list[ActorMention]:
        hits = [h for h in self.scanner.find(text) if not self._bound(text, h, doc)]
        found = self._from_parse(doc, hits) if doc is not None else []
        out = [self._mention(text, f.start, f.end, f.actor, f.speaker) for f in found]
        taken = [(f.start, f.end) for f in found]
        for hit in hits:
            actor = self.base.get(hit.actor)
            if actor is not None and not overlaps(hit.start, hit.end, taken):
                out.append(self._mention(text, hit.start, hit.end, actor, False))
        return with_defined_acronyms(text, sorted(out, key=lambda m: (m.start, m.end)))

    def _bound(self, text: str, hit: Hit, doc: Doc | None) -> bool:
        """A generic name that is not an actor of its own: part of a hyphenated word ('government-held') or
        owned by a pronoun ('our forces', 'its fighters': the speaker's side, which claims and events resolve)."""
        if not self.base.settles(self.base.get(hit.actor)):
            return False
        if in_compound(text, hit.start, hit.end):
            return True
        span = doc.char_span(hit.start, hit.end, alignment_mode="expand") if doc is not None else None
        return span is not None and len(span) > 0 and any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in span.root.children)

    def _mention(self, text: str, start: int, end: int, actor: Actor, speaker: bool) -> ActorMention:
        return mention(self.base, text, start, end, actor, speaker or self.speakers.speaks(text, start, end))

    def _from_parse(self, doc: Doc, hits: Sequence[Hit]) -> list[Found]:
        """Family names settled by their phrase (they replace the bare name), then actors the names missed."""
        settled = self.phrases.settle_families(doc, [(h.start, h.end, h.actor) for h in hits])
        kept = [(f.start, f.end) for f in settled]
        taken = kept + [(h.start, h.end) for h in hits if not overlaps(h.start, h.end, kept)]
        speakers = self.phrases.country_speakers(doc, taken)
        taken += [(f.start, f.end) for f in speakers]
        means = self.phrases.armed_means(doc, taken)
        taken += [(f.start, f.end) for f in means]
        return [*settled, *speakers, *means, *self.phrases.organisations(doc, taken)]


_DEFINED = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9&-]{1,9})\s*\)")


def with_defined_acronyms(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """'the Rapid Support Forces (RSF)': within this report the acronym names that actor, whatever else the
    base knows by it, and each of its occurrences is a mention."""
    defined: dict[str, ActorMention] = {}
    for m in mentions:
        match = _DEFINED.match(text, m.end)
        if match and not m.speaker:
            defined.setdefault(match.group(1), m)
    if not defined:
        return mentions
    out = [replace(m, actor=defined[m.text].actor, kind=defined[m.text].kind, country=defined[m.text].country,
                   generic=defined[m.text].generic) if m.text in defined else m for m in mentions]
    for acronym, source in defined.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
            if not overlaps(match.start(), match.end(), [(m.start, m.end) for m in out]):
                out.append(replace(source, start=match.start(), end=match.end(), text=acronym, speaker=False))
    return sorted(out, key=lambda m: (m.start, m.end))


@stage("actors", requires=("spacy_doc",), assigns=("actors",), config=ActorConfig)
def make_actor_stage(config: ActorConfig) -> StageFn:
    recogniser = Recogniser(load_base(config.learned_aliases), config)

    def actor_stage(batch: Sequence[Analysis]) -> None:
        for analysis in batch:
            doc = analysis.spacy_doc if isinstance(analysis.spacy_doc, Doc) else None
            analysis.actors = recogniser.find(analysis.document.analysis_text, doc)

    return actor_stage
