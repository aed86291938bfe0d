"""Never run what the user did not ask for; never let input change a query's meaning.

* ``kg sparql`` runs no update without ``--allow-update``, however the update is dressed up:
  case, comments, prologues, ``\\u`` escapes, several operations in one request, an update
  after a query. The store's N-Triples export is compared before and after each attempt.
* Entity names and questions with quotes, backslashes, braces, ``>``, ``#``, newlines and
  SPARQL keywords are values, never query text: they find exactly the entity so labelled,
  or nothing, and change nothing.
* Two writers: the second waits for the lock (``--wait``) with a message, or stops with one;
  readers keep reading while a writer works.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ARTICLES, FAKE, Cli, memory_store
from test_store import _nt

from kg import lookup, vocab
from kg.errors import AmbiguousEntityError, EntityNotFoundError, StoreError, UsageError
from kg.names import normalize_name
from kg.sparql import QueryKind, query_kind, run_sparql
from kg.store import KgStore, articles

_UPDATES = [
    "DROP ALL",
    "drop all",
    "  \n# a comment\nCLEAR ALL",
    "PREFIX x: <http://x/select#>\nBASE <http://x/ask/>\nDELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
    "INSERT DATA { GRAPH <http://x/g> { <http://x/a> <http://x/b> <http://x/c> } } ; DROP ALL",
    "WITH <http://x/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "LOAD <file:///etc/hostname> INTO GRAPH <http://x/g>",
    "CREATE GRAPH <http://x/new>",
    "COPY DEFAULT TO <http://x/g>",
    "MOVE <http://x/g> TO DEFAULT",
    "ADD <http://x/g> TO DEFAULT",
    "\\u0044ROP ALL",  # the grammar's escapes decoded: still an update
]
_NOT_QUERIES = [  # look like queries, carry an update: they fail to parse, nothing runs
    "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",
    "ASK { ?s ?p ?o } DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o }\n# DROP ALL\n; CLEAR ALL",
]


@pytest.fixture
def filled(cli: Cli) -> Cli:
    assert cli("ingest", str(ARTICLES), "--extractor", FAKE).exit_code == 0
    return cli


@pytest.mark.parametrize("text", _UPDATES)
def test_updates_are_refused_without_allow_update(filled: Cli, text: str) -> None:
    assert query_kind(text) is QueryKind.UPDATE
    before = _nt(filled.store)
    res = filled("sparql", text)
    assert res.exit_code == 2, res.stderr
    assert res.stderr.startswith("Error: ") and "--allow-update" in res.stderr
    assert _nt(filled.store) == before
    with KgStore.open(filled.store) as store, pytest.raises(UsageError):
        run_sparql(store, text)


@pytest.mark.parametrize("text", _NOT_QUERIES)
def test_an_update_after_a_query_never_runs(filled: Cli, text: str) -> None:
    before = _nt(filled.store)
    for args in (["sparql", text], ["sparql", text, "--allow-update"]):
        res = filled(*args)
        assert res.exit_code == 1 and "does not parse" in res.stderr, res.stderr
        assert _nt(filled.store) == before


def test_a_query_runs_on_a_read_only_store_even_with_allow_update(filled: Cli) -> None:
    with KgStore.open(filled.store) as store:
        assert store.read_only
        with pytest.raises(UsageError, match="opened for writing"):
            run_sparql(store, "DROP ALL", allow_update=True)
    res = filled("sparql", "ASK { ?s ?p ?o }", "--allow-update", "-f", "json")
    assert res.exit_code == 0 and json.loads(res.stdout)["boolean"] is True


def test_allow_update_runs_every_operation_of_the_request(filled: Cli) -> None:
    text = ("INSERT DATA { GRAPH <http://x/g> { <http://x/a> <http://x/b> \"c\" } } ;\n"
            "DELETE WHERE { GRAPH <http://x/g> { ?s ?p ?o } } ;\n"
            "INSERT DATA { GRAPH <http://x/g> { <http://x/a> <http://x/b> \"d\" } }")
    res = filled("sparql", text, "--allow-update")
    assert res.exit_code == 0, res.stderr
    rows = json.loads(filled("sparql", "SELECT ?o { <http://x/a> <http://x/b> ?o }",
                             "-f", "json").stdout)["results"]["bindings"]
    assert [r["o"]["value"] for r in rows] == ["d"]


# ---------------------------------------------------------------- names are values
TRICKY = [
    'Acme "Quoted" Labs',
    "O'Hara \\ Backslash Clinic",
    "Brace } Hospital { ?s ?p ?o }",
    "Angle > Pharma <http://evil/>",
    "Hash # Comment Health",
    "Two\nLine Clinic",
    "SELECT * WHERE { ?s ?p ?o } DROP ALL",
    '"} ; DROP ALL ; INSERT DATA { <a> <b> <c> } #',
    "\\u0022 escaped quote Group",
]


def _tricky_store() -> KgStore:
    quads = []
    for i, label in enumerate(TRICKY):
        node = ox.NamedNode(vocab.ID + f"company/tricky-{i}")
        graph = ox.NamedNode(vocab.doc_iri(f"t{i}.txt"))
        quads.append(ox.Quad(node, ox.NamedNode(vocab.RDF_TYPE), ox.NamedNode(vocab.ont("Company")),
                             graph))
        quads.append(ox.Quad(node, ox.NamedNode(vocab.RDFS_LABEL), ox.Literal(label), graph))
    decoy = ox.NamedNode(vocab.ID + "company/decoy")
    g = ox.NamedNode(vocab.doc_iri("decoy.txt"))
    quads.append(ox.Quad(decoy, ox.NamedNode(vocab.RDF_TYPE), ox.NamedNode(vocab.ont("Company")), g))
    quads.append(ox.Quad(decoy, ox.NamedNode(vocab.RDFS_LABEL), ox.Literal("Plain Decoy Company"), g))
    return memory_store(quads)


@pytest.mark.parametrize(("i", "label"), list(enumerate(TRICKY)))
def test_a_tricky_label_finds_exactly_its_entity(i: int, label: str) -> None:
    store = _tricky_store()
    size = sum(1 for _ in store.quads())
    assert lookup.resolve(store, label).iri == vocab.ID + f"company/tricky-{i}"
    assert sum(1 for _ in store.quads()) == size


@pytest.mark.parametrize("name", [
    '" } UNION { ?n ?p ?name } #', "?n", "*", "Plain Decoy Company\" || true || \"",
    "DROP ALL", "}}}}", "\\", "<>", "#",
])
def test_a_tricky_name_matches_nothing_else(name: str) -> None:
    store = _tricky_store()
    size = sum(1 for _ in store.quads())
    try:
        found = lookup.resolve(store, name)
    except (EntityNotFoundError, AmbiguousEntityError):
        found = None
    # only a node whose own name holds the words typed may answer: never "any node"
    words = set(normalize_name(name).split())
    assert found is None or (words and words <= set(normalize_name(found.label).split())), found
    assert sum(1 for _ in store.quads()) == size


def test_tricky_names_through_the_cli(cli: Cli, tmp_path: Path) -> None:
    rows = []
    for i, label in enumerate(TRICKY):
        escaped = label.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        rows.append(f'<{vocab.ID}company/tricky-{i}> a <{vocab.ont("Company")}> ; '
                    f'<{vocab.RDFS_LABEL}> "{escaped}" .')
    data = tmp_path / "tricky.ttl"
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert cli("import", str(data)).exit_code == 0
    before = _nt(cli.store)
    for i, label in enumerate(TRICKY):
        res = cli("show", label, "--format", "json")
        assert res.exit_code == 0, (label, res.stderr)
        assert json.loads(res.stdout)["iri"] == vocab.ID + f"company/tricky-{i}"
        asked = cli("ask", f"who signed with {label}")
        assert asked.exit_code in (0, 1, 2) and "Traceback" not in asked.stderr
    assert _nt(cli.store) == before


# ---------------------------------------------------------------- two writers
_HOLD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from kg.store import KgStore
    with KgStore.open(Path(sys.argv[1]), read_only=False):
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


def _hold_lock(store: Path, seconds: float) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", _HOLD, str(store), str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_a_second_ingest_waits_for_the_lock_then_succeeds(cli: Cli) -> None:
    assert cli("ingest", str(ARTICLES / "alpha.txt"), "--extractor", FAKE).exit_code == 0
    holder = _hold_lock(cli.store, 2.5)
    try:
        # readers keep reading while the writer holds the lock
        docs = cli("docs", "-f", "json")
        assert docs.exit_code == 0 and [d["name"] for d in json.loads(docs.stdout)] == ["alpha.txt"]
        start = time.monotonic()
        res = cli("ingest", str(ARTICLES), "--extractor", FAKE, "--wait", "20", "-f", "json")
        waited = time.monotonic() - start
    finally:
        holder.wait(timeout=30)
    assert res.exit_code == 0, res.stderr
    assert 0.2 < waited < 20
    [note] = res.stderr.splitlines()
    assert note.startswith("Waiting: the store at") and "locked by another writer" in note
    assert {r["name"]: r["status"] for r in json.loads(res.stdout)} == {
        "alpha.txt": "unchanged", "beta.txt": "added"}


def test_a_writer_that_waits_too_long_stops_with_a_clear_error(cli: Cli) -> None:
    assert cli("ingest", str(ARTICLES / "alpha.txt"), "--extractor", FAKE).exit_code == 0
    before = _nt(cli.store)
    holder = _hold_lock(cli.store, 8)
    try:
        start = time.monotonic()
        res = cli("ingest", str(ARTICLES), "--extractor", FAKE, "--wait", "0.6")
        waited = time.monotonic() - start
        removed = cli("remove", "alpha.txt", "--wait", "0")
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert res.exit_code == 1 and 0.5 < waited < 5
    waiting, error = res.stderr.splitlines()
    assert waiting.startswith("Waiting: ")
    assert error.startswith("Error: the store at") and "after waiting 0.6 s" in error
    assert "--wait SECONDS" in error
    assert removed.exit_code == 1 and "locked by another writer" in removed.stderr
    assert _nt(cli.store) == before


_KG = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv.pop(1))
    import conftest  # registers the fake extractor
    from kg_cli.main import run
    run(sys.argv[1:])
    """
)


