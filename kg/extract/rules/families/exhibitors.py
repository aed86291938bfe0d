"""Who exhibited: "A showcased ...", "exhibitors include A and B"."""

from __future__ import annotations

import re
from typing import NamedTuple

from kg.extract import lexicon as lx
from kg.extract.heads import head_word
from kg.extract.rules.patterns import HAS_EXHIBIT, LIST, E
from kg.extract.rules.sentence import Sentence
from kg.records import EntityType, Relation


class _Shape(NamedTuple):
    guard: re.Pattern[str]
    pattern: re.Pattern[str]
    by_object: bool  # "products of X": "the achievements of X" exhibit only where the sentence shows
    at_fair: bool  # "signed up for X" exhibits only where X is a fair; at a forum it is taking part


def _shape(guard: str, pattern: str, by_object: bool = False, at_fair: bool = False) -> _Shape:
    return _Shape(re.compile(guard, re.I), re.compile(pattern, re.I), by_object, at_fair)


_FAIR = re.compile(r"\b(?:expo|exposition|fair|exhibition|show|trade\s+show|pavilion)\b", re.I)


# The exhibiting shapes, compiled once. Each has a guard: a word the shape cannot match
# without, cheap to test, unlike trying a list at every position of the sentence.
_SHAPES: tuple[_Shape, ...] = (
    _shape(r"exhibit|showcas|display|present|unveil|demonstrat|set\s+up|booth|stand|exhibition|represented|brought",
           r"(?P<l>" + LIST + r")\s+(?:also\s+|will\s+|have\s+|has\s+)*(?:(?:is|are|was|were|will\s+be)\s+(?:also\s+)?"
           r"(?:exhibiting|showcasing|displaying|presenting|unveiling|demonstrating)|exhibited|showcased|"
           r"displayed|presented|exhibit|showcase|display|unveiled|demonstrated|set\s+up\s+(?:booths?|"
           r"stands?|pavilions?)|(?:had|have|has|booked|reserved|rented|took|occupy|occupies|occupied|signed\s+up\s+for)\s+"
           r"(?:[\w,-]+\s+){0,3}?(?:booths?|stands?|exhibition\s+(?:areas?|space|halls?))|"
           r"(?:was|were)\s+represented\s+at|brought\s+(?:\w+\s+){0,3}?(?:products|"
           r"devices|equipment|technologies|innovations|drugs|medicines|solutions|exhibits))\b"),
    _shape(r"\b(?:by|from|of)\b",
           r"\b(?:products?|medicines?|drugs?|devices?|equipment|technolog(?:y|ies)|innovations?|"
           r"solutions?|booths?|exhibits?|achievements|robots?|vaccines?|therapies)\s+(?:by|from|of)"
           r"\s+(?:(?:companies|enterprises|firms|exhibitors|makers)\s+)?(?:like\s+|such\s+as\s+|"
           r"including\s+)?(?P<l>" + LIST + ")", by_object=True),
    # "Exhibitors at the pavilion include A, B and C"
    _shape(r"exhibitor",
           r"\bexhibitors?(?:\s+(?:at|in|of)\s+(?:the\s+)?(?:⟦\d+⟧|[\w-]+(?:\s+[\w-]+){0,2}?))?"
           r"(?:,?\s+(?:this|last|next)\s+year,?)?\s+"  # "Exhibitors this year included A"
           # "Exhibitors confirmed so far include A"
           r"(?:(?:confirmed|registered|signed\s+up|announced)\s+(?:so\s+far\s+|to\s+date\s+)?)?"
           r"(?:include[sd]?|including|such\s+as|like|were|are)\s+(?:(?:[\w-]+\s+){0,3}?"
           r"(?:such\s+as|like|including)\s+)?(?P<l>" + LIST + ")"),
    _shape(r"showcased|displayed|exhibited",
           r"\b(?:showcased|displayed|exhibited)\s+(?:the\s+)?(?:products|innovations|"
           r"technologies)\s+of\s+(?P<l>" + LIST + ")"),
    _shape(r"exhibited|showcased|displayed|presented",
           r"\b(?:exhibited|showcased|displayed|presented)\b[^;]*?\b(?:including|such\s+as)\s+(?P<l>" + LIST + ")"),
    # "38 Japanese companies, among them A and B, showed robots"
    _shape(r"exhibited|showcased|displayed|presented|set\s+up|showed",
           r"\b(?:including|such\s+as|among\s+them)\s+(?P<l>" + LIST + r"),?\s+(?:also\s+|have\s+|has\s+)*(?:exhibited|"
           r"showcased|displayed|presented|showed|set\s+up\s+booths?)\b"),
    # "A, B and C are among the exhibitors", "A is one of the exhibitors"
    _shape(r"exhibitors",
           r"(?P<l>" + LIST + r")\s+(?:are|were|is|was|will\s+be)\s+(?:also\s+)?(?:among|one\s+of)\s+the\s+"
           r"(?:\w+\s+){0,2}?exhibitors\b"),
    # "with X occupying the largest booth"
    _shape(r"\bwith\b",
           r"\bwith\s+(?P<l>" + LIST + r")\s+(?:occupying|taking|having|running)\s+(?:\w+\s+){0,3}?(?:booths?|"
           r"stands?|exhibition\s+(?:areas?|space))"),
    # "X's booth at the expo drew crowds", "X made its debut at the expo", "X is among more than
    # 400 exhibitors", "X returned to the expo with its largest booth", "X launched three new
    # products at the expo"
    _shape(r"booth|stand|exhibition",
           r"(?P<l>" + LIST + r")['’]s?\s+(?:[\w-]+\s+){0,2}?(?:booths?|stands?|exhibition\s+(?:areas?|space))\b"),
    _shape(r"debut|appearance",
           r"(?P<l>" + LIST + r")\s+(?:also\s+|will\s+)?(?:made|makes|make)\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}?"
           r"(?:debut|appearance)\b"),
    _shape(r"exhibitors",
           r"(?P<l>" + LIST + r")\s+(?:is|are|was|were|will\s+be)\s+(?:also\s+)?among\s+(?:the\s+)?(?:more\s+than\s+|"
           r"over\s+|nearly\s+|about\s+|some\s+)?(?:[\d,]+\s+)?(?:[\w-]+\s+){0,2}?exhibitors\b"),
    _shape(r"returned|returns|came\s+back|comes\s+back",
           r"(?P<l>" + LIST + r")\s+(?:also\s+)?(?:returned|returns|came\s+back|comes\s+back)\s+to\s+(?:the\s+)?"
           r"(?:⟦\d+⟧|[\w-]+)\s+with\s+(?:[\w-]+\s+){0,3}?(?:booths?|stands?|products|devices|exhibits|pavilions?)\b"),
    _shape(r"launched|released|debuted",
           r"(?P<l>" + LIST + r")\s+(?:also\s+)?(?:launched|released|debuted)\s+(?:[\w-]+\s+){0,3}?(?:products|devices|"
           r"drugs|medicines|equipment|systems|technologies)\s+(?:at|during)\b"),
    # "the German Pavilion gathered 22 manufacturers from Germany, among them A and B"
    _shape(r"gathered|brought\s+together|featured|housed|hosted",
           r"\b(?:gathered|brought\s+together|featured|housed|hosted)\s+(?:more\s+than\s+|over\s+|nearly\s+|some\s+)?"
           r"[\d,]+\s+(?:[\w-]+\s+){0,3}?(?:exhibitors|companies|manufacturers|firms|enterprises|makers|brands)"
           r"(?:\s+from\s+(?:the\s+)?(?:⟦\d+⟧|[^,;⟦]{1,40}))?,?\s+(?:among\s+them|including|such\s+as)\s+"
           r"(?P<l>" + LIST + ")",
           at_fair=True),
    # "Many companies, including A and B, have signed up for the expo"
    _shape(r"signed\s+up|signs\s+up|registered",
           r"(?:including\s+|such\s+as\s+)?(?P<l>" + LIST + r"),?\s+(?:also\s+|have\s+|has\s+|had\s+)*(?:signed\s+up|"
           r"signs\s+up|registered)(?=\s+for\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?⟦)", at_fair=True),
)

