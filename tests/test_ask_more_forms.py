"""kg ask: question forms readers use that name no relation word of the graph.

"who heads X", "who founded X", "which organization does P work for", "what did A sign with B",
"who did X partner with", "what is X about", "which city hosted X", "what position does P hold":
each is read as the relation it asks, and the misreadings it was once given are checked
(a position read as a sub-event, a city read as a host). All names are invented.
"""

from __future__ import annotations

import pytest
from ask_graph import ArticleGraph, store_of
from conftest import assert_reads

from kg.ask import ask
from kg.errors import KgError
from kg.store import Store


@pytest.fixture(scope="module")
def store() -> Store:
    a = ArticleGraph("ashford.txt")
    expo = a.entity("Ashford Care Expo", "Event", "ACE 2024")
    a.fact(expo, "location", a.entity("Ashford", "Place"))
    a.fact(expo, "host", a.entity("Ashford Health Bureau", "GovernmentBody"))
    a.fact(expo, "theme", "Smart Care for Everyone")
    a.fact(expo, "startDate", "2024-05-08")
    a.fact(expo, "location", a.entity("Ashford Expo Center", "Venue"))
    a.fact(a.entity("Ashford Expo Center", "Venue"), "locatedIn", a.entity("Ashford", "Place"))
    norland = a.entity("Norland", "Place")
    a.fact(expo, "participant", norland)
    a.fact(expo, "participant", a.entity("Ivo Brandt", "Person"))
    hospital = a.entity("Tarrow Hospital", "Hospital")
    maker = a.entity("Kestrel Medical", "Company")
    lab = a.entity("Ovena Labs", "Company")
    boss = a.entity("Lin Qiao", "Person")
    a.post(boss, "president", hospital)
    a.fact(boss, "affiliation", hospital)
    a.post(a.entity("Ruth Adler", "Person"), "vice president", hospital)
    chair = a.entity("Elif Demir", "Person")
    a.post(chair, "chairman", maker)
    founder = a.entity("Marco Ferri", "Person")
    a.post(founder, "founder", maker)
    a.agreement("strategic cooperation agreement", [[hospital], [maker]], event=expo)
    a.agreement("memorandum of understanding", [[hospital], [lab]], date="2024-05-09")
    women = a.entity("Ashford Women and Children's Hospital", "Hospital")
    a.agreement("letter of intent", [[women], [lab]], date="2024-05-10")
    a.fact(a.entity("Nursing Sub-forum", "Event"), "subEventOf", expo)
    a.fact(a.entity("Elderly Care Summit", "Event"), "subEventOf", expo)
    a.fact(lab, "country", norland)
    zone = a.entity("Ashford Lakeside Hi-tech Zone", "Place")
    a.fact(a.entity("Administrative Committee of Ashford Lakeside Hi-tech Zone", "GovernmentBody"), "locatedIn", zone)
    return store_of(a)


