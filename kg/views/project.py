"""The projection of the RDF graph onto a property graph, shared by every view.

Why: Gephi, Cytoscape, yEd, Graphviz and browsers draw nodes and edges with attributes, not
triples. One function, :func:`project`, decides what a node and an edge are, so every view
format shows the same graph, and tests use the same graph as an oracle for ``kg path``.

* Nodes are the entities, events and agreements: every subject typed with an ontology class
  that is not scaffolding (articles, assertions, posts, agreement sides, merge decisions),
  plus any IRI at either end of a relation (a user's CONSTRUCT may leave types out).
  Attributes (:class:`ViewNode`): ``iri``, ``label`` (the name most articles agree on),
  ``type`` (most specific class), ``types``, ``aliases``, each literal fact under its
  relation name (``startDate``, ``theme``, ...; an agreement's ``agreementKind`` and
  ``signedOn``), and ``degree`` (edges in and out).
* Edges are relations between nodes, keyed by relation name in a MultiDiGraph
  (:class:`ViewEdge`): ``relation``, ``label``, ``evidence`` (the number of distinct
  evidence sentences), ``articles`` (the files they come from) and ``sentences`` (pairs of
  article and sentence, for the formats that can carry text). A materialised superproperty
  (``participant`` beside ``exhibitor``) is dropped: the specific relation says it.
* Provenance (assertions, articles) and literals never become nodes.

List-valued attributes stay lists here; each writer flattens them as its format needs.
:func:`property_graph` builds the plain form (:mod:`kg.views.graph`, no networkx: GraphML is
written from it), :func:`project` the networkx ``MultiDiGraph`` the other views draw.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

import pyoxigraph as ox

from kg import vocab
from kg.lookup.nodes import STRUCTURAL_TYPES, local_name, order_types, pick_label
from kg.views.cutdown import EDGE_RELATIONS
from kg.views.graph import PropertyGraph

if TYPE_CHECKING:
    import networkx as nx

_EDGE_PREDICATES: Final = {vocab.ont(r): r for r in EDGE_RELATIONS}
_NODE_LITERALS: Final = {
    vocab.ont(r): r for r in (*sorted(vocab.LITERAL_RELATIONS), "agreementKind", "signedOn")
}
_RDF_TYPE: Final = vocab.RDF_TYPE
_LABEL: Final = vocab.RDFS_LABEL
_ALT: Final = vocab.SKOS_ALT
_SUBJECT: Final = vocab.RDF + "subject"
_PREDICATE: Final = vocab.RDF + "predicate"
_OBJECT: Final = vocab.RDF + "object"
_SENTENCE: Final = vocab.ont("sentence")
_DERIVED: Final = vocab.PROV + "wasDerivedFrom"
_SOURCE_FILE: Final = vocab.ont("sourceFile")

# Attributes every node carries, and the literal facts a node may add (lists of strings).
NODE_ATTRIBUTES: Final = ("iri", "label", "type", "types", "aliases", "degree")
LITERAL_ATTRIBUTES: Final = tuple(_NODE_LITERALS.values())
EDGE_ATTRIBUTES: Final = ("relation", "label", "evidence", "articles", "sentences")


@dataclass(frozen=True)
class ViewNode:
    """A node of a view: an entity, event or agreement with its names and literal facts."""

    iri: str
    label: str
    type: str
    types: tuple[str, ...]
    aliases: tuple[str, ...]
    literals: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def attrs(self) -> dict[str, Any]:
        """The networkx attributes (lists stay lists; writers flatten them)."""
        out: dict[str, Any] = {"iri": self.iri, "label": self.label, "type": self.type,
                               "types": list(self.types), "aliases": list(self.aliases)}
        out.update({k: list(v) for k, v in self.literals.items()})
        return out


@dataclass(frozen=True)
class ViewEdge:
    """An edge of a view: one relation between two nodes, with its evidence."""

    source: str
    target: str
    relation: str
    sentences: tuple[tuple[str, str], ...]  # (article file, sentence), sorted

    def attrs(self) -> dict[str, Any]:
        """The networkx attributes, ``evidence`` being the number of distinct sentences."""
        return {
            "relation": self.relation, "label": self.relation, "evidence": len(self.sentences),
            "articles": sorted({doc for doc, _ in self.sentences}),
            "sentences": [list(s) for s in self.sentences],
        }


class _Collector:
    """One pass over the triples, keeping only what the projection needs, as strings."""

    def __init__(self) -> None:
        self.types: dict[str, set[str]] = defaultdict(set)
        self.labels: dict[str, Counter[str]] = defaultdict(Counter)  # label -> graphs stating it
        self.aliases: dict[str, set[str]] = defaultdict(set)
        self.literals: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.edges: set[tuple[str, str, str]] = set()
        self.statement: dict[str, list[str]] = defaultdict(lambda: ["", "", ""])
        self.sentence: dict[str, str] = {}
        self.derived: dict[str, str] = {}
        self.files: dict[str, str] = {}

    def add_all(self, triples: Iterable[ox.Quad | ox.Triple]) -> None:
        # The hot loop of a whole-store export: plain attribute reads, one dict look-up.
        edge_preds, node_lits, ont = _EDGE_PREDICATES, _NODE_LITERALS, vocab.ONT
        for t in triples:
            o, subject = t.object, t.subject
            if isinstance(o, ox.Triple) or isinstance(subject, ox.Triple):
                continue  # RDF-star terms are not part of the kg model
            p = t.predicate.value
            s = subject.value
            if p == _RDF_TYPE:
                kind = o.value
                if kind.startswith(ont):
                    self.types[s].add(kind[len(ont):])
            elif p == _LABEL:
                self.labels[s][o.value] += 1
            elif p == _ALT:
                self.aliases[s].add(o.value)
            elif p in edge_preds:
                if isinstance(o, ox.NamedNode):
                    self.edges.add((s, edge_preds[p], o.value))
            elif p in node_lits:
                self.literals[s][node_lits[p]].add(o.value)
            elif p == _SUBJECT:
                self.statement[s][0] = o.value
            elif p == _PREDICATE:
                self.statement[s][1] = o.value
            elif p == _OBJECT:
                self.statement[s][2] = o.value
            elif p == _SENTENCE:
                self.sentence[s] = o.value
            elif p == _DERIVED:
                self.derived[s] = o.value
            elif p == _SOURCE_FILE:
                self.files[s] = o.value


def _doc_file(doc: str, files: dict[str, str]) -> str:
    if doc in files:
        return files[doc]
    from kg.query.evidence import doc_name

    return doc_name(doc)


def project(triples: Iterable[ox.Quad | ox.Triple]) -> nx.MultiDiGraph:
    """The property graph of an RDF graph as a networkx ``MultiDiGraph``.

    >>> t = ox.Triple(ox.NamedNode(vocab.ID + "a"), ox.NamedNode(vocab.ont("host")),
    ...               ox.NamedNode(vocab.ID + "b"))
    >>> sorted(project([t]).edges(keys=True))
    [('https://w3id.org/kg-health/id/a', 'https://w3id.org/kg-health/id/b', 'host')]
    """
    return property_graph(triples).to_networkx()


def property_graph(triples: Iterable[ox.Quad | ox.Triple]) -> PropertyGraph:
    """The property graph of an RDF graph (see the module docstring for what it holds).

    Quads are read as triples (graph names ignored), so the whole store and a cut-down
    project alike; a triple stated in several article graphs counts once, but a label
    stated by more articles wins over a rarer one.
    """
    c = _Collector()
    c.add_all(triples)
    evidence: dict[tuple[str, str, str], set[tuple[str, str]]] = defaultdict(set)
    for a, (s, p, o) in c.statement.items():
        sentence = c.sentence.get(a)
        if sentence is None or not p.startswith(vocab.ONT):
            continue
        doc = c.derived.get(a)
        evidence[(s, p[len(vocab.ONT):], o)].add((_doc_file(doc, c.files) if doc else "", sentence))
    nodes = {n for n, ts in c.types.items() if ts and not ts & STRUCTURAL_TYPES}
    edges = {(s, r, o) for s, r, o in c.edges if s != o}
    edges -= {(s, sup, o) for s, r, o in edges for sup in vocab.SUPERPROPERTIES.get(r, ())}
    nodes |= {s for s, _, _ in edges} | {o for _, _, o in edges}
    graph = PropertyGraph()
    for n in sorted(nodes):
        types = order_types(c.types.get(n, ()))
        label = pick_label(c.labels[n].elements()) if c.labels.get(n) else local_name(n)
        node = ViewNode(
            iri=n, label=label, type=types[0] if types else "Thing", types=types,
            aliases=tuple(sorted(c.aliases.get(n, set()) - {label})),
            literals={k: tuple(sorted(v)) for k, v in sorted(c.literals.get(n, {}).items())},
        )
        graph.add_node(n, node.attrs())
    for s, r, o in sorted(edges):
        edge = ViewEdge(s, o, r, tuple(sorted(evidence.get((s, r, o), ()))))
        graph.add_edge(s, o, r, edge.attrs())
    for n, deg in graph.degrees().items():
        graph.nodes[n]["degree"] = deg
    return graph


def hop_graph(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """Hops as ``kg neighbors`` and ``kg path`` count them, as a weighted directed graph.

    Every edge can be walked both ways at cost 1, except out of an agreement, which costs 0:
    ``X -> agreement -> Y`` is one hop between two parties (or a party and the event where
    the agreement was signed). Distances from ``nx.single_source_dijkstra_path_length`` on
    this graph are the depths of :func:`kg.views.cutdown.walk`.
    """
    import networkx as nx

    hops = nx.DiGraph()
    hops.add_nodes_from(graph.nodes)
    for u, v in graph.edges():
        for a, b in ((u, v), (v, u)):
            weight = 0 if graph.nodes[a].get("type") == "Agreement" else 1
            hops.add_edge(a, b, weight=weight)
    return hops


def type_counts(graph: nx.MultiDiGraph) -> Counter[str]:
    """How many nodes of each (most specific) type, for legends."""
    return Counter(str(d.get("type", "Thing")) for _, d in graph.nodes(data=True))
