"""Figures about an event: "more than 2,000 exhibitors", "300 projects"."""

from __future__ import annotations

import re

from kg.extract.rules.sentence import Sentence
from kg.records import Literal, Relation


# -- figures
def read(s: Sentence) -> None:
    for ent in s.r.ents_by_sent.get(s.index, ()):
        if ent.label_ not in {"CARDINAL", "QUANTITY", "PERCENT"}:
            continue
        num = re.search(r"\d[\d,]*(?:\.\d+)?", ent.text)
        if not num:
            continue
        value = num.group(0).replace(",", "")
        last = ent[-1]
        head = last.head if last.dep_ in {"nummod", "quantmod"} else None
        if ent.label_ == "PERCENT":
            what = "percent"
        elif head is not None and head.i > last.i and head.i - last.i <= 6 and head.pos_ in {
                "NOUN", "PROPN"}:
            what = s.r.text[last.idx + len(last.text):head.idx + len(head.text)].strip()
        elif ent.label_ == "QUANTITY":
            what = ent.text[num.end():].strip()
        else:
            continue
        if not what or re.fullmatch(r"(?:19|20)\d\d", value) or what.startswith("-"):
            continue  # "a 500-bed hospital" describes a thing, it counts nothing of the event
        event = s.r.event_left_of(ent.start_char) or s.r.main_event
        if event is not None:
            s.fact(event, Relation.STATISTIC, Literal(f"{value} {what}"))
