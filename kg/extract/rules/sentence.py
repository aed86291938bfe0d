"""One sentence in placeholder form: the helpers every rule family reads it with."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from kg.extract import lexicon as lx
from kg.extract.heads import type_by_head
from kg.records import EntityType, Evidence, Literal, Relation

if TYPE_CHECKING:
    from kg.extract.rules.reader import Mention, Reader
from kg.extract.rules.patterns import APPOS, E

# "Eyewear and optics company X", "Healthcare and life sciences company X": a sentence's
# first capitalised word coordinated with the modifiers of a company noun
_DESCRIPTOR_AND = re.compile(r"\s+and\s+(?:[a-z][\w-]*\s+){1,3}(?:company|firm|group|maker|giant|manufacturer|"
                             r"provider|developer|specialist|leader)\s+⟦")


class Sentence:
    """One sentence in placeholder form, and the patterns read from it."""

    def __init__(self, r: Reader, index: int, sent: Any, ph: str, keys: list[str],
                 ms: list[Mention]) -> None:
        self.r = r
        self.index = index
        self.sent = sent
        self.ph = ph
        self.keys = keys
        self.ms = ms
        self.char = sent.start_char

    def key(self, token: str) -> str:
        return self.keys[int(token.strip("⟦⟧"))]

    def items(self, text: str) -> list[str]:
        """Keys named in a list, skipping possessors ("Pudong's Zhangjiang Town" -> Zhangjiang Town)."""
        text = re.sub(APPOS, ",", text)
        out: list[str] = []
        for m in re.finditer(E + r"(?!['’]s?\s)", text):
            key = self.key(m.group(0))
            if re.search(E + r"\s+(?:of|from)\s+(?:the\s+)?$", text[:m.start()]) and (
                    self.r.ex.entities[key].label in lx.COUNTRIES or (
                        re.search(E + r"\s+from\s+$", text[:m.start()]) and type_by_head(
                            self.r.ex.entities[key].label) in (None, EntityType.PLACE))):
                continue  # "Rivera Health System of Spain", "Acme GmbH from Hamburg": where the item is
            if out and re.search(E + r"\s+of\s+$", text[:m.start()]) and self.typ(key) is EntityType.PLACE \
                    and self.typ(out[-1]) is EntityType.PLACE:
                continue  # "X District of Hefei": the city locates the district
            if re.search(E + r"\s+in\s+(?:the\s+)?$", text[:m.start()]) and self.typ(key) is EntityType.PLACE:
                continue  # "Ashford Medical Center in the United Kingdom": the place locates it
            if out and self.typ(key) is EntityType.PLACE and self.typ(out[-1]) in lx.ORG_TYPES and \
                    re.search(re.escape(self.token_of(out[-1])) + r",\s*$", text[:m.start()]):
                continue  # "hosted by the People's Government of X District, Chengdu, and": where it is
            tok = m.group(0)
            if self.ph.startswith(tok) and _DESCRIPTOR_AND.match(self.ph, len(tok)):
                continue  # "Eyewear and optics company X signed": the first word describes X
            if key not in out:  # "Pelham Bio-Tech (PBT)": the acronym is the same item
                out.append(key)
        return out

    def token_of(self, key: str) -> str:
        """The placeholder of the first mention of ``key`` in the sentence."""
        return f"⟦{self.keys.index(key)}⟧"

    def surface(self, m: re.Match[str]) -> str:
        """The original text of a "⟦b⟧'s ⟦a⟧" match."""
        first = self.ms[int(m.group("b").strip("⟦⟧"))]
        last = self.ms[int(m.group("a").strip("⟦⟧"))]
        return self.r.text[first.start:last.end]

    def typ(self, key: str) -> EntityType:
        return self.r.type_of(key)

    def is_event(self, key: str) -> bool:
        return self.typ(key) is EntityType.EVENT

    def agents(self, text: str) -> list[str]:
        return [k for k in self.items(text) if self.typ(k) not in (EntityType.EVENT,
                                                                  EntityType.AGREEMENT)]

    def events_in(self, text: str) -> list[str]:
        return [k for k in self.items(text) if self.is_event(k)]

    def event_near(self, pos: int) -> str | None:
        """The event this part of the sentence is about: nearest before, else after, else the
        article's event."""
        left = self.events_in(self.ph[:pos])
        if left:
            return left[-1]
        right = self.events_in(self.ph[pos:])
        if right:
            return right[0]
        return self.r.main_event

    def event_before(self) -> str | None:
        """The event named last in the two sentences before ("X took place on May 7. The
        organizer, Y, said ..."), else the article's event."""
        before = [m for m in self.r.mentions if self.index - 2 <= m.sent < self.index and self.is_event(m.key)]
        return max(before, key=lambda m: m.start).key if before else self.r.main_event

    def focus(self) -> str | None:
        """The event a sentence naming none is about: an exhibition just introduced in one of the
        two sentences before ("A special exhibition area covers ... . Servier showcased ..."),
        else the article's event. A sentence set at an opening or closing ceremony, or at "the
        forum", is about the article's event whatever came before."""
        if re.search(r"\b(?:at|during)\s+the\s+(?:opening|closing|launch|award)\b", self.ph, re.I):
            return self.r.main_event
        for back in (1, 2):
            i = self.index - back
            if i < 0:
                break
            ms = [m for m in self.r.mentions if m.sent == i and self.r.type_of(m.key) is EntityType.EVENT]
            if ms:
                first = ms[0].key
                ent = self.r.ex.entities[first]
                if (ent.scope and self.r.heads.get(first) in {"exhibition", "exhibition area",
                                                                "experience hall", "show"}) or \
                        self.r.heads.get(first) == "pavilion":
                    return first  # "The German Pavilion will present 24 firms. Exhibitors include A"
                break
        return self.r.main_event

    def fact(self, s: str | None, rel: Relation, o: str | Literal | None) -> None:
        if s is None or o is None:
            return
        self.r.fact(s, rel, o, self.char)



def event_head(root: Any) -> str | None:
    """The event word heading a noun chunk: "forum", "ceremony", or "exhibition area" for an
    exhibition's area, zone or section."""
    lemma = root.lemma_.lower()
    if lemma in lx.DESCRIPTIVE_EVENT_HEADS:
        return str(lemma)
    if lemma == "pavilion" and root.text.islower():
        return "exhibition area"
    if lemma in {"area", "zone", "section"} and any(
            c.lemma_.lower() in {"exhibition", "display", "experience", "showcase"}
            for c in root.doc[root.left_edge.i:root.i]):
        return "exhibition area"
    return None


def compatible(a: EntityType | None, b: EntityType | None) -> bool:
    orgs = {EntityType.ORGANIZATION, EntityType.COMPANY, EntityType.HOSPITAL,
            EntityType.GOVERNMENT_BODY, None}
    places = {EntityType.PLACE, EntityType.VENUE, None}
    return a == b or (a in orgs and b in orgs) or (a in places and b in places)


def evidence(doc: str, sent: Any) -> Evidence:
    raw = sent.text
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    start = sent.start_char + lead
    return Evidence(doc, re.sub(r"\s+", " ", text), start, start + len(text))
