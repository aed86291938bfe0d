"""GraphML, for Gephi, yEd and Cytoscape desktop.

Node ids are ``n0``, ``n1``, ... (GraphML ids are XML name tokens, which IRIs with ``/`` are
not; the IRI is the ``iri`` attribute) and edge ids ``e0``, ``e1``, ... (unique, as yEd
wants). List attributes are joined with ``"; "`` (networkx's writer refuses lists), and
evidence sentences are left to the formats that carry text (JSON and HTML).
"""

from __future__ import annotations

from typing import BinaryIO

import networkx as nx

from kg.views.style import flat_attrs


def plain_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with short ids and scalar attributes, for GraphML and GEXF.

    Edges keep their relation as the key and get a unique ``id`` attribute.
    """
    ids = {n: f"n{i}" for i, n in enumerate(graph.nodes)}
    plain = nx.MultiDiGraph()
    for n, data in graph.nodes(data=True):
        plain.add_node(ids[n], **flat_attrs(data))
    for i, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True)):
        plain.add_edge(ids[u], ids[v], key=key, id=f"e{i}", **flat_attrs(data, ("sentences",)))
    return plain


def write_graphml(graph: nx.MultiDiGraph, out: BinaryIO) -> None:
    """Write ``graph`` as GraphML (UTF-8)."""
    nx.write_graphml_xml(plain_graph(graph), out, encoding="utf-8", named_key_ids=True,
                         edge_id_from_attribute="id")
