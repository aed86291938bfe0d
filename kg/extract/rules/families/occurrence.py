"""Where and when an event happens: "X was held in Y on May 5", opening and closing verbs."""

from __future__ import annotations

import re

from kg.extract.dates import MONTH
from kg.extract.heads import head_word, type_by_head
from kg.extract.rules.patterns import EDITION, END_VERBS, OCCUR, E, compiled
from kg.extract.rules.sentence import Sentence
from kg.records import EntityType, Literal, PartialDate, Relation

# Where the clause of an occurrence verb ends: "while", "and the forum will ...", a new subject.
# "and the" that goes on with a name ("by A and the B at the C") continues a list instead.
CLAUSE_END = (r"\b(?:while|whereas|with the)\b|\band the\b(?!\s+(?:[a-z][\w-]*\s+){0,3}?" + E + r")|"
              + E + r"\s+(?:is|was|will)")


# -- places and dates of occurrence
def read(s: Sentence) -> None:
    ph = s.ph
    pat = compiled(r"(?P<e>" + E + r")(?:,[^,.;]{0,160},)?[^⟦.;]{0,60}?\b" + OCCUR + r"\b(?P<rest>[^;]*)",
                     re.I)
    for m in pat.finditer(ph):
        event = s.key(m.group("e"))
        if not s.is_event(event):
            continue
        rest = m.group("rest")
        cut = re.search(CLAUSE_END, rest)
        clause = rest[: cut.start()] if cut else rest
        # "the 2021 X Expo and the 37th Y Fair was kicked off in Z": both events
        both = re.search(r"(?P<first>" + E + r")\s+and\s+(?:the\s+)?" + EDITION + r"$", ph[:m.start("e")])
        events = [event]
        if both and s.is_event(s.key(both.group("first"))):
            events.append(s.key(both.group("first")))
        for ev in events:
            place_in(s, ev, clause)
            dates(s, ev, m.group("verb").lower(), s.ms[int(m.group("e").strip("⟦⟧"))].end)
    held = compiled(r"\b(?:held|hosted|organi[sz]ed|staged|convened|opened|launched|inaugurated|played\s+host\s+to)\s+"
                    r"(?:the\s+|an?\s+)?" + EDITION + r"(?P<e>"
                      + E + r")(?P<rest>[^;]*)", re.I)
    for m in held.finditer(ph):
        event = s.key(m.group("e"))
        if not s.is_event(event):
            continue
        clause = re.split(CLAUSE_END, m.group("rest"))[0]
        place_in(s, event, clause)
        if re.search(r"\b(?:on|from)\s+(?:" + MONTH + r"|\w+day)", clause) or re.match(
                r"^(?:On|From|In)\s+(?:the\s+\w+\s+of\s+)?(?:" + MONTH + r"|\w+day|\d)", ph):
            # "On May 5, Lakeside held a ... meeting"
            dates(s, event, "held", s.ms[int(m.group("e").strip("⟦⟧"))].end)
    # "The expo is organized by X and runs until June 22": a second verb of the event's own
    until = re.search(r"\band\s+(?:will\s+)?(?:runs?|lasts?|continues?|closes?)\s+(?:until|till|through|on)\b", ph)
    events = s.events_in(ph[:until.start()]) if until else []
    if until and events:
        dates(s, events[0], "runs", s.ms[int(re.findall(E, ph[:until.start()])[-1].strip("⟦⟧"))].end)
    # "Held from May 18 to 20 in X, the Y drew ...": a fronted participle before the event
    fronted = re.match(r"^(?:Held|Hosted|Staged|Running|Opening|Taking\s+place)\b(?P<rest>[^;]*?),\s+(?:the\s+)?"
                       + EDITION + r"(?P<e>" + E + ")", ph)
    if fronted and s.is_event(s.key(fronted.group("e"))):
        event = s.key(fronted.group("e"))
        place_in(s, event, fronted.group("rest"))
        dates(s, event, "held")
    for m in re.finditer(r"\bopening\s+(?:day|ceremony)\s+of\s+(?:the\s+)?(?P<e>" + E + ")", ph, re.I):
        event = s.key(m.group("e"))
        span = s.r.dates_in(s.sent, event)
        if s.is_event(event) and span is not None and span.start is not None:
            lit(s, event, Relation.START_DATE, span.start)
    loc = compiled(r"(?P<e>" + E + r")(?:,?\s+(?:which\s+is\s+|is\s+|will\s+be\s+)?(?:located|set\s+up|"
                     r"housed|hosted|staged))?\s+"
                     r"(?:in|at)\s+(?:the\s+)?(?P<p>" + E + ")", re.I)
    for m in loc.finditer(ph):
        event, place = s.key(m.group("e")), s.key(m.group("p"))
        if s.is_event(event) and s.typ(place) in (EntityType.PLACE, EntityType.VENUE):
            s.fact(event, Relation.LOCATION, place)
    # "The three-day Shanghai event featured ...": a place naming the story's event where it is
    for m in _PLACE_EVENT.finditer(ph):
        named = s.event_before()
        if named is not None and s.typ(s.key(m.group("p"))) is EntityType.PLACE:
            s.fact(named, Relation.LOCATION, s.key(m.group("p")))


