"""Event anaphora: "the forum", "this year's fair", "the promotion conference", "the annual
challenge", "the rehabilitation sub-forum": the event such a phrase means (a part of
:func:`kg.extract.rules.anaphora.resolve_anaphora`, which reads venues and bodies after it).

An event phrase means the latest event named with that head noun (or a kindred one: a challenge
is a competition), else the whole a described part was named in, else an event named only inside
a description, else the article's main event (:mod:`kg.extract.rules.main_event`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from kg.extract import lexicon as lx
from kg.extract.dates import MONTH
from kg.extract.heads import head_word
from kg.extract.rules.patterns import compiled
from kg.names import normalize_name
from kg.records import EntityType

if TYPE_CHECKING:
    from kg.extract.rules.reader import Reader


# heads that name one kind of event: "the Pine Challenge ... The competition was hosted by"
_CONTESTS = frozenset({"challenge", "competition", "contest"})
_KIN_HEADS = {h: _CONTESTS for h in _CONTESTS}


# "The awards ceremony was held on May 9": the awards the story named last
_AWARDS_CEREMONY = compiled(r"\b[Tt]he\s+(?:\d{4}\s+)?(?P<w>(?:awards?|prizes?)(?:[- ]giving)?\s+ceremony)\b")
_AWARD_HEADS = frozenset({"award", "awards", "prize", "prizes"})
# "The investment day, held at ...": the one event whose name ends so ("X Investment Day")
_NAMED_DAY = compiled(r"\b[Tt]he\s+(?P<w>[a-z]+\s+day)\b")


def _refer_back(r: Reader, pattern: re.Pattern[str], fits: Callable[[re.Match[str], str], bool],
                *, latest: bool) -> None:
    """Each phrase ``pattern`` finds outside a name (its group ``w``) means the event named
    before it that ``fits``: the last one when ``latest``, else only the one when one alone fits."""
    for m in pattern.finditer(r.text):
        if any(x.start <= m.start("w") < x.end for x in r.mentions):
            continue
        named = [x for x in r.mentions if x.end <= m.start() and r.ex.entities[x.key].type is EntityType.EVENT
                 and fits(m, r.ex.entities[x.key].label)]
        keys = {x.key for x in named}
        if named and (latest or len(keys) == 1):
            r.mention(m.start(), m.end(), max(named, key=lambda x: x.start).key, anaphor=True)


def event_anaphora(r: Reader) -> None:
    """"the forum", "this year's fair", "the event": the event they mean."""
    _refer_back(r, _AWARDS_CEREMONY, lambda m, label: head_word(label) in _AWARD_HEADS, latest=True)
    _refer_back(r, _NAMED_DAY, lambda m, label: label.lower().endswith(" " + m.group("w").lower()), latest=False)
    pattern = compiled(
        r"\b(?P<det>the|this|that|its)\s+(?:(?:year['’]?s|years|special|whole|two-day|"
        r"three-day|four-day|five-day|\w+-day|annual|same|entire|grand|main|big|current)\s+)*"
        r"(?P<head>" + "|".join(sorted(lx.DESCRIPTIVE_EVENT_HEADS | {"area", "zone"}, key=len, reverse=True))
        + r")\b(?!\s+(?:on|for|of)\s+[A-Z])", re.I)
    generic = {"event", "gathering", "conference", "forum", "fair", "expo", "summit"}
    for m in pattern.finditer(r.text):
        if any(x.start <= m.start("head") < x.end for x in r.mentions):
            continue
        head = m.group("head").lower()
        if head in {"area", "zone"}:
            head = "exhibition area"
        target = None
        if head in {"event", "gathering"}:
            # "The 5th X Expo opened on May 19. The event is hosted by ...": a named event of
            # its own in the sentence before, not the story's first one
            last = sorted((x for x in r.mentions if x.end <= m.start()
                           and r.ex.entities[x.key].type is EntityType.EVENT), key=lambda x: x.start)
            here = r.sent_of_char[m.start()]
            if last and last[-1].sent >= here - 1 and last[-1].sent < here and \
                    r.ex.entities[last[-1].key].scope is None:
                r.mention(m.start(), m.end(), last[-1].key, anaphor=True)
                continue
        kin = _KIN_HEADS.get(head, {head})
        recent = [x for x in r.mentions if x.end <= m.start()
                  and r.ex.entities[x.key].type is EntityType.EVENT
                  and r.heads.get(x.key) in kin]
        if not recent:
            # "The final of the third X Challenge ... The annual challenge was organized by":
            # the whole a described part was named in, though its name sits inside the part's
            recent = [x for x in r.mentions if x.end <= m.start() and x.key in r.part_of
                      and r.heads.get(r.part_of[x.key][0]) in kin]
            if recent:
                target = r.part_of[recent[-1].key][0]
            else:
                # "a press conference for the 5th X Expo ... the expo will run": an event named
                # only inside a description's name
                inside = {k: r.text.rfind(e.label, 0, m.start()) for k, e in r.ex.entities.items()
                          if e.type is EntityType.EVENT and not e.scope and r.heads.get(k) in kin}
                inside = {k: pos for k, pos in inside.items() if pos >= 0}
                if inside:
                    target = max(inside, key=lambda k: inside[k])
        else:
            target = recent[-1].key
        main = r.main_event
        named_inside = target is not None and not recent
        if main is not None and not named_inside and (r.heads.get(main) == head or head in generic) and (
                target is None or r.ex.entities[target].scope is None):
                target = main if not recent or (head in generic and r.heads.get(
                    recent[-1].key) != head) else target or main
        if target is None and head != "exhibition area":
            target = main
        if target is None:
            continue
        r.mention(m.start(), m.end(), target, anaphor=True)
    _shortened_names(r)


def _shortened_names(r: Reader) -> None:
    """"the promotion conference", "the innovation challenge": a named event referred to by its
    head and some of its own words, when exactly one event named before has them all."""
    pattern = re.compile(r"\b[Tt]he\s+(?P<words>(?:[a-z][a-z-]+\s+){1,3})(?P<head>"
                         + "|".join(sorted(lx.DESCRIPTIVE_EVENT_HEADS, key=len, reverse=True)) + r")\b"
                         r"(?!\s+(?:of|for|between|to)\b)(?!\s+on\s+(?!the\s+\d|\w+day\b|" + MONTH + r"))")
    for m in pattern.finditer(r.text):
        if any(x.start < m.end() and m.start() < x.end for x in r.mentions):
            continue
        words = set(m.group("words").split())
        named = {x.key for x in r.mentions if x.end <= m.start() and not x.anaphor
                 and r.type_of(x.key) is EntityType.EVENT and r.heads.get(x.key) == m.group("head")
                 and words <= set(normalize_name(r.ex.entities[x.key].label).split())}
        if len(named) == 1:
            r.mention(m.start(), m.end(), named.pop(), anaphor=True)


_PARTS = frozenset({"sub-forum", "subforum", "session", "forum", "pavilion", "panel", "workshop"})


def part_by_its_word(r: Reader) -> None:
    """"The rehabilitation session was chaired by ...", "chaired the nursing sub-forum": the part of
    the event the story named with that word ("Cardiac Rehabilitation Sub-forum"), when one does."""
    for m in re.finditer(r"\b[Tt]he\s+(?P<word>[a-z][a-z-]{3,})\s+(?P<head>sub-forum|subforum|session|forum|pavilion|"
                         r"panel|workshop)\b", r.text):
        there = [x for x in r.mentions if x.start <= m.start("word") < x.end or m.start() <= x.start < m.end()]
        if any(r.ex.entities[x.key].scope is None for x in there):
            continue  # a name, not a description
        stem = m.group("word")[:6].lower()
        named = {x.key for x in r.mentions if x.end <= m.start() and r.ex.entities[x.key].type is EntityType.EVENT
                 and head_word(r.ex.entities[x.key].label) in _PARTS
                 and any(w.lower().startswith(stem) for w in r.ex.entities[x.key].label.split()[:-1])}
        if len(named) == 1:
            target = named.pop()
            for x in there:  # the description's own node gives way to the part it describes
                x.key = target
            if not there:
                r.mention(m.start(), m.end(), target, anaphor=True)
