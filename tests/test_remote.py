"""A SPARQL 1.1 server as the store: every command gives what it gives on the embedded store.

The server is a real ``oxigraph serve`` on 127.0.0.1 (tests/sparql_server.py). The same
articles are ingested into a store folder and into the server with the fake extractor; each
command then runs on both and must print the same thing. Then the failures: a server that
is down or dies mid-command, one that refuses writes, credentials that must never show.
"""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from datetime import datetime, tzinfo
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pyoxigraph as ox
import pytest
from conftest import ARTICLES, FAKE, Cli
from sparql_server import OxigraphServer, free_port, running

import kg.ingest
from kg import vocab
from kg.ingest import ingest
from kg.store.base import Values, where_group, with_values
from kg.store.http import SparqlHttp
from kg.store.remote import RemoteStore

SECRET = "s3cret-Pa55word"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    with running(tmp_path_factory.mktemp("oxigraph") / "data") as srv:
        yield srv


@pytest.fixture(scope="module")
def pair(server: OxigraphServer, tmp_path_factory: pytest.TempPathFactory) -> tuple[Cli, Cli]:
    """(embedded, remote) CLIs holding the same two articles."""
    folder = tmp_path_factory.mktemp("stores")
    local = Cli(folder / "local")
    remote = Cli(folder / "never-written", endpoint=(server.query_url, server.update_url))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kg.ingest, "datetime", _FixedClock)  # the same ingest time in both
        for cli in (local, remote):
            res = cli("ingest", str(ARTICLES), "--extractor", FAKE, "--format", "json")
            assert res.exit_code == 0, res.stderr
            assert {r["status"] for r in json.loads(res.stdout)} == {"added"}
    return local, remote


class _FixedClock(datetime):
    @classmethod
    def now(cls, tz: tzinfo | None = None) -> _FixedClock:
        return cls(2026, 1, 2, 3, 4, 5, tzinfo=tz)


