"""Query commands on a graph kg did not write (tests/data/foreign.ttl, a vocabulary of its own).

Neighbours, paths, cards and search follow every IRI-valued predicate between labelled
nodes, named by prefixed name (well-known namespaces) or local name, and show every
``rdf:type``; literals, unlabelled nodes, blank nodes and reification never become
neighbours. Checked through the library and through the CLI on an imported store.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import Cli, store_with

from kg import query, terms, vocab
from kg.errors import UsageError
from kg.lookup.nodes import EntityRef
from kg.lookup.resolution import resolve
from kg.lookup.searching import search
from kg.store import Store

FOREIGN = Path(__file__).parent / "data" / "foreign.ttl"
ID = "http://data.example.org/id/"


def foreign_quads() -> list[ox.Quad]:
    """The file's triples in the graph ``kg import`` would put them in."""
    graph = ox.NamedNode(vocab.doc_iri(FOREIGN.name))
    return [ox.Quad(q.subject, q.predicate, q.object, graph)
            for q in ox.parse(path=str(FOREIGN), format=ox.RdfFormat.TURTLE)]


@pytest.fixture(scope="module")
def store(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The foreign graph in the embedded store, then on a SPARQL server."""
    with store_with(backend, foreign_quads(), tmp_path_factory.mktemp("server")) as s:
        yield s


def ref(store: Store, name: str) -> EntityRef:
    return resolve(store, name)


def test_names_and_types_of_foreign_nodes(store: Store) -> None:
    alice = ref(store, "Alice Moreau")
    assert alice.iri == ID + "alice"
    assert alice.types == ("Person", "Surgeon")  # local names of foaf:Person and ex:Surgeon
    assert alice.aliases == ("Dr Moreau",)
    assert ref(store, "Dr Moreau").iri == ID + "alice"  # an alias resolves
    bruno = ref(store, "Bruno Kessler")  # named by skos:prefLabel only
    assert (bruno.iri, bruno.label) == (ID + "bruno", "Bruno Kessler")
    hits = search(store, "kessler")
    assert [h.entity.iri for h in hits] == [ID + "bruno"]


def test_a_foreign_class_named_like_kg_scaffolding_is_an_entity(store: Store) -> None:
    # schema:Article is not kg's Article (an ingested news item, never looked up or walked)
    letter = ref(store, "North Clinic Newsletter")
    assert letter.types == ("schema:Article",)
    clinic = query.neighbors(store, ref(store, "North Clinic"), relations=["schema:publisher"])
    assert [(r.direction, r.node.label) for r in clinic] == [("in", "North Clinic Newsletter")]


def test_neighbors_follow_every_iri_predicate_between_labelled_nodes(store: Store) -> None:
    rows = query.neighbors(store, ref(store, "Alice Moreau"), depth=2)
    got = {(r.depth, r.parent.label, r.relation, r.direction, r.node.label) for r in rows}
    assert got == {
        (1, "Alice Moreau", "foaf:knows", "out", "Bruno Kessler"),
        (1, "Alice Moreau", "worksAt", "out", "North Clinic"),
        (2, "Bruno Kessler", "schema:memberOf", "out", "Vale Care Network"),
        (2, "North Clinic", "locatedIn", "out", "Port Vale"),
        (2, "North Clinic", "schema:memberOf", "out", "Vale Care Network"),
        (2, "North Clinic", "schema:publisher", "in", "North Clinic Newsletter"),
    }
    # the literal, the unlabelled node, the blank node and the reified statement are not here
    reached = {r.node.iri for r in rows}
    assert ID + "unlabelled-thing" not in reached and ID + "statement-1" not in reached
    clinic = {(r.relation, r.direction, r.node.label)
              for r in query.neighbors(store, ref(store, "North Clinic"))}
    assert ("worksAt", "in", "Alice Moreau") in clinic
    assert all(r.node.label != "statement one" for r in query.neighbors(
        store, ref(store, "North Clinic")))


def test_relation_filter_by_prefixed_or_local_name(store: Store) -> None:
    alice = ref(store, "Alice Moreau")
    assert [r.node.label for r in query.neighbors(store, alice, relations=["foaf:knows"])] == [
        "Bruno Kessler"]
    assert [r.node.label for r in query.neighbors(store, alice, relations=["worksAt"])] == [
        "North Clinic"]
    with pytest.raises(UsageError, match="unknown relation"):
        query.neighbors(store, alice, relations=["likes"])


def test_path_across_foreign_predicates(store: Store) -> None:
    result = query.path(store, ref(store, "Alice Moreau"), ref(store, "Port Vale"))
    assert [query.path_text(p) for p in result.paths] == [
        "Alice Moreau -[worksAt]-> North Clinic -[locatedIn]-> Port Vale"]
    both = query.path(store, ref(store, "Bruno Kessler"), ref(store, "North Clinic"))
    assert query.path_text(both.paths[0]) == (
        "Bruno Kessler -[schema:memberOf]-> Vale Care Network <-[schema:memberOf]- North Clinic")


def test_card_lists_foreign_facts_and_types(store: Store) -> None:
    card = query.show(store, ref(store, "Alice Moreau"))
    assert card.entity.types == ("Person", "Surgeon")
    assert {r: [v.label for v in vs] for r, vs in card.out.items()} == {
        "birthYear": ["1971"], "worksAt": ["North Clinic"], "foaf:knows": ["Bruno Kessler"]}
    assert card.out["birthYear"][0].datatype == "gYear"
    clinic = query.show(store, ref(store, "North Clinic"))
    assert clinic.entity.types == ("Clinic", "MedicalOrganization")
    assert {r: [v.label for v in vs] for r, vs in clinic.in_.items()} == {
        "worksAt": ["Alice Moreau"], "schema:publisher": ["North Clinic Newsletter"]}


def test_predicate_names() -> None:
    assert terms.predicate_name("http://schema.org/memberOf") == "schema:memberOf"
    assert terms.predicate_name("https://schema.org/memberOf") == "schema:memberOf"
    assert terms.predicate_name("http://data.example.org/vocab#worksAt") == "worksAt"
    assert terms.predicate_name("https://w3id.org/kg-health/ontology#host") == "host"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    cli = Cli(tmp_path_factory.mktemp("foreign") / "store")
    assert cli("import", str(FOREIGN)).exit_code == 0
    return cli


def test_cli_neighbors_path_show_search(imported: Cli) -> None:
    rows = json.loads(imported("neighbors", "Alice Moreau", "--depth", "2", "-f", "json").stdout)
    assert {(r["relation"], r["node"]["label"]) for r in rows if r["depth"] == 1} == {
        ("foaf:knows", "Bruno Kessler"), ("worksAt", "North Clinic")}
    out = imported("path", "Alice Moreau", "Port Vale").stdout
    assert "Alice Moreau -[worksAt]-> North Clinic -[locatedIn]-> Port Vale" in out
    card = json.loads(imported("show", "North Clinic", "-f", "json").stdout)
    assert card["types"] == ["Clinic", "MedicalOrganization"]
    assert card["out"]["schema:memberOf"][0]["label"] == "Vale Care Network"
    assert card["articles"] == ["foreign.ttl"]
    found = json.loads(imported("search", "north clinic", "-f", "json").stdout)
    assert found[0]["iri"] == ID + "north-clinic"
    bad = imported("neighbors", "Alice Moreau", "--relation", "likes")
    assert bad.exit_code == 2 and "unknown relation" in bad.stderr
