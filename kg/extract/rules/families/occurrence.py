"""Where and when an event happens: "X was held in Y on May 5", opening and closing verbs."""

from __future__ import annotations

import re

from kg.extract import lexicon as lx
from kg.extract.dates import MONTH
from kg.extract.heads import head_word, type_by_head
from kg.extract.rules.event_dates import dates, lit, of_another, verb_at
from kg.extract.rules.patterns import EDITION, LIST, OCCUR, E, compiled
from kg.extract.rules.sentence import Sentence
from kg.extract.rules.when import dated_phrases
from kg.records import EntityType, Relation

# Where the clause of an occurrence verb ends: "while", "and the forum will ...", a new subject.
# "and the" that goes on with a name ("by A and the B at the C") continues a list instead.
CLAUSE_END = (r"\b(?:while|whereas|with the)\b|\band the\b(?!\s+(?:[a-z][\w-]*\s+){0,3}?" + E + r")|"
              + E + r"\s+(?:is|was|will)")

# "X, which opened on May 5 at Y, ...", "X, held in Y, ...": an aside that tells where X happens
_OCCUR_ASIDE = re.compile(r",\s+(?:which|that)?\s*" + OCCUR + r"(?P<rest>.*)", re.I)
_CLOSING_OF = re.compile(r"\bclosing\s+(?:ceremony|session)\s+of\s+(?:the\s+)?" + EDITION + r"$", re.I)
# "It will run until Aug 20.": the event just named, as the subject of an occurrence verb
_IT_OCCURS = re.compile(r"^It\s+(?:also\s+)?(?:will\s+|would\s+)?" + OCCUR + r"\b(?P<rest>[^;]*)")


# "Acme today held ...", "the city on Monday hosted ...": the day, just before the verb
_DAY_BEFORE = re.compile(r"\b(?:today|yesterday|on\s+[A-Z]\w+day)\s*,?\s*$")
# "the venue of the X will be the Y"; "The venue is the Y": the event just named
_VENUE_OF = re.compile(r"\b[Vv]enues?\s+(?:(?:of|for)\s+(?:the\s+)?" + EDITION + r"(?P<e>" + E + r")\s+)?"
                       r"(?:is|was|will\s+be)\s+(?:the\s+)?(?P<p>" + E + ")")
# "said at a news conference on Thursday", "signed 13 projects at an investment promotion event in
# Shenzhen, Guangdong province, on Friday"
_AT_ONE_DAY = re.compile(r"\b(?:at|during)\s+(?:an?\s+|the\s+)?(?P<e>" + E + r")(?:\s+in\s+" + E + r"(?:,\s+"
                         + E + r")?(?:,\s+[a-z][^,;⟦]{0,30}?)?,?)?\s+on\s+(?:" + MONTH + r"|[A-Z]\w+day\b|\d)")
_ON_DAY_AT = re.compile(r"(?:\bon\s+|\b(?:signed|inked)\s+(?=[A-Z]\w+day\b))(?:" + MONTH + r"\s*\d{1,2}|[A-Z]\w+day\b)"
                        r"(?:\s*\([^)]{1,12}\))?\s+at\s+"
                        r"(?:an?\s+|the\s+)?" + EDITION + r"(?P<e>" + E + ")")
_ONE_DAY = re.compile(r"\b(?:news|press)\s+(?:conference|briefing)|\bbriefing\b|\bceremony\b|"
                      r"\b(?:investment|promotion|matchmaking|signing)\s+(?:\w+\s+)?(?:event|conference|meeting|"
                      r"session|fair|day)\b|\broadshow\b|\b(?:partnering|innovation|open)\s+day\b", re.I)
# "The projects were signed at the 2024 X Investment Day": the signing the sentence before dated
_SIGNED_AT = re.compile(r"\b(?:were|was|had\s+been|have\s+been)\s+(?:also\s+)?(?:signed|inked)\s+(?:at|during)\s+"
                        r"(?:an?\s+|the\s+)?" + EDITION + r"(?P<e>" + E + ")")
