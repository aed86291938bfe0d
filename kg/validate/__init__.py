"""Validate kg data against the SHACL shapes of ``ontology/shapes.ttl``, and read the ontology.

Which module holds what:

* :mod:`kg.validate.shacl`: :func:`validate_graph` (its docstring says how: the two scopes,
  the inference);
* :mod:`kg.validate.sources`: :func:`validate_file`, :func:`validate_store`;
* :mod:`kg.validate.report`: :class:`Violation`, :class:`ValidationReport`, :func:`compact`;
* :mod:`kg.validate.resources`: :func:`ontology_text`, :func:`ontology_graph`,
  :func:`shapes_graph`, :func:`ontology_document` and :class:`OntologyFormat`.

rdflib and pySHACL are imported lazily, inside the functions that use them.
"""

from kg.validate.report import ValidationReport, Violation, compact
from kg.validate.resources import (
    PER_ARTICLE_ONLY,
    SH,
    SHAPES,
    OntologyFormat,
    ontology_document,
    ontology_graph,
    ontology_text,
    shapes_graph,
)
from kg.validate.shacl import validate_graph
from kg.validate.sources import validate_file, validate_store

__all__ = [
    "PER_ARTICLE_ONLY",
    "SH",
    "SHAPES",
    "OntologyFormat",
    "ValidationReport",
    "Violation",
    "compact",
    "ontology_document",
    "ontology_graph",
    "ontology_text",
    "shapes_graph",
    "validate_file",
    "validate_graph",
    "validate_store",
]
