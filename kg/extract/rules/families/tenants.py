"""Who is in a park or zone, told by what the place holds: "the park ... houses companies
including A and B", "The first phase has attracted 28 companies, including A", "It hosts 14
medical institutions, including A", "Fifteen enterprises have moved into Phase II, including
A", "the first nine enterprises to settle in the harbor, among them A", "A and B, both located
in the valley".

Read from the parse, since writers put asides and second verbs between the place and what it
holds ("the park, in the south of X, covers 12 square kilometers and houses ..."): the verb
before the list's cue, its subject (or the place after "into"/"in"), and a noun of bodies
("companies", "institutions") as what is held, so a list of products or projects is never
read as tenants.
"""

from __future__ import annotations

import re
from typing import Any

from kg.extract import lexicon as lx
from kg.extract.heads import head_word
from kg.extract.rules.patterns import LIST
from kg.extract.rules.sentence import Sentence
from kg.records import EntityType, Relation

# verbs whose subject holds the bodies: "houses", "has attracted", "hosts", "is home to"
_HOLDS = frozenset({"house", "host", "attract", "gather", "accommodate", "draw", "lure", "have", "cluster"})
# verbs whose bodies go into a place: "moved into", "settled in", "are located in"
_ENTERS = frozenset({"move", "settle", "locate", "base", "register", "land", "enter", "station"})
_CUE = re.compile(r"\b(?:including|such\s+as|among\s+them|among\s+which|namely)\s+(?:the\s+)?(?P<l>" + LIST + ")")
# "A and B, both located in the valley"
_BOTH_IN = re.compile(r"(?P<l>" + LIST + r"),\s+(?:both|all|each)\s+(?:(?:of\s+them|of\s+which)\s+)?(?:are\s+)?"
                      r"(?:located|based|situated|headquartered)\s+in\s+(?:the\s+)?(?P<b>⟦\d+⟧)")
# what a place that holds bodies is called when not named: "the park", "Phase II", "it"
_PHASE_OF = re.compile(r"^Phase\s+\w+\s+of\s+(?:the\s+)?(.+\b(?:Park|Zone|Valley|Harbou?r|Base|Town))$", re.I)
_PHASE = re.compile(r"^(?:Phase\s+\w+|(?:the\s+)?(?:first|second|third|new)\s+phase)$", re.I)


def read(s: Sentence) -> None:
    for m in _CUE.finditer(s.ph):
        items = [k for k in s.agents(m.group("l")) if s.typ(k) in lx.ORG_TYPES]
        first = re.search(r"⟦\d+⟧", m.group("l"))
        if not items or first is None:
            continue
        start = s.ms[int(first.group(0).strip("⟦⟧"))].start
        verb = _verb_before(s, start) or _verb_of_cued(s, start)
        place = _holder(s, verb) if verb is not None else None
        if place is None:
            continue
        for item in items:
            if item != place:
                s.fact(item, Relation.LOCATED_IN, place)
    for m in _BOTH_IN.finditer(s.ph):
        place = s.key(m.group("b"))
        if s.typ(place) in (EntityType.PLACE, EntityType.VENUE):
            for item in s.agents(m.group("l")):
                if s.typ(item) in lx.ORG_TYPES and item != place:
                    s.fact(item, Relation.LOCATED_IN, place)


def _verb_before(s: Sentence, char: int) -> Any:
    """The last verb of the sentence before ``char`` that tells of holding or entering, in the
    same clause (no semicolon between)."""
    found = None
    for tok in s.sent:
        if tok.idx >= char:
            break
        if tok.text == ";":
            found = None
        elif tok.pos_ in ("VERB", "AUX", "NOUN") and tok.lemma_.lower() in _HOLDS | _ENTERS | {"home"}:
            found = tok
    return found


def _verb_of_cued(s: Sentence, char: int) -> Any:
    """"Leading firms including A and B have settled in the park": the verb whose subject is
    the noun the cue before the list (at ``char``) hangs from, when that verb tells of entering."""
    cue = next((t for t in reversed(s.sent) if t.idx < char and t.lower_ in {"including", "as", "among", "namely"}),
               None)
    noun = cue.head if cue is not None and cue.dep_ == "prep" else None
    if noun is None or noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.lemma_.lower() not in _ENTERS:
        return None
    return noun.head


def _holder(s: Sentence, verb: Any) -> str | None:
    """The place holding the bodies of ``verb``'s clause, when its bodies are bodies."""
    lemma = verb.lemma_.lower()
    if lemma in _ENTERS:
        bodies = _subject(verb)
        target = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "into", "at")
                       for g in c.children if g.dep_ == "pobj"), None)
        if bodies is None or not lx.is_body_noun(bodies.text) or target is None:
            return None
        return _place_at(s, target)
    if lemma == "home":  # "X, which is home to 60 companies, including": the places family reads it
        return None
    held = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if held is None or not lx.is_body_noun(held.text):
        return None
    subject = _subject(verb)
    if subject is None:  # "Founded in 2018, the park, in the south, covers ... and houses": a
        # parse that hangs the subject elsewhere; the first container the clause names
        return next((m.key for m in s.ms if m.start < verb.idx and s.typ(m.key) is EntityType.PLACE
                     and head_word(s.r.ex.entities[m.key].label) in _CONTAINERS), None)
    return _place_at(s, subject)


def _subject(verb: Any) -> Any:
    """The verb's subject, through coordination ("covers 12 km2 and houses ...") and the noun a
    participle or relative clause hangs from ("enterprises to settle in the harbor")."""
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if verb.dep_ in ("acl", "relcl"):
            return verb.head
        if verb.i >= 2 and verb.doc[verb.i - 1].lower_ == "to" and verb.doc[verb.i - 2].pos_ == "NOUN":
            return verb.doc[verb.i - 2]  # "the first nine enterprises to settle in the harbor"
        if verb.dep_ != "conj" or verb.head is verb:
            return None
        verb = verb.head
    return None


def _place_at(s: Sentence, tok: Any) -> str | None:
    """The park or zone a word names: a mention there ("the park" was resolved before), the
    park of "Phase I of X Park", and for "it" or an unnamed "Phase II" the place of that kind
    named last before the sentence."""
    key = _mention_key(s, tok)
    if key is not None and (whole := _PHASE_OF.match(s.r.ex.entities[key].label)):
        key = s.r.entity(whole.group(1), EntityType.PLACE)  # "Phase II of X Park": X Park
    if key is None:
        of = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"), None)
        key = _mention_key(s, of) if of is not None else None
    if key is None and (tok.lower_ == "it" or _PHASE.match(s.r.text[tok.left_edge.idx:tok.idx + len(tok.text)])):
        key = _last_container(s, tok.idx)
    if key is None or s.typ(key) not in (EntityType.PLACE, EntityType.VENUE):
        return None
    return key if s.r.ex.entities[key].label not in lx.COUNTRIES else None


def _mention_key(s: Sentence, tok: Any) -> str | None:
    return next((m.key for m in s.ms if m.start <= tok.idx < m.end), None)


def _last_container(s: Sentence, char: int) -> str | None:
    """The park, zone, valley or harbour the story named last before ``char``."""
    best = None
    for m in s.r.mentions:
        if m.start >= char:
            break
        ent = s.r.ex.entities[m.key]
        if ent.type is EntityType.PLACE and head_word(ent.label) in _CONTAINERS:
            best = m.key
    return best


# where a named place holding bodies may be: a park or zone, and a hub, city or area
_CONTAINERS = lx.HOLDING_PLACE_HEADS | {"hub", "city", "area"}
