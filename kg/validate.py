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
import functools
import logging
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from kg import vocab
from kg.errors import InputError

if TYPE_CHECKING:
    import rdflib

    from kg.store.opening import StoreLocation

SHAPES = "https://w3id.org/kg-health/shapes#"
SH = "http://www.w3.org/ns/shacl#"
PER_ARTICLE_ONLY = SHAPES + "perArticleOnly"

# Ontology axioms kept for inference during validation (see the module docstring).
_HIERARCHY_PREDICATES = (
    vocab.RDFS + "subClassOf",
    vocab.RDFS + "subPropertyOf",
    vocab.OWL + "equivalentClass",
    vocab.OWL + "equivalentProperty",
)

# File extension -> (rdflib parser name, whether the format carries named graphs).
_FILE_FORMATS: dict[str, tuple[str, bool]] = {
    ".ttl": ("turtle", False),
    ".nt": ("nt", False),
    ".jsonld": ("json-ld", True),
    ".trig": ("trig", True),
    ".nq": ("nquads", True),
}


@dataclass(frozen=True)
class Violation:
    """One SHACL result: which node, which property, what is wrong and in which graph.

    IRIs are full strings; ``value`` is the offending value in N-Triples form (a literal keeps
    its datatype, so a bad date shows as ``"2024-13-01"^^<...#date>``). ``graph`` is the article
    graph the result was found in, or None for the union (or a plain graph).
    """

    focus_node: str
    path: str | None
    message: str
    value: str | None = None
    graph: str | None = None
    shape: str | None = None
    severity: str = "Violation"

    def as_dict(self) -> dict[str, str | None]:
        """The violation as a JSON-ready dict (the ``kg validate --format json`` rows)."""
        return asdict(self)


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of a validation: whether the data conforms, and every violation found.

    >>> ValidationReport(conforms=True).summary()
    'conforms: 0 graphs, 0 triples checked'
    """

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    graphs: int = 0  # named graphs validated one by one (articles)
    triples: int = 0  # triples in the union

    def summary(self) -> str:
        """One line for people: conformance, violation count, how much was checked."""
        checked = f"{self.graphs} graphs, {self.triples} triples checked"
        if self.conforms:
            return f"conforms: {checked}"
        nodes = len({(v.graph, v.focus_node) for v in self.violations})
        return f"{len(self.violations)} violations on {nodes} nodes: {checked}"


# ------------------------------------------------------------------------------ resources


@functools.cache
def ontology_text(name: str = "kg.ttl") -> str:
    """The text of a file of the ``kg.ontology`` package data (``kg.ttl`` or ``shapes.ttl``).

    Read through importlib.resources so an installed wheel finds the files as well as a
    source checkout does.

    >>> ontology_text().startswith("# The kg ontology")
    True
    """
    return (files("kg.ontology") / name).read_text(encoding="utf-8")


def ontology_graph() -> rdflib.Graph:
    """The whole ontology (``ontology/kg.ttl``) as an rdflib Graph.

    >>> from kg.vocab import ont
    >>> import rdflib
    >>> (rdflib.URIRef(ont("Hospital")), None, None) in ontology_graph()
    True
    """
    import rdflib

    return rdflib.Graph().parse(data=ontology_text("kg.ttl"), format="turtle")


def shapes_graph(*, union: bool = False) -> rdflib.Graph:
    """The SHACL shapes; with ``union=True`` the per-article-only shapes are deactivated.

    >>> len(shapes_graph()) > 100
    True
    """
    import rdflib

    graph = rdflib.Graph().parse(data=ontology_text("shapes.ttl"), format="turtle")
    if union:
        flag = rdflib.URIRef(PER_ARTICLE_ONLY)
        deactivated = rdflib.URIRef(SH + "deactivated")
        for shape in list(graph.subjects(flag, rdflib.Literal(True))):
            graph.add((shape, deactivated, rdflib.Literal(True)))
    return graph


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


# ------------------------------------------------------------------------------ validation


@contextlib.contextmanager
def _quiet_rdflib() -> Iterator[None]:
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
    with _quiet_rdflib():
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


def validate_file(path: Path) -> ValidationReport:
    """Validate an RDF file: TriG / N-Quads / JSON-LD by named graph, Turtle / N-Triples whole.

    >>> validate_file(Path("tests/data/valid_article.trig")).conforms  # doctest: +SKIP
    True
    """
    import rdflib

    fmt = _FILE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(_FILE_FORMATS))
        raise InputError(f"cannot tell the RDF format of {path}; use one of {known}")
    if not path.is_file():
        raise InputError(f"no such file: {path}; check the path")
    parser, has_graphs = fmt
    data: rdflib.Dataset | rdflib.Graph = rdflib.Dataset() if has_graphs else rdflib.Graph()
    try:
        with _quiet_rdflib():
            data.parse(path, format=parser)
    except Exception as err:  # rdflib raises many unrelated types for bad syntax
        problem = _parse_problem(err)
        raise InputError(f"{path} is not valid {parser}: {problem}; fix the file") from err
    return validate_graph(data)


def _parse_problem(err: Exception) -> str:
    """The parser's complaint on one line ("at line 28 of <>: Bad syntax (expected '.')")."""
    lines = [ln.strip() for ln in str(err).strip().splitlines()[:2] if ln.strip()]
    text = " ".join(lines).replace(" at ^ in:", "") or type(err).__name__
    return text[:200]


