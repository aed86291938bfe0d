"""Validate kg data against the SHACL shapes of ``ontology/shapes.ttl``.

Two scopes, because of how the store is built (one named graph per article):

* every article graph is validated on its own with every shape (strict): an article graph is
  self-contained, so "exactly one rdfs:label per entity" and the type checks hold inside it;
* the union of all graphs is validated with the shapes not marked ``kgsh:perArticleOnly``
  (loose): two articles may label one IRI differently, but they must not, say, give one
  agreement two signing events.

pySHACL runs with RDFS inference over the ontology's class and property *hierarchy* only, so
materialised and inferred superclasses count the same (a node typed only ``kgo:Hospital`` is a
``kgo:Organization``). The ontology's rdfs:domain/rdfs:range axioms are left out of that
inference on purpose: under RDFS a range makes every value an instance of its class, which
would make each ``sh:class`` check true by construction and hide exactly the errors the shapes
are there to find.

rdflib and pySHACL are imported lazily: ``kg_cli`` imports this module's command at start-up,
and queries must not pay for either. Validation copies the store into an in-memory rdflib
Dataset first; pySHACL over an Oxigraph-backed rdflib graph is about 40x slower.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from kg import vocab
from kg.validate.report import ValidationReport, Violation
from kg.validate.resources import SH, ontology_graph, shapes_graph

if TYPE_CHECKING:
    import rdflib


# Ontology axioms kept for inference during validation (see the module docstring).
_HIERARCHY_PREDICATES = (
    vocab.RDFS + "subClassOf",
    vocab.RDFS + "subPropertyOf",
    vocab.OWL + "equivalentClass",
    vocab.OWL + "equivalentProperty",
)


def _inference_ontology() -> rdflib.Graph:
    """The ontology's class and property hierarchy only (no domain/range: see module doc)."""
    import rdflib

    full = ontology_graph()
    hierarchy = rdflib.Graph()
    for predicate in _HIERARCHY_PREDICATES:
        for s, o in full.subject_objects(rdflib.URIRef(predicate)):
            if isinstance(o, rdflib.URIRef):  # skip unions and other anonymous classes
                hierarchy.add((s, rdflib.URIRef(predicate), o))
    return hierarchy


@contextlib.contextmanager
def quiet_rdflib() -> Iterator[None]:
    """Keep rdflib's global state as it was, and its per-literal warnings off stderr.

    Two reasons. rdflib logs a warning with a full traceback for each ill-typed literal
    ("2025-13-45"^^xsd:date), which the shapes already report as one clear violation. And
    owlrl (pySHACL's RDFS reasoner) swaps rdflib's process-wide lexical converters for its
    own and does not restore them all: afterwards every "--05-21"^^xsd:gMonthDay parsed in the
    process is ill-typed, so a second validation would report valid dates as violations.
    """
    from rdflib import term

    logger = logging.getLogger("rdflib.term")
    level = logger.level
    converters = dict(term._toPythonMapping)
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        term._toPythonMapping.clear()
        term._toPythonMapping.update(converters)
        logger.setLevel(level)


def validate_graph(
    data: rdflib.Dataset | rdflib.Graph, *, per_article: bool = False
) -> ValidationReport:
    """Validate a Dataset (each named graph strictly, then the union loosely) or one Graph.

    A plain Graph is taken as a union (say, ``kg export --format ttl``) and validated loosely,
    unless ``per_article`` says it is a single article's graph.

    >>> import rdflib
    >>> validate_graph(rdflib.Graph()).conforms
    True
    """
    with quiet_rdflib():
        return _validate_graph(data, per_article=per_article)


def _validate_graph(
    data: rdflib.Dataset | rdflib.Graph, *, per_article: bool
) -> ValidationReport:
    import rdflib

    ontology = _inference_ontology()
    violations: list[Violation] = []
    graphs = 0
    if isinstance(data, rdflib.Dataset):
        union = rdflib.Graph()
        for s, p, o, _ in data.quads((None, None, None, None)):
            union.add((s, p, o))
        for named in _named_graphs(data):
            graphs += 1
            violations.extend(_run(named, ontology, strict=True, graph=str(named.identifier)))
        strict_union = False
    else:
        union = data
        strict_union = per_article
    seen = {_key(v) for v in violations}
    for violation in _run(union, ontology, strict=strict_union, graph=None):
        if _key(violation) not in seen:  # already reported in an article graph
            violations.append(violation)
    violations.sort(key=lambda v: (v.graph or "", v.focus_node, v.path or "", v.message))
    return ValidationReport(
        conforms=not violations, violations=violations, graphs=graphs, triples=len(union)
    )


def _named_graphs(data: rdflib.Dataset) -> Iterable[rdflib.Graph]:
    """The non-empty named graphs of a Dataset, in a stable order (not the default graph)."""
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    graphs = [g for g in data.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)]
    return sorted(graphs, key=lambda g: str(g.identifier))


def _run(
    data: rdflib.Graph, ontology: rdflib.Graph, *, strict: bool, graph: str | None
) -> list[Violation]:
    """Run pySHACL on one graph and turn its results graph into :class:`Violation` rows."""
    import rdflib
    from pyshacl import validate

    if len(data) == 0:
        return []
    # The ontology is mixed into a copy of the data graph (inplace=False), never into ``data``.
    plain = rdflib.Graph()
    for triple in data:
        plain.add(triple)
    _conforms, results, _text = validate(
        plain,
        shacl_graph=shapes_graph(union=not strict),
        ont_graph=ontology,
        inference="rdfs",
        advanced=True,
        allow_warnings=False,
    )
    return _violations(results, graph)


def _violations(results: rdflib.Graph, graph: str | None) -> list[Violation]:
    import rdflib

    sh = rdflib.Namespace(SH)
    rows: dict[Violation, None] = {}  # ordered set: one constraint can repeat a result
    for result in results.subjects(rdflib.RDF.type, sh.ValidationResult):
        focus = results.value(result, sh.focusNode)
        path = results.value(result, sh.resultPath)
        message = results.value(result, sh.resultMessage)
        value = results.value(result, sh.value)
        shape = results.value(result, sh.sourceShape)
        severity = results.value(result, sh.resultSeverity)
        rows[
            Violation(
                focus_node=_term(focus) or "",
                path=_term(path),
                message=str(message) if message is not None else "constraint not met",
                value=_term(value),
                graph=graph,
                shape=str(shape) if isinstance(shape, rdflib.URIRef) else None,
                severity=str(severity).rpartition("#")[2] if severity is not None else "Violation",
            )
        ] = None
    return list(rows)


def _term(node: object) -> str | None:
    """A node as text: IRIs bare, literals in N-Triples form, blank nodes as ``_:id``."""
    import rdflib

    if node is None:
        return None
    if isinstance(node, rdflib.URIRef):
        return str(node)
    if isinstance(node, rdflib.Literal | rdflib.BNode):
        return str(node.n3())
    return str(node)


def _key(v: Violation) -> tuple[str, str | None, str, str | None]:
    return (v.focus_node, v.path, v.message, v.value)
