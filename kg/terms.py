"""How the query commands see *any* RDF graph: which predicates are edges, what names show.

Why a module of its own: ``neighbors``, ``path``, ``show`` and look-up must agree on what an
edge is when the graph was not written by kg (``kg import`` of a file in a vocabulary of its
own). The rules:

* **Names.** A node's label is its ``skos:prefLabel`` or, failing that, its ``rdfs:label``;
  ``skos:altLabel`` values are aliases.
* **Edges.** kg's own relations (``kgo:host`` ...) keep their short names and their rules
  (agreements are hop intermediates, posts are not walked). Any other predicate whose object
  is an IRI is an edge between two labelled nodes, named by its prefixed name when its
  namespace is a well-known one (``foaf:knows``, ``schema:memberOf``) and by its local name
  otherwise (``worksAt``). Never edges: ``rdf:type``, the reification predicates
  (``rdf:subject``, ``rdf:predicate``, ``rdf:object``), provenance (``prov:wasDerivedFrom``)
  and the naming predicates above; so kg's assertions and articles never become neighbours,
  and literals never do (only IRIs are followed).
* **Types.** A node typed in kg's ontology shows its kgo classes, as always; any other node
  shows the local names of all its ``rdf:type`` classes (the prefixed name for a class named
  like one of kg's scaffolding classes: ``schema:Article``, not ``Article``).

The SPARQL fragments below are fixed text (no user input): callers bind values with
``VALUES`` blocks of terms serialised by pyoxigraph.

Nothing here imports pyoxigraph, rdflib or spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from kg import vocab
from kg.errors import UsageError

FOAF: Final = "http://xmlns.com/foaf/0.1/"
# Namespaces whose prefixes everyone reads; kg's own prefixes come first (vocab.PREFIXES).
WELL_KNOWN: Final[dict[str, str]] = {
    **vocab.PREFIXES,
    "foaf": FOAF,
    "schemahttp": "http://schema.org/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "sioc": "http://rdfs.org/sioc/ns#",
    "bibo": "http://purl.org/ontology/bibo/",
    "dbo": "http://dbpedia.org/ontology/",
    "wdt": "http://www.wikidata.org/prop/direct/",
    "gn": "http://www.geonames.org/ontology#",
}
# Shown prefix per namespace: http://schema.org/ reads as schema: too.
_SHOWN = {ns: ("schema" if p == "schemahttp" else p) for p, ns in WELL_KNOWN.items()}
# Longest namespace first, so a namespace nested in another wins.
_BY_LENGTH = sorted(_SHOWN.items(), key=lambda kv: -len(kv[0]))

SKOS_PREF: Final = vocab.SKOS + "prefLabel"
_SCAFFOLDING: Final = frozenset(vocab.PROVENANCE_CLASSES)
# Never followed as edges, whatever the graph.
NOT_EDGES: Final = frozenset({
    vocab.RDF_TYPE, vocab.RDF + "subject", vocab.RDF + "predicate", vocab.RDF + "object",
    vocab.PROV + "wasDerivedFrom", vocab.RDFS_LABEL, SKOS_PREF, vocab.SKOS_ALT,
})
# kg's relations between entities (the agreement links are walked by their own branches).
KG_EDGES: Final = tuple(r for r in vocab.RELATIONS if r not in vocab.LITERAL_RELATIONS)


def _iri_list(iris: Iterable[str]) -> str:
    return ", ".join(f"<{i}>" for i in iris)


def edge_filter(p: str, o: str) -> str:
    """A SPARQL FILTER: ``?p`` links to ``?o`` as an edge (kg relation, or foreign to a label).

    ``p`` and ``o`` are variable names (without ``?``) chosen by the caller.
    """
    kg_relations = ", ".join(f"kgo:{r}" for r in KG_EDGES)
    return (
        f"FILTER(isIRI(?{o}) && (?{p} IN ({kg_relations}) || ("
        f"!STRSTARTS(STR(?{p}), \"{vocab.ONT}\") && ?{p} NOT IN ({_iri_list(sorted(NOT_EDGES))})"
        f" && EXISTS {{ ?{o} rdfs:label|skos:prefLabel ?{o}__label }})))"
    )


def fact_filter(p: str, o: str) -> str:
    """A SPARQL FILTER for the facts a card shows: kg relations, or foreign edges and literals."""
    kg_relations = ", ".join(f"kgo:{r}" for r in vocab.RELATIONS)
    return (
        f"FILTER(?{p} IN ({kg_relations}) || ("
        f"!STRSTARTS(STR(?{p}), \"{vocab.ONT}\") && ?{p} NOT IN ({_iri_list(sorted(NOT_EDGES))})"
        f" && (isLiteral(?{o}) || (isIRI(?{o}) && EXISTS {{ ?{o} rdfs:label|skos:prefLabel "
        f"?{o}__label }}))))"
    )


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``.

    >>> local_name("http://data.example.org/vocab#worksAt")
    'worksAt'
    """
    return re.split(r"[#/]", iri)[-1]


