"""Crash safety: ``kill -9`` during an ingest never loses or mixes an article.

A real child process ingests a new version of every article over a store holding the old
ones (plus articles it adds), and is killed with SIGKILL at random points. After each kill
the store must open, read-only and for writing, and every article must be exactly its old
complete version or its new complete version: never missing, never empty, never a mixture.
A second test crashes the child right after its first write to the store, which catches a
replacement written as two steps (drop, then insert) deterministically.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import FAKE

from kg import vocab
from kg.ingest import ingest
from kg.store import KgStore, articles

TESTS = Path(__file__).parent
N_OLD = 12  # articles in the store before the killed run
N_NEW = 4  # articles the killed run adds
KILLS = 6
_GENERATED = vocab.PROV + "generatedAtTime"

_CHILD = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[1])
    import conftest  # registers the fake extractor
    from pathlib import Path
    from kg.ingest import ingest

    ingest([Path(sys.argv[3])], Path(sys.argv[2]), extractor=conftest.FAKE,
           progress=lambda r: print(r.name, r.status, flush=True))
    print("DONE", flush=True)
    """
)

# Wraps the child's pyoxigraph store: the first call that writes runs, then the process dies
# at once (os._exit: no flush, no close, no clean-up), as a kill right after it would.
_CRASH_AFTER_FIRST_WRITE = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, sys.argv[1])
    import conftest
    from pathlib import Path
    from kg.store import KgStore, import_rdf
    from kg.ingest import ingest

    WRITES = {"add", "remove", "extend", "bulk_extend", "load", "bulk_load", "update",
              "remove_graph", "clear_graph", "clear", "add_graph"}

    class CrashAfterFirstWrite:
        def __init__(self, real):
            self._real = real

        def __getattr__(self, name):
            attr = getattr(self._real, name)
            if name not in WRITES:
                return attr
            def write(*args, **kwargs):
                attr(*args, **kwargs)
                os._exit(137)
            return write

    opened = KgStore.open.__func__

    def open_(cls, *args, **kwargs):
        store = opened(cls, *args, **kwargs)
        if not store.read_only:
            store._store = CrashAfterFirstWrite(store._store)
        return store

    KgStore.open = classmethod(open_)
    if sys.argv[3].endswith(".trig"):
        with KgStore.open(Path(sys.argv[2]), read_only=False) as store:
            import_rdf(store, Path(sys.argv[3]))
    else:
        ingest([Path(sys.argv[3])], Path(sys.argv[2]), extractor=conftest.FAKE)
    print("NO WRITE", flush=True)
    """
)


def _article(i: int, version: int) -> str:
    """An article in the fake extractor's grammar; each version states different facts, and
    enough of them (about a hundred quads) that its write is a sizeable transaction."""
    lines = [f"Article {i} version {version} headline", ""]
    for k in range(20 + 5 * version):
        lines.append(f"Org{k} Item{i} (Company) participant Fair{version} Item{i} (Event).")
    return "\n".join(lines) + "\n"


def _graph(store: KgStore, name: str) -> frozenset[str]:
    """An article graph's triples (N-Triples lines), the ingest timestamp left out."""
    g = ox.NamedNode(vocab.doc_iri(name))
    return frozenset(
        f"{q.subject} {q.predicate} {q.object}"
        for q in store.quads(None, None, None, g)
        if q.predicate.value != _GENERATED
    )


def _write(folder: Path, version: int, count: int) -> None:
    folder.mkdir(exist_ok=True)
    for i in range(count):
        (folder / f"a{i:02d}.txt").write_text(_article(i, version), encoding="utf-8")


def _versions(tmp: Path) -> dict[int, dict[str, frozenset[str]]]:
    """Each article's complete graph in version 1 and version 2, from uninterrupted ingests."""
    out: dict[int, dict[str, frozenset[str]]] = {}
    for version, count in ((1, N_OLD), (2, N_OLD + N_NEW)):
        folder, store_path = tmp / f"ref{version}", tmp / f"ref{version}-store"
        _write(folder, version, count)
        assert all(r.status == "added" for r in ingest([folder], store_path, extractor=FAKE))
        with KgStore.open(store_path) as store:
            out[version] = {a.name: _graph(store, a.name) for a in articles(store)}
    return out