_GATHERED_FOR = re.compile(r"\b(?:gathered|met|converged|assembled)\b(?P<where>[^⟦;.]{0,30}?(?:⟦\d+⟧)?[^⟦;.]{0,30}?)"
                           r"\bfor\s+(?:the\s+)?" + EDITION + r"(?P<e>" + E + r")(?P<rest>[^;]*)")

_DREW_TO = re.compile(r"\b(?:drew|draws|attracted|attracts|brought|brings|welcomed)\s+(?:more\s+than\s+|over\s+|"
                      r"nearly\s+|about\s+|some\s+)?[\d,]+\s+(?:[a-z-]+(?:,\s+|\s+and\s+|\s+))*?to\s+(?:the\s+)?"
                      r"(?P<p>" + E + ")")

_ATTENDED = re.compile(r"\b(?:attended|took\s+part\s+in|participated\s+in)\s+(?:the\s+)?" + EDITION + r"(?P<e>" + E
                       + r")(?=\s+(?:in|at|on|from)\s)")


# "staged its Y Session": an occurrence verb whose object is an event of the subject's
_ITS_EVENT = re.compile(r"\s*(?:its|their)\s+(?:annual\s+|first\s+|own\s+)?" + EDITION + r"(?P<e>" + E + ")")
_TRANSITIVE = frozenset({"held", "staged", "launched", "opened", "convened", "inaugurated"})


