"""kg.views.project: the property graph of the RDF graph, and networkx as an oracle.

The store is tests/data/mini.trig (three invented articles: facts with assertions, agreements
with sides, posts, merge decisions).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from kg import vocab
from kg.lookup.nodes import describe_node
from kg.query.edges import ENTITY_RELATIONS
from kg.query.paths import path as kg_path
from kg.store import KgStore, import_rdf
from kg.views.cutdown import EDGE_RELATIONS, walk
from kg.views.project import hop_graph, project

MINI = Path(__file__).parent / "data" / "mini.trig"
SUMMIT = vocab.ID + "hospital/summit-hospital"
ACME = vocab.ID + "company/acme-devices"
PAVILION = vocab.ID + "event/digital-care-pavilion"
EXPO = vocab.ID + "event/harbor-medical-expo-2022"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> KgStore:
    path = tmp_path_factory.mktemp("kg") / "store"
    with KgStore.open(path, read_only=False) as st:
        import_rdf(st, MINI)
    return KgStore.open(path, read_only=True)


@pytest.fixture(scope="module")
def graph(store: KgStore) -> nx.MultiDiGraph:
    return project(store.quads())


def _select(store: KgStore, query: str) -> set[tuple[str, ...]]:
    return {tuple(t.value for t in sol) for sol in store.select(query)}


def test_nodes_are_entities_events_and_agreements_only(store: KgStore,
                                                       graph: nx.MultiDiGraph) -> None:
    typed = _select(store, """SELECT DISTINCT ?n WHERE { ?n a ?t
        FILTER(?t NOT IN (kgo:Article, kgo:Assertion, kgo:AgreementSide, kgo:Post,
                          kgo:MergeDecision)) }""")
    assert set(graph.nodes) == {n for (n,) in typed}
    kinds = {d["type"] for _, d in graph.nodes(data=True)}
    assert "Agreement" in kinds and "Event" in kinds
    assert not kinds & {"Article", "Assertion", "Post", "AgreementSide", "MergeDecision"}
    assert not any(isinstance(n, str) and n.startswith(vocab.DOC) for n in graph.nodes)


def test_node_attributes_hold_names_types_and_literal_facts(store: KgStore,
                                                            graph: nx.MultiDiGraph) -> None:
    expo = graph.nodes[EXPO]
    ref = describe_node(store, EXPO)
    assert expo["label"] == ref.label and expo["type"] == "Event"
    assert sorted(expo["aliases"]) == sorted(set(ref.aliases) - {ref.label})
    assert len(expo["aliases"]) >= 2  # a list attribute with several values
    start = _select(store, f"SELECT ?d WHERE {{ <{EXPO}> kgo:startDate ?d }}")
    assert expo["startDate"] == sorted(d for (d,) in start)
    summit = graph.nodes[SUMMIT]
    assert summit["types"][0] == "Hospital" and "Organization" in summit["types"]
    assert summit["degree"] == graph.degree(SUMMIT)


def test_edges_are_relations_with_their_evidence(store: KgStore, graph: nx.MultiDiGraph) -> None:
    facts = _select(store, f"""SELECT DISTINCT ?s ?p ?o WHERE {{ ?s ?p ?o
        VALUES ?p {{ {' '.join(f'kgo:{r}' for r in EDGE_RELATIONS)} }} FILTER(isIRI(?o)) }}""")
    expected = {(s, p.rsplit("#", 1)[1], o) for s, p, o in facts}
    exhibitors = {(s, o) for s, r, o in expected if r == "exhibitor"}
    expected -= {(s, "participant", o) for s, o in exhibitors}  # the implied superproperty
    assert set(graph.edges(keys=True)) == {(s, o, r) for s, r, o in expected}
    edge = graph.edges[PAVILION, ACME, "exhibitor"]
    sentences = _select(store, f"""SELECT DISTINCT ?sentence ?file WHERE {{
        ?a rdf:subject <{PAVILION}> ; rdf:predicate kgo:exhibitor ; rdf:object <{ACME}> ;
           kgo:sentence ?sentence ; prov:wasDerivedFrom ?doc . ?doc kgo:sourceFile ?file }}""")
    assert edge["evidence"] == len(sentences) > 0
    assert edge["articles"] == sorted({f for _, f in sentences})
    assert sorted(tuple(s) for s in edge["sentences"]) == sorted((f, s) for s, f in sentences)


def test_networkx_shortest_paths_agree_with_kg_path(store: KgStore,
                                                    graph: nx.MultiDiGraph) -> None:
    """The oracle: on fact relations, kg path's shortest length is networkx's."""
    facts = nx.Graph()
    facts.add_edges_from((u, v) for u, v, k in graph.edges(keys=True) if k in ENTITY_RELATIONS)
    nodes = sorted(n for n in facts.nodes if graph.nodes[n]["type"] != "Agreement")[:14]
    checked = 0
    for a, b in itertools.combinations(nodes, 2):
        found = kg_path(store, describe_node(store, a), describe_node(store, b),
                        max_length=6, relations=ENTITY_RELATIONS, evidence=False)
        try:
            expected: int | None = nx.shortest_path_length(facts, a, b)
        except nx.NetworkXNoPath:
            expected = None
        if expected is not None and expected > 6:
            expected = None
        assert (len(found.paths[0]) if found.paths else None) == expected, (a, b)
        checked += expected is not None
    assert checked >= 10


@pytest.mark.parametrize("depth", [1, 2, 3])
def test_walk_in_the_store_matches_networkx_distances(store: KgStore, graph: nx.MultiDiGraph,
                                                      depth: int) -> None:
    hops = hop_graph(graph)
    for start in (SUMMIT, ACME, EXPO):
        expected = set(nx.single_source_dijkstra_path_length(hops, start, cutoff=depth))
        assert walk(store, start, depth, EDGE_RELATIONS) == expected, (start, depth)


def test_projection_of_a_construct_without_types_labels_nodes_by_iri() -> None:
    a, b = ox.NamedNode(vocab.ID + "event/x"), ox.NamedNode(vocab.ID + "place/y")
    g = project([ox.Triple(a, ox.NamedNode(vocab.ont("location")), b)])
    assert dict(g.nodes(data="label")) == {a.value: "x", b.value: "y"}
    assert g.edges[a.value, b.value, "location"]["evidence"] == 0


@pytest.mark.parametrize("depth", [1, 2])
def test_walk_reaches_what_kg_neighbors_reaches(store: KgStore, depth: int) -> None:
    """Depth counts hops as kg neighbors does: an agreement hop is one hop."""
    from kg.query.neighbors import neighbors

    for start in (SUMMIT, ACME, EXPO):
        rows = neighbors(store, describe_node(store, start), depth=depth, evidence=False)
        reached = {r.node.iri for r in rows} | {r.via.iri for r in rows if r.via} | {start}
        assert reached <= walk(store, start, depth, EDGE_RELATIONS), (start, depth)
        assert any(r.via for r in rows)  # agreement hops are part of what is compared


def test_the_plain_graph_iterates_as_networkx_does(store: KgStore) -> None:
    """GraphML is written from kg.views.graph.PropertyGraph (no networkx import): the same
    nodes, attributes, degrees and edge order as a MultiDiGraph built the way project()
    used to build it (nodes sorted, then edges added in sorted order), and the same bytes."""
    import io

    from kg.views.graph import PropertyGraph
    from kg.views.graphml import write_graphml
    from kg.views.project import property_graph

    plain = property_graph(store.quads())
    oracle = nx.MultiDiGraph()
    for n in sorted(plain.nodes):
        oracle.add_node(n, **{k: v for k, v in plain.nodes[n].items() if k != "degree"})
    for u, v, key, data in sorted(plain.edges(), key=lambda e: (e[0], e[2], e[1])):
        oracle.add_edge(u, v, key=key, **data)
    assert list(plain.nodes) == list(oracle.nodes)
    assert list(plain.edges()) == list(oracle.edges(keys=True, data=True))
    assert plain.degrees() == dict(oracle.degree())
    assert all(plain.nodes[n]["degree"] == d for n, d in oracle.degree())
    fanned = [u for u in plain.succ if len(plain.succ[u]) > 1]
    assert fanned  # nodes with several targets: the order is really exercised
    assert PropertyGraph.from_networkx(plain.to_networkx()) == plain
    as_plain, as_nx = io.BytesIO(), io.BytesIO()
    write_graphml(plain, as_plain)
    write_graphml(project(store.quads()), as_nx)
    assert as_plain.getvalue() == as_nx.getvalue()
    assert as_plain.getvalue().count(b"<edge ") == oracle.number_of_edges()
