"""Turn a :class:`~kg.records.Resolution` into the quads of its article's named graph.

The shape of the output is docs/rdf-model.md, followed exactly: one named graph per
article holding the article node, every entity it mentions (types with materialised
superclasses, label, alternative labels), every fact with an assertion node carrying its
evidence, posts, agreements with their sides, and merge decisions. Everything the article
supports is inside its graph, so replacing or removing the article is one graph operation.

The function is pure and deterministic apart from the ingest time it is given: the same
resolution always yields the same quads in the same order (structural nodes get IRIs
hashed from their defining parts, never counters), so re-ingesting an unchanged article
is a no-op in content. Uses pyoxigraph terms directly; no rdflib on the ingest path.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

import pyoxigraph as ox

from kg import vocab
from kg.records import Evidence, Literal, PartialDate, Resolution

_RDF_TYPE = ox.NamedNode(vocab.RDF_TYPE)
_LABEL = ox.NamedNode(vocab.RDFS_LABEL)
_ALT = ox.NamedNode(vocab.SKOS_ALT)
_RDF_SUBJECT = ox.NamedNode(vocab.RDF + "subject")
_RDF_PREDICATE = ox.NamedNode(vocab.RDF + "predicate")
_RDF_OBJECT = ox.NamedNode(vocab.RDF + "object")
_DERIVED = ox.NamedNode(vocab.PROV + "wasDerivedFrom")
_GENERATED = ox.NamedNode(vocab.PROV + "generatedAtTime")
_TITLE = ox.NamedNode(vocab.DCT + "title")
_PUBLISHED = ox.NamedNode(vocab.SCHEMA + "datePublished")
_XSD_INTEGER = ox.NamedNode(vocab.XSD + "integer")
_XSD_DATE = ox.NamedNode(vocab.XSD + "date")
_XSD_DATETIME = ox.NamedNode(vocab.XSD + "dateTime")

# Every class, relation and structural property as a NamedNode, built once.
_KGO: dict[str, ox.NamedNode] = {
    name: ox.NamedNode(vocab.ont(name))
    for name in (
        *vocab.CLASSES, *vocab.RELATIONS, *vocab.AGREEMENT_PROPERTIES, *vocab.POST_PROPERTIES,
        *vocab.PROVENANCE_PROPERTIES, *vocab.PROVENANCE_CLASSES,
    )
}


def kgo(name: str) -> ox.NamedNode:
    """The ``kgo:`` term for a class or property local name (``kgo("host")``)."""
    return _KGO.get(name) or ox.NamedNode(vocab.ont(name))


def date_literal(date: PartialDate) -> ox.Literal:
    """A (possibly partial) date as a typed literal: xsd:date, gYearMonth, gMonthDay or gYear.

    >>> str(date_literal(PartialDate(2021, 9, None)))
    '"2021-09"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'
    """
    return ox.Literal(date.lexical, datatype=ox.NamedNode(vocab.XSD + date.kind.value))


def object_term(value: Literal) -> ox.Literal:
    """A fact's literal object: a typed date when it has one, else a plain string."""
    if value.date is not None:
        return date_literal(value.date)
    return ox.Literal(value.value)


def _integer(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=_XSD_INTEGER)


def _term_key(term: ox.NamedNode | ox.Literal) -> str:
    """A stable string for hashing a term into a structural IRI (N-Triples form)."""
    return str(term)


