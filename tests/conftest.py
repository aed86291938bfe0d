"""Shared fixtures: a temporary store, a CLI runner, and a fake extractor.

The fake extractor reads a tiny line grammar instead of English, so ingestion, storage and
the CLI can be tested fast, without the NLP model, on articles written for the purpose
(tests/data/articles/):

    Subject Name (Type) relation Object Name (Type).
    Subject Name (Type) relation 2024-05-09.          (a date literal)
    Subject Name (Type) relation "some text".         (a string literal)
    Agreement <kind>: A (Type) with B (Type) [at Event (Type)].
    ... EXTRACTOR-FAILURE ...                          (the extractor raises ModelError)
    ... EXTRACTOR-BUG ...                              (the extractor has a bug: IndexError)
    ... WORKER-CRASH ...                               (the worker process kills itself;
                                                        only in an `ingest --jobs N` worker)
"""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.errors import ModelError
from kg.extract import register
from kg.records import (
    AgreementRecord,
    Article,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Fact,
    Literal,
    PartialDate,
    Relation,
)
from kg.store import KgStore, Store

DATA = Path(__file__).parent / "data"
ARTICLES = DATA / "articles"
BAD = DATA / "bad"
SEEDS = Path(__file__).parent.parent / "seeds"
ROOT = Path(__file__).resolve().parent.parent  # the repository (or worktree) root
SHARED = ROOT.parent / "shared"  # the evaluation data beside the repository: ../shared


# The tests choose their store themselves: a SPARQL endpoint set in the developer's shell
# would otherwise send every CLI test to that server.
for _name in ("KG_ENDPOINT", "KG_UPDATE_ENDPOINT", "KG_ENDPOINT_USER", "KG_ENDPOINT_PASSWORD"):
    os.environ.pop(_name, None)


def in_ci() -> bool:
    """Whether the tests run in CI (the ``CI`` environment variable is set and not empty)."""
    return bool(os.environ.get("CI"))


def shared_path(*parts: str) -> Path:
    """A path under ``../shared``, found from the repository root, never from a fixed folder.

    When it is missing the test skips on a developer's machine but fails in CI, where a
    skip would hide that the check never ran.
    """
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"this test needs {path} (../shared beside the repository)"
        if in_ci():
            pytest.fail(f"{message}; CI must provide it", pytrace=False)
        pytest.skip(message)
    return path
FAKE = "fake-v1"

_MENTION = r"(?P<{0}>[^()]+?) \((?P<{0}t>\w+)\)"
_FACT = re.compile(
    _MENTION.format("s") + r" (?P<rel>\w+) (?:" + _MENTION.format("o")
    + r'|(?P<date>\d{4}(?:-\d{2}){0,2})|"(?P<text>[^"]*)")\.$'
)
_AGREEMENT = re.compile(
    r"^Agreement (?P<kind>[^:]+): " + _MENTION.format("a") + " with " + _MENTION.format("b")
    + r"(?: at " + _MENTION.format("e") + r")?\.$"
)


# Lines naming an unknown relation or type are not in the grammar: skipped, as a real
# extractor skips what it cannot read (the property tests feed it mutated lines).
_RELATIONS = frozenset(r.value for r in Relation)
_TYPES = frozenset(t.value for t in EntityType)


def _known(m: re.Match[str], *type_groups: str) -> bool:
    return all(m[g] is None or m[g] in _TYPES for g in type_groups)


def _key(name: str) -> str:
    return re.sub(r"\W+", "-", name.lower()).strip("-")


def _date(text: str) -> PartialDate:
    parts = [int(p) for p in text.split("-")] + [0, 0]
    return PartialDate(parts[0], parts[1] or None, parts[2] or None)


