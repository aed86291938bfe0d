"""An event's start and end dates from the dated phrases of its sentence.

The occurrence family finds the verb ("opened", "runs until", "was held from ... to ...");
this module decides which of the sentence's dates are the event's and which end they fix: not
a date of what was said or signed there, not another event's, not a first edition's.
"""

from __future__ import annotations

import re
from typing import Any

from kg.extract.rules.patterns import END_VERBS
from kg.extract.rules.sentence import Sentence
from kg.extract.rules.when import dated_phrases, governing_verb, verb_role
from kg.records import Literal, PartialDate, Relation

# verbs whose dates are their own acts', not the event's
_OTHER_ACTS = frozenset({"say", "tell", "announce", "add", "note", "state", "disclose", "reveal", "sign", "ink",
                         "release", "publish", "report", "visit", "meet", "approve", "issue", "establish", "found"})


def dates(s: Sentence, event: str, verb: str, after: int | None = None, said_there: bool = False) -> None:
    """Start and end dates from the sentence's dates and its verb ("opened on" -> start,
    "closed on" -> end, "from ... to ..." -> both, "runs until" -> end); the dates after the
    character ``after`` (the event's name) first. A date whose own verb opens or closes
    (:func:`~kg.extract.rules.when.verb_role`) is a start or an end whatever the sentence's
    verb ("X, which opened on July 11, closed on July 15"); a date of a verb whose subject is
    another event is that event's ("the sub-forum, held on May 31 during the fair"); so is not a
    date of what was said or signed there, nor of the first edition ("first held in May 2015"),
    unless ``said_there`` (the event is where it was said: "said at a news conference on Monday")."""
    ends_it = verb.split()[0] in END_VERBS or "close" in verb or "wrapped" in verb
    phrases = [d for d in dated_phrases(s.r, s.sent, event, after)
               if _right_after(s, after, d.start) or (
                   not of_another(s, d.verb, event) and (said_there or not _not_occurrence(d.verb)))]
    if any(d.span.ranged for d in phrases):
        # "today unveiled ... at X, held from May 14 to 17": the range is the event's
        phrases = [d for d in phrases if d.span.ranged or d.closing or verb_role(d.verb)]
    have: set[Relation] = set()
    for d in phrases:
        role = verb_role(d.verb)
        wanted: list[tuple[Relation, PartialDate | None]]
        if d.span.ranged and d.span.start is not None and d.span.end is not None:
            # "came to a close on 21 September after three days (19-21 September)": a range
            # states both ends whatever the verb
            wanted = [(Relation.START_DATE, d.span.start), (Relation.END_DATE, d.span.end)]
        elif d.closing or role == "end" or (role is None and not d.span.ranged and ends_it):
            wanted = [(Relation.END_DATE, d.span.end)]
        elif d.span.ranged:
            wanted = [(Relation.START_DATE, d.span.start), (Relation.END_DATE, d.span.end)]
        else:
            wanted = [(Relation.START_DATE, d.span.start)]
        for rel, value in wanted:
            if rel not in have:
                have.add(rel)
                lit(s, event, rel, value)


def _right_after(s: Sentence, after: int | None, start: int) -> bool:
    """"At the conference on the 7th, A signed ...": a date written right after the event's
    name is the event's, whatever verb the parse hangs it on."""
    return after is not None and start >= after and re.fullmatch(r"\s*(?:on|held\s+on)?\s*",
                                                                 s.r.text[after:start]) is not None


def _not_occurrence(verb: Any) -> bool:
    """Whether a date's verb tells of something else than the event happening: a statement, a
    signing, a visit ("officials said on Tuesday"), or an earlier or planned time ("first held in
    2015", "originally scheduled for July")."""
    if verb is None:
        return False
    return verb.lemma_.lower() in _OTHER_ACTS or any(
        c.lower_ in ("first", "originally", "initially") for c in verb.children)


def verb_at(s: Sentence, char: int) -> Any:
    """The verb governing the word at the character ``char`` of the article."""
    tok = next((t for t in s.sent if t.idx <= char < t.idx + len(t.text)), None)
    return governing_verb(tok) if tok is not None else None


def of_another(s: Sentence, verb: Any, event: str) -> bool:
    """Whether the verb tells of another event than ``event``: its subject (or the noun a
    participle or relative clause hangs from) is a mention of a different event."""
    if verb is None:
        return False
    if verb.dep_ in ("acl", "relcl"):
        subject = verb.head
    else:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(m.key == event for tok in objects for m in s.ms if m.start <= tok.idx < m.end):
        return False  # "The X Week staged its Y Session on the 11th": the object's day
    # "X and Y opened on Nov 27": each of coordinated subjects is the verb's
    named = {m.key for tok in (subject, *subject.conjuncts) for m in s.ms if m.start <= tok.idx < m.end}
    return event not in named and any(s.is_event(k) for k in named)


def lit(s: Sentence, subject: str, rel: Relation, d: PartialDate | None) -> None:
    """A date of an event, unless a bare month or day (it says nothing) or the event already
    has another (an event starts once; the first statement, the lead, is the precise one)."""
    if d is None or not d.writable:
        return
    value = Literal(d.lexical, d)
    if any(f.subject == subject and f.relation is rel and f.object != value for f in s.r.ex.facts):
        return
    s.fact(subject, rel, value)
