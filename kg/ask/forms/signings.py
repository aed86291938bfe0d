"""When, where and at which event an agreement was signed: "when was the MoU between A and B
signed", "when did A and B sign their MoU", "where did X sign with Y", "at which forum did X
sign the agreement".

Graph: ``?a kgo:signedOn ?date ; kgo:signedAt ?event . ?event kgo:location ?place``
(docs/rdf-model.md); an agreement with no date of its own is dated by its event.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg import vocab
from kg.errors import AmbiguousEntityError, EntityNotFoundError
from kg.lookup import EntityRef, describe_nodes, select, select_many
from kg.names import normalize_name
from kg.query import node_evidence
from kg.store.base import Store

from ..base import Form, Question, form
from ..grammar import EVENT_NOUNS, PURPOSE, T, X, Y, clean_phrase, content_words, names_of
from ..graph import Collector, first_nonempty, keep_types, most_specific_places, named_as, objects, signing_events
from ..phrases import resolve_phrase
from ..results import Answer
from .agreements import (
    KIND,
    KIND_ONLY,
    SIGN,
    agreement_evidence,
    kind_rows,
    note_purpose,
    of_asked_kind,
    pair_agreements,
)


def signing_dates(store: Store, agreement: str) -> list[Answer]:
    """When an agreement was signed: its own date, else the start of the event it was signed at."""
    out = Collector()
    ev = agreement_evidence(store, agreement)
    for date in objects(store, agreement, "signedOn"):
        out.add(date.label, None, date.evidence or ev)
    if out.items:
        return out.result()
    for event in signing_events(store, agreement):
        for date in objects(store, event, "startDate"):
            out.add(date.label, None, date.evidence)
    return out.result()


def signing_places(store: Store, agreement: str) -> list[Answer]:
    """Where an agreement was signed: the places of its signing events, else those events."""
    events = signing_events(store, agreement)
    places = [p for e in events for p in objects(store, e, "location")]
    if places:
        return most_specific_places(store, places, venues_first=True)
    refs = describe_nodes(store, events)
    ev = agreement_evidence(store, agreement)
    out = Collector()
    for e in events:
        out.add(refs[e].label, e, ev, refs[e].types)
    return out.result()


def when_signed(q: Question) -> list[Answer]:
    """The date an agreement (or an agreement between X and Y) was signed."""
    if "y" in q.resolved:
        return [d for a in pair_agreements(q) for d in signing_dates(q.store, a)]
    if "Agreement" in q.x.types:
        return signing_dates(q.store, q.x.iri)
    return q.about_x(lambda e: objects(q.store, e.iri, "startDate"))  # a signing ceremony


def _pair(q: Question) -> bool:
    """"A and B" read as two names: the first split at an "and" where both halves name a node
    ("Women and Children's Hospital and B" splits at the second); whether one was found."""
    text = q.slot("pair") or ""
    found = []
    for cut in [i for i in range(len(text)) if text.startswith(" and ", i)]:
        try:
            x = resolve_phrase(q.store, "x", text[:cut])
            y = resolve_phrase(q.store, "y", text[cut + 5:])
        except (EntityNotFoundError, AmbiguousEntityError):
            continue
        if "Agreement" in x.entity.types or "Agreement" in y.entity.types:
            continue  # "B and C" read as the agreement "... between B and C"
        # a split whose halves are names as written beats one read by a looser rule
        exact = sum(normalize_name(clean_phrase(r.phrase)) in {normalize_name(n) for n in names_of(r.entity)}
                    for r in (x, y))
        found.append((-exact, cut, x, y))
    if not found:
        q.note(f"{text!r} names no two nodes")
        return False
    _, _, q.resolved["x"], q.resolved["y"] = min(found, key=lambda f: (f[0], f[1]))
    return True


def when_pair_signed(q: Question) -> list[Answer]:
    """When A and B signed (their KIND): the dates of the agreements between them."""
    return when_signed(q) if _pair(q) else []


def where_pair_signed(q: Question) -> list[Answer]:
    """Where A and B signed (their KIND): the places of the agreements between them."""
    return where_signed(q) if _pair(q) else []


def where_signed(q: Question) -> list[Answer]:
    """Where an agreement (or an agreement between X and Y) was signed."""
    if "y" in q.resolved:
        return [p for a in pair_agreements(q) for p in signing_places(q.store, a)]
    if "Agreement" in q.x.types:
        return signing_places(q.store, q.x.iri)
    return q.about_x(lambda e: most_specific_places(
        q.store, objects(q.store, e.iri, "location"), venues_first=True))


def signed_at(q: Question) -> list[Answer]:
    """The events an agreement was signed at, of the asked kind of event if any fits."""
    def events(e: EntityRef) -> list[Answer]:
        refs = describe_nodes(q.store, signing_events(q.store, e.iri))
        out = Collector()
        for iri, ref in refs.items():
            out.add(ref.label, iri, agreement_evidence(q.store, e.iri), ref.types)
        return out.result()

    found = events(q.x)
    return first_nonempty(lambda: keep_types(found, q.types), lambda: found)


_SIGNED_BY = """
SELECT ?a ?e ?kind WHERE { ?a kgo:party ?n ; kgo:signedAt ?e . OPTIONAL { ?a kgo:agreementKind ?kind } }
"""
_SIGNED_BY_PAIR = """
SELECT ?a ?e ?kind WHERE {
  ?a kgo:party ?n ; kgo:party ?y ; kgo:signedAt ?e . OPTIONAL { ?a kgo:agreementKind ?kind }
}
"""
_PARENTS = "SELECT ?e ?p WHERE { ?e kgo:subEventOf ?p }"




def _named_noun(asked: str, events: list[str], parents: dict[str, set[str]],
                refs: dict[str, EntityRef]) -> dict[str, str]:
    """Each signing event, or its parent when the asked noun ("during which forum") names the
    parent and not the event (a signing ceremony held during a forum)."""
    noun = content_words(asked) - {"event"}
    out: dict[str, str] = {}
    for e in events:
        named = [p for p in sorted(parents.get(e, ())) if noun <= content_words(refs[p].label)]
        out[e] = named[0] if noun and named and not noun <= content_words(refs[e].label) else e
    return out


def signing_events_of(q: Question) -> list[Answer]:
    """The events at which X's agreements (with Y, of the asked kind: all when the kind fits
    none, noted) were signed; a signing ceremony gives way to the event it was part of when
    the question names that one's noun ("during which forum"), and the events named with the
    noun are kept when some are. Four queries: the agreements and events, their parents,
    their names, the evidence (X's party facts)."""
    note_purpose(q)
    if "y" in q.resolved:
        rows = select(q.store, _SIGNED_BY_PAIR, n=ox.NamedNode(q.x.iri), y=ox.NamedNode(q.y.iri))
    else:
        rows = select(q.store, _SIGNED_BY, n=ox.NamedNode(q.x.iri))
    found = kind_rows(rows, "e")
    chosen = of_asked_kind(q, found)
    events = sorted({e for a in chosen for e in found[a][1]})
    parents: dict[str, set[str]] = {}
    for r in select_many(q.store, _PARENTS, "e", events) if events else []:
        if isinstance(r["e"], ox.NamedNode) and isinstance(r["p"], ox.NamedNode):
            parents.setdefault(r["e"].value, set()).add(r["p"].value)
    refs = describe_nodes(q.store, [*events, *(p for ps in parents.values() for p in ps)])
    answer_of = _named_noun(q.slot("type") or "", events, parents, refs)
    index = node_evidence(q.store, chosen) if chosen else {}
    party = vocab.ont("party")
    out = Collector()
    for a in chosen:
        for e in sorted(found[a][1]):
            ref = refs[answer_of[e]]
            out.add(ref.label, ref.iri, index.get((a, party, q.x.iri), []), ref.types)
    return named_as(out.result(), q.slot("type"))


# ---------------------------------------------------------------- how many


# "A and B sign their MoU": two names (split by :func:`_pair`), the verb, maybe the kind
_PAIR_SIGNED = rf"(?P<pair>.+? and .+?) {SIGN}(?: (?:their|the|a|an|its) (?P<kind>{T}))?$"

FORMS: tuple[Form, ...] = (
    form("when-signed", "when was AGREEMENT signed / when did X sign with Y", when_signed,
         rf"^(?:when|on what date|on which date) (?:was|were|is) {X} (?:officially |formally )?"
         r"signed$",
         rf"^(?:when|on what date) did {X} {SIGN}{KIND} with {Y}$",
         query="AGREEMENT kgo:signedOn ?date, else (AGREEMENT kgo:signedAt ?e . ?e kgo:startDate ?date)",
         prefer=("Agreement",), entity_slots=("x", "y")),
    form("when-pair-signed", "when did X and Y sign (their KIND)", when_pair_signed,
         rf"^(?:when|on what date|on which date) did {_PAIR_SIGNED}",
         query="?a kgo:party X ; kgo:party Y ; kgo:signedOn ?date, else the date of its event", entity_slots=()),
    form("where-pair-signed", "where did X and Y sign (their KIND)", where_pair_signed, rf"^where did {_PAIR_SIGNED}",
         query="?a kgo:party X ; kgo:party Y ; kgo:signedAt ?e . ?e kgo:location ?place", entity_slots=()),
    form("where-signed", "where was AGREEMENT signed / where did X sign with Y", where_signed,
         rf"^where (?:was|were|is) {X} (?:officially |formally )?signed$",
         rf"^where did {X} {SIGN}{KIND} with {Y}$",
         query="AGREEMENT kgo:signedAt ?e . ?e kgo:location ?place (else ?e)",
         prefer=("Agreement",), entity_slots=("x", "y")),
    form("signed-at", "at which event was AGREEMENT signed", signed_at,
         rf"^(?:at|during|in) (?:which|what) (?P<type>{EVENT_NOUNS}) (?:was|were|is) {X} "
         r"(?:officially |formally )?signed$",
         query="AGREEMENT kgo:signedAt ?event",
         prefer=("Agreement",)),
    form("signing-events", "at which event did X sign (the KIND / with Y / to build Z)",
         signing_events_of,
         rf"^(?:at|during|in|on) (?:which|what) (?P<type>{EVENT_NOUNS}) did {X} and {Y} {SIGN}"
         rf" (?:their|its) (?P<kind>{T})$",
         rf"^(?:at|during|in|on) (?:which|what) (?P<type>{EVENT_NOUNS}) (?:did|does|do|has|have"
         rf"|had|will) {X} (?:officially |formally |jointly |also )?{SIGN}{KIND_ONLY}"
         rf"(?: with {Y})?{PURPOSE}$",
         query="?a kgo:party X (; kgo:party Y) ; kgo:signedAt ?event (its parent when the "
               "question names the parent's noun; those named with the noun, if any)",
         entity_slots=("x", "y")),
)
