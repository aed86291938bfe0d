"""The entity graph's hop (:class:`Edge`), the directions a walk follows and the relation names
it may be restricted to: the vocabulary shared by the walker, evidence and paths.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kg import vocab

# Relations whose objects are entities: the edges of the entity graph.
ENTITY_RELATIONS: tuple[str, ...] = tuple(
    r for r in vocab.RELATIONS if r not in vocab.LITERAL_RELATIONS
)
# Relation names a walk can be restricted to (``--relation``): facts plus agreement hops.
WALK_RELATIONS: tuple[str, ...] = (*ENTITY_RELATIONS, "party", "signedAt")


class Direction(StrEnum):
    """Which edges a walk follows, seen from the node being expanded."""

    out = "out"
    in_ = "in"
    both = "both"


@dataclass(frozen=True)
class Edge:
    """One hop of the entity graph, seen from ``source``.

    ``direction`` is ``out`` when the fact reads ``source -relation-> target``, ``in`` when it
    reads ``target -relation-> source`` and ``both`` for the symmetric agreement hop between
    two parties. ``via`` is the agreement of an agreement hop. ``relation`` is the name shown
    (:func:`kg.terms.predicate_name`), ``predicate`` the IRI of the triple.
    """

    source: str
    relation: str
    direction: str
    target: str
    via: str | None = None
    predicate: str = ""
