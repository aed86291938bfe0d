"""The ontology (ontology/kg.ttl): it parses, declares every name of kg.vocab, has the
specified hierarchy and alignments, and ``kg ontology`` prints it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from conftest import kg
from rdflib import OWL, RDF, RDFS, Namespace, URIRef
from rdflib.collection import Collection

from kg import vocab
from kg.validate.resources import OntologyFormat, ontology_document, ontology_graph

ONTOLOGY_FILE = Path(__file__).parent.parent / "ontology" / "kg.ttl"
KGO = Namespace(vocab.ONT)
SCHEMA = Namespace(vocab.SCHEMA)
ORG = Namespace(vocab.ORG)
PROV = Namespace(vocab.PROV)
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
DCT = Namespace(vocab.DCT)
XSD = Namespace(vocab.XSD)  # open namespace: pytest probes module attributes

PROPERTIES = (
    vocab.RELATIONS + vocab.AGREEMENT_PROPERTIES + vocab.POST_PROPERTIES
    + vocab.PROVENANCE_PROPERTIES
)
CLASSES = vocab.CLASSES + vocab.PROVENANCE_CLASSES
DATE_TYPES = {XSD.date, XSD.gYearMonth, XSD.gMonthDay, XSD.gYear}


@pytest.fixture(scope="module")
def g() -> rdflib.Graph:
    return ontology_graph()


def _supers(g: rdflib.Graph, node: URIRef, predicate: URIRef) -> set[URIRef]:
    """Every named superclass / superproperty of ``node`` (transitively)."""
    return {n for n in g.transitive_objects(node, predicate) if isinstance(n, URIRef)} - {node}


def _union_members(g: rdflib.Graph, node: rdflib.term.Node) -> set[rdflib.term.Node]:
    lists = list(g.objects(node, OWL.unionOf))
    assert len(lists) == 1, f"{node} is not an owl:unionOf"
    return set(Collection(g, lists[0]))


def test_ontology_parses_with_rdflib_and_pyoxigraph() -> None:
    text = ONTOLOGY_FILE.read_text(encoding="utf-8")
    assert len(rdflib.Graph().parse(data=text, format="turtle")) > 300
    assert len(list(pyoxigraph.parse(text.encode(), format=pyoxigraph.RdfFormat.TURTLE))) > 300


def test_header(g: rdflib.Graph) -> None:
    header = URIRef("https://w3id.org/kg-health/ontology")
    assert (header, RDF.type, OWL.Ontology) in g
    assert g.value(header, OWL.versionInfo) is not None
    assert g.value(header, OWL.versionIRI) is not None
    assert g.value(header, RDFS.label) is not None
    assert g.value(header, RDFS.comment) is not None
    assert g.value(header, DCT.license) is not None
    assert str(g.value(header, DCT.creator)) == "kg developers"


@pytest.mark.parametrize("name", CLASSES)
def test_every_vocab_class_is_declared(g: rdflib.Graph, name: str) -> None:
    cls = KGO[name]
    assert (cls, RDF.type, OWL.Class) in g, f"kgo:{name} is not an owl:Class"
    assert g.value(cls, RDFS.label) is not None, f"kgo:{name} has no rdfs:label"
    assert g.value(cls, RDFS.comment) is not None, f"kgo:{name} has no rdfs:comment"


@pytest.mark.parametrize("name", PROPERTIES)
def test_every_vocab_property_is_declared(g: rdflib.Graph, name: str) -> None:
    prop = KGO[name]
    kinds = set(g.objects(prop, RDF.type))
    assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}, f"kgo:{name} has no OWL kind"
    assert not {OWL.ObjectProperty, OWL.DatatypeProperty} <= kinds, f"kgo:{name} is both kinds"
    for annotation in (RDFS.label, RDFS.comment, RDFS.domain, RDFS.range):
        assert g.value(prop, annotation) is not None, f"kgo:{name} has no {annotation}"


def test_literal_relations_are_datatype_properties(g: rdflib.Graph) -> None:
    for name in vocab.RELATIONS:
        expected = OWL.DatatypeProperty if name in vocab.LITERAL_RELATIONS else OWL.ObjectProperty
        assert (KGO[name], RDF.type, expected) in g, name
    for name in ("agreementKind", "signedOn", "roleName", "sentence", "charStart", "sha256"):
        assert (KGO[name], RDF.type, OWL.DatatypeProperty) in g, name


@pytest.mark.parametrize("name", ["startDate", "endDate", "signedOn"])
def test_date_ranges_are_the_union_of_the_four_date_types(g: rdflib.Graph, name: str) -> None:
    rng = g.value(KGO[name], RDFS.range)
    assert rng is not None
    assert (rng, RDF.type, RDFS.Datatype) in g
    assert _union_members(g, rng) == DATE_TYPES


def test_ranges_and_domains_follow_the_schema(g: rdflib.Graph) -> None:
    for name in ("host", "organizer"):
        assert g.value(KGO[name], RDFS.range) == KGO.Agent
        assert g.value(KGO[name], RDFS.domain) == KGO.Event
    assert g.value(KGO.location, RDFS.range) == KGO.Place
    assert g.value(KGO.subEventOf, RDFS.range) == KGO.Event
    assert g.value(KGO.inSeries, RDFS.range) == KGO.EventSeries
    assert g.value(KGO.charStart, RDFS.range) == XSD.integer
    assert g.value(KGO.theme, RDFS.range) == XSD.string
    participant_range = g.value(KGO.participant, RDFS.range)
    assert participant_range is not None
    assert _union_members(g, participant_range) == {KGO.Agent, KGO.Place}


def test_class_hierarchy(g: rdflib.Graph) -> None:
    for sub, supers in vocab.SUPERCLASSES.items():
        for sup in supers:
            assert (KGO[sub], RDFS.subClassOf, KGO[sup]) in g, f"{sub} ⊑ {sup}"
    assert (KGO.Organization, RDFS.subClassOf, KGO.Agent) in g
    assert (KGO.Person, RDFS.subClassOf, KGO.Agent) in g
    assert KGO.Agent in _supers(g, KGO.Hospital, RDFS.subClassOf)
    # An edition is not its series, and a place is not an agent.
    assert KGO.Event not in _supers(g, KGO.EventSeries, RDFS.subClassOf)
    assert KGO.Agent not in _supers(g, KGO.Place, RDFS.subClassOf)


def test_property_hierarchy(g: rdflib.Graph) -> None:
    for sub, supers in vocab.SUPERPROPERTIES.items():
        for sup in supers:
            assert (KGO[sub], RDFS.subPropertyOf, KGO[sup]) in g
    assert KGO.organizer not in _supers(g, KGO.host, RDFS.subPropertyOf)
    assert KGO.host not in _supers(g, KGO.organizer, RDFS.subPropertyOf)
    # No kgo: property other than exhibitor has a kgo: superproperty.
    kgo_links = {
        (s, o) for s, o in g.subject_objects(RDFS.subPropertyOf)
        if str(s).startswith(vocab.ONT) and str(o).startswith(vocab.ONT)
    }
    assert kgo_links == {(KGO.exhibitor, KGO.participant)}


ALIGNMENTS = [
    (KGO.Event, RDFS.subClassOf, SCHEMA.Event),
    (KGO.Event, RDFS.subClassOf, SEM.Event),
    (KGO.EventSeries, RDFS.subClassOf, SCHEMA.EventSeries),
    (KGO.Organization, RDFS.subClassOf, SCHEMA.Organization),
    (KGO.Organization, RDFS.subClassOf, ORG.Organization),
    (KGO.Hospital, RDFS.subClassOf, SCHEMA.Hospital),
    (KGO.Place, RDFS.subClassOf, SCHEMA.Place),
    (KGO.Place, RDFS.subClassOf, SEM.Place),
    (KGO.Person, RDFS.subClassOf, SCHEMA.Person),
    (KGO.Post, RDFS.subClassOf, ORG.Post),
    (KGO.Article, RDFS.subClassOf, PROV.Entity),
    (KGO.Article, RDFS.subClassOf, SCHEMA.NewsArticle),
    (KGO.Assertion, RDFS.subClassOf, RDF.Statement),
    (KGO.Assertion, RDFS.subClassOf, PROV.Entity),
    (KGO.subEventOf, RDFS.subPropertyOf, SCHEMA.superEvent),
    (KGO.subEventOf, OWL.inverseOf, SCHEMA.subEvent),
    (KGO.organizer, RDFS.subPropertyOf, SCHEMA.organizer),
    (KGO.location, RDFS.subPropertyOf, SCHEMA.location),
    (KGO.location, RDFS.subPropertyOf, SEM.hasPlace),
    (KGO.startDate, RDFS.subPropertyOf, SCHEMA.startDate),
    (KGO.startDate, RDFS.subPropertyOf, SEM.hasBeginTimeStamp),
    (KGO.endDate, RDFS.subPropertyOf, SCHEMA.endDate),
    (KGO.endDate, RDFS.subPropertyOf, SEM.hasEndTimeStamp),
    (KGO.participant, RDFS.subPropertyOf, SCHEMA.attendee),
    (KGO.host, RDFS.subPropertyOf, SEM.hasActor),
    (KGO.parentOrganization, RDFS.subPropertyOf, ORG.subOrganizationOf),
    (KGO.holds, RDFS.subPropertyOf, ORG.holds),
    (KGO.postIn, RDFS.subPropertyOf, ORG.postIn),
]


@pytest.mark.parametrize(("s", "p", "o"), ALIGNMENTS)
def test_alignment(g: rdflib.Graph, s: URIRef, p: URIRef, o: URIRef) -> None:
    assert (s, p, o) in g


def test_no_equivalence_with_external_terms(g: rdflib.Graph) -> None:
    """Alignments are subsumptions only (why: see the header comment of kg.ttl)."""
    for predicate in (OWL.equivalentClass, OWL.equivalentProperty):
        for s, o in g.subject_objects(predicate):
            assert not (str(s).startswith(vocab.ONT) and isinstance(o, URIRef)), (s, o)


def _kgo_terms(g: rdflib.Graph) -> Iterator[URIRef]:
    for triple in g:
        for term in triple:
            if isinstance(term, URIRef) and str(term).startswith(vocab.ONT):
                yield term


def test_every_kgo_term_used_is_declared(g: rdflib.Graph) -> None:
    declared = set(g.subjects(RDFS.label))
    undeclared = {t for t in _kgo_terms(g) if t not in declared}
    assert not undeclared


def test_ontology_command_prints_the_source_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = kg(capsys, "ontology")
    assert code == 0, err
    assert out == ONTOLOGY_FILE.read_text(encoding="utf-8")


def test_ontology_command_ntriples_is_sorted_and_stable(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, first, err = kg(capsys, "ontology", "--format", "nt")
    assert code == 0, err
    assert kg(capsys, "ontology", "-f", "nt")[1] == first
    lines = first.splitlines()
    assert lines == sorted(lines)
    parsed = rdflib.Graph().parse(data=first, format="nt")
    assert len(parsed) == len(ontology_graph())


def test_ontology_command_prints_the_shapes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = kg(capsys, "ontology", "--shapes", "--format", "nt")
    assert code == 0, err
    assert "<http://www.w3.org/ns/shacl#NodeShape>" in out


def test_ontology_document_matches_the_library() -> None:
    assert ontology_document(OntologyFormat.ttl) == ONTOLOGY_FILE.read_text(encoding="utf-8")
