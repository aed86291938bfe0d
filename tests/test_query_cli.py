"""The query commands through the CLI: output formats, exit codes, read-only, import cost."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from kg_cli.main import app, run
from typer.testing import CliRunner

MINI = Path(__file__).parent / "data" / "mini.trig"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kg") / "store"
    with pytest.raises(SystemExit) as done:
        run(["--store", str(path), "import", str(MINI)])
    assert done.value.code == 0
    return path


def invoke(store_path: Path, *args: str) -> tuple[int, str, str]:
    """Run ``kg`` like the console script does (errors mapped to exit codes)."""
    proc = subprocess.run(
        [sys.executable, "-c", "from kg_cli.main import run; run()", "--store",
         str(store_path), *args],
        capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"}, timeout=60,
    )
    return proc.returncode, proc.stdout, proc.stderr


def cli(store_path: Path, *args: str) -> str:
    result = CliRunner().invoke(app, ["--store", str(store_path), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_ask_json_shape(store_path: Path) -> None:
    data = json.loads(cli(store_path, "ask", "who signed with Summit Hospital", "-f", "json"))
    assert data["question"] == "who signed with Summit Hospital"
    assert [a["label"] for a in data["answers"]] == ["Acme Devices", "Nordic Pharma"]
    assert data["answers"][0]["iri"].endswith("company/acme-devices")
    assert set(data["answers"][0]["evidence"][0]) == {"doc", "sentence"}


def test_ask_table_with_evidence(store_path: Path) -> None:
    out = cli(store_path, "ask", "when did HME 2022 end", "--evidence")
    assert "2022-05-20" in out
    assert "[a1_expo.txt]" in out  # evidence brackets are data, not rich markup


def test_show_formats(store_path: Path) -> None:
    data = json.loads(cli(store_path, "show", "Summit Hospital", "--format", "json"))
    assert data["types"] == ["Hospital", "Organization"]
    assert len(data["agreements"]) == 2
    table = cli(store_path, "show", "Lakeside Convention on Medical Data")
    assert "convention" in table and "Sweden" in table
    rows = list(csv.reader(io.StringIO(cli(store_path, "show", "HME 2022", "-f", "csv"))))
    assert rows[0] == ["direction", "relation", "value", "iri", "doc", "sentence"]
    assert rows[[r[1] for r in rows].index("startDate")][:3] == ["out", "startDate", "2022-05"]


def test_search_and_entities(store_path: Path) -> None:
    hits = json.loads(cli(store_path, "search", "lakeside", "--type", "GovernmentBody",
                          "-f", "json"))
    assert [h["label"] for h in hits] == ["Lakeside Municipal Government"]
    rows = json.loads(cli(store_path, "entities", "--type", "Hospital", "-f", "json"))
    assert [(r["label"], r["facts"]) for r in rows] == [
        ("Summit Hospital", 4), ("Valley Hospital", 1)]


def test_neighbors_tree_and_rows(store_path: Path) -> None:
    tree = cli(store_path, "neighbors", "Summit Hospital", "--relation", "party")
    assert "Acme Devices" in tree and "via strategic cooperation agreement" in tree
    rows = json.loads(cli(store_path, "neighbors", "Summit Hospital", "-r", "party",
                          "-f", "json"))
    assert {r["node"]["label"] for r in rows} == {"Acme Devices", "Nordic Pharma"}
    assert all(r["via"]["types"] == ["Agreement"] for r in rows)
    out = cli(store_path, "neighbors", "Valley Hospital", "--depth", "2", "-f", "tsv")
    assert out.splitlines()[0].split("\t")[:3] == ["depth", "from", "relation"]


def test_path_text_and_no_path(store_path: Path) -> None:
    out = cli(store_path, "path", "Li Wei", "Valley Hospital")
    assert out.splitlines()[0] == (
        "Li Wei -[affiliation]-> Summit Hospital <-[participant]- Digital Care Pavilion "
        "-[participant]-> Valley Hospital"
    )
    assert "[a1_expo.txt]" in out
    code, stdout, _ = invoke(store_path, "path", "Valley Hospital", "Zhao Min", "-k", "2")
    assert code == 0 and "No path" in stdout
    data = json.loads(cli(store_path, "path", "Valley Hospital", "Zhao Min", "--all", "-k",
                          "5", "--limit", "3", "-f", "json"))
    assert len(data["paths"]) == 3 and data["truncated"] is True


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["ask", "tell me a joke"], 2, "ask one of these forms"),
        (["ask", "who signed with Nobody Special"], 1, "no entity named"),
        (["show", "Coastal"], 1, "matches 2 entities"),
        (["neighbors", "Summit Hospital", "--relation", "likes"], 2, "unknown relation"),
        (["entities", "--type", "Spaceship"], 2, "unknown type"),
        (["show", 'z" } CLEAR GRAPH { <w> #'], 1, "no entity named"),
    ],
)
def test_errors_are_one_line_with_exit_codes(
    store_path: Path, args: list[str], code: int, needle: str
) -> None:
    rc, stdout, stderr = invoke(store_path, *args)
    assert rc == code
    assert stdout == ""
    assert stderr.count("\n") == 1 and stderr.startswith("Error: ") and needle in stderr
    assert "Traceback" not in stderr


def test_missing_store_is_an_error(tmp_path: Path) -> None:
    rc, _, stderr = invoke(tmp_path / "none", "show", "x")
    assert rc == 1 and "kg ingest" in stderr


def test_queries_open_read_only_beside_a_writer(store_path: Path) -> None:
    from kg.store import KgStore

    with KgStore.open(store_path, read_only=False):  # holds the write lock
        rc, stdout, stderr = invoke(store_path, "ask", "who hosted HME 2022", "-f", "json")
    assert rc == 0, stderr
    assert json.loads(stdout)["answers"][0]["label"] == "Lakeside Health Association"


def test_queries_import_neither_spacy_nor_rdflib_nor_networkx(store_path: Path) -> None:
    code = (
        "import sys\n"
        "from kg_cli.main import run\n"
        "for args in (['neighbors', 'Summit Hospital'], ['ask', 'who hosted HME 2022'],\n"
        "             ['path', 'Li Wei', 'Chile'], ['show', 'Li Wei'], ['search', 'acme'],\n"
        "             ['entities']):\n"
        f"    try: run(['--store', {str(store_path)!r}, *args])\n"
        "    except SystemExit as e: assert e.code == 0, args\n"
        "print(sorted(m for m in ('spacy', 'rdflib', 'networkx') if m in sys.modules),"
        " file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == "[]"


def test_help_has_examples() -> None:
    for command in ("show", "search", "neighbors", "path", "ask", "entities"):
        result = CliRunner().invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "Example: kg " + command in result.stdout
