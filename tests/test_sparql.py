"""kg.sparql and ``kg sparql``: union queries, standard result formats, update refusal."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import Cli
from test_store import _nt, _write_sample

from kg import vocab
from kg.errors import QueryError, UsageError
from kg.formats import RdfFormat, RowFormat
from kg.sparql import QueryKind, query_kind, run_sparql, write_result
from kg.store import KgStore

HOSPITALS = "SELECT DISTINCT ?h ?l WHERE { ?h a kgo:Hospital ; rdfs:label ?l }"


@pytest.mark.parametrize(("text", "kind"), [
    ("SELECT * { ?s ?p ?o }", QueryKind.SELECT),
    ("  ask { ?s ?p ?o }", QueryKind.ASK),
    ("CONSTRUCT WHERE { ?s ?p ?o }", QueryKind.CONSTRUCT),
    ("DESCRIBE <http://x/a>", QueryKind.DESCRIBE),
    ("INSERT DATA { <http://x/a> <http://x/b> 1 }", QueryKind.UPDATE),
    ("delete where { ?s ?p ?o }", QueryKind.UPDATE),
    ("DROP ALL", QueryKind.UPDATE),
    ("WITH <http://x/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", QueryKind.UPDATE),
    # comments and prologues mentioning update keywords do not fool it...
    ("# DELETE everything\nSELECT * { ?s ?p ?o }", QueryKind.SELECT),
    ("PREFIX insert: <http://x/drop#> BASE <http://x/clear/>\nASK { ?s ?p ?o }", QueryKind.ASK),
    # ...nor do they hide an update
    ("# just a select\nPREFIX s: <http://x/select#>\nCLEAR ALL", QueryKind.UPDATE),
    ("PREFIX : <http://x/> LOAD <http://x/data.ttl>", QueryKind.UPDATE),
    ("garbage", QueryKind.UNKNOWN),
])
def test_query_kind(text: str, kind: QueryKind) -> None:
    assert query_kind(text) is kind


@pytest.fixture
def sample_store(store_path: Path) -> Path:
    _write_sample(store_path, "a.txt")
    return store_path


def _write(fmt: RowFormat, text: str, store_path: Path) -> str:
    buf = io.BytesIO()
    with KgStore.open(store_path) as store:
        write_result(run_sparql(store, text), fmt, buf)
    return buf.getvalue().decode()


def test_select_json_is_standard_sparql_results(sample_store: Path) -> None:
    doc = json.loads(_write(RowFormat.json, HOSPITALS, sample_store))
    assert doc["head"] == {"vars": ["h", "l"]}
    assert doc["results"]["bindings"] == [{
        "h": {"type": "uri", "value": vocab.entity_iri("Hospital", "Riverton First Hospital")},
        "l": {"type": "literal", "value": "Riverton First Hospital"},
    }]


def test_ask_json_is_a_boolean(sample_store: Path) -> None:
    assert json.loads(_write(RowFormat.json, "ASK { ?e kgo:host ?h }", sample_store)) == {
        "head": {}, "boolean": True}


def test_select_csv_and_tsv(sample_store: Path) -> None:
    rows = list(csv.reader(io.StringIO(_write(RowFormat.csv, HOSPITALS, sample_store))))
    assert rows == [["h", "l"], [vocab.entity_iri("Hospital", "Riverton First Hospital"),
                                 "Riverton First Hospital"]]
    tsv = _write(RowFormat.tsv, HOSPITALS, sample_store).splitlines()
    assert tsv[0] == "?h\t?l"
    assert tsv[1] == (f"<{vocab.entity_iri('Hospital', 'Riverton First Hospital')}>\t"
                      '"Riverton First Hospital"')


def test_named_graphs_stay_reachable(sample_store: Path) -> None:
    doc = json.loads(_write(
        RowFormat.json, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?e kgo:host ?h } }", sample_store))
    assert [b["g"]["value"] for b in doc["results"]["bindings"]] == [vocab.doc_iri("a.txt")]


def test_construct_writes_rdf(sample_store: Path) -> None:
    buf = io.BytesIO()
    with KgStore.open(sample_store) as store:
        outcome = run_sparql(store, "CONSTRUCT { ?h rdfs:label ?l } WHERE { ?h a kgo:Hospital ;"
                                    " rdfs:label ?l }")
        assert outcome.kind is QueryKind.CONSTRUCT
        write_result(outcome, RowFormat.table, buf, graph_format=RdfFormat.nt)
    [triple] = list(ox.parse(buf.getvalue(), ox.RdfFormat.N_TRIPLES))
    assert triple.object == ox.Literal("Riverton First Hospital")


def test_table_rows_shorten_iris(sample_store: Path) -> None:
    with KgStore.open(sample_store) as store:
        columns, rows = run_sparql(store, HOSPITALS).table()
        assert columns == ["h", "l"]
        assert list(rows) == [["kg:hospital/riverton-first-hospital", "Riverton First Hospital"]]


def test_update_is_refused_without_opt_in(sample_store: Path) -> None:
    with KgStore.open(sample_store, read_only=False) as store:
        with pytest.raises(UsageError, match="--allow-update"):
            run_sparql(store, "# harmless\nDELETE WHERE { ?s ?p ?o }")
        assert sum(1 for _ in store.quads()) > 0
        run_sparql(store, "DELETE WHERE { GRAPH ?g { ?e kgo:theme ?t } }", allow_update=True)
        assert not bool(run_sparql(store, "ASK { ?e kgo:theme ?t }").result)


def test_malformed_query_is_a_query_error(sample_store: Path) -> None:
    with KgStore.open(sample_store) as store, pytest.raises(QueryError, match=r"1:\d+"):
        run_sparql(store, "SELECT ?x WHERE { ?x kgo:host }")


# ---------------------------------------------------------------- through the CLI
def test_cli_sparql_table_and_json(cli: Cli) -> None:
    _write_sample(cli.store, "a.txt")
    table = cli("sparql", HOSPITALS)
    assert table.exit_code == 0, table.stderr
    assert "Riverton First Hospital" in table.stdout
    assert "kg:hospital/riverton-first-hospital" in table.stdout
    js = cli("sparql", HOSPITALS, "--format", "json")
    assert json.loads(js.stdout)["head"]["vars"] == ["h", "l"]


def test_cli_sparql_from_file_and_construct(cli: Cli, tmp_path: Path) -> None:
    _write_sample(cli.store, "a.txt")
    q = tmp_path / "q.rq"
    q.write_text("CONSTRUCT { ?h a kgo:Hospital } WHERE { ?h a kgo:Hospital }")
    res = cli("sparql", "--file", str(q), "--graph-format", "nt")
    assert res.exit_code == 0, res.stderr
    assert res.stdout.strip() == (
        f"<{vocab.entity_iri('Hospital', 'Riverton First Hospital')}> "
        f"<{vocab.RDF_TYPE}> <{vocab.ont('Hospital')}> ."
    )


def test_cli_update_needs_allow_update(cli: Cli) -> None:
    _write_sample(cli.store, "a.txt")
    before = _nt(cli.store)
    refused = cli("sparql", "DELETE WHERE { ?s ?p ?o }")
    assert refused.exit_code == 2
    assert refused.stderr.splitlines() == [
        "Error: this is a SPARQL update, which changes the store; pass --allow-update to run it"]
    assert _nt(cli.store) == before
    done = cli("sparql", "--allow-update", "DELETE WHERE { GRAPH ?g { ?e kgo:theme ?t } }")
    assert done.exit_code == 0, done.stderr
    assert _nt(cli.store) != before


def test_cli_query_and_file_are_exclusive(cli: Cli) -> None:
    _write_sample(cli.store, "a.txt")
    res = cli("sparql")
    assert res.exit_code == 2 and res.stderr.startswith("Error: give the query")


def test_store_commands_do_not_import_heavy_libraries(tmp_path: Path) -> None:
    """export/sparql/docs/stats answer from pyoxigraph alone: no spaCy, rdflib or networkx."""
    import subprocess
    import sys

    store = tmp_path / "store"
    _write_sample(store, "a.txt")
    code = (
        "import sys\nfrom kg_cli.main import run\n"
        "try:\n    run(sys.argv[1:])\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "finally:\n"
        "    top = {m.split('.')[0] for m in sys.modules}\n"
        "    heavy = sorted(top & {'spacy', 'rdflib', 'networkx'})\n"
        "    print('HEAVY', heavy, file=sys.stderr)\n"
    )
    for args in (["export", "--format", "nt"], ["sparql", HOSPITALS], ["docs"], ["stats"]):
        proc = subprocess.run([sys.executable, "-c", code, "--store", str(store), *args],
                              capture_output=True, text=True, timeout=120)
        assert "HEAVY []" in proc.stderr, (args, proc.stderr)
