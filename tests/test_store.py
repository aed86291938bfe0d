"""kg.store.KgStore: opening rules, article replace/remove, listings, import and export."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import DATA
from test_rdf import WHEN, sample_resolution

from kg import vocab
from kg.errors import EntityNotFoundError, InputError, QueryError, StoreError
from kg.formats import RdfFormat
from kg.rdf import build_quads
from kg.records import EntityType
from kg.resolve import known_entities
from kg.store import (
    KgStore,
    Values,
    article_sha256,
    articles,
    doc_name,
    dump,
    import_rdf,
    remove_article,
    replace_article,
    resolve_doc,
    stats,
)

SAMPLE = vocab.doc_iri("sample.txt")


def _write_sample(path: Path, name: str = "sample.txt") -> list[ox.Quad]:
    quads = build_quads(sample_resolution(name), WHEN)
    with KgStore.open(path, read_only=False) as store:
        replace_article(store, name, quads)
    return quads


def _nt(path: Path) -> bytes:
    buf = io.BytesIO()
    with KgStore.open(path) as store:
        dump(store, RdfFormat.nt, buf)
    return buf.getvalue()


# ---------------------------------------------------------------- opening
def test_read_only_open_of_a_missing_store_says_to_ingest(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no store at .*run `kg ingest` first"):
        KgStore.open(tmp_path / "nothing")
    assert not (tmp_path / "nothing").exists(), "read-only opening must not create the folder"


def test_read_only_open_of_a_folder_that_is_not_a_store(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "notes.txt").write_text("hello")
    with pytest.raises(StoreError, match="is not a kg store"):
        KgStore.open(tmp_path / "x")


def test_default_path_comes_from_kg_store_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_STORE", str(tmp_path / "env-store"))
    with KgStore.open(read_only=False) as store:
        assert store.path == tmp_path / "env-store"
    assert (tmp_path / "env-store" / "CURRENT").is_file()


def test_second_writer_is_refused_naming_the_lock(store_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from kg.store import KgStore\n"
        "from kg.errors import StoreError\n"
        "try:\n    KgStore.open(Path(sys.argv[1]), read_only=False)\n"
        "except StoreError as e:\n    print(e); sys.exit(3)\n"
    )
    with KgStore.open(store_path, read_only=False):
        proc = subprocess.run([sys.executable, "-c", code, str(store_path)],
                              capture_output=True, text=True, timeout=60)
    assert proc.returncode == 3, proc.stderr
    assert "locked by another writer" in proc.stdout
    assert str(store_path / "LOCK") in proc.stdout


def test_readers_work_while_a_writer_holds_the_lock(store_path: Path) -> None:
    _write_sample(store_path)
    with KgStore.open(store_path, read_only=False), KgStore.open(store_path) as reader:
        assert article_sha256(reader, "sample.txt") == "ab" * 32


def test_read_only_store_refuses_writes(store_path: Path) -> None:
    _write_sample(store_path)
    with KgStore.open(store_path) as store, pytest.raises(StoreError, match="read-only"):
        remove_article(store, "sample.txt")


# ---------------------------------------------------------------- articles
def test_replace_is_idempotent_and_replaces_the_whole_graph(store_path: Path) -> None:
    quads = _write_sample(store_path)
    first = _nt(store_path)
    _write_sample(store_path)
    assert _nt(store_path) == first
    with KgStore.open(store_path, read_only=False) as store:
        assert len(list(store.quads())) == len(quads)
        # A new version of the article: only the article node is left; nothing old survives.
        doc = ox.NamedNode(SAMPLE)
        replace_article(store, "sample.txt", [ox.Quad(doc, ox.NamedNode(vocab.RDF_TYPE),
                                                     ox.NamedNode(vocab.ont("Article")), doc)])
        assert sum(1 for _ in store.quads()) == 1


def test_replace_rejects_quads_outside_the_article_graph(store_path: Path) -> None:
    quads = _write_sample(store_path)
    before = _nt(store_path)
    stray = ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), ox.Literal("o"),
                    ox.NamedNode(vocab.doc_iri("other.txt")))
    with KgStore.open(store_path, read_only=False) as store, pytest.raises(ValueError):
        replace_article(store, "sample.txt", [*quads[:3], stray])
    assert _nt(store_path) == before


def test_remove_keeps_what_other_articles_state(store_path: Path) -> None:
    _write_sample(store_path, "a.txt")
    _write_sample(store_path, "b.txt")
    with KgStore.open(store_path, read_only=False) as store:
        assert remove_article(store, "a.txt") is True
        assert remove_article(store, "a.txt") is False
        assert [a.name for a in articles(store)] == ["b.txt"]
        assert article_sha256(store, "a.txt") is None
        hosts = list(store.select("SELECT ?h WHERE { ?e kgo:host ?h }"))
        assert len(hosts) == 1  # still stated by b.txt


def test_articles_lists_metadata_and_counts(store_path: Path) -> None:
    _write_sample(store_path)
    with KgStore.open(store_path) as store:
        [info] = articles(store)
    assert info.name == "sample.txt" and info.iri == SAMPLE
    assert info.sha256 == "ab" * 32
    assert info.title == "Sample forum opens"
    assert info.published == date(2024, 7, 18)
    assert info.ingested_at == datetime(2024, 7, 19, 8, 30, tzinfo=UTC)
    assert (info.entities, info.facts, info.agreements) == (6, 9, 1)


def test_known_entities_give_label_most_specific_type_and_names(store_path: Path) -> None:
    _write_sample(store_path)
    with KgStore.open(store_path) as store:
        known = {k.iri: k for k in known_entities(store)}
    acme = known[vocab.ID + "company/acme-medical"]
    assert acme.label == "Acme Medical"
    assert acme.type is EntityType.COMPANY  # not Organization
    assert acme.names == {"Acme Medical", "Acme Medical Co., Ltd."}
    gov = known[vocab.entity_iri("GovernmentBody", "Riverton Municipal Health Commission")]
    assert gov.type is EntityType.GOVERNMENT_BODY and "RMHC" in gov.names
    assert all(not iri.startswith(vocab.ID + "assertion/") for iri in known)


def test_stats_counts_union_triples_once(store_path: Path) -> None:
    _write_sample(store_path, "a.txt")
    with KgStore.open(store_path) as store:
        one = stats(store)
    _write_sample(store_path, "b.txt")
    with KgStore.open(store_path) as store:
        two = stats(store)
    assert one.articles == 1 and two.articles == 2
    # The same entities and facts, stated twice; agreements are minted per article.
    assert {k: v for k, v in two.by_type.items() if k != "Agreement"} == {
        k: v for k, v in one.by_type.items() if k != "Agreement"}
    assert two.by_relation == one.by_relation
    assert one.by_relation["participant"] == 1 and one.by_relation["exhibitor"] == 1
    assert one.by_type["Organization"] == 3 and one.entities == two.entities == 6
    assert (one.agreements, two.agreements) == (1, 2)
    assert two.quads > one.quads and two.triples > one.triples  # assertions are per article


def test_select_binds_values_never_pasted_into_the_text(store_path: Path) -> None:
    _write_sample(store_path)
    with KgStore.open(store_path) as store:
        rows = list(store.select(
            "SELECT ?e ?l WHERE { ?e rdfs:label ?l }",
            {"l": ox.Literal('Acme" } ; DROP ALL #')},
        ))
        assert rows == []
        rows = list(store.select("SELECT ?e ?l WHERE { ?e rdfs:label ?l }",
                                 {"l": ox.Literal("Riverton")}))
        assert [r["e"].value for r in rows] == [vocab.entity_iri("Place", "Riverton")]
        # a bound variable that the SELECT does not project goes in as VALUES, same answer
        rows = list(store.select("SELECT ?e WHERE { ?e rdfs:label ?l }", {"l": ox.Literal("Riverton")}))
        assert [r["e"].value for r in rows] == [vocab.entity_iri("Place", "Riverton")]
        rows = list(store.select("SELECT ?e WHERE { ?e rdfs:label ?l }",
                                 values=Values.column("l", [ox.Literal("Riverton"), ox.Literal("x")])))
        assert [r["e"].value for r in rows] == [vocab.entity_iri("Place", "Riverton")]
        with pytest.raises(QueryError, match="does not parse"):
            store.select("SELECT ?e WHERE { ?e")


def test_resolve_doc_accepts_names_and_iris_and_lists_known(store_path: Path) -> None:
    _write_sample(store_path)
    with KgStore.open(store_path) as store:
        assert resolve_doc(store, "sample.txt") == SAMPLE
        assert resolve_doc(store, "some/folder/sample.txt") == SAMPLE
        assert resolve_doc(store, "kgdoc:sample.txt") == SAMPLE
        assert resolve_doc(store, SAMPLE) == SAMPLE
        with pytest.raises(EntityNotFoundError, match=r"no article 'nope.txt'.*sample\.txt"):
            resolve_doc(store, "nope.txt")


def test_doc_name_unquotes() -> None:
    assert doc_name(vocab.doc_iri("a b#c.txt")) == "a b#c.txt"


# ---------------------------------------------------------------- import / export
def test_export_nt_golden_file(store_path: Path) -> None:
    """Byte-exact: sorted, deduplicated union triples (regenerate the golden file only after
    checking a diff by eye)."""
    _write_sample(store_path, "a.txt")
    _write_sample(store_path, "b.txt")
    assert _nt(store_path) == (DATA / "expected_export.nt").read_bytes()


def test_export_formats_round_trip(store_path: Path, tmp_path: Path) -> None:
    _write_sample(store_path, "a.txt")
    _write_sample(store_path, "b.txt")
    with KgStore.open(store_path) as store:
        quads = set(store.quads())
        for fmt in RdfFormat:
            buf = io.BytesIO()
            dump(store, fmt, buf)
            parsed = list(ox.parse(buf.getvalue(), fmt.ox))
            if fmt.keeps_graphs:
                assert set(parsed) == quads, fmt
            else:
                assert {q.triple for q in parsed} == {q.triple for q in quads}, fmt
                assert len(parsed) == len({q.triple for q in quads}), f"{fmt} has duplicates"
        one = io.BytesIO()
        dump(store, RdfFormat.nq, one, graph="a.txt")
        assert {q.graph_name.value for q in ox.parse(one.getvalue(), ox.RdfFormat.N_QUADS)} == {
            vocab.doc_iri("a.txt")}


def test_import_trig_keeps_graphs_and_replaces_them(store_path: Path, tmp_path: Path) -> None:
    src = tmp_path / "src"
    _write_sample(src, "a.txt")
    trig = tmp_path / "dump.trig"
    with KgStore.open(src) as store, trig.open("wb") as out:
        dump(store, RdfFormat.trig, out)
    with KgStore.open(store_path, read_only=False) as store:
        first = import_rdf(store, trig)
        again = import_rdf(store, trig)  # replacing: no duplicates, same content
        assert first.graphs == [vocab.doc_iri("a.txt")] and first.format is RdfFormat.trig
        assert again.quads == first.quads == sum(1 for _ in store.quads())
        assert [a.name for a in articles(store)] == ["a.txt"]


def test_import_triples_go_to_a_graph_named_after_the_file(
    store_path: Path, tmp_path: Path
) -> None:
    f = tmp_path / "extra facts.ttl"
    f.write_text("@prefix kgo: <https://w3id.org/kg-health/ontology#> .\n"
                 "<http://x/e> a kgo:Event ; kgo:theme \"t\" .\n")
    with KgStore.open(store_path, read_only=False) as store:
        result = import_rdf(store, f)
        assert result.graphs == [vocab.doc_iri("extra facts.ttl")] and result.quads == 2
        assert remove_article(store, "extra facts.ttl")
        assert sum(1 for _ in store.quads()) == 0


def test_malformed_import_names_the_line_and_changes_nothing(
    store_path: Path, tmp_path: Path
) -> None:
    _write_sample(store_path)
    before = _nt(store_path)
    bad = tmp_path / "bad.nt"
    bad.write_text('<http://x/a> <http://x/b> "ok" .\n'
                   '<http://x/a> <http://x/b> "unterminated .\n')
    with KgStore.open(store_path, read_only=False) as store:
        with pytest.raises(InputError, match=r"bad\.nt is not valid nt: .*line 2"):
            import_rdf(store, bad)
        with pytest.raises(InputError, match="no such file"):
            import_rdf(store, tmp_path / "missing.ttl")
    assert _nt(store_path) == before


def test_big_files_are_validated_then_bulk_loaded(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.store

    monkeypatch.setattr(kg.store, "BULK_THRESHOLD_BYTES", 10)
    good = tmp_path / "big.nq"
    good.write_text('<http://x/a> <http://x/b> "in g" <http://x/g> .\n'
                    '<http://x/a> <http://x/b> "no graph" .\n')
    bad = tmp_path / "bigbad.nq"
    bad.write_text('<http://x/a> <http://x/b> "c" <http://x/h> .\n<http://x/a> oops .\n')
    with KgStore.open(store_path, read_only=False) as store:
        result = import_rdf(store, good)
        assert result.quads == 2
        assert sorted(result.graphs) == sorted(["http://x/g", vocab.doc_iri("big.nq")])
        assert {q.graph_name.value for q in store.quads()} == {"http://x/g", vocab.doc_iri("big.nq")}
        with pytest.raises(InputError, match="line 2"):
            import_rdf(store, bad)
        assert sum(1 for _ in store.quads()) == 2


def test_big_ntriples_into_a_new_graph_skip_the_validating_pass(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first import of a big N-Triples file is bulk loaded directly; a malformed one is
    undone (its graph dropped), the rest of the store unchanged."""
    import kg.store.transfer

    monkeypatch.setattr(kg.store.transfer, "BULK_THRESHOLD_BYTES", 10)
    _write_sample(store_path)
    before = _nt(store_path)
    parsed: list[str] = []
    real_parse = ox.parse
    monkeypatch.setattr(kg.store.transfer.ox, "parse",
                        lambda *a, **k: parsed.append("parse") or real_parse(*a, **k))
    bad = tmp_path / "bigbad.nt"
    bad.write_text('<http://x/a> <http://x/b> "c" .\n' * 50 + "<http://x/a> oops .\n")
    with (KgStore.open(store_path, read_only=False) as store,
          pytest.raises(InputError, match=r"bigbad\.nt is not valid nt: .*line 51")):
        import_rdf(store, bad)
    assert _nt(store_path) == before
    good = tmp_path / "big.nt"
    good.write_text("# a comment\n<http://x/a> <http://x/b> \"c\" .\n\n"
                    "<http://x/a> <http://x/b> <http://x/d> .\n")
    with KgStore.open(store_path, read_only=False) as store:
        result = import_rdf(store, good)
        assert (result.quads, result.graphs) == (2, [vocab.doc_iri("big.nt")])
        assert not parsed  # no validating pass
        assert {q.graph_name.value for q in store.quads()} >= {vocab.doc_iri("big.nt")}
        result = import_rdf(store, good)  # the graph exists now: validated, then replaced
        assert result.quads == 2 and parsed
