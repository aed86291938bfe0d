"""Events named by a description, not a name, and the other names a text gives its events.

News often introduces an event without a proper name: "a special exhibition on elderly care",
"the signing ceremony for the cooperation agreement between A and B", "X's third global health
forum", "the expo featured three exhibitions: A, B and C". Each becomes an article-scoped event
(it may never merge with another article's "the ceremony"), an edition of the owner's series,
or a listed sub-event. A bare "the forum" refers back (:mod:`kg.extract.rules.anaphora`),
unless it is how the article first names its event ("The signing ceremony was held ...").
A headline's short name ("special healthcare exhibition") and a sub-title ("The X Forum:
Focusing on Y") are aliases of the event they name.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from kg.extract import lexicon as lx
from kg.extract.dates import ordinal_value
from kg.extract.mentions import Name
from kg.extract.rules.editions import edition_node, year_for_ordinal
from kg.extract.rules.patterns import AGREEMENT, compiled
from kg.extract.rules.sentence import event_head, evidence
from kg.names import normalize_name
from kg.records import AgreementRecord, EntityType

if TYPE_CHECKING:
    from kg.extract.rules.reader import Mention, Reader


def descriptive_events(r: Reader) -> None:
    """Events named by a description: "a special exhibition on ...", "X's third ... forum"."""
    named_events = any(r.ex.entities[m.key].type in (EntityType.EVENT, EntityType.EVENT_SERIES) for m in r.mentions)
    for chunk in r.noun_chunks:
        root = chunk.root
        head = event_head(root)
        if head is None or root.tag_ in {"NNS", "NNPS"}:
            continue
        if any(m.start <= root.idx < m.end for m in r.mentions):
            continue
        if r.title_sent >= 0 and chunk.start < r.sents[r.title_sent].end:
            continue
        before = r.text[max(0, chunk.start_char - 3):chunk.start_char]
        listed = root.dep_ == "appos" and chunk[0].lower_ in {"a", "an"} and any(
            c.dep_ == "det" and c.lower_ in {"a", "an"} for c in root.head.children)  # "an X, a Y and a Z"
        if (root.dep_ == "appos" and not listed and _mention_at(r, root.head.idx) is not None) or (
                before.endswith(", ") and not listed and _mention_at(r, chunk.start_char - 3) is not None) or (
                r.text[max(0, chunk.start_char - 3):chunk.start_char].endswith("as ")):
            continue  # "the forum, a parallel event of the expo" / "held as a side event of": a description
        first = chunk[0]
        det = first.lower_ if first.dep_ == "det" or first.lower_ in {"this", "that"} else ""
        words = [t for t in chunk if t.dep_ not in {"det", "poss", "case"} and t.dep_ != "nummod"]
        edge = root.left_edge  # "a health and wellness exhibition area": keep coordinated modifiers
        if edge.i < chunk.start and all(t.dep_ in {"amod", "compound", "cc", "conj", "nmod"}
                                        for t in root.doc[edge.i:chunk.start]):
            words = list(root.doc[edge.i:chunk.start]) + words
        poss = [t for t in chunk if t.dep_ == "poss"]
        pp_end = _pp_end(root)
        start = words[0].idx if words else root.idx
        end = max(root.idx + len(root.text), pp_end)
        label = r.text[start:end]
        size = re.match(r"\s+of\s+(?:about\s+|around\s+|over\s+|more\s+than\s+|nearly\s+)?\d",
                        r.text[root.idx + len(root.text):])
        if any(t.like_num for t in chunk if t.dep_ == "nummod") or size:
            continue  # "an exhibition area of 50,000 square meters" is a size, not an event
        ordinal = next((t for t in chunk if ordinal_value(t.text)), None)
        if poss and ordinal is not None:
            # "X's third global health forum": an edition of X's series
            poss_name = _mention_at(r, poss[0].idx) or _mention_at(r, poss[0].left_edge.idx)
            series_label = r.text[ordinal.idx + len(ordinal.text):root.idx + len(
                root.text)].strip()
            series = r.entity(series_label.title(), EntityType.EVENT_SERIES, strong=True)
            poss_start = poss_name.start if poss_name is not None else poss[0].idx
            surface = r.text[poss_start:end]
            year = year_for_ordinal(r, chunk.sent)
            key = edition_node(r, series, (year, surface), Name(start, end, surface, None))
            r.alias(key, r.text[ordinal.idx:end])
            if poss_name is not None:
                owner = r.ex.entities[poss_name.key]
                r.alias(series, f"{owner.label} {series_label}")
                r.alias(key, f"{owner.label} {r.text[ordinal.idx:end]}")
                r.owner_of[key] = poss_name.key
            r.mention(poss_start, end, key)
            continue
        has_pp = pp_end > root.idx + len(root.text)
        # "the expo's medical equipment exhibition area": a part of the event that owns it
        owner_mention = _mention_at(r, poss[0].idx) if poss else None
        part_of = owner_mention.key if owner_mention is not None and \
            r.ex.entities[owner_mention.key].type is EntityType.EVENT and len(words) > 1 else None
        if poss and owner_mention is None and len(words) > 1 and \
                poss[0].lemma_.lower() in lx.DESCRIPTIVE_EVENT_HEADS:
            part_of = "the event named before it"  # "the expo's ...": resolved once anaphora are
        # "Lishui's health industry investment roadshow was held ...": a body's or a place's
        # own event, introduced by what happened to it
        owned = owner_mention is not None and part_of is None and len(words) > 1 and _first_occurrence(r, root)
        # "attended the inauguration ceremony" in a story that names no event: its one event
        only_ceremony = det == "the" and head == "ceremony" and len(words) == 2 and not named_events and \
            words[0].lower_ in _FOUNDING  # a signing ceremony is its agreement's, not an event
        told = next((k for k, e in r.ex.entities.items() if e.type is EntityType.EVENT
                     and e.label.lower().startswith(label.lower() + " ")), None) if only_ceremony else None
        if told is not None:  # "the groundbreaking ceremony" after "the groundbreaking ceremony of X"
            r.mention(start, end, told, anaphor=True)
            continue
        introduces = det in {"a", "an"} or (has_pp and det == "the") or part_of is not None or owned or (
            not det and not poss and chunk.sent.start == r.sents[0].start
            and len(words) > 1) or (det == "the" and len(words) > 2 and _occurs(root)) or only_ceremony
        if det in {"this", "that", "the", "its"} and not has_pp and part_of is None and not only_ceremony and not (
                det == "the" and (_first_occurrence(r, root) or (len(words) > 2 and _occurs(root)))):
            continue  # anaphor, resolved later
        if not introduces or (len(words) < 2 and not has_pp):
            continue
        # "the health care pavilion of the 2023 Pine Trade Fair": a part of the event it names
        of = re.search(r"\s(?:of|at)\s+(?:the\s+)?", r.text[root.idx:end])
        whole = [m for m in r.mentions if of is not None and root.idx + of.end() <= m.start and m.end <= end
                 and (r.ex.entities[m.key].type is EntityType.EVENT or m.key in r.editions.values())]
        if whole and _MOMENT.match(label):
            continue  # "the opening ceremony of the 8th X Fair": a moment of the named fair, read as it
        key = r.entity(label, EntityType.EVENT, scope=True, strong=True)
        r.heads[key] = head
        whole = [m for m in whole if m.key != key]
        inner = [m for m in r.mentions if start <= m.start and m.end <= end
                 and r.ex.entities[m.key].type is EntityType.AGREEMENT]
        if inner:
            r.ceremony_for[key] = inner[0].key
        if whole and (head != "ceremony" or not label.lower().startswith("signing")) and \
                not label.lower().startswith(("press conference", "news conference", "press briefing")):
            # "the award ceremony of the X Challenge" is a part of it; a signing ceremony is its
            # agreement's occasion; a press conference for it comes before it
            r.part_of[key] = (whole[0].key, whole[0].start)
        if owned and owner_mention is not None:
            owner_label = r.ex.entities[owner_mention.key].label
            r.alias(key, f"{owner_label} {label}")
            r.alias(key, f"{owner_label}'s {label}")
        _ceremony_between(r, key, label, start, end)
        if part_of is not None:
            r.pending_sub.append((key, start, chunk.sent))
        r.mention(start, end, key)


# ceremonies that mark a building's or a plant's milestone: the story's event when it names no other
_FOUNDING = frozenset({"inauguration", "groundbreaking", "ground-breaking", "unveiling", "commissioning",
                       "completion", "topping-out", "foundation-laying"})
# the opening or closing of an event, not a part held within it
_MOMENT = re.compile(r"(?:the\s+)?(?:grand\s+)?(?:opening|closing)\s+(?:ceremony|session)\s+of\b", re.I)


def _ceremony_between(r: Reader, key: str, label: str, start: int, end: int) -> None:
    """"the signing ceremony of the cooperation agreement between A and B": the description
    of the event states the agreement, its kind and its parties."""
    m = re.match(r"(?:the\s+)?sign(?:ing)?\s+ceremony\s+(?:of|for)\s+(?:the\s+|a\s+|an\s+)?(?P<kind>.+?)"
                 r"\s+between\s+", label, re.I)
    if m is None:
        return
    kind = m.group("kind").lower()
    if not re.search(r"\b(?:" + AGREEMENT + r")\b", kind, re.I):
        if kind.split()[-1] not in {"cooperation", "partnership", "collaboration", "project", "alliance"}:
            return
        kind = f"{kind} agreement"  # "the signing ceremony for the cooperation between A and B"
    lo = start + m.end()
    parties = [mm.key for mm in r.mentions if lo <= mm.start and mm.end <= end
               and r.type_of(mm.key) not in (EntityType.EVENT, EntityType.AGREEMENT, EntityType.VENUE)]
    parties = list(dict.fromkeys(parties))
    if len(parties) >= 2:
        r.ex.agreements.append(AgreementRecord(
            f"agc{len(r.ex.agreements)}", kind, [[p] for p in parties],
            evidence(r.article.name, r.sents[r.sent_of_char[start]]), event=key))


_HAPPEN_LEMMAS = frozenset({"hold", "take", "kick", "open", "start", "begin", "launch", "convene", "conclude", "close"})


def _occurs(root: Any) -> bool:
    """Whether the description is the subject of a verb of taking place ("... was held"), or
    carries one as an aside ("The signing ceremony, held at the X Guesthouse, was witnessed by")."""
    return bool(root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ in _HAPPEN_LEMMAS) or any(
        c.dep_ == "acl" and c.lemma_ in _HAPPEN_LEMMAS for c in root.children)


def _first_occurrence(r: Reader, root: Any) -> bool:
    """"The signing ceremony was held ..." with no event named before it: the article
    introduces its event with a definite description, so it is a node, not an anaphor (a
    description of three words or more, "the first Sino-Lao cooperation forum was held", is
    one wherever it stands)."""
    if not _occurs(root):
        return False
    return not any(m.start < root.idx and r.ex.entities[m.key].type is EntityType.EVENT
                   for m in r.mentions)


def _pp_end(root: Any) -> int:
    """End of a "on/for/of ..." phrase, or of a short "to promote X" purpose, that completes a
    descriptive event name."""
    end = root.idx + len(root.text)
    for child in root.rights:
        if child.dep_ in {"acl", "relcl"} and child.tag_ == "VB" and any(
                t.dep_ == "aux" and t.lower_ == "to" for t in child.children):
            sub = list(child.subtree)  # "a conference to promote the Pine Valley"
            if len(sub) <= 12 and not any(t.text in {",", ";"} or (t.pos_ == "AUX" and t.lower_ != "to")
                                          for t in sub):
                end = max(end, sub[-1].idx + len(sub[-1].text))
            break
        if child.dep_ == "prep" and child.lower_ in {"on", "for", "of"}:
            sub = list(child.subtree)
            if child.lower_ == "on" and (any(t.ent_type_ in {"DATE", "TIME"} for t in sub) or (
                    len(sub) <= 3 and ordinal_value(sub[-1].text) is not None)):
                break  # "a news conference on Thursday", "on the 7th": when it is held is no part of its name
            if len(sub) <= 30 and not any(t.pos_ in {"VERB", "AUX"} for t in sub):
                # "an event for the device industry in Lakeside": where it is held is no part of its name
                cut = next((i for i, t in enumerate(sub) if i and t.lower_ in {"in", "at"} and any(
                    x.ent_type_ in {"GPE", "LOC", "FAC"} for x in t.subtree)), len(sub))
                sub = sub[:cut]
                end = max(end, sub[-1].idx + len(sub[-1].text))
            break
    return int(end)


def _mention_at(r: Reader, char: int) -> Mention | None:
    """The mention covering ``char``, if a name or description is already read there."""
    return next((m for m in r.mentions if m.start <= char < m.end), None)


def featured_lists(r: Reader) -> None:
    """"X featured three themed exhibitions: A, B and C" and "X consisted of four sub-forums,
    including A and B" make the listed events sub-events of X."""
    pattern = compiled(
        r"\b(?:featured|features|feature|include[sd]?|including|comprised|comprises|"
        r"consisted\s+of|consists\s+of|has|had|with)\s+(?:[\w-]+\s+){0,6}?"
        r"(?:exhibitions|forums|sub-forums|sessions|events|activities|halls|zones|pavilions|"
        r"conferences|summits|competitions|dialogues|sections)(?:\s*:\s*|,?\s+(?P<incl>including|such\s+as|namely)\s+)"
        r"(?P<items>[^.;\n]+)"
        # "Three sub-forums were held on the 16th: A, B and C"
        # "More than 40 conferences and forums took place during the fair, among them A and B"
        r"|\b(?:sub-forums|parallel\s+forums|forums|sessions|side\s+events|exhibitions|pavilions|workshops|"
        r"conferences|summits|events|activities)\s+(?:(?:were|are|will\s+be)\s+(?:also\s+)?(?:held|organi[sz]ed|"
        r"staged|set\s+up|launched|hosted|opened)|took\s+place|take\s+place|will\s+take\s+place)\b"
        r"(?:[^:.;\n]{0,40}:|[^:.;\n]{0,40}?,\s+(?:among\s+them|including|such\s+as|namely))\s*(?P<items2>[^.;\n]+)",
        re.I)
    for sent in r.sents:
        m = pattern.search(sent.text)
        if m:
            _listed_events(r, sent, m, "items2" if m.group("items2") else "items")


