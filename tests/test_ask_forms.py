"""kg ask on an invented graph: the forms of real news questions, roles, descriptions, explain.

The graph is written through kg.rdf from typed records (tests/ask_graph.py), so every shape
asked about is one ingestion produces. All names are invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ask_graph import ArticleGraph, store_of
from conftest import Cli, assert_reads

from kg.ask import ask, match, role_matches
from kg.ask.registry import FORMS
from kg.errors import AmbiguousEntityError, EntityNotFoundError, UnknownQuestionError
from kg.formats import RdfFormat
from kg.store import Store


@pytest.fixture(scope="module")
def store() -> Store:
    a = ArticleGraph("fair.txt")
    series = a.entity("Riverbend Medical Fair", "EventSeries", "RMF")
    fair = a.entity("Riverbend Medical Fair 2023", "Event", "RMF 2023", "fifth Riverbend Medical Fair")
    older = a.entity("Riverbend Medical Fair 2022", "Event")
    a.fact(fair, "inSeries", series)
    a.fact(older, "inSeries", series)
    a.fact(older, "startDate", "2022-06-01")
    a.fact(fair, "startDate", "2023-06-12")
    a.fact(fair, "endDate", "2023-06-14")
    a.fact(fair, "host", a.entity("Delta Health Association", "Organization"))
    a.fact(fair, "host", a.entity("Orion Biotech", "Company"))
    a.fact(fair, "host", a.entity("Mara Quist", "Person"))
    a.fact(fair, "organizer", a.entity("Riverbend Commerce Bureau", "GovernmentBody"))
    a.fact(fair, "organizer", a.entity("Harbor Trade Council", "Organization"))
    a.fact(fair, "participant", a.entity("Tomas Edlund", "Person"))
    a.fact(fair, "participant", a.entity("Northgate Hospital", "Hospital"))
    a.fact(fair, "participant", a.entity("Kelvin Medical", "Company"))
    a.fact(fair, "exhibitor", a.entity("Kelvin Medical", "Company"))
    hall = a.entity("Riverbend Expo Hall", "Venue")
    city = a.entity("Riverbend City", "Place", "Riverbend")
    a.fact(fair, "location", hall)
    a.fact(fair, "location", city)
    a.fact(hall, "locatedIn", city)
    section = a.entity("section for digital dental care", "Event", scoped=True)
    a.fact(section, "subEventOf", fair)
    a.fact(section, "exhibitor", a.entity("Brightsmile Tech", "Company"))
    opening = a.entity("opening ceremony", "Event", scoped=True)
    a.fact(opening, "subEventOf", fair)
    a.fact(opening, "location", a.entity("Hall 2", "Venue"))
    for pavilion in ("Smart Wards", "Home Care"):  # theme pavilions, named by their theme only
        a.fact(a.entity(pavilion, "Event", scoped=True), "subEventOf", fair)
    a.fact(a.entity("Riverbend Innovation Summit", "Event"), "subEventOf", fair)
    a.post(a.entity("Ida Berg", "Person"), "Party secretary and director",
           a.entity("Harbor Trade Council", "Organization"))
    school = a.entity("School of Dentistry, Lakemont University", "Organization")
    a.post(a.entity("Jon Alm", "Person"), "dean", school)
    a.fact(a.entity("visit to the school of dentistry of Lakemont University", "Event", scoped=True),
           "participant", a.entity("Jon Alm", "Person"))
    hospital = a.entity("Northgate Hospital", "Hospital")
    a.post(a.entity("Mara Quist", "Person"), "President", hospital)
    a.post(a.entity("Leo Brandt", "Person"), "vice president", hospital)
    a.post(a.entity("Ada Pell", "Person"), "executive vice president", hospital)
    a.post(a.entity("Nils Dahl", "Person"), "deputy mayor", city)
    a.post(a.entity("Rita Holm", "Person"), "Party chief", city)
    bureau = a.entity("Riverbend Commerce Bureau", "GovernmentBody")
    a.post(a.entity("Omar Idris", "Person"), "director", bureau)
    a.post(a.entity("Sven Ek", "Person"), "deputy director-general", bureau)
    a.agreement("memorandum of understanding", [[a.entity("Kelvin Medical", "Company")], [bureau]],
                date="2023-06-13", event=section)  # signed in the fair's dental care section

    b = ArticleGraph("campus.txt")
    uni = b.entity("Lakemont University", "Organization", "LMU")
    hosp = b.entity("Northgate Hospital", "Hospital")
    ceremony = b.entity("signing ceremony", "Event", scoped=True)
    b.fact(ceremony, "location", b.entity("Lakemont Campus", "Venue"))
    b.fact(ceremony, "startDate", "2023-07-04")
    b.fact(ceremony, "participant", b.entity("Pia Lund", "Person"))
    b.fact(ceremony, "participant", b.entity("Leo Brandt", "Person"))
    b.agreement("strategic cooperation agreement", [[uni], [hosp]], event=ceremony)
    gala = b.entity("launch ceremony of the joint clinic between Westbrook College and Eastmere "
                    "Clinic", "Event", scoped=True)  # the clinic is no node of its own
    b.entity("Westbrook College", "Organization", "WBC")
    b.fact(gala, "startDate", "2023-09-09")
    herb_fair = b.entity("Northern (Pinehurst) Herb Fair 2024", "Event")
    b.fact(herb_fair, "startDate", "2024-05-01")
    lake_series, lake_event = b.entity("Lakemont Forum", "EventSeries"), b.entity("Lakemont Forum", "Event")
    lake_2021 = b.entity("Lakemont Forum 2021", "Event")
    b.fact(lake_2021, "inSeries", lake_series)
    b.fact(lake_2021, "theme", "Care without borders")
    b.fact(lake_event, "theme", "an event bearing the series' name")
    forum = b.entity("Pinehurst Health Forum", "Event")
    b.fact(forum, "organizer", b.entity("Pinehurst Medical Society", "Organization"))
    b.fact(forum, "location", b.entity("Pinehurst Convention Center", "Venue"))
    b.fact(forum, "location", b.entity("Pinehurst", "Place"))  # nothing says the center is in it
    mayor, government = b.entity("Karl Vik", "Person"), b.entity("Pinehurst Municipal Government",
                                                                  "GovernmentBody")
    b.post(mayor, "Mayor", government)
    expo = b.entity("International (Pinehurst) Herb Expo 2024", "Event")
    b.fact(expo, "host", b.entity("Herbal Trade Union", "Organization"))
    cut = b.entity("Pinehurst City Maternity", "Hospital")
    b.post(b.entity("Eva Strand", "Person"), "vice president", cut)
    institute = b.entity("Research Institute of Pinehurst Academy", "Organization")
    b.fact(institute, "locatedIn", b.entity("Pinehurst Science Park", "Place"))
    c = ArticleGraph("chain.txt")
    care = c.entity("Silverlake Care Expo", "EventSeries")
    care_2022 = c.entity("Silverlake Care Expo 2022", "Event")
    c.fact(care_2022, "inSeries", care)
    c.fact(care_2022, "organizer", c.entity("Silverlake Trade Office", "GovernmentBody"))
    aspen = c.entity("Aspen Clinic Hospital", "Hospital")
    harbor = c.entity("Harbor District", "Place")
    silver = c.entity("Silverlake City", "Place")
    c.fact(aspen, "locatedIn", harbor)
    c.fact(harbor, "locatedIn", silver)
    c.fact(silver, "locatedIn", c.entity("Coastal Province", "Place"))
    return store_of(a, b, c)


CASES = [
    # a series named where the graph has its editions: the editions answer
    ("who organized the Silverlake Care Expo", "organizers", ["Silverlake Trade Office"]),
    # "this year's X", read as the series X by its nearest name: the editions answer too
    ("who organized this year's Silverlake Care Expo", "organizers", ["Silverlake Trade Office"]),
    # the kind of place asked, up the containment chain
    ("which city is Aspen Clinic Hospital located in", "where", ["Silverlake City"]),
    ("in which district is Aspen Clinic Hospital located", "where", ["Harbor District"]),
    ("which province is Aspen Clinic Hospital in", "where", ["Coastal Province"]),
    # co-hosting, sponsoring, jointly hosting: the host relation, its bodies when a person presided
    ("who co-hosted RMF 2023", "hosts", ["Delta Health Association", "Orion Biotech"]),
    ("which organizations co-sponsored the Riverbend Medical Fair 2023", "hosts",
     ["Delta Health Association", "Orion Biotech"]),
    ("who will jointly host the Riverbend Medical Fair 2023?", "hosts",
     ["Delta Health Association", "Orion Biotech"]),
    ("who co-hosted the 2024 International (Pinehurst) Herb Expo", "hosts", ["Herbal Trade Union"]),
    # presiding and chairing: the people among the hosts
    ("who presided over RMF 2023", "presiders", ["Mara Quist"]),
    ("who chaired the Riverbend Medical Fair 2023", "presiders", ["Mara Quist"]),
    # organising verbs, lists of verbs, passives
    ("who organized, co-organized or undertook RMF 2023", "organizers",
     ["Harbor Trade Council", "Riverbend Commerce Bureau"]),
    ("who coordinated RMF 2023", "organizers", ["Harbor Trade Council", "Riverbend Commerce Bureau"]),
    ("by whom was RMF 2023 organised", "organizers",
     ["Harbor Trade Council", "Riverbend Commerce Bureau"]),
    ("who hosted and organized RMF 2023", "hosts",
     ["Delta Health Association", "Harbor Trade Council", "Orion Biotech", "Riverbend Commerce Bureau"]),
    # speaking: the people among the participants
    ("who spoke at RMF 2023", "participants", ["Tomas Edlund"]),
    ("who delivered a keynote speech at RMF 2023", "participants", ["Tomas Edlund"]),
    ("who gave talks during RMF 2023", "participants", ["Tomas Edlund"]),
    ("which international speakers spoke at the Riverbend Medical Fair 2023", "participants",
     ["Tomas Edlund"]),
    ("which companies have signed up for RMF 2023", "participants", ["Kelvin Medical"]),
    ("which companies set up booths at RMF 2023", "participants", ["Kelvin Medical"]),
    ("who attended RMF 2023", "participants", ["Tomas Edlund"]),  # "who": the people
    ("which hospitals took part in RMF 2023", "participants", ["Northgate Hospital"]),
    # the opening of an event: its ceremony if it has facts, else the event itself
    ("who spoke at the opening of RMF 2023", "participants", ["Tomas Edlund"]),
    ("where was the opening ceremony of RMF 2023 held", "where", ["Hall 2"]),
    # where / when
    ("where was RMF 2023 held", "where", ["Riverbend Expo Hall"]),  # not also the city it is in
    ("which city is the Riverbend Expo Hall located in", "where", ["Riverbend City"]),
    ("in which city is the Riverbend Expo Hall located", "where", ["Riverbend City"]),
    ("where will the Research Institute of the Pinehurst Academy be built", "where",
     ["Pinehurst Science Park"]),
    ("when was RMF 2023 inaugurated", "when-start", ["2023-06-12"]),
    ("when is RMF 2023 scheduled to open", "when-start", ["2023-06-12"]),
    ("where is the Research Institute of Pinehurst Academy headquartered", "where",
     ["Pinehurst Science Park"]),
    # a part of an event named by description
    ("which companies will exhibit in the digital dental care section of RMF 2023", "participants",
     ["Brightsmile Tech"]),
    ("what new section did RMF 2023 open", "sub-events", ["section for digital dental care"]),
    ("what theme pavilions did RMF 2023 have", "sub-events", ["Home Care", "Smart Wards"]),
    ("which companies took part in the digital dental care section of RMF 2023", "participants",
     ["Brightsmile Tech"]),  # an exhibitor takes part
    # ceremonies and agreements named by description
    ("where was the signing ceremony between LMU and Northgate Hospital held", "where",
     ["Lakemont Campus"]),
    ("when was the signing ceremony between Lakemont University and Northgate Hospital held",
     "when-start", ["2023-07-04"]),
    ("who attended the signing ceremony between LMU and Northgate Hospital", "participants",
     ["Leo Brandt", "Pia Lund"]),
    ("when was the launch ceremony between WBC and Eastmere Clinic held",
     "when-start", ["2023-09-09"]),
    ("when was the memorandum of understanding between Kelvin Medical and the Riverbend "
     "Commerce Bureau signed", "when-signed", ["2023-06-13"]),
    ("when did Kelvin Medical sign a memorandum with Riverbend Commerce Bureau", "when-signed",
     ["2023-06-13"]),
    ("where did LMU sign a cooperation agreement with Northgate Hospital", "where-signed",
     ["Lakemont Campus"]),
    ("at which event was the strategic cooperation agreement between LMU and Northgate Hospital "
     "signed", "signed-at", ["signing ceremony"]),
    ("when was the signing ceremony of the strategic cooperation agreement between LMU and "
     "Northgate Hospital held", "when-start", ["2023-07-04"]),
    # who signed at an event (or at a part of it), and what
    ("which companies signed agreements at RMF 2023", "signers-at", ["Kelvin Medical"]),
    ("who signed a memorandum of understanding at RMF 2023", "signers-at",
     ["Kelvin Medical", "Riverbend Commerce Bureau"]),
    ("which agreements were signed at RMF 2023", "signers-at",
     ["memorandum of understanding between Kelvin Medical and Riverbend Commerce Bureau"]),
    # exact roles
    ("who is the president of Northgate Hospital", "post-holder", ["Mara Quist"]),
    ("who is the vice president of Northgate Hospital", "post-holder", ["Leo Brandt"]),
    ("who is the executive vice president of Northgate Hospital", "post-holder", ["Ada Pell"]),
    ("who is Northgate Hospital's president", "post-holder", ["Mara Quist"]),
    ("who is the vice-mayor of Riverbend City", "post-holder", ["Nils Dahl"]),
    ("who is the Party secretary of Riverbend City", "post-holder", ["Rita Holm"]),
    ("who is the director of the Riverbend Commerce Bureau", "post-holder", ["Omar Idris"]),
    ("who is the director of the Harbor Trade Council", "post-holder", ["Ida Berg"]),  # 2 offices
    ("who is the dean of the School of Dentistry of Lakemont University", "post-holder",
     ["Jon Alm"]),  # a body, not the event whose name holds the same words
    ("who is an executive with the Riverbend Commerce Bureau", "post-holder",
     ["Omar Idris", "Sven Ek"]),
    # a venue is more exact than a town named beside it; "which city" asks the town
    ("where was the Pinehurst Health Forum held", "where", ["Pinehurst Convention Center"]),
    ("which city was the Pinehurst Health Forum held in", "where", ["Pinehurst"]),
    # a place's posts held in the government named after it
    ("who is the mayor of Pinehurst", "post-holder", ["Karl Vik"]),
    # editions, brackets, names the graph knows only in part or with a place in front
    ("who is the president of Riverbend Northgate Hospital", "post-holder", ["Mara Quist"]),
    ("when did the 5th Riverbend Medical Fair start", "when-start", ["2023-06-12"]),
    ("when did the 6th Riverbend Medical Fair 2022 start", "when-start", ["2022-06-01"]),
    ("when did the 3rd Northern (Pinehurst) Herb Fair start", "when-start", ["2024-05-01"]),
    ("what was the theme of the 9th Lakemont Forum", "theme", ["Care without borders"]),
    ("who organized the Pinehurst Health Forum (Northern Region)", "organizers",
     ["Pinehurst Medical Society"]),
    ("who is the vice president of Pinehurst City Maternity and Child Hospital", "post-holder",
     ["Eva Strand"]),
    ("who is the director of the Riverbend Commerce Bureau in Riverbend City", "post-holder",
     ["Omar Idris"]),
    ("who organized the Pinehurst Health Forum & Herb Market", "organizers",
     ["Pinehurst Medical Society"]),
]


@pytest.mark.parametrize(("question", "form", "answers"), CASES)
def test_question_forms(store: Store, question: str, form: str, answers: list[str]) -> None:
    assert_reads(store, question, form, answers)


def test_explanation_names_form_entities_and_fallbacks(store: Store) -> None:
    result = ask(store, "who spoke at the opening of RMF 2023")
    ex = result.explanation
    assert ex is not None and ex.form == "participants"
    (resolved,) = ex.resolved
    assert resolved.entity.label == "opening ceremony"
    assert [f.label for f in resolved.fallbacks] == ["Riverbend Medical Fair 2023"]
    text = "\n".join(ex.lines())
    assert "form: participants" in text and "opening ceremony (Event)" in text
    assert "answered for 'Riverbend Medical Fair 2023'" in text
    data = result.as_json(explain=True)["explain"]
    assert data["entities"][0]["how"].startswith("the opening of")
    assert "explain" not in result.as_json()
    json.dumps(data)


def test_explanation_of_a_description(store: Store) -> None:
    ex = ask(store, "where was the signing ceremony between LMU and Northgate Hospital held").explanation
    assert ex is not None
    assert ex.resolved[0].how == "the signing ceremony of 'Lakemont University' and 'Northgate Hospital'"


def test_roles_are_exact() -> None:
    assert role_matches("president", "President")
    assert not role_matches("president", "vice president")
    assert not role_matches("vice president", "executive vice president")
    assert role_matches("deputy director general", "deputy director-general")
    assert not role_matches("director", "deputy director-general")
    assert role_matches("Party secretary", "municipal Party secretary")


def test_brackets_and_keywords_in_questions_do_not_change_the_form() -> None:
    form, m = match("who co-hosted the 2024 International (Pinehurst) Herb Expo?")
    assert (form.name, m.group("x")) == ("hosts", "the 2024 International (Pinehurst) Herb Expo")
    form, m = match('who presided over the "SELECT" forum {x} # DROP')
    assert form.name == "presiders" and m.group("x") == 'the "SELECT" forum {x} # DROP'


def test_hostile_descriptions_never_reach_a_query(store: Store) -> None:
    for phrase in ['the signing ceremony between "} DROP ALL { and x', "the opening of >#",
                   "the 5th } CLEAR GRAPH {", "a (b) of c"]:
        with pytest.raises(EntityNotFoundError):
            ask(store, f"who attended {phrase}")


def test_an_ambiguous_name_is_not_read_as_something_else() -> None:
    """Two agreements bear the name; the event whose name holds the same words is no answer."""
    art = ArticleGraph("accords.txt")
    one, two = art.entity("Alba Clinic", "Hospital"), art.entity("Brea Lab", "Company")
    for key in ("Agreement:1", "Agreement:2"):
        art.agreement("accord", [[one], [two]], label="Accord of the Harbor", key=key)
        art.iris[key] = f"https://w3id.org/kg-health/id/agreement/{key[-1]}"
    art.entity("signing of the Accord of the Harbor", "Event", scoped=True)
    with pytest.raises(AmbiguousEntityError):
        ask(store_of(art), "who signed the Accord of the Harbor")


def test_unknown_entity_and_unknown_form(store: Store) -> None:
    with pytest.raises(EntityNotFoundError):
        ask(store, "who spoke at the closing of the Nowhere Gala")
    with pytest.raises(UnknownQuestionError) as err:
        ask(store, "which pavilion of RMF 2023 was the biggest")
    for form in FORMS:
        assert form.example in str(err.value)


def test_every_form_has_an_example_that_it_reads() -> None:
    """The examples in the error message are questions the registry reads as that form."""
    samples = {
        "connection": "how is A connected to B", "events-of": "which events did A host",
        "when-signed": "when was A signed", "where-signed": "where was A signed",
        "signed-at": "at which event was A signed", "signed-with": "who signed with A",
        "signers-at": "who signed agreements at A",
        "parties": "who signed A", "hosts": "who co-hosted A", "organizers": "who undertook A",
        "presiders": "who presided over A", "participants": "who spoke at A",
        "when-start": "when did A open", "when-end": "when did A close",
        "country": "which country is A from", "where": "where was A held",
        "theme": "what is the theme of A", "series": "which series is A an edition of",
        "editions": "what are the editions of A", "part-of": "which fair includes A",
        "sub-events": "what pavilions did A feature", "parent-organization": "which ministry is A under",
        "post-holder": "who is the president of A", "post": "what is A's post",
        "signing-events": "at which event did A sign an agreement",
        "how-many": "how many agreements did A sign at B",
        "located-in": "which companies are located in A",
        "participants-from": "delegates from which countries attended A",
        "affiliation": "which organization does A work for", "kinds": "what did A sign with B",
        "when-pair-signed": "when did A and B sign their MoU", "where-pair-signed": "where did A and B sign",
    }
    assert set(samples) == {f.name for f in FORMS}
    for name, question in samples.items():
        assert match(question)[0].name == name, question


def test_cli_explain(store: Store, tmp_path: Path, cli: Cli) -> None:
    trig = tmp_path / "g.trig"
    with trig.open("wb") as out:
        store.dump(RdfFormat.trig, out)
    assert cli("import", str(trig)).exit_code == 0
    out = cli("ask", "who presided over RMF 2023", "--explain")
    assert out.exit_code == 0, out.stderr
    assert "form: presiders" in out.stdout and "Mara Quist" in out.stdout
    assert "x: 'RMF 2023' -> Riverbend Medical Fair 2023 (Event)" in out.stdout
    data = json.loads(cli("ask", "who presided over RMF 2023", "-f", "json", "--explain").stdout)
    assert data["explain"]["form"] == "presiders"
    assert [a["label"] for a in data["answers"]] == ["Mara Quist"]
    plain = json.loads(cli("ask", "who presided over RMF 2023", "-f", "json").stdout)
    assert "explain" not in plain
    bad = cli("ask", "who spoke at the opening of the Nowhere Gala")
    assert bad.exit_code == 1 and bad.stderr.startswith("Error: ")
    assert cli("ask", "tell me about RMF 2023").exit_code == 2


def test_a_long_unknown_phrase_spends_a_bounded_number_of_lookups(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.ask.phrases as phrases
    import kg.ask.phrases.base as base

    calls: list[str] = []
    real = base.resolve

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(str(args[1]))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(base, "resolve", counting)
    monkeypatch.setattr(phrases, "resolve", counting)
    question = ("who attended the opening of the closing session of the third forum of the "
                "Nowhere Society of the Western Region and the Eastern Region of the Far North")
    with pytest.raises(EntityNotFoundError, match="no entity named 'opening of the closing"):
        ask(store, question)
    assert 2 < len(calls) <= base.BUDGET + 2  # + the name itself, + its error with suggestions


def test_lookup_without_suggestions(store: Store) -> None:
    """Readings tried on the way skip the did-you-mean search; the final error keeps it."""
    from kg.lookup import resolve

    with pytest.raises(EntityNotFoundError) as plain:
        resolve(store, "Northgate Hospitl", suggest=False)
    assert str(plain.value) == "no entity named 'Northgate Hospitl'"
    with pytest.raises(EntityNotFoundError, match="did you mean: Northgate Hospital"):
        ask(store, "who is the president of Northgate Hospitl")