# -- places and dates of occurrence
def read(s: Sentence) -> None:
    ph = s.ph
    # an aside may hold a list: "The X, co-hosted by A, B and C, opened in Y on Tuesday"; the
    # event it is part of may follow the name: "The X Sub-forum of the Y Expo was held on May 6"
    pat = compiled(r"(?P<e>" + E + r")(?:\s+(?:of|at)\s+(?:the\s+)?" + EDITION + E + r")?(?P<aside>,[^.;]{0,200}?,)?"
                   r"[^⟦.;]{0,60}?\b" + OCCUR + r"\b(?P<rest>[^;]*)", re.I)
    # every event's own verb, even one inside another's clause ("a press conference was held to
    # announce the X, which will take place from June 8 to 10")
    for m in filter(None, (pat.match(ph, e.start()) for e in re.finditer(E, ph))):
        event = s.key(m.group("e"))
        if not s.is_event(event):
            continue
        rest = m.group("rest")
        part = _ITS_EVENT.match(rest)
        if part and s.is_event(s.key(part.group("e"))) and m.group("verb").lower() in _TRANSITIVE:
            # "The X Week, held from June 10 to 13, staged its Y Session at Z on the 11th": the
            # session is the week's, and the place and day are the session's (read below)
            s.fact(s.key(part.group("e")), Relation.SUB_EVENT_OF, event)
            rest = ""
        cut = re.search(CLAUSE_END, rest)
        clause = rest[: cut.start()] if cut else rest
        aside = _OCCUR_ASIDE.match(m.group("aside") or "")
        if aside:  # "X, which opened on July 11 at Y, closed ...": the aside's place is X's
            clause = aside.group("rest") + " " + clause
        elif part:
            continue
        fronted = _FRONTED_PLACE.match(ph[:m.start("e")])
        if fronted:  # "In Basel, Switzerland, the X was held on May 4": the place set first
            clause = f"{fronted.group('in').lower()} {fronted.group('p')} {clause}"
        verb = m.group("verb").lower()
        if _CLOSING_OF.search(ph[:m.start("e")]):
            verb = "closed"  # "the closing ceremony of X was held on May 5": X's last day
        # "the 2021 X Expo and the 37th Y Fair was kicked off in Z": both events
        both = re.search(r"(?P<first>" + E + r")\s+and\s+(?:the\s+)?" + EDITION + r"$", ph[:m.start("e")])
        events = [event]
        if both and s.is_event(s.key(both.group("first"))):
            events.append(s.key(both.group("first")))
        for ev in events:
            place_in(s, ev, clause)
            dates(s, ev, verb, s.ms[int(m.group("e").strip("⟦⟧"))].end)
    it = _IT_OCCURS.match(ph)
    if it:
        _it_occurs(s, it)
    _dated_by_name(s)
    for m in _GATHERED.finditer(ph):  # "the X drew 300 guests to Lakeside on May 15": its day
        event = s.key(m.group("e"))
        if s.is_event(event) and not any(f.subject == event and f.relation is Relation.START_DATE
                                         for f in s.r.ex.facts):
            dates(s, event, "held", s.ms[int(m.group("e").strip("⟦⟧"))].end)
    held = compiled(r"\b(?:held|hosted|organi[sz]ed|staged|convened|opened|launched|inaugurated|played\s+host\s+to)\s+"
                    r"(?:the\s+|an?\s+|its\s+|their\s+)?(?:annual\s+|yearly\s+)?" + EDITION + r"(?P<e>"
                      + E + r")(?P<rest>[^;]*)", re.I)
    for m in held.finditer(ph):
        event = s.key(m.group("e"))
        if not s.is_event(event):
            continue
        clause = re.split(CLAUSE_END, m.group("rest"))[0]
        place_in(s, event, clause)
        if re.search(r"\b(?:on|from)\s+(?:" + MONTH + r"|\w+day|the\s+\d{1,2}(?:st|nd|rd|th)\b)", clause) or re.match(
                r"^(?:On|From|In)\s+(?:the\s+\w+\s+of\s+)?(?:" + MONTH + r"|\w+day|\d)", ph) or _DAY_BEFORE.search(
                ph, 0, m.start()):
            # "On May 5, Lakeside held a ... meeting", "Acme today held its annual X"
            dates(s, event, "held", s.ms[int(m.group("e").strip("⟦⟧"))].end)
    for m in _VENUE_OF.finditer(ph):
        # "the venue of the X will be the Y"
        held_at = s.key(m.group("e")) if m.group("e") else s.event_before()
        place = s.key(m.group("p"))
        if held_at is not None and s.is_event(held_at):
            venue_by_position(s, place)
            if s.typ(place) in (EntityType.PLACE, EntityType.VENUE):
                s.fact(held_at, Relation.LOCATION, place)
    for m in _ON_DAY_AT.finditer(ph):
        # "26 projects were signed on Friday at a biomedicine investment promotion conference"
        event = s.key(m.group("e"))
        if s.is_event(event) and _ONE_DAY.search(s.r.ex.entities[event].label):
            dates(s, event, "held", said_there=True)
    for m in _AT_ONE_DAY.finditer(ph):
        # "officials said at a news conference on Thursday": a one-day event's day
        event = s.key(m.group("e"))
        if s.is_event(event) and _ONE_DAY.search(s.r.ex.entities[event].label):
            dates(s, event, "held", s.ms[int(m.group("e").strip("⟦⟧"))].end, said_there=True)
    for m in _SIGNED_AT.finditer(ph):
        event = s.key(m.group("e"))
        if s.is_event(event) and _ONE_DAY.search(s.r.ex.entities[event].label) and s.index > 0 and \
                not any(d.verb is not None and d.verb.lemma_.lower() in ("sign", "ink")
                        for d in dated_phrases(s.r, s.sent, event)):  # "... which runs from May 2 to 4": another's
            _signing_day_before(s, event)
    for m in _DREW_TO.finditer(ph):
        # "the X, which drew 300 investors to the Y Center": where the X was held
        near = s.event_near(m.start())
        place = s.key(m.group("p"))
        if near is not None and s.is_event(near) and s.typ(place) in (EntityType.VENUE, EntityType.PLACE):
            venue_by_position(s, place)
            s.fact(near, Relation.LOCATION, place)
    for m in _GATHERED_FOR.finditer(ph):
        # "1,000 experts gathered in Y for the X on Saturday": where and when the X is
        event = s.key(m.group("e"))
        if s.is_event(event):
            clause = m.group("where") + " " + re.split(CLAUSE_END, m.group("rest"))[0]
            place_in(s, event, clause)
            dates(s, event, "held")
    for m in _ATTENDED.finditer(ph):
        # "900 people attended the X in Y on June 29": the day the X was attended
        event = s.key(m.group("e"))
        if s.is_event(event):
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
    listed = _HELD_LIST.search(ph)
    if listed:  # "Three sub-forums were held on the 16th: A, B and C": the list's date is each one's
        for event in s.events_in(listed.group("l")):
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


