"""Read-only queries over the store: entity cards, neighbours, paths and entity listings.

The graph is walked between *entities* only. Assertions, articles, posts, agreement sides and
literals are never path nodes; an agreement is the intermediate of one hop between its
parties (``X <-party- Agreement -party-> Y``) and between a party and the event where it was
signed (``X <-party- Agreement -signedAt-> Event``), and is reported as the hop's ``via`` node.
An agreement is a node of its own only when a query starts or ends at it. Posts are not
walked: the flat ``affiliation`` fact written beside every post already links person and
organisation.

On a graph kg did not write (``kg import`` of any RDF), every IRI-valued predicate between
labelled nodes is an edge too, named by its prefixed or local name (:mod:`kg.terms`); kg's
own provenance (assertions, articles) never is.

Walks expand a whole frontier per SPARQL query (the frontier bound as a ``VALUES`` block of
terms serialised by pyoxigraph, inside the query's group), and descriptions, agreement sides
and evidence are fetched for all the nodes or facts of a level at once: a command issues a
handful of queries whatever the size of the neighbourhood (what matters over HTTP), touches
only the part of the graph it visits (never loads it whole), and nothing a user typed
reaches a query's text.

Nothing here imports rdflib, networkx or spaCy.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from urllib.parse import unquote

import pyoxigraph as ox

from kg import terms, vocab
from kg.errors import UsageError
from kg.lookup import (
    STRUCTURAL_TYPES,
    VALUES_CHUNK,
    EntityRef,
    describe_node,
    describe_nodes,
    local_name,
    order_types,
    pick_label,
    select,
    select_many,
)
from kg.store.base import Store, Values
from kg.terms import check_types

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
    two parties. ``via`` is the agreement of an agreement hop. ``relation`` is the name shown
    (:func:`kg.terms.predicate_name`), ``predicate`` the IRI of the triple.
    """

    source: str
    relation: str
    direction: str
    target: str
    via: str | None = None
    predicate: str = ""


def _iri(term: object) -> str | None:
    return term.value if isinstance(term, ox.NamedNode) else None


# ---------------------------------------------------------------- expansion

# kg's relations and, in any graph, every IRI-valued predicate between labelled nodes
# (kg.terms.edge_filter); then the agreement hops of kg's own model.
_EXPAND = f"""
SELECT ?n ?kind ?p ?o ?via WHERE {{
  {{ ?n ?p ?o . {terms.edge_filter("p", "o")} BIND("out" AS ?kind) }}
  UNION {{ ?o ?p ?n . {terms.edge_filter("p", "o")} BIND("in" AS ?kind) }}
  UNION {{ ?via kgo:party ?n . ?via kgo:party ?o . FILTER(?o != ?n)
          BIND(kgo:party AS ?p) BIND("both" AS ?kind) }}
  UNION {{ ?via kgo:party ?n ; kgo:signedAt ?o . BIND(kgo:signedAt AS ?p) BIND("out" AS ?kind) }}
  UNION {{ ?via kgo:signedAt ?n ; kgo:party ?o . BIND(kgo:signedAt AS ?p) BIND("in" AS ?kind) }}
  UNION {{ ?n a kgo:Agreement ; ?p ?o . VALUES ?p {{ kgo:party kgo:signedAt }}
          BIND("out" AS ?kind) }}
}}
"""
_SIDES = "SELECT ?a ?side ?m WHERE { ?a kgo:side ?side . ?side kgo:sideMember ?m }"


def agreements_sides(store: Store, agreements: Iterable[str]) -> dict[str, list[set[str]]]:
    """The sides of several agreements (one query), each as sets of member IRIs."""
    wanted = list(dict.fromkeys(agreements))
    sides: dict[str, dict[str, set[str]]] = {a: defaultdict(set) for a in wanted}
    for row in select_many(store, _SIDES, "a", wanted) if wanted else []:
        a, side, member = _iri(row["a"]), _iri(row["side"]), _iri(row["m"])
        if a in sides and side and member:
            sides[a][side].add(member)
    return {a: [by_side[k] for k in sorted(by_side)] for a, by_side in sides.items()}


def agreement_sides(store: Store, agreement: str) -> list[set[str]]:
    """The sides of an agreement as sets of member IRIs (empty when none are recorded)."""
    return agreements_sides(store, [agreement])[agreement]


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


