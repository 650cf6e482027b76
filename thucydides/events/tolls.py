"""Fatalities: the one policy every toll in thucydides is decided by (ACLED's).

ACLED records, for each event, the most conservative credible number of people killed, and never
adds up overlapping tolls. Spelled out, for the three places a toll is decided:

1. **One figure** (`figure`): a `killed` claim counts its lowest bound ("at least 12" is 12, "2,500 to
   3,000" is 2,500, "up to 100" is 100: the only number given); a vague word counts the small fixed
   number the events lexicon gives it ("dozens" 12, "hundreds" 100).
2. **One event in one report** (`report_toll`): the report's `killed` figures about the event are
   sorted by the victim group they count (the claim's `subject`; figures coordinated in one phrase,
   "five villagers and two policemen", count different groups whatever their subjects: `groups`).
   A figure told as part of another ("seven people, including five villagers", "20 soldiers, 15 of
   whom...") is not a toll of its own (`parts`), nor is one that counts the killers ("two gunmen shot
   and killed a farmer", "killed by three men": `doers`).
   - Figures about one group restate one toll: the lowest counts, never their sum.
   - Figures about *different named groups* count different people ("5 civilians and 40 fighters"):
     the claims say so, so their tolls are added (45). Only named groups are added; a group is
     named when the claim has a subject.
   - A figure that names no group ("12 people were killed", "3 fatalities in all") is the report's
     own count of everyone: it is not added to the named groups, and it stands for the toll (larger
     than their sum, it counts people they leave out; smaller, it is the most conservative count).
   - Each claimant's figures are one account ("2 killed (3 according to the rebels)"): accounts that
     count the same people (a group in common, or one naming no group) are alternatives, and the
     lowest stands.
   - A toll told as shared out among places, days or events ("20 fatalities split across 5 events", "the
     deaths were spread over two days") counts one part's share, the lowest, never none (`shares`,
     `told_share`, `share`): ACLED codes one event per place and day.
   With no figure at all, the words still count (`told_toll`): each victim a killing names counts one
   ("shot and killed a farmer and his son": 2), a vague amount counts its fixed number ("an unknown
   number of militants were killed": 3). The readings named in settings `fatalities.told_victim_readings`
   widen who a killing's victims are ("killed and mutilated a farmer", "a woman succumbed", "a 25-year-old
   was shot dead", "killing another", "Three HM militants were killed", "the body of a man was found", "which
   resulted in his death", "Teacher shot dead overnight"). Which figures count the dead at all is decided by the
   readings in `fatalities.figure_readings` ("two police vehicles", "Around 14 March", "9 others were hurt"
   and the killers of "four gunmen tried to assassinate X" count none; docs/models/event_coder.md, issue 9).
3. **One event across reports** (`across_reports`): each report's toll is one account of the same
   dead; accounts are never added: the lowest (most conservative) toll stands.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from spacy.tokens import Doc, Token

from thucydides.claims.figures import is_month_name
from thucydides.claims.lexicon import lexicon as claim_lexicon
from thucydides.knowledge.fatalities import fatality_settings, figure_reading
from thucydides.knowledge.lexicons import lexicons
from thucydides.ling import numbers
from thucydides.ling.arguments import arguments
from thucydides.ling.clauses import is_passive, is_realis
from thucydides.ling.tokens import NOMINAL, VERBAL, char_span, children, contains, forms, span_head
from thucydides.model import Claim

KILLED = "killed"


def figure(claim: Claim, vague_counts: Mapping[str, int]) -> int | None:
    """The number one `killed` claim counts: its lowest bound, or its vague word's fixed count."""
    if claim.qualifier == "vague":
        text = (claim.figure.text if claim.figure else claim.evidence.text).lower()
        for word, count in vague_counts.items():
            if word in text.split() or word in text:
                return count
    if claim.low is not None:
        return int(claim.low)
    if claim.high is not None:
        return int(claim.high)
    return None


