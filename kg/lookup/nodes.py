"""What a node is shown as: :class:`EntityRef` (IRI, label, types, aliases), read for many nodes
in one query; and the rules for choosing a node's label and ordering its types.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg import terms, vocab
from kg.lookup.queries import select_many
from kg.store.base import Store

# Types that are scaffolding, never entities a user looks up or walks through.
STRUCTURAL_TYPES = frozenset(
    {"Article", "Assertion", "AgreementSide", "Post", "MergeDecision"}
)
# Most specific first: the order in which a node's primary type is chosen.
_TYPE_ORDER = (
    "Hospital", "Company", "GovernmentBody", "Venue", "Agreement", "Event", "EventSeries",
    "Person", "Organization", "Place",
)


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``.

    >>> local_name(vocab.ont("Event"))
    'Event'
    """
    return re.split(r"[#/]", iri)[-1]


def primary_type(types: Iterable[str]) -> str:
    """The most specific kgo type of a node (Hospital before Organization).

    >>> primary_type(["Organization", "Hospital"])
    'Hospital'
    """
    have = set(types)
    for t in _TYPE_ORDER:
        if t in have:
            return t
    return sorted(have)[0] if have else ""


def order_types(types: Iterable[str]) -> tuple[str, ...]:
    """Types most specific first, materialised superclasses last, others alphabetically."""
    have = set(types)
    ranked = [t for t in _TYPE_ORDER if t in have]
    return tuple(ranked + sorted(have - set(ranked)))


def pick_label(labels: Iterable[str]) -> str:
    """The label shown for a node that different articles label differently.

    The label most articles agree on wins; ties go to the longest (the fullest form), then
    alphabetical order, so output is stable.

    >>> pick_label(["CIF 2021", "Cloud Fair 2021", "Cloud Fair 2021"])
    'Cloud Fair 2021'
    """
    counts = Counter(labels)
    if not counts:
        return ""
    return min(counts, key=lambda lab: (-counts[lab], -len(lab), lab))


@dataclass(frozen=True)
class EntityRef:
    """One node of the graph, as look-up returns it: IRI, display label, types (specific first)."""

    iri: str
    label: str
    types: tuple[str, ...] = ()
    aliases: tuple[str, ...] = field(default=(), compare=False)

    @property
    def type(self) -> str:
        """The most specific type ("Hospital"), or "" for an untyped node."""
        return self.types[0] if self.types else ""

    def describe(self) -> str:
        """``Ruijin Hospital (Hospital) <iri>``: how candidates are listed in messages."""
        kind = f" ({self.type})" if self.type else ""
        return f"{self.label}{kind} <{self.iri}>"


# A FILTER, not a VALUES, on the predicate: with the nodes bound by VALUES, a second VALUES
# makes the planner start from every label of the store.
# Grouped: a node named in hundreds of articles has each label and type once per article
# graph in the union; counting them in the store keeps the Python side to distinct values.
_DESCRIBE = """
SELECT ?n ?p ?v (COUNT(*) AS ?c) WHERE {
  ?n ?p ?v . FILTER(?p IN (rdfs:label, skos:prefLabel, skos:altLabel, rdf:type))
} GROUP BY ?n ?p ?v
"""


def describe_nodes(store: Store, iris: Iterable[str]) -> dict[str, EntityRef]:
    """Labels, aliases and types of the given nodes, in one query per :data:`VALUES_CHUNK`.

    Nodes without a label get their IRI's local name, so every answer has something to show.
    A ``skos:prefLabel`` is the label when a node has one (graphs not written by kg); types
    follow :func:`kg.terms.type_names`.
    """
    wanted = list(dict.fromkeys(iris))
    labels: dict[str, list[str]] = defaultdict(list)
    preferred: dict[str, list[str]] = defaultdict(list)
    aliases: dict[str, set[str]] = defaultdict(set)
    types: dict[str, set[str]] = defaultdict(set)
    for row in select_many(store, _DESCRIBE, "n", wanted) if wanted else []:
        node, pred, value, count = row["n"], row["p"], row["v"], row["c"]
        assert isinstance(node, ox.NamedNode) and isinstance(pred, ox.NamedNode)
        assert isinstance(count, ox.Literal)
        iri = node.value
        if pred.value == vocab.RDFS_LABEL and isinstance(value, ox.Literal):
            labels[iri].extend([value.value] * int(count.value))
        elif pred.value == terms.SKOS_PREF and isinstance(value, ox.Literal):
            preferred[iri].extend([value.value] * int(count.value))
        elif pred.value == vocab.SKOS_ALT and isinstance(value, ox.Literal):
            aliases[iri].add(value.value)
        elif isinstance(value, ox.NamedNode):
            types[iri].add(value.value)
    out: dict[str, EntityRef] = {}
    for iri in wanted:
        label = pick_label(preferred[iri]) or pick_label(labels[iri]) or local_name(iri)
        names = set(labels[iri]) | set(preferred[iri])
        out[iri] = EntityRef(
            iri, label, order_types(terms.type_names(types[iri])),
            tuple(sorted(aliases[iri] | names - {label})),
        )
    return out


def describe_node(store: Store, iri: str) -> EntityRef:
    """:func:`describe_nodes` for one node."""
    return describe_nodes(store, [iri])[iri]
