"""SHACL shapes (ontology/shapes.ttl) and kg.validate: what conforms, what is reported, the
per-article vs union scopes, stores, files, and ``kg validate`` through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from conftest import kg
from rdflib import RDF, Namespace, URIRef

from kg import vocab
from kg.errors import InputError, StoreError
from kg.store import import_rdf
from kg.validate.report import ValidationReport, Violation
from kg.validate.resources import PER_ARTICLE_ONLY, shapes_graph
from kg.validate.shacl import validate_graph
from kg.validate.sources import validate_file, validate_store

DATA = Path(__file__).parent / "data"
VALID = DATA / "valid_article.trig"
INVALID = DATA / "invalid_article.trig"
SEEDS = Path(__file__).parent.parent / "seeds"
SH = Namespace("http://www.w3.org/ns/shacl#")
KGO = Namespace(vocab.ONT)
BAD = "https://w3id.org/kg-health/id/bad/"
VALID_DOC = URIRef(vocab.doc_iri("900_valid_example.txt"))
HOSPITAL = URIRef(vocab.ID + "hospital/riverside-first-people-s-hospital")
AGREEMENT = URIRef(vocab.ID + "agreement/7d793037a0760186")


def _dataset(path: Path = VALID) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(path, format="trig")
    return ds


def _messages(report: ValidationReport) -> str:
    return "\n".join(f"{v.focus_node} {v.path} {v.value}: {v.message}" for v in report.violations)


# ------------------------------------------------------------------------------ the shapes


def test_shapes_parse_and_are_valid_shacl() -> None:
    from pyshacl import validate

    shapes = shapes_graph()
    assert len(list(shapes.subjects(RDF.type, SH.NodeShape))) >= 15
    conforms, _, text = validate(shapes, shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


def test_every_constraint_has_a_message() -> None:
    shapes = shapes_graph()
    constraint_params = {SH["class"], SH.nodeKind, SH["or"], SH["not"], SH.datatype, SH.minCount}
    for prop in shapes.subjects(SH.path, None):
        assert shapes.value(prop, SH.message) is not None, f"property shape {prop} has no message"
    for node in shapes.subjects(RDF.type, SH.NodeShape):
        if any(shapes.value(node, p) is not None for p in constraint_params):
            assert shapes.value(node, SH.message) is not None, f"{node} has no message"
    for sparql in shapes.objects(None, SH.sparql):
        assert shapes.value(sparql, SH.message) is not None


def test_union_shapes_deactivate_only_the_per_article_ones() -> None:
    strict, loose = shapes_graph(), shapes_graph(union=True)
    marked = set(strict.subjects(URIRef(PER_ARTICLE_ONLY), rdflib.Literal(True)))
    assert marked, "no shape is marked per-article-only"
    assert set(loose.subjects(SH.deactivated, rdflib.Literal(True))) == marked
    assert not set(strict.subjects(SH.deactivated, rdflib.Literal(True)))


# ------------------------------------------------------------------------------ valid data


def test_valid_article_conforms() -> None:
    report = validate_file(VALID)
    assert report.conforms, _messages(report)
    assert report.violations == []
    assert report.graphs == 1
    assert report.triples > 100


def test_inferred_superclasses_count_like_materialised_ones() -> None:
    """RDFS inference: a node typed only kgo:Hospital is an Organization and an Agent."""
    ds = _dataset()
    graph = ds.graph(VALID_DOC)
    graph.remove((HOSPITAL, RDF.type, KGO.Organization))
    report = validate_graph(ds)
    assert report.conforms, _messages(report)


def test_range_axioms_do_not_hide_wrong_values() -> None:
    """kgo:host's range is kgo:Agent, yet a Place as host is still reported."""
    ds = _dataset()
    graph = ds.graph(VALID_DOC)
    event = URIRef(vocab.ID + "event/riverside-medical-expo-2024")
    graph.add((event, KGO.host, URIRef(vocab.ID + "place/riverside")))
    report = validate_graph(ds)
    assert [(v.path, v.value) for v in report.violations] == [
        (str(KGO.host), vocab.ID + "place/riverside")
    ]


# ------------------------------------------------------------------------------ invalid data

