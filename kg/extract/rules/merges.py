"""Short forms merged into the full name, and every record pointed at what survived a merge.

A story names "Kanghui Pharmaceutical" and then "Kanghui", "Grace Lin" and then "Dr. Lin",
"the X Innovative Cooperation Forum" and then "the X forum": one entity each, the short form
an alias of the full name (the merge's reason is kept in the entity's notes). Merges happen
before the sentences are read, so their facts land on the surviving key; :func:`apply_merges`
points what was written before a merge (an edition's series, a ceremony's agreement) at it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import partial
from itertools import pairwise
from typing import TYPE_CHECKING

from kg.extract import lexicon as lx
from kg.extract.dates import ordinal_value
from kg.extract.heads import head_word, is_acronym, type_by_head
from kg.extract.rules.sentence import compatible
from kg.extract.rules.types_from_context import vote
from kg.extract.runs import POSSESSIVE_NAME_WORDS
from kg.names import normalize_name
from kg.records import EntityType, Fact, Post

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
        _merge(r, key, target, f"{ents[key].label!r} is a short form of {ents[target].label!r}")
    _acronym_spelled_out(r)
    _bracketed_other_names(r)
    _known_as(r)
    _described_then_named(r)


_KNOWN_AS = re.compile(r"\s*(?:,|\()\s*(?:also\s+|commonly\s+|better\s+|widely\s+)?(?:known|referred\s+to|"
                       r"abbreviated)\s+as\s+(?:the\s+)?[\"“]?")


_GENERIC_EVENT_HEADS = frozenset({"event", "conference", "meeting", "forum", "gathering", "activity", "session"})


def _described_then_named(r: Reader) -> None:
    """"... signed 13 projects at an investment promotion event in Shenzhen on Friday. The 2024 X
    Investment Promotion Conference, held at ...": the event a lead describes is the one the next
    sentence names (its date and place are that event's)."""
    ents = r.ex.entities
    ordered = sorted(r.mentions, key=lambda m: m.start)
    for n, m in enumerate(ordered):
        ent = ents.get(m.key)
        if ent is None or not ent.scope or ent.type is not EntityType.EVENT or m.anaphor:
            continue
        if not re.search(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,5}$", r.text[max(0, m.start - 60):m.start]) and \
                not re.match(r"(?:a|an)\s", r.text[m.start:m.start + 3]):
            continue  # only a first, indefinite description ("an investment promotion event")
        named = next((x for x in ordered[n + 1:] if x.sent <= m.sent + 1 and x.key in ents
                      and ents[x.key].type is EntityType.EVENT and not ents[x.key].scope), None)
        if named is None or named.sent != m.sent + 1:
            continue
        head, other = head_word(ent.label), head_word(ents[named.key].label)
        said = [w.lower()[:6] for w in ent.label.split() if w.lower() != head]
        name = [w.lower()[:6] for w in ents[named.key].label.split()]
        # the description's own words are in the name ("investment promotion event", not "news
        # conference" for "World Conference on Medicine")
        if (head == other or (head in _GENERIC_EVENT_HEADS and other in _GENERIC_EVENT_HEADS | {head})) and \
                said and all(w in name for w in said):
            _merge(r, m.key, named.key, f"{ent.label!r} is the event the next sentence names")


def _known_as(r: Reader) -> None:
    """"The 33rd X Fair (Autumn), known as Autumn XF 2025, ...": the second name is the first's
    (and its series the first's series)."""
    ents = r.ex.entities
    ordered = sorted(r.mentions, key=lambda m: m.start)
    for first, second in pairwise(ordered):
        if first.key == second.key or first.key not in ents or second.key not in ents:
            continue
        if not _KNOWN_AS.fullmatch(r.text[first.end:second.start]):
            continue
        a, b = vote(r, first.key), vote(r, second.key)
        if not compatible(a, b) and b is not EntityType.COMPANY:  # an unknown acronym reads as a firm
            continue
        series = {ed: sr for sr, ed in r.editions.items()}
        if first.key in series and second.key in series and series[second.key] in ents:
            _merge(r, series[second.key], series[first.key], "the series of a name it is known as")
        _merge(r, second.key, first.key, f"{ents[first.key].label!r} is known as {ents[second.key].label!r}")


def _bracketed_other_names(r: Reader) -> None:
    """"Lakeside Yuhua Hospital (The Second Affiliated Hospital of Pine University)": the
    bracket gives the same body's other name, an alias (so the body is the university's)."""
    ents = r.ex.entities
    ordered = sorted(r.mentions, key=lambda m: m.start)
    for first, second in pairwise(ordered):
        if first.key == second.key or first.key not in ents or second.key not in ents:
            continue
        if not re.fullmatch(r"\s*\(\s*(?:[Tt]he\s+)?", r.text[first.end:second.start]) or not re.match(
                r"\s*\)", r.text[second.end:second.end + 3]):
            continue
        a, b = vote(r, first.key), vote(r, second.key)
        # "Lindau University of Applied Sciences (Hochschule Lindau)": the name in the
        # body's own language, sharing its distinctive word
        shared = {w for w in ents[first.key].label.split() if w[:1].isupper() and type_by_head(w) is None} & set(
            ents[second.key].label.split())
        native = a in lx.ORG_TYPES and (b in (*lx.ORG_TYPES, None) or type_by_head(
            ents[second.key].label) in lx.ORG_TYPES) and bool(shared) and len(
            ents[second.key].label.split()) >= 2 and not is_acronym(r.text[second.start:second.end]) \
            and ents[second.key].label not in ents[first.key].label  # "X Hospital of Y University (YU)"
        hospitals = a is EntityType.HOSPITAL and b is EntityType.HOSPITAL and len(ents[second.key].label.split()) > 2
        if native or hospitals:
            _merge(r, second.key, first.key, f"{ents[second.key].label!r} is {ents[first.key].label!r}'s other name")


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


def _acronym_spelled_out(r: Reader) -> None:
    """"Fifth Affiliated Hospital of LMU" where LMU stands for "Lishui Medical University"
    and the story also names "Fifth Affiliated Hospital of Lishui Medical University": one."""
    ents = r.ex.entities
    by_label = {ent.label: key for key, ent in ents.items()}
    for key, ent in list(ents.items()):
        for word in ent.label.split():
            target = r.acronyms.get(word)
            if target is None or target == key or target not in ents or word == ent.label:
                continue
            full = by_label.get(re.sub(rf"\b{re.escape(word)}\b", ents[target].label, ent.label))
            if full is not None and full != key and full in ents and key in ents:
                _merge(r, key, full, f"{ent.label!r} spells {word} out as {ents[target].label!r}")
                break


def _merge(r: Reader, key: str, target: str, reason: str) -> None:
    """``key`` becomes ``target``: its label and aliases, votes, mentions and facts so far."""
    ents = r.ex.entities
    r.merged[key] = target
    src = ents.pop(key)
    dst = ents[target]
    r.alias(target, src.label)
    for a in src.aliases:
        r.alias(target, a)
    dst.notes.append(reason)
    r.votes[target].update(r.votes.pop(key, Counter()))
    for m in r.mentions:
        if m.key == key:
            m.key = target
    for n, k in list(r.key_by_norm.items()):
        if k == key:
            r.key_by_norm[n] = target
    for acr, k in list(r.acronyms.items()):
        if k == key:
            r.acronyms[acr] = target
    r.facts = {(target if s == key else s, rel, target if o == key else o)
               for s, rel, o in r.facts}
    if r.main_event == key:
        r.main_event = target


def _final_key(r: Reader, key: str) -> str:
    """What ``key`` became after every merge (merges may chain)."""
    while key in r.merged:
        key = r.merged[key]
    return key


def apply_merges(r: Reader) -> None:
    """Point every fact, post and agreement at the entity its mentions were merged into."""
    fk = partial(_final_key, r)
    r.ex.facts = [Fact(fk(f.subject), f.relation, fk(f.object) if isinstance(f.object, str)
                       else f.object, f.evidence) for f in r.ex.facts]
    seen: set[tuple[str, object, object]] = set()
    kept = []
    for f in r.ex.facts:  # two names of one thing may have stated the same fact
        sig = (f.subject, f.relation, f.object)
        if f.subject != f.object and sig not in seen:
            seen.add(sig)
            kept.append(f)
    r.ex.facts = kept
    r.ex.posts = [Post(fk(p.person), p.role, fk(p.organization) if p.organization else None,
                       p.evidence) for p in r.ex.posts]
    for ag in r.ex.agreements:
        ag.sides = [[fk(k) for k in side] for side in ag.sides]
        ag.event = fk(ag.event) if ag.event else None
    r.owner_of = {fk(k): fk(v) for k, v in r.owner_of.items()}
    r.pending_sub = [(fk(k), c, s) for k, c, s in r.pending_sub]
    r.part_of = {fk(k): (fk(w), c) for k, (w, c) in r.part_of.items()}
    if r.main_event:
        r.main_event = fk(r.main_event)
