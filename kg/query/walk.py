"""Walking the entity graph: the :class:`Walker` expands nodes, a whole frontier per query.

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
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import pyoxigraph as ox

from kg import terms, vocab
from kg.errors import UsageError
from kg.lookup.nodes import STRUCTURAL_TYPES, EntityRef, describe_nodes
from kg.lookup.queries import select, select_many
from kg.query.edges import WALK_RELATIONS, Direction, Edge
from kg.query.evidence import Evidence, hop_evidence, node_evidence
from kg.query.rows import iri_of
from kg.query.sides import agreements_sides, counterparties
from kg.store.base import Store

_SUB_OF: dict[str, str] = {
    sub: sup for sub, sups in vocab.SUPERPROPERTIES.items() for sup in sups
}


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
            node, kind, pred, other = iri_of(row["n"]), row["kind"], iri_of(row["p"]), iri_of(row["o"])
            via = iri_of(row["via"]) if row["via"] is not None else None
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
