"""kg ask: counts, what lies in a place, where participants came from, at which events X signed.

The graph is built through kg.rdf from typed records (tests/ask_graph.py). It holds what the
shared fixture (tests/data/mini.trig) lacks: statistics on an event and on a part of it, an
agreement signed at a ceremony within a forum, bodies in a park within a city, participants
whose countries and cities are only known through them. All names are invented.
"""

from __future__ import annotations

import pytest
from ask_graph import ArticleGraph, store_of
from conftest import assert_reads

from kg.ask import ask, match
from kg.store import Store


@pytest.fixture(scope="module")
def store() -> Store:
    a = ArticleGraph("pine.txt")
    fair = a.entity("Pine Health Fair 2024", "Event")
    session = a.entity("project signing session", "Event", scoped=True)
    a.fact(session, "subEventOf", fair)
    a.fact(fair, "statistic", "18 projects", "The fair saw 18 projects signed.")
    a.fact(session, "statistic", "8 project contracts",
           "At the session, 8 project contracts were signed.")
    forum = a.entity("Pine Care Forum", "Event")
    ceremony = a.entity("signing ceremony", "Event", scoped=True)
    a.fact(ceremony, "subEventOf", forum)

    city, park = a.entity("Pine City", "Place"), a.entity("Pine Park", "Place")
    a.fact(park, "locatedIn", city)
    biotech = a.entity("Lakeside Biotech", "Company")
    hospital = a.entity("Summit Hospital", "Hospital")
    institute = a.entity("Pine Research Institute", "Organization")
    government = a.entity("Pine City Government", "GovernmentBody")
    a.fact(biotech, "locatedIn", park)
    a.fact(institute, "locatedIn", park)
    a.fact(hospital, "locatedIn", city)
    center = a.entity("Pine Expo Center", "Venue")
    a.fact(center, "locatedIn", city)
    a.fact(fair, "location", center)

    a.agreement("memorandum of understanding", [[biotech], [government]], event=ceremony)
    a.agreement("strategic cooperation agreement", [[biotech], [hospital]], event=fair)

    a.fact(biotech, "country", a.entity("Norland", "Place"))
    a.fact(fair, "participant", biotech)
    a.fact(fair, "participant", a.entity("Sudland", "Place"))  # a country taking part
    person = a.entity("Ana Ruiz", "Person")
    a.fact(person, "affiliation", city)
    a.fact(fair, "participant", person)
    clinic = a.entity("Valley Clinic", "Hospital")
    a.fact(clinic, "locatedIn", a.entity("Brook City", "Place"))
    a.fact(fair, "exhibitor", clinic)
    return store_of(a)


