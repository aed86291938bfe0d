"""A self-contained interactive HTML page: one file, no CDN, no network.

Cytoscape.js (vendored from the npm registry with its licence in ``static/``) is inlined,
with the graph as Cytoscape.js elements (:mod:`kg.views.cytoscape`) in a JSON script tag.
The page pans and zooms, colours nodes by type with a legend, finds nodes by name or alias
from a search box and, on a click, lists the node's facts with their evidence sentences and
articles. Large graphs get a grid layout instead of the force layout, which would stall.
"""

from __future__ import annotations

import html
import json
import re
from importlib.resources import files
from typing import BinaryIO

import networkx as nx

from kg.views.cytoscape import elements

LIBRARY = "cytoscape.min.js"
LICENCE = "cytoscape.LICENSE"


def _static(name: str) -> str:
    return files("kg.views").joinpath("static", name).read_text(encoding="utf-8")


_SLOTS = re.compile(r"__TITLE__|/\*CYTOSCAPE\*/|/\*DATA\*/")


def page(graph: nx.MultiDiGraph, title: str = "kg graph") -> str:
    """The HTML page of ``graph``.

    The JSON has every ``<`` written ``\\u003c``, so no name or sentence can close its
    script element; the library is checked to hold no ``</`` for the same reason.
    """
    library = _static(LIBRARY)
    if "</" in library or "<!--" in library:
        raise ValueError(f"{LIBRARY} cannot be inlined as is: it contains '</' or '<!--'")
    licence = "/*! Cytoscape.js, vendored. Licence:\n" + _static(LICENCE).replace("*/", "* /")
    data = json.dumps(elements(graph), ensure_ascii=False).replace("<", "\\u003c")
    slots = {"__TITLE__": html.escape(title), "/*CYTOSCAPE*/": licence + "*/\n" + library,
             "/*DATA*/": data}
    return _SLOTS.sub(lambda m: slots[m.group(0)], _static("page.html"))


def write_html(graph: nx.MultiDiGraph, out: BinaryIO) -> None:
    """Write the page of ``graph`` (UTF-8)."""
    n, e = graph.number_of_nodes(), graph.number_of_edges()
    out.write(page(graph, f"kg graph: {n} nodes, {e} edges").encode("utf-8"))