COMMANDS = [
    ["ask", "who signed with Beta Medical Group", "--format", "json"],
    ["ask", "where was Alpha Health Expo held", "--format", "json"],
    ["neighbors", "Beta Medical Group", "--depth", "2", "--format", "json"],
    ["path", "Gamma Hospital", "Delta Pharma", "--format", "json"],
    ["path", "Riverton", "Omega Forum", "--all", "--format", "json"],
    ["show", "Alpha Health Expo", "--format", "json"],
    ["show", "Beta Medical Group", "--format", "json"],
    ["search", "beta medcal", "--format", "json"],
    ["entities", "--format", "json"],
    ["sparql", "SELECT ?e ?l WHERE { ?e a kgo:Company ; rdfs:label ?l } ORDER BY ?l", "--format", "json"],
    ["sparql", "ASK { ?e kgo:host ?h }", "--format", "json"],
    ["sparql", "CONSTRUCT { ?e kgo:host ?h } WHERE { ?e kgo:host ?h }", "--graph-format", "nt"],
    ["export", "--format", "nt"],
    ["export", "--format", "graphml", "--around", "Gamma Hospital", "--depth", "2"],
    ["stats", "--format", "json"],
    ["validate"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_a_command_prints_the_same_on_a_server(pair: tuple[Cli, Cli], args: list[str]) -> None:
    local, remote = pair
    a, b = local(*args), remote(*args)
    assert a.exit_code in (0, 3), a.stderr  # validate finds the fake articles' problems: 3
    assert (b.exit_code, b.stdout) == (a.exit_code, a.stdout), b.stderr
    assert a.stdout.strip()  # each command printed something to compare


def test_docs_remove_and_nothing_written_locally(pair: tuple[Cli, Cli]) -> None:
    local, remote = pair
    a, b = local("docs", "--format", "json"), remote("docs", "--format", "json")
    assert a.exit_code == 0 and len(json.loads(a.stdout)) == 2
    assert (b.exit_code, b.stdout) == (a.exit_code, a.stdout)
    assert not remote.store.exists()  # an endpoint wins over --store: no folder was created
    bad = remote("remove", "nope.txt")
    assert bad.exit_code == 1 and "known: alpha.txt, beta.txt" in bad.stderr


def test_ingest_writes_each_article_in_one_update(tmp_path: Path) -> None:
    sent: list[str] = []
    with running(tmp_path / "data") as srv:
        store = RemoteStore(srv.query_url, srv.update_url, read_only=False)
        real = store.http.post

        def spy(url: str, body: str, content_type: str, accept: str | None = None) -> object:
            if content_type == "application/sparql-update":
                sent.append(body)
            return real(url, body, content_type, accept)

        store.http.post = spy  # type: ignore[method-assign]
        results = ingest([ARTICLES], store, extractor=FAKE)
        assert [r.status for r in results] == ["added", "added"]
        assert store.http.updates == len(sent) == 2
        for name, body in zip(("alpha.txt", "beta.txt"), sent, strict=True):
            graph = f"<{vocab.doc_iri(name)}>"
            assert f"DROP SILENT GRAPH {graph}" in body and "INSERT DATA" in body
            assert body.count("GRAPH <") == 2  # the drop and the insert: that article only
        # Unchanged articles: one sha256 look-up each, no update.
        before = store.http.requests
        again = ingest([ARTICLES], store, extractor=FAKE)
        assert {r.status for r in again} == {"unchanged"}
        assert store.http.updates == 2 and store.http.requests - before == 2


def _one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_a_server_that_is_down_is_one_error_line(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    cli = Cli(tmp_path / "store", endpoint=(f"{url}/query", f"{url}/update"))
    for args in (["neighbors", "Beta Medical Group"], ["ingest", str(ARTICLES), "--extractor", FAKE],
                 ["stats"]):
        res = cli(*args)
        assert res.exit_code == 1 and res.stdout == ""
        line = _one_error_line(res.stderr)
        assert f"cannot reach the SPARQL endpoint {url}/query (connection refused; 4 tries)" in line
        assert "check that the server is running" in line
    assert not (tmp_path / "store").exists()


@pytest.mark.parametrize("args", [
    ["neighbors", "Beta Medical Group", "--depth", "2"],
    ["ingest", str(ARTICLES), "--extractor", FAKE],
])
def test_a_server_killed_mid_command_is_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    with running(tmp_path / "data") as srv:
        cli = Cli(tmp_path / "store", endpoint=(srv.query_url, srv.update_url))
        if args[0] != "ingest":
            assert cli("ingest", str(ARTICLES), "--extractor", FAKE).exit_code == 0
        real = SparqlHttp.post
        answered: list[str] = []

        def post_then_kill(self: SparqlHttp, url: str, *rest: str | None) -> object:
            answer = real(self, url, *rest)  # type: ignore[arg-type]
            answered.append(url)
            if len(answered) == 2:
                srv.kill()  # the server dies between two requests of one command
            return answer

        monkeypatch.setattr(SparqlHttp, "post", post_then_kill)
        res = cli(*args)
    assert len(answered) == 2  # it ran, then failed on the request after the kill
    assert res.exit_code == 1
    line = _one_error_line(res.stderr)
    assert "cannot reach the SPARQL endpoint http://127.0.0.1:" in line and "connection refused" in line


def test_a_read_only_server_refuses_ingest_with_its_status_and_message(tmp_path: Path) -> None:
    with running(tmp_path / "data"):
        pass  # a read-only server needs a store that exists
    with running(tmp_path / "data", read_only=True) as srv:
        cli = Cli(tmp_path / "store", endpoint=(srv.query_url, srv.update_url))
        res = cli("ingest", str(ARTICLES / "alpha.txt"), "--extractor", FAKE)
    assert res.exit_code == 1
    line = _one_error_line(res.stderr)
    assert f"the SPARQL endpoint {srv.update_url} answered HTTP 403 Forbidden" in line
    assert "check KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD and that the server accepts updates" in line


def test_a_bad_query_is_the_servers_message_in_one_line(pair: tuple[Cli, Cli]) -> None:
    res = pair[1]("sparql", "SELECT ?x WHERE { ?x")
    assert res.exit_code == 1
    line = _one_error_line(res.stderr)
    assert "refused the query (HTTP 400 Bad Request: " in line


class _Recorder(BaseHTTPRequestHandler):
    """Answers 401 to everything and keeps the Authorization headers it got."""

    seen: ClassVar[list[str]] = []

    def do_POST(self) -> None:
        self.seen.append(self.headers.get("Authorization", ""))
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        body = b"Unauthorized: bad credentials\nsecond line\n"
        self.send_response(401)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: object) -> None:
        pass


def test_credentials_are_sent_but_never_shown(
    pair: tuple[Cli, Cli], server: OxigraphServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KG_ENDPOINT_USER", "reporter")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", SECRET)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        guarded = f"http://127.0.0.1:{httpd.server_address[1]}/sparql"
        down = f"http://reporter:{SECRET}@127.0.0.1:{free_port()}/query"
        outputs = []
        for endpoint in (server.query_url, guarded, down):
            cli = Cli(tmp_path / "store", endpoint=(endpoint, endpoint))
            for args in (["stats"], ["neighbors", "Beta Medical Group"],
                         ["ingest", str(ARTICLES / "alpha.txt"), "--extractor", FAKE]):
                res = cli(*args)
                outputs.append(res.stdout + res.stderr)
            if endpoint == server.query_url:
                res = cli("--debug", "stats")
                outputs.append(res.stdout + res.stderr)
    finally:
        httpd.shutdown()
    token = base64.b64encode(f"reporter:{SECRET}".encode()).decode()
    assert _Recorder.seen and set(_Recorder.seen) == {f"Basic {token}"}
    assert not any(SECRET in out or token in out for out in outputs)
    assert any("answered HTTP 401 Unauthorized: Unauthorized: bad credentials; check "
               "KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD" in out for out in outputs)
    assert any("debug: " in out and " HTTP requests (" in out for out in outputs)
    store = RemoteStore(down, user="reporter", password=SECRET)
    assert SECRET not in repr(store) and SECRET not in repr(store.http) and SECRET not in store.where


def test_debug_counts_the_requests_of_a_command(pair: tuple[Cli, Cli]) -> None:
    res = pair[1]("--debug", "show", "Gamma Hospital")
    assert res.exit_code == 0
    counts = [line for line in res.stderr.splitlines() if line.startswith("debug: ")]
    assert len(counts) == 1 and " updates) to the SPARQL endpoint http://127.0.0.1:" in counts[0]
    requests = int(counts[0].split()[1])
    assert requests > 0 and "0 updates" in counts[0]


# ---------------------------------------------------------------------- bound values
def test_values_go_first_in_the_where_group_never_into_strings_or_templates() -> None:
    q = '''PREFIX where: <http://x/where#> CONSTRUCT { ?s ?p "{ where }" } # a { comment
           WHERE { ?s ?p ?o FILTER(?o != "}") }'''
    assert q[where_group(q):].startswith(' ?s ?p ?o FILTER')
    short = "CONSTRUCT WHERE { ?s ?p ?o }"
    assert short[where_group(short):] == " ?s ?p ?o }"
    select = "SELECT ?n (COUNT(*) AS ?c) { ?n ?p ?v } GROUP BY ?n"
    tricky = ox.Literal('x" } ; DROP ALL ; #', language="en")
    text = with_values(select, Values(("n", "v"), ((ox.NamedNode("http://x/a"), tricky), (None, None))))
    assert text == ('SELECT ?n (COUNT(*) AS ?c) { VALUES (?n ?v) { (<http://x/a> '
                    '"x\\" } ; DROP ALL ; #"@en) (UNDEF UNDEF) } ?n ?p ?v } GROUP BY ?n')
    with pytest.raises(ValueError, match="variable name"):
        Values.column("n; DROP", [ox.NamedNode("http://x/a")]).sparql()
    with pytest.raises(ValueError, match="only IRIs and literals"):
        Values.column("n", [ox.BlankNode()]).sparql()  # type: ignore[list-item]


def test_updates_and_imports_go_to_the_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``kg sparql --allow-update`` and ``kg import`` (small: one update; big: in pieces)."""
    import kg.store.remote
    import kg.store.transfer

    with running(tmp_path / "data") as srv:
        cli = Cli(tmp_path / "store", endpoint=(srv.query_url, srv.update_url))
        insert = 'INSERT DATA { GRAPH <http://x/g> { <http://x/a> rdfs:label "A" } }'
        refused = cli("sparql", insert)
        assert refused.exit_code == 2 and "--allow-update" in refused.stderr
        assert cli("sparql", insert, "--allow-update").exit_code == 0
        assert cli("sparql", "ASK { <http://x/a> rdfs:label ?l }", "--format", "json").stdout \
            .strip().endswith("true}")
        nt = tmp_path / "seven.nt"
        nt.write_text("".join(f"<http://x/s{i}> <http://x/p> \"{i}\" .\n" for i in range(7)))
        store = RemoteStore(srv.query_url, srv.update_url, read_only=False)
        from kg.store import import_rdf

        assert import_rdf(store, nt).quads == 7 and store.http.updates == 1  # one atomic update
        monkeypatch.setattr(kg.store.transfer, "BULK_THRESHOLD_BYTES", 0)
        monkeypatch.setattr(kg.store.remote, "LOAD_CHUNK", 3)
        assert import_rdf(store, nt).quads == 7
        assert store.http.updates == 1 + 1 + 3  # then: drop the graph, 3 + 3 + 1 quads
        res = cli("export", "--format", "nt", "--graph", "seven.nt")
        assert res.stdout == nt.read_text() and res.exit_code == 0
        assert cli("remove", "seven.nt").exit_code == 0
        assert cli("docs", "--format", "json").stdout.count('"name"') == 1  # http://x/g left


def test_a_server_without_a_union_default_graph_is_named_by_stats(tmp_path: Path) -> None:
    """Queries would all answer nothing: ``kg stats`` says how to configure the server."""
    with running(tmp_path / "data", union=False) as srv:
        cli = Cli(tmp_path / "store", endpoint=(srv.query_url, srv.update_url))
        assert cli("ingest", str(ARTICLES), "--extractor", FAKE).exit_code == 0
        res = cli("stats")
    assert res.exit_code == 1
    line = _one_error_line(res.stderr)
    assert "quads in named graphs, but queries without GRAPH see none of them" in line
    assert "--union-default-graph" in line