_HELD_LIST = re.compile(r"\b(?:sub-forums|parallel\s+forums|forums|sessions|side\s+events|exhibitions|workshops)\s+"
                        r"(?:were|are|will\s+be)\s+(?:also\s+)?(?:held|organi[sz]ed|staged|hosted)\b[^:.;⟦]{0,40}:"
                        r"\s*(?P<l>" + LIST + ")", re.I)
# "In Basel, Switzerland, the ": a place phrase that opens the sentence, before the event
_FRONTED_PLACE = re.compile(r"^(?P<in>In|At)\s+(?:the\s+)?(?P<p>" + E + r"(?:,\s+" + E + r")*),\s+(?:the\s+)?"
                            + EDITION + r"$")
_PLACE_EVENT = re.compile(r"\b[Tt]he\s+(?:[\w-]+\s+){0,2}?(?P<p>" + E + r")\s+(?:event|fair|expo|exhibition|"
                          r"forum|show|summit|conference|gathering|meeting|congress)\b(?!\s+(?:of|on|for)\b)")


def _signing_day_before(s: Sentence, event: str) -> None:
    """"A district on Friday signed 27 projects. The projects were signed at the X Investment
    Day": the day of the signing the sentence before tells is the one-day event's."""
    for d in dated_phrases(s.r, s.r.sents[s.index - 1], event):
        if d.verb is not None and d.verb.lemma_.lower() in ("sign", "ink") and not d.span.ranged:
            lit(s, event, Relation.START_DATE, d.span.start)
            return


def _it_occurs(s: Sentence, m: re.Match[str]) -> None:
    """"The 2023 X Expo was launched in Y. ... It will run until Aug 20.": "it" is the event the
    sentence before began with, when it began with one."""
    before = sorted((x for x in s.r.mentions if x.sent == s.index - 1), key=lambda x: x.start)
    if not before or not s.is_event(before[0].key):
        return
    start = s.r.sents[s.index - 1].start_char
    if s.r.text[start:before[0].start].strip() not in ("", "The", "the"):
        return  # the event is not the sentence's subject
    event = before[0].key
    rest = m.group("rest")
    cut = re.search(CLAUSE_END, rest)
    place_in(s, event, rest[: cut.start()] if cut else rest)
    dates(s, event, m.group("verb").lower())


# "in the county's Convention Center"; "filling Halls 2 to 8 of the X Center": the halls' building
_PLACED = compiled(r"\b(?P<prep>in|at|on)\s+(?:the\s+)?(?:(?:" + E + r"|[a-z]+)['’]s\s+)?(?P<p>" + E + r")"
                   r"|(?:\bHalls?\s+[\w.]+(?:\s*(?:to|-|–|and)\s*[\w.]+)?|(?P<hl>" + E + r"))\s+(?P<hall>of)\s+"
                   r"(?:the\s+)?(?P<h>" + E + ")")


def place_in(s: Sentence, event: str, clause: str) -> None:
    """The first place or venue "in/at/on" names in the clause after an event's verb."""
    for pm in _PLACED.finditer(clause):
        if pm.group("hall"):
            if _halls_of(s, event, pm):
                return
            continue
        place = s.key(pm.group("p"))
        if of_another(s, verb_at(s, s.ms[int(pm.group("p").strip("⟦⟧"))].start), event):
            continue  # "..., which will take place at Y": Y is the other event's
        if pm.group("prep") == "at":
            venue_by_position(s, place)
        elif pm.group("prep") == "in":
            place_by_position(s, place)
        if s.typ(place) in (EntityType.PLACE, EntityType.VENUE):
            s.fact(event, Relation.LOCATION, place)
            if s.typ(place) is EntityType.PLACE:
                _venue_after(s, event, clause[pm.end():])
            else:
                _second_venue(s, event, clause[pm.end():])
            return
    here = s.r.article.dateline_place
    if here and re.match(r"[^⟦;]{0,12}?\bhere\b", clause):
        # "BEIJING, Oct. 12 (Xinhua) -- The X opened here on Saturday": the dateline's city
        s.fact(event, Relation.LOCATION, s.r.entity(here, EntityType.PLACE, strong=True))


