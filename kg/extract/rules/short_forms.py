"""Short forms merged into the full name the story also uses: "Kanghui" into "Kanghui
Pharmaceutical", "Nansha" into "Nansha District", "Dr. Lin" into "Grace Lin", "the X forum" into
"the X Innovative Cooperation Forum"; then the other names a text gives (:func:`merges.other_names`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import lexicon as lx
from kg.extract.capitals import POSSESSIVE_NAME_WORDS
from kg.extract.dates import ordinal_value
from kg.extract.heads import head_word, is_acronym, type_by_head
from kg.extract.rules.merges import merge, other_names
from kg.extract.rules.sentence import compatible
from kg.extract.rules.types_from_context import vote
from kg.names import normalize_name
from kg.records import EntityType

if TYPE_CHECKING:
    from kg.extract.rules.reader import Reader


def short_forms(r: Reader) -> None:
    """Merge "Kanghui" into "Kanghui Pharmaceutical", "Nansha" into "Nansha District",
    "Qiu" into "Qiu Rong", "X forum" into "X Innovative Cooperation Forum"."""
    ents = r.ex.entities
    generic = {"district", "town", "city", "county", "province", "township", "village",
               "municipality", "group", "co", "ltd", "inc", "corp", "corporation", "company",
               "limited", "holding", "holdings", "pharmaceutical", "pharmaceuticals", "pharma",
               "biotech", "medical", "healthcare", "technology", "technologies", "hospital",
               # what a firm's everyday name leaves out: "Corvo Therapeutics" is "Corvo"
               "therapeutics", "biologics", "biosciences", "bioscience", "biopharma", "biopharmaceutical",
               "biopharmaceuticals", "diagnostics", "genomics", "robotics", "labs", "laboratories", "medtech",
               "biotechnology", "pharmaceutics", "biomedical", "instruments", "devices", "systems",
               "industry", "investment", "development", "health"}
    remap: dict[str, str] = {}
    # every name against every other: each one's words and type read once (nothing is merged
    # until all pairs are seen, so neither changes in the loop)
    split = {k: e.label.split() for k, e in ents.items()}
    voted = {k: vote(r, k) for k in ents}
    for key, ent in list(ents.items()):
        words = split[key]
        etype = voted[key]
        cands: list[str] = []
        bodies: list[str] = []
        if etype is EntityType.EVENT_SERIES:
            continue  # a series is never a short form of one of its editions
        tail = words[1:] if len(words) > 2 and words[0] in {"park", "zone", "valley"} else words
        generic_body = " ".join(tail).lower() in _GENERIC_BODIES
        for other_key, other in ents.items():
            if other_key == key or other.scope:
                continue
            ow = split[other_key]
            otype = voted[other_key]
            if len(words) == 1 and len(ow) > 1 and words[0].lower() in (ow[0].lower(), ow[-1].lower()) \
                    and etype is EntityType.PERSON and otype is EntityType.PERSON:
                # "Dr. Lin" after "Grace Lin", "Vice-Mayor Qiu" after "QIU Rong": a family name
                cands.append(other_key)
                continue
            # "park administrative committee" (lower case) for "Pine Park Administrative Committee"
            if generic_body and len(ow) > len(words) and (
                    ow[-len(tail):] == tail or (tail is not words and (low := [w.lower() for w in ow])[-len(tail):]
                                                == [w.lower() for w in tail] and words[0] in low)) \
                    and otype in (*lx.ORG_TYPES, None):
                bodies.append(other_key)  # "the Management Committee" for "Pine Valley Management Committee"
                continue
            if _place_dropped(r, words, ow, etype, otype):
                cands.append(other_key)  # "Hengren Hospital" for "Nanjing Hengren Hospital"
                continue
            city_dropped = len(ow) > len(words) + 1 and ow[1:len(words) + 1] == words and len(words) >= 2 and \
                _is_place_word(r, ow[0]) and etype in (*lx.ORG_TYPES, None)
            # "Pinora" for "Shenzhen Pinora Technology Co., Ltd.": a firm's one distinctive word,
            # whatever the name finder typed it as
            one_word_firm = len(words) == 1 and len(ow) >= 3 and ow[1] == words[0] and _is_place_word(r, ow[0]) \
                and key not in r.strong and otype is EntityType.COMPANY and 0 < len(
                    [w for w in ow[2:] if w.lower().strip(".,") not in lx.LEGAL_SUFFIXES]) <= 3 and any(
                    w.lower().strip(".,") in lx.LEGAL_SUFFIXES for w in ow[2:])
            if one_word_firm:
                cands.append(other_key)
                continue
            if city_dropped:
                ow = ow[1:]  # "Qiyun Health" for "Hangzhou Qiyun Health Industry Investment Co., Ltd."
            if len(ow) <= len(words) or ow[: len(words)] != words:
                continue
            if _of_place(r, words, ow) and etype not in (EntityType.PLACE, EntityType.PERSON):
                cands.append(other_key)  # "Tongde Hospital" for "Tongde Hospital of Pine Province"
                continue
            if _of_owner(r, words, ow):
                cands.append(other_key)  # "School of Nursing" for "School of Nursing of Pine University"
                continue
            # "(Lakeside)" in "X Biotech (Lakeside) Co., Ltd." says where the firm is, not which
            rest = [w.lower().strip(".,") for w in ow[len(words):] if not re.fullmatch(r"\(\w+\)[.,]?", w)] or \
                [w.lower().strip(".,") for w in ow[len(words):]]
            core = [w for w in rest if w.strip(".,") not in lx.LEGAL_SUFFIXES] or rest  # "Medical GmbH": "Medical"
            surname = etype is EntityType.PERSON and otype is EntityType.PERSON and len(words) == 1
            # one generic word left ("Kanghui Pharmaceutical"), or up to three after a dropped city
            legal = all(w in {"co", "ltd", "inc", "group", "limited", "corp"} or w in lx.LEGAL_SUFFIXES for w in core)
            suffixed = (len(core) == 1 or (city_dropped and len(core) <= 3) or legal) \
                and all(w in generic or w in lx.LEGAL_SUFFIXES for w in core) \
                and (compatible(etype, otype) or key not in r.strong) \
                and head_word(ent.label) not in _BODIES_OF_THEIR_OWN  # "X University" is not "X University Hospital"
            event_stem = (otype is EntityType.EVENT and len(words) > 2
                          and words[-1].lower() == head_word(other.label))
            # "Lakeside Children's" for "Lakeside Children's Hospital Medical Center"
            possessive = words[-1].lower().rstrip("s").rstrip("'’") in POSSESSIVE_NAME_WORDS and \
                otype is EntityType.HOSPITAL
            if surname or suffixed or event_stem or possessive:
                cands.append(other_key)
        if not cands and len(words) >= 2 and vote(r, key) is EntityType.EVENT:
            cands = [k for k, o in ents.items() if k != key and not o.scope
                     and vote(r, k) is EntityType.EVENT and len(o.label.split()) > len(words)
                     and f" {ent.label.lower()} " in " " + re.split(
                         r"\s+(?:of|for)\s+", o.label.lower())[0] + " "
                     and head_word(o.label) == head_word(ent.label)]
        if not cands and len(words) > 2 and words[-1].lower() in lx.EVENT_HEADS:
            stem = words[:-1]
            cands = [k for k, o in ents.items() if k != key and o.label.split()[:len(stem)]
                     == stem and vote(r, k) is EntityType.EVENT and head_word(
                         o.label) == words[-1].lower()]
        if not cands and len(words) >= 2 and head_word(ent.label) in _ZONE_HEADS:
            cands = [k for k, o in ents.items() if k != key and _zone_short_form(words, o.label.split())]
        if not cands and len(words) == 1 and (vote(r, key) is EntityType.PERSON or (
                vote(r, key) in (*lx.ORG_TYPES, None) and key not in r.strong and type_by_head(ent.label) is None
                and not _is_place_word(r, words[0]) and words[0] not in lx.COUNTRIES
                and not any(e.label.startswith(words[0] + " ") and vote(r, k) in (
                    EntityType.PLACE, EntityType.VENUE, EntityType.GOVERNMENT_BODY) for k, e in ents.items()))):
            # "Tanabe presented Sakuragawa's plan": one word the name finder took for a person is the
            # firm whose name it opens, when no person of that name is named; "Pine Rector Y"
            # is the university first named "Pine University of Z" (its hospital named after)
            cands = [k for k, o in ents.items() if k != key and len(o.label.split()) > 1
                     and o.label.split()[0] == words[0] and vote(r, k) in lx.ORG_TYPES]
            if len(cands) > 1 and vote(r, key) is not EntityType.PERSON:
                first = {m.key: m.start for m in sorted(r.mentions, key=lambda m: -m.start)}
                cands = sorted(cands, key=lambda k: first.get(k, len(r.text)))[:1]
        if len(cands) > 1:
            # "Acme" for "Acme Medical" and "Acme Medical Corporation": the two are one name, the longer
            labels = {c: ents[c].label.split() for c in cands}
            cands = [c for c in cands if not any(o != c and labels[o][:len(labels[c])] == labels[c]
                                                 for o in cands)]
        last = _named_last_before(r, bodies, key) if bodies and not cands else None
        if last is not None:
            cands = [last]
        if len(cands) == 1:
            remap[key] = cands[0]
    for key, target in remap.items():
        while target in remap:
            target = remap[target]
        merge(r, key, target, f"{ents[key].label!r} is a short form of {ents[target].label!r}")
    other_names(r)


def _of_place(r: Reader, words: list[str], full: list[str]) -> bool:
    """Whether ``full`` is ``words`` + "of" + a place ("Tongde Hospital of Pine Province",
    "Harbor Cancer Centre of Australia"): the short name and the name that locates it."""
    if len(words) < 2 or len(full) < len(words) + 2 or full[len(words)].lower() != "of":
        return False
    place = " ".join(full[len(words) + 1:])
    key = r.key_by_norm.get(normalize_name(place))
    return place in lx.COUNTRIES or head_word(place) in lx.LOWER_PLACE_HEADS or (
        key is not None and vote(r, key) is EntityType.PLACE)


_UNIT_HEADS = frozenset({"school", "faculty", "department", "college", "institute", "center", "centre",
                         "laboratory", "lab", "clinic", "division"})


def _of_owner(r: Reader, words: list[str], full: list[str]) -> bool:
    """Whether ``full`` is the unit ``words`` + "of" + a body ("School of Nursing of Pine
    University"): the unit named without its owner."""
    if len(words) < 2 or len(full) < len(words) + 2 or full[len(words)].lower() != "of" or \
            words[0].lower() not in _UNIT_HEADS:
        return False
    rest = " ".join(full[len(words) + 1:])
    owner = r.key_by_norm.get(normalize_name(rest))
    return vote(r, owner) in lx.ORG_TYPES if owner is not None else type_by_head(rest) in lx.ORG_TYPES


def _is_place_word(r: Reader, word: str) -> bool:
    """Whether a name's first word is a place the story names ("Hangzhou" in "Hangzhou Qiyun ...")."""
    key = r.key_by_norm.get(normalize_name(word))
    if key is not None:
        return vote(r, key) is EntityType.PLACE
    # a place the story names only inside longer names ("Hangzhou Xinsha District")
    return any(e.label.startswith(word + " ") and vote(r, k) is EntityType.PLACE for k, e in r.ex.entities.items())


def _named_last_before(r: Reader, keys: list[str], key: str) -> str | None:
    """Of ``keys``, the one named last before ``key`` is first named."""
    first = min((m.start for m in r.mentions if m.key == key), default=None)
    if first is None:
        return None
    before = {m.key: m.start for m in sorted(r.mentions, key=lambda m: m.start) if m.key in keys and m.start < first}
    return max(before, key=lambda k: before[k], default=None)


def _place_dropped(r: Reader, words: list[str], full: list[str], etype: EntityType | None,
                   otype: EntityType | None) -> bool:
    """Whether ``full`` is a city's name + ``words`` ("Nanjing Hengren Hospital" named again as
    "Hengren Hospital"): a body's short name leaves out its city, when what is left is its own
    (not "People's Hospital", "First Hospital") and both are bodies."""
    if len(words) < 2 or len(full) != len(words) + 1 or full[1:] != words:
        return False
    if etype not in lx.ORG_TYPES or otype not in lx.ORG_TYPES or not compatible(etype, otype):
        return False
    first = words[0].lower()
    if first in lx.GENERIC_NAME_WORDS or first.rstrip("s").rstrip("'’") in POSSESSIVE_NAME_WORDS or \
            ordinal_value(first) is not None or not words[0][:1].isupper():
        return False
    prefix = r.key_by_norm.get(normalize_name(full[0]))
    # "WLMU School of Nursing" named again as "School of Nursing": its owner's acronym left out
    owner = prefix is not None and is_acronym(full[0]) and vote(r, prefix) in lx.ORG_TYPES
    return prefix is None or vote(r, prefix) is EntityType.PLACE or owner


# bodies every zone and district has, named alone once the story has named whose
_GENERIC_BODIES = frozenset({"management committee", "administrative committee", "administration committee",
                             "administration bureau", "people's government", "organizing committee",
                             "investment promotion bureau"})
_BODIES_OF_THEIR_OWN = frozenset({"university", "college", "institute", "school", "academy", "foundation"})
_ZONE_HEADS = frozenset({"zone", "park", "area"})
# words a zone's everyday name leaves out of its official one
_ZONE_FILLERS = frozenset({"national", "industrial", "development", "economic", "technological", "and",
                           "new", "demonstration", "comprehensive", "pilot", "state-level"})


def _zone_short_form(words: list[str], full: list[str]) -> bool:
    """"Fenghua High-tech Zone" for "Fenghua National High-tech Industrial Development Zone": the
    same first and last words, and only the fillers of official zone names left out.

    >>> _zone_short_form("Fenghua High-tech Zone".split(), "Fenghua High-tech Industrial Development Zone".split())
    True
    >>> _zone_short_form("Fenghua Zone".split(), "Fenghua Bio Zone".split())
    False
    """
    if len(full) <= len(words) or full[0] != words[0] or full[-1] != words[-1]:
        return False
    rest = iter(full)
    if not all(w in rest for w in words):  # ``in`` consumes the iterator: the words in order
        return False
    dropped = list(full)
    for w in words:
        dropped.remove(w)
    return all(w.lower() in _ZONE_FILLERS for w in dropped)
