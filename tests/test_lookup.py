"""Entity name resolution (kg.lookup) on the hand-written store tests/data/mini.trig."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import store_with

from kg import lookup
from kg.errors import AmbiguousEntityError, EntityNotFoundError
from kg.store import Store

MINI = Path(__file__).parent / "data" / "mini.trig"
TRICKY = 'O\'Brien "Labs" {x} <y> # SELECT \\ DROP ALL'


@pytest.fixture(scope="module")
def store(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """mini.trig in the embedded store, then on a SPARQL server: every test runs on both."""
    quads = ox.parse(path=str(MINI), format=ox.RdfFormat.TRIG)
    with store_with(backend, quads, tmp_path_factory.mktemp("server")) as s:
        yield s


@pytest.mark.parametrize(
    ("name", "iri_tail"),
    [
        ("Summit Hospital", "hospital/summit-hospital"),
        ("the summit hospital", "hospital/summit-hospital"),  # case and a leading "the"
        ("SUMMIT  HOSPITAL.", "hospital/summit-hospital"),  # punctuation and spaces
        ("HME 2022", "event/harbor-medical-expo-2022"),  # alias
        ("Acme", "company/acme-devices"),  # alias
        ("care pavilion", "event/digital-care-pavilion"),  # the only node with all words
        ("Harbor Medical Expo", "eventseries/harbor-medical-expo"),  # label beats containment
        ("kg:hospital/summit-hospital", "hospital/summit-hospital"),  # prefixed IRI
        ("<https://w3id.org/kg-health/id/place/sweden>", "place/sweden"),  # full IRI
        (TRICKY, "company/o-brien-labs-x-y-select-drop-all"),  # quotes, braces, keywords
    ],
)
def test_resolve_finds_the_node(store: Store, name: str, iri_tail: str) -> None:
    assert lookup.resolve(store, name).iri.endswith(iri_tail)


def test_resolve_reports_types_most_specific_first(store: Store) -> None:
    ref = lookup.resolve(store, "Summit Hospital")
    assert ref.types == ("Hospital", "Organization")
    assert ref.label == "Summit Hospital"


def test_label_match_beats_alias_match(store: Store) -> None:
    # "Harbor Medical Expo" is the series' label and part of edition aliases
    assert lookup.resolve(store, "harbor medical expo").type == "EventSeries"


def test_several_containment_matches_are_ambiguous_with_types(store: Store) -> None:
    with pytest.raises(AmbiguousEntityError) as err:
        lookup.resolve(store, "Coastal")
    message = str(err.value)
    assert "Coastal Health Forum (Event)" in message
    assert "Coastal Health Forum series (EventSeries)" in message


def test_prefer_breaks_a_tie(store: Store) -> None:
    assert lookup.resolve(store, "Coastal", prefer=("Event",)).label == "Coastal Health Forum"


def test_containment_skips_agreements_whose_labels_name_their_parties(store: Store) -> None:
    # "Center for Device Innovation" also occurs inside two agreement labels
    ref = lookup.resolve(store, "Device Innovation")
    assert ref.label == "Center for Device Innovation"


def test_unknown_name_suggests_nearest(store: Store) -> None:
    with pytest.raises(EntityNotFoundError) as err:
        lookup.resolve(store, "Sumit Hospital")
    assert "did you mean: Summit Hospital" in str(err.value)


def test_unknown_iri_is_not_found(store: Store) -> None:
    with pytest.raises(EntityNotFoundError, match="no node with IRI"):
        lookup.resolve(store, "kg:hospital/nowhere")


@pytest.mark.parametrize("name", ['"} . ?s ?p ?o {', "x') || true || ('", "\\", "> #", ""])
def test_hostile_names_never_break_queries(store: Store, name: str) -> None:
    with pytest.raises(EntityNotFoundError):
        lookup.resolve(store, name)
    assert isinstance(lookup.search(store, name), list)


def test_search_ranks_and_filters_by_type(store: Store) -> None:
    hits = lookup.search(store, "lakeside")
    assert hits[0].entity.label == "Lakeside District"  # exact alias "Lakeside" first
    assert {h.entity.label for h in hits} >= {"Lakeside City", "Lakeside Health Association"}
    gov = lookup.search(store, "lakeside", types=["GovernmentBody"])
    assert [h.entity.label for h in gov] == ["Lakeside Municipal Government"]


def test_search_tolerates_typos(store: Store) -> None:
    hits = lookup.search(store, "Nordik Farma")
    assert hits and hits[0].entity.label == "Nordic Pharma"


def test_search_finds_names_with_special_characters(store: Store) -> None:
    hits = lookup.search(store, 'O\'Brien "Labs"')
    assert hits[0].entity.label == TRICKY


def test_pick_label_is_stable() -> None:
    assert lookup.pick_label(["B", "A", "Longer"]) == "Longer"
    assert lookup.pick_label(["X", "X", "Longer"]) == "X"