def test_two_real_ingests_at_once_both_succeed(tmp_path: Path) -> None:
    """Two ``kg ingest`` processes started together on one store: one writes, the other
    waits for it, and the store ends with every article of both, each whole."""
    store = tmp_path / "store"
    folders = []
    for k in range(2):
        folder = tmp_path / f"batch{k}"
        folder.mkdir()
        for i in range(30):
            lines = [f"Batch {k} note {i}", ""] + [
                f"Fair{k} N{i} (Event) participant Firm{j} B{k} N{i} (Company)." for j in range(15)]
            (folder / f"b{k}-{i:02d}.txt").write_text("\n".join(lines) + "\n")
        folders.append(folder)
    procs = [
        subprocess.Popen([sys.executable, "-c", _KG, str(Path(__file__).parent), "--store", str(store),
                          "ingest", str(folder), "--extractor", FAKE, "--wait", "60", "-f", "csv"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for folder in folders
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert all(out.count(",added,") == 30 for out, _ in outs)
    waits = [err for _, err in outs if err.startswith("Waiting: ")]
    assert len(waits) <= 1 and all("Traceback" not in err for _, err in outs), waits
    with KgStore.open(store) as kg_store:
        infos = articles(kg_store)
    assert len(infos) == 60 and {a.facts for a in infos} == {15}


def test_library_open_waits_and_reports_once(store_path: Path) -> None:
    KgStore.open(store_path, read_only=False).close()
    holder = _hold_lock(store_path, 0.8)
    told: list[str] = []
    try:
        with KgStore.open(store_path, read_only=False, wait=20, on_wait=told.append) as store:
            assert not store.read_only
    finally:
        holder.wait(timeout=30)
    assert len(told) == 1 and "waiting up to 20 s" in told[0]
    holder = _hold_lock(store_path, 5)
    try:
        with pytest.raises(StoreError, match="locked by another writer"):
            KgStore.open(store_path, read_only=False)
    finally:
        holder.kill()
        holder.wait(timeout=30)