# (focus node under bad:, or None for a blank node; path; start of the message)
EXPECTED = {
    (None, None, "entity is a blank node"),
    (None, None, "article is a blank node"),
    ("no-label", "rdfs:label", "entity has no rdfs:label"),
    ("two-labels", "rdfs:label", "entity has more than one rdfs:label in one article graph"),
    ("alt-label-iri", "skos:altLabel", "skos:altLabel must be a literal"),
    ("start-date", "kgo:startDate", "kgo:startDate is not a valid"),
    ("end-date", "kgo:endDate", "kgo:endDate is not a valid"),
    ("host", "kgo:host", "kgo:host value is not an Organization or a Person"),
    ("organizer", "kgo:organizer", "kgo:organizer value is not an Organization or a Person"),
    ("location", "kgo:location", "kgo:location value is not a Place or Venue"),
    ("participant", "kgo:participant", "kgo:participant value is not"),
    ("exhibitor", "kgo:exhibitor", "kgo:exhibitor value is not"),
    # exhibitor ⊑ participant: the inferred participant triple is checked too.
    ("exhibitor", "kgo:participant", "kgo:participant value is not"),
    ("sub-event-of", "kgo:subEventOf", "kgo:subEventOf value is not a kgo:Event"),
    ("in-series", "kgo:inSeries", "kgo:inSeries value is not a kgo:EventSeries"),
    ("theme", "kgo:theme", "kgo:theme is not a plain string"),
    ("statistic", "kgo:statistic", "kgo:statistic is not a plain string"),
    ("event-relation-subject", None, "subject of an event relation"),
    ("affiliation", "kgo:affiliation", "kgo:affiliation value is not an Organization"),
    ("role", "kgo:role", "kgo:role is not a plain string"),
    ("holds", "kgo:holds", "kgo:holds value is not a kgo:Post"),
    ("person-relation-subject", None, "subject of affiliation, role or holds"),
    ("organization-relation-subject", None, "subject of parentOrganization or country"),
    ("parent-organization", "kgo:parentOrganization", "kgo:parentOrganization value is not"),
    ("country", "kgo:country", "kgo:country value is not a Place"),
    ("located-in-subject", None, "subject of kgo:locatedIn is not"),
    ("located-in", "kgo:locatedIn", "kgo:locatedIn value is not a Place"),
    ("no-party", "kgo:party", "agreement has no kgo:party"),
    ("party", "kgo:party", "kgo:party value is not"),
    ("two-signed-at", "kgo:signedAt", "agreement has more than one kgo:signedAt"),
    ("signed-at", "kgo:signedAt", "kgo:signedAt value is not a kgo:Event"),
    ("signed-on", "kgo:signedOn", "kgo:signedOn must be one valid"),
    ("side", "kgo:side", "kgo:side value is not a kgo:AgreementSide"),
    ("agreement-kind", "kgo:agreementKind", "agreement needs exactly one kgo:agreementKind"),
    ("side-member-not-party", None, "a kgo:sideMember of the agreement is not one of its"),
    ("empty-side", "kgo:sideMember", "agreement side has no kgo:sideMember"),
    ("side-member", "kgo:sideMember", "kgo:sideMember value is not"),
    ("role-name", "kgo:roleName", "post needs exactly one kgo:roleName"),
    ("post-in", "kgo:postIn", "post has more than one kgo:postIn"),
    ("assertion-subject", "rdf:subject", "assertion needs exactly one rdf:subject"),
    ("assertion-predicate", "rdf:predicate", "assertion needs exactly one rdf:predicate"),
    ("assertion-object", "rdf:object", "assertion needs exactly one rdf:object"),
    ("assertion-derived-from", "prov:wasDerivedFrom", "assertion needs exactly one prov:"),
    ("assertion-sentence", "kgo:sentence", "assertion needs exactly one non-empty kgo:sentence"),
    ("assertion-char-start", "kgo:charStart", "assertion needs exactly one kgo:charStart"),
    ("assertion-char-end", "kgo:charEnd", "assertion needs exactly one kgo:charEnd"),
    # A string charEnd cannot be compared with the integer charStart either.
    ("assertion-char-end", "kgo:charStart", "kgo:charStart is after kgo:charEnd"),
    ("assertion-span", "kgo:charStart", "kgo:charStart is after kgo:charEnd"),
    ("assertion-dangling", None, "the triple this assertion describes is not in the graph"),
    ("article-sha256", "kgo:sha256", "article needs exactly one kgo:sha256 of 64"),
    ("article-source-file", "kgo:sourceFile", "article needs exactly one kgo:sourceFile"),
    ("article-extractor", "kgo:extractor", "article has more than one kgo:extractor"),
    ("article-title", "dct:title", "article has more than one dct:title"),
    ("article-published", "schema:datePublished", "article needs at most one schema:date"),
    ("article-generated", "prov:generatedAtTime", "article needs at most one prov:generated"),
    ("merge-surface-form", "kgo:surfaceForm", "merge decision needs exactly one kgo:surface"),
    ("merge-merged-into", "kgo:mergedInto", "merge decision needs exactly one kgo:mergedInto"),
    ("merge-reason", "kgo:mergeReason", "merge decision needs exactly one kgo:mergeReason"),
}


