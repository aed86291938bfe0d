"""Exports of the graph: RDF serialisations and views for visual tools.

The stages, one module each: :mod:`~kg.views.cutdown` fetches the part of the store an
export covers (:class:`Selection` -> :class:`GraphData`, cut in the store with SPARQL);
:mod:`~kg.views.registry` maps every format name to its writer; RDF formats are written
from the quads (:mod:`~kg.views.rdf`), views from the property graph of
:func:`kg.views.project.project` (GraphML, GEXF, DOT, Cytoscape.js, D3, Mermaid, HTML).

>>> import io, pathlib, tempfile
>>> from kg.store import KgStore
>>> with KgStore.open(pathlib.Path(tempfile.mkdtemp()) / "s", read_only=False) as st:
...     buf = io.BytesIO(); export(st, GraphFormat.nt, buf); buf.getvalue()
b''
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

import pyoxigraph as ox

from kg.formats import GraphFormat
from kg.store.base import Store
from kg.views.cutdown import GraphData, Selection, fetch
from kg.views.registry import WRITERS, Writer, writer_for


def _checked(fmt: GraphFormat, render: str | None) -> Writer:
    writer = writer_for(fmt)
    if render is not None and fmt is not GraphFormat.dot:
        from kg.errors import UsageError

        raise UsageError(f"--render draws Graphviz output; use it with --format dot, not {fmt.value}")
    return writer


def write_graph(fmt: GraphFormat, data: GraphData, out: BinaryIO, *, render: str | None = None) -> None:
    """Write ``data`` in ``fmt``; ``render`` (svg, png) turns DOT into an image with Graphviz."""
    writer = _checked(fmt, render)
    if writer.is_rdf:
        from kg.views.rdf import write_rdf

        rdf = fmt.rdf
        assert rdf is not None  # every RDF writer has an RDF format
        write_rdf(rdf, data, out)
        return
    from kg.views.project import property_graph

    graph = property_graph(data.quads())
    if render is not None:
        from kg.views.dot import dot_text
        from kg.views.dot import render as render_dot

        render_dot(dot_text(graph.to_networkx()), render, out)
    else:
        writer.view_writer()(graph.to_networkx() if writer.networkx else graph, out)
    out.flush()


def write_triples(fmt: GraphFormat, triples: Iterable[ox.Triple], out: BinaryIO) -> None:
    """Write a CONSTRUCT/DESCRIBE result (``kg sparql``) in any export format.

    The result is read whole first: an evaluation error half-way is a :class:`QueryError`
    and leaves nothing half-written.
    """
    from kg.errors import QueryError

    try:
        listed = list(triples)
    except (OSError, RuntimeError) as err:
        raise QueryError(f"the SPARQL query failed: {' '.join(str(err).split())}") from None
    write_graph(fmt, GraphData.of_triples(listed), out)


def export(
    store: Store, fmt: GraphFormat, out: BinaryIO, selection: Selection | None = None,
    *, render: str | None = None,
) -> None:
    """Write the store, or the cut-down ``selection`` of it, in ``fmt`` to ``out``."""
    writer = _checked(fmt, render)
    data = fetch(store, selection or Selection(), view=not writer.is_rdf)
    write_graph(fmt, data, out, render=render)


__all__ = ["WRITERS", "GraphData", "GraphFormat", "Selection", "Writer", "export", "fetch",
           "write_graph", "write_triples", "writer_for"]