_PREDICATE_NAMED = """
SELECT ?p ?hash ?slash WHERE { ?s ?p ?o . FILTER(STRENDS(STR(?p), ?hash) || STRENDS(STR(?p), ?slash)) } LIMIT 1
"""
_USED = "SELECT ?s ?p WHERE { ?s ?p ?o } LIMIT 1"


def _is_predicate(store: Store, name: str) -> bool:
    """Whether ``name`` (prefixed name, IRI or local name) names a predicate of the graph.

    A prefixed name or IRI is one indexed look-up; a bare local name is looked for among
    all predicates (only for names that are not kg's own relations).
    """
    iri = terms.expand(name)
    if iri is not None:
        try:
            node = ox.NamedNode(iri)
        except ValueError:
            return False
        return bool(select(store, _USED, p=node))
    if not name or not name.replace("_", "a").replace("-", "a").isalnum():
        return False
    return bool(select(store, _PREDICATE_NAMED, hash=ox.Literal("#" + name),
                       slash=ox.Literal("/" + name)))


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
        # kg's names are checked; a prefixed name or IRI may name any graph's predicate.
        unknown = sorted(r for r in set(relations) - set(WALK_RELATIONS)
                         if not _is_predicate(store, r))
        if unknown:
            raise UsageError(
                f"unknown relation {', '.join(unknown)}; use one of: {', '.join(WALK_RELATIONS)}"
                " (or a predicate of the graph by prefixed name, like foaf:knows)"
            )
        self.store = store
        self.relations = frozenset(relations)
        self.types = frozenset(types)
        self.direction = direction
        self._edges: dict[str, list[Edge]] = {}
        self._refs: dict[str, EntityRef] = {}
        self._sides: dict[str, list[set[str]]] = {}
        self._evidence: dict[tuple[str, str, str], list[Evidence]] = {}
        self._evidence_of: set[str] = set()  # nodes whose assertions are in _evidence

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

    def _relation_ok(self, edge: Edge) -> bool:
        if not self.relations:
            return True
        return _SUB_OF.get(edge.relation) in self.relations or any(
            terms.matches_relation(r, edge.relation, edge.predicate) for r in self.relations)

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
            self.expand([node])
        out = []
        for e in self._edges[node]:
            if not self._relation_ok(e):
                continue
            if self.direction is not Direction.both and e.direction not in (
                self.direction.value,
                "both",
            ):
                continue
            if e.target == endpoint or self._node_ok(e.target):
                out.append(e)
        return out

    def expand(self, nodes: Iterable[str]) -> None:
        """Expand every node of a frontier not expanded yet: one query (per VALUES chunk) for
        the edges of all of them, one for the sides of the agreements they reach, and, with
        a ``types`` filter, one description of all the targets."""
        todo = [n for n in dict.fromkeys(nodes) if n not in self._edges]
        if not todo:
            return
        found: dict[str, set[Edge]] = {n: set() for n in todo}
        party_rows: dict[str, dict[str, set[str]]] = {n: defaultdict(set) for n in todo}
        for row in select_many(self.store, _EXPAND, "n", todo):
            node, kind, pred, other = _iri(row["n"]), row["kind"], _iri(row["p"]), _iri(row["o"])
            via = _iri(row["via"]) if row["via"] is not None else None
            if (node not in found or pred is None or other is None or other == node
                    or not isinstance(kind, ox.Literal)):
                continue
            if kind.value == "both" and via is not None:
                party_rows[node][via].add(other)
                continue
            found[node].add(
                Edge(node, terms.predicate_name(pred), kind.value, other, via, pred))
        self._load_sides(a for rows in party_rows.values() for a in rows)
        party = vocab.ont("party")
        for node in todo:
            for agreement, others in party_rows[node].items():
                for other in counterparties(self._sides[agreement], node, others | {node}):
                    found[node].add(Edge(node, "party", "both", other, agreement, party))
            self._edges[node] = _specific(found[node])
        if self.types:
            self.refs(e.target for n in todo for e in self._edges[n])

    def _load_sides(self, agreements: Iterable[str]) -> None:
        todo = [a for a in dict.fromkeys(agreements) if a not in self._sides]
        if todo:
            self._sides.update(agreements_sides(self.store, todo))

    def load_evidence(self, edges: Iterable[Edge]) -> None:
        """Fetch the evidence of many hops in one query: the assertions touching their
        sources and agreements (a hub's many edges cost one query, not one each)."""
        todo = [n for e in edges for n in (e.via or e.source,) if n not in self._evidence_of]
        if todo:
            self._evidence.update(node_evidence(self.store, todo))
            self._evidence_of.update(todo)

    def evidence(self, edge: Edge) -> list[Evidence]:
        """Evidence of a hop: its fact's assertions, or the agreement's ``party`` assertions."""
        self.load_evidence([edge])
        return hop_evidence(self._evidence, edge)



