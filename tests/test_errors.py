"""Bad input through the CLI: one ``Error:`` line, the documented exit code, no traceback,
and the store exactly as it was (its N-Triples export compared before and after)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ARTICLES, BAD, FAKE, Cli
from test_store import _nt

_SERVICE = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"


@pytest.fixture
def filled(cli: Cli) -> Cli:
    assert cli("ingest", str(ARTICLES), "--extractor", FAKE).exit_code == 0
    return cli


def _one_error(stderr: str, *needles: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("Error: "), stderr
    assert "Traceback" not in stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


@pytest.mark.parametrize(("path", "needles"), [
    (BAD / "missing.txt", ["missing.txt", "no such file"]),
    (BAD / "empty.txt", ["empty.txt", "empty"]),
    (BAD / "binary.txt", ["binary.txt", "binary"]),
    (BAD / "latin1.txt", ["latin1.txt", "not UTF-8", "iconv"]),
    (BAD / "broken.txt", ["broken.txt", "fake extractor"]),
])
def test_bad_article(filled: Cli, path: Path, needles: list[str]) -> None:
    before = _nt(filled.store)
    res = filled("ingest", str(path), "--extractor", FAKE)
    assert res.exit_code == 1
    _one_error(res.stderr, *needles)
    assert _nt(filled.store) == before


@pytest.mark.parametrize(("args", "code", "needles"), [
    (["sparql", "SELECT ?x WHERE { ?x kgo:host"], 1, ["does not parse", "1:"]),
    (["sparql", "DROP ALL"], 2, ["--allow-update"]),
    # evaluation errors surface while results are read (port 9 is refused without connecting)
    (["sparql", _SERVICE], 1, ["the SPARQL query failed"]),
    (["sparql", _SERVICE, "--format", "json"], 1, ["the SPARQL query failed"]),
    (["sparql", "--file", "/no/such/query.rq"], 1, ["cannot read the query file"]),
    (["remove", "nope.txt"], 1, ["no article 'nope.txt'", "alpha.txt", "beta.txt"]),
    (["export", "--graph", "nope.txt"], 1, ["no article 'nope.txt'"]),
    (["import", "/no/such/file.ttl"], 1, ["no such file"]),
    (["import", str(ARTICLES / "alpha.txt")], 2, ["cannot tell the RDF format"]),
    (["ingest", str(ARTICLES), "--extractor", "no-such-extractor"], 2, ["unknown extractor"]),
])
def test_bad_command(filled: Cli, args: list[str], code: int, needles: list[str]) -> None:
    before = _nt(filled.store)
    res = filled(*args)
    assert res.exit_code == code, res.stderr
    _one_error(res.stderr, *needles)
    assert res.stdout == ""
    assert _nt(filled.store) == before


@pytest.mark.parametrize(("name", "content", "needles"), [
    ("bad.ttl", "<http://x/a> <http://x/b> .\n", ["bad.ttl is not valid ttl", "line 1"]),
    ("bad.nt", '<http://x/a> <http://x/b> "c" .\n<http://x/a> <http://x/b> "open .\n',
     ["bad.nt is not valid nt", "line 2"]),
    ("bad.trig", "<http://x/g> { <http://x/a> <http://x/b> <http://x/c> .\n",
     ["bad.trig is not valid trig"]),
    ("bad.jsonld", '{"@id": "http://x/a", "http://x/b": ', ["bad.jsonld is not valid jsonld"]),
])
def test_malformed_rdf_import(
    filled: Cli, tmp_path: Path, name: str, content: str, needles: list[str]
) -> None:
    before = _nt(filled.store)
    f = tmp_path / name
    f.write_text(content)
    res = filled("import", str(f))
    assert res.exit_code == 1
    _one_error(res.stderr, *needles)
    assert _nt(filled.store) == before


def test_query_commands_on_a_missing_store(cli: Cli) -> None:
    for args in (["docs"], ["stats"], ["export"], ["sparql", "ASK {}"]):
        res = cli(*args)
        assert res.exit_code == 1, args
        _one_error(res.stderr, "no store at", "run `kg ingest` first")
    assert not cli.store.exists()


def test_exit_codes_in_a_real_process(tmp_path: Path) -> None:
    """The console entry point itself: exit status and a clean stderr, no traceback."""
    store = tmp_path / "store"
    proc = subprocess.run(
        [sys.executable, "-c", "from kg_cli.main import run; run()", "--store", str(store),
         "sparql", "SELECT * WHERE { ?s"],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 1
    _one_error(proc.stderr, "no store at")
    proc = subprocess.run(
        [sys.executable, "-c", "from kg_cli.main import run; run()", "--store", str(store),
         "ingest", str(BAD / "empty.txt")],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 1
    _one_error(proc.stderr, "empty.txt")
