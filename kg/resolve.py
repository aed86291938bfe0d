"""Entity resolution across articles: map each extracted entity to an IRI in the graph.

Within an article the extractor has already merged mentions (acronyms, short forms, "the
forum"). Here each entity meets the entities already in the store: the same normalised name
(label or alias) and a compatible type means the same node; otherwise a new IRI is minted
from the class and canonical name. Article-scoped entities (description-named events) never
merge across articles. Every merge that is not an exact label match is recorded with its
reason, and lands in the article's graph as a ``kgo:MergeDecision``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg import vocab
from kg.names import normalize_name
from kg.records import Entity, EntityType, Extraction, MergeDecision, Resolution
from kg.vocab import entity_iri, hashed_iri

if TYPE_CHECKING:
    from kg.store.base import Store

_ORG_TYPES = frozenset(
    {EntityType.ORGANIZATION, EntityType.COMPANY, EntityType.HOSPITAL, EntityType.GOVERNMENT_BODY}
)
_PLACE_TYPES = frozenset({EntityType.PLACE, EntityType.VENUE})


@dataclass(frozen=True)
class KnownEntity:
    """An entity already in the store: its IRI, canonical label, most specific type, names."""

    iri: str
    label: str
    type: EntityType | None
    names: frozenset[str]  # every label and alias, as written


def _is_proper(name: str) -> bool:
    """A name, not a description: it starts with a capital and not with a determiner."""
    first = name.split()[0] if name.split() else ""
    return first[:1].isupper() and first.lower() not in {"this", "the", "that", "last", "next"}


def compatible(a: EntityType | None, b: EntityType | None) -> bool:
    """Whether two types may describe one node (an org typed differently by two articles)."""
    if a is None or b is None or a == b:
        return True
    return (a in _ORG_TYPES and b in _ORG_TYPES) or (a in _PLACE_TYPES and b in _PLACE_TYPES)


_ENTITY_CLASSES = " ".join(f"kgo:{t.value}" for t in EntityType)


def known_entities(store: Store) -> list[KnownEntity]:
    """Every labelled, typed entity across all graphs of ``store``, for entity resolution.

    The label is the one most graphs give (ties: alphabetical); the type is the most
    specific entity class (Hospital over Organization); names are all labels and
    alternative labels. Three queries, whatever the store's size or kind.

    >>> from kg.store import KgStore
    >>> known_entities(KgStore.memory())
    []
    """
    types: dict[str, set[str]] = {}
    for row in store.select(
        f"SELECT DISTINCT ?e ?t WHERE {{ ?e a ?t VALUES ?t {{ {_ENTITY_CLASSES} }} }}"
    ):
        e, t = row["e"], row["t"]
        if e is not None and t is not None:
            types.setdefault(e.value, set()).add(t.value.rsplit("#", 1)[-1])
    labels: dict[str, dict[str, int]] = {}
    for row in store.select("SELECT ?e ?l ?g WHERE { GRAPH ?g { ?e rdfs:label ?l } }"):
        e, label = row["e"], row["l"]
        if e is not None and e.value in types and label is not None:
            counter = labels.setdefault(e.value, {})
            counter[label.value] = counter.get(label.value, 0) + 1
    alts: dict[str, set[str]] = {}
    for row in store.select("SELECT DISTINCT ?e ?a WHERE { ?e skos:altLabel ?a }"):
        e, alt = row["e"], row["a"]
        if e is not None and e.value in labels and alt is not None:
            alts.setdefault(e.value, set()).add(alt.value)
    known = []
    for iri in sorted(labels):
        counter = labels[iri]
        label = min(counter, key=lambda lab: (-counter[lab], lab))
        present = types[iri]
        implied = {s for t in present for s in vocab.SUPERCLASSES.get(t, ())}
        specific = sorted(present - implied)
        known.append(
            KnownEntity(
                iri=iri,
                label=label,
                type=EntityType(specific[0]) if specific else None,
                names=frozenset(counter) | frozenset(alts.get(iri, ())),
            )
        )
    return known


class EntityIndex:
    """Known entities by normalised name; built once per ingestion run and grown per article,
    so resolving a batch costs its size, not its size squared."""

    def __init__(self, known: Iterable[KnownEntity] = ()) -> None:
        self.by_name: dict[str, list[KnownEntity]] = defaultdict(list)
        self.add(known)

    def add(self, known: Iterable[KnownEntity]) -> None:
        """Make more entities findable (those an article just wrote)."""
        for k in known:
            for n in k.names | {k.label}:
                if k.type is EntityType.PERSON and n != k.label and len(n.split()) < 2:
                    continue  # a surname ("Zhou") names a person in one article only
                self.by_name[normalize_name(n)].append(k)

    def find(self, entity: Entity) -> tuple[KnownEntity, str] | None:
        """The known entity this one is, and why; label matches beat alias matches."""
        label = normalize_name(entity.label)
        for k in self.by_name.get(label, ()):
            if compatible(k.type, entity.type) and normalize_name(k.label) == label:
                return k, "same name"
        for k in self.by_name.get(label, ()):
            if compatible(k.type, entity.type):
                return k, f"{entity.label!r} is a known alias of {k.label!r}"
        for alias in sorted(entity.aliases):
            if not _is_proper(alias):
                continue  # "this year's expo" names a different thing in every article
            if entity.type is EntityType.PERSON and len(alias.split()) < 2:
                continue  # "Prof. Zhou" here is not every Zhou of the store
            for k in self.by_name.get(normalize_name(alias), ()):
                if compatible(k.type, entity.type) and len(normalize_name(alias)) > 3:
                    return k, f"shares the name {alias!r} with {k.label!r}"
        return None


def resolve(extraction: Extraction, known: Iterable[KnownEntity] | EntityIndex = ()) -> Resolution:
    """Give every entity and agreement of ``extraction`` its IRI.

    >>> from kg.records import Article, Extraction, Entity, EntityType
    >>> ex = Extraction(Article("a.txt", "", "0"), "test")
    >>> ex.entities["e1"] = Entity("e1", "Ruijin Hospital", EntityType.HOSPITAL)
    >>> resolve(ex).iris["e1"]
    'https://w3id.org/kg-health/id/hospital/ruijin-hospital'
    """
    index = known if isinstance(known, EntityIndex) else EntityIndex(known)
    iris: dict[str, str] = {}
    labels: dict[str, str] = {}
    merges: list[MergeDecision] = []
    doc = extraction.article.name
    for key, entity in extraction.entities.items():
        hit = None if entity.scope else index.find(entity)
        if hit is not None:
            k, reason = hit
            iris[key] = k.iri
            labels[k.iri] = k.label
            if reason != "same name":
                merges.append(MergeDecision(entity.label, k.iri, reason))
        else:
            iri = entity_iri(entity.type.value, entity.label, entity.scope)
            iris[key] = iri
            labels[iri] = entity.label
        for note in entity.notes:
            merges.append(MergeDecision(entity.label, iris[key], note))
    for ag in extraction.agreements:
        party_iris = sorted(iris[p] for p in ag.parties if p in iris)
        iris[ag.key] = (
            entity_iri("Agreement", ag.label) if ag.label
            else hashed_iri("agreement", doc, ag.kind, *party_iris, str(ag.evidence.start))
        )
    return Resolution(extraction, iris, labels, merges)
