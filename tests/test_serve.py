"""``kg serve``: a SPARQL 1.1 Protocol endpoint over the store, queried with urllib.

The server runs in a thread on a free port (``--bind 127.0.0.1:0``) for the protocol tests,
and as a real ``kg serve`` process where the process matters (Ctrl-C, a taken port).
"""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ARTICLES, FAKE

from kg.errors import UsageError
from kg.ingest import ingest
from kg.serve import Server, make_server, negotiate, parse_bind

HOSTS = "SELECT ?e ?h WHERE { ?e kgo:host ?h } ORDER BY ?e"
CONSTRUCT = "CONSTRUCT { ?e kgo:host ?h } WHERE { ?e kgo:host ?h }"


def _store(path: Path) -> Path:
    results = ingest([ARTICLES / "alpha.txt"], path, extractor=FAKE)
    assert [r.status for r in results] == ["added"]
    return path


def _start(store: Path, allow_update: bool = False) -> Server:
    server = make_server(store, "127.0.0.1:0", allow_update=allow_update)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def server(store_path: Path) -> Iterator[Server]:
    srv = _start(_store(store_path))
    yield srv
    srv.shutdown()
    srv.server_close()
    srv.endpoint.close()


def call(
    url: str, *, query: str | None = None, data: bytes | None = None,
    content_type: str | None = None, accept: str | None = None, method: str | None = None,
) -> tuple[int, dict[str, str], bytes]:
    """(status, headers, body) of one request; error statuses are returned, not raised."""
    if query is not None:
        url += "?" + urllib.parse.urlencode({"query": query})
    req = urllib.request.Request(url, data=data, method=method)
    if content_type:
        req.add_header("Content-Type", content_type)
    if accept:
        req.add_header("Accept", accept)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def test_get_select_json_is_standard_sparql_results(server: Server) -> None:
    status, headers, body = call(server.url, query=HOSTS)
    assert status == 200
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    assert headers["Access-Control-Allow-Origin"] == "*"
    doc = json.loads(body)
    assert doc["head"]["vars"] == ["e", "h"]
    assert len(doc["results"]["bindings"]) == 1
    parsed = list(ox.parse_query_results(body, ox.QueryResultsFormat.JSON))
    assert parsed[0]["h"] == ox.NamedNode(
        "https://w3id.org/kg-health/id/governmentbody/riverton-health-commission")


def test_accept_chooses_csv_tsv_xml(server: Server) -> None:
    status, headers, body = call(server.url, query=HOSTS, accept="text/csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.decode())))
    assert rows[0] == ["e", "h"] and rows[1][1].endswith("riverton-health-commission")
    status, _, body = call(server.url, query=HOSTS, accept="text/tab-separated-values")
    assert status == 200
    assert len(list(ox.parse_query_results(body, ox.QueryResultsFormat.TSV))) == 1
    status, _, body = call(server.url, query="ASK { ?e kgo:host ?h }",
                           accept="application/sparql-results+xml")
    assert status == 200
    assert bool(ox.parse_query_results(body, ox.QueryResultsFormat.XML)) is True
    status, _, body = call(server.url, query=HOSTS, accept="image/png")
    assert status == 406 and b"application/sparql-results+json" in body


@pytest.mark.parametrize(("accept", "fmt"), [
    ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-quads", ox.RdfFormat.N_QUADS),
    ("application/rdf+xml", ox.RdfFormat.RDF_XML),
])
def test_post_construct_in_each_rdf_format(server: Server, accept: str, fmt: ox.RdfFormat) -> None:
    status, headers, body = call(server.url, data=CONSTRUCT.encode(), accept=accept,
                                 content_type="application/sparql-query")
    assert status == 200 and headers["Content-Type"].startswith(accept)
    triples = list(ox.parse(body, fmt))
    assert len(triples) == 1 and triples[0].predicate.value.endswith("#host")


def test_rdflib_reads_the_turtle(server: Server) -> None:
    import rdflib

    _, _, body = call(server.url, query=CONSTRUCT, accept="text/turtle")
    graph = rdflib.Graph().parse(data=body.decode(), format="turtle")
    assert len(graph) == 1


def test_form_post_and_cors_preflight(server: Server) -> None:
    form = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}).encode()
    status, _, body = call(server.url, data=form,
                           content_type="application/x-www-form-urlencoded")
    assert status == 200 and json.loads(body)["boolean"] is True
    status, headers, _ = call(server.url, method="OPTIONS")
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in headers["Access-Control-Allow-Headers"]