def predicate_name(iri: str) -> str:
    """What a predicate is called in rows and cards: ``host``, ``foaf:knows`` or ``worksAt``.

    >>> predicate_name(vocab.ont("host")), predicate_name(FOAF + "knows")
    ('host', 'foaf:knows')
    >>> predicate_name("http://data.example.org/vocab#worksAt")
    'worksAt'
    """
    if iri.startswith(vocab.ONT):
        return iri[len(vocab.ONT):]
    for ns, prefix in _BY_LENGTH:
        if iri.startswith(ns) and re.fullmatch(r"[A-Za-z_][\w.-]*", iri[len(ns):]):
            return f"{prefix}:{iri[len(ns):]}"
    return local_name(iri) or iri


def matches_relation(name: str, relation: str, predicate: str) -> bool:
    """Whether a ``--relation`` value names this edge: its shown name, local name or IRI."""
    return name in (relation, predicate, f"<{predicate}>", local_name(predicate))


def expand(name: str) -> str | None:
    """The IRI of a prefixed name of a well-known namespace, or of ``<iri>`` / ``http...``.

    >>> expand("foaf:knows")
    'http://xmlns.com/foaf/0.1/knows'
    >>> expand("worksAt") is None
    True
    """
    text = name.strip()
    if text.startswith("<") and text.endswith(">"):
        return text[1:-1]
    if re.match(r"^https?://", text):
        return text
    prefix, sep, local = text.partition(":")
    if sep and prefix in WELL_KNOWN:
        return WELL_KNOWN[prefix] + local
    return None


def type_names(type_iris: set[str]) -> set[str]:
    """Types shown for a node: its kgo classes when it has any, else every class's local name.

    >>> sorted(type_names({vocab.ont("Hospital"), "https://schema.org/Hospital"}))
    ['Hospital']
    >>> sorted(type_names({FOAF + "Person", "http://data.example.org/vocab#Surgeon"}))
    ['Person', 'Surgeon']
    >>> sorted(type_names({"https://schema.org/Article"}))
    ['schema:Article']
    """
    own = {t[len(vocab.ONT):] for t in type_iris if t.startswith(vocab.ONT)}
    if own:
        return own
    # a foreign class named like one of kg's scaffolding classes (schema:Article) keeps its
    # prefix: by its local name alone, look-up and walks would take it for kg's own
    return {predicate_name(t) if local_name(t) in _SCAFFOLDING else local_name(t)
            for t in type_iris if local_name(t)}


def check_types(types: Iterable[str]) -> tuple[str, ...]:
    """Validate ``--type`` values against the ontology's classes (case-insensitive).

    Here rather than in :mod:`kg.query` so that exports check their cut-down without
    importing the query module.

    >>> check_types(["hospital", "Company"])
    ('Hospital', 'Company')
    """
    by_lower = {c.lower(): c for c in vocab.CLASSES}
    out = []
    for t in types:
        if t.lower() not in by_lower:
            raise UsageError(f"unknown type {t!r}; use one of: {', '.join(vocab.CLASSES)}")
        out.append(by_lower[t.lower()])
    return tuple(out)