@pytest.mark.parametrize(("question", "form", "answers"), [
    ("who heads Tarrow Hospital", "post-holder", ["Lin Qiao"]),
    ("who leads Tarrow Hospital?", "post-holder", ["Lin Qiao"]),
    ("who founded Kestrel Medical", "post-holder", ["Marco Ferri"]),
    ("which organization does Lin Qiao work for", "affiliation", ["Tarrow Hospital"]),
    ("which hospital is Lin Qiao affiliated with", "parent-organization", ["Tarrow Hospital"]),
    ("what position does Lin Qiao hold", "post", ["president"]),
    ("what did Tarrow Hospital sign with Kestrel Medical", "kinds",
     ["strategic cooperation agreement"]),
    ("what agreements did Tarrow Hospital sign", "kinds",
     ["memorandum of understanding", "strategic cooperation agreement"]),
    ("what was signed between Tarrow Hospital and Ovena Labs", "kinds",
     ["memorandum of understanding"]),
    ("who did Kestrel Medical partner with", "signed-with", ["Tarrow Hospital"]),
    ("which companies has Tarrow Hospital teamed up with", "signed-with",
     ["Kestrel Medical", "Ovena Labs"]),
    ("what is the Ashford Care Expo about", "theme", ["Smart Care for Everyone"]),
    ("what did the Ashford Care Expo focus on", "theme", ["Smart Care for Everyone"]),
    ("which city hosted the Ashford Care Expo", "hosts", ["Ashford"]),
    ("which bureau hosted the Ashford Care Expo", "hosts", ["Ashford Health Bureau"]),
    ("what date was the Ashford Care Expo held on", "when-start", ["2024-05-08"]),
    ("in what year was the Ashford Care Expo held", "when-start", ["2024-05-08"]),
    ("in what city did the Ashford Care Expo open", "where", ["Ashford"]),
    ("what events were held at the Ashford Expo Center", "located-in", ["Ashford Care Expo"]),
    ("who owns Ovena Labs", "parent-organization", []),
    ("with whom did Tarrow Hospital sign a memorandum of understanding", "signed-with",
     ["Ovena Labs"]),
    ("which countries sent delegations to the Ashford Care Expo", "participants", ["Norland"]),
    ("who is in charge of Tarrow Hospital", "post-holder", ["Lin Qiao"]),
    ("who was the keynote speaker at the Ashford Care Expo", "post-holder", ["Ivo Brandt"]),
    ("which sub-forums were held at the Ashford Care Expo", "located-in", ["Nursing Sub-forum"]),
    ("which summits and forums took place during the Ashford Care Expo", "sub-events",
     ["Elderly Care Summit", "Nursing Sub-forum"]),
    ("in which country is Ovena Labs", "country", ["Norland"]),
    ("Ovena Labs is from which country", "country", ["Norland"]),
    ("when did the Ashford Health Bureau hold its Ashford Care Expo", "when-start", ["2024-05-08"]),
    ("at which expo was the Elderly Care Summit launched", "part-of", ["Ashford Care Expo"]),
    ("which expo are the Nursing Sub-forum part of", "part-of", ["Ashford Care Expo"]),
    ("at which expo did Tarrow Hospital and Kestrel Medical sign their agreement", "signing-events",
     ["Ashford Care Expo"]),
    ("which companies signed agreements with Tarrow Hospital at ACE 2024", "signed-with", ["Kestrel Medical"]),
    ("who did Kestrel Medical sign with at the Ashford Care Expo", "signed-with", ["Tarrow Hospital"]),
    ("what is the Ashford Care Expo themed", "theme", ["Smart Care for Everyone"]),
    ("which venues are in Ashford", "located-in", ["Ashford Expo Center"]),
    ("in which city is the Ashford Expo Center", "where", ["Ashford"]),
    ("what did Tarrow Hospital and Ovena Labs sign", "kinds", ["memorandum of understanding"]),
    ("when did Tarrow Hospital and Ovena Labs sign their MoU", "when-pair-signed", ["2024-05-09"]),
    ("when did Ashford Women and Children's Hospital and Ovena Labs sign the LOI", "when-pair-signed",
     ["2024-05-10"]),
    ("who reached a deal with Tarrow Hospital on a joint lab", "signed-with", ["Kestrel Medical", "Ovena Labs"]),
    ("who chairs Kestrel Medical", "presiders", ["Elif Demir"]),
    ("which companies signed agreements with Tarrow Hospital at the Ashford Care Expo", "signed-with",
     ["Kestrel Medical"]),
    ("which companies signed agreements with Tarrow Hospital", "signed-with", ["Kestrel Medical", "Ovena Labs"]),
])
def test_forms_read_and_answer(store: Store, question: str, form: str, answers: list[str]) -> None:
    assert_reads(store, question, form, answers)


def test_heads_is_no_deputy(store: Store) -> None:
    """"who heads X" asks for a heading office: a vice president is none."""
    assert "Ruth Adler" not in [a.label for a in ask(store, "who heads Tarrow Hospital").answers]


def test_relationship_between_two_names_is_a_connection(store: Store) -> None:
    result = ask(store, "what is the relationship between Tarrow Hospital and Kestrel Medical")
    assert result.form == "connection"
    assert result.path is not None


