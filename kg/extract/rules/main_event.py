"""The event the article is about, chosen once its names and descriptions are read.

Many facts hang on it: "the event" and "the forum" resolve to it when nothing nearer fits
(:mod:`kg.extract.rules.anaphora`), a sentence naming no event is about it, and
description-named activities ("the signing ceremony") become its sub-events.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from kg.extract.rules.patterns import OCCUR, compiled
from kg.records import EntityType

if TYPE_CHECKING:
    from kg.extract.rules.reader import Reader


def choose_main_event(r: Reader) -> None:
    """The event the article is about, scored: named early (first event of the story), in the
    headline, said to take place, named often, an edition; minus sub-event cues ("held during
    the expo", "one of the parallel forums")."""
    occur = compiled(OCCUR.replace("(?P<verb>", "(?:"), re.I)
    sub_cue = compiled(r"^[^.;]{0,80}?\b(?:during|on\s+the\s+sidelines\s+of|one\s+of\s+the|"
                         r"parallel|sub-forums?|side\s+events?|as\s+part\s+of)\b", re.I)
    scores: Counter[str] = Counter()
    first: dict[str, int] = {}
    first_event_sent: int | None = None
    for m in sorted(r.mentions, key=lambda m: m.start):
        ent = r.ex.entities[m.key]
        if ent.type is not EntityType.EVENT and m.key not in r.editions.values():
            continue
        if r.strong.get(m.key) is EntityType.EVENT_SERIES:
            continue
        if m.sent == r.title_sent:
            scores[m.key] += 2
            continue
        first.setdefault(m.key, m.start)
        if first_event_sent is None:
            first_event_sent = m.sent
        if m.sent == first_event_sent and first[m.key] == m.start:
            scores[m.key] += 3
        scores[m.key] += 1
        tail = r.text[m.end:m.end + 80]
        if occur.match(tail.lstrip(" ,")) or re.match(r"\s*,?\s*(?:which|that)\s+(?:will\s+)?"
                                                       + occur.pattern, tail, re.I):
            scores[m.key] += 2
        if sub_cue.match(tail):
            scores[m.key] -= 4
        if m.key in r.editions.values():
            scores[m.key] += 1
    ranked = sorted((k for k in scores if k in first), key=lambda k: (-scores[k], first[k]))
    r.main_event = ranked[0] if ranked else next(
        (m.key for m in sorted(r.mentions, key=lambda m: m.start)
         if r.ex.entities[m.key].type is EntityType.EVENT), None)
    announced = _announced_event(r, r.main_event) if r.main_event else None
    if announced is not None:
        r.main_event = announced


_BRIEFING = compiled(r"^(?:press|news)\s+(?:conference|briefing)\s+(?:for|of|on)\s+(?:the\s+)?(?P<e>.+)$", re.I)


def _announced_event(r: Reader, key: str) -> str | None:
    """"A press conference for the 5th X Expo took place ...": the story is about the event the
    briefing announces (its exhibitors, theme and figures are the expo's), when the text names
    that event."""
    m = _BRIEFING.match(r.ex.entities[key].label)
    if m is None:
        return None
    inner = m.group("e")
    found = [k for k, e in r.ex.entities.items() if k != key and e.type is EntityType.EVENT
             and (e.label in inner or any(a in inner for a in e.aliases)) and len(e.label) > 8]
    if not found:
        return None
    event = max(found, key=lambda k: len(r.ex.entities[k].label))
    # "a press conference for the 5th X Expo (XE 2024)": the bracket names the expo
    bracket = re.search(re.escape(r.ex.entities[event].label) + r"\s*\((?P<a>[^()]{2,30})\)", inner)
    if bracket:
        r.alias(event, bracket.group("a"))
    return event