_PLACE_EVENT = re.compile(r"\b[Tt]he\s+(?:[\w-]+\s+){0,2}?(?P<p>" + E + r")\s+(?:event|fair|expo|exhibition|"
                          r"forum|show|summit|conference|gathering|meeting|congress)\b(?!\s+(?:of|on|for)\b)")


def place_in(s: Sentence, event: str, clause: str) -> None:
    """The first place or venue "in/at/on" names in the clause after an event's verb."""
    for pm in re.finditer(r"\b(?P<prep>in|at|on)\s+(?:the\s+)?(?:(?:" + E + r"|[a-z]+)['’]s\s+)?(?P<p>" + E + r")",
                          clause):  # "in the county's Convention Center"
        place = s.key(pm.group("p"))
        if pm.group("prep") == "at":
            venue_by_position(s, place)
        if s.typ(place) in (EntityType.PLACE, EntityType.VENUE):
            s.fact(event, Relation.LOCATION, place)
            return
    here = s.r.article.dateline_place
    if here and re.match(r"[^⟦;]{0,12}?\bhere\b", clause):
        # "BEIJING, Oct. 12 (Xinhua) -- The X opened here on Saturday": the dateline's city
        s.fact(event, Relation.LOCATION, s.r.entity(here, EntityType.PLACE, strong=True))


def venue_by_position(s: Sentence, key: str) -> None:
    """"kicked off at the Grand Lotus": a name with no head of its own where an event takes
    place is a venue (the NER's guess, often Company or Organization, gives way)."""
    ent = s.r.ex.entities[key]
    if key not in s.r.strong and type_by_head(ent.label) is None and ent.type in (
            EntityType.COMPANY, EntityType.ORGANIZATION):
        ent.type = EntityType.VENUE
    elif ent.type is EntityType.ORGANIZATION and head_word(ent.label) in {"center", "centre"}:
        ent.type = EntityType.VENUE  # "held at the X Exchange Center": a centre that hosts events


def dates(s: Sentence, event: str, verb: str, after: int | None = None) -> None:
    """Start and end dates from the sentence's dates and its verb ("opened on" -> start,
    "closed on" -> end, "from ... to ..." -> both, "runs until" -> end); the dates after the
    character ``after`` (the event's name) first."""
    first = verb.split()[0]
    used_verb = False
    spans = s.r.date_spans(s.sent, event, after)
    if any(span.ranged for span, _ in spans):
        # "today unveiled ... at X, held from May 14 to 17": the range is the event's
        spans = [(span, closing) for span, closing in spans if span.ranged or closing]
    for span, closing in spans:
        if closing:
            lit(s, event, Relation.END_DATE, span.end)
        elif span.ranged:
            lit(s, event, Relation.START_DATE, span.start)
            lit(s, event, Relation.END_DATE, span.end)
            used_verb = True
        elif not used_verb:
            used_verb = True
            if first in END_VERBS or "close" in verb or "wrapped" in verb:
                lit(s, event, Relation.END_DATE, span.end)
            else:
                lit(s, event, Relation.START_DATE, span.start)


def lit(s: Sentence, subject: str, rel: Relation, d: PartialDate | None) -> None:
    if d is not None and d.writable:  # a bare month or day says nothing
        s.fact(subject, rel, Literal(d.lexical, d))
