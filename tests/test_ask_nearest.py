"""kg ask: a phrase spelled another way than the graph's name (kg.ask.phrases.nearest).

Questions are typed by readers, who spell names as they remember them: accents, British
spelling, another word order, the fullest name where the article used a shorter one. Each case
checks the reading that should be found and the near names that must not be taken.
All names are invented.
"""

from __future__ import annotations

import pytest
from ask_graph import ArticleGraph, store_of

from kg.ask import ask
from kg.errors import EntityNotFoundError
from kg.store import Store


@pytest.fixture(scope="module")
def store() -> Store:
    a = ArticleGraph("tanglin.txt")
    forum = a.entity("Tanglin Forum on Elderly Care", "Event")
    a.fact(forum, "startDate", "2023-05-08")
    a.fact(forum, "location", a.entity("Tanglin", "Place"))
    other = a.entity("Harwick Forum on Elderly Care", "Event")
    a.fact(other, "startDate", "2022-09-01")
    clinic = a.entity("Institute Hospital Santa Lucía", "Hospital")
    a.fact(clinic, "locatedIn", a.entity("Belmonte", "Place"))
    lab = a.entity("Pathology Department of Kestrel University", "Organization")
    head = a.entity("Ovena Marsh", "Person")
    a.post(head, "director", lab)
    centre = a.entity("Tarrow Research Centre", "Organization")
    a.fact(centre, "locatedIn", a.entity("Yueyang", "Place"))
    for city in ("Lishui", "Fenghua"):
        body = a.entity(f"{city} Municipal Health Commission", "GovernmentBody")
        a.post(a.entity(f"Director of {city}", "Person"), "director", body)
    a.entity("Second Affiliated Hospital of Pinewood University", "Hospital")
    digital = a.entity("Tanglin Digital Health Industry Innovation Forum", "Event")
    a.fact(digital, "startDate", "2024-03-02")
    return store_of(a)


@pytest.mark.parametrize(("question", "answer", "how"), [
    # accents folded
    ("which city is Institute Hospital Santa Lucia located in", "Belmonte", "nearest"),
    # another word order (the name rules already read it: every word is in the name)
    ("who is the director of the Department of Pathology of Kestrel University", "Ovena Marsh",
     ""),
    # another word order and a generic word dropped
    ("who is the director of the Department of Pathology of Kestrel International University",
     "Ovena Marsh", "nearest"),
    # British / American spelling
    ("where is Tarrow Research Center located", "Yueyang", "nearest"),
    # the fullest name, with its year, where the article used a shorter one
    ("when did the 2023 Tanglin Forum on Elderly Care and Nursing start", "2023-05-08", ""),
    # most words shared both ways: a reader's shortened, reordered long name
    ("when did the 2024 Tanglin Digital Health Industry Forum and Expo start", "2024-03-02",
     "nearest"),
])
def test_a_phrase_spelled_another_way_finds_the_node(
        store: Store, question: str, answer: str, how: str) -> None:
    result = ask(store, question)
    assert [a.label for a in result.answers] == [answer]
    if how:
        assert result.explanation is not None
        assert any(how in r.how for r in result.explanation.resolved)


@pytest.mark.parametrize("question", [
    # another city's commission: the place word is no generic word
    "who is the director of the Changde Municipal Health Commission",
    # the first, not the second, affiliated hospital: ordinals must agree
    "where is the First Affiliated Hospital of Pinewood University located",
    # another year of an event the graph knows only for 2023 is not that event
    "when did the Harwick Forum on Elderly Care 2023 start",
])
def test_a_near_name_that_differs_in_a_name_word_is_not_taken(store: Store, question: str) -> None:
    with pytest.raises(EntityNotFoundError):
        ask(store, question)