def _listed_events(r: Reader, sent: Any, m: re.Match[str], group: str) -> None:
    """Each capitalised item of the list is a named event, a part of the event the sentence is
    about (pending until the main event is known)."""
    items_text = re.split(r",\s*(?:which|that|where|who)\b|\s+(?:which|that)\s+\w+ed\b",
                          m.group(group))[0]
    base = sent.start_char + m.start(group)
    # with a serial comma ("A, B and C, and D") only commas divide the items
    divider = r"(?=,|$)" if re.search(r",\s+and\s+", items_text) else r"(?=,|\s+and\s+|\s+as well as\s+|$)"
    for im in re.finditer(r"[^,]+?" + divider, items_text):
        raw = im.group(0)
        item = re.sub(r"^\s*(?:and|as well as)\s+", "", raw)
        lead = re.match(r"\s*(?:an?\s+|the\s+)?", item)
        assert lead is not None
        label = item[lead.end():].strip()
        if not label or len(label.split()) > 8:
            continue
        bare = re.sub(r"^(?:19|20)\d\d\s+(?=[A-Z])", "", label)  # "the 2025 X Awards": an edition's year
        if re.search(r"\d", bare) or not (bare[:1].isupper() or (
                lead.group(0).strip() and group == "items" and not m.group("incl"))):
            break  # the list has ended ("... Wellness, the 40,000 square-meter expo attracted ..."); after
            # "including" only names are listed events
        start = base + im.start() + (len(raw) - len(item)) + lead.end()
        end = start + len(label)
        r.mentions = [x for x in r.mentions if not (x.start >= start and x.end <= end)]
        key = r.entity(label, EntityType.EVENT, strong=True)
        r.ex.entities[key].type = EntityType.EVENT
        r.votes[key] = Counter({EntityType.EVENT: 10})
        r.strong[key] = EntityType.EVENT
        r.mention(start, end, key)
        r.pending_sub.append((key, sent.start_char + m.start(), sent))


