"""Names become entities: acronyms, initials, and each name the name finder found.

The first step of reading an article (:func:`add_names`). "China International Import Expo
(CIIE)" makes "CIIE" an alias of the expo, and a bare "CIIE" elsewhere names the multiword name
whose initials spell it, so acronyms are read before the names that use them. A name is typed
by its head word, else by the name finder, else by its use as an event ("CPhI China 2021,
hosted by ..."); an event name marked as one edition ("the 2023 X", "X 2023") becomes the
edition of its series (:mod:`kg.extract.rules.editions`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import lexicon as lx
from kg.extract.heads import initials_match, is_acronym, type_by_head
from kg.extract.mentions import Name
from kg.extract.rules.editions import edition_marker, edition_node
from kg.extract.rules.patterns import ROOM_WORDS, part_and_owner
from kg.names import normalize_name
from kg.records import EntityType

if TYPE_CHECKING:
    from kg.extract.rules.reader import Reader

# what follows or precedes a name used as an event's (see _event_context)
_EVENT_AFTER = re.compile(
    r"\s*(?:(?:19|20)\d\d\b)?\s*(?:\([^()\n]{1,30}\))?\s*[,–—]?\s*(?:which\s+)?(?:(?:was|is|will\s+be|were|has\s+been|"
    r"had\s+been)\s+)?(?:(?:successfully|grandly|officially|jointly|also)\s+)?(?:held\b|(?:co-?)?hosted\s+by|"
    r"(?:co-?)?organi[sz]ed\s+by|(?:co-?)?sponsored\s+by|took\s+place|takes\s+place|kicked\s+off|kicks\s+off|"
    r"opened\s+(?:in|on|at)\b|opens\s+(?:in|on|at)\b|closed\s+(?:in|on)\b|came\s+to\s+a\s+close|wrapped\s+up)")
_EVENT_BEFORE = re.compile(
    r"\b(?:attended|attending|participated\s+in|took\s+part\s+in|exhibited\s+at|exhibiting\s+at|exhibit\s+at|"
    r"during|the\s+opening\s+of|the\s+sidelines\s+of|(?:co-)?hosted|(?:co-)?organi[sz]ed|staged|held)\s+"
    r"(?:the\s+)?(?:(?:19|20)\d\d\s+|\d+(?:st|nd|rd|th)\s+|[a-z]+(?:st|nd|rd|th)\s+)?$", re.I)


def add_names(r: Reader, names: list[Name]) -> None:
    """Every name of the article as an entity and a mention: acronyms first, then the names."""
    _add_acronyms(r, names)
    _add_acronyms_by_initials(r, names)
    for name in names:
        _add_name(r, name)
    _owners_of_parts(r, names)
    _rooms_of_bodies(r, names)


def _owners_of_parts(r: Reader, names: list[Name]) -> None:
    """"the Oak Campus of Hefei Pine Hospital": the owner is a name of the text too (and the
    part answers to its short name), so a later "Pine Hospital" is that owner's short form."""
    for n in names:
        split = part_and_owner(n.text)
        if split is None:
            continue
        part, owner = split
        owner_type = type_by_head(owner)
        if owner_type in lx.ORG_TYPES:
            key = r.key_by_norm.get(normalize_name(n.text))
            r.entity(owner, owner_type, strong=True)
            if key is not None:
                r.alias(key, part)


def _rooms_of_bodies(r: Reader, names: list[Name]) -> None:
    """"the Lotus Lecture Hall of Pine Hospital" is the "Lotus Lecture Hall": its owner's name is
    no part of the hall's (and stays its other name)."""
    for n in names:
        room = part_and_owner(n.text, ROOM_WORDS)
        key = r.key_by_norm.get(normalize_name(n.text))
        if room and key is not None and type_by_head(room[1]) in lx.ORG_TYPES:
            ent = r.ex.entities[key]
            ent.label, whole = room[0], ent.label
            r.alias(key, whole)
            r.key_by_norm.setdefault(normalize_name(ent.label), key)


def _add_acronyms(r: Reader, names: list[Name]) -> None:
    """"China International Import Expo (CIIE)": the bracketed acronym names the name before it."""
    for n in names:
        quoted = re.match(r"\s*\(\s*(?:the\s+)?[\"“]([A-Z][\w&'’ .-]{1,40}?)[\"”]\s*(?:or\s+[^()]{1,30})?\)",
                          r.text[n.end:n.end + 80])  # '("Meridian" or "the Group")'
        if quoted and len(n.words) > 1 and not is_acronym(quoted.group(1)):
            # 'Harwick Biotechnology Co., Ltd. ("Harwick Bio")': the short name the story uses
            key = r.entity(_strip_year(n.text), _name_type(r, n), strong=n.by_head)
            r.alias(key, quoted.group(1))
            start = n.end + quoted.start(1)
            r.mention(start, start + len(quoted.group(1)), key)
            if len(quoted.group(1).split()) == 1:
                # '(the "Bureau")': a kind's word made a name; "Director-General of the Bureau"
                # later means this body (a longer name read there wins)
                for later in re.finditer(r"\b" + re.escape(quoted.group(1)) + r"\b", r.text[n.end + quoted.end():]):
                    at = n.end + quoted.end() + later.start()
                    if not any(x.start <= at and at + len(quoted.group(1)) < x.end for x in names):
                        r.mention(at, at + len(quoted.group(1)), key)  # not in "X Biologics (Suzhou) Co."
            continue
        # "(CIIE)", and "(XCS 2023)": an edition's acronym with its year
        m = re.match(r"\s*\(([A-Z][A-Za-z&-]{1,9})(?:\s+(?:19|20)\d\d)?\)", r.text[n.end:n.end + 20])
        if m and not is_acronym(n.text) and len(n.words) > 1 and m.group(1) not in lx.COUNTRIES and (
                is_acronym(m.group(1)) or initials_match(m.group(1), n.text)):  # "(Japan)" is no acronym
            label = _strip_year(n.text)
            etype = _name_type(r, n)
            if etype is EntityType.EVENT and edition_marker(r, n) is not None:
                etype = EntityType.EVENT_SERIES
            owner = re.search(r"\s+of\s+(?:the\s+)?([A-Z].+)$", label)
            if owner and not initials_match(m.group(1), label) and initials_match(m.group(1), owner.group(1)):
                # "South Campus of Lorn University (LU)": the acronym is the university's
                label, etype = owner.group(1), type_by_head(owner.group(1))
            key = r.entity(label, etype, strong=n.by_head)
            r.acronyms[m.group(1)] = key
            r.alias(key, m.group(1))
            start = n.end + m.start(1)
            r.mention(start, start + len(m.group(1)), key)


