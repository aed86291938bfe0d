"""The store records its layout version; a store this kg cannot use is refused with what to do."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ARTICLES, FAKE, Cli

from kg.errors import StoreError
from kg.store import LAYOUT_FILE, LAYOUT_VERSION, KgStore, read_layout
from kg.store import layout as kg_store


def _filled(cli: Cli) -> Path:
    assert cli("ingest", str(ARTICLES), "--extractor", FAKE).exit_code == 0
    return cli.store


def _set_layout(store: Path, layout: object) -> None:
    (store / LAYOUT_FILE).write_text(json.dumps({"layout": layout}))


def test_a_new_store_records_its_layout(cli: Cli) -> None:
    store = _filled(cli)
    assert read_layout(store) == LAYOUT_VERSION
    assert json.loads((store / LAYOUT_FILE).read_text())["written_by"].startswith("kg ")


def test_a_store_from_before_the_record_opens_and_is_stamped_when_written(cli: Cli) -> None:
    store = _filled(cli)
    (store / LAYOUT_FILE).unlink()
    docs = cli("docs", "-f", "json")  # read-only: works, writes nothing
    assert docs.exit_code == 0 and len(json.loads(docs.stdout)) == 2
    assert read_layout(store) is None
    with KgStore.open(store, read_only=False):
        pass
    assert read_layout(store) == LAYOUT_VERSION


def test_a_store_from_a_newer_kg_is_refused_for_reading_and_writing(cli: Cli) -> None:
    store = _filled(cli)
    _set_layout(store, LAYOUT_VERSION + 1)
    for args in (["docs"], ["ingest", str(ARTICLES), "--extractor", FAKE], ["migrate"]):
        res = cli(*args)
        assert res.exit_code == 1, args
        [line] = res.stderr.splitlines()
        assert line.startswith("Error: ") and "written by a newer kg" in line and "upgrade kg" in line
    assert read_layout(store) == LAYOUT_VERSION + 1  # untouched


@pytest.mark.parametrize("content", ["", "{", '{"layout": "one"}', '{"layout": 0}', "[1]"])
def test_a_damaged_layout_file_is_an_error_not_a_guess(cli: Cli, content: str) -> None:
    store = _filled(cli)
    (store / LAYOUT_FILE).write_text(content)
    res = cli("stats")
    assert res.exit_code == 1 and "layout file" in res.stderr and "damaged" in res.stderr


def test_an_older_layout_with_a_migration_says_kg_migrate_and_migrate_converts_it(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _filled(cli)
    ran: list[int] = []

    def add_marker(st: ox.Store) -> None:  # a stand-in for a real conversion
        ran.append(len(st))
        st.add(ox.Quad(ox.NamedNode("http://x/migrated"), ox.NamedNode("http://x/p"),
                       ox.Literal("yes"), ox.NamedNode("http://x/g")))

    monkeypatch.setattr(kg_store, "LAYOUT_VERSION", LAYOUT_VERSION + 1)
    monkeypatch.setattr(kg_store, "MIGRATIONS", {LAYOUT_VERSION: add_marker})
    res = cli("docs")
    assert res.exit_code == 1 and f"run `kg --store {store} migrate`" in res.stderr
    with pytest.raises(StoreError, match="older than this kg"):
        KgStore.open(store, read_only=False)
    res = cli("migrate")
    assert res.exit_code == 0, res.stderr
    assert res.stderr.startswith(f"Migrated {store} from layout {LAYOUT_VERSION} to {LAYOUT_VERSION + 1}")
    assert ran and read_layout(store) == LAYOUT_VERSION + 1
    assert cli("docs").exit_code == 0
    again = cli("migrate")
    assert again.exit_code == 0 and "nothing to do" in again.stderr and len(ran) == 1


def test_an_older_layout_without_a_migration_says_how_to_move_the_data(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _filled(cli)
    monkeypatch.setattr(kg_store, "LAYOUT_VERSION", LAYOUT_VERSION + 1)
    monkeypatch.setattr(kg_store, "MIGRATIONS", {})
    for args in (["docs"], ["migrate"]):
        res = cli(*args)
        assert res.exit_code == 1
        assert "cannot read or convert" in res.stderr and "kg export --format trig" in res.stderr
    assert read_layout(store) == LAYOUT_VERSION


def test_migrate_without_a_store(cli: Cli) -> None:
    res = cli("migrate")
    assert res.exit_code == 1 and "no store at" in res.stderr