def _halls_of(s: Sentence, event: str, pm: re.Match[str]) -> bool:
    """"filling Halls 2 to 8 of the X Center": the building the halls are in, if a venue."""
    named = s.r.ex.entities[s.key(pm.group("hl"))].label if pm.group("hl") else "Hall"
    building = s.key(pm.group("h"))
    if not re.match(r"Halls?\b", named) or s.typ(building) is not EntityType.VENUE:
        return False
    s.fact(event, Relation.LOCATION, building)
    return True


def _second_venue(s: Sentence, event: str, rest: str) -> None:
    """"held simultaneously at A and the B Service Center, linked by video": both venues (a
    building's name may name a body too)."""
    both = re.match(r"\s*,?\s+and\s+(?:at\s+)?(?:the\s+)?(?P<p>" + E + ")", rest)
    other = s.key(both.group("p")) if both else None
    if other is not None and (s.typ(other) is EntityType.VENUE
                              or head_word(s.r.ex.entities[other].label) in _BUILDINGS):
        s.r.ex.entities[other].type = EntityType.VENUE  # a building it was held in
        s.fact(event, Relation.LOCATION, other)


# what a building's name ends with, whatever body its name also names
_BUILDINGS = lx.VENUE_HEADS | {"center", "centre"}


def _venue_after(s: Sentence, event: str, rest: str) -> None:
    """"opened in Xi'an on May 8 and ran through the next day at the X Center": the venue a
    second verb of the clause names is where in the city it was held."""
    m = re.search(r"\band\s+(?:[a-z]+\s+){1,8}?at\s+(?:the\s+)?(?P<p>" + E + ")", rest)
    if m and s.typ(s.key(m.group("p"))) is EntityType.VENUE:
        s.fact(event, Relation.LOCATION, s.key(m.group("p")))


def venue_by_position(s: Sentence, key: str) -> None:
    """"kicked off at the Grand Lotus": a name with no head of its own where an event takes
    place is a venue (the NER's guess, often Company or Organization, gives way)."""
    ent = s.r.ex.entities[key]
    if key not in s.r.strong and type_by_head(ent.label) is None and ent.type in (
            EntityType.COMPANY, EntityType.ORGANIZATION):
        ent.type = EntityType.VENUE
    elif ent.type is EntityType.ORGANIZATION and head_word(ent.label) in {"center", "centre"}:
        ent.type = EntityType.VENUE  # "held at the X Exchange Center": a centre that hosts events


def place_by_position(s: Sentence, key: str) -> None:
    """"kicked off on Monday in Tarrow": a one-word name with no head of its own that an event
    takes place in is a town or city (the NER's guess, often Company, gives way)."""
    ent = s.r.ex.entities[key]
    if key not in s.r.strong and type_by_head(ent.label) is None and " " not in ent.label and ent.type in (
            EntityType.COMPANY, EntityType.ORGANIZATION):
        ent.type = EntityType.PLACE


# an event as the subject of a verb of gathering people
_GATHERED = compiled(r"(?P<e>" + E + r")(?:,[^.;]{0,120}?,)?\s+(?:drew|attracted|gathered|welcomed|"
                     r"brought\s+together)\b")


def _dated_by_name(s: Sentence) -> None:
    """"At the X Forum on May 15, A signed ...", "the X Forum (May 15-17, Lakeside)": a date
    written right after an event's name dates it, whatever the sentence's verb."""
    for m in re.finditer(r"(?P<e>" + E + r")(?=\s+on\s+|\s*\()", s.ph):
        event = s.key(m.group("e"))
        if not s.is_event(event):
            continue
        end = s.ms[int(m.group("e").strip("⟦⟧"))].end
        for d in dated_phrases(s.r, s.sent, event, end):
            if re.fullmatch(r"\s*(?:on|\()\s*", s.r.text[end:d.start]) and not d.closing:
                lit(s, event, Relation.START_DATE, d.span.start)
                if d.span.ranged:
                    lit(s, event, Relation.END_DATE, d.span.end)
                break
