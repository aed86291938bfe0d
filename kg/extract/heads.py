"""What a name's own words say it is: its head noun ("... Hospital", "... Forum", "... Co., Ltd")
and whether it is an acronym. Read by the name finder, the titles layer and the rules alike,
so the answers are cached."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract import lexicon as lx
from kg.records import EntityType

_ACRONYM = re.compile(r"^[A-Z][A-Za-z]*[A-Z][A-Za-z0-9&-]*$|^[A-Z]{2,}$")


def is_acronym(word: str) -> bool:
    """``is_acronym("CIIE")`` -> True; ``is_acronym("Beijing")`` -> False."""
    return bool(_ACRONYM.match(word)) and len(word) <= 10


_GLUED_COMMA = re.compile(r",(?=[A-Za-z])")


# Institution words that open a name in other languages, and the English head they stand for.
HEAD_FIRST = {"klinikum": "hospital", "klinik": "hospital", "universitätsklinikum": "hospital",
              "universitatsklinikum": "hospital", "hôpital": "hospital", "hopital": "hospital",
              "ospedale": "hospital", "policlinico": "hospital", "clinique": "clinic", "clínica": "clinic",
              "istituto": "institute", "universität": "university", "université": "university",
              "universidad": "university", "università": "university", "hochschule": "university",
              "fachhochschule": "university"}


@lru_cache(maxsize=1 << 16)  # bounded: names repeat within a batch, not forever
def head_word(text: str) -> str:
    """The word that says what a name is: the last word before "of/for/on/in" phrases.

    >>> head_word("Center for International Economic and Technological Cooperation")
    'center'
    >>> head_word("B Exhibition Hall of Nansha Science Park")
    'hall'
    >>> head_word("Pine Bio-Tech (Lakeside) Co.,Ltd")
    'ltd'
    """
    text = _GLUED_COMMA.sub(", ", text)  # "Acme Co.,Ltd" is headed by "Ltd"
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text) or text  # "X Center (Beijing)" is headed by "Center"
    words = re.sub(r"['’]s\b", "", text).split()
    if not words:
        return ""
    cut = len(words)
    for i, w in enumerate(words):
        if i > 0 and w.lower() in {"of", "for", "on", "in"}:
            cut = i
            break
    core = [w.strip(",.()").lower() for w in words[:cut]] or [words[-1].lower()]
    if len(core) > 1 and core[0] in HEAD_FIRST:
        return HEAD_FIRST[core[0]]  # "Klinikum Sankt Albrecht" is a hospital, "Ospedale San Carlo" too
    if len(core) > 1 and re.fullmatch(r"(?:19|20)\d\d", core[-1]):
        core.pop()  # "X Expo 2022": an edition is headed by its series' head
    # "Hall 4", "Hall C", "Hall N3": a number or letter after the head names which one
    if len(core) > 1 and core[-2] in lx.VENUE_HEADS and (any(c.isdigit() for c in core[-1]) or len(core[-1]) <= 2):
        core.pop()
    return core[-1]


@lru_cache(maxsize=1 << 16)
def type_by_head(text: str) -> EntityType | None:
    """Type from the head noun (and, for committees and centres, the words before it).

    >>> type_by_head("People's Government of Beijing Municipality")
    <EntityType.GOVERNMENT_BODY: 'GovernmentBody'>
    >>> type_by_head("Paris Public Hospital Group")
    <EntityType.HOSPITAL: 'Hospital'>
    >>> type_by_head("Lakeside University Medical Center"), type_by_head("Lakeside Research Center")
    (<EntityType.HOSPITAL: 'Hospital'>, <EntityType.ORGANIZATION: 'Organization'>)
    >>> type_by_head("Riverside Nurse Training Programme"), type_by_head("Riverside Talent Programme")
    (<EntityType.EVENT: 'Event'>, None)
    """
    words = [w.strip(",.()").lower() for w in re.sub(r"['’]s\b", "", _GLUED_COMMA.sub(", ", text)).split()]
    head = head_word(text)
    lowered = set(words)
    if lowered & lx.HOSPITAL_HEADS and head in {"group", "hospital", "hospitals", "clinic",
                                                "university", "college", "school"}:
        return EntityType.HOSPITAL
    if head in lx.HOSPITAL_HEADS:
        return EntityType.HOSPITAL
    if head == "committee":
        before = words[: words.index("committee")] if "committee" in words else []
        if set(before) & lx.GOVERNMENT_COMMITTEE_MODIFIERS:
            return EntityType.GOVERNMENT_BODY
        return EntityType.ORGANIZATION
    if head in {"center", "centre"}:
        before = words[: words.index(head)] if head in words else []
        if before and before[-1] in lx.VENUE_CENTER_MODIFIERS:
            return EntityType.VENUE
        if before and (before[-1] in {"medical", "cancer"} or set(before) & lx.HOSPITAL_HEADS):
            return EntityType.HOSPITAL  # "X Children's Hospital Medical Center", "Y Cancer Center"
        return EntityType.ORGANIZATION
    joined = " ".join(words)
    if any(joined.endswith(body) for body in lx.STANDING_BODIES):
        return EntityType.GOVERNMENT_BODY  # "the 13th National People's Congress" sits, it is not held
    if head in lx.GOVERNMENT_HEADS or "government" in lowered:
        return EntityType.GOVERNMENT_BODY
    if head == "convention" and (len(words) > 1 and words[-1] in {"center", "centre"}):
        return EntityType.VENUE
    if head == "convention" and words[-1] == "convention" and words[0] not in {"framework", "un", "un's"}:
        return EntityType.EVENT  # "BIO International Convention" meets; "Convention on X" is signed
    if head in lx.AGREEMENT_HEADS:
        return EntityType.AGREEMENT
    if head in lx.EVENT_HEADS:
        return EntityType.EVENT
    if head in {"programme", "program"} and head in words and words.index(head) > 0 \
            and words[words.index(head) - 1] in lx.EVENT_PROGRAMME_MODIFIERS:
        return EntityType.EVENT
    if head in lx.VENUE_HEADS:
        return EntityType.VENUE
    if head in lx.PLACE_HEADS or head.endswith("-town"):
        return EntityType.PLACE
    if head in lx.ORGANIZATION_HEADS:
        return EntityType.ORGANIZATION
    if head in lx.COMPANY_HEADS:
        return EntityType.COMPANY
    return None


def initials_match(acronym: str, name: str) -> bool:
    """Whether ``acronym`` spells the initials of ``name``: every capitalised word must give
    its initial; small words ("in", "for") may.

    >>> initials_match("CIIE", "China International Import Expo")
    True
    """
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isalpha()]
    letters = acronym.upper()

    def go(i: int, j: int) -> bool:
        if i == len(letters):
            return all(not words[k][0].isupper() for k in range(j, len(words)))
        if j == len(words):
            return False
        w = words[j]
        if w[0].upper() == letters[i] and go(i + 1, j + 1):
            return True
        return not w[0].isupper() and go(i, j + 1)

    return len(words) >= 2 and go(0, 0)
