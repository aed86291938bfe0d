"""The last step of an article: the records the families wrote, completed and cleaned.

Once every sentence is read, what only the whole article tells is added: agents of events are
organizations; an edition named with its owner ("X's third forum") is organized by it; listed
and description-named activities are sub-events of the event before them or of the main event;
"a three-day expo" with one date gives the other; an event held at a venue is located there
rather than in the venue's city. One signing stated twice is one agreement, and entities that
no record uses and the text does not name are dropped.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from kg.extract import lexicon as lx
from kg.extract.dates import duration_days, shift
from kg.extract.heads import head_word
from kg.extract.rules.merges import apply_merges
from kg.extract.rules.patterns import part_and_owner
from kg.extract.rules.when import dated_phrases
from kg.names import normalize_name
from kg.records import AgreementRecord, EntityType, Literal, Relation

if TYPE_CHECKING:
    from kg.extract.rules.reader import Reader


def finish(r: Reader) -> None:
    """Complete and clean the records once every sentence is read (see the module's docstring)."""
    apply_merges(r)
    _dedupe_agreements(r)
    ents = r.ex.entities
    # agents of events are organizations, even when their name ends in "Forum"
    for f in r.ex.facts:
        if (f.relation in (Relation.HOST, Relation.ORGANIZER) and isinstance(f.object, str)
                and ents[f.object].type in (EntityType.EVENT, EntityType.EVENT_SERIES)):
            ents[f.object].type = EntityType.ORGANIZATION
    for key, owner in r.owner_of.items():
        if key in ents and owner in ents:
            if ents[owner].type in (EntityType.EVENT, EntityType.EVENT_SERIES):
                ents[owner].type = EntityType.ORGANIZATION
            if not any(f.subject == key and f.relation in (Relation.HOST, Relation.ORGANIZER)
                       for f in r.ex.facts):
                r.fact(key, Relation.ORGANIZER, owner, _first_char(r, key))
    # sub-events: listed ones, and description-named activities of the article's event
    for key, (whole, char) in r.part_of.items():
        if key in ents and whole in ents and key != whole and ents[whole].type is EntityType.EVENT:
            # (a whole that hosts, "the X Forum of the Pine Forum for Asia", is a body)
            r.fact(key, Relation.SUB_EVENT_OF, whole, char)
    for key, char, _sent in r.pending_sub:
        parent = r.event_left_of(char) or r.main_event
        if parent and parent != key:
            r.fact(key, Relation.SUB_EVENT_OF, parent, char)
    if r.main_event:
        for key, ent in ents.items():
            # a named sub-forum with no whole named is a part of the article's event too
            part = ent.scope or head_word(ent.label) in {"sub-forum", "subforum", "pavilion", "roundtable"}
            main_head = head_word(ents[r.main_event].label)
            if (part and ent.type is EntityType.EVENT and key != r.main_event
                    and main_head not in {"sub-forum", "subforum"}
                    # two ceremonies (a settlement one, a groundbreaking) are held side by side
                    and not (r.heads.get(key) == "ceremony" and main_head == "ceremony")
                    and not any(f.subject == key and f.relation is Relation.SUB_EVENT_OF
                                for f in r.ex.facts)
                    and r.heads.get(key) in {"ceremony", "exhibition", "session",
                                             "dialogue", "sub-forum", "roundtable",
                                             "show", "experience hall", "exhibition area",
                                             "pavilion", "section", "zone"}):
                r.fact(key, Relation.SUB_EVENT_OF, r.main_event, _first_char(r, key))
    # an opening or closing ceremony is a moment of its event, not a part held within it
    r.ex.facts = [f for f in r.ex.facts if not (
        f.relation is Relation.SUB_EVENT_OF and _PHASE.match(ents[f.subject].label))]
    _durations(r)
    _campuses(r)
    _parts_dated(r)
    _ceremony_when_where(r)
    _most_specific_locations(r)
    _zones_named_for_their_city(r)
    # drop entities that no fact, post or agreement mentions, unless named in the text
    used = {f.subject for f in r.ex.facts} | {f.object for f in r.ex.facts
                                             if isinstance(f.object, str)}
    used |= {p.person for p in r.ex.posts} | {p.organization for p in r.ex.posts
                                              if p.organization}
    for ag in r.ex.agreements:
        used |= set(ag.parties)
        if ag.event:
            used.add(ag.event)
    used |= {a.key for a in r.ex.agreements}
    named = {m.key for m in r.mentions if not m.anaphor}
    for key in list(ents):
        # every thing the text names is a node ("who is X" must know it); descriptions and
        # agreements only when a fact uses them
        if key not in used and (ents[key].scope or ents[key].type is EntityType.AGREEMENT
                                or (key not in r.strong and key not in named)):
            del ents[key]
    for key, ent in ents.items():
        m = re.match(r"(.+?)\s+of\s+(?:the\s+)?(.+)$", ent.label)
        if ent.type is EntityType.EVENT and m and head_word(m.group(1)) in lx.EVENT_HEADS:
            r.alias(key, m.group(1))  # "X Forum of Y" is also called "X Forum"


_PHASE = re.compile(r"(?:the\s+)?(?:grand\s+)?(?:opening|closing|unveiling|welcome|inauguration|launch)\s+"
                    r"(?:ceremony|session|day)\b", re.I)
_RESTATED = re.compile(r"\bsigned\s+the\s+(?:agreement|memorandum|mou|contract|deal)\b"
                       r"(?!\s+(?:on\s+(?!behalf)|for\b|of\b|to\b))", re.I)


def _dedupe_agreements(r: Reader) -> None:
    """An article that states one signing twice (the lead, then the ceremony) has one
    agreement: same parties, one record, the first, completed by the others."""
    kept: dict[frozenset[str], AgreementRecord] = {}
    for ag in r.ex.agreements:
        parties = frozenset(ag.parties)
        first = kept.get(parties)
        persons = [k for k in parties if r.type_of(k) is EntityType.PERSON]
        if first is None and persons:
            # "The MoU was signed by Olsen and Xu Ping": the signatories of an agreement
            # already read with its bodies, not a second agreement. Only when every party is a
            # person may it fold into an agreement it shares no party with: a company the name
            # finder took for a person ("Lishui Drugs") keeps its own agreement.
            first = next((k for p, k in kept.items() if p & parties), None)
            if first is None and len(persons) == len(parties):
                first = next((k for k in reversed(kept.values()) if len(k.parties) == len(parties)), None)
        if first is None and _RESTATED.search(ag.evidence.sentence):
            # "X and Y signed the agreement on behalf of A and B": the agreement the article has
            # already read, when it shares a party with it
            first = next((k for p, k in kept.items() if p & parties and (len(p) == len(parties) or parties < p)),
                         None)
        if first is None:
            first = _misspelled_twin(r, kept, ag)
            if first is not None and _in_title(r, first):
                # the headline misspelled a party ("Pine Hosiptal"): the story's wording wins
                del kept[frozenset(first.parties)]
                first.kind, first.sides = ag.kind, ag.sides
                kept[parties] = first
        if first is None:
            kept[parties] = ag
            continue
        first.event = first.event or ag.event
        first.date = first.date or ag.date
        if "intention" in first.kind and "intention" not in ag.kind:
            first.kind = ag.kind  # "reached a cooperation intention ... The two sides inked a letter of intent"
        if len(first.sides) < len(ag.sides):
            first.sides = ag.sides
    # "A and B sign MOU" over a story where "U and its affiliated A signed an MOU with B": the
    # headline named part of the story's signing
    r.ex.agreements = [ag for ag in kept.values() if not (_in_title(r, ag) and any(
        other is not ag and set(ag.parties) < set(other.parties) and not _in_title(r, other)
        for other in kept.values()))]


def _misspelled_twin(r: Reader, kept: dict[frozenset[str], AgreementRecord],
                     ag: AgreementRecord) -> AgreementRecord | None:
    """An earlier agreement with the same parties but for a typo in one name ("Pine Hosiptal"
    in a headline, "Pine Hospital" in the story), or a headline's with a place where the story
    names its body ("signs MoU with Pine Zone", "with the Administration Bureau of the Pine
    Zone"): the same signing."""
    names = [normalize_name(r.ex.entities[k].label) for k in ag.parties]
    for other in kept.values():
        theirs = [normalize_name(r.ex.entities[k].label) for k in other.parties]
        if len(theirs) != len(names) or set(theirs) == set(names):
            continue
        headline = _in_title(r, other)
        if all(any(n == t or (len(n) > 8 and SequenceMatcher(None, n, t).ratio() >= 0.9) or (
                headline and (n.endswith(" " + t) or set(t.split()) < set(n.split()))) for t in theirs) for n in names):
            return other
    return None


def _in_title(r: Reader, ag: AgreementRecord) -> bool:
    """Whether an agreement was read from the article's headline (its first sentence, or the
    title line wherever page furniture put it)."""
    if r.title_sent >= 0:
        sent = r.sents[r.title_sent]
        if sent.start_char <= ag.evidence.start < sent.end_char:
            return True
    title = " ".join((r.article.title or "").split())
    return bool(title) and " ".join(ag.evidence.sentence.split()).startswith(title[:60])


def _most_specific_locations(r: Reader) -> None:
    """An event held at a venue in a city is located at the venue (the venue is in the city:
    said so, when the story gives only the event's venue and its city)."""
    ents = r.ex.entities
    venues = {f.subject for f in r.ex.facts if f.relation is Relation.LOCATION
              and isinstance(f.object, str) and ents[f.object].type is EntityType.VENUE}
    placed = {f.subject for f in r.ex.facts if f.relation is Relation.LOCATED_IN}
    for f in list(r.ex.facts):
        if f.relation is not Relation.LOCATION or f.subject not in venues or not isinstance(f.object, str) \
                or ents[f.object].type is not EntityType.PLACE:
            continue
        held_at = [g.object for g in r.ex.facts if g.subject == f.subject and g.relation is Relation.LOCATION
                   and isinstance(g.object, str) and ents[g.object].type is EntityType.VENUE]
        if len(held_at) == 1 and held_at[0] not in placed:
            r.fact(held_at[0], Relation.LOCATED_IN, f.object, f.evidence.start)
    r.ex.facts = [f for f in r.ex.facts if not (
        f.relation is Relation.LOCATION and f.subject in venues and isinstance(f.object, str)
        and ents[f.object].type is EntityType.PLACE)]


_ZONE_HEADS = frozenset({"zone", "park", "area", "valley", "harbor", "harbour", "base", "town", "city"})


def _zones_named_for_their_city(r: Reader) -> None:
    """"Changsha Lingu High-tech Zone" lies in Changsha, when the story names Changsha as a place
    and says nowhere else where the zone is."""
    ents = r.ex.entities
    placed = {f.subject for f in r.ex.facts if f.relation is Relation.LOCATED_IN}
    places = {e.label: k for k, e in ents.items() if e.type is EntityType.PLACE and e.label not in lx.COUNTRIES}
    for key, ent in list(ents.items()):
        words = ent.label.split()
        if ent.type is not EntityType.PLACE or key in placed or len(words) < 3 or \
                head_word(ent.label) not in _ZONE_HEADS:
            continue
        city = next((places[" ".join(words[:n])] for n in (2, 1) if " ".join(words[:n]) in places), None)
        if city is not None and city != key:
            r.fact(key, Relation.LOCATED_IN, city, _first_char(r, key))


def _durations(r: Reader) -> None:
    """A stated length ("the three-day expo") and one date of the main event give the other date."""
    starts = {f.subject: f for f in r.ex.facts if f.relation is Relation.START_DATE}
    ends = {f.subject: f for f in r.ex.facts if f.relation is Relation.END_DATE}
    for sent in r.sents:
        n = duration_days(sent.text)
        if not n or n < 2 or not r.main_event or _length_of_another(r, sent):
            continue
        key = r.main_event
        if key in ends and key not in starts:
            end_lit = ends[key].object
            if isinstance(end_lit, Literal) and end_lit.date:
                start = shift(end_lit.date, -(n - 1))
                if start and start.writable:
                    r.fact(key, Relation.START_DATE, Literal(start.lexical, start),
                            sent.start_char)
        elif key in starts and key not in ends:
            start_lit = starts[key].object
            if isinstance(start_lit, Literal) and start_lit.date:
                end = shift(start_lit.date, n - 1)
                if end and end.writable:
                    r.fact(key, Relation.END_DATE, Literal(end.lexical, end),
                            sent.start_char)


_LENGTH_BEFORE_NAME = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)-day\s+"
                                 r"(?:(?:\d{4}|\d+(?:st|nd|rd|th))\s+)?$", re.I)


