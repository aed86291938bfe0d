"""Ingestion (kg.ingest) and the store commands of the CLI, with the fake extractor."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ARTICLES, BAD, FAKE, SEEDS, Cli
from test_store import _nt

from kg import store as kg_store
from kg import vocab
from kg.extract import register
from kg.ingest import expand_sources, ingest
from kg.records import IngestResult
from kg.store import KgStore


def _statuses(results: list[IngestResult]) -> dict[str, str]:
    return {r.name: r.status for r in results}


class ExplodingExtractor:
    """Stands for an extractor whose model is costly to load: creating it fails the test."""

    name = "exploding"

    def __init__(self) -> None:
        raise AssertionError("the extractor was created although nothing had changed")


register("exploding", "test_ingest_cli:ExplodingExtractor")


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES, folder)
    return folder


# ---------------------------------------------------------------- library
def test_folders_expand_to_sorted_txt_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.txt", "sub/c.txt", "notes.md"):
        (tmp_path / name).write_text("x")
    assert expand_sources([tmp_path, "-"]) == [
        tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "sub" / "c.txt", "-"]


def test_added_unchanged_replaced(articles: Path, store_path: Path) -> None:
    first = ingest([articles], store_path, extractor=FAKE)
    assert _statuses(first) == {"alpha.txt": "added", "beta.txt": "added"}
    alpha = first[0]
    assert (alpha.entities, alpha.facts, alpha.agreements) == (5, 6, 1)
    assert alpha.ingested_at is not None
    # nothing changed: the extractor is not even created
    again = ingest([articles], store_path, extractor="exploding")
    assert _statuses(again) == {"alpha.txt": "unchanged", "beta.txt": "unchanged"}
    (articles / "beta.txt").write_text(
        "Beta Medical Group today\n\nOmega Forum (Event) host Delta Pharma (Company).\n")
    third = ingest([articles], store_path, extractor=FAKE)
    assert _statuses(third) == {"alpha.txt": "unchanged", "beta.txt": "replaced"}
    with KgStore.open(store_path) as store:
        organizers = list(store.select("SELECT ?o WHERE { ?e kgo:organizer ?o }"))
        assert organizers == []  # the old version's facts are gone
        assert len(list(store.select("SELECT ?h WHERE { ?e kgo:host ?h }"))) == 2


def test_entities_meet_across_articles_in_one_run(articles: Path, store_path: Path) -> None:
    ingest([articles], store_path, extractor=FAKE)
    beta = vocab.entity_iri("Company", "Beta Medical Group")
    with KgStore.open(store_path) as store:
        graphs = {r["g"].value for r in store.select(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?x rdfs:label ?l } }")
            if any(q for q in store.quads(None, None, None, r["g"])
                   if q.subject.value == beta)}
    assert graphs == {vocab.doc_iri("alpha.txt"), vocab.doc_iri("beta.txt")}


def test_a_bad_file_fails_alone(articles: Path, store_path: Path) -> None:
    shutil.copy(BAD / "broken.txt", articles / "b0-broken.txt")  # sorts between alpha and beta
    shutil.copy(BAD / "empty.txt", articles / "empty.txt")
    seen: list[str] = []
    results = ingest([articles, articles / "missing.txt"], store_path, extractor=FAKE,
                     progress=lambda r: seen.append(r.name))
    assert _statuses(results) == {
        "alpha.txt": "added", "b0-broken.txt": "failed", "beta.txt": "added",
        "empty.txt": "failed", "missing.txt": "failed",
    }
    assert sorted(seen) == sorted(r.name for r in results)
    messages = {r.name: r.message for r in results if r.status == "failed"}
    assert "fake extractor was told to fail" in (messages["b0-broken.txt"] or "")
    assert "empty" in (messages["empty.txt"] or "")
    assert "no such file" in (messages["missing.txt"] or "")
    with KgStore.open(store_path) as store:
        assert [a.name for a in kg_store.articles(store)] == ["alpha.txt", "beta.txt"]


def test_stdin_article_takes_the_given_name(store_path: Path) -> None:
    import io

    data = (ARTICLES / "alpha.txt").read_bytes()
    [result] = ingest(["-"], store_path, extractor=FAKE, stdin_name="note.txt",
                      stdin=io.BytesIO(data))
    assert (result.name, result.status) == ("note.txt", "added")


def test_two_files_with_one_name_are_not_merged(articles: Path, tmp_path: Path,
                                                store_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(ARTICLES / "beta.txt", other / "alpha.txt")
    results = ingest([articles / "alpha.txt", other / "alpha.txt"], store_path, extractor=FAKE)
    assert [r.status for r in results] == ["added", "failed"]
    assert "rename one" in (results[1].message or "")


# ---------------------------------------------------------------- CLI
def test_cli_ingest_prints_a_summary_and_keeps_good_work(cli: Cli, articles: Path) -> None:
    res = cli("ingest", str(articles), str(BAD / "latin1.txt"), "--extractor", FAKE,
              "--format", "json")
    assert res.exit_code == 3  # some failed, the others went in
    rows = json.loads(res.stdout)
    assert [(r["name"], r["status"]) for r in rows] == [
        ("alpha.txt", "added"), ("beta.txt", "added"), ("latin1.txt", "failed")]
    line, summary = res.stderr.splitlines()
    assert line.startswith("Error: ") and "latin1.txt: not UTF-8" in line
    assert summary.startswith("Error: 1 of 3 files failed") and "the other 2 are in the store" in summary
    again = cli("ingest", str(articles), "--extractor", FAKE)
    assert again.exit_code == 0
    assert again.stderr == ""
    assert again.stdout.count("unchanged") == 2


def test_cli_ingest_stdin_needs_dash_for_name(cli: Cli) -> None:
    data = (ARTICLES / "alpha.txt").read_text()
    res = cli("ingest", "-", "--name", "piped.txt", "--extractor", FAKE, "-f", "csv",
              input=data)
    assert res.exit_code == 0, res.stderr
    assert res.stdout.splitlines()[1].startswith("piped.txt,added,")
    misuse = cli("ingest", str(ARTICLES), "--name", "x.txt", "--extractor", FAKE)
    assert misuse.exit_code == 2 and misuse.stderr.startswith("Error: --name")


def test_cli_docs_stats_export_remove(cli: Cli, articles: Path, tmp_path: Path) -> None:
    assert cli("ingest", str(articles), "--extractor", FAKE).exit_code == 0
    docs = json.loads(cli("docs", "--format", "json").stdout)
    assert [(d["name"], d["entities"], d["facts"], d["agreements"]) for d in docs] == [
        ("alpha.txt", 5, 6, 1), ("beta.txt", 3, 2, 1)]
    assert docs[0]["published"] == "2024-05-10" and len(docs[0]["sha256"]) == 64
    table = cli("docs")
    assert "alpha.txt" in table.stdout and "Alpha Health Expo" in table.stdout

    stats = json.loads(cli("stats", "--format", "json").stdout)
    assert stats["articles"] == 2 and stats["agreements"] == 2
    assert stats["by_type"]["Company"] == 2 and stats["by_relation"]["participant"] == 2

    out = tmp_path / "graph.nt"
    assert cli("export", "--format", "nt", "-o", str(out)).exit_code == 0
    assert out.read_bytes() == _nt(cli.store)
    assert cli("export", "--format", "nt").stdout.encode() == _nt(cli.store)
    trig = cli("export", "--format", "trig", "--graph", "beta.txt").stdout
    assert "alpha.txt" not in trig and "Delta Pharma" in trig

    removed = cli("remove", "alpha.txt")
    assert removed.exit_code == 0 and removed.stdout == ""
    assert removed.stderr.strip() == "Removed alpha.txt."
    assert [d["name"] for d in json.loads(cli("docs", "-f", "json").stdout)] == ["beta.txt"]


def test_cli_import_then_remove_by_file_name(cli: Cli, articles: Path, tmp_path: Path) -> None:
    src = Cli(tmp_path / "src")
    assert src("ingest", str(articles), "--extractor", FAKE).exit_code == 0
    dump = tmp_path / "dump.nq"
    assert src("export", "--format", "nq", "-o", str(dump)).exit_code == 0
    res = cli("import", str(dump), "-f", "json")
    assert res.exit_code == 0, res.stderr
    [row] = json.loads(res.stdout)
    assert (row["format"], row["graphs"]) == ("nq", 2)
    assert _nt(cli.store) == _nt(src.store)

    ttl = tmp_path / "extra.ttl"
    ttl.write_text('<http://x/a> <http://www.w3.org/2000/01/rdf-schema#label> "A" .\n')
    assert cli("import", str(ttl)).exit_code == 0
    assert cli("remove", "extra.ttl").exit_code == 0
    assert _nt(cli.store) == _nt(src.store)


def test_every_store_command_has_an_example_in_its_help(cli: Cli) -> None:
    for command in ("ingest", "import", "export", "sparql", "docs", "remove", "stats", "migrate"):
        res = cli(command, "--help")
        assert res.exit_code == 0, command
        assert "Example: kg " in res.stdout, command


def test_seeds_end_to_end_with_the_real_extractor(cli: Cli) -> None:
    """The real pipeline on the five seed articles (loads the NLP model: about 2 s, so not
    marked slow)."""
    res = cli("ingest", str(SEEDS), "--format", "json")
    assert res.exit_code == 0, res.stderr
    rows = json.loads(res.stdout)
    assert [r["status"] for r in rows] == ["added"] * 5
    assert all(r["entities"] > 0 and r["facts"] > 0 for r in rows)
    again = cli("ingest", str(SEEDS), "--format", "json")
    assert [r["status"] for r in json.loads(again.stdout)] == ["unchanged"] * 5
    stats = json.loads(cli("stats", "--format", "json").stdout)
    assert stats["articles"] == 5 and stats["agreements"] > 0


def test_an_extractor_bug_fails_its_article_only(cli: Cli, articles: Path, store_path: Path) -> None:
    """A bug in an extractor is one failed article and one Error line, never a traceback; with
    --debug the traceback is shown."""
    (articles / "b1-bug.txt").write_text("Headline\nEXTRACTOR-BUG here.\n", encoding="utf-8")
    results = ingest([articles], store_path, extractor=FAKE)
    statuses = _statuses(results)
    assert statuses["b1-bug.txt"] == "failed"
    assert statuses["alpha.txt"] == statuses["beta.txt"] == "added"
    message = next(r.message for r in results if r.name == "b1-bug.txt") or ""
    assert "internal error" in message and "IndexError" in message and "--debug" in message

    res = cli("ingest", str(articles / "b1-bug.txt"), "--extractor", FAKE)
    assert res.exit_code == 1
    assert "Traceback" not in res.stderr
    assert [ln for ln in res.stderr.splitlines() if ln.startswith("Error:")] == [
        ln for ln in res.stderr.splitlines() if ln.strip()]
    with pytest.raises(IndexError):
        ingest([articles / "b1-bug.txt"], store_path, extractor=FAKE, reraise=True)
