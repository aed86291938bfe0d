"""An event's theme, quoted after "themed" or "under the theme of"."""

from __future__ import annotations

import re

from kg.extract.rules.sentence import Sentence
from kg.records import EntityType, Literal, Relation


# -- theme
def read(s: Sentence) -> None:
    text = re.sub(r"\s+", " ", s.sent.text)
    # "themed 'X'", "the theme of 'X'", "the theme of this year's Y is 'X'"
    quoted = re.search(r"\b(?:theme|title|slogan|themed)\b(?:\s+of(?:\s+[^\"“‘.;]{1,80}?(?=\s+(?:is|was)\b))?)?"
                       r"(?:\s+(?:is|was|being))?"
                       r"\s*[:,]?\s*[\"“'‘](?P<t>[^\"”’]{3,160}?)[,.]?[\"”'’]", text, re.I)
    bare = re.search(r"\b(?i:with|under|carrying|bearing)\s+the\s+(?:theme|title|slogan)"
                     r"(?:\s+of)?\s+(?P<t>[A-Z][^\"“]{3,120}?)(?=,\s+(?:the|this|these|it|which"
                     r"|and|where)\b|\.$|$)", text)
    m = quoted or bare
    if not m:
        return
    theme = m.group("t").strip(" ,.")
    pos = s.ph.lower().find("them") if "them" in s.ph.lower() else s.ph.lower().find(
        "title")
    event = s.event_near(max(pos, 0))
    if event is not None and s.typ(event) is EntityType.EVENT:
        s.fact(event, Relation.THEME, Literal(theme))