def test_a_ceremony_named_only_by_its_kind_is_found_by_that_kind() -> None:
    """"the groundbreaking ceremony for the Oak Proton Hospital": the graph knows a story's
    "groundbreaking ceremony" and another one "of the Pine Campus"; the phrase means the first."""
    a = ArticleGraph("oak.txt")
    bare = a.entity("groundbreaking ceremony", "Event", scoped=True)
    a.fact(bare, "participant", a.entity("Fu Linhai", "Person"))
    a.fact(bare, "startDate", "--11-08")
    b = ArticleGraph("pine.txt")
    other = b.entity("groundbreaking ceremony of the Pine Campus", "Event", scoped=True)
    b.fact(other, "participant", b.entity("Ruan Kaiyu", "Person"))
    store = store_of(a, b)
    got = ask(store, "who attended the groundbreaking ceremony for the Oak Proton Hospital")
    assert [x.label for x in got.answers] == ["Fu Linhai"]
    assert [x.label for x in ask(store, "when was the groundbreaking ceremony of the Oak hospital held").answers] \
        == ["--11-08"]
    c = ArticleGraph("elm.txt")
    c.fact(c.entity("groundbreaking ceremony", "Event", scoped=True), "participant", c.entity("Li Ke", "Person"))
    try:  # two bare ones: the phrase names neither, so neither one's guests are given
        two = [x.label for x in ask(store_of(a, b, c), "who attended the groundbreaking ceremony for the Oak "
                                                        "Proton Hospital").answers]
    except KgError:
        two = []
    assert two != ["Fu Linhai"] and "Li Ke" not in two


def test_a_short_phrase_means_the_closest_name_ending_as_it_does(store: Store) -> None:
    """"the Lakeside zone" holds the words of the zone and of its committee; the zone's name is
    the closer one and ends with "zone", so the phrase means it, not an ambiguity."""
    from kg.lookup import resolve

    assert resolve(store, "the Lakeside zone").label == "Ashford Lakeside Hi-tech Zone"
    # function words are no words a name must hold: "the care expo in Ashford"
    assert resolve(store, "the care expo in Ashford").label == "Ashford Care Expo"
    with pytest.raises(KgError):
        resolve(store, "Lakeside")  # ends with neither name: still ambiguous



def test_a_one_word_phrase_means_the_one_name_it_opens() -> None:
    """"Tallis" opens the firm's name and stands inside a ceremony's: the firm is meant, and
    "where is Tallis headquartered" answers with its seat, not the ceremony's hall."""
    from kg.lookup import resolve

    a = ArticleGraph("tallis.txt")
    firm = a.entity("Tallis Medtech", "Company")
    a.fact(firm, "locatedIn", a.entity("Tuttlingen", "Place"))
    ceremony = a.entity("signing ceremony between Oak Hospital and Tallis Medtech GmbH", "Event", scoped=True)
    a.fact(ceremony, "location", a.entity("Lotus Hall", "Venue"))
    store = store_of(a)
    assert resolve(store, "Tallis").label == "Tallis Medtech"
    assert [x.label for x in ask(store, "where is Tallis headquartered").answers] == ["Tuttlingen"]


def test_a_part_at_an_event_the_graph_does_not_link_is_the_event_so_named() -> None:
    """"the matchmaking session at the 2024 care expo": the graph knows the session and the
    expo but not that one is part of the other; the session is still meant."""
    a = ArticleGraph("care.txt")
    expo = a.entity("5th Lakeside Elderly Care Expo", "Event", "2024 Lakeside Elderly Care Expo")
    a.fact(expo, "startDate", "2024-03-14")
    session = a.entity("procurement matchmaking session for nursing homes and suppliers", "Event", scoped=True)
    a.fact(session, "startDate", "2024-03-15")
    store = store_of(a)
    answers = ask(store, "when is the procurement matchmaking session at the 2024 elderly care expo").answers
    assert [x.label for x in answers] == ["2024-03-15"]


