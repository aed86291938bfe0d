"""Read-only queries over the store: entity cards, neighbours, paths and entity listings.

The graph is walked between *entities* only. Assertions, articles, posts, agreement sides and
literals are never path nodes; an agreement is the intermediate of one hop between its
parties (``X <-party- Agreement -party-> Y``) and between a party and the event where it was
signed (``X <-party- Agreement -signedAt-> Event``), and is reported as the hop's ``via`` node.
An agreement is a node of its own only when a query starts or ends at it. Posts are not
walked: the flat ``affiliation`` fact written beside every post already links person and
organisation.

Every expansion is one SPARQL query for one node with the node passed as a substitution, so
``neighbors`` and ``path`` touch only the part of the graph they visit (never load it whole),
and nothing a user typed reaches a query's text.

Nothing here imports rdflib, networkx or spaCy.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from urllib.parse import unquote

import pyoxigraph as ox

from kg import vocab
from kg.errors import UsageError
from kg.lookup import (
    STRUCTURAL_TYPES,
    EntityRef,
    describe_node,
    describe_nodes,
    local_name,
    order_types,
    pick_label,
    select,
)
from kg.store.base import Store

# Relations whose objects are entities: the edges of the entity graph.
ENTITY_RELATIONS: tuple[str, ...] = tuple(
    r for r in vocab.RELATIONS if r not in vocab.LITERAL_RELATIONS
)
# Relation names a walk can be restricted to (``--relation``): facts plus agreement hops.
WALK_RELATIONS: tuple[str, ...] = (*ENTITY_RELATIONS, "party", "signedAt")
_SUB_OF: dict[str, str] = {
    sub: sup for sub, sups in vocab.SUPERPROPERTIES.items() for sup in sups
}
_VALUES = " ".join(f"kgo:{r}" for r in ENTITY_RELATIONS)


def check_types(types: Iterable[str]) -> tuple[str, ...]:
    """Validate ``--type`` values against the ontology's classes (case-insensitive).

    >>> check_types(["hospital", "Company"])
    ('Hospital', 'Company')
    """
    by_lower = {c.lower(): c for c in vocab.CLASSES}
    out = []
    for t in types:
        if t.lower() not in by_lower:
            raise UsageError(f"unknown type {t!r}; use one of: {', '.join(vocab.CLASSES)}")
        out.append(by_lower[t.lower()])
    return tuple(out)


class Direction(StrEnum):
    """Which edges a walk follows, seen from the node being expanded."""

    out = "out"
    in_ = "in"
    both = "both"


@dataclass(frozen=True)
class Evidence:
    """The article and sentence an edge was read from."""

    doc: str
    sentence: str

    def as_json(self) -> dict[str, str]:
        return {"doc": self.doc, "sentence": self.sentence}


@dataclass(frozen=True)
class Edge:
    """One hop of the entity graph, seen from ``source``.

    ``direction`` is ``out`` when the fact reads ``source -relation-> target``, ``in`` when it
    reads ``target -relation-> source`` and ``both`` for the symmetric agreement hop between
    two parties. ``via`` is the agreement of an agreement hop.
    """

    source: str
    relation: str
    direction: str
    target: str
    via: str | None = None


def _iri(term: object) -> str | None:
    return term.value if isinstance(term, ox.NamedNode) else None


# ---------------------------------------------------------------- expansion

_EXPAND = f"""
SELECT ?n ?kind ?p ?o ?via WHERE {{
  {{ ?n ?p ?o . VALUES ?p {{ {_VALUES} }} FILTER(isIRI(?o)) BIND("out" AS ?kind) }}
  UNION {{ ?o ?p ?n . VALUES ?p {{ {_VALUES} }} BIND("in" AS ?kind) }}
  UNION {{ ?via kgo:party ?n . ?via kgo:party ?o . FILTER(?o != ?n)
          BIND(kgo:party AS ?p) BIND("both" AS ?kind) }}
  UNION {{ ?via kgo:party ?n ; kgo:signedAt ?o . BIND(kgo:signedAt AS ?p) BIND("out" AS ?kind) }}
  UNION {{ ?via kgo:signedAt ?n ; kgo:party ?o . BIND(kgo:signedAt AS ?p) BIND("in" AS ?kind) }}
  UNION {{ ?n a kgo:Agreement ; ?p ?o . VALUES ?p {{ kgo:party kgo:signedAt }}
          BIND("out" AS ?kind) }}
}}
"""
_SIDES = "SELECT ?a ?side ?m WHERE { ?a kgo:side ?side . ?side kgo:sideMember ?m }"


def agreement_sides(store: Store, agreement: str) -> list[set[str]]:
    """The sides of an agreement as sets of member IRIs (empty when none are recorded)."""
    sides: dict[str, set[str]] = defaultdict(set)
    for row in select(store, _SIDES, a=ox.NamedNode(agreement)):
        side, member = _iri(row["side"]), _iri(row["m"])
        if side and member:
            sides[side].add(member)
    return [sides[k] for k in sorted(sides)]


def counterparties(sides: list[set[str]], party: str, parties: Iterable[str]) -> set[str]:
    """Who ``party`` signed *with*: members of the other sides, or every other party.

    With two or more sides, counterparts are the members of the sides ``party`` is not on
    (co-signatories on its own side are not counterparts); with one side or none, every other
    party counts.

    >>> sorted(counterparties([{"a", "b"}, {"c"}], "a", ["a", "b", "c"]))
    ['c']
    >>> sorted(counterparties([{"a", "b", "c"}], "a", ["a", "b", "c"]))
    ['b', 'c']
    """
    others = {p for p in parties if p != party}
    if len(sides) < 2:
        return others
    mine = [s for s in sides if party in s]
    if not mine:
        return others
    theirs = set().union(*(s for s in sides if party not in s))
    return theirs - {party}


class Walker:
    """Expands nodes of the entity graph, caching expansions, node descriptions and sides.

    ``relations`` restricts the edges followed (a relation also admits its sub-properties:
    ``participant`` follows ``exhibitor`` edges); ``types`` restricts the nodes walked to.
    """

    def __init__(
        self,
        store: Store,
        *,
        relations: Sequence[str] = (),
        types: Sequence[str] = (),
        direction: Direction = Direction.both,
    ) -> None:
        unknown = sorted(set(relations) - set(WALK_RELATIONS))
        if unknown:
            raise UsageError(
                f"unknown relation {', '.join(unknown)}; use one of: {', '.join(WALK_RELATIONS)}"
            )
        self.store = store
        self.relations = frozenset(relations)
        self.types = frozenset(types)
        self.direction = direction
        self._edges: dict[str, list[Edge]] = {}
        self._refs: dict[str, EntityRef] = {}
        self._sides: dict[str, list[set[str]]] = {}
        self._evidence: dict[str, dict[tuple[str, str, str], list[Evidence]]] = {}

    def ref(self, iri: str) -> EntityRef:
        """Label and types of a node (cached)."""
        if iri not in self._refs:
            self._refs.update(describe_nodes(self.store, [iri]))
        return self._refs[iri]

    def refs(self, iris: Iterable[str]) -> None:
        """Describe several nodes at once (fills the cache)."""
        missing = [i for i in iris if i not in self._refs]
        if missing:
            self._refs.update(describe_nodes(self.store, missing))

    def _relation_ok(self, relation: str) -> bool:
        if not self.relations:
            return True
        return relation in self.relations or _SUB_OF.get(relation) in self.relations

    def _node_ok(self, iri: str) -> bool:
        # Targets of the expansion query are entities by construction (objects of entity
        # relations, parties, events), so types are only looked up for a --type filter:
        # a walk over hubs then costs one query per expanded node, not one per neighbour.
        if not self.types:
            return True
        types = set(self.ref(iri).types)
        return bool(types & self.types) and not types & STRUCTURAL_TYPES

    def edges(self, node: str, *, endpoint: str | None = None) -> list[Edge]:
        """The hops from ``node`` allowed by the filters, deduplicated and sorted.

        An exhibitor fact also holds as participant; the pair is reported once, as exhibitor.
        ``endpoint`` (an agreement the caller is heading for) may be a target although
        agreements are otherwise only intermediates.
        """
        if node not in self._edges:
            self._edges[node] = self._expand(node)
        out = []
        for e in self._edges[node]:
            if not self._relation_ok(e.relation):
                continue
            if self.direction is not Direction.both and e.direction not in (
                self.direction.value,
                "both",
            ):
                continue
            if e.target == endpoint or self._node_ok(e.target):
                out.append(e)
        return out

    def _expand(self, node: str) -> list[Edge]:
        found: set[Edge] = set()
        party_rows: list[tuple[str, str]] = []
        for row in select(self.store, _EXPAND, n=ox.NamedNode(node)):
            kind, pred, other = row["kind"], _iri(row["p"]), _iri(row["o"])
            via = _iri(row["via"]) if row["via"] is not None else None
            if pred is None or other is None or other == node or not isinstance(kind, ox.Literal):
                continue
            relation = local_name(pred)
            if kind.value == "both" and via is not None:
                party_rows.append((via, other))
                continue
            found.add(Edge(node, relation, kind.value, other, via))
        by_agreement: dict[str, set[str]] = defaultdict(set)
        for via, other in party_rows:
            by_agreement[via].add(other)
        for agreement, others in by_agreement.items():
            sides = self._agreement_sides(agreement)
            for other in counterparties(sides, node, others | {node}):
                found.add(Edge(node, "party", "both", other, agreement))
        # exhibitor implies participant: keep the specific one
        specific = {(e.target, e.direction, e.via) for e in found if e.relation in _SUB_OF}
        edges = [
            e
            for e in found
            if not (
                e.relation in _SUB_OF.values()
                and (e.target, e.direction, e.via) in specific
            )
        ]
        return sorted(edges, key=lambda e: (e.relation, e.direction, e.target, e.via or ""))

    def evidence(self, edge: Edge) -> list[Evidence]:
        """Evidence of a hop, from one batch query per node (every assertion touching it).

        Walks that report many edges of one node (a hub's neighbours) then cost one query,
        not one per edge; hops whose assertions do not touch ``edge.source`` fall back to
        :func:`edge_evidence`.
        """
        if edge.source not in self._evidence:
            self._evidence[edge.source] = _node_evidence(self.store, edge.source)
        batch = self._evidence[edge.source]
        if edge.via is not None:
            key = (edge.via, vocab.ont("party"), edge.source)
        elif edge.direction == "in":
            key = (edge.target, vocab.ont(edge.relation), edge.source)
        else:
            key = (edge.source, vocab.ont(edge.relation), edge.target)
        found = batch.get(key)
        if found is None or (edge.via is not None and edge.relation == "party"):
            return edge_evidence(self.store, edge)
        return found

    def _agreement_sides(self, agreement: str) -> list[set[str]]:
        if agreement not in self._sides:
            self._sides[agreement] = agreement_sides(self.store, agreement)
        return self._sides[agreement]


# ---------------------------------------------------------------- evidence

_EVIDENCE = """
SELECT ?s ?p ?o ?sentence ?doc ?file WHERE {
  ?a rdf:subject ?s ; rdf:object ?o ; rdf:predicate ?p ; kgo:sentence ?sentence .
  OPTIONAL { ?a prov:wasDerivedFrom ?doc . OPTIONAL { ?doc kgo:sourceFile ?file } }
}
"""


# Two self-contained branches: a BIND before the triples makes the planner scan every
# assertion (seconds on a million triples) instead of starting from the bound node.
_NODE_EVIDENCE = """
SELECT ?n ?s ?p ?o ?sentence ?doc ?file WHERE {
  { ?a rdf:subject ?n ; rdf:object ?o ; rdf:predicate ?p ; kgo:sentence ?sentence .
    OPTIONAL { ?a prov:wasDerivedFrom ?doc . OPTIONAL { ?doc kgo:sourceFile ?file } } }
  UNION
  { ?a rdf:object ?n ; rdf:subject ?s ; rdf:predicate ?p ; kgo:sentence ?sentence .
    OPTIONAL { ?a prov:wasDerivedFrom ?doc . OPTIONAL { ?doc kgo:sourceFile ?file } } }
}
"""


def _node_evidence(store: Store, node: str) -> dict[tuple[str, str, str], list[Evidence]]:
    """Every assertion with ``node`` as subject or object, keyed by (s, p, o) IRIs."""
    out: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for row in select(store, _NODE_EVIDENCE, n=ox.NamedNode(node)):
        s = _iri(row["s"]) if row["s"] is not None else node
        o = _iri(row["o"]) if row["o"] is not None else node
        p, sentence = _iri(row["p"]), row["sentence"]
        if s is None or p is None or o is None or not isinstance(sentence, ox.Literal):
            continue
        file, doc = row["file"], row["doc"]
        name = (
            file.value
            if isinstance(file, ox.Literal)
            else doc_name(doc.value) if isinstance(doc, ox.NamedNode) else ""
        )
        ev = Evidence(name, sentence.value)
        if ev not in out[(s, p, o)]:
            out[(s, p, o)].append(ev)
    for evs in out.values():
        evs.sort(key=lambda e: (e.doc, e.sentence))
    return out


def doc_name(doc_iri: str) -> str:
    """An article's file name from its IRI (``kgdoc:000.txt`` -> ``000.txt``)."""
    if doc_iri.startswith(vocab.DOC):
        return unquote(doc_iri[len(vocab.DOC):])
    return doc_iri


def fact_evidence(
    store: Store, subject: str, predicate: str, obj: ox.NamedNode | ox.Literal
) -> list[Evidence]:
    """The evidence sentences of one fact, one per article, sorted by article.

    >>> from kg.store import KgStore
    >>> fact_evidence(KgStore.memory(), vocab.ID + "a", vocab.ont("host"), ox.NamedNode(vocab.ID + "b"))
    []
    """
    seen: dict[tuple[str, str], Evidence] = {}
    rows = select(
        store, _EVIDENCE, s=ox.NamedNode(subject), p=ox.NamedNode(predicate), o=obj
    )
    for row in rows:
        sentence = row["sentence"]
        if not isinstance(sentence, ox.Literal):
            continue
        file, doc = row["file"], row["doc"]
        name = (
            file.value
            if isinstance(file, ox.Literal)
            else doc_name(doc.value) if isinstance(doc, ox.NamedNode) else ""
        )
        seen.setdefault((name, sentence.value), Evidence(name, sentence.value))
    return [seen[k] for k in sorted(seen)]


def edge_evidence(store: Store, edge: Edge) -> list[Evidence]:
    """Evidence of a hop: the fact's assertions, or the agreement's ``party`` assertions."""
    if edge.via is not None:
        party = vocab.ont("party")
        ends = [edge.source, edge.target] if edge.relation == "party" else [
            edge.source if edge.direction == "out" else edge.target
        ]
        out: list[Evidence] = []
        for end in ends:
            out += [ev for ev in fact_evidence(store, edge.via, party, ox.NamedNode(end))
                    if ev not in out]
        return out
    pred = vocab.ont(edge.relation)
    if edge.direction == "in":
        return fact_evidence(store, edge.target, pred, ox.NamedNode(edge.source))
    return fact_evidence(store, edge.source, pred, ox.NamedNode(edge.target))


def _ref_json(ref: EntityRef) -> dict[str, Any]:
    return {"label": ref.label, "iri": ref.iri, "types": list(ref.types)}


# ---------------------------------------------------------------- neighbors


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
            "from": _ref_json(self.parent),
            "relation": self.relation,
            "direction": self.direction,
            "node": _ref_json(self.node),
            "via": _ref_json(self.via) if self.via else None,
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
        for node in frontier:
            edges = [e for e in walker.edges(node) if e.target not in prior]
            walker.refs({e.target for e in edges} | {e.via for e in edges if e.via})
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


# ---------------------------------------------------------------- path


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
            "from": _ref_json(self.source),
            "relation": self.relation,
            "direction": self.direction,
            "to": _ref_json(self.target),
            "via": _ref_json(self.via) if self.via else None,
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
            "from": _ref_json(self.start),
            "to": _ref_json(self.end),
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


def _hops(store: Store, walker: Walker, edges: Sequence[Edge], evidence: bool) -> list[Hop]:
    return [
        Hop(
            walker.ref(e.source),
            e.relation,
            e.direction,
            walker.ref(e.target),
            walker.ref(e.via) if e.via else None,
            tuple(edge_evidence(store, e)) if evidence else (),
        )
        for e in edges
    ]


def _reverse(edge: Edge) -> Edge:
    flipped = {"out": "in", "in": "out"}.get(edge.direction, edge.direction)
    return Edge(edge.target, edge.relation, flipped, edge.source, edge.via)


def _shortest(walker: Walker, a: str, b: str, max_length: int) -> list[Edge] | None:
    """Bidirectional BFS: expand the smaller frontier one whole level at a time until they meet.

    A level is always finished before choosing where the two searches meet, and the meeting
    node with the least total distance wins, so the path is a shortest one.
    """
    if a == b:
        return []
    fwd: dict[str, Edge | None] = {a: None}  # node -> edge that reached it from a's side
    bwd: dict[str, Edge | None] = {b: None}  # node -> edge (towards b) that reached it
    f_dist, b_dist = {a: 0}, {b: 0}
    f_front, b_front = [a], [b]
    while f_front and b_front:
        forward = len(f_front) <= len(b_front)
        front, seen, dist = (f_front, fwd, f_dist) if forward else (b_front, bwd, b_dist)
        other_dist = b_dist if forward else f_dist
        nxt: list[str] = []
        meets: list[str] = []
        for node in front:
            for edge in walker.edges(node, endpoint=b if forward else a):
                if edge.target in other_dist:
                    meets.append(edge.target)
                if edge.target in seen:
                    continue
                seen[edge.target] = edge
                dist[edge.target] = dist[node] + 1
                nxt.append(edge.target)
        if meets:
            meet = min(meets, key=lambda n: f_dist[n] + b_dist[n])
            if f_dist[meet] + b_dist[meet] > max_length:
                return None
            return _join(fwd, bwd, meet)
        if forward:
            f_front = nxt
        else:
            b_front = nxt
        if min(f_dist[n] for n in f_front or [a]) + min(b_dist[n] for n in b_front or [b]) + 1 \
                > max_length:
            return None
    return None


def _join(fwd: dict[str, Edge | None], bwd: dict[str, Edge | None], meet: str) -> list[Edge]:
    left: list[Edge] = []
    node = meet
    while (e := fwd[node]) is not None:
        left.append(e)
        node = e.source
    right: list[Edge] = []
    node = meet
    while (e := bwd[node]) is not None:
        right.append(_reverse(e))
        node = e.source
    return list(reversed(left)) + right


def _distances(walker: Walker, b: str, max_length: int, a: str) -> dict[str, int]:
    dist = {b: 0}
    queue = deque([b])
    while queue:
        node = queue.popleft()
        if dist[node] >= max_length:
            continue
        for edge in walker.edges(node, endpoint=a):
            if edge.target not in dist:
                dist[edge.target] = dist[node] + 1
                queue.append(edge.target)
    return dist


def _all_simple(
    walker: Walker, a: str, b: str, max_length: int, limit: int
) -> tuple[list[list[Edge]], bool]:
    """Simple paths up to ``max_length``, shortest first, at most ``limit`` (then truncated)."""
    dist = _distances(walker, b, max_length, a)
    if a not in dist:
        return [], False
    found: list[list[Edge]] = []
    for length in range(dist[a], max_length + 1):
        stack: list[tuple[str, list[Edge], frozenset[str]]] = [(a, [], frozenset({a}))]
        while stack:
            node, hops, visited = stack.pop()
            if node == b:
                if len(hops) == length:
                    found.append(hops)
                    if len(found) >= limit:
                        return found, True
                continue
            left = length - len(hops)
            for edge in reversed(walker.edges(node, endpoint=b)):
                t = edge.target
                if t in visited or edge.via in visited or dist.get(t, max_length + 1) > left - 1:
                    continue
                stack.append((t, [*hops, edge], visited | {t, edge.via or t}))
    return found, False


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
        edge_paths, truncated = _all_simple(walker, start.iri, end.iri, max_length, limit)
    else:
        shortest = _shortest(walker, start.iri, end.iri, max_length)
        edge_paths, truncated = ([shortest] if shortest else []), False
    paths = [_hops(store, walker, p, evidence) for p in edge_paths]
    return PathResult(start, end, max_length, paths, truncated)


# ---------------------------------------------------------------- show


@dataclass(frozen=True)
class FactValue:
    """The other end of a fact on an entity card: a node or a literal."""

    label: str
    iri: str | None
    datatype: str | None
    evidence: tuple[Evidence, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "iri": self.iri,
            "datatype": self.datatype,
            "evidence": [e.as_json() for e in self.evidence],
        }


@dataclass(frozen=True)
class AgreementInfo:
    """An agreement with its parties grouped in sides, its event and date."""

    ref: EntityRef
    kind: str
    parties: tuple[EntityRef, ...]
    sides: tuple[tuple[EntityRef, ...], ...]
    signed_at: EntityRef | None
    signed_on: str | None
    evidence: tuple[Evidence, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "label": self.ref.label,
            "iri": self.ref.iri,
            "kind": self.kind,
            "parties": [_ref_json(p) for p in self.parties],
            "sides": [[_ref_json(m) for m in side] for side in self.sides],
            "signed_at": _ref_json(self.signed_at) if self.signed_at else None,
            "signed_on": self.signed_on,
            "evidence": [e.as_json() for e in self.evidence],
        }


@dataclass(frozen=True)
class PostInfo:
    """A post: the person, the role name and the organisation it is in."""

    person: EntityRef
    role: str
    organization: EntityRef | None

    def as_json(self) -> dict[str, Any]:
        return {
            "person": _ref_json(self.person),
            "role": self.role,
            "organization": _ref_json(self.organization) if self.organization else None,
        }


@dataclass(frozen=True)
class EntityCard:
    """Everything :func:`show` knows about one entity.

    JSON (``kg show --format json``)::

        {"label", "iri", "types": [...], "aliases": [...], "articles": [...],
         "out": {"relation": [{"label", "iri", "datatype", "evidence": [{"doc", "sentence"}]}]},
         "in": {"relation": [...]},
         "agreements": [{"label", "iri", "kind", "parties", "sides", "signed_at", "signed_on",
                         "evidence"}],
         "posts": [{"person", "role", "organization"}]}
    """

    entity: EntityRef
    articles: tuple[str, ...]
    out: dict[str, list[FactValue]]
    in_: dict[str, list[FactValue]]
    agreements: list[AgreementInfo]
    posts: list[PostInfo]

    def as_json(self) -> dict[str, Any]:
        return {
            "label": self.entity.label,
            "iri": self.entity.iri,
            "types": list(self.entity.types),
            "aliases": list(self.entity.aliases),
            "articles": list(self.articles),
            "out": {r: [v.as_json() for v in vs] for r, vs in self.out.items()},
            "in": {r: [v.as_json() for v in vs] for r, vs in self.in_.items()},
            "agreements": [a.as_json() for a in self.agreements],
            "posts": [p.as_json() for p in self.posts],
        }


_OUT_FACTS = "SELECT ?n ?p ?o WHERE { ?n ?p ?o }"
_IN_FACTS = f"SELECT ?n ?p ?s WHERE {{ ?s ?p ?n . VALUES ?p {{ {_VALUES} }} }}"
_AGREEMENTS_OF = """
SELECT ?n ?a WHERE { { ?a kgo:party ?n } UNION { ?a kgo:signedAt ?n } UNION
                     { ?n a kgo:Agreement . BIND(?n AS ?a) } }
"""
_AGREEMENT = """
SELECT ?a ?p ?o WHERE {
  ?a ?p ?o . VALUES ?p { kgo:agreementKind kgo:party kgo:signedAt kgo:signedOn }
}
"""
_POSTS = """
SELECT ?n ?person ?role ?org WHERE {
  { ?n kgo:holds ?post . BIND(?n AS ?person) }
  UNION { ?post kgo:postIn ?n . ?person kgo:holds ?post }
  ?post kgo:roleName ?role .
  OPTIONAL { ?post kgo:postIn ?org }
}
"""
_ARTICLES = """
SELECT ?n ?g ?file WHERE { GRAPH ?g { ?n rdfs:label ?l } OPTIONAL { ?g kgo:sourceFile ?file } }
"""


def agreement_info(store: Store, iri: str) -> AgreementInfo:
    """An agreement's kind, parties, sides, event and date (for cards and answers)."""
    kind, signed_on = "", None
    parties: list[str] = []
    event: str | None = None
    for row in select(store, _AGREEMENT, a=ox.NamedNode(iri)):
        pred, obj = local_name(str(_iri(row["p"]))), row["o"]
        if pred == "agreementKind" and isinstance(obj, ox.Literal):
            kind = obj.value
        elif pred == "signedOn" and isinstance(obj, ox.Literal):
            signed_on = obj.value
        elif pred == "party" and isinstance(obj, ox.NamedNode):
            parties.append(obj.value)
        elif pred == "signedAt" and isinstance(obj, ox.NamedNode):
            event = obj.value
    sides = agreement_sides(store, iri)
    refs = describe_nodes(store, [iri, *parties, *(m for s in sides for m in s),
                                  *([event] if event else [])])
    party_refs = sorted((refs[p] for p in set(parties)), key=lambda r: r.label)
    side_refs = tuple(
        tuple(sorted((refs[m] for m in side), key=lambda r: r.label)) for side in sides
    )
    evidence: list[Evidence] = []
    for p in party_refs:
        evidence += [e for e in fact_evidence(store, iri, vocab.ont("party"),
                                              ox.NamedNode(p.iri)) if e not in evidence]
    return AgreementInfo(
        refs[iri], kind, tuple(party_refs), side_refs,
        refs[event] if event else None, signed_on, tuple(evidence),
    )


def show(store: Store, entity: EntityRef) -> EntityCard:
    """The card of an entity: names, types, facts in and out (with evidence), agreements, posts.

    >>> from kg.store import KgStore
    >>> card = show(KgStore.memory(), EntityRef(vocab.ID + "x", "X"))
    >>> card.out, card.agreements
    ({}, [])
    """
    node = ox.NamedNode(entity.iri)
    relations = set(vocab.RELATIONS)
    out: dict[str, list[FactValue]] = defaultdict(list)
    pending: list[tuple[str, ox.NamedNode | ox.Literal]] = []
    for row in select(store, _OUT_FACTS, n=node):
        pred, obj = _iri(row["p"]), row["o"]
        if pred is None or not pred.startswith(vocab.ONT) or local_name(pred) not in relations:
            continue
        if isinstance(obj, ox.NamedNode | ox.Literal) and (pred, obj) not in pending:
            pending.append((pred, obj))  # the union repeats a fact stated in several graphs
    refs = describe_nodes(store, [o.value for _, o in pending if isinstance(o, ox.NamedNode)])
    for pred, obj in sorted(pending, key=lambda po: (po[0], po[1].value)):
        ev = tuple(fact_evidence(store, entity.iri, pred, obj))
        if isinstance(obj, ox.Literal):
            dt = local_name(obj.datatype.value) if obj.datatype else None
            out[local_name(pred)].append(FactValue(obj.value, None, dt, ev))
        else:
            out[local_name(pred)].append(FactValue(refs[obj.value].label, obj.value, None, ev))
    in_: dict[str, list[FactValue]] = defaultdict(list)
    subjects = sorted({(str(_iri(r["p"])), str(_iri(r["s"])))
                       for r in select(store, _IN_FACTS, n=node)})
    refs = describe_nodes(store, [s for _, s in subjects])
    for pred, subj in sorted(subjects, key=lambda ps: (ps[0], refs[ps[1]].label)):
        ev = tuple(fact_evidence(store, subj, pred, node))
        in_[local_name(pred)].append(FactValue(refs[subj].label, subj, None, ev))
    agreements = [
        agreement_info(store, a)
        for a in sorted({str(_iri(r["a"])) for r in select(store, _AGREEMENTS_OF, n=node)})
    ]
    posts = []
    for row in select(store, _POSTS, n=node):
        person, role, org = _iri(row["person"]), row["role"], _iri(row["org"]) if row[
            "org"] is not None else None
        if person and isinstance(role, ox.Literal):
            posts.append(PostInfo(describe_node(store, person), role.value,
                                  describe_node(store, org) if org else None))
    articles = sorted({
        r["file"].value if isinstance(r["file"], ox.Literal) else doc_name(str(_iri(r["g"])))
        for r in select(store, _ARTICLES, n=node)
    })
    return EntityCard(
        entity, tuple(articles), dict(out), dict(in_),
        sorted(agreements, key=lambda a: a.ref.label),
        sorted(set(posts), key=lambda p: (p.person.label, p.role)),
    )


# ---------------------------------------------------------------- entities


@dataclass(frozen=True)
class EntityRow:
    """One row of :func:`entities`. JSON: ``{"label", "iri", "types", "facts"}``."""

    entity: EntityRef
    facts: int

    def as_json(self) -> dict[str, Any]:
        return {**_ref_json(self.entity), "facts": self.facts}


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
        n, lab = _iri(row["n"]), row["l"]
        if n and isinstance(lab, ox.Literal):
            labels[n].append(lab.value)
    kinds: dict[str, set[str]] = defaultdict(set)
    for row in select(store, _ALL_TYPES):
        n, t = _iri(row["n"]), _iri(row["t"])
        if n and t and t.startswith(vocab.ONT) and n in labels:
            kinds[n].add(local_name(t))
    counts: dict[str, int] = {}
    for row in select(store, _FACT_COUNTS):
        n, c = _iri(row["n"]), row["c"]
        if n and isinstance(c, ox.Literal):
            counts[n] = int(c.value)
    rows = []
    for n, labs in labels.items():
        ts = kinds.get(n, set())
        if ts & STRUCTURAL_TYPES or (types and not ts & set(types)):
            continue
        rows.append(EntityRow(EntityRef(n, pick_label(labs), order_types(ts)), counts.get(n, 0)))
    return sorted(rows, key=lambda r: (r.entity.label.lower(), r.entity.iri))


__all__ = [
    "ENTITY_RELATIONS",
    "WALK_RELATIONS",
    "AgreementInfo",
    "Direction",
    "Edge",
    "EntityCard",
    "EntityRow",
    "Evidence",
    "FactValue",
    "Hop",
    "NeighborRow",
    "PathResult",
    "PostInfo",
    "agreement_info",
    "check_types",
    "counterparties",
    "describe_node",
    "edge_evidence",
    "entities",
    "fact_evidence",
    "neighbors",
    "path",
    "show",
]
