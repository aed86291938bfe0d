"""``kg export``: the graph, or a cut-down of it, as RDF or as a view for a visual tool.

The command parses its options into a :class:`kg.views.Selection`, calls
:func:`kg.views.export` and writes the bytes to stdout or, atomically, to ``--output``.
``kg sparql`` writes its CONSTRUCT results through the same registry
(:func:`write_construct`), so both commands offer the same formats.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO

import typer

from kg.errors import InputError, UsageError
from kg.formats import GraphFormat

from . import render
from .app import app, opened

if TYPE_CHECKING:
    from kg.sparql import SparqlResult


class RenderFormat(StrEnum):
    """Images Graphviz draws from ``--format dot`` (``--render``)."""

    svg = "svg"
    png = "png"


_FORMATS_HELP = ("RDF: nt, ttl, trig, nq, jsonld, xml. Views: graphml (Gephi, yEd, Cytoscape), "
                 "gexf (Gephi), dot (Graphviz), cytoscape (Cytoscape.js JSON), d3 (node-link "
                 "JSON), mermaid, html (one interactive page, no network). Default: from the "
                 "--output extension (.graphml, .html, .rdf, ...), else ttl.")


def write_output(output: Path | None, write: Callable[[BinaryIO], None]) -> None:
    """Run ``write`` on stdout, or on a file beside ``output`` renamed over it when done.

    A failed export never leaves half a file behind.
    """
    if output is None:
        write(render.binary_stdout())
        return
    if output.is_dir():
        raise UsageError(f"--output {output} is a folder; give a file name")
    folder = output.resolve().parent
    if not folder.is_dir():
        raise UsageError(f"--output: the folder {folder} does not exist; create it first")
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            write(out)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _query_text(construct: str | None) -> str | None:
    """``--construct`` text, or the file named after ``@`` (``@-``: stdin)."""
    if construct is None or not construct.startswith("@"):
        return construct
    name = construct[1:]
    try:
        return sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read the query file {name}: {err}") from None


@app.command()
def export(
    fmt: Annotated[
        GraphFormat | None, typer.Option("--format", "-f", help=_FORMATS_HELP, show_default=False)
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to FILE instead of stdout.")
    ] = None,
    graph: Annotated[
        str | None, typer.Option("--graph", help="Only this article's graph (file name or IRI).")
    ] = None,
    around: Annotated[
        str | None, typer.Option("--around", help="Only the nodes within --depth hops of ENTITY.",
                                 metavar="ENTITY")
    ] = None,
    depth: Annotated[int, typer.Option("--depth", "-d", min=1, help="Hops for --around.")] = 1,
    types: Annotated[
        list[str] | None,
        typer.Option("--type", "-t", help="Only nodes of this type (repeatable): Hospital, "
                     "Company, Event, Agreement, ..."),
    ] = None,
    relations: Annotated[
        list[str] | None,
        typer.Option("--relation", "-r", help="Only edges of this relation (repeatable): host, "
                     "participant, party, signedAt, ..."),
    ] = None,
    construct: Annotated[
        str | None,
        typer.Option("--construct", help="Only the triples of this SPARQL CONSTRUCT "
                     "(@FILE reads it from FILE, @- from stdin).", metavar="QUERY"),
    ] = None,
    render_as: Annotated[
        RenderFormat | None,
        typer.Option("--render", help="With --format dot: draw it as svg or png with Graphviz."),
    ] = None,
) -> None:
    """Write the graph as RDF, or as a view for Gephi, yEd, Cytoscape, Graphviz or a browser.

    Views are a property graph: entities, events and agreements as nodes (label, type,
    aliases, dates, degree), relations as edges (evidence count, articles). The whole
    store keeps its article graphs in trig, nq and jsonld; a cut-down (--around/--depth,
    --type, --relation, --construct) is taken in the store and written as triples.

    Example: kg export --format html --around "Ruijin Hospital" --depth 2 -o ruijin.html
    """
    from kg.views import Selection
    from kg.views import export as run_export
    from kg.views.registry import format_for_path

    if fmt is None:
        fmt = (format_for_path(output.name) if output else None) or GraphFormat.ttl
    chosen = fmt
    selection = Selection(around=around, depth=depth, types=tuple(types or ()),
                          relations=tuple(relations or ()), construct=_query_text(construct),
                          graph=graph)
    with opened() as store:
        write_output(output, lambda out: run_export(
            store, chosen, out, selection, render=render_as.value if render_as else None))


def write_construct(outcome: SparqlResult, fmt: GraphFormat, out: BinaryIO) -> None:
    """Write a CONSTRUCT/DESCRIBE result of ``kg sparql`` in any export format."""
    from kg.store import Triples
    from kg.views import write_triples

    if not isinstance(outcome.result, Triples):
        raise UsageError("only CONSTRUCT and DESCRIBE results are graphs")
    write_triples(fmt, outcome.result, out)