def subtitles(r: Reader) -> None:
    """"The X Forum: Focusing on Y took place ...": the subtitle is part of the name as
    written, so the whole is an alias of the event."""
    for m in r.mentions:
        if m.anaphor or r.type_of(m.key) is not EntityType.EVENT:
            continue
        sub = re.match(r":\s*([A-Z][^.;:\n]{3,120}?)\s+(?:took\s+place|was\s+held|is\s+held|will\s+be|"
                       r"opened|kicked\s+off|was|were|has|had|held|closed|concluded|began|started)\b",
                       r.text[m.end:m.end + 160])
        if sub:
            r.alias(m.key, f"{r.text[m.start:m.end]}: {sub.group(1)}")
            lo, hi = m.end + sub.start(1), m.end + sub.end(1)
            for x in r.mentions:  # the subtitle's own words name this event, not another one
                if lo <= x.start and x.end <= hi and x.key != m.key:
                    x.key = m.key


def title_aliases(r: Reader) -> None:
    """A headline's short name for an event ("special healthcare exhibition") is an alias."""
    if r.title_sent < 0:
        return
    title = r.sents[r.title_sent]
    for chunk in (c for c in r.noun_chunks if c.start >= title.start and c.end <= title.end):
        head = chunk.root.lemma_.lower()
        if head not in lx.DESCRIPTIVE_EVENT_HEADS or not chunk.root.text.islower():
            continue
        words = {t.lower_ for t in chunk if not t.is_stop and t.lower_ != head and len(t) > 3}
        first = next(t for t in chunk if t.dep_ != "det")
        surface = r.text[first.idx:chunk.end_char]
        if normalize_name(surface) in r.key_by_norm:
            continue
        best = [k for k, e in r.ex.entities.items() if e.type is EntityType.EVENT
                and r.heads.get(k) == head and words & set(normalize_name(e.label).split())]
        if len(best) == 1 and words:
            r.alias(best[0], surface)
