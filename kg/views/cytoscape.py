"""Cytoscape.js JSON: ``{"elements": {"nodes": [{"data": ...}], "edges": [{"data": ...}]}}``.

The shape ``cy.add()`` and Cytoscape desktop's "import network from JSON" read. Node ids
are the IRIs; edge ids ``e0``, ``e1``, ...; every attribute is kept, lists as lists, with the
type's colour as ``color`` and the evidence sentences as ``sentences`` ([article, sentence]
pairs). The HTML page draws these same elements.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

import networkx as nx

from kg.views.style import colour


def elements(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The Cytoscape.js elements of ``graph``."""
    nodes = [{"data": {"id": n, **d, "color": colour(str(d.get("type", "")))}}
             for n, d in graph.nodes(data=True)]
    edges = [{"data": {"id": f"e{i}", "source": u, "target": v, **d}}
             for i, (u, v, d) in enumerate(graph.edges(data=True))]
    return {"elements": {"nodes": nodes, "edges": edges}}


def write_cytoscape(graph: nx.MultiDiGraph, out: BinaryIO) -> None:
    """Write ``graph`` as Cytoscape.js JSON (UTF-8)."""
    out.write(json.dumps(elements(graph), ensure_ascii=False, indent=1).encode("utf-8"))
    out.write(b"\n")