class FakeExtractor:
    """Reads the line grammar above; registered as ``fake-v1`` for the whole test session."""

    name = FAKE

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        for article in articles:
            yield self._one(article)

    def _one(self, article: Article) -> Extraction:
        if "EXTRACTOR-FAILURE" in article.text:
            raise ModelError("the fake extractor was told to fail on this article")
        if "WORKER-CRASH" in article.text:
            if multiprocessing.parent_process() is None:
                raise RuntimeError("WORKER-CRASH is for --jobs N workers: it kills the process")
            os.kill(os.getpid(), signal.SIGKILL)
        if "EXTRACTOR-BUG" in article.text:
            raise IndexError("list index out of range")  # a bug, not an error of ours
        ex = Extraction(article, FAKE)

        def entity(name: str, type_name: str) -> str:
            key = _key(name)
            ex.entities.setdefault(key, Entity(key, name, EntityType(type_name)))
            return key

        offset = 0
        for line in article.text.splitlines(keepends=True):
            start, sentence = offset, line.strip()
            offset += len(line)
            ev = Evidence(article.name, sentence, start, start + len(line.rstrip("\n")))
            if (m := _AGREEMENT.match(sentence)) and _known(m, "at", "bt", "et"):
                a, b = entity(m["a"], m["at"]), entity(m["b"], m["bt"])
                event = entity(m["e"], m["et"]) if m["e"] else None
                ex.agreements.append(AgreementRecord(
                    f"ag{len(ex.agreements)}", m["kind"], [[a], [b]], ev, event=event,
                ))
            elif (m := _FACT.match(sentence)) and m["rel"] in _RELATIONS and _known(m, "st", "ot"):
                s = entity(m["s"], m["st"])
                obj: str | Literal
                if m["o"]:
                    obj = entity(m["o"], m["ot"])
                elif m["date"]:
                    obj = Literal(m["date"], _date(m["date"]))
                else:
                    obj = Literal(m["text"])
                ex.facts.append(Fact(s, Relation(m["rel"]), obj, ev))
        return ex


register(FAKE, "conftest:FakeExtractor")


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """A store folder that does not exist yet (ingest creates it)."""
    return tmp_path / "store"


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


class Cli:
    """Runs ``kg`` in-process through typer's CliRunner, with errors mapped as ``kg`` does.

    ``kg_cli.main.run`` turns KgError into one ``Error:`` line and an exit code; calling it
    here (catching SystemExit) tests exactly what a user sees, without a subprocess.
    """

    def __init__(self, store: Path, endpoint: tuple[str, str] | None = None) -> None:
        self.store = store
        self.endpoint = endpoint  # (query URL, update URL) of a SPARQL server, else None
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | bytes | None = None) -> CliResult:
        from kg_cli.app import state
        from kg_cli.main import run

        state.store, state.endpoint, state.update_endpoint, state.debug = None, None, None, False
        where = ["--store", str(self.store)]
        if self.endpoint is not None:
            where += ["--endpoint", self.endpoint[0], "--update-endpoint", self.endpoint[1]]
        code: int | str | None = 0
        with self.runner.isolation(input=input) as (out, err, _):
            try:
                run([*where, *args])
            except SystemExit as exc:
                code = exc.code
            sys.stdout.flush()
            sys.stderr.flush()
            stdout, stderr = out.getvalue(), err.getvalue()
        return CliResult(
            code if isinstance(code, int) else 1, stdout.decode(), stderr.decode()
        )


@pytest.fixture
def cli(store_path: Path) -> Cli:
    """``cli("ingest", path)`` -> CliResult(exit_code, stdout, stderr) on a temp store."""
    return Cli(store_path)


def kg(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``kg ARGS`` in-process as the console script does: (exit code, stdout, stderr)."""
    from kg_cli.app import state
    from kg_cli.main import run

    state.store, state.debug = None, False
    with pytest.raises(SystemExit) as exit_info:
        run(list(args))
    captured = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 1), captured.out, captured.err


# ---------------------------------------------------------------------- both stores
# Query tests run on the embedded store and on a real SPARQL server (oxigraph serve on
# 127.0.0.1) through the one store interface: a module asks for ``backend`` and builds its
# store with :func:`store_with`.
BACKENDS = ("embedded", "remote")


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """``embedded`` or ``remote``: every test of a module that uses it runs on both."""
    return str(request.param)


def memory_store(quads: Iterable[ox.Quad]) -> KgStore:
    """An in-memory embedded store holding ``quads`` (all in named graphs)."""
    store = KgStore.memory()
    store.replace_graphs([], quads)
    return store


@contextmanager
def store_with(backend: str, quads: Iterable[ox.Quad], folder: Path) -> Iterator[Store]:
    """A store of kind ``backend`` holding ``quads``: in memory, or a server in ``folder``."""
    if backend == "embedded":
        with memory_store(quads) as store:
            yield store
        return
    from sparql_server import running

    from kg.store.remote import RemoteStore

    with running(folder) as server:
        store = RemoteStore(server.query_url, server.update_url, read_only=False)
        store.replace_graphs([], quads)
        yield store


def assert_reads(store: Store, question: str, form: str, answers: list[str]) -> None:
    """``kg ask`` reads ``question`` with ``form`` and answers exactly ``answers``, each with the
    evidence it was read from (the shared check of every question-form table)."""
    from kg.ask import ask

    result = ask(store, question)
    assert result.form == form
    assert sorted(a.label for a in result.answers) == sorted(answers)
    assert all(a.evidence for a in result.answers)  # every answer says where it was read