def _found(report: ValidationReport) -> set[tuple[str | None, str | None, str]]:
    from kg.validate.report import compact

    found = set()
    for v in report.violations:
        focus = v.focus_node[len(BAD):] if v.focus_node.startswith(BAD) else None
        prefix = next(m for *_, m in EXPECTED if v.message.startswith(m)) if any(
            v.message.startswith(m) for *_, m in EXPECTED
        ) else v.message
        found.add((focus, compact(v.path) or None, prefix))
    return found


def test_invalid_article_reports_every_violation_once() -> None:
    report = validate_file(INVALID)
    assert not report.conforms
    found = _found(report)
    assert found - EXPECTED == set(), "unexpected violations"
    assert EXPECTED - found == set(), "violations not reported"
    assert len(report.violations) == len(EXPECTED)  # no duplicates
    assert all(v.graph == vocab.doc_iri("901_invalid_example.txt") for v in report.violations)


def test_violation_carries_the_offending_value() -> None:
    report = validate_file(INVALID)
    by_focus = {v.focus_node: v for v in report.violations if v.path == str(KGO.startDate)}
    bad_date = by_focus[BAD + "start-date"]
    assert bad_date.value == '"2025-13-45"^^<http://www.w3.org/2001/XMLSchema#date>'
    assert bad_date.severity == "Violation"
    assert bad_date.as_dict()["message"] == bad_date.message


def test_ill_typed_literals_do_not_spill_tracebacks(capfd: pytest.CaptureFixture[str]) -> None:
    validate_file(INVALID)
    assert "Traceback" not in capfd.readouterr().err


# ------------------------------------------------------------------------------ scopes


def test_union_may_hold_one_label_per_article() -> None:
    """Two articles naming one hospital differently: each graph is fine, so is the union."""
    ds = _dataset()
    other = ds.graph(URIRef(vocab.doc_iri("902_other.txt")))
    other.add((HOSPITAL, RDF.type, KGO.Hospital))
    other.add((HOSPITAL, rdflib.RDFS.label, rdflib.Literal("Riverside No. 1 Hospital")))
    report = validate_graph(ds)
    assert report.conforms, _messages(report)
    assert report.graphs == 2


def test_one_article_with_two_labels_fails_strictly_but_not_as_a_union() -> None:
    ds = _dataset()
    graph = ds.graph(VALID_DOC)
    graph.add((HOSPITAL, rdflib.RDFS.label, rdflib.Literal("First Hospital")))
    strict = validate_graph(ds)
    assert [v.focus_node for v in strict.violations] == [str(HOSPITAL)]
    assert strict.violations[0].graph == str(VALID_DOC)
    plain = rdflib.Graph()
    for triple in graph:
        plain.add(triple)
    assert validate_graph(plain).conforms  # a plain graph is a union (an export)
    assert not validate_graph(plain, per_article=True).conforms


def test_union_catches_what_no_single_article_shows() -> None:
    """Two articles give one agreement different signing events: only the union sees it."""
    ds = _dataset()
    other = ds.graph(URIRef(vocab.doc_iri("902_other.txt")))
    event = URIRef(vocab.ID + "event/riverside-medical-expo-2024")
    for s, p, o in ds.graph(VALID_DOC).triples((AGREEMENT, None, None)):
        if p != KGO.signedAt:
            other.add((s, p, o))
    other.add((AGREEMENT, KGO.signedAt, event))
    source = ds.graph(VALID_DOC)
    for node in {o for _, p, o in other if p in (KGO.party, KGO.side, KGO.signedAt)}:
        for p in (RDF.type, rdflib.RDFS.label, KGO.sideMember):
            for o in source.objects(node, p):
                other.add((node, p, o))
    report = validate_graph(ds)
    assert [(v.graph, v.focus_node, v.path) for v in report.violations] == [
        (None, str(AGREEMENT), str(KGO.signedAt))
    ]