def report_toll(claims: Iterable[Claim], vague_counts: Mapping[str, int],
                groups: Mapping[str, str] | None = None, shares: Mapping[str, int] | None = None) -> int | None:
    """The toll of one event as one report tells it (rule 2 above); None when it gives no figure.
    `groups` names the victim group of claims (by id) whose subject does not say it (see `groups`); `shares`
    the number of parts a claim's figure is told as shared out among (see `shares`): it counts its share.
    Each claimant's figures are one account; accounts that count the same people (a group in common, or
    one naming no group) are alternatives, and the lowest stands ('2 killed, 3 according to the rebels')."""
    accounts = _accounts(claims, vague_counts, groups or {}, shares or {})
    if not accounts:
        return None
    if len(accounts) > 1 and _alternatives(list(accounts.values())):
        return min(_account_toll(lowest) for lowest in accounts.values())
    merged: dict[str | None, int] = {}
    for lowest in accounts.values():
        for group, count in lowest.items():
            merged[group] = min(merged.get(group, count), count)
    return _account_toll(merged)


def _accounts(claims: Iterable[Claim], vague_counts: Mapping[str, int], groups: Mapping[str, str],
              shares: Mapping[str, int]) -> dict[str | None, dict[str | None, int]]:
    """Claimant -> victim group -> the lowest death figure it gives for that group (its share where shared)."""
    accounts: dict[str | None, dict[str | None, int]] = {}
    for claim in claims:
        count = figure(claim, vague_counts) if claim.metric == KILLED else None
        if count is not None:
            count = share(count, shares.get(claim.id, 1))
            group = groups.get(claim.id) or claim.subject
            lowest = accounts.setdefault(claim.claimant, {})
            lowest[group] = min(lowest.get(group, count), count)
    return accounts


def _account_toll(lowest: Mapping[str | None, int]) -> int:
    """Named groups add up; a figure naming no group counts everyone: it stands (rule 2 above)."""
    named = sum(count for group, count in lowest.items() if group is not None)
    return lowest.get(None, named)


def _alternatives(accounts: Sequence[Mapping[str | None, int]]) -> bool:
    """Two accounts count the same people: a group in common, or one names no group."""
    for i, a in enumerate(accounts):
        for b in accounts[i + 1:]:
            if None in a or None in b or set(a) & set(b):
                return True
    return False


def across_reports(tolls: Iterable[int | None]) -> int | None:
    """The toll of one event told by several reports (rule 3 above): the lowest; None when none gives one."""
    known = [t for t in tolls if t is not None]
    return min(known) if known else None


def _counted(doc: Doc, claim: Claim) -> Token | None:
    """The noun a figure counts ('five villagers' → villagers), or the figure itself."""
    span = claim.figure or claim.evidence
    head = span_head(doc, span.start, span.end)
    if head is not None and head.dep_ == "nummod":
        return head.head
    return head


def groups(doc: Doc, claims: Sequence[Claim]) -> dict[str, str]:
    """Claims whose counted nouns are coordinated ('five villagers and two policemen') count different
    groups: each gets a group of its own (its counted noun), by claim id."""
    heads = {c.id: _counted(doc, c) for c in claims if c.metric == KILLED}
    out = {}
    for claim_id, head in heads.items():
        if head is None:
            continue
        partners = {t.i for t in head.conjuncts}
        if any(other is not None and other.i in partners for other in heads.values()):
            out[claim_id] = f"{head.lemma_.lower()}@{head.i}"
    return out


