"""kg export: every format read back by a real parser (rdflib, networkx, json, Graphviz).

The store is tests/data/mini.trig. View formats are compared with the projection of the same
store (the oracle), so a writer that drops, duplicates or mangles a node or edge fails.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from external import require
from rdflib.compare import isomorphic

from kg.formats import GraphFormat, RdfFormat
from kg.store import KgStore, import_rdf
from kg.views import Selection, export
from kg.views.project import project
from kg.views.registry import WRITERS
from kg.views.style import colour, rgb

MINI = Path(__file__).parent / "data" / "mini.trig"
_RDFLIB = {RdfFormat.nt: "nt", RdfFormat.ttl: "turtle", RdfFormat.xml: "xml",
           RdfFormat.trig: "trig", RdfFormat.nq: "nquads", RdfFormat.jsonld: "json-ld"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> KgStore:
    path = tmp_path_factory.mktemp("kg") / "store"
    with KgStore.open(path, read_only=False) as st:
        import_rdf(st, MINI)
    return KgStore.open(path, read_only=True)


@pytest.fixture(scope="module")
def oracle(store: KgStore) -> nx.MultiDiGraph:
    return project(store.quads())


def dump(store: KgStore, fmt: GraphFormat, selection: Selection | None = None) -> bytes:
    buf = io.BytesIO()
    export(store, fmt, buf, selection)
    return buf.getvalue()


def _union(store: KgStore) -> rdflib.Graph:
    g = rdflib.Graph()
    for q in store.quads():
        g.parse(data=f"{q.subject} {q.predicate} {q.object} .", format="nt")
    return g


def test_the_registry_has_exactly_the_issue_formats() -> None:
    assert [f.value for f in WRITERS] == [f.value for f in GraphFormat]
    assert [f.value for f in WRITERS if WRITERS[f].is_rdf] == [f.value for f in RdfFormat]


@pytest.mark.parametrize("fmt", list(RdfFormat))
def test_rdf_formats_round_trip_through_rdflib(store: KgStore, fmt: RdfFormat) -> None:
    data = dump(store, GraphFormat(fmt.value))
    if fmt.keeps_graphs:
        ds = rdflib.Dataset()
        ds.parse(data=data.decode("utf-8"), format=_RDFLIB[fmt])
        got = {(s.n3(), p.n3(), o.n3(), g.n3()) for s, p, o, g in ds.quads((None, None, None, None))
               if g is not None}
        want = {(rdflib.URIRef(q.subject.value).n3(), rdflib.URIRef(q.predicate.value).n3(),
                 _lit(q.object), rdflib.URIRef(q.graph_name.value).n3())
                for q in store.quads()}
        assert got == want
    else:
        g = rdflib.Graph()
        g.parse(data=data.decode("utf-8"), format=_RDFLIB[fmt])
        assert isomorphic(g, _union(store))


def _lit(term: object) -> str:
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language).n3()
        dt = None if term.datatype.value.endswith("#string") else rdflib.URIRef(term.datatype.value)
        return rdflib.Literal(term.value, datatype=dt).n3()
    assert isinstance(term, ox.NamedNode)
    return rdflib.URIRef(term.value).n3()


def test_jsonld_is_compact_with_the_kg_context(store: KgStore) -> None:
    doc = json.loads(dump(store, GraphFormat.jsonld))
    assert doc["@context"]["kgo"] == "https://w3id.org/kg-health/ontology#"
    graphs = {g["@id"]: g["@graph"] for g in doc["@graph"]}
    assert sorted(graphs) == ["kgdoc:a1_expo.txt", "kgdoc:a2_forum.txt", "kgdoc:a3_expo2023.txt"]
    graph = graphs["kgdoc:a1_expo.txt"]
    node = next(n for n in graph if n["@id"] == "kg:hospital/summit-hospital")
    assert node["@type"] == ["kgo:Hospital", "kgo:Organization"]
    assert node["rdfs:label"] == [{"@value": "Summit Hospital"}]
    assert "https://w3id.org" not in json.dumps(graph)


def _same_graph(read: nx.MultiDiGraph, oracle: nx.MultiDiGraph) -> None:
    """``read`` (n0, n1, ... with an ``iri`` attribute) is the oracle, relation for relation."""
    iri = dict(read.nodes(data="iri"))
    assert sorted(iri.values()) == sorted(oracle.nodes)
    edges = sorted((iri[u], iri[v], d["relation"]) for u, v, d in read.edges(data=True))
    assert edges == sorted(oracle.edges(keys=True))
    for n, d in read.nodes(data=True):
        want = oracle.nodes[iri[n]]
        assert d["label"] == want["label"] and d["type"] == want["type"]
        assert d["aliases"] == "; ".join(want["aliases"])  # lists flattened, not lost
        assert int(d["degree"]) == want["degree"]
    for u, v, d in read.edges(data=True):
        want = oracle.edges[iri[u], iri[v], d["relation"]]
        assert int(d["evidence"]) == want["evidence"]
        assert d["articles"] == "; ".join(want["articles"])


def test_graphml_reads_back_with_networkx(store: KgStore, oracle: nx.MultiDiGraph) -> None:
    data = dump(store, GraphFormat.graphml)
    read = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    assert isinstance(read, nx.MultiDiGraph)
    _same_graph(read, oracle)
    ids = re.findall(rb'<edge [^>]*\bid="([^"]+)"', data)
    assert len(ids) == len(set(ids)) == oracle.number_of_edges()  # unique edge ids (yEd)


def test_gexf_reads_back_with_networkx_and_colours_by_type(store: KgStore,
                                                          oracle: nx.MultiDiGraph) -> None:
    read = nx.read_gexf(io.BytesIO(dump(store, GraphFormat.gexf)))
    _same_graph(read, oracle)
    for _, d in read.nodes(data=True):
        c = d["viz"]["color"]
        assert (c["r"], c["g"], c["b"]) == rgb(colour(d["type"]))


def test_cytoscape_json_has_the_cytoscape_js_shape(store: KgStore,
                                                   oracle: nx.MultiDiGraph) -> None:
    doc = json.loads(dump(store, GraphFormat.cytoscape))
    nodes, edges = doc["elements"]["nodes"], doc["elements"]["edges"]
    assert sorted(n["data"]["id"] for n in nodes) == sorted(oracle.nodes)
    ids = {n["data"]["id"] for n in nodes}
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    assert len({e["data"]["id"] for e in edges}) == len(edges) == oracle.number_of_edges()
    assert sorted((e["data"]["source"], e["data"]["target"], e["data"]["relation"])
                  for e in edges) == sorted(oracle.edges(keys=True))
    summit = next(n["data"] for n in nodes if n["data"]["label"] == "Summit Hospital")
    assert summit["color"] == colour("Hospital") and isinstance(summit["types"], list)
    assert any(e["data"]["sentences"] for e in edges)


def test_d3_json_is_node_link(store: KgStore, oracle: nx.MultiDiGraph) -> None:
    doc = json.loads(dump(store, GraphFormat.d3))
    assert sorted(n["id"] for n in doc["nodes"]) == sorted(oracle.nodes)
    assert sorted((ln["source"], ln["target"], ln["relation"]) for ln in doc["links"]) == sorted(
        oracle.edges(keys=True))
    read = nx.node_link_graph(doc, edges="links")
    assert nx.utils.graphs_equal(nx.MultiDiGraph(read), oracle)


def test_dot_is_read_by_graphviz(store: KgStore, oracle: nx.MultiDiGraph) -> None:
    dot = require("dot", "graphviz")
    source = dump(store, GraphFormat.dot)
    svg = subprocess.run([dot, "-Tsvg"], input=source, capture_output=True, check=True).stdout
    assert svg.count(b'class="node"') == oracle.number_of_nodes()
    assert svg.count(b'class="edge"') == oracle.number_of_edges()
    assert b"Summit Hospital" in svg
    # a label with quotes, braces and a backslash survives quoting
    assert b"O&#39;Brien &quot;Labs&quot; {x} &lt;y&gt; # SELECT \\ DROP ALL</text>" in svg


def test_mermaid_lists_every_node_and_edge(store: KgStore, oracle: nx.MultiDiGraph) -> None:
    text = dump(store, GraphFormat.mermaid).decode("utf-8")
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    nodes = dict(re.findall(r'^  (n\d+)\["([^"]*)"\]:::\w+$', text, re.M))
    edges = re.findall(r'^  (n\d+) -->\|"(\w+)"\| (n\d+)$', text, re.M)
    escapes = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;"}
    assert sorted(nodes.values()) == sorted(
        "".join(escapes.get(ch, ch) for ch in " ".join(d["label"].split()))
        for _, d in oracle.nodes(data=True))
    assert "O'Brien #quot;Labs#quot; {x} #lt;y#gt; #35; SELECT \\ DROP ALL" in nodes.values()
    assert len(edges) == oracle.number_of_edges()
    assert all(a in nodes and b in nodes for a, _, b in edges)
    assert len(lines) == 1 + len(nodes) + len(edges) + len(re.findall("classDef", text))


def test_cut_downs_apply_to_rdf_too(store: KgStore) -> None:
    sel = Selection(around="Summit Hospital", depth=1)
    g = rdflib.Graph()
    g.parse(data=dump(store, GraphFormat.ttl, sel).decode("utf-8"), format="turtle")
    view = project(ox.parse(dump(store, GraphFormat.nt, sel), ox.RdfFormat.N_TRIPLES))
    from_rdf = project(ox.parse(g.serialize(format="nt").encode(), ox.RdfFormat.N_TRIPLES))
    assert nx.utils.graphs_equal(view, from_rdf)
    assert "https://w3id.org/kg-health/id/hospital/summit-hospital" in view
    assert view.number_of_nodes() < 20


def test_render_svg_runs_graphviz(store: KgStore) -> None:
    require("dot", "graphviz")
    buf = io.BytesIO()
    export(store, GraphFormat.dot, buf, Selection(around="Summit Hospital"), render="svg")
    assert buf.getvalue().lstrip().startswith(b"<?xml") and b"<svg" in buf.getvalue()
    assert b"Summit Hospital" in buf.getvalue()


def test_list_attributes_and_control_characters_do_not_break_xml_writers() -> None:
    """Several aliases and types, and a stray control character, in GraphML and GEXF."""
    from kg import vocab
    from kg.views.gexf import write_gexf
    from kg.views.graphml import write_graphml

    a = ox.NamedNode(vocab.ID + "hospital/a")
    b = ox.NamedNode(vocab.ID + "event/b")
    label, alt = ox.NamedNode(vocab.RDFS_LABEL), ox.NamedNode(vocab.SKOS_ALT)
    triples = [
        ox.Triple(a, ox.NamedNode(vocab.RDF_TYPE), ox.NamedNode(vocab.ont(t)))
        for t in ("Hospital", "Organization")
    ] + [
        ox.Triple(a, label, ox.Literal("A & <Co> Hospital\x01")),
        ox.Triple(a, alt, ox.Literal("AH")), ox.Triple(a, alt, ox.Literal("A Hosp")),
        ox.Triple(b, ox.NamedNode(vocab.ont("participant")), a),
        ox.Triple(b, ox.NamedNode(vocab.ont("theme")), ox.Literal("x")),
        ox.Triple(b, ox.NamedNode(vocab.ont("theme")), ox.Literal("y")),
    ]
    g = project(triples)
    for write, read in ((write_graphml, nx.read_graphml), (write_gexf, nx.read_gexf)):
        buf = io.BytesIO()
        write(g, buf)
        back = read(io.BytesIO(buf.getvalue()))
        nodes = {d["iri"]: d for _, d in back.nodes(data=True)}
        assert nodes[a.value]["label"] == "A & <Co> Hospital"
        assert nodes[a.value]["aliases"] == "A Hosp; AH"
        assert nodes[a.value]["types"] == "Hospital; Organization"
        assert nodes[b.value]["theme"] == "x; y"
        assert back.number_of_edges() == 1


def test_a_cut_down_is_a_sub_graph_with_whole_assertions(store: KgStore) -> None:
    cut = {q.triple for q in ox.parse(dump(store, GraphFormat.nt, Selection(around="Acme Devices")),
                                      ox.RdfFormat.N_TRIPLES)}
    union = {q.triple for q in store.quads()}
    assert cut and cut <= union
    assertion = ox.NamedNode("https://w3id.org/kg-health/ontology#Assertion")
    kept = {t.subject for t in cut if t.object == assertion}
    assert kept
    for a in kept:  # every triple of a kept assertion comes along
        assert {t for t in union if t.subject == a} <= cut
    docs = {t.object for t in cut if t.predicate.value.endswith("wasDerivedFrom")}
    assert all(any(t.subject == d for t in cut) for d in docs)  # with its article record


@pytest.mark.parametrize("fmt", list(RdfFormat))
def test_every_rdf_format_carries_the_same_cut_down(store: KgStore, fmt: RdfFormat) -> None:
    sel = Selection(types=("Hospital", "Company", "Agreement"))
    want = rdflib.Graph()
    want.parse(data=dump(store, GraphFormat.nt, sel).decode("utf-8"), format="nt")
    assert len(want) > 20
    text = dump(store, GraphFormat(fmt.value), sel).decode("utf-8")
    got = rdflib.Dataset() if fmt.keeps_graphs else rdflib.Graph()
    got.parse(data=text, format=_RDFLIB[fmt])
    triples = rdflib.Graph()
    for s, p, o, *_ in (got.quads((None, None, None, None)) if fmt.keeps_graphs else got):
        triples.add((s, p, o))
    assert isomorphic(triples, want)