def _add_acronyms_by_initials(r: Reader, names: list[Name]) -> None:
    """A bare acronym ("CIIE") names the multiword name whose initials spell it."""
    long_names = [n for n in names if len(n.words) > 1]
    for n in names:
        if not is_acronym(n.text) or n.text in r.acronyms:
            continue
        hits = {_strip_year(x.text) for x in long_names if initials_match(n.text, x.text)}
        if len(hits) == 1:
            label = hits.pop()
            source = next(x for x in long_names if _strip_year(x.text) == label)
            etype = _name_type(r, source)
            key = r.entity(label, etype, strong=source.by_head)
            r.acronyms[n.text] = key
            r.alias(key, n.text)


def _add_name(r: Reader, n: Name) -> None:
    text = n.text
    if is_acronym(text) and text in r.acronyms:
        key = r.acronyms[text]
        marker = edition_marker(r, n)
        end = n.end
        if marker is not None and r.ex.entities[key].type in (
                EntityType.EVENT, EntityType.EVENT_SERIES):
            key = edition_node(r, key, marker, n)
            if r.text.startswith(marker[1], n.start):
                end = n.start + len(marker[1])  # "XDH 2023": the year is part of the mention
        r.mention(n.start, end, key)
        return
    if any(m.start <= n.start < m.end for m in r.mentions):
        return
    etype = _name_type(r, n)
    if etype in (EntityType.EVENT, EntityType.EVENT_SERIES) or n.ner == "EVENT":
        marker = edition_marker(r, n)
        if marker is not None:
            series = _series_shortened(r, _strip_year(text)) or r.entity(
                _strip_year(text), EntityType.EVENT_SERIES, strong=True)
            surface = marker[1]
            # "X 2021": the year after the name is part of the mention, so that patterns
            # read "⟦X 2021⟧, hosted by ..." as they read "⟦X⟧, hosted by ..."
            end = n.start + len(surface) if r.text.startswith(surface, n.start) else n.end
            r.mention(n.start, end, edition_node(r, series, marker, n))
            return
    key = r.entity(text, etype, strong=n.by_head)
    r.mention(n.start, n.end, key)


def _series_shortened(r: Reader, short: str) -> str | None:
    """"this year's Pine Challenge" after "the 4th Pine Biomedical Innovation Challenge": the one
    series named before whose name opens and ends as the short one does and holds its words, or
    opens with all of them."""
    words = normalize_name(short).split()
    if len(words) < 2:
        return None
    found = [k for k in r.editions if k in r.ex.entities and (
        (full := normalize_name(r.ex.entities[k].label).split()) != words
        and ((full[0] == words[0] and full[-1] == words[-1] and set(words) <= set(full))
             or full[:len(words)] == words))]  # "the Pine Cup" for "the 4th Pine Cup Device Challenge"
    if len(found) != 1:
        return None
    r.alias(found[0], short)
    return found[0]


def _strip_year(text: str) -> str:
    return re.sub(r"^(?:19|20)\d\d\s+|\s+(?:19|20)\d\d$", "", text).strip()


def _ner_type(n: Name) -> EntityType | None:
    return {"PERSON": EntityType.PERSON, "GPE": EntityType.PLACE, "LOC": EntityType.PLACE,
            "EVENT": EntityType.EVENT}.get(n.ner or "")


def _name_type(r: Reader, n: Name) -> EntityType | None:
    """A name's type from its head word, else from the name finder, else from its use as
    an event ("CPhI China 2021, hosted by ...", "during BioLink Week")."""
    etype = n.type or _ner_type(n)
    if etype is None and n.ner not in {"PERSON", "GPE", "LOC", "FAC", "NORP"} and _event_context(r, n):
        etype = EntityType.EVENT
    return etype


def _event_context(r: Reader, n: Name) -> bool:
    """Whether a name without an event word is used as an event: held, hosted or attended
    ("the BioLink Shanghai 2021, hosted by A, opened ...", "exhibited at MedTrade Spring").
    Names that say what they are ("X Hospital", "X Group") are typed by their head instead."""
    return bool(_EVENT_AFTER.match(r.text, n.end) or _EVENT_BEFORE.search(
        r.text[max(0, n.start - 50):n.start]))
