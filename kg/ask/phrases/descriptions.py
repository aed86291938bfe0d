"""Rules for things named by a description: a signing ceremony, "HEAD between A and B", the
opening of an event, a part of an event."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pyoxigraph as ox

from kg.lookup import EntityRef, describe_node, describe_nodes, select

from ..grammar import content_words, kind_matches, mentions, names_of
from ..graph import agreements_between, iris_of, signing_events, sub_events
from ..results import Resolved
from .base import Reader

_AGREEMENT_NOUNS = re.compile(
    r"\b(?:agreements?|memorand(?:um|a)|mous?|contracts?|pacts?|deals?|accords?|protocols?"
    r"|conventions?|declarations?|initiatives?|letters? of intent)\b", re.I)
_EVENTS_NAMED = """
SELECT DISTINCT ?tok ?n WHERE {
  ?n a kgo:Event . { ?n rdfs:label ?name } UNION { ?n skos:altLabel ?name }
  FILTER(CONTAINS(LCASE(STR(?name)), ?tok))
}
"""


_CEREMONY_OF = (
    re.compile(r"^(?:signing ceremony|signing|ceremony) (?:for|of) (?P<a>.+)$", re.I),
    re.compile(r"^(?P<a>.+?) signing(?: ceremony)?$", re.I),
)


def signing_ceremony(reader: Reader, name: str, prefer: Sequence[str]) -> Resolved | None:
    """The event where the named agreement was signed (or the agreement, when none is known)."""
    for pattern in _CEREMONY_OF:
        m = pattern.match(name)
        if not m:
            continue
        agreement = reader.sub(m.group("a"), ("Agreement",))
        if agreement is None or "Agreement" not in agreement.types:
            continue
        events = signing_events(reader.store, agreement.iri)
        if len(events) == 1:
            return _ceremony(reader, name, agreement, events[0],
                             f"the event where {agreement.label!r} was signed")
        if not events:
            return Resolved("", name, agreement,
                            "the agreement itself (the graph has no event where it was signed)")
    return None


_CEREMONY_WORDS = frozenset({"ceremony", "signing"})


def _ceremony(reader: Reader, name: str, agreement: EntityRef, event: str, how: str,
              head: str = "signing ceremony") -> Resolved:
    """The signing ceremony of an agreement: the event it was signed at when that event is
    the ceremony (its name says so, or the phrase names no ceremony), else the agreement with
    that event as fallback. "At which event was the signing ceremony of A held" then answers
    the forum A was signed at, and "when / where / who attended" still reach the forum."""
    ref = describe_node(reader.store, event)
    asks_ceremony = bool(content_words(head) & _CEREMONY_WORDS)
    if not asks_ceremony or content_words(" ".join(names_of(ref))) & _CEREMONY_WORDS:
        return Resolved("", name, ref, how)
    return Resolved("", name, agreement,
                    f"{how}: the agreement, as {ref.label!r} is no ceremony of its own", (ref,))


_BETWEEN = re.compile(r"^(?P<head>.*?)\s*\bbetween (?P<pair>.+)$", re.I)


def _pairs(text: str) -> list[tuple[str, str]]:
    """Ways to cut "A and B" (names may hold "and" themselves), leftmost cut first."""
    parts = text.split(" and ")
    return [(" and ".join(parts[:i]), " and ".join(parts[i:])) for i in range(1, len(parts))]


def _side_in(text: str, phrase: str, ref: EntityRef | None) -> bool:
    """Does an event's name mention one side of "between A and B" (by a name of the node the
    side resolved to, or else by every word of the side as written)?"""
    if ref is not None and mentions(text, ref):
        return True
    words = content_words(phrase)
    return bool(words) and words <= content_words(text)


def between(reader: Reader, name: str, prefer: Sequence[str]) -> Resolved | None:
    """HEAD between A and B: an agreement of A and B when HEAD names one, else the event
    where their agreement was signed or whose name holds HEAD and mentions A and B."""
    m = _BETWEEN.match(name)
    if not m:
        return None
    head = m.group("head")
    is_agreement = bool(_AGREEMENT_NOUNS.search(head)) or not head
    want = content_words(head)
    token = max(want, key=len) if want else ""
    named: list[EntityRef] = []
    if token and not is_agreement:
        rows = select(reader.store, _EVENTS_NAMED, tok=ox.Literal(token))
        named = [describe_node(reader.store, iri) for iri in iris_of(rows, "n")]
    for left, right in _pairs(m.group("pair")):
        a = reader.sub(left, ())
        b = reader.sub(right, ())
        agreements = agreements_between(reader.store, a.iri, b.iri) if a and b else []
        if is_agreement:
            refs = describe_nodes(reader.store, agreements)
            fits = [r for r in refs.values() if kind_matches(head, _kind_of(r))] or list(refs.values())
            if a and b and len(fits) == 1:
                return Resolved("", name, fits[0], f"the agreement of {a.label!r} and {b.label!r}")
            continue
        events = {e for ag in agreements for e in signing_events(reader.store, ag)}
        for ref in named:
            text = " ".join(names_of(ref))
            if want <= content_words(text) and _side_in(text, left, a) and _side_in(text, right, b):
                events.add(ref.iri)
        sides = f"{(a.label if a else left)!r} and {(b.label if b else right)!r}"
        if len(events) == 1:
            (event,) = events
            if len(agreements) == 1 and event not in {r.iri for r in named}:
                return _ceremony(reader, name, describe_node(reader.store, agreements[0]), event,
                                 f"the {head} of {sides}", head)
            return Resolved("", name, describe_node(reader.store, event), f"the {head} of {sides}")
        if not events and len(agreements) == 1 and re.search(r"\bsign", head, re.I):
            return Resolved("", name, describe_node(reader.store, agreements[0]),
                            "the agreement itself (the graph has no event where it was signed)")
    return None


def _kind_of(ref: EntityRef) -> str:
    """An agreement's kind as its generated label starts ("cooperation agreement between ...")."""
    return ref.label.split(" between ")[0]


