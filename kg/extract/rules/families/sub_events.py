"""Sub-events: parallel forums and special exhibitions held within a larger event."""

from __future__ import annotations

import re

from kg.extract.heads import head_word
from kg.extract.rules.patterns import EDITION, E
from kg.extract.rules.sentence import Sentence
from kg.records import Relation

# -- sub-events
# "Twenty-six concurrent events were held alongside the exhibition.": the next sentence's events
_CONCURRENT = re.compile(r"\b(?:concurrent|parallel|side|supporting)\s+(?:events|forums|activities|sessions|"
                         r"conferences)\b[^.;]{0,60}?\b(?:held|staged|took\s+place|organi[sz]ed)", re.I)
_PART_HEADS = frozenset({"forum", "summit", "roundtable", "session", "seminar", "conference", "sub-forum",
                         "symposium", "workshop", "dialogue", "salon", "meeting"})


def read(s: Sentence) -> None:
    ph = s.ph
    if s.index and _CONCURRENT.search(s.r.sents[s.index - 1].text) and s.r.main_event is not None:
        for k in s.events_in(ph):
            if k != s.r.main_event and head_word(s.r.ex.entities[k].label) in _PART_HEADS:
                s.fact(k, Relation.SUB_EVENT_OF, s.r.main_event)
    for m in re.finditer(r"(?P<x>" + E + r")\s+(?:has\s+been|have\s+been|was|were|is|are|"
                         r"will\s+be)\s+(?:\w+\s+)?included\s+in\s+(?:the\s+)?(?P<e>" + E
                         + ")", ph, re.I):
        x, e = s.key(m.group("x")), s.key(m.group("e"))
        if s.is_event(x) and s.is_event(e):
            s.fact(x, Relation.SUB_EVENT_OF, e)
    # "X, a parallel session of Y", "the X Awards on Saturday evening, the closing highlight of
    # the two-day Y"
    for m in re.finditer(r"(?P<x>" + E + r")(?:\s+(?:on|in)\s+[^,⟦;]{1,30}?)?,?\s+(?:a|an|one|the)\s+"
                         r"(?:[\w-]+\s+){0,3}?(?:sub-forum|parallel\s+forum|side\s+event|session|part|event|"
                         r"activity|exhibition|forum|workshop|highlight|centrepiece|centerpiece)\s+"
                         r"(?:of|at|during|under|within|in)\s+(?:the\s+)?(?:[\w-]+-day\s+)?" + EDITION
                         + r"(?P<e>" + E + ")",
                         ph, re.I):
        x, e = s.key(m.group("x")), s.key(m.group("e"))
        if s.is_event(x) and s.is_event(e):
            s.fact(x, Relation.SUB_EVENT_OF, e)
    # "The forum is part of the 2023 X Week", "X was one session of the Y"
    for m in re.finditer(r"(?P<x>" + E + r")\s+(?:is|was|are|were|will\s+be)\s+(?:also\s+)?(?:an?\s+|one\s+)?"
                         r"(?:[\w-]+\s+){0,3}?(?:part|sub-forum|session|side\s+event|activity|component)\s+"
                         r"(?:of|at|during|under)\s+(?:the\s+)?" + EDITION + r"(?P<e>" + E + ")", ph, re.I):
        x, e = s.key(m.group("x")), s.key(m.group("e"))
        if x != e and s.is_event(x) and s.is_event(e):
            s.fact(x, Relation.SUB_EVENT_OF, e)
    # "X, one of the expo's main side events, ..."
    for m in re.finditer(r"(?P<x>" + E + r"),?\s+(?:one\s+of|among)\s+(?:the|its|(?P<own>" + E + r")['’]s)\s+"
                         r"(?:[\w'’-]+\s+){0,3}?"
                         r"(?:forums|sub-forums|sessions|events|activities|summits|conferences|exhibitions|"
                         r"meetings|dialogues)(?:\s+(?:of|at|during)\s+(?:the\s+)?(?P<e>" + E + r"))?",
                         ph, re.I):
        x = s.key(m.group("x"))
        parent = s.key(m.group("e") or m.group("own")) if m.group("e") or m.group("own") else s.r.main_event
        if s.is_event(x) and parent and x != parent and s.is_event(parent):
            s.fact(x, Relation.SUB_EVENT_OF, parent)
    for m in re.finditer(r"\bas\s+(?:a|an|one\s+of\s+the)\s+(?:[\w-]+\s+){0,3}?(?:event|forum|session|activity|"
                         r"sub-forum|meeting|exhibition)s?\s+(?:of|at|during|under)\s+(?:the\s+)?(?:\w+\s+)?"
                         r"(?P<e>" + E + ")",
                         ph, re.I):
        parent = s.key(m.group("e"))
        subject = next((k for k in s.events_in(ph[: m.start()]) if k != parent), None)
        if subject is not None and s.is_event(parent):
            s.fact(subject, Relation.SUB_EVENT_OF, parent)  # "..., as a parallel event of the expo"
    for m in _HELD_AT.finditer(ph):
        # "The 2023 X Awards were presented on Saturday at the closing gala of the Y Summit"
        parent = s.key(m.group("e"))
        for k in s.events_in(ph[: m.start()]) if s.is_event(parent) else ():
            if k != parent:
                s.fact(k, Relation.SUB_EVENT_OF, parent)
    for m in _ALONGSIDE.finditer(ph):
        # "The concurrent X Summit opened ...", "The accompanying X Exhibition featured ...": a
        # part of the story's event
        x, parent = s.key(m.group("x")), s.r.main_event
        if s.is_event(x) and parent is not None and parent != x and s.is_event(parent):
            s.fact(x, Relation.SUB_EVENT_OF, parent)
    for m in re.finditer(r"\b(?:during|at|on\s+the\s+sidelines\s+of|as\s+part\s+of)\s+(?:the\s+)?"
                         r"(?P<e>" + E + ")", ph, re.I):
        parent = s.key(m.group("e"))
        if not s.is_event(parent):
            continue
        strict = m.group(0).lower().startswith("at")
        explicit = not strict and not m.group(0).lower().startswith("during")  # "as part of", "on the sidelines of"
        for k in s.events_in(ph[: m.start()]):
            ent = s.r.ex.entities[k]
            if k == parent or (k == s.r.main_event and not explicit) or s.r.heads.get(k) == s.r.heads.get(parent):
                continue
            if re.search(r"\b(?:that|which|where|while)\b", ph[ph.find(s.token_of(k)):m.start()]):
                continue  # "told the press conference that a pavilion would debut at the show"
            if ent.scope or not strict:
                s.fact(k, Relation.SUB_EVENT_OF, parent)
        if m.start() <= 20 and not strict:
            _fronted(s, parent, m.end())


