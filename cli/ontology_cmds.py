"""Ontology commands: ``kg validate`` (SHACL) and ``kg ontology`` (print the OWL file).

kg.validate imports rdflib and pySHACL only inside its functions, so importing it here (every
``kg`` invocation imports this module) costs nothing for the query commands.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.errors import ConformanceError
from kg.formats import RowFormat
from kg.validate.report import ValidationReport, compact
from kg.validate.resources import OntologyFormat, ontology_document
from kg.validate.sources import validate_file, validate_store

from . import render
from .app import FormatOption, app, state

_COLUMNS = ["graph", "focus_node", "path", "value", "message"]


def _rows(report: ValidationReport, *, short: bool) -> list[list[str | None]]:
    from kg.store import doc_name

    def iri(value: str | None) -> str | None:
        return compact(value) if short else value

    return [
        [
            (doc_name(v.graph) if short else v.graph) if v.graph else None,
            iri(v.focus_node),
            iri(v.path),
            iri(v.value),
            v.message,
        ]
        for v in report.violations
    ]


@app.command()
def validate(
    rdf_file: Annotated[
        Path | None,
        typer.Argument(
            help="Validate this RDF file (.trig, .nq, .jsonld by graph; .ttl, .nt whole) "
            "instead of the store.",
            show_default=False,
            metavar="RDF_FILE",
        ),
    ] = None,
    fmt: FormatOption = RowFormat.table,
) -> None:
    """Check the graph against the SHACL shapes of the ontology.

    Each article's graph is checked strictly (one label per entity, ...), then the union of
    all graphs loosely. Prints the violations on stdout (none when the graph conforms).
    Exit code 0: conforms; 3: does not conform; 1: could not validate (no store, bad file).

    Example: kg validate --format json > violations.json
    """
    report = validate_file(rdf_file) if rdf_file is not None else validate_store(state.location())
    if fmt is RowFormat.json:
        render.render_json(
            {
                "conforms": report.conforms,
                "graphs": report.graphs,
                "triples": report.triples,
                "violations": [v.as_dict() for v in report.violations],
            }
        )
    elif report.violations or fmt is not RowFormat.table:  # no empty table for people
        render.render_rows(_COLUMNS, _rows(report, short=fmt is RowFormat.table), fmt)
    if not report.conforms:
        raise ConformanceError(f"{report.summary()}; fix the data or the extractor and re-run")
    render.note(report.summary())


@app.command()
def ontology(
    fmt: Annotated[
        OntologyFormat,
        typer.Option("--format", "-f", help="ttl: the source file, comments kept; nt: sorted."),
    ] = OntologyFormat.ttl,
    shapes: Annotated[
        bool, typer.Option("--shapes", help="Print the SHACL shapes instead of the ontology.")
    ] = False,
) -> None:
    """Print the kg ontology (OWL in Turtle), or its SHACL shapes.

    Example: kg ontology --format nt | grep subClassOf
    """
    typer.echo(ontology_document(fmt, shapes=shapes), nl=False)
