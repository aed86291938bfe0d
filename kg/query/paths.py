"""``kg path``: the hops of a path between two entities, with their evidence, and the path as
text and JSON. The searches themselves are in :mod:`kg.query.path_search`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kg import vocab  # noqa: F401  (the doctest names vocab)
from kg.errors import UsageError
from kg.lookup.nodes import EntityRef
from kg.query.edges import Edge
from kg.query.evidence import Evidence, EvidenceIndex, facts_evidence, hop_evidence, hop_facts
from kg.query.path_search import all_simple_paths, shortest_path
from kg.query.rows import ref_json
from kg.query.walk import Walker
from kg.store.base import Store


@dataclass(frozen=True)
class Hop:
    """One step of a path, oriented along the path (``source`` comes first)."""

    source: EntityRef
    relation: str
    direction: str
    target: EntityRef
    via: EntityRef | None
    evidence: tuple[Evidence, ...]

    def arrow(self) -> str:
        """The hop as text: ``-[host]->``, ``<-[host]-``, ``<-[party]- (agreement) -[party]->``."""
        if self.via is not None:
            left, right = "party", "party"
            if self.relation == "signedAt":
                left, right = ("party", "signedAt") if self.direction == "out" else (
                    "signedAt", "party")
            return f"<-[{left}]- ({self.via.label}) -[{right}]->"
        if self.direction == "in":
            return f"<-[{self.relation}]-"
        return f"-[{self.relation}]->"

    def as_json(self) -> dict[str, Any]:
        return {
            "from": ref_json(self.source),
            "relation": self.relation,
            "direction": self.direction,
            "to": ref_json(self.target),
            "via": ref_json(self.via) if self.via else None,
            "evidence": [e.as_json() for e in self.evidence],
        }


@dataclass(frozen=True)
class PathResult:
    """What :func:`path` found: zero or more paths (each a list of hops), shortest first.

    JSON (``kg path --format json``)::

        {"from": {...}, "to": {...}, "max_length": 4, "found": true,
         "paths": [{"length": 2, "text": "A -[host]-> X <-[host]- B",
                    "hops": [{"from", "relation", "direction", "to", "via", "evidence"}]}]}
    """

    start: EntityRef
    end: EntityRef
    max_length: int
    paths: list[list[Hop]] = field(default_factory=list)
    truncated: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "from": ref_json(self.start),
            "to": ref_json(self.end),
            "max_length": self.max_length,
            "found": bool(self.paths),
            "truncated": self.truncated,
            "paths": [
                {"length": len(p), "text": path_text(p), "hops": [h.as_json() for h in p]}
                for p in self.paths
            ],
        }


def path_text(hops: Sequence[Hop]) -> str:
    """``A -[relation]-> X <-[relation]- B`` for a path."""
    if not hops:
        return ""
    parts = [hops[0].source.label]
    for hop in hops:
        parts += [hop.arrow(), hop.target.label]
    return " ".join(parts)


def _hops(walker: Walker, edges: Sequence[Edge], index: EvidenceIndex) -> list[Hop]:
    return [
        Hop(
            walker.ref(e.source),
            e.relation,
            e.direction,
            walker.ref(e.target),
            walker.ref(e.via) if e.via else None,
            tuple(hop_evidence(index, e)),
        )
        for e in edges
    ]


def path(
    store: Store,
    start: EntityRef,
    end: EntityRef,
    *,
    max_length: int = 4,
    all_paths: bool = False,
    limit: int = 20,
    relations: Sequence[str] = (),
    evidence: bool = True,
) -> PathResult:
    """The shortest path between two entities, or all simple paths up to ``max_length``.

    Shortest: bidirectional breadth-first search, expanding one node per SPARQL query.
    ``all_paths``: every simple path of length <= ``max_length``, shortest first, capped at
    ``limit`` (``truncated`` says the cap was hit). No path is an answer, not an error.

    >>> from kg.store import KgStore
    >>> r = path(KgStore.memory(), EntityRef(vocab.ID + "a", "A"), EntityRef(vocab.ID + "b", "B"))
    >>> r.paths
    []
    """
    if max_length < 1:
        raise UsageError("--max-length must be 1 or more")
    walker = Walker(store, relations=relations)
    walker.refs([start.iri, end.iri])
    if all_paths:
        edge_paths, truncated = all_simple_paths(walker, start.iri, end.iri, max_length, limit)
    else:
        shortest = shortest_path(walker, start.iri, end.iri, max_length)
        edge_paths, truncated = ([shortest] if shortest else []), False
    every = [e for p in edge_paths for e in p]
    walker.refs([n for e in every for n in (e.source, e.target, *([e.via] if e.via else []))])
    index = facts_evidence(store, [f for e in every for f in hop_facts(e)]) if evidence else {}
    paths = [_hops(walker, p, index) for p in edge_paths]
    return PathResult(start, end, max_length, paths, truncated)