def _length_of_another(r: Reader, sent: Any) -> bool:
    """"the closing highlight of the two-day X Conference": the length is of the event it
    stands before, when that is not the main one."""
    return any(m.key != r.main_event and r.type_of(m.key) is EntityType.EVENT
               and _LENGTH_BEFORE_NAME.search(r.text[max(sent.start_char, m.start - 30):m.start])
               for m in r.mentions if sent.start_char <= m.start < sent.end_char)


_SIGNED = re.compile(r"\b(?:signed|inked)\b")


def _campuses(r: Reader) -> None:
    """"the Oak Campus of Pine Hospital" (and "the Oak Campus" alone) is a part of the
    hospital its name ends with."""
    ents = r.ex.entities
    for key, ent in list(ents.items()):
        split = part_and_owner(ent.label)
        if split is None:
            continue
        owner = r.key_by_norm.get(normalize_name(split[1]))
        if owner is None or owner not in ents or ents[owner].type not in lx.ORG_TYPES:
            continue
        for k in {key, r.key_by_norm.get(normalize_name(split[0]))}:
            if k is not None and k in ents and k != owner:
                r.fact(k, Relation.PARENT_ORGANIZATION, owner, _first_char(r, k))


# "Two sub-forums were held on the afternoon of the 13th.": when the parts named next were held
_PARTS_HELD = re.compile(r"\b(?:sub-forums|sessions|forums|roundtables|workshops|side\s+events|parallel\s+\w+)\s+"
                         r"(?:were|was)\s+(?:also\s+)?(?:held|staged|convened)\b", re.I)