def _prepare(tmp: Path, store_path: Path) -> Path:
    """A store with version 1 of the old articles; a folder with version 2 of all."""
    folder = tmp / "articles"
    _write(folder, 1, N_OLD)
    assert all(r.status == "added" for r in ingest([folder], store_path, extractor=FAKE))
    _write(folder, 2, N_OLD + N_NEW)
    return folder


def _check(store_path: Path, versions: dict[int, dict[str, frozenset[str]]]) -> dict[str, int]:
    """Every article is exactly one complete version; returns name -> version found."""
    found: dict[str, int] = {}
    with KgStore.open(store_path) as store:  # read-only, as a query would open it
        names = {a.name for a in articles(store)}
        assert set(versions[1]) <= names <= set(versions[2]), names
        for name in sorted(names):
            graph = _graph(store, name)
            matches = [v for v in (1, 2) if versions[v].get(name) == graph]
            assert matches, f"{name} is neither complete version ({len(graph)} triples)"
            found[name] = matches[0]
    return found


def _child(script: str, store_path: Path, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, str(TESTS), str(store_path), str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


@pytest.mark.slow
def test_kill_9_during_ingest_leaves_each_article_whole(tmp_path: Path) -> None:
    versions = _versions(tmp_path)
    assert all(versions[1][n] != versions[2][n] for n in versions[1])
    rng = random.Random(os.environ.get("KG_KILL_SEED", "kill-9"))
    states: list[dict[str, int]] = []
    killed = 0
    for trial in range(KILLS):
        store_path = tmp_path / f"store{trial}"
        trial_dir = tmp_path / f"t{trial}"
        trial_dir.mkdir()
        folder = _prepare(trial_dir, store_path)
        # kill after a random number of articles went in, plus a random fraction of the next
        after = rng.randrange(0, N_OLD + N_NEW - 1)
        proc = _child(_CHILD, store_path, folder)
        assert proc.stdout is not None
        for _ in range(after):
            line = proc.stdout.readline()
            assert line and line.split()[1] in ("added", "replaced"), (line, proc.stderr.read()
                                                                         if proc.stderr else "")
        time.sleep(rng.uniform(0, 0.004))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        killed += proc.returncode == -signal.SIGKILL  # else it finished first: still checked
        states.append(_check(store_path, versions))
        # the store also opens for writing (the dead writer's lock is gone), and the same
        # ingest run again completes it: every article in its new version
        results = ingest([folder], store_path, extractor=FAKE)
        assert all(r.status in ("added", "replaced", "unchanged") for r in results), results
        assert set(_check(store_path, versions).values()) == {2}
    # the kills did land part-way: some stores held a mixture of old and new versions
    assert killed >= KILLS - 2, f"only {killed} of {KILLS} children were killed mid-run"
    assert any(set(s.values()) == {1, 2} for s in states), states


def test_a_crash_right_after_the_first_write_leaves_a_whole_article(tmp_path: Path) -> None:
    versions = _versions(tmp_path)
    store_path = tmp_path / "store"
    folder = _prepare(tmp_path, store_path)
    proc = _child(_CRASH_AFTER_FIRST_WRITE, store_path, folder)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 137, (out, err)
    found = _check(store_path, versions)
    # the first article's replacement was the one write: it is in, whole
    assert found["a00.txt"] == 2
    assert [found[n] for n in sorted(versions[1]) if n != "a00.txt"] == [1] * (N_OLD - 1)


def test_a_crash_right_after_the_first_write_of_an_import_leaves_whole_graphs(tmp_path: Path) -> None:
    """An import replacing two article graphs writes both in one transaction."""
    versions = _versions(tmp_path)
    ref = tmp_path / "ref2-store"
    trig = tmp_path / "two.trig"
    with KgStore.open(ref) as store, trig.open("wb") as out:
        quads = [q for name in ("a00.txt", "a01.txt") for q in store.quads(
            None, None, None, ox.NamedNode(vocab.doc_iri(name)))]
        ox.serialize(quads, out, ox.RdfFormat.TRIG)
    store_path = tmp_path / "store"
    _prepare(tmp_path, store_path)
    proc = _child(_CRASH_AFTER_FIRST_WRITE, store_path, trig)
    out_text, err = proc.communicate(timeout=120)
    assert proc.returncode == 137, (out_text, err)
    found = _check(store_path, versions)
    assert (found["a00.txt"], found["a01.txt"], found["a02.txt"]) == (2, 2, 1)