def _join_labels(labels: list[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``: the way the agreement's default label reads."""
    if len(labels) <= 2:
        return " and ".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


class _Builder:
    """Accumulates the quads of one graph, in order, without duplicates."""

    def __init__(self, graph: ox.NamedNode) -> None:
        self.graph = graph
        self.quads: dict[ox.Quad, None] = {}

    def add(
        self,
        s: ox.NamedNode,
        p: ox.NamedNode,
        o: ox.NamedNode | ox.Literal,
    ) -> None:
        self.quads.setdefault(ox.Quad(s, p, o, self.graph), None)

    def assertion(
        self,
        s: ox.NamedNode,
        p: ox.NamedNode,
        o: ox.NamedNode | ox.Literal,
        evidence: Evidence,
    ) -> None:
        """Write ``s p o`` and its reified assertion node with the evidence."""
        self.add(s, p, o)
        node = ox.NamedNode(
            vocab.hashed_iri(
                "assertion", evidence.doc, s.value, p.value, _term_key(o),
                str(evidence.start), str(evidence.end),
            )
        )
        self.add(node, _RDF_TYPE, kgo("Assertion"))
        self.add(node, _RDF_SUBJECT, s)
        self.add(node, _RDF_PREDICATE, p)
        self.add(node, _RDF_OBJECT, o)
        self.add(node, _DERIVED, ox.NamedNode(vocab.doc_iri(evidence.doc)))
        self.add(node, kgo("sentence"), ox.Literal(evidence.sentence))
        self.add(node, kgo("charStart"), _integer(evidence.start))
        self.add(node, kgo("charEnd"), _integer(evidence.end))

    def fact(
        self,
        s: ox.NamedNode,
        relation: str,
        o: ox.NamedNode | ox.Literal,
        evidence: Evidence,
    ) -> None:
        """A fact, plus each materialised superproperty with its own assertion."""
        self.assertion(s, kgo(relation), o, evidence)
        for sup in vocab.SUPERPROPERTIES.get(relation, ()):
            self.assertion(s, kgo(sup), o, evidence)


def _most_specific(types: Iterable[str]) -> list[str]:
    """Drop a type when a subclass of it is also present (Organization beside Hospital)."""
    present = set(types)
    implied = {sup for t in present for sup in vocab.SUPERCLASSES.get(t, ())}
    return sorted(present - implied)


def build_quads(resolution: Resolution, ingested_at: datetime) -> list[ox.Quad]:
    """The quads of the article's named graph, in a deterministic order.

    ``ingested_at`` is written as ``prov:generatedAtTime`` (UTC, whole seconds); it is the
    only input that is not part of the resolution, so tests pass a fixed time.

    >>> from datetime import datetime, UTC
    >>> from kg.records import Article, Extraction, Entity, EntityType, Resolution
    >>> ex = Extraction(Article("a.txt", "text", "ab" * 32), "test")
    >>> ex.entities["h"] = Entity("h", "Ruijin Hospital", EntityType.HOSPITAL)
    >>> iri = "https://w3id.org/kg-health/id/hospital/ruijin-hospital"
    >>> quads = build_quads(Resolution(ex, {"h": iri}, {iri: "Ruijin Hospital"}),
    ...                     datetime(2024, 1, 1, tzinfo=UTC))
    >>> sorted(q.object.value.rsplit("#", 1)[-1] for q in quads
    ...        if q.subject.value == iri and q.predicate.value.endswith("#type"))
    ['Hospital', 'Organization']
    """
    extraction = resolution.extraction
    article = extraction.article
    doc = ox.NamedNode(vocab.doc_iri(article.name))
    b = _Builder(doc)

    # The article node.
    b.add(doc, _RDF_TYPE, kgo("Article"))
    b.add(doc, kgo("sourceFile"), ox.Literal(article.name))
    b.add(doc, kgo("sha256"), ox.Literal(article.sha256))
    if article.title:
        b.add(doc, _TITLE, ox.Literal(article.title))
    if article.published is not None:
        b.add(doc, _PUBLISHED, ox.Literal(article.published.isoformat(), datatype=_XSD_DATE))
    stamp = ingested_at.astimezone(UTC).replace(microsecond=0, tzinfo=None)
    b.add(doc, _GENERATED, ox.Literal(stamp.isoformat() + "Z", datatype=_XSD_DATETIME))
    b.add(doc, kgo("extractor"), ox.Literal(extraction.extractor))

    def node(key: str) -> ox.NamedNode:
        try:
            return ox.NamedNode(resolution.iris[key])
        except KeyError:
            raise ValueError(
                f"{article.name}: the extraction refers to {key!r}, which the resolution "
                "does not map to an IRI (an extractor bug)"
            ) from None

    # Entities: several local entities may resolve onto one IRI; gather per IRI first.
    types: dict[str, list[str]] = {}
    names: dict[str, list[str]] = {}
    for key, entity in extraction.entities.items():
        iri = node(key).value
        types.setdefault(iri, []).append(entity.type.value)
        bucket = names.setdefault(iri, [])
        for name in (entity.label, *sorted(entity.aliases)):
            if name not in bucket:
                bucket.append(name)
    for iri, entity_types in types.items():
        subject = ox.NamedNode(iri)
        for t in _most_specific(entity_types):
            b.add(subject, _RDF_TYPE, kgo(t))
            for sup in vocab.SUPERCLASSES.get(t, ()):
                b.add(subject, _RDF_TYPE, kgo(sup))
        label = resolution.labels.get(iri) or names[iri][0]
        b.add(subject, _LABEL, ox.Literal(label))
        for alias in names[iri]:
            if alias != label:
                b.add(subject, _ALT, ox.Literal(alias))

    def label_of(iri: str) -> str:
        return resolution.labels.get(iri) or (names[iri][0] if iri in names else iri)

    # Facts.
    for fact in extraction.facts:
        obj: ox.NamedNode | ox.Literal = (
            object_term(fact.object) if isinstance(fact.object, Literal) else node(fact.object)
        )
        b.fact(node(fact.subject), fact.relation.value, obj, fact.evidence)

    # Posts (W3C ORG), and the flat role / affiliation facts beside them.
    for post in extraction.posts:
        person = node(post.person)
        org = node(post.organization) if post.organization else None
        post_node = ox.NamedNode(
            vocab.hashed_iri("post", person.value, post.role, org.value if org else "")
        )
        b.add(person, kgo("holds"), post_node)
        b.add(post_node, _RDF_TYPE, kgo("Post"))
        b.add(post_node, kgo("roleName"), ox.Literal(post.role))
        if org is not None:
            b.add(post_node, kgo("postIn"), org)
        b.fact(person, "role", ox.Literal(post.role), post.evidence)
        if org is not None:
            b.fact(person, "affiliation", org, post.evidence)

    # Agreements, their parties (with assertions), sides, event and date.
    for ag in extraction.agreements:
        agreement = node(ag.key)
        parties = [node(k) for k in ag.parties]
        b.add(agreement, _RDF_TYPE, kgo("Agreement"))
        label = ag.label or (
            f"{ag.kind} between "
            + _join_labels([label_of(p.value) for p in parties])
        )
        b.add(agreement, _LABEL, ox.Literal(label))
        b.add(agreement, kgo("agreementKind"), ox.Literal(ag.kind))
        for party in parties:
            b.assertion(agreement, kgo("party"), party, ag.evidence)
        for side in ag.sides:
            members = [node(k) for k in side]
            side_node = ox.NamedNode(
                vocab.hashed_iri("side", agreement.value, *sorted(m.value for m in members))
            )
            b.add(agreement, kgo("side"), side_node)
            b.add(side_node, _RDF_TYPE, kgo("AgreementSide"))
            for member in members:
                b.add(side_node, kgo("sideMember"), member)
        if ag.event:
            b.add(agreement, kgo("signedAt"), node(ag.event))
        if ag.date is not None:
            b.add(agreement, kgo("signedOn"), date_literal(ag.date))

    # Merge decisions: why a mention landed on an existing node.
    for merge in resolution.merges:
        m = ox.NamedNode(
            vocab.hashed_iri("merge", article.name, merge.surface, merge.iri, merge.reason)
        )
        b.add(m, _RDF_TYPE, kgo("MergeDecision"))
        b.add(m, kgo("surfaceForm"), ox.Literal(merge.surface))
        b.add(m, kgo("mergedInto"), ox.NamedNode(merge.iri))
        b.add(m, kgo("mergeReason"), ox.Literal(merge.reason))

    return list(b.quads)


def summarize(quads: Iterable[ox.Quad]) -> tuple[int, int, int]:
    """(entities, facts, agreements) in an article's quads, counted as ``kg docs`` counts them.

    Entities are nodes typed with a kgo entity class other than Agreement; facts are the
    relation triples (materialised superproperties included); agreements are kgo:Agreement
    nodes.
    """
    entity_classes = {f"<{vocab.ont(c)}>" for c in vocab.CLASSES if c != "Agreement"}
    relations = {f"<{vocab.ont(r)}>" for r in vocab.RELATIONS}
    agreement = f"<{vocab.ont('Agreement')}>"
    entities: set[str] = set()
    agreements: set[str] = set()
    facts = 0
    for q in quads:
        p, o = str(q.predicate), str(q.object)
        if p == f"<{vocab.RDF_TYPE}>":
            if o in entity_classes:
                entities.add(str(q.subject))
            elif o == agreement:
                agreements.add(str(q.subject))
        elif p in relations:
            facts += 1
    return len(entities), facts, len(agreements)