def _parts_dated(r: Reader) -> None:
    """A part of an event with no date of its own takes the one day of the sentence that lists it
    ("On Saturday, the summit split into six sessions, including A and B"), else of the sentence
    before its name that says when such parts were held."""
    dated = {f.subject for f in r.ex.facts if f.relation is Relation.START_DATE}
    parts = {f.subject for f in r.ex.facts if f.relation is Relation.SUB_EVENT_OF} - dated
    listed = {key: sent for key, _char, sent in r.pending_sub}
    for key in sorted(parts):
        first = next((m for m in sorted(r.mentions, key=lambda m: m.start) if m.key == key), None)
        if first is None:
            continue
        sents = [listed[key]] if key in listed else []
        own = r.sents[first.sent]
        if not sents and re.search(r"\b(?:including|such\s+as|among\s+them|namely)\b",
                                   r.text[own.start_char:first.start]):
            sents.append(own)  # "On Saturday, the summit split into six sessions, including A"
        if first.sent > 0 and _PARTS_HELD.search(r.sents[first.sent - 1].text):
            sents.append(r.sents[first.sent - 1])
        for sent in sents:
            days = [d.span.start for d in dated_phrases(r, sent, key)
                    if not d.span.ranged and d.span.start is not None and d.span.start.day is not None]
            if len(days) == 1 and days[0].writable:
                r.fact(key, Relation.START_DATE, Literal(days[0].lexical, days[0]), sent.start_char)
                break


