"""Graph look-ups the question forms share: objects and subjects of a relation, with evidence.

Every query binds its values through :func:`kg.lookup.select` substitutions; the question's
words never reach the SPARQL text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import pyoxigraph as ox

from kg import vocab
from kg.lookup import EntityRef, describe_nodes, select
from kg.names import normalize_name
from kg.query import Evidence, node_evidence, term_key
from kg.store.base import Store

from .grammar import content_words
from .results import Answer

_FACT_OBJECTS = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
_FACT_SUBJECTS = "SELECT ?o ?p ?s WHERE { ?s ?p ?o }"


class Collector:
    """Collects answers, merging the evidence of repeated ones; sorted by label at the end."""

    def __init__(self) -> None:
        self.items: dict[str, Answer] = {}

    def add(self, label: str, iri: str | None, evidence: Iterable[Evidence],
            types: tuple[str, ...] = (), detail: dict[str, Any] | None = None) -> None:
        key = iri or "literal:" + label
        ans = self.items.setdefault(key, Answer(label, iri, types, [], detail or {}))
        for e in evidence:
            if e not in ans.evidence:
                ans.evidence.append(e)

    def result(self) -> list[Answer]:
        return sorted(self.items.values(), key=lambda a: (a.label.lower(), a.iri or ""))


def keep_types(answers: list[Answer], types: Sequence[str]) -> list[Answer]:
    """Answers having one of ``types`` (literals never pass a type filter); all if no types."""
    if not types:
        return answers
    return [a for a in answers if set(types) & set(a.types)]


def objects(store: Store, subject: str, relation: str,
            types: Sequence[str] = ()) -> list[Answer]:
    """Objects of ``subject -relation-> ?`` (nodes or literals) with evidence."""
    pred = vocab.ont(relation)
    out = Collector()
    rows = select(store, _FACT_OBJECTS, s=ox.NamedNode(subject), p=ox.NamedNode(pred))
    objs = [r["o"] for r in rows if isinstance(r["o"], ox.NamedNode | ox.Literal)]
    refs = describe_nodes(store, [o.value for o in objs if isinstance(o, ox.NamedNode)])
    index = node_evidence(store, [subject]) if objs else {}
    for o in objs:
        assert isinstance(o, ox.NamedNode | ox.Literal)
        ev = list(index.get((subject, pred, term_key(o)), ()))
        if isinstance(o, ox.Literal):
            out.add(o.value, None, ev)
        elif not types or set(types) & set(refs[o.value].types):
            out.add(refs[o.value].label, o.value, ev, refs[o.value].types)
    return out.result()


def subjects(store: Store, obj: str, relation: str,
             types: Sequence[str] = ()) -> list[Answer]:
    """Subjects of ``? -relation-> obj`` with evidence, optionally of some types only."""
    pred = vocab.ont(relation)
    out = Collector()
    rows = select(store, _FACT_SUBJECTS, o=ox.NamedNode(obj), p=ox.NamedNode(pred))
    subs = [r["s"].value for r in rows if isinstance(r["s"], ox.NamedNode)]
    refs = describe_nodes(store, subs)
    index = node_evidence(store, [obj]) if subs else {}
    for s in subs:
        if types and not set(types) & set(refs[s].types):
            continue
        out.add(refs[s].label, s, list(index.get((s, pred, obj), ())), refs[s].types)
    return out.result()


_GENERIC_NOUNS = frozenset({"event", "activity", "one", "place", "thing"})


def named_as(answers: list[Answer], asked: str | None) -> list[Answer]:
    """The answers whose names hold the asked noun ("which forums": the "... Forum"s), when
    some do; all of them otherwise (news names many events by their theme alone)."""
    words = (asked or "").split()
    noun = content_words(words[-1]) - _GENERIC_NOUNS if words else set()
    named = [a for a in answers if noun and noun <= content_words(a.label)]
    return named or answers


def first_nonempty(*thunks: Callable[[], list[Answer]]) -> list[Answer]:
    """The first non-empty answer list: how a form states "this relation, else that one"."""
    for thunk in thunks:
        answers = thunk()
        if answers:
            return answers
    return []


def merge(*lists: list[Answer]) -> list[Answer]:
    """The union of answer lists (evidence merged), sorted as a :class:`Collector` sorts."""
    out = Collector()
    for answers in lists:
        for a in answers:
            out.add(a.label, a.iri, a.evidence, a.types, a.detail)
    return out.result()


_LOCATED_IN = "SELECT ?a ?b WHERE { ?a kgo:locatedIn ?b }"


def most_specific_places(store: Store, answers: list[Answer], *,
                         venues_first: bool = False) -> list[Answer]:
    """Drop a place another answer lies in ("Hall 3" and "Lakeside": keep "Hall 3").

    ``locatedIn`` facts in the graph count, followed upwards; an event held "in Hall 3 in
    Lakeside" is asked where it was, and the hall is the answer the graph can be most exact on.
    With ``venues_first`` (an event's location), venues alone answer when there are some, as
    a venue is always more exact than a city or district named beside it.
    """
    iris = {a.iri for a in answers if a.iri}
    containers: set[str] = set()
    for a in answers:
        if not a.iri:
            continue
        frontier, seen = [a.iri], {a.iri}
        while frontier:
            node = frontier.pop()
            for row in select(store, _LOCATED_IN, a=ox.NamedNode(node)):
                up = row["b"]
                if isinstance(up, ox.NamedNode) and up.value not in seen:
                    seen.add(up.value)
                    frontier.append(up.value)
        containers |= (seen - {a.iri}) & iris
    kept = [a for a in answers if a.iri not in containers]
    venues = [a for a in kept if "Venue" in a.types]
    return venues if venues_first and venues else kept


# ---------------------------------------------------------------- agreements and parts

_PARTY_PAIR = "SELECT ?x ?y ?a WHERE { ?a kgo:party ?x ; kgo:party ?y }"
_SIGNED_AT = "SELECT ?a ?e WHERE { ?a kgo:signedAt ?e }"
_SUB_EVENTS = "SELECT ?e ?s WHERE { ?s kgo:subEventOf ?e }"


def iris_of(rows: list[ox.QuerySolution], var: str) -> list[str]:
    """The distinct IRIs a variable took in query rows, sorted (so answers are stable)."""
    return sorted({r[var].value for r in rows if isinstance(r[var], ox.NamedNode)})


def agreements_between(store: Store, a: str, b: str) -> list[str]:
    """Agreements that both nodes are parties of."""
    return iris_of(select(store, _PARTY_PAIR, x=ox.NamedNode(a), y=ox.NamedNode(b)), "a")


def signing_events(store: Store, agreement: str) -> list[str]:
    """Events where an agreement was signed."""
    return iris_of(select(store, _SIGNED_AT, a=ox.NamedNode(agreement)), "e")


def sub_events(store: Store, event: str) -> list[str]:
    """Events that are part of ``event`` (``subEventOf``)."""
    return iris_of(select(store, _SUB_EVENTS, e=ox.NamedNode(event)), "s")


_GOVERNMENTS = """
SELECT DISTINCT ?tok ?b WHERE {
  ?b a kgo:GovernmentBody . { ?b rdfs:label ?name } UNION { ?b skos:altLabel ?name }
  FILTER(CONTAINS(LCASE(STR(?name)), ?tok))
}
"""
_PLACE_WORDS = re.compile(r" (?:city|district|province|county|municipality|prefecture)$")


def governments_of(store: Store, place: EntityRef) -> list[EntityRef]:
    """Government bodies named after a place ("Lakeside Municipal Government" of "Lakeside
    City"): where the news puts a mayor, a Party secretary or a signature the question asks of
    the place."""
    core = _PLACE_WORDS.sub("", normalize_name(place.label))
    if not core:
        return []
    rows = select(store, _GOVERNMENTS, tok=ox.Literal(core.split()[0]))
    bodies = describe_nodes(store, sorted({r["b"].value for r in rows
                                             if isinstance(r["b"], ox.NamedNode)}))
    return [b for b in bodies.values()
            if any(f" {core} " in f" {normalize_name(n)} " for n in (b.label, *b.aliases))]


# what a place's last word says it is, for "which city / district / province is X in"
_KIND_WORDS = {
    "district": ("district", "new area", "subdistrict"),
    "county": ("county",),
    "province": ("province", "region", "municipality"),
    "region": ("province", "region"),
    "town": ("town", "township"),
}
_NOT_A_CITY = ("district", "county", "province", "region", "zone", "park", "area", "town", "township",
               "village", "street", "subdistrict", "municipality")


def places_of_kind(store: Store, answers: list[Answer], kind: str) -> list[Answer]:
    """The places of the asked kind among the answers and the places they lie in (followed up
    ``locatedIn``, nearest first): "which city is X in" when the graph says X is in a district
    of a city. The answers themselves when nothing up the chain is of that kind.
    """
    def fits(a: Answer) -> bool:
        label = a.label.lower()
        if "Place" not in a.types or "Country" in a.types:
            return False
        if kind == "city":
            return not label.endswith(_NOT_A_CITY)
        return label.endswith(_KIND_WORDS.get(kind, (kind,)))

    if kind not in {"city", *_KIND_WORDS}:
        return answers
    out = Collector()
    for a in answers:
        level, seen = [a], {a.iri}
        while level:
            found = [x for x in level if fits(x)]
            if found:
                for x in found:
                    out.add(x.label, x.iri, x.evidence, x.types, x.detail)
                break
            up = [u for x in level if x.iri for u in objects(store, x.iri, "locatedIn")
                  if u.iri not in seen]
            seen.update(u.iri for u in up)
            level = up
    return out.result() or answers