def test_a_province_named_without_its_word_and_a_closing_this_year() -> None:
    """"the vice-governor of Shaanxi": the place "Shaanxi Province", not the bodies named after it;
    "held this year" asks of the event as "held" does."""
    a = ArticleGraph("shaanxi.txt")
    province = a.entity("Shaanxi Province", "Place")
    a.entity("Shaanxi Provincial Health Commission", "GovernmentBody")
    governor = a.entity("Du Xin", "Person")
    a.fact(governor, "role", "vice-governor")
    a.fact(governor, "affiliation", province)
    expo = a.entity("12th West Pine Medical Device Expo", "Event")
    a.fact(expo, "location", a.entity("Lotus Lake Expo Center", "Venue"))
    store = store_of(a)
    assert [x.label for x in ask(store, "who is the vice-governor of Shaanxi").answers] == ["Du Xin"]
    assert [x.label for x in ask(store, "where was the West Pine Medical Device Expo held this year").answers] == [
        "Lotus Lake Expo Center"]


def test_an_awards_ceremony_is_the_awards_and_awards_are_presented() -> None:
    """"the 2023 Pine awards ceremony" is the "2023 Pine Medical Awards"; "when / where were the
    awards presented" asks of the event as "held" does."""
    a = ArticleGraph("awards.txt")
    awards = a.entity("2023 Pine Medical Innovation Awards", "Event")
    a.fact(awards, "startDate", "2023-12-09")
    a.fact(awards, "location", a.entity("Lotus Riverside Theater", "Venue"))
    store = store_of(a)
    assert [x.label for x in ask(store, "when was the 2023 Pine Medical Innovation Awards ceremony held").answers] == [
        "2023-12-09"]
    assert [x.label for x in ask(store, "when were the 2023 Pine Medical Innovation Awards presented").answers] == [
        "2023-12-09"]
    assert [x.label for x in ask(store, "where were the 2023 Pine Medical Innovation Awards presented").answers] == [
        "Lotus Riverside Theater"]


def test_a_described_event_in_a_place_is_the_one_held_there() -> None:
    """"the groundbreaking ceremony in Pine New Area": the one event held in a park of the new
    area whose name holds the description's words; another ceremony held elsewhere is not it."""
    a = ArticleGraph("groundbreaking.txt")
    area = a.entity("Pine New Area", "Place")
    park = a.entity("Lotus Bio-Industrial Park", "Place")
    a.fact(park, "locatedIn", area)
    here = a.entity("concentrated groundbreaking ceremony", "Event", scoped=True)
    a.fact(here, "location", park)
    a.fact(here, "startDate", "2024-10-25")
    there = a.entity("groundbreaking ceremony of the Maple plant", "Event", scoped=True)
    a.fact(there, "location", a.entity("Maple Town", "Place"))
    a.fact(there, "startDate", "2024-03-02")
    store = store_of(a)
    assert [x.label for x in ask(store, "when was the groundbreaking ceremony in Pine New Area held").answers] == [
        "2024-10-25"]


def test_who_hosted_asks_the_bodies_when_a_person_presided_too() -> None:
    """A conference hosted by a government and presided over by its district head: "who hosted"
    is the government, "who presided over" the district head; with only people among the
    hosts, they answer "who hosted" too."""
    a = ArticleGraph("presided.txt")
    forum = a.entity("2025 Pine Health Investment Conference", "Event")
    a.fact(forum, "host", a.entity("Pine District People's Government", "GovernmentBody"))
    a.fact(forum, "host", a.entity("Lu Wenqing", "Person"))
    salon = a.entity("Lotus MedTech Salon", "Event")
    a.fact(salon, "host", a.entity("Gao Ming", "Person"))
    store = store_of(a)
    assert [x.label for x in ask(store, "who hosted the 2025 Pine Health Investment Conference").answers] == [
        "Pine District People's Government"]
    assert [x.label for x in ask(store, "who presided over the 2025 Pine Health Investment Conference").answers] == [
        "Lu Wenqing"]
    assert [x.label for x in ask(store, "who hosted the Lotus MedTech Salon").answers] == ["Gao Ming"]
