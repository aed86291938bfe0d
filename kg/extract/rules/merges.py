"""Merging two keys of one entity, and every record pointed at what survived a merge.

:func:`merge` makes one key the other (label, aliases, votes, mentions, facts so far); the short
forms (:mod:`.short_forms`) and the other names a text gives (:func:`other_names`: "known as", a
bracketed other name, an acronym spelled out, a described event named in the next sentence) use
it. Merges happen before the sentences are read, so their facts land on the surviving key;
:func:`apply_merges` points what was written before a merge (an edition's series, a ceremony's
agreement) at it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import partial
from itertools import pairwise
from typing import TYPE_CHECKING

from kg.extract import lexicon as lx
from kg.extract.heads import head_word, is_acronym, type_by_head
from kg.extract.rules.sentence import compatible
from kg.extract.rules.types_from_context import vote
from kg.records import EntityType, Fact, Post

if TYPE_CHECKING:
    from kg.extract.rules.reader import Reader


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
            merge(r, m.key, named.key, f"{ent.label!r} is the event the next sentence names")


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
            merge(r, series[second.key], series[first.key], "the series of a name it is known as")
        merge(r, second.key, first.key, f"{ents[first.key].label!r} is known as {ents[second.key].label!r}")


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
            merge(r, second.key, first.key, f"{ents[second.key].label!r} is {ents[first.key].label!r}'s other name")


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
                merge(r, key, full, f"{ent.label!r} spells {word} out as {ents[target].label!r}")
                break


def merge(r: Reader, key: str, target: str, reason: str) -> None:
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


def other_names(r: Reader) -> None:
    """Merge a name the text gives again in other words: an acronym spelled out, a bracketed
    other name, "known as", a description the next sentence names."""
    _acronym_spelled_out(r)
    _bracketed_other_names(r)
    _known_as(r)
    _described_then_named(r)


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