def share(toll: int, parts: int) -> int:
    """One part's share of a toll shared out: the lowest, but never none of a toll of some."""
    return max(1, toll // parts) if toll > 0 else toll


def shares(doc: Doc, claims: Sequence[Claim]) -> dict[str, int]:
    """Claims whose figure is told as shared out ('20 fatalities split among 5 events', 'spread across three
    villages'): the number of parts, by claim id."""
    heads = {c.id: _counted(doc, c) for c in claims if c.metric == KILLED}
    return {claim_id: parts for claim_id, head in heads.items() if head is not None and (parts := _parts(head))}


def told_share(doc: Doc, start: int, end: int) -> int:
    """'The fatalities were split between two days': the number of parts a toll told without a figure between
    characters `start` and `end` is shared out among (1 when none)."""
    span = char_span(doc, start, end)
    nouns = lexicons().shared_toll_nouns
    found = [_parts(t) for t in span or () if t.lemma_.lower() in nouns and not children(t, "nummod")]
    return max((p for p in found if p), default=1)


def _parts(noun: Token) -> int | None:
    """The number of parts the verb the noun is subject of shares it out among ('split across 3 events')."""
    lex = lexicons()
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in lex.share_verbs:
        return None
    objects = [o for p in children(verb, "prep") if p.lower_ in lex.share_prepositions for o in children(p, "pobj")]
    for number in (n for o in objects for n in children(o, "nummod")):
        value = numbers.read_number([number.text], 0)
        if value and value[0] >= 2:
            return int(value[0])
    return None


def unit_claims(claims: Sequence[Claim], start: int, end: int) -> list[Claim]:
    """The killed claims whose figure is told between characters `start` and `end`."""
    return [c for c in claims if c.metric == KILLED and start <= (c.figure or c.evidence).start < end]


def parts(doc: Doc, claims: Sequence[Claim]) -> set[str]:
    """Ids of figures told as a part of another figure beside them: inside its phrase ('20 soldiers, 15
    of whom...') or marked so ('including five villagers', 'among them three children')."""
    heads = {c.id: _counted(doc, c) for c in claims if c.metric == KILLED}
    others = [h for h in heads.values() if h is not None]
    return {claim_id for claim_id, head in heads.items()
            if head is not None and (_marked_part(head) or _inside_another(head, others))}


def doers(doc: Doc, claims: Sequence[Claim]) -> set[str]:
    """Ids of figures that count who did the killing, not who died: the subject of a clause whose verb (or a
    verb coordinated with it) has an object ('two gunmen shot and killed a farmer'), or the agent of a passive
    ('a farmer was killed by three men')."""
    heads = {c.id: _counted(doc, c) for c in claims if c.metric == KILLED}
    return {claim_id for claim_id, head in heads.items() if head is not None and _is_doer(head)}


def _is_doer(noun: Token) -> bool:
    if noun.dep_ == "pobj" and (noun.head.dep_ == "agent" or noun.head.lower_ == "by"):
        return True  # 'killed in a shooting by two men on a motorbike'
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in NOMINAL:
        noun = noun.head.head  # 'a group of three armed men shot and killed the mayor'
    if noun.dep_ != "nsubj" or noun.head.pos_ not in VERBAL:
        return False
    verbs = [noun.head, *noun.head.conjuncts]
    if figure_reading("doer_aim"):  # 'four gunmen tried to assassinate the commander'
        verbs += [x for v in verbs for x in children(v, "xcomp")]
    return any(children(v, "dobj") for v in verbs)


def _marked_part(head: Token) -> bool:
    """'including five villagers', 'among them three children'."""
    markers = lexicons().part_markers
    if head.dep_ == "pobj" and head.head.lower_ in markers:
        return True
    return any(p.lower_ in markers and any(o.pos_ == "PRON" for o in children(p, "pobj"))
               for p in children(head, "prep"))


def _inside_another(head: Token, others: Sequence[Token]) -> bool:
    """'20 soldiers, 15 of whom...': a figure in the phrase of another figure's noun (a coordinated one is
    a group beside it, not a part of it)."""
    partners = {t.i for t in head.conjuncts}
    return any(o.i != head.i and o.i not in partners and contains(o, head) for o in others)


def told_toll(doc: Doc, start: int, end: int, vague_counts: Mapping[str, int]) -> int | None:
    """Deaths the words tell between `start` and `end` without a figure: the victims of the most telling
    realised killing (one each, or a vague amount's fixed count); None when no killing is told."""
    span = char_span(doc, start, end)
    if span is None:
        return None
    readings = toll_settings().told_victim_readings
    words = lexicons().death_words | (lexicons().dying_verbs if "dying_subject" in readings else frozenset())
    told = [t for t in span if t.pos_ in VERBAL and is_realis(t) and not _describes(t)]
    kills = [t for t in told if _kills(t, words)]
    tolls = [_victims(t, vague_counts) for t in kills] + _unkilled_dead(span, told, readings)
    if "joined_killings" in readings:
        tolls += [_joined_victims(t, kills, vague_counts) for t in kills]
    known = [t for t in tolls if t]
    return max(known) if known else None


def _joined_victims(verb: Token, kills: Sequence[Token], vague_counts: Mapping[str, int]) -> int:
    """'One prisoner died that day and another died a week later' 2: killings joined to the verb whose victims are
    others than its own (not the object they share, 'lynched and killed a thief'; not a pronoun, which names the
    same dead again, 'was shot and he died') add theirs to its (`joined_killings`); 0 where none is joined."""
    first = _victim_set(verb)
    own = [w for w in verb.children if w.dep_ == "conj" and w in kills and _others(first, _victim_set(w))]
    return _victims(verb, vague_counts) + sum(_victims(w, vague_counts) for w in own) if own and first else 0


def _victim_set(verb: Token) -> tuple[Token, ...]:
    """Who the killing verb kills, as `_victims` first reads them."""
    return _read_victims(verb, toll_settings().told_victim_readings)[0]


def _read_victims(verb: Token, readings: Sequence[str]) -> tuple[tuple[Token, ...], bool]:
    """The killing verb's victims as its words name them, and whether it is told in the passive (its subject then
    names them), for `_victims` and `_victim_set` alike."""
    passive = is_passive(verb) or _shares_passive(verb) or _headline_participle(verb, readings)
    return _victim_tokens(verb, passive, readings), passive


def _others(first: Sequence[Token], joined: Sequence[Token]) -> bool:
    """Victims none of whom is the first killing's, nor a pronoun naming one of them again."""
    pronouns = lexicons().one_person_pronouns
    shared = {t.i for t in first} & {t.i for t in joined}
    return bool(joined) and not shared and not any(t.lower_ in pronouns for t in joined)


def _unkilled_dead(span: Iterable[Token], told: Sequence[Token], readings: Sequence[str]) -> list[int]:
    """The dead told by no killing verb: bodies found (`found_body`), deaths a happening resulted in
    (`death_outcome`)."""
    found = [_found_bodies(t) for t in told] if "found_body" in readings else []
    return found + ([_death_outcome(t) for t in span if t.pos_ == "NOUN"] if "death_outcome" in readings else [])


def _describes(verb: Token) -> bool:
    """'relatives of a man who died in custody': a restrictive relative clause whose subject is the relative
    pronoun describes someone the report is about; it does not tell the happening (unlike 'a driver, who
    died later' or 'clashes during which ten were killed')."""
    if verb.dep_ != "relcl":
        return False
    pronouns = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT")]
    return bool(pronouns) and pronouns[0].i > 0 and verb.doc[pronouns[0].i - 1].text != ","


def _kills(verb: Token, words: frozenset[str]) -> bool:
    """A death verb, or a verb whose outcome is death: 'shot dead', 'beaten to death', 'fatally stabbed'."""
    if forms(verb) & words:
        return True
    outcome = [c for c in verb.children if c.dep_ in ("oprd", "acomp", "advmod")]
    outcome += [o for p in children(verb, "prep") if p.lower_ == "to" for o in children(p, "pobj")]
    return any(forms(c) & words for c in outcome)


toll_settings = fatality_settings
"""The `fatalities` settings (knowledge/fatalities.py): which readings `told_toll` makes."""


def _victims(verb: Token, vague_counts: Mapping[str, int]) -> int:
    """'killed a farmer and his son' 2, 'an unknown number were killed' 3, 'killed five traders' 5."""
    readings = toll_settings().told_victim_readings
    victims, passive = _read_victims(verb, readings)
    if victims and passive and "own_auxiliary" in readings and _disagrees(verb, victims):
        victims = ()
    if not victims and passive and "singular_passive" in readings:
        return 1 if _singular_auxiliary(verb) else 0
    total = 0
    for victim in victims:
        total += _victim_count(victim, vague_counts) if _whole_noun(victim) or _aged(victim, readings) else 0
    return total


def _victim_tokens(verb: Token, passive: bool, readings: Sequence[str]) -> tuple[Token, ...]:
    """Who the killing verb kills: its undergoer (the passive's subject, the active's object; not 'at her home',
    'on suspicion'), with `conjunct_object` the object of a verb coordinated with it, or a dying verb's subject."""
    args = arguments(verb)
    direct = args.subjects if passive else args.objects
    dies = _dies(verb, readings)
    if not direct and not passive and "conjunct_object" in readings and not dies:
        direct = _conjunct_objects(verb)
    return direct or (args.subjects if dies else ())


def _headline_participle(verb: Token, readings: Sequence[str]) -> bool:
    """'Teacher shot dead overnight near Djibo', 'Three traders shot dead in the market': a killing verb
    told as a headline is, with no auxiliary nor object, the parser's active past of a passive (`headline_participle`):
    its subject is its victims."""
    if "headline_participle" not in readings or verb.tag_ not in ("VBD", "VBN") or _dies(verb, readings):
        return False
    own = {c.dep_ for c in verb.children}
    joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in VERBAL]
    if any(children(j, "dobj") for j in joined):
        return False  # 'masked men killed and mutilated a herder': the object hangs on the joined verb
    return "nsubj" in own and not own & {"aux", "auxpass", "dobj", "obj", "ccomp", "xcomp"}