def _specific(found: set[Edge]) -> list[Edge]:
    """Sorted edges, an exhibitor fact not repeated as participant (keep the specific one)."""
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


# ---------------------------------------------------------------- evidence

_EVIDENCE = """
SELECT ?s ?p ?o ?sentence ?doc ?file WHERE {
  ?a rdf:subject ?s ; rdf:object ?o ; rdf:predicate ?p ; kgo:sentence ?sentence .
  OPTIONAL { ?a prov:wasDerivedFrom ?doc . OPTIONAL { ?doc kgo:sourceFile ?file } }
}
"""


# Two self-contained branches, each starting from the bound nodes: a BIND before the triples
# makes the planner scan every assertion (seconds on a million triples).
_NODE_EVIDENCE = """
SELECT ?n ?s ?p ?o ?sentence ?doc ?file WHERE {
  { ?a rdf:subject ?n ; rdf:object ?o ; rdf:predicate ?p ; kgo:sentence ?sentence .
    OPTIONAL { ?a prov:wasDerivedFrom ?doc . OPTIONAL { ?doc kgo:sourceFile ?file } } }
  UNION
  { ?a rdf:object ?n ; rdf:subject ?s ; rdf:predicate ?p ; kgo:sentence ?sentence .
    OPTIONAL { ?a prov:wasDerivedFrom ?doc . OPTIONAL { ?doc kgo:sourceFile ?file } } }
}
"""

# Evidence keyed by fact: (subject IRI, predicate IRI, object) where the object is an IRI or
# a literal in N-Triples form (term_key).
EvidenceIndex = dict[tuple[str, str, str], list[Evidence]]


def term_key(term: ox.NamedNode | ox.Literal) -> str:
    """How a fact's object is keyed in an :data:`EvidenceIndex`: an IRI, or ``"lit"^^<dt>``."""
    return term.value if isinstance(term, ox.NamedNode) else str(term)


def node_evidence(store: Store, nodes: Iterable[str]) -> EvidenceIndex:
    """Every assertion with one of ``nodes`` as subject or object, keyed by fact, in one query
    per VALUES chunk; each fact's evidence sorted by article, one entry per sentence."""
    out: EvidenceIndex = defaultdict(list)
    for row in select_many(store, _NODE_EVIDENCE, "n", nodes):
        node = _iri(row["n"])
        s = _iri(row["s"]) if row["s"] is not None else node
        o_term = row["o"] if row["o"] is not None else row["n"]
        _collect(out, row, s, o_term)
    return _sorted_index(out)


_FACTS_EVIDENCE = """
SELECT ?s ?p ?o ?sentence ?doc ?file WHERE {
  ?a rdf:subject ?s ; rdf:object ?o ; rdf:predicate ?p ; kgo:sentence ?sentence .
  OPTIONAL { ?a prov:wasDerivedFrom ?doc . OPTIONAL { ?doc kgo:sourceFile ?file } }
}
"""


def facts_evidence(
    store: Store, facts: Iterable[tuple[str, str, ox.NamedNode | ox.Literal]]
) -> EvidenceIndex:
    """The evidence of the given facts (subject, predicate, object), in one query per
    :data:`~kg.lookup.VALUES_CHUNK` facts: for a few facts between hubs (a path's hops),
    cheaper than every assertion touching their ends."""
    unique = list(dict.fromkeys((s, p, o) for s, p, o in facts))
    out: EvidenceIndex = defaultdict(list)
    for i in range(0, len(unique), VALUES_CHUNK):
        values = Values(("s", "p", "o"), tuple((ox.NamedNode(s), ox.NamedNode(p), o)
                                               for s, p, o in unique[i:i + VALUES_CHUNK]))
        for row in store.select(_FACTS_EVIDENCE, values=values):
            _collect(out, row, _iri(row["s"]), row["o"])
    return _sorted_index(out)


def _collect(out: EvidenceIndex, row: ox.QuerySolution, s: str | None, o_term: object) -> None:
    """Add one assertion row's evidence under its fact (subject, predicate, object key)."""
    p, sentence = _iri(row["p"]), row["sentence"]
    if (s is None or p is None or not isinstance(o_term, ox.NamedNode | ox.Literal)
            or not isinstance(sentence, ox.Literal)):
        return
    ev = Evidence(_doc_of(row), sentence.value)
    evs = out[(s, p, term_key(o_term))]
    if ev not in evs:
        evs.append(ev)