_HELD_AT = re.compile(r"\b(?:were|was)\s+(?:also\s+)?(?:held|presented|staged|handed\s+out|given|awarded)\b"
                      r"(?:[^⟦;]|⟦\d+⟧){0,60}?\bat\s+(?:the\s+)?(?:(?:opening|closing|grand|awards?)\s+)?"
                      r"(?:gala|ceremony|dinner|banquet|reception|session)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
                      + EDITION + r"(?P<e>" + E + ")", re.I)
_ALONGSIDE = re.compile(r"\b(?:concurrent|accompanying|parallel|supporting)\s+"
                        r"(?:(?:19|20)\d\d\s+)?(?P<x>" + E + ")", re.I)
_OCCURS_AFTER = re.compile(r"\b(?:was|were|is|are|will\s+be)\s+(?:also\s+)?(?:held|staged|launched|hosted|"
                           r"organi[sz]ed|convened)\b|\b(?:took|take|takes)\s+place\b|\b(?:opened|kicked\s+off)\b",
                           re.I)


def _fronted(s: Sentence, parent: str, end: int) -> None:
    """"During the Y, the A and the B were also held", "On the sidelines of Y, X took place":
    the events the rest of the sentence says were held are parts of Y (only with a verb of
    occurrence, so "During Y, Acme signed ..." gives nothing)."""
    rest = s.ph[end:]
    verb = _OCCURS_AFTER.search(rest)
    if verb is None:
        return
    for k in s.events_in(rest[: verb.start()]):
        if k != parent and s.r.heads.get(k) != s.r.heads.get(parent):
            s.fact(k, Relation.SUB_EVENT_OF, parent)
