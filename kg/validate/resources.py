"""The ontology's files (``kg.ttl``, ``shapes.ttl``, package data of ``kg.ontology``): their text,
their rdflib graphs for validation, and the document ``kg ontology`` prints. Apart from
validation proper: printing the ontology needs neither rdflib nor pySHACL.
"""

from __future__ import annotations

import functools
from enum import StrEnum
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import rdflib


SHAPES = "https://w3id.org/kg-health/shapes#"
SH = "http://www.w3.org/ns/shacl#"
PER_ARTICLE_ONLY = SHAPES + "perArticleOnly"


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