def _sorted_index(out: EvidenceIndex) -> EvidenceIndex:
    """Each fact's evidence by article, then sentence (a stable order for output)."""
    for evs in out.values():
        evs.sort(key=lambda e: (e.doc, e.sentence))
    return dict(out)


def _doc_of(row: ox.QuerySolution) -> str:
    file, doc = row["file"], row["doc"]
    if isinstance(file, ox.Literal):
        return file.value
    return doc_name(doc.value) if isinstance(doc, ox.NamedNode) else ""


def hop_facts(edge: Edge) -> list[tuple[str, str, ox.NamedNode | ox.Literal]]:
    """The facts whose assertions are a hop's evidence (see :func:`hop_evidence`)."""
    if edge.via is not None:
        party = vocab.ont("party")
        ends = [edge.source, edge.target] if edge.relation == "party" else [
            edge.source if edge.direction == "out" else edge.target
        ]
        return [(edge.via, party, ox.NamedNode(end)) for end in ends]
    pred = edge.predicate or vocab.ont(edge.relation)
    if edge.direction == "in":
        return [(edge.target, pred, ox.NamedNode(edge.source))]
    return [(edge.source, pred, ox.NamedNode(edge.target))]


def hop_evidence(index: EvidenceIndex, edge: Edge) -> list[Evidence]:
    """Evidence of a hop from an index holding its facts: the fact's, or for an agreement hop
    the ``party`` assertions of the ends it joins (in that order, each sentence once)."""
    out: list[Evidence] = []
    for s, p, o in hop_facts(edge):
        out += [ev for ev in index.get((s, p, term_key(o)), []) if ev not in out]
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
    """Evidence of one hop (one query); walks batch this with :meth:`Walker.load_evidence`."""
    return hop_evidence(node_evidence(store, [edge.via or edge.source]), edge)


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


def _reverse(edge: Edge) -> Edge:
    flipped = {"out": "in", "in": "out"}.get(edge.direction, edge.direction)
    return Edge(edge.target, edge.relation, flipped, edge.source, edge.via, edge.predicate)


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
        walker.expand(front)  # the whole frontier in one query
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
    """Hop distances to ``b`` up to ``max_length``, breadth first, one query per level."""
    dist = {b: 0}
    level = [b]
    for d in range(max_length):
        walker.expand(level)
        nxt: list[str] = []
        for node in level:
            for edge in walker.edges(node, endpoint=a):
                if edge.target not in dist:
                    dist[edge.target] = d + 1
                    nxt.append(edge.target)
        level = nxt
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
    every = [e for p in edge_paths for e in p]
    walker.refs([n for e in every for n in (e.source, e.target, *([e.via] if e.via else []))])
    index = facts_evidence(store, [f for e in every for f in hop_facts(e)]) if evidence else {}
    paths = [_hops(walker, p, index) for p in edge_paths]
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


_OUT_FACTS = f"SELECT ?n ?p ?o WHERE {{ ?n ?p ?o . {terms.fact_filter('p', 'o')} }}"
_IN_FACTS = f"SELECT ?n ?p ?s WHERE {{ ?s ?p ?n . {terms.edge_filter('p', 's')} }}"
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
SELECT ?n ?g ?file WHERE { GRAPH ?g { ?n rdfs:label|skos:prefLabel ?l } OPTIONAL { ?g kgo:sourceFile ?file } }
"""


def agreement_info(store: Store, iri: str) -> AgreementInfo:
    """An agreement's kind, parties, sides, event and date (for cards and answers)."""
    return agreement_infos(store, [iri])[iri]


