"""When and where: an event's dates and place, where a place or body lies, a body's country.

An agreement asked "when/where was it held" (a signing ceremony the graph only knows as the
agreement) answers with its signing date and event. Where an event has several places, the
most specific ones answer ("Hall 3", not also the city Hall 3 lies in).
"""

from __future__ import annotations

import pyoxigraph as ox

from kg import vocab
from kg.lookup import describe_nodes, exact_label, select
from kg.query import node_evidence

from ..base import Answerer, Form, Question, form
from ..grammar import AUX, BE, EVENT_NOUNS, T, X
from ..graph import (
    Collector,
    first_nonempty,
    most_specific_places,
    named_as,
    objects,
    places_of_kind,
)
from ..results import Answer
from .parts import sub_events
from .signings import signing_dates, signing_places

_START_VERBS = (r"(?:start|begin|open|commence|kick off|get underway|launch|take place|happen"
                r"|occur|get started)")
_HELD = (r"(?:held|taking place|take place|taken place|happening|hosted|staged|opened|"
         r"organi[sz]ed|convened|inaugurated|launched|kicked off|started|opening|unveiled"
         r"|officially opened|officially launched|presented|handed out)")  # "when were the X Awards presented"
_END_VERBS = r"(?:end|close|finish|conclude|wrap up|come to an end)"


def _date(relation: str) -> Answerer:
    def answer(q: Question) -> list[Answer]:
        if "Agreement" in q.x.types:
            q.note("an agreement: its signing date")
            return signing_dates(q.store, q.x.iri)
        return q.about_x(lambda e: objects(q.store, e.iri, relation))

    answer.__doc__ = f"The {relation} literal of an event (lexical form)."
    return answer


def where(q: Question) -> list[Answer]:
    """Where X is: an event's location, else a place's or body's locatedIn, else its country.

    The asked kind ("which city", "which venue") filters when something fits it.
    """
    if "Agreement" in q.x.types:
        q.note("an agreement: where it was signed")
        return signing_places(q.store, q.x.iri)

    def places(relation: str) -> list[Answer]:
        found = q.about_x(lambda e: objects(q.store, e.iri, relation))
        fitting = [a for a in found if set(q.types) & set(a.types)] if q.types else found
        if q.types == ("Place",):  # "which city": a city, not the hall beside it
            fitting = [a for a in fitting if "Venue" not in a.types] or fitting
        return most_specific_places(q.store, fitting or found,
                                    venues_first=relation == "location" and not q.types)

    kind = (q.slot("type") or "").lower()
    return places_of_kind(q.store, first_nonempty(
        lambda: places("location"), lambda: places("locatedIn"), lambda: _named_after(q),
        lambda: places("country")), kind)


def _named_after(q: Question) -> list[Answer]:
    """A body the graph places nowhere, whose name opens with a place it knows ("Lakeside
    First People's Hospital" is in Lakeside): that place, noted as read from the name, with
    the sentences that name the body."""
    if {"Event", "EventSeries", "Person", "Place"} & set(q.x.types):
        return []
    words = q.x.label.split()
    for k in range(min(3, len(words) - 1), 0, -1):
        ref = exact_label(q.store, " ".join(words[:k]))
        if ref is not None and "Place" in ref.types:
            q.note(f"no place is stated for {q.x.label!r}: read from its name")
            evidence = [e for facts in node_evidence(q.store, [q.x.iri]).values() for e in facts]
            return [Answer(ref.label, ref.iri, ref.types, evidence[:3])]
    return []


def country(q: Question) -> list[Answer]:
    """The country the graph ties X to."""
    return q.about_x(lambda e: objects(q.store, e.iri, "country"))


# Everything that lies in X, at any depth (a company in a district of the city X), and the
# events held there: one query; ``?via`` is the node the answer is directly in.
_INSIDE = """
SELECT ?s ?via ?rel WHERE {
  { ?s kgo:locatedIn ?via . ?via kgo:locatedIn* ?x . BIND(kgo:locatedIn AS ?rel) }
  UNION { ?s kgo:location ?via . ?via kgo:locatedIn* ?x . BIND(kgo:location AS ?rel) }
}
"""
_SPECIFIC_BODIES = frozenset({"Company", "Hospital", "GovernmentBody"})
_SETTLED = (r"(?:located|based|headquartered|situated|settled|set up|built|established|founded"
            r"|opened|registered|launched|housed|held|settle|build|open)")


def located_in(q: Question) -> list[Answer]:
    """The bodies and places that lie in X (``locatedIn``, followed down through the places
    inside X), of the asked kind; events held in X (``location``) only when an event noun is
    asked ("which forums were held in X"), as "which companies are in X" asks for bodies.

    Three queries: what lies in X (with the node it lies in directly), names, the evidence
    of those facts; an unknown kind word ("which projects") sets no type filter, and
    "institutions" (any organisation) keeps the bodies that are no company, hospital or
    government body when there are some.
    """
    if "Event" in q.x.types:  # "which sub-forums were held at the summit": its parts
        return sub_events(q)
    rows = select(q.store, _INSIDE, x=ox.NamedNode(q.x.iri))
    facts = [(r["s"].value, r["rel"].value, r["via"].value) for r in rows
             if isinstance(r["s"], ox.NamedNode) and isinstance(r["via"], ox.NamedNode)
             and isinstance(r["rel"], ox.NamedNode)]
    events_asked = "Event" in q.types
    facts = [f for f in facts if (f[1] == vocab.ont("location")) == events_asked]
    refs = describe_nodes(q.store, [s for s, _, _ in facts])
    index = node_evidence(q.store, [s for s, _, _ in facts]) if facts else {}
    out = Collector()
    for s, rel, via in facts:
        ref = refs[s]
        if s == q.x.iri or (q.types and not set(q.types) & set(ref.types)):
            continue
        out.add(ref.label, s, index.get((s, rel, via), []), ref.types)
    found = out.result()
    if events_asked:
        return named_as(found, q.slot("type"))
    if q.types == ("Organization",):  # "institutions": not the companies and hospitals too
        return [a for a in found if not _SPECIFIC_BODIES & set(a.types)] or found
    return found