def validate_store(store: StoreLocation | Path | None = None) -> ValidationReport:
    """Validate the store (a folder or a SPARQL endpoint): copy its quads into memory, then
    :func:`validate_graph`.

    >>> validate_store(Path("/nonexistent"))  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    kg.errors.StoreError: no store at /nonexistent; run `kg ingest` first
    """
    import rdflib

    nquads = _dump_store(store)
    dataset = rdflib.Dataset()
    if nquads:
        with _quiet_rdflib():
            dataset.parse(data=nquads, format="nquads")
    return validate_graph(dataset)


def _dump_store(location: StoreLocation | Path | None) -> bytes:
    """Every quad of the store as N-Quads, read without taking the write lock."""
    import io

    from kg.formats import RdfFormat
    from kg.store import open_store

    out = io.BytesIO()
    with open_store(location, read_only=True) as store:
        store.dump_dataset(out, RdfFormat.nq)
    return out.getvalue()


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


def compact(iri: str | None) -> str:
    """An IRI shortened with the kg prefixes, for tables: ``kgo:host``, ``kg:event/x``.

    >>> compact("https://w3id.org/kg-health/ontology#host")
    'kgo:host'
    """
    if iri is None:
        return ""
    for prefix, namespace in vocab.PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


class OntologyFormat(StrEnum):
    """Serialisations ``kg ontology`` prints: Turtle as written (with comments) or N-Triples."""

    ttl = "ttl"
    nt = "nt"


def ontology_document(fmt: OntologyFormat = OntologyFormat.ttl, *, shapes: bool = False) -> str:
    """The ontology (or the SHACL shapes) as text.

    Turtle is the source file verbatim, comments included; N-Triples is one sorted line per
    triple, so two versions diff cleanly. Parsed with pyoxigraph: no rdflib for a print.

    >>> "kgo:Hospital" in ontology_document()
    True
    >>> ontology_document(OntologyFormat.nt).splitlines()[0].startswith("<")
    True
    """
    text = ontology_text("shapes.ttl" if shapes else "kg.ttl")
    if fmt is OntologyFormat.ttl:
        return text
    import pyoxigraph

    # The parser gives blank nodes fresh random ids; renaming them in document order makes
    # the output the same bytes on every run.
    names: dict[str, str] = {}

    def term(node: object) -> str:
        if isinstance(node, pyoxigraph.BlankNode):
            return names.setdefault(str(node), f"_:b{len(names)}")
        return str(node)

    triples = pyoxigraph.parse(text.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    lines = [f"{term(t.subject)} {term(t.predicate)} {term(t.object)} .\n" for t in triples]
    return "".join(sorted(set(lines)))
