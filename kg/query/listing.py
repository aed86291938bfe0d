"""``kg entities``: every labelled entity with its types and number of facts, in three queries
over the whole store (the one query command that reads every label).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from kg import vocab
from kg.lookup.nodes import STRUCTURAL_TYPES, EntityRef, local_name, order_types, pick_label
from kg.lookup.queries import select
from kg.query.edges import ENTITY_RELATIONS
from kg.query.rows import iri_of, ref_json
from kg.store.base import Store

_VALUES = " ".join(f"kgo:{r}" for r in ENTITY_RELATIONS)


@dataclass(frozen=True)
class EntityRow:
    """One row of :func:`entities`. JSON: ``{"label", "iri", "types", "facts"}``."""

    entity: EntityRef
    facts: int

    def as_json(self) -> dict[str, Any]:
        return {**ref_json(self.entity), "facts": self.facts}


_ALL_LABELS = "SELECT ?n ?l WHERE { ?n rdfs:label ?l }"
_ALL_TYPES = "SELECT ?n ?t WHERE { ?n a ?t }"
_FACT_COUNTS = f"""
SELECT ?n (COUNT(*) AS ?c) WHERE {{
  {{ ?n ?p ?o . VALUES ?p {{ {" ".join(f"kgo:{r}" for r in vocab.RELATIONS)} kgo:party }} }}
  UNION {{ ?o ?p ?n . VALUES ?p {{ {_VALUES} kgo:party }} }}
}} GROUP BY ?n
"""


def entities(store: Store, *, types: Sequence[str] = ()) -> list[EntityRow]:
    """Every labelled entity with its types and number of facts, sorted by label.

    ``types`` keeps entities having one of them (superclasses count). Facts counted are the
    relation triples (and agreement ``party`` links) in which the entity is subject or object.

    >>> from kg.store import KgStore
    >>> entities(KgStore.memory())
    []
    """
    labels: dict[str, list[str]] = defaultdict(list)
    for row in select(store, _ALL_LABELS):
        n, lab = iri_of(row["n"]), row["l"]
        if n and isinstance(lab, ox.Literal):
            labels[n].append(lab.value)
    kinds: dict[str, set[str]] = defaultdict(set)
    for row in select(store, _ALL_TYPES):
        n, t = iri_of(row["n"]), iri_of(row["t"])
        if n and t and t.startswith(vocab.ONT) and n in labels:
            kinds[n].add(local_name(t))
    counts: dict[str, int] = {}
    for row in select(store, _FACT_COUNTS):
        n, c = iri_of(row["n"]), row["c"]
        if n and isinstance(c, ox.Literal):
            counts[n] = int(c.value)
    rows = []
    for n, labs in labels.items():
        ts = kinds.get(n, set())
        if ts & STRUCTURAL_TYPES or (types and not ts & set(types)):
            continue
        rows.append(EntityRow(EntityRef(n, pick_label(labs), order_types(ts)), counts.get(n, 0)))
    return sorted(rows, key=lambda r: (r.entity.label.lower(), r.entity.iri))
