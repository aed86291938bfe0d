"""D3 node-link JSON: ``{"nodes": [{"id": ...}], "links": [{"source", "target"}]}``.

The shape of d3-force examples (``d3.forceLink(links).id(d => d.id)``), written by
networkx's own ``node_link_data``; link ``key`` is the relation.
"""

from __future__ import annotations

import json
from typing import BinaryIO

import networkx as nx


def write_d3(graph: nx.MultiDiGraph, out: BinaryIO) -> None:
    """Write ``graph`` as node-link JSON (UTF-8)."""
    data = nx.node_link_data(graph, edges="links")
    out.write(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    out.write(b"\n")