# -- exhibitors
def read(s: Sentence) -> None:
    ph = s.ph
    if not HAS_EXHIBIT.search(ph):
        return
    showing = bool(re.search(r"exhibit|showcas|display|booth|stand\b|stands\b|pavilion|on\s+show|unveil|demonstrat",
                             ph, re.I))
    for shape in _SHAPES:
        if not shape.guard.search(ph):
            continue  # the shape's own words are absent: no need to try a list at every position
        for m in shape.pattern.finditer(ph):
            if shape.by_object and not showing and m.group(0).lower().startswith("achievements"):
                continue  # "the achievements of X" exhibit nothing unless the sentence shows them
            event = s.focus() if not s.events_in(ph) else s.event_near(m.start())
            at = re.match(r"\s+(?:at|in|during|to|for)\s+(?:the\s+|(?:this|next|last)\s+year['’]s\s+)?(" + E + ")",
                          ph[m.end():])
            if at and s.is_event(s.key(at.group(1))):
                event = s.key(at.group(1))  # "Ovena will exhibit at next year's expo"
            if shape.at_fair and (event is None or not _FAIR.search(s.r.ex.entities[event].label)):
                continue
            for a in s.agents(m.group("l")):
                if s.typ(a) in (EntityType.VENUE, EntityType.PERSON) or (
                        s.typ(a) is EntityType.PLACE
                        and head_word(s.r.ex.entities[a].label) not in lx.HOLDING_PLACE_HEADS):
                    continue  # a park or zone may exhibit (at an investment pavilion); a city does not
                s.fact(event, Relation.EXHIBITOR, a)