def agreement_infos(store: Store, iris: Iterable[str]) -> dict[str, AgreementInfo]:
    """:func:`agreement_info` of several agreements in four queries (facts, sides, names,
    evidence), whatever their number."""
    wanted = list(dict.fromkeys(iris))
    if not wanted:
        return {}
    kinds: dict[str, str] = {}
    signed_on: dict[str, str] = {}
    parties: dict[str, list[str]] = defaultdict(list)
    events: dict[str, str] = {}
    for row in select_many(store, _AGREEMENT, "a", wanted):
        a, pred, obj = str(_iri(row["a"])), local_name(str(_iri(row["p"]))), row["o"]
        if pred == "agreementKind" and isinstance(obj, ox.Literal):
            kinds[a] = obj.value
        elif pred == "signedOn" and isinstance(obj, ox.Literal):
            signed_on[a] = obj.value
        elif pred == "party" and isinstance(obj, ox.NamedNode):
            parties[a].append(obj.value)
        elif pred == "signedAt" and isinstance(obj, ox.NamedNode):
            events[a] = obj.value
    sides = agreements_sides(store, wanted)
    refs = describe_nodes(store, [*wanted, *(p for ps in parties.values() for p in ps),
                                  *(m for ss in sides.values() for s in ss for m in s),
                                  *events.values()])
    index = node_evidence(store, wanted)
    party = vocab.ont("party")
    out: dict[str, AgreementInfo] = {}
    for iri in wanted:
        party_refs = sorted((refs[p] for p in set(parties[iri])), key=lambda r: r.label)
        side_refs = tuple(
            tuple(sorted((refs[m] for m in side), key=lambda r: r.label)) for side in sides[iri]
        )
        evidence: list[Evidence] = []
        for p in party_refs:
            evidence += [e for e in index.get((iri, party, p.iri), []) if e not in evidence]
        event = events.get(iri)
        out[iri] = AgreementInfo(
            refs[iri], kinds.get(iri, ""), tuple(party_refs), side_refs,
            refs[event] if event else None, signed_on.get(iri), tuple(evidence),
        )
    return out


def show(store: Store, entity: EntityRef) -> EntityCard:
    """The card of an entity: names, types, facts in and out (with evidence), agreements, posts.

    >>> from kg.store import KgStore
    >>> card = show(KgStore.memory(), EntityRef(vocab.ID + "x", "X"))
    >>> card.out, card.agreements
    ({}, [])
    """
    node = ox.NamedNode(entity.iri)
    relations = set(vocab.RELATIONS)
    pending: list[tuple[str, ox.NamedNode | ox.Literal]] = []
    for row in select(store, _OUT_FACTS, n=node):
        pred, obj = _iri(row["p"]), row["o"]
        if pred is None or (pred.startswith(vocab.ONT) and local_name(pred) not in relations):
            continue
        if isinstance(obj, ox.NamedNode | ox.Literal) and (pred, obj) not in pending:
            pending.append((pred, obj))  # the union repeats a fact stated in several graphs
    subjects = sorted({(str(_iri(r["p"])), str(_iri(r["s"])))
                       for r in select(store, _IN_FACTS, n=node)})
    post_rows = [(person, role.value, _iri(row["org"]) if row["org"] is not None else None)
                 for row in select(store, _POSTS, n=node)
                 if (person := _iri(row["person"])) and isinstance(role := row["role"], ox.Literal)]
    # one description of every node on the card, one evidence query for all its facts
    refs = describe_nodes(store, [
        *(o.value for _, o in pending if isinstance(o, ox.NamedNode)),
        *(s for _, s in subjects), *(p for p, _, _ in post_rows),
        *(o for _, _, o in post_rows if o)])
    index = node_evidence(store, [entity.iri])
    out: dict[str, list[FactValue]] = defaultdict(list)
    for pred, obj in sorted(pending, key=lambda po: (po[0], po[1].value)):
        ev = tuple(index.get((entity.iri, pred, term_key(obj)), ()))
        if isinstance(obj, ox.Literal):
            dt = local_name(obj.datatype.value) if obj.datatype else None
            out[terms.predicate_name(pred)].append(FactValue(obj.value, None, dt, ev))
        else:
            out[terms.predicate_name(pred)].append(
                FactValue(refs[obj.value].label, obj.value, None, ev))
    in_: dict[str, list[FactValue]] = defaultdict(list)
    for pred, subj in sorted(subjects, key=lambda ps: (ps[0], refs[ps[1]].label)):
        ev = tuple(index.get((subj, pred, entity.iri), ()))
        in_[terms.predicate_name(pred)].append(FactValue(refs[subj].label, subj, None, ev))
    agreements = list(agreement_infos(store, sorted(
        {str(_iri(r["a"])) for r in select(store, _AGREEMENTS_OF, n=node)})).values())
    posts = [PostInfo(refs[person], role, refs[org] if org else None)
             for person, role, org in post_rows]
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
    "agreement_infos",
    "agreements_sides",
    "check_types",
    "counterparties",
    "describe_node",
    "edge_evidence",
    "entities",
    "fact_evidence",
    "facts_evidence",
    "hop_evidence",
    "neighbors",
    "node_evidence",
    "path",
    "show",
    "term_key",
]
