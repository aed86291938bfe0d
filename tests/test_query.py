"""show / neighbors / path / entities (kg.query) on tests/data/mini.trig."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import store_with

from kg import query
from kg.errors import UsageError
from kg.lookup.nodes import EntityRef
from kg.lookup.resolution import resolve
from kg.store import Store

MINI = Path(__file__).parent / "data" / "mini.trig"


@pytest.fixture(scope="module")
def store(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """mini.trig in the embedded store, then on a SPARQL server: every test runs on both."""
    quads = ox.parse(path=str(MINI), format=ox.RdfFormat.TRIG)
    with store_with(backend, quads, tmp_path_factory.mktemp("server")) as s:
        yield s


def ref(store: Store, name: str) -> EntityRef:
    return resolve(store, name)


def test_neighbors_depth1_lists_facts_and_agreement_hops(store: Store) -> None:
    rows = query.neighbors(store, ref(store, "Summit Hospital"))
    got = {(r.relation, r.direction, r.node.label, r.via.label if r.via else None) for r in rows}
    assert ("affiliation", "in", "Li Wei", None) in got
    assert ("participant", "in", "Digital Care Pavilion", None) in got
    assert (
        "party", "both", "Acme Devices",
        "strategic cooperation agreement between Summit Hospital and Acme Devices",
    ) in got
    assert ("signedAt", "out", "Harbor Medical Expo 2022",
            "cooperation memorandum between Summit Hospital and Nordic Pharma") in got
    assert all(r.depth == 1 and r.evidence for r in rows)
    # agreements are intermediates, never neighbours themselves
    assert not any("Agreement" in r.node.types for r in rows)


def test_party_hops_use_sides(store: Store) -> None:
    # Ministry of Wellness and Lakeside government signed on ONE side with Nordic Pharma:
    # they are not each other's counterparts.
    rows = query.neighbors(store, ref(store, "Ministry of Wellness"), relations=["party"])
    assert {r.node.label for r in rows} == {"Nordic Pharma"}
    # a multilateral convention (one side): every other party
    rows = query.neighbors(store, ref(store, "Sweden"), relations=["party"])
    assert {r.node.label for r in rows} == {"Norway", "Chile"}


def test_neighbors_filters(store: Store) -> None:
    pavilion = ref(store, "Digital Care Pavilion")
    hospitals = query.neighbors(store, pavilion, types=["Hospital"])
    assert {r.node.label for r in hospitals} == {"Summit Hospital", "Valley Hospital"}
    out = query.neighbors(store, pavilion, direction=query.Direction.out)
    assert all(r.direction == "out" for r in out)
    inward = query.neighbors(store, pavilion, direction=query.Direction.in_)
    assert {r.node.label for r in inward} == set()
    # participant admits its sub-property exhibitor; the pair is reported once, as exhibitor
    parts = query.neighbors(store, pavilion, relations=["participant"])
    acme = [r for r in parts if r.node.label == "Acme Devices"]
    assert [r.relation for r in acme] == ["exhibitor"]


def test_neighbors_depth2_expands_only_new_nodes(store: Store) -> None:
    rows = query.neighbors(store, ref(store, "Valley Hospital"), depth=2)
    assert {r.depth for r in rows} == {1, 2}
    level1 = {r.node.iri for r in rows if r.depth == 1}
    for r in rows:
        if r.depth == 2:
            assert r.parent.iri in level1
            assert r.node.iri not in level1
            assert r.node.label != "Valley Hospital"


def test_neighbors_rejects_unknown_relation(store: Store) -> None:
    with pytest.raises(UsageError, match="unknown relation"):
        query.neighbors(store, ref(store, "Summit Hospital"), relations=["friendOf"])


def test_shortest_path_with_evidence(store: Store) -> None:
    result = query.path(store, ref(store, "Li Wei"), ref(store, "Valley Hospital"))
    assert len(result.paths) == 1
    hops = result.paths[0]
    assert query.path_text(hops) == (
        "Li Wei -[affiliation]-> Summit Hospital <-[participant]- Digital Care Pavilion "
        "-[participant]-> Valley Hospital"
    )
    assert all(h.evidence for h in hops)
    assert hops[0].evidence[0].doc == "a1_expo.txt"


def test_path_through_an_agreement(store: Store) -> None:
    result = query.path(store, ref(store, "Sweden"), ref(store, "Chile"))
    (hop,) = result.paths[0]
    assert hop.via is not None and hop.via.label == "Lakeside Convention on Medical Data"
    assert hop.arrow() == "<-[party]- (Lakeside Convention on Medical Data) -[party]->"


def test_path_to_an_agreement_endpoint(store: Store) -> None:
    result = query.path(store, ref(store, "Norway"), ref(store, "Lakeside Convention"))
    text = query.path_text(result.paths[0])
    assert text == "Norway <-[party]- Lakeside Convention on Medical Data"


def test_no_path_within_k_is_an_empty_answer(store: Store) -> None:
    result = query.path(store, ref(store, "Valley Hospital"), ref(store, "Zhao Min"),
                        max_length=2)
    assert result.paths == []
    assert result.as_json()["found"] is False


def test_all_paths_are_simple_sorted_and_capped(store: Store) -> None:
    a, b = ref(store, "Valley Hospital"), ref(store, "Zhao Min")
    result = query.path(store, a, b, max_length=5, all_paths=True, limit=7)
    assert len(result.paths) == 7 and result.truncated
    lengths = [len(p) for p in result.paths]
    assert lengths == sorted(lengths)
    shortest = query.path(store, a, b, max_length=5).paths[0]
    assert lengths[0] == len(shortest)
    for hops in result.paths:
        nodes = [hops[0].source.iri] + [h.target.iri for h in hops]
        assert len(nodes) == len(set(nodes))
        assert nodes[0] == a.iri and nodes[-1] == b.iri


def test_path_relation_filter(store: Store) -> None:
    a, b = ref(store, "Summit Hospital"), ref(store, "Center for Device Innovation")
    result = query.path(store, a, b, relations=["party"])
    assert [h.relation for h in result.paths[0]] == ["party", "party"]


def test_show_card(store: Store) -> None:
    card = query.show(store, ref(store, "HME 2022"))
    assert card.entity.aliases == ("2022 Harbor Medical Expo", "HME 2022")
    assert card.articles == ("a1_expo.txt", "a2_forum.txt")
    assert [v.label for v in card.out["startDate"]] == ["2022-05"]
    assert card.out["startDate"][0].datatype == "gYearMonth"
    # the start date is stated in two articles: both evidence sentences
    assert {e.doc for e in card.out["startDate"][0].evidence} == {"a1_expo.txt", "a2_forum.txt"}
    assert {v.label for v in card.out["organizer"]} == {
        "Ministry of Wellness", "Lakeside Municipal Government"}
    assert [v.label for v in card.in_["subEventOf"]] == ["Digital Care Pavilion"]
    assert len(card.agreements) == 3  # signed at the expo
    data = card.as_json()
    assert data["out"]["theme"][0]["label"] == "Health for all, innovation for life"


def test_show_agreement_and_posts(store: Store) -> None:
    card = query.show(store, ref(store, "Lakeside Convention on Medical Data"))
    (info,) = card.agreements
    assert info.kind == "convention"
    assert [p.label for p in info.parties] == ["Chile", "Norway", "Sweden"]
    assert len(info.sides) == 1
    assert info.signed_at is not None and info.signed_at.label == "signing ceremony"
    person = query.show(store, ref(store, "Li Wei"))
    assert [(p.role, p.organization.label if p.organization else None)
            for p in person.posts] == [("president", "Summit Hospital")]
    memo = query.show(store, ref(store, "Nordic Pharma")).agreements
    dated = [a for a in memo if a.signed_on]
    assert [a.signed_on for a in dated] == ["2022-05-18"]


def test_entities_lists_types_and_fact_counts(store: Store) -> None:
    rows = query.entities(store, types=["Hospital"])
    assert [(r.entity.label, r.facts) for r in rows] == [
        ("Summit Hospital", 4), ("Valley Hospital", 1)]
    labels = [r.entity.label for r in query.entities(store)]
    assert labels == sorted(labels, key=str.lower)
    assert not any(lab.startswith("kg:") for lab in labels)


def test_check_types() -> None:
    assert query.check_types(["hospital"]) == ("Hospital",)
    with pytest.raises(UsageError, match="unknown type"):
        query.check_types(["Spaceship"])