_OPENING = re.compile(
    r"^(?P<head>(?:grand |official )?(?:opening|closing|launch|inauguration|kick-?off)"
    r"(?: ceremony| session| plenary| meeting)?) (?:of|for|at) (?P<x>.+)$", re.I)


def opening(reader: Reader, name: str, prefer: Sequence[str]) -> Resolved | None:
    """The opening (closing, launch) of an event: its sub-event of that name, with the event
    as fallback, else the event itself."""
    m = _OPENING.match(name)
    if not m:
        return None
    event = reader.sub(m.group("x"), ("Event",))
    if event is None:
        return None
    head = m.group("head").lower()
    key = re.sub(r"^(?:grand|official) ", "", head).split()[0].replace("-", "")
    subs = [r for r in describe_nodes(reader.store, sub_events(reader.store, event.iri)).values()
            if key in content_words(" ".join(names_of(r)))]
    if len(subs) == 1:
        return Resolved("", name, subs[0], f"the {head} of {event.label!r}", (event,))
    return Resolved("", name, event, f"the {head} of {event.label!r}, read as the event itself")


_PART_OF = re.compile(r" (?:of|at|in|within|during) ", re.I)


def part_of(reader: Reader, name: str, prefer: Sequence[str]) -> Resolved | None:
    """PART of EVENT: the one sub-event of EVENT whose name holds every word of PART, else the
    one event whose name holds them, when EVENT is an event too ("the matchmaking session at
    the 2024 care expo": the graph may not know which event the session was part of)."""
    for m in _PART_OF.finditer(name):
        part, whole = name[: m.start()], name[m.end():]
        want = content_words(part)
        if not want:
            continue
        event = reader.sub(whole, ("Event",))
        if event is None:
            continue
        subs = [r for r in describe_nodes(reader.store, sub_events(reader.store, event.iri)).values()
                if want <= content_words(" ".join(names_of(r)))]
        if len(subs) == 1:
            return Resolved("", name, subs[0], f"the part {part!r} of {event.label!r}")
        alone = reader.sub(part, ("Event",)) if not subs and "Event" in event.types else None
        if alone is not None and "Event" in alone.types and alone.iri != event.iri:
            return Resolved("", name, alone, f"the event {part!r} ({event.label!r} named too)")
    return None


_KIND_CEREMONY = re.compile(r"^(?P<kind>(?:[\w-]+ ){0,2}?ceremony)(?: (?:of|for) .+)?$", re.I)
_CEREMONIES_NAMED = """
SELECT DISTINCT ?n WHERE {
  ?n a kgo:Event ; rdfs:label ?name .
  FILTER(STRSTARTS(LCASE(STR(?name)), ?kind))
}
"""


def ceremony_by_kind(reader: Reader, name: str, prefer: Sequence[str]) -> Resolved | None:
    """"the groundbreaking ceremony of the proton therapy hospital": the one event in the
    store named by that kind and by no word the phrase lacks ("groundbreaking ceremony", not
    "groundbreaking ceremony of the X Campus"), when there is one; what the phrase says it was
    for is not in the graph."""
    m = _KIND_CEREMONY.match(name)
    if not m or m.group("kind").lower().startswith(("signing", "opening", "closing")):
        return None  # signing and opening ceremonies have rules of their own
    rows = select(reader.store, _CEREMONIES_NAMED, kind=ox.Literal(m.group("kind").lower()))
    asked = content_words(name)
    # a node whose name says more than the phrase ("... of the Oak Campus") is another one
    found = [r for r in describe_nodes(reader.store, sorted(iris_of(rows, "n"))).values()
             if content_words(r.label) <= asked]
    if len(found) != 1:
        return None
    return Resolved("", name, found[0], f"the one {m.group('kind').lower()!r} the graph knows")


_IN_PLACE = re.compile(r"^(?P<d>.+?) (?:in|at) (?P<p>.+)$", re.I)
_EVENTS_THERE = """
SELECT DISTINCT ?n WHERE {
  ?n a kgo:Event .
  { ?n kgo:location ?p } UNION { ?n kgo:location ?v . ?v kgo:locatedIn ?p }
  UNION { ?n kgo:location ?v . ?v kgo:locatedIn ?w . ?w kgo:locatedIn ?p }
}
"""


def in_place(reader: Reader, name: str, prefer: Sequence[str]) -> Resolved | None:
    """"the groundbreaking ceremony in Pine New Area": the one event held there (or in a
    place there) whose name holds every word of the description ("concentrated groundbreaking
    ceremony"), when the description names no node itself."""
    m = _IN_PLACE.match(name)
    if not m:
        return None
    want = content_words(m.group("d"))
    place = reader.sub(m.group("p"), ("Place", "Venue")) if len(want) >= 2 else None
    if place is None or not {"Place", "Venue"} & set(place.types):
        return None
    rows = select(reader.store, _EVENTS_THERE, p=ox.NamedNode(place.iri))
    found = [r for r in describe_nodes(reader.store, sorted(iris_of(rows, "n"))).values()
             if want <= content_words(" ".join(names_of(r)))]
    if len(found) != 1:
        return None
    return Resolved("", name, found[0], f"the one {m.group('d')!r} held in {place.label!r}")
