"""kg.rdf.build_quads against a hand-written graph (tests/data/expected_article.trig)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pyoxigraph as ox
import pytest
from conftest import DATA
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg import vocab
from kg.rdf import build_quads, summarize
from kg.records import (
    AgreementRecord,
    Article,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Fact,
    Literal,
    MergeDecision,
    PartialDate,
    Post,
    Relation,
    Resolution,
)

TITLE = "Sample forum opens"
SENTENCES = [
    "The forum was hosted by the Riverton Municipal Health Commission (RMHC) in Riverton.",
    "It runs from July 18 to July 20.",
    "Acme Medical Co., Ltd. exhibited its scanners.",
    'Its theme is "Health for all".',
    "Li Ming, president of Riverton First Hospital, signed the deal.",
    "Riverton First Hospital signed a strategic cooperation agreement with Acme Medical.",
]
WHEN = datetime(2024, 7, 19, 8, 30, 0, 123456, tzinfo=UTC)
ACME = vocab.ID + "company/acme-medical"


def sample_resolution(doc: str = "sample.txt") -> Resolution:
    """A resolution exercising every part of the model: aliases, a merge onto an existing
    node, literal and partial dates, a superproperty, a post and a two-sided agreement."""
    text = TITLE + "\n\n" + " ".join(SENTENCES)
    evidence = []
    for s in SENTENCES:
        start = text.index(s)
        evidence.append(Evidence(doc, s, start, start + len(s)))
    article = Article(doc, text, "ab" * 32, title=TITLE, published=date(2024, 7, 18))
    ex = Extraction(article, "hand-made")
    for e in [
        Entity("ev", "Sample Health Forum 2024", EntityType.EVENT, {"the forum"}),
        Entity("gov", "Riverton Municipal Health Commission", EntityType.GOVERNMENT_BODY, {"RMHC"}),
        Entity("hosp", "Riverton First Hospital", EntityType.HOSPITAL),
        Entity("acme", "Acme Medical Co., Ltd.", EntityType.COMPANY),
        Entity("li", "Li Ming", EntityType.PERSON),
        Entity("riv", "Riverton", EntityType.PLACE),
    ]:
        ex.entities[e.key] = e
    ex.facts = [
        Fact("ev", Relation.HOST, "gov", evidence[0]),
        Fact("ev", Relation.LOCATION, "riv", evidence[0]),
        Fact("ev", Relation.START_DATE, Literal("July 18", PartialDate(2024, 7, 18)), evidence[1]),
        Fact("ev", Relation.END_DATE, Literal("July 20", PartialDate(None, 7, 20)), evidence[1]),
        Fact("ev", Relation.EXHIBITOR, "acme", evidence[2]),
        Fact("ev", Relation.THEME, Literal("Health for all"), evidence[3]),
    ]
    ex.posts = [Post("li", "president", "hosp", evidence[4])]
    ex.agreements = [
        AgreementRecord("ag", "strategic cooperation agreement", [["hosp"], ["acme"]],
                        evidence[5], event="ev", date=PartialDate(2024, 7, 18)),
    ]
    iris = {
        "ev": vocab.entity_iri("Event", "Sample Health Forum 2024"),
        "gov": vocab.entity_iri("GovernmentBody", "Riverton Municipal Health Commission"),
        "hosp": vocab.entity_iri("Hospital", "Riverton First Hospital"),
        "acme": ACME,
        "li": vocab.entity_iri("Person", "Li Ming"),
        "riv": vocab.entity_iri("Place", "Riverton"),
        "ag": vocab.hashed_iri("agreement", doc, "strategic cooperation agreement"),
    }
    labels = {iris[k]: ex.entities[k].label for k in ex.entities}
    labels[ACME] = "Acme Medical"
    merges = [MergeDecision("Acme Medical Co., Ltd.", ACME,
                            "'Acme Medical Co., Ltd.' is a known alias of 'Acme Medical'")]
    return Resolution(ex, iris, labels, merges)


_STRUCTURAL = tuple(vocab.ID + k + "/" for k in ("assertion", "agreement", "side", "post", "merge"))


def _as_rdflib(quads: list[ox.Quad]) -> Graph:
    """The quads as an rdflib graph, hashed structural IRIs turned into blank nodes."""
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    ds = Dataset()
    ds.parse(data=data.decode(), format="nquads")
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add(tuple(  # type: ignore[arg-type]
            BNode(str(t)) if isinstance(t, URIRef) and str(t).startswith(_STRUCTURAL) else t
            for t in (s, p, o)
        ))
    return g


def _expected() -> Graph:
    ds = Dataset()
    ds.parse(DATA / "expected_article.trig", format="trig")
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def test_build_quads_matches_the_hand_written_graph() -> None:
    got, want = _as_rdflib(build_quads(sample_resolution(), WHEN)), _expected()
    if not isomorphic(got, want):
        _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
        pytest.fail(
            "build_quads differs from expected_article.trig\n--- only in output:\n"
            + only_got.serialize(format="nt") + "--- only in expected:\n"
            + only_want.serialize(format="nt")
        )


def test_every_quad_is_in_the_article_graph() -> None:
    quads = build_quads(sample_resolution(), WHEN)
    assert {q.graph_name for q in quads} == {ox.NamedNode(vocab.doc_iri("sample.txt"))}
    assert len(quads) == len(set(quads)), "duplicates"


def test_deterministic_except_ingest_time() -> None:
    a = build_quads(sample_resolution(), WHEN)
    b = build_quads(sample_resolution(), WHEN)
    assert a == b
    later = build_quads(sample_resolution(), datetime(2025, 1, 1, tzinfo=UTC))
    changed = set(a) ^ set(later)
    assert {q.predicate.value for q in changed} == {vocab.PROV + "generatedAtTime"}


def test_assertion_iris_differ_by_evidence_and_article() -> None:
    here = {q.subject for q in build_quads(sample_resolution(), WHEN)
            if q.subject.value.startswith(vocab.ID + "assertion/")}
    there = {q.subject for q in build_quads(sample_resolution("other.txt"), WHEN)
             if q.subject.value.startswith(vocab.ID + "assertion/")}
    assert len(here) == 11  # 6 facts + participant + role + affiliation + 2 parties
    assert not here & there


def test_ingest_time_is_utc_whole_seconds() -> None:
    quads = build_quads(sample_resolution(), WHEN)
    [stamp] = [q.object for q in quads if q.predicate.value == vocab.PROV + "generatedAtTime"]
    assert isinstance(stamp, ox.Literal)
    assert stamp.value == "2024-07-19T08:30:00Z"
    assert stamp.datatype == ox.NamedNode(vocab.XSD + "dateTime")


def test_named_agreement_keeps_its_own_label() -> None:
    res = sample_resolution()
    res.extraction.agreements[0].label = "Riverton Convention on Hospital Care"
    quads = build_quads(res, WHEN)
    labels = {q.object.value for q in quads
              if q.subject.value == res.iris["ag"] and q.predicate.value == vocab.RDFS_LABEL}
    assert labels == {"Riverton Convention on Hospital Care"}


def test_unknown_key_is_reported_as_an_extractor_bug() -> None:
    res = sample_resolution()
    evidence = res.extraction.facts[0].evidence
    res.extraction.facts.append(Fact("ev", Relation.HOST, "nobody", evidence))
    with pytest.raises(ValueError, match="nobody"):
        build_quads(res, WHEN)


def test_summarize_counts_entities_facts_agreements() -> None:
    # 6 entities; facts: 6 + materialised participant + role + affiliation; 1 agreement
    assert summarize(build_quads(sample_resolution(), WHEN)) == (6, 9, 1)


def test_a_surname_alias_merges_no_people_across_articles() -> None:
    """"Prof. Zhou" in one story and "Zhou" in another are two people; a full name still merges."""
    from kg.resolve import EntityIndex, KnownEntity

    known = KnownEntity("https://example.org/p1", "Zhou Wenli", EntityType.PERSON, frozenset({"Zhou Wenli", "Zhou"}))
    index = EntityIndex([known])
    assert index.find(Entity("e1", "Zhou Pinghe", EntityType.PERSON, aliases={"Zhou"})) is None
    assert index.find(Entity("e2", "Zhou", EntityType.PERSON)) is None
    hit = index.find(Entity("e3", "Zhou Wenli", EntityType.PERSON, aliases={"Zhou"}))
    assert hit is not None and hit[0] is known