def _disagrees(verb: Token, victims: Sequence[Token]) -> bool:
    """'30 marchers were injured, ..., and an official was killed': a passive joined to another with an auxiliary of its
    own that is singular where the subject it shares is plural has lost its own subject (`own_auxiliary`); the
    singular auxiliary then counts one (`singular_passive`)."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    singular = any(c.dep_ in ("aux", "auxpass") and c.lower_ in lexicons().singular_auxiliaries for c in verb.children)
    return singular and all(v.tag_ in ("NNS", "NNPS") for v in victims)


def _death_outcome(noun: Token) -> int:
    """'the beating resulted in his death' 1, 'leading to the death of a farmer' 1, 'which resulted in the killing of
    the mayor and his guard' 2: a death noun a verb of outcome governs (`death_outcome`) counts its owner or its 'of'
    object; 0 where it names none, or where the outcome is not told as happened."""
    lex = lexicons()
    if noun.lemma_.lower() not in lex.death_nouns:
        return 0
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ in ("dobj", "obj") else None
    if governor is None or governor.lemma_.lower() not in lex.outcome_verbs or not is_realis(governor):
        return 0
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [o for p in children(noun, "prep") if p.lower_ == "of" for o in children(p, "pobj")]
    return sum(_one_victim(o) for first in owners[:1] for o in (first, *first.conjuncts))


def _singular_auxiliary(verb: Token) -> bool:
    """'..., a member of the party, was shot dead': a passive killing whose subject the parser lost (hung as an
    appositive elsewhere) still tells one victim when its auxiliary is singular (`singular_passive`)."""
    heads = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    auxiliaries = [c for h in heads for c in h.children if c.dep_ in ("auxpass", "aux")]
    return any(a.lower_ in lexicons().singular_auxiliaries for a in auxiliaries)


def _aged(victim: Token, readings: Sequence[str]) -> bool:
    """'a 25-year-old was shot dead': an adjective heading a victim's phrase after 'a' names someone, though the
    recogniser tags an age as a date (`singular_determiner`)."""
    return "singular_determiner" in readings and victim.pos_ == "ADJ" and victim.ent_type_ == "DATE"


def _found_bodies(verb: Token) -> int:
    """'the body of a farmer was found' 1, 'police recovered the bodies of two women' 2, 'a man's body was found' 1:
    the bodies a verb of finding (the lexicon's discovery_verbs) finds are its dead (`found_body`); 0 where it
    finds none or bodies it does not count."""
    lex = lexicons()
    if verb.lemma_.lower() not in lex.discovery_verbs:
        return 0
    args = arguments(verb)
    found = args.subjects if args.passive or _shares_passive(verb) else args.objects
    return sum(_body_count(n) for n in found if n.lemma_.lower() in lex.body_nouns)


def _body_count(body: Token) -> int:
    """'two bodies' 2, 'the bodies of two women' 2, 'the body of a man' 1, 'a body' 1, 'bodies' 0."""
    numbered = [c for c in body.children if c.dep_ == "nummod"]
    if numbered:
        return _number_at(numbered[0])
    owners = [o for p in children(body, "prep") if p.lower_ == "of" for o in children(p, "pobj")]
    if owners:
        return sum(_one_victim(o) for o in (owners[0], *owners[0].conjuncts))
    return 1 if body.tag_ == "NN" else 0


def _dies(verb: Token, readings: Sequence[str]) -> bool:
    """A verb whose subject is the one who dies ('a man died', 'a woman succumbed to her wounds'): the lexicon's
    dying verbs with the reading `dying_subject`, else 'die' alone."""
    lemma = verb.lemma_.lower()
    return lemma in lexicons().dying_verbs if "dying_subject" in readings else lemma == "die"


def _conjunct_objects(verb: Token) -> tuple[Token, ...]:
    """'gunmen killed and mutilated a farmer': a killing verb with no object of its own shares the object of the
    active verb coordinated with it (the parser hangs the object on one verb: 'abducted and killed a chief')."""
    partners = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in VERBAL and not _own_words_before(verb, c)]
    if verb.dep_ == "conj" and verb.head.pos_ in VERBAL:
        partners.append(verb.head)
    for partner in partners:
        args = arguments(partner)
        if not args.passive and args.objects:
            return args.objects
    return ()


def _own_words_before(verb: Token, partner: Token) -> bool:
    """'killing around 15 of them and injuring 20 others': a verb with words of its own before the verb joined to it
    tells its own victims; only 'killed and mutilated a farmer' shares the partner's object."""
    return any(c.dep_ not in ("cc", "punct", "advmod", "conj") and verb.i < c.i < partner.i for c in verb.children)


def _shares_passive(verb: Token) -> bool:
    """'was shot and killed': a participle joined to a passive verb, with no subject or auxiliary of its own,
    is passive too (its subject is the first verb's undergoer)."""
    own = any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and not own and is_passive(verb.head)


def _whole_noun(token: Token) -> bool:
    """A noun that names someone: not a piece of a hyphenated word ('sub-chief'), not a place or a date."""
    doc = token.doc
    glued = token.i + 1 < len(doc) and not token.whitespace_ and doc[token.i + 1].text == "-"
    return not glued and token.text != "-" and token.ent_type_ not in PLACE_OR_TIME and not _day(token)


def _day(token: Token) -> bool:
    """'Around 15 May 2022, ... a man was shot': a number beside a capitalised month name is a day the parser made
    a subject, not victims (`month_date`, fatalities.figure_readings; claims.yaml month_names)."""
    if not token.like_num or not figure_reading("month_date"):
        return False
    lex = claim_lexicon()
    beside = [token.doc[k] for k in (token.i - 1, token.i + 1) if 0 <= k < len(token.doc)]
    return any(is_month_name(t, lex) for t in beside)


PLACE_OR_TIME = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})


