"""IRIs of the kg vocabulary as plain strings.

Kept free of rdflib and pyoxigraph imports so the query path can use them without paying
for either. The ontology itself (classes, properties, alignments) is ``ontology/kg.ttl``; a
test checks that every name here is declared there.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

BASE = "https://w3id.org/kg-health/"
ONT = BASE + "ontology#"  # classes and properties (prefix kgo:)
ID = BASE + "id/"  # entities, agreements, assertions (prefix kg:)
DOC = BASE + "doc/"  # one IRI per article, also the name of the article's named graph

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
DCT = "http://purl.org/dc/terms/"
OWL = "http://www.w3.org/2002/07/owl#"
ORG = "http://www.w3.org/ns/org#"

PREFIXES: dict[str, str] = {
    "kgo": ONT,
    "kg": ID,
    "kgdoc": DOC,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "skos": SKOS,
    "prov": PROV,
    "schema": SCHEMA,
    "dct": DCT,
    "owl": OWL,
    "org": ORG,
}

RDF_TYPE = RDF + "type"
RDFS_LABEL = RDFS + "label"
SKOS_ALT = SKOS + "altLabel"

# Classes, with the superclasses that are materialised on every typed node.
CLASSES = (
    "Event", "EventSeries", "Organization", "Company", "Hospital", "GovernmentBody",
    "Person", "Place", "Venue", "Agreement",
)
SUPERCLASSES: dict[str, tuple[str, ...]] = {
    "Company": ("Organization",),
    "Hospital": ("Organization",),
    "GovernmentBody": ("Organization",),
    "Venue": ("Place",),
}

# Relations between entities (or to literals), with materialised superproperties.
RELATIONS = (
    "host", "organizer", "location", "startDate", "endDate", "participant", "exhibitor",
    "subEventOf", "inSeries", "theme", "affiliation", "role", "parentOrganization",
    "locatedIn", "country", "statistic",
)
LITERAL_RELATIONS = frozenset({"startDate", "endDate", "theme", "role", "statistic"})
SUPERPROPERTIES: dict[str, tuple[str, ...]] = {"exhibitor": ("participant",)}

# Agreement structure: Agreement -party-> agent, -signedAt-> Event, -side-> AgreementSide
# -sideMember-> agent, -agreementKind-> "strategic cooperation agreement", -signedOn-> date.
AGREEMENT_PROPERTIES = ("party", "signedAt", "side", "sideMember", "agreementKind", "signedOn")

# Posts (W3C ORG): Person -holds-> Post -postIn-> Organization, Post -roleName-> "president".
POST_PROPERTIES = ("holds", "postIn", "roleName")

# Provenance: every fact has an Assertion (an rdf:Statement) naming the article, the sentence
# and its character offsets; every article node records file name, sha256, dates.
PROVENANCE_PROPERTIES = (
    "sentence", "charStart", "charEnd", "sourceFile", "sha256", "extractor", "mergeReason",
    "surfaceForm", "mergedInto",
)
PROVENANCE_CLASSES = ("Article", "Assertion", "AgreementSide", "Post", "MergeDecision")


def ont(local: str) -> str:
    """IRI of a class or property: ``ont("host")`` -> ``https://w3id.org/kg-health/ontology#host``."""
    return ONT + local


def slug(text: str, limit: int = 80) -> str:
    """A readable, stable IRI segment: ``slug("Xinqiao Hospital")`` -> ``"xinqiao-hospital"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return s[:limit].rstrip("-") or "x-" + hashlib.sha1(text.encode()).hexdigest()[:10]


def entity_iri(kind: str, name: str, scope: str | None = None) -> str:
    """IRI of an entity, minted from its class and canonical name.

    Named entities get the same IRI in every article (so two articles about one hospital meet
    in one node); ``scope`` (an article name) keeps description-named things, such as "the
    signing ceremony", apart per article.

    >>> entity_iri("Hospital", "Xinqiao Hospital")
    'https://w3id.org/kg-health/id/hospital/xinqiao-hospital'
    """
    seg = f"{kind.lower()}/{slug(name)}"
    if scope:
        seg += "--" + hashlib.sha1(scope.encode()).hexdigest()[:8]
    return ID + seg


def doc_iri(name: str) -> str:
    """IRI (and named-graph name) of an article, from its file name."""
    return DOC + quote(name, safe="")


def hashed_iri(kind: str, *parts: str) -> str:
    """IRI for a structural node (assertion, post, agreement side) from its defining parts."""
    digest = hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]
    return f"{ID}{kind}/{digest}"
