"""GEXF 1.2, for Gephi: nodes coloured by type (``viz:color``) and sized by degree.

Ids, edge ids and flattened lists as in GraphML (:func:`kg.views.graphml.plain_graph`).
"""

from __future__ import annotations

from typing import BinaryIO

import networkx as nx

from kg.views.graphml import plain_graph
from kg.views.style import colour, rgb


def write_gexf(graph: nx.MultiDiGraph, out: BinaryIO) -> None:
    """Write ``graph`` as GEXF 1.2 with colours by type."""
    plain = plain_graph(graph)
    for _, data in plain.nodes(data=True):
        r, g, b = rgb(colour(str(data.get("type", ""))))
        data["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0},
                       "size": 5.0 + float(data.get("degree", 0))}
    nx.write_gexf(plain, out, encoding="utf-8", version="1.2draft")
