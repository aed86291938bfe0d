"""The one registry of graph writers, keyed by the format names of :class:`GraphFormat`.

Why a registry: ``kg export`` and ``kg sparql`` (for CONSTRUCT results) offer the same
formats, and a new format is one small module plus one line here. An RDF writer reads the
quads (:class:`~kg.views.cutdown.GraphData`); a view writer reads the property graph that
:func:`kg.views.project.project` makes of them, and is imported only when used, so RDF
exports never import networkx.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any, BinaryIO, Final

from kg.formats import GraphFormat

# A view writer takes a networkx MultiDiGraph, or the plain PropertyGraph when the registry
# says so (``Writer.networkx``): either way the graph of kg.views.project.
ViewWriter = Callable[[Any, BinaryIO], None]


@dataclass(frozen=True)
class Writer:
    """One output format: what it is for, its file extension and, for views, its writer.

    ``view`` is ``"module:function"`` under :mod:`kg.views`, resolved on first use; RDF
    formats have none (:func:`kg.views.rdf.write_rdf` writes them all). ``networkx`` says
    whether the view writer takes a networkx graph; when not, it gets the plain
    :class:`~kg.views.graph.PropertyGraph` and the export never imports networkx.
    """

    format: GraphFormat
    extension: str
    summary: str
    view: str | None = None
    networkx: bool = True

    @property
    def is_rdf(self) -> bool:
        """Whether this writes RDF (and reads quads) rather than a projected view."""
        return self.view is None

    def view_writer(self) -> ViewWriter:
        """The function writing this view (imports its module)."""
        if self.view is None:
            raise ValueError(f"{self.format.value} is RDF, not a view")
        module, func = self.view.split(":")
        writer: ViewWriter = getattr(import_module(f"kg.views.{module}"), func)
        return writer


_ALL: Final = (
    Writer(GraphFormat.nt, "nt", "N-Triples, sorted: the union of the article graphs"),
    Writer(GraphFormat.ttl, "ttl", "Turtle: the union of the article graphs"),
    Writer(GraphFormat.trig, "trig", "TriG: one named graph per article"),
    Writer(GraphFormat.nq, "nq", "N-Quads: one named graph per article"),
    Writer(GraphFormat.jsonld, "jsonld", "JSON-LD, compact (@context of the kg prefixes)"),
    Writer(GraphFormat.xml, "rdf", "RDF/XML: the union of the article graphs"),
    Writer(GraphFormat.graphml, "graphml", "GraphML for Gephi, yEd, Cytoscape desktop",
           "graphml:write_graphml", networkx=False),
    Writer(GraphFormat.gexf, "gexf", "GEXF for Gephi, coloured by type", "gexf:write_gexf"),
    Writer(GraphFormat.dot, "dot", "Graphviz DOT (--render svg|png runs dot)", "dot:write_dot"),
    Writer(GraphFormat.cytoscape, "cyjs", "Cytoscape.js JSON elements",
           "cytoscape:write_cytoscape"),
    Writer(GraphFormat.d3, "json", "D3 node-link JSON", "d3:write_d3"),
    Writer(GraphFormat.mermaid, "mmd", "Mermaid flowchart", "mermaid:write_mermaid"),
    Writer(GraphFormat.html, "html", "one self-contained interactive page", "html:write_html"),
)

WRITERS: Final[dict[GraphFormat, Writer]] = {w.format: w for w in _ALL}


# File extensions that name a format (``.json`` does not: JSON-LD, D3 and Cytoscape all use it).
_EXTENSIONS: Final[dict[str, GraphFormat]] = {
    **{w.extension: w.format for w in _ALL if w.extension != "json"},
    "turtle": GraphFormat.ttl, "nquads": GraphFormat.nq, "xml": GraphFormat.xml,
    "owl": GraphFormat.xml, "gv": GraphFormat.dot, "htm": GraphFormat.html,
}


def format_for_path(name: str) -> GraphFormat | None:
    """The format a file name's extension names, or None (``--format`` then decides).

    >>> format_for_path("out/graph.graphml"), format_for_path("graph.json")
    (<GraphFormat.graphml: 'graphml'>, None)
    """
    suffix = name.rsplit("/", 1)[-1].rpartition(".")[2].lower() if "." in name else ""
    return _EXTENSIONS.get(suffix)


def writer_for(name: str | GraphFormat) -> Writer:
    """The writer of a format name; an unknown name is a one-line :class:`UsageError`.

    >>> writer_for("gexf").extension
    'gexf'
    """
    from kg.errors import UsageError

    try:
        return WRITERS[GraphFormat(name)]
    except ValueError:
        raise UsageError(
            f"unknown format {name!r}; use one of: {', '.join(f.value for f in GraphFormat)}"
        ) from None