_PLACE_NOUNS = r"(?:city|place|venue|district|location|town|province|region|county|country|area|hall|site)"

FORMS: tuple[Form, ...] = (
    form("located-in", "which companies are located in X / what hospitals were built in X",
         located_in,
         rf"^(?:which|what) (?P<type>{T}) (?:{BE} |{AUX})(?:(?:also|newly|recently|now) )?"
         rf"{_SETTLED} (?:in|at) {X}$",
         # "which companies are in X", "which companies have moved into X"
         rf"^(?:which|what) (?P<type>{T}) (?:are|is|were|was) (?:in|inside|within) {X}$",
         rf"^(?:which|what) (?P<type>{T}) (?:have|has|had) (?:moved|settled|located) (?:into|in) {X}$",
         query="?answer kgo:locatedIn/kgo:locatedIn* X (events: ?answer kgo:location ?p . "
               "?p kgo:locatedIn* X), of the asked type",
         prefer=("Place",)),
    form("when-start", "when was X held / when did X start", _date("startDate"),
         rf"^when (?:is|was|are|were) {X} (?:scheduled|set|slated|due|expected) to (?:be )?"
         rf"(?:{_START_VERBS}|{_HELD})$",
         rf"^when (?:is|was|does|did|will|do) {X} (?:officially )?{_START_VERBS}$",
         rf"^when (?:is|was|will|were|are) {X} (?:be )?{_HELD}$",
         rf"^what (?:is|was) the (?:start|starting|opening) date of {X}$",
         rf"^(?:on )?what (?:date|day) (?:is|was|did|does|will) {X} (?:be )?(?:{_START_VERBS}|{_HELD})$",
         rf"^(?:on |in )?what (?:date|day|year|month) (?:is|was|did|does|will) {X} (?:be )?"
         rf"(?:{_START_VERBS}|{_HELD})(?: on| in)?$",
         rf"^when (?:is|was) {X}$",
         # "when did Acme hold its cloud signing ceremony": the event, whoever held it
         rf"^when (?:did|does|will) (?:[\w'’.&()-]+ ){{1,6}}?(?:hold|host|stage|organi[sz]e) (?:its|their|the) {X}$",
         query="EVENT kgo:startDate ?date", prefer=("Event",)),
    form("when-end", "when did X end", _date("endDate"),
         rf"^when (?:is|was|does|did|will|do) {X} {_END_VERBS}$",
         rf"^when (?:is|was|will|were) {X} (?:be )?(?:closed|concluded|ended|finished)$",
         rf"^what (?:is|was) the (?:end|ending|closing) date of {X}$",
         query="EVENT kgo:endDate ?date", prefer=("Event",)),
    form("country", "which country is X from", country,
         rf"^(?:which|what) country (?:is|was|are|were|does) {X} (?:from|come from|based in"
         r"|headquartered in|located in|in)$",
         rf"^in (?:which|what) country (?:is|was|are|were) {X}$",
         rf"^where (?:is|was|are|were|does) {X} (?:from|come from)$",
         rf"^what is the (?:home )?country of {X}$",
         rf"^{X} (?:is|was|are|were) (?:from|based in|headquartered in) (?:which|what) country$",
         query="X kgo:country ?place"),
    form("where", "where was X held / where is X located / which city is X in", where,
         rf"^where (?:is|was|will|does|did|are|were) {X} (?:be )?(?:held|located|hosted"
         r"|taking place|take place|took place|happening|staged|situated|convened|opened"
         r"|built|set up|established|based|headquartered|opening|inaugurated|launched|kicked off"
         r"|presented|handed out|given out)$",
         rf"^(?:in |at )?(?:which|what) (?!{EVENT_NOUNS} (?:is|was|will|were|are|did) )"
         rf"(?!(?:date|day|year|month|time) )(?P<type>{_PLACE_NOUNS}|{T}) "
         rf"(?:is|was|will|were|are|did) "
         rf"{X} (?:be )?(?:held|located|take place|hosted|staged|situated|built|based|in)"
         r"(?: in)?$",
         rf"^what (?:is|was) the (?:location|venue|place|site|address) of {X}$",
         rf"^in (?:which|what) (?P<type>{_PLACE_NOUNS}) (?:is|was|are|were) {X}$",
         rf"^(?:in |at )?(?:which|what) (?P<type>{_PLACE_NOUNS}) (?:did|does|will) {X} (?:officially )?"
         rf"(?:{_START_VERBS}|take place|open)$",
         rf"^where (?:did|does|do|will) {X} (?:officially )?(?:{_START_VERBS}|{_END_VERBS})$",
         rf"^where (?:is|was) {X}$",
         query="EVENT kgo:location ?place, else X kgo:locatedIn ?place, else the place X's name opens with, "
               "else X kgo:country ?place",
         prefer=("Event",)),
)
