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
from thucydides.knowledge.actors import NEW_PREFIX, ActorBase, ActorConfig, load_base
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
        self.phrases = PhraseReader(base, config.new_actors if config else True,
                                    frozenset(config.alliance_words) if config else frozenset())
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
        out = with_defined_acronyms(text, sorted(out, key=lambda m: (m.start, m.end)))
        return self._named_again(text, out)

    def _named_again(self, text: str, mentions: list[ActorMention]) -> list[ActorMention]:
        """Later writings of an actor named before that neither the base nor the parse caught: its initials
        ('Immigration and Customs Enforcement ... ICE') and, for an organisation the base lacks, its name again
        where spaCy did not tag it."""
        out = list(mentions)
        for start, end, source in [*initialisms(text, mentions), *repeated_names(text, mentions)]:
            if not overlaps(start, end, [(m.start, m.end) for m in out]):
                speaker = self.speakers.speaks(text, start, end)
                out.append(replace(source, start=start, end=end, text=text[start:end], speaker=speaker))
        return sorted(out, key=lambda m: (m.start, m.end))

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
        named = [(h.start, h.end, h.actor) for h in hits]
        allied = self.phrases.alliances(doc, named)
        spans = [(f.start, f.end) for f in allied]
        settled = [*allied, *(f for f in [*self.phrases.settle_families(doc, named),
                                         *self.phrases.people_militias(doc, named)]
                              if not overlaps(f.start, f.end, spans))]
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


_CAPITALS = re.compile(r"(?<![\w-])[A-Z]{2,6}(?![\w-])")
_SMALL_WORDS = frozenset({"of", "and", "for", "the", "in", "on", "de", "du", "des", "al"})


def initials(name: str) -> str:
    """'Immigration and Customs Enforcement' -> 'ICE'; 'the Baloch Liberation Army' -> 'BLA'."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _SMALL_WORDS]
    return "".join(w[0] for w in words) if all(w[0].isupper() for w in words) else ""


def initialisms(text: str, mentions: Sequence[ActorMention]) -> list[tuple[int, int, ActorMention]]:
    """Capital words that spell the initials of a name of several words given before them."""
    out = []
    for match in _CAPITALS.finditer(text):
        source = next((m for m in reversed(mentions) if m.end <= match.start() and not m.speaker
                       and len(m.text.split()) > 1 and initials(m.text) == match.group()), None)
        if source is not None:
            out.append((match.start(), match.end(), source))
    return out


_NAME_GOES_ON = re.compile(r"[\s-]+(?:[A-Z]|(?:de|des|du|la|le|al|el|of)[\s-]+[A-Z])")


def repeated_names(text: str, mentions: Sequence[ActorMention]) -> list[tuple[int, int, ActorMention]]:
    """Every other writing of the name of an organisation the base lacks ('Al-Shabab' after 'al-Shabab': only
    the first letter's case may differ), unless it is part of a longer name ('Croix des Bouquets')."""
    out = []
    named = {m.text: m for m in mentions if m.actor.startswith(NEW_PREFIX) and len(m.text) > 3
             and not m.speaker and any(c.isupper() for c in m.text) and any(c.islower() for c in m.text)}
    for name, source in named.items():
        written = rf"(?<![\w-])[{re.escape(name[0].lower())}{re.escape(name[0].upper())}]{re.escape(name[1:])}(?![\w-])"
        for match in re.finditer(written, text):
            if not _NAME_GOES_ON.match(text, match.end()):
                out.append((match.start(), match.end(), source))
    return out


@stage("actors", requires=("spacy_doc",), assigns=("actors",), config=ActorConfig)
def make_actor_stage(config: ActorConfig) -> StageFn:
    recogniser = Recogniser(load_base(config.learned_aliases), config)

    def actor_stage(batch: Sequence[Analysis]) -> None:
        for analysis in batch:
            doc = analysis.spacy_doc if isinstance(analysis.spacy_doc, Doc) else None
            analysis.actors = recogniser.find(analysis.document.analysis_text, doc)

    return actor_stage