CASES = [
    # at which events X signed; a ceremony gives way to the forum it was part of when asked
    ("at which event did Lakeside Biotech sign the memorandum of understanding",
     "signing-events", ["signing ceremony"]),
    ("during which forum did Lakeside Biotech sign the memorandum of understanding",
     "signing-events", ["Pine Care Forum"]),
    ("at which event did Lakeside Biotech sign an agreement", "signing-events",
     ["Pine Health Fair 2024", "signing ceremony"]),
    ("at which event did Lakeside Biotech sign an agreement with Summit Hospital",
     "signing-events", ["Pine Health Fair 2024"]),
    # counts: the statistic of the event, else of a part of it, whose noun is the asked noun
    ("how many projects were signed at the Pine Health Fair 2024", "how-many", ["18"]),
    ("how many contracts were signed at the Pine Health Fair 2024", "how-many", ["8"]),
    ("how many project contracts did Lakeside Biotech sign at the Pine Health Fair 2024",
     "how-many", ["8"]),
    # ... else the agreements in the graph, of the asked kind
    ("how many strategic cooperation agreements did Lakeside Biotech sign", "how-many", ["1"]),
    ("how many agreements did Lakeside Biotech sign", "how-many", ["2"]),
    ("how many agreements did Lakeside Biotech sign during the Pine Care Forum", "how-many",
     ["1"]),  # signed at the forum's ceremony
    ("how many agreements were signed at the Pine Care Forum", "how-many", ["1"]),
    ("how many agreements did Summit Hospital sign at the Pine Care Forum", "how-many", []),
    # what lies in a place, at any depth, of the asked type
    ("which companies are located in Pine City", "located-in", ["Lakeside Biotech"]),
    ("which companies have settled in Pine Park", "located-in", ["Lakeside Biotech"]),
    ("what hospitals were built in Pine City", "located-in", ["Summit Hospital"]),
    ("which research institutions have been set up in Pine City", "located-in",
     ["Pine Research Institute"]),
    ("which companies are based in Pine City", "located-in", ["Lakeside Biotech"]),
    ("which fairs were held in Pine City", "located-in", ["Pine Health Fair 2024"]),
    # the places participants came from
    ("representatives from which countries attended the Pine Health Fair 2024",
     "participants-from", ["Norland", "Sudland"]),
    ("delegates from which cities took part in the Pine Health Fair 2024", "participants-from",
     ["Brook City", "Pine City"]),  # Pine Park gives way to the city it lies in
    ("companies from which cities attended the Pine Health Fair 2024", "participants-from",
     ["Pine City"]),
    ("experts from which countries took part in the Pine Health Fair 2024", "participants-from",
     ["Norland", "Sudland"]),
    ("experts from which hospitals took part in the Pine Health Fair 2024", "participants-from",
     ["Valley Clinic"]),  # a body kind: the bodies taking part (an exhibitor takes part)
]


@pytest.mark.parametrize(("question", "form", "answers"), CASES)
def test_question_forms(store: Store, question: str, form: str, answers: list[str]) -> None:
    assert_reads(store, question, form, answers)


def test_a_count_is_a_literal_with_the_statistic_as_evidence(store: Store) -> None:
    result = ask(store, "how many contracts were signed at the Pine Health Fair 2024")
    (answer,) = result.answers
    assert answer.iri is None and answer.label == "8"
    assert [e.sentence for e in answer.evidence] == [
        "At the session, 8 project contracts were signed."]
    assert result.explanation is not None
    text = "\n".join(result.explanation.lines())
    assert "form: how-many" in text and "note: the number stated: '8 project contracts'" in text


def test_a_counted_answer_names_the_agreements_counted(store: Store) -> None:
    result = ask(store, "how many agreements did Lakeside Biotech sign")
    assert result.explanation is not None
    (note,) = result.explanation.notes
    assert note.startswith("counted 2 agreement(s): ")
    assert "memorandum of understanding between Lakeside Biotech and Pine City Government" in note
    assert result.answers[0].evidence  # the sentences that state the agreements


def test_a_purpose_is_read_and_noted(store: Store) -> None:
    result = ask(store, "at which event did Lakeside Biotech sign to build the Pine Care Center")
    assert [a.label for a in result.answers] == ["Pine Health Fair 2024", "signing ceremony"]
    assert result.explanation is not None
    assert any("'build the Pine Care Center'" in n for n in result.explanation.notes)
    form, m = match("who signed with Lakeside Biotech to jointly set up the Pine Lab")
    assert (form.name, m.group("x"), m.group("purpose")) == (
        "signed-with", "Lakeside Biotech", "set up the Pine Lab")
    form, m = match("who signed with the Gateway to Health Foundation")  # "to" in a name
    assert m.group("x") == "the Gateway to Health Foundation"


def test_met_is_not_read_as_attendance() -> None:
    """Meeting someone is no fact the graph keeps about an event: not read, not guessed."""
    from kg.errors import UnknownQuestionError

    with pytest.raises(UnknownQuestionError):
        match("who met Ana Ruiz")



def test_an_event_noun_asks_for_the_whole_a_hall_for_the_place() -> None:
    """"At which event was X held" asks for the event X was part of; "at which exhibition
    hall" still asks where."""
    assert match("at which event was the signing ceremony of the accord held")[0].name == "part-of"
    assert match("at which exhibition hall was the Pine Health Fair 2024 held")[0].name == "where"
    assert match("in which forum was the opening ceremony held")[0].name == "part-of"