def _ceremony_when_where(r: Reader) -> None:
    """A ceremony the story names only by its kind ("attended the inauguration ceremony",
    "began on the morning of November 8 with a groundbreaking ceremony at the site in X Park")
    happened on the single day, and in the place, its own sentence tells, else the sentence
    before (which tells what was inaugurated, when and where)."""
    ents = r.ex.entities
    for key, ent in ents.items():
        if not ent.scope or r.heads.get(key) != "ceremony":
            continue
        first = next((m for m in sorted(r.mentions, key=lambda m: m.start) if m.key == key), None)
        if first is None:
            continue
        here = r.sent_of_char[first.start]
        dated = any(f.subject == key and f.relation is Relation.START_DATE for f in r.ex.facts)
        placed = any(f.subject == key and f.relation is Relation.LOCATION for f in r.ex.facts)
        # a part of a named event ("the final's awards ceremony") happens where and when the
        # whole does; the sentence before may be about another edition ("Last year's was held in Y")
        part = any(f.subject == key and f.relation is Relation.SUB_EVENT_OF for f in r.ex.facts)
        before = here - 1
        if ent.label.lower().startswith("signing"):
            # "An agreement ... was signed by A and B on May 5 in the X Hall. Under the deal, ...
            # The signing ceremony was attended by ...": the sentence that tells of the signing
            before = next((i for i in range(here - 1, max(-1, here - 4), -1)
                           if _SIGNED.search(r.sents[i].text)), before)
        for i in (here,) if part else (here, before):
            if i < 0 or (dated and placed):
                break
            sent = r.sents[i]
            if not dated:
                # its own sentence's days, not those of another event listed after it ("an opening
                # ceremony, a roadshow on the 10th and ..."): the roadshow's
                nxt = [m.start for m in r.mentions if i == here and first.end <= m.start < sent.end_char
                       and m.key != key and ents[m.key].type is EntityType.EVENT]
                dated = _dated_by(r, key, sent, min(nxt, default=sent.end_char))
            if not placed:
                # its own sentence: a place right after it ("a ceremony at the site in X Park"),
                # never one inside a guest's title further on
                lo, hi = (first.end, first.end + 60) if i == here else (sent.start_char, sent.end_char)
                place = next((m.key for m in sorted(r.mentions, key=lambda m: m.start)
                              if lo <= m.start < min(hi, sent.end_char) and re.search(
                                  r"\b(?:in|at)\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?$",
                                  r.text[max(sent.start_char, m.start - 30):m.start])
                              and ents[m.key].type in (EntityType.PLACE, EntityType.VENUE)), None)
                if place is not None:
                    r.fact(key, Relation.LOCATION, place, sent.start_char)
                    placed = True
        # "[Photo] Guests attend the groundbreaking ceremony in Hefei, March 20.": a later
        # sentence that names it again may be the one that dates it
        later = sorted({r.sent_of_char[m.start] for m in r.mentions if m.key == key and m.start > first.end})
        for i in later if not dated and not part else ():
            if _dated_by(r, key, r.sents[i]):
                break


def _dated_by(r: Reader, key: str, sent: Any, upto: int | None = None) -> bool:
    """Date ``key`` by the first single day ``sent`` names before ``upto`` (not one a speaker's
    verb governs)."""
    days = [d for d in dated_phrases(r, sent, key)
            if (upto is None or d.start < upto) and not d.span.ranged and d.span.start is not None
            and d.span.start.day is not None
            and (d.verb is None or d.verb.lemma_.lower() not in ("say", "announce", "add"))]
    value = days[0].span.start if days else None
    if value is None or not value.writable:
        return False
    r.fact(key, Relation.START_DATE, Literal(value.lexical, value), sent.start_char)
    return True


def _first_char(r: Reader, key: str) -> int:
    """Where the text first names ``key`` (0 when it never does): a fact's evidence sentence."""
    return next((m.start for m in r.mentions if m.key == key), 0)
