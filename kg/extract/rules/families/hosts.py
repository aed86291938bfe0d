"""Hosts and organizers: "hosted by A and B", "A organized the X"."""

from __future__ import annotations

import re

from kg.extract.rules.patterns import EDITION, HAS_AGENT_VERB, LIST, E, compiled
from kg.extract.rules.sentence import Sentence
from kg.records import EntityType, Relation


# -- hosts and organizers
def read(s: Sentence) -> None:
    ph = s.ph
    if not HAS_AGENT_VERB.search(ph):
        return
    passive = compiled(
        r"\b(?:(?:co-?|jointly\s+|also\s+)?(?P<v>hosted|organi[sz]ed|co-organi[sz]ed|"
        r"sponsored|undertaken|held|convened|staged|initiated|launched|co-hosted|cohosted)"
        # "was held in Hangzhou on May 18 by X": where and when may come between verb and agent
        r")(?:\s+(?:in|at|on)\s+[^;:,]{1,60}?)?\s+(?:jointly\s+)?by\s+(?P<a>" + LIST + ")"
        # "Organised by A together with B, the fair ...": B organised it too
        r"(?:,?\s+(?:together|along|jointly)\s+with\s+(?:the\s+)?(?P<b>" + LIST + "))?", re.I)
    for m in passive.finditer(ph):
        v = m.group("v").lower()
        rel = Relation.ORGANIZER if ("organi" in v or v in {"undertaken", "initiated",
                                                             "launched"}) else Relation.HOST
        event = s.event_near(m.start())
        for a in s.agents(m.group("a")) + s.agents(m.group("b") or ""):
            s.fact(event, rel, a)
    active = compiled(
        r"(?P<a>" + LIST + r")(?:\s*,?\s+(?:together|along|jointly)\s+with\s+(?:the\s+)?(?P<b>" + LIST + r")\s*,?)?"
        r"\s+(?:(?:jointly|also|have|has|had|will|co-)\s*)*"
        r"(?P<v>hosted|host|organi[sz]ed|organi[sz]e|co-hosted|co-organi[sz]ed|held|"
        r"convened|staged|(?:played|plays|was|is)\s+host\s+to)\s+(?:the\s+|a\s+|an\s+)?" + EDITION + "(?P<e>" + E + ")",
        re.I)
    for m in active.finditer(ph):
        event = s.key(m.group("e"))
        if not s.is_event(event):
            continue
        v = m.group("v").lower()
        rel = Relation.ORGANIZER if "organi" in v else Relation.HOST
        for a in s.agents(m.group("a")) + s.agents(m.group("b") or ""):
            s.fact(event, rel, a)  # "A, together with B, held the X": both
            if rel is Relation.HOST and s.typ(a) is EntityType.PLACE and not m.group("b"):
                s.fact(event, Relation.LOCATION, a)  # "Fenghua hosted the fair": it was held there
    # "X was the host institution of the Y", "the forum's host, X", "Y's co-hosts A and B"
    noun = compiled(r"(?P<a>" + LIST + r")(?:\s+(?:was|is|will\s+be|served\s+as|acted\s+as|were|are)|,)\s+"
                    r"(?:the\s+|one\s+of\s+the\s+)?(?P<v>co-?)?(?:host|organi[sz]er)s?(?:\s+(?:institution|"
                    r"organi[sz]ation|city|unit|country|party))?\s+(?:of|for)\s+(?:the\s+)?" + EDITION
                    + r"(?P<e>" + E + ")", re.I)
    for m in noun.finditer(ph):
        event = s.key(m.group("e"))
        if s.is_event(event):
            rel = Relation.ORGANIZER if "organi" in m.group(0).lower() else Relation.HOST
            for a in s.agents(m.group("a")):
                s.fact(event, rel, a)
    owner = compiled(r"(?:(?P<e>" + E + r")|\b[a-z]+)['’]s?\s+(?:co-?)?(?P<v>host|organi[sz]er)s?\s*,?\s+"
                     r"(?:the\s+)?(?P<a>" + LIST + ")", re.I)
    # and "Organizers of the summit include A and B", "The hosts were A and B"
    for m in [*owner.finditer(ph), *_LISTED.finditer(ph)]:
        event = s.key(m.group("e")) if m.group("e") else s.event_near(m.start())
        if event is not None and s.is_event(event):
            rel = Relation.ORGANIZER if "organi" in m.group("v").lower() else Relation.HOST
            for a in s.agents(m.group("a")):
                s.fact(event, rel, a)
    # "The organizer, the X Association, said ...", "with the X Government as the host"
    for m in [*_THE_AGENT.finditer(ph), *_AS_AGENT.finditer(ph)]:
        named = s.events_in(ph)
        event = named[0] if named else s.event_before()
        if event is not None and s.is_event(event):
            rel = Relation.ORGANIZER if "organi" in m.group("v").lower() else Relation.HOST
            for a in s.agents(m.group("a")):
                if s.typ(a) is not EntityType.PERSON:
                    s.fact(event, rel, a)
    # "presided over by A", "A chaired the forum": who presides hosts (and takes part)
    for m in re.finditer(r"\b(?:presided\s+over|co-?chaired|chaired)\s+by\s+(?P<a>" + LIST + ")", ph, re.I):
        event = s.event_near(m.start())
        for a in s.agents(m.group("a")):
            if s.typ(a) is EntityType.PERSON:
                s.fact(event, Relation.HOST, a)
    for m in re.finditer(r"(?P<a>" + LIST + r")[^⟦.;]{0,60}?\b(?:presided\s+over|co-?chaired|chaired)\s+"
                         r"(?:the\s+)?" + EDITION + r"(?P<e>" + E + r"|[a-z-]+(?:\s+[a-z-]+)?)", ph):
        event = s.key(m.group("e")) if m.group("e").startswith("⟦") else s.event_near(m.start("e"))
        if event is None or not s.is_event(event):
            continue
        for a in s.agents(m.group("a")):
            if s.typ(a) is EntityType.PERSON:
                s.fact(event, Relation.HOST, a)


_LISTED = re.compile(r"\b(?:the\s+)?(?P<v>(?:co-?)?(?:host|organi[sz]er)s)\s+(?:of\s+(?:the\s+)?" + EDITION
                     + r"(?P<e>" + E + r")\s+|of\s+the\s+[a-z]+\s+)?(?:include|included|includes|are|were)\s+"
                     r"(?:the\s+)?(?P<a>" + LIST + ")", re.I)

_THE_AGENT = re.compile(r"(?:^|[,;]\s+)(?:the\s+)?(?P<v>(?:co-?)?(?:host|organi[sz]er))s?,\s+(?:the\s+)?(?P<a>" + LIST
                        + r")\s*,", re.I)
_AS_AGENT = re.compile(r"\bwith\s+(?:the\s+)?(?P<a>" + LIST + r")\s+as\s+(?:the\s+|its\s+|an?\s+)?(?P<v>(?:co-?)?"
                       r"(?:host|organi[sz]er))s?\b", re.I)