def test_malformed_query_is_400_with_the_parser_message(server: Server) -> None:
    status, _, body = call(server.url, query="SELECT ?x WHERE { ?x")
    assert status == 400 and b"does not parse" in body
    status, _, body = call(server.url)
    assert status == 400 and b"?query=" in body
    status, _, _ = call(server.url, data=b"ASK {}", content_type="text/plain")
    assert status == 415


def test_read_only_server_refuses_updates(server: Server) -> None:
    base = server.url.rsplit("/", 1)[0]
    status, _, body = call(base + "/update", data=b"DROP ALL",
                           content_type="application/sparql-update")
    assert status == 403 and b"--allow-update" in body
    status, _, _ = call(server.url, query="PREFIX x: <http://x/> DROP ALL")
    assert status == 403
    status, _, body = call(server.url, query="ASK { ?s ?p ?o }")
    assert json.loads(body)["boolean"] is True  # nothing was dropped


def test_updates_with_allow_update(store_path: Path) -> None:
    srv = _start(_store(store_path), allow_update=True)
    try:
        base = srv.url.rsplit("/", 1)[0]
        insert = 'INSERT DATA { GRAPH <urn:g> { <urn:a> rdfs:label "added over HTTP" } }'
        status, _, _ = call(base + "/update", data=insert.encode(),
                            content_type="application/sparql-update")
        assert status == 204
        status, _, body = call(srv.url, query='ASK { ?s rdfs:label "added over HTTP" }')
        assert json.loads(body)["boolean"] is True
        form = urllib.parse.urlencode({"update": "DROP GRAPH <urn:g>"}).encode()
        status, _, _ = call(base + "/update", data=form,
                            content_type="application/x-www-form-urlencoded")
        assert status == 204
        _, _, body = call(srv.url, query='ASK { ?s rdfs:label "added over HTTP" }')
        assert json.loads(body)["boolean"] is False
        assert call(srv.url, query="DROP ALL")[0] == 400  # updates belong at /update
        assert call(base + "/update", data=b"ASK {}",
                    content_type="application/sparql-update")[0] == 400
        assert call(base + "/update", data=b"DROP GRAPH",
                    content_type="application/sparql-update")[0] == 400
    finally:
        srv.shutdown()
        srv.server_close()
        srv.endpoint.close()


def test_a_read_only_server_sees_what_ingest_writes_meanwhile(server: Server,
                                                                store_path: Path) -> None:
    ask = "ASK { GRAPH kgdoc:beta.txt { ?s ?p ?o } }"
    assert json.loads(call(server.url, query=ask)[2])["boolean"] is False
    results = ingest([ARTICLES / "beta.txt"], store_path, extractor=FAKE)
    assert [r.status for r in results] == ["added"]  # the server does not hold the lock
    assert json.loads(call(server.url, query=ask)[2])["boolean"] is True


def test_negotiation_and_bind_parsing() -> None:
    offered = ["application/sparql-results+json", "text/csv"]
    assert negotiate("text/csv, */*;q=0.1", offered) == "text/csv"
    assert negotiate("*/*", offered) == offered[0]
    assert negotiate("text/csv;q=0", offered) is None
    assert parse_bind("0.0.0.0:80") == ("0.0.0.0", 80)
    with pytest.raises(UsageError):
        parse_bind("localhost")


def _serve_process(store: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", "from kg_cli.main import run; run()", "--store", str(store),
         "serve", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_cli_serve_answers_then_stops_cleanly_on_ctrl_c(store_path: Path) -> None:
    proc = _serve_process(_store(store_path), "--bind", "127.0.0.1:0", "--quiet")
    try:
        assert proc.stderr is not None
        first = proc.stderr.readline()
        assert first.startswith("Serving ") and "(read-only)" in first
        url = first.split(" at ", 1)[1].split(" ", 1)[0]
        status, _, body = call(url, query=HOSTS, accept="text/csv")
        assert status == 200 and b"riverton-health-commission" in body
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 0
    assert out == "" and err == "Stopped.\n"


def test_cli_serve_on_a_taken_port_is_one_error_line(server: Server, store_path: Path) -> None:
    port = server.server_address[1]
    proc = _serve_process(store_path, "--bind", f"127.0.0.1:{port}")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1 and out == ""
    assert err.startswith(f"Error: cannot listen on 127.0.0.1:{port}") and err.count("\n") == 1
    assert "Traceback" not in err


def test_serving_loads_neither_spacy_nor_rdflib() -> None:
    code = ("import sys, kg_cli.serve_cmds, kg.serve; "
            "print(sorted(m for m in ('spacy', 'rdflib', 'networkx') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
