"""``kg neighbors``: the edges within a few hops of an entity, breadth first, one level per
query, with their evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kg import vocab  # noqa: F401  (the doctest names vocab)
from kg.errors import UsageError
from kg.lookup.nodes import EntityRef
from kg.query.edges import Direction
from kg.query.evidence import Evidence
from kg.query.rows import ref_json
from kg.query.walk import Walker
from kg.store.base import Store


@dataclass(frozen=True)
class NeighborRow:
    """One edge found by :func:`neighbors`: ``parent`` is the node it was expanded from."""

    depth: int
    parent: EntityRef
    relation: str
    direction: str
    node: EntityRef
    via: EntityRef | None
    evidence: tuple[Evidence, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "depth": self.depth,
            "from": ref_json(self.parent),
            "relation": self.relation,
            "direction": self.direction,
            "node": ref_json(self.node),
            "via": ref_json(self.via) if self.via else None,
            "evidence": [e.as_json() for e in self.evidence],
        }


def neighbors(
    store: Store,
    start: EntityRef,
    *,
    depth: int = 1,
    relations: Sequence[str] = (),
    types: Sequence[str] = (),
    direction: Direction = Direction.both,
    evidence: bool = True,
    limit: int = 10_000,
) -> list[NeighborRow]:
    """Edges within ``depth`` hops of ``start``, breadth first.

    Depth 1 lists every allowed edge of ``start``; each further level lists the edges from the
    nodes first reached at the previous level to nodes not reached before. ``relations``,
    ``types`` and ``direction`` restrict the walk itself (so every row's node matches
    ``types``). At most ``limit`` rows. JSON row (``kg neighbors --format json``)::

        {"depth": 1, "from": {"label", "iri", "types"}, "relation": "party",
         "direction": "out" | "in" | "both", "node": {"label", "iri", "types"},
         "via": {"label", "iri", "types"} | null, "evidence": [{"doc", "sentence"}]}

    >>> from kg.store import KgStore
    >>> neighbors(KgStore.memory(), EntityRef(vocab.ID + "x", "X"))
    []
    """
    if depth < 1:
        raise UsageError("--depth must be 1 or more")
    walker = Walker(store, relations=relations, types=types, direction=direction)
    rows: list[NeighborRow] = []
    seen = {start.iri}
    frontier = [start.iri]
    for level in range(1, depth + 1):
        reached: list[str] = []
        # nodes of earlier levels; a node new at this level may be listed under several parents
        prior = frozenset(seen)
        # the whole level at once: one expansion, one description, one evidence query
        walker.expand(frontier)
        level_edges = {n: [e for e in walker.edges(n) if e.target not in prior] for n in frontier}
        every = [e for es in level_edges.values() for e in es]
        walker.refs([*frontier, *(e.target for e in every), *(e.via for e in every if e.via)])
        if evidence:
            walker.load_evidence(every)
        for node in frontier:
            edges = level_edges[node]
            edges.sort(key=lambda e: (e.relation, e.direction, walker.ref(e.target).label,
                                      e.target, e.via or ""))
            for edge in edges:
                ev = tuple(walker.evidence(edge)) if evidence else ()
                rows.append(
                    NeighborRow(
                        level,
                        start if node == start.iri else walker.ref(node),
                        edge.relation,
                        edge.direction,
                        walker.ref(edge.target),
                        walker.ref(edge.via) if edge.via else None,
                        ev,
                    )
                )
                if edge.target not in seen:
                    reached.append(edge.target)
                    seen.add(edge.target)
                if len(rows) >= limit:
                    return rows
        frontier = reached
        if not frontier:
            break
    return rows