# ------------------------------------------------------------------------------ files, stores


def test_validate_file_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot tell the RDF format"):
        validate_file(tmp_path / "x.rdf")
    with pytest.raises(InputError, match="no such file"):
        validate_file(tmp_path / "missing.trig")
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken.ttl is not valid turtle: .*line 1"):
        validate_file(broken)


def test_validate_store_missing(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        validate_store(tmp_path / "nothing")


def _imported_store(path: Path, rdf_file: Path) -> Path:
    from kg.store import KgStore

    with KgStore.open(path, read_only=False) as store:
        import_rdf(store, rdf_file)
    return path


def test_validate_store_keeps_graphs_apart(tmp_path: Path) -> None:
    store = _imported_store(tmp_path / "store", VALID)
    report = validate_store(store)
    assert report.conforms, _messages(report)
    assert report.graphs == 1
    assert report.triples == len(rdflib.Dataset().parse(VALID, format="trig"))


def test_ingested_fake_article_conforms(tmp_path: Path) -> None:
    """kg.rdf's output for a small article (fake extractor, no model) passes the shapes."""
    from kg.ingest import ingest

    store = tmp_path / "store"
    results = ingest([DATA / "articles" / "alpha.txt"], store, extractor="fake-v1")
    assert [r.status for r in results] == ["added"]
    report = validate_store(store)
    assert report.conforms, _messages(report)


@pytest.mark.slow
def test_seed_articles_conform(tmp_path: Path) -> None:
    """The real pipeline (rules extractor) on the five seeds builds a conforming graph."""
    from kg.ingest import ingest

    store = tmp_path / "store"
    results = ingest([SEEDS], store)
    assert [r.status for r in results] == ["added"] * 5, [r.message for r in results]
    report = validate_store(store)
    assert report.conforms, _messages(report)
    assert report.graphs == 5


# ------------------------------------------------------------------------------ CLI


def test_cli_validate_conforming_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = _imported_store(tmp_path / "store", VALID)
    code, out, err = kg(capsys, "--store", str(store), "validate")
    assert code == 0, err
    assert out == ""  # nothing to list; the summary is for people, on stderr
    assert err.startswith("conforms: 1 graphs")
    code, out, err = kg(capsys, "--store", str(store), "validate", "--format", "json")
    assert code == 0, err
    assert json.loads(out) == {
        "conforms": True, "graphs": 1, "triples": json.loads(out)["triples"], "violations": []
    }


def test_cli_validate_reports_violations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = _imported_store(tmp_path / "store", INVALID)
    code, out, err = kg(capsys, "--store", str(store), "validate", "--format", "json")
    assert code == 3  # does not conform: told apart from an error (1)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert f"{len(EXPECTED)} violations" in lines[0]
    doc = json.loads(out)
    assert doc["conforms"] is False
    assert len(doc["violations"]) == len(EXPECTED)
    assert {"focus_node", "path", "message", "value", "graph"} <= set(doc["violations"][0])


def test_cli_validate_table_and_csv(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # one table row per line
    code, out, err = kg(capsys, "validate", str(INVALID))
    assert code == 3
    assert "kgo:signedAt" in out and "901_invalid_example.txt" in out  # compacted for people
    assert err.count("\n") == 1 and err.startswith("Error: ")
    code, out, _ = kg(capsys, "validate", str(INVALID), "--format", "csv")
    assert code == 3
    header, *rows = out.splitlines()
    assert header == "graph,focus_node,path,value,message"
    assert any(row.startswith(vocab.DOC) for row in rows)  # full IRIs for scripts


def test_cli_validate_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = kg(capsys, "--store", str(tmp_path / "none"), "validate")
    assert (code, out) == (1, "")
    assert err.startswith("Error: no store at") and "Traceback" not in err
    code, out, err = kg(capsys, "validate", str(tmp_path / "missing.trig"))
    assert (code, out) == (1, "")
    assert err.startswith("Error: no such file")


def test_violation_dataclass_roundtrip() -> None:
    v = Violation(focus_node="x", path=None, message="m")
    assert v.as_dict() == {
        "focus_node": "x", "path": None, "message": "m", "value": None, "graph": None,
        "shape": None, "severity": "Violation",
    }
    assert ValidationReport(conforms=False, violations=[v], graphs=1, triples=3).summary() == (
        "1 violations on 1 nodes: 1 graphs, 3 triples checked"
    )
