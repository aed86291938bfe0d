"""kg ask: every question form parses to the right query and answers on tests/data/mini.trig."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import assert_reads, memory_store, shared_path, store_with

from kg.ask import ask, clean_question, kind_matches, match, types_for
from kg.errors import AmbiguousEntityError, EntityNotFoundError, UnknownQuestionError
from kg.store import Store

MINI = Path(__file__).parent / "data" / "mini.trig"


@pytest.fixture(scope="module")
def store(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """mini.trig in the embedded store, then on a SPARQL server: every test runs on both."""
    quads = ox.parse(path=str(MINI), format=ox.RdfFormat.TRIG)
    with store_with(backend, quads, tmp_path_factory.mktemp("server")) as s:
        yield s


CASES = [
    # (question, form, answers)
    ("who signed with Summit Hospital", "signed-with", ["Acme Devices", "Nordic Pharma"]),
    ("Who has Summit Hospital signed with?", "signed-with", ["Acme Devices", "Nordic Pharma"]),
    ("who signed a strategic cooperation memorandum with Nordic Pharma", "signed-with",
     ["Lakeside Municipal Government", "Ministry of Wellness"]),
    ("who inked deals with Nordic Pharma", "signed-with",  # no kind "deal": every agreement
     ["Lakeside Municipal Government", "Ministry of Wellness", "Summit Hospital"]),
    ("who reached a cooperation agreement with Acme Devices", "signed-with",
     ["Center for Device Innovation", "Summit Hospital"]),
    ("which hospitals signed with Acme Devices", "signed-with", ["Summit Hospital"]),
    ("who signed the Lakeside Convention on Medical Data", "parties",
     ["Chile", "Norway", "Sweden"]),
    ("who hosted the signing ceremony for the Lakeside Convention on Medical Data", "hosts",
     ["World Health Alliance"]),
    ("during which forum was the Lakeside Convention on Medical Data signing ceremony held",
     "part-of", ["Coastal Health Forum"]),
    ("who hosted HME 2022", "hosts", ["Lakeside Health Association"]),
    ("who organized the Harbor Medical Expo 2022", "organizers",
     ["Lakeside Municipal Government", "Ministry of Wellness"]),
    ("who attended the Harbor Medical Expo 2022", "participants", ["Li Wei"]),
    ("which hospitals took part in the digital care exhibition", "participants",
     ["Summit Hospital", "Valley Hospital"]),
    ("which companies will attend the Digital Care Pavilion", "participants",
     ["Acme Devices", "Nordic Pharma"]),
    ("which companies showed surgical robots at the Digital Care Pavilion", "participants",
     ["Acme Devices"]),
    ("who exhibited at HME 2023", "participants", ["Acme Devices"]),
    ("which country was the guest of honor at the Coastal Health Forum", "participants",
     ["Norway"]),
    ("where was HME 2022 held", "where", ["Lakeside City"]),
    ("where did the Coastal Health Forum take place", "where", ["Lakeside District"]),
    ("where is the Digital Care Pavilion located", "where", ["Hall B of Riverside Park"]),
    ("where is Hall B located", "where", ["Riverside Park"]),  # a venue: locatedIn
    ("when was the Coastal Health Forum held", "when-start", ["--09-26"]),
    ("when did HME 2022 start", "when-start", ["2022-05"]),
    ("when did HME 2022 end", "when-end", ["2022-05-20"]),
    ("which events did the Lakeside Health Association host", "events-of",
     ["Coastal Health Forum", "Harbor Medical Expo 2022"]),
    ("what events did Acme Devices attend", "events-of",
     ["Digital Care Pavilion", "Harbor Medical Expo 2023"]),
    ("which events did Summit Hospital sign at", "events-of", ["Harbor Medical Expo 2022"]),
    ("who is the president of Summit Hospital", "post-holder", ["Li Wei"]),
    ("who is the Party secretary of Lakeside", "post-holder", ["Zhao Min"]),
    ("what is Li Wei's post", "post", ["president"]),
    ("what is the theme of HME 2022", "theme", ["Health for all, innovation for life"]),
    ("which series is HME 2022 an edition of", "series", ["Harbor Medical Expo"]),
    ("what are the editions of the Harbor Medical Expo", "editions",
     ["Harbor Medical Expo 2022", "Harbor Medical Expo 2023"]),
    ("which fair includes the Digital Care Pavilion", "part-of", ["Harbor Medical Expo 2022"]),
    ("what themed exhibitions did HME 2022 feature", "sub-events", ["Digital Care Pavilion"]),
    ("which country is Nordic Pharma from", "country", ["Sweden"]),
    ("which ministry is the Center for Device Innovation under", "parent-organization",
     ["Ministry of Wellness"]),
    # "where did X open / close": a base verb after "did"
    ("where did the Coastal Health Forum open", "where", ["Lakeside District"]),
    ("where did HME 2022 close", "where", ["Lakeside City"]),
    ("where did HME 2022 kick off", "where", ["Lakeside City"]),
    # the places participants came from: a Place taking part, a body's country, a person's
    # affiliation (a district gives way to the city it lies in when cities are asked)
    ("representatives from which countries attended the Coastal Health Forum",
     "participants-from", ["Norway"]),
    ("officials from which cities attended the Coastal Health Forum", "participants-from",
     ["Lakeside City"]),
    ("companies from which countries took part in the Digital Care Pavilion",
     "participants-from", ["Sweden"]),
    # at which events X signed (its agreements' kgo:signedAt)
    ("at which event did Summit Hospital sign an agreement", "signing-events",
     ["Harbor Medical Expo 2022"]),
    ("at which event did Summit Hospital sign the strategic cooperation agreement",
     "signing-events", ["Harbor Medical Expo 2022"]),
    ("during which forum did Acme Devices sign a strategic cooperation agreement",
     "signing-events", ["Coastal Health Forum"]),  # the expo is no forum
    ("at which event did Acme Devices sign an agreement with Summit Hospital", "signing-events",
     ["Harbor Medical Expo 2022"]),
    ("at which event did Summit Hospital sign to build the Lakeside Care Center",
     "signing-events", ["Harbor Medical Expo 2022"]),
    # a purpose clause is not part of X
    ("who signed a cooperation agreement with Acme Devices to jointly build the Lakeside Care "
     "Center", "signed-with", ["Center for Device Innovation", "Summit Hospital"]),
    ("who signed with Summit Hospital to set up a joint lab", "signed-with",
     ["Acme Devices", "Nordic Pharma"]),
    # coordinated attendance verbs; "witnessed" is attendance
    ("who attended and witnessed the Coastal Health Forum", "participants", ["Zhao Min"]),
    ("who witnessed the Coastal Health Forum", "participants", ["Zhao Min"]),
    ("who attended and spoke at HME 2022", "participants", ["Li Wei"]),
    # what lies in a place (at any depth), of the asked type; events held there
    ("what places are located in Lakeside City", "located-in",
     ["Hall B of Riverside Park", "Lakeside District", "Riverside Park"]),
    ("which venues are located in Lakeside City", "located-in", ["Hall B of Riverside Park"]),
    ("which forums were held in Lakeside City", "located-in", ["Coastal Health Forum"]),
    # counts: agreements in the graph, or the number an event's statistic states
    ("how many agreements did Summit Hospital sign", "how-many", ["2"]),
    ("how many agreements did Summit Hospital sign at HME 2022", "how-many", ["2"]),
    ("how many agreements were signed at the Coastal Health Forum", "how-many", ["3"]),
    ("how many strategic cooperation agreements were signed by the Center for Device "
     "Innovation at the Coastal Health Forum", "how-many", ["2"]),
    # ceremonies named by description; an agreement signed at the expo itself
    ("at which event was the signing ceremony of the strategic cooperation agreement between "
     "Summit Hospital and Acme Devices held", "part-of", ["Harbor Medical Expo 2022"]),
    ("who attended the signing ceremony of the strategic cooperation agreement between Summit "
     "Hospital and Acme Devices", "participants", ["Li Wei"]),
    ("where was the signing ceremony between Summit Hospital and Acme Devices held", "where",
     ["Lakeside City"]),
    ("at which event was the Lakeside Convention on Medical Data signing ceremony held",
     "part-of", ["Coastal Health Forum"]),
]


@pytest.mark.parametrize(("question", "form", "answers"), CASES)
def test_question_forms(store: Store, question: str, form: str, answers: list[str]) -> None:
    assert_reads(store, question, form, answers)


def test_literal_answers_have_no_iri_and_json_shape(store: Store) -> None:
    data = ask(store, "when was the Coastal Health Forum held").as_json()
    assert data["question"] == "when was the Coastal Health Forum held"
    (answer,) = data["answers"]
    assert answer["label"] == "--09-26" and answer["iri"] is None
    assert answer["evidence"][0] == {
        "doc": "a2_forum.txt",
        "sentence": "The Coastal Health Forum opened on Sept 26 in Lakeside District, "
                    "hosted by the Lakeside Health Association.",
    }
    json.dumps(data)  # serialisable


def test_connection_question_returns_a_path(store: Store) -> None:
    result = ask(store, "how is Li Wei connected to Valley Hospital")
    assert result.form == "connection"
    assert result.path is not None and len(result.path.paths[0]) == 3
    assert [a.label for a in result.answers][-1] == "Valley Hospital"


def test_unknown_form_lists_known_forms(store: Store) -> None:
    with pytest.raises(UnknownQuestionError) as err:
        ask(store, "tell me a joke")
    assert "who signed (a KIND) with X" in str(err.value)
    assert err.value.exit_code == 2


def test_unresolvable_entity(store: Store) -> None:
    with pytest.raises(EntityNotFoundError, match="did you mean: Summit Hospital"):
        ask(store, "who signed with Sumit Hospital")
    with pytest.raises(AmbiguousEntityError):
        ask(store, "who signed with Coastal")


def test_hostile_entity_phrases(store: Store) -> None:
    result = ask(store, 'who attended O\'Brien "Labs" {x} <y> # SELECT \\ DROP ALL')
    assert result.entity is not None and result.entity.label.startswith("O'Brien")
    for phrase in ['"} CLEAR GRAPH {', "x' . ?s ?p ?o", ">#"]:
        with pytest.raises(EntityNotFoundError):
            ask(store, f"who hosted {phrase}")


def test_helpers() -> None:
    assert clean_question(" who hosted  the  expo ?") == "who hosted the expo"
    assert types_for("government bodies") == ("GovernmentBody",)
    assert types_for("countries") == ("Place",)
    assert kind_matches("strategic cooperation agreements", "strategic cooperation agreement")
    assert not kind_matches("memorandum", "strategic cooperation agreement")


def test_every_scored_question_parses() -> None:
    for path in sorted(shared_path("eval", "gold").glob("*.json")):
        for q in json.loads(path.read_text())["questions"]:
            form, m = match(q["q"])
            assert m.group("x"), q["q"]
            assert form.name != "connection", q["q"]


_NAMED_AFTER = """
@prefix kgo: <https://w3id.org/kg-health/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
<https://w3id.org/kg-health/doc/p1.txt> {
    <https://w3id.org/kg-health/id/place/pinewood> a kgo:Place ; rdfs:label "Pinewood" .
    <https://w3id.org/kg-health/id/hospital/pinewood-first-hospital> a kgo:Hospital, kgo:Organization ;
        rdfs:label "Pinewood First Hospital" .
    <https://w3id.org/kg-health/id/event/care-fair> a kgo:Event ; rdfs:label "Care Fair" .
    <https://w3id.org/kg-health/id/event/care-fair> kgo:participant
        <https://w3id.org/kg-health/id/hospital/pinewood-first-hospital> .
    <https://w3id.org/kg-health/id/assertion/a1> a kgo:Assertion ;
        rdf:subject <https://w3id.org/kg-health/id/event/care-fair> ; rdf:predicate kgo:participant ;
        rdf:object <https://w3id.org/kg-health/id/hospital/pinewood-first-hospital> ;
        prov:wasDerivedFrom <https://w3id.org/kg-health/doc/p1.txt> ;
        kgo:sentence "Pinewood First Hospital attended the Care Fair." ; kgo:charStart 0 ; kgo:charEnd 46 .
}
"""


def test_where_a_body_is_falls_back_to_the_place_its_name_opens_with() -> None:
    """No stated place: the place the graph knows that opens the body's name, noted, with the
    sentence that names the body; an event or a place never answers from its name."""
    store = memory_store(ox.parse(_NAMED_AFTER.encode(), format=ox.RdfFormat.TRIG))
    result = ask(store, "where is Pinewood First Hospital located")
    assert [a.label for a in result.answers] == ["Pinewood"]
    assert result.answers[0].evidence and "read from its name" in " ".join(result.explanation.notes)
    assert ask(store, "where was the Care Fair held").answers == []