def _victim_count(victim: Token, vague_counts: Mapping[str, int]) -> int:
    amounts = lexicons().vague_amounts
    quantifiers = [w for w in victim.subtree if w.i <= victim.i and forms(w) & amounts]
    if quantifiers:
        return max((vague_counts.get(w.lower_, vague_counts.get(w.lemma_.lower(), 0)) for w in quantifiers),
                   default=0)
    pairs = lexicons().pair_words
    if any(c.lower_ in pairs for c in victim.children if c.i < victim.i):
        return 2  # 'killed both drivers'
    return _one_victim(victim)


def _number_at(token: Token) -> int:
    """The whole number of at least one written from `token` on ('five', 'two hundred'); 0 where none is."""
    value = numbers.read_number([t.text for t in token.doc[token.i:token.i + 3]], 0)
    return int(value[0]) if value and value[0] >= 1 else 0


def _one_victim(victim: Token) -> int:
    """A singular noun or a one-person pronoun ('killing him') counts one; a counted noun ('killed five
    traders', 'one of them') counts its number (told tolls are read only where no claim counts the dead)."""
    readings = toll_settings().told_victim_readings
    counted = _counting(victim, readings)
    if counted is not None:
        return _number_at(counted)
    if victim.pos_ == "PRON" and victim.lower_ in lexicons().one_person_pronouns:
        return 1
    if victim.tag_ in {"NN", "NNP"} and victim.pos_ in {"NOUN", "PROPN"}:
        return 1
    return 1 if "singular_determiner" in readings and _one_person_phrase(victim) else 0


def _counting(victim: Token, readings: Sequence[str]) -> Token | None:
    """The number that counts the victim's phrase: its numeric modifier, the victim itself, or (`number_modifier`)
    a number the parser hung on a word before it as a compound ('Three HM militants'), not a date's."""
    counted = [c for c in victim.children if c.dep_ == "nummod"] or ([victim] if victim.like_num else [])
    if not counted and "number_modifier" in readings:
        counted = [t for t in victim.subtree if t.i < victim.i and t.like_num and t.dep_ == "compound"
                   and t.ent_type_ not in PLACE_OR_TIME]
    return counted[0] if counted else None


def _one_person_phrase(victim: Token) -> bool:
    """'a 25-year-old', 'another', 'the other': a phrase not plural that a one-person word makes one person."""
    if victim.tag_ in {"NNS", "NNPS"}:
        return False
    words = lexicons().one_person_determiners
    return victim.lower_ in words or any(c.dep_ == "det" and c.lower_ in words for c in victim.children
                                         if c.i < victim.i)
