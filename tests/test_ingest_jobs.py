"""``kg ingest --jobs N``: the same store as ``--jobs 1``, the same per-file errors, bounded
memory, and a worker that dies costs its article only (or one Error line), never a hang.

Most tests use the fake extractor (registered again in each spawned worker); the real
model's parallel run is compared with the serial one in test_gen_articles.py.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ARTICLES, BAD, FAKE, ROOT, Cli

from kg import ingest_pool, vocab
from kg.ingest import ingest
from kg.ingest_pool import CHUNK, WINDOW_PER_JOB, Failed, extract_parallel
from kg.records import Article
from kg.store import KgStore, articles

_STAMP = ox.NamedNode(vocab.PROV + "generatedAtTime")


def store_quads(path: Path) -> set[ox.Quad]:
    """Every quad of a store but the ingest time stamps (which differ from run to run)."""
    with KgStore.open(path) as store:
        return {q for q in store.quads() if q.predicate != _STAMP}


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Good articles, unreadable files and articles the extractor fails on, interleaved."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        for src in ARTICLES.glob("*.txt"):
            text = src.read_text(encoding="utf-8").replace("Alpha", f"Alpha{i}")
            (folder / f"{i}-{src.name}").write_text(text, encoding="utf-8")
    shutil.copy(BAD / "binary.txt", folder / "1-binary.txt")
    shutil.copy(BAD / "empty.txt", folder / "2-empty.txt")
    (folder / "1-fails.txt").write_text("Headline\nEXTRACTOR-FAILURE here.\n", encoding="utf-8")
    (folder / "2-bug.txt").write_text("Headline\nEXTRACTOR-BUG here.\n", encoding="utf-8")
    return folder


def test_jobs_2_writes_the_store_jobs_1_writes(mixed: Path, tmp_path: Path) -> None:
    serial = ingest([mixed], tmp_path / "s1", extractor=FAKE)
    parallel = ingest([mixed], tmp_path / "s2", extractor=FAKE, jobs=2)
    assert [(r.name, r.status, r.entities, r.facts, r.agreements, r.message) for r in serial] == [
        (r.name, r.status, r.entities, r.facts, r.agreements, r.message) for r in parallel
    ]
    statuses = {r.name: r.status for r in parallel}
    assert statuses["1-fails.txt"] == statuses["2-bug.txt"] == "failed"
    assert statuses["0-alpha.txt"] == "added"
    quads = store_quads(tmp_path / "s2")
    assert quads and quads == store_quads(tmp_path / "s1")
    # a second parallel run skips everything and writes nothing
    again = ingest([mixed], tmp_path / "s2", extractor=FAKE, jobs=2)
    assert {r.status for r in again} == {"unchanged", "failed"}


def test_cli_jobs_reports_bad_files_and_exits_3(cli: Cli, mixed: Path) -> None:
    result = cli("ingest", str(mixed), "--extractor", FAKE, "--jobs", "2", "--format", "csv")
    assert result.exit_code == 3
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 5  # four bad files and the summary line
    assert any("1-fails.txt" in e for e in errors) and any("2-bug.txt" in e for e in errors)
    assert "Traceback" not in result.stderr
    assert result.stdout.count(",added,") == 6


def test_jobs_0_means_one_per_core_and_negative_is_refused(cli: Cli) -> None:
    result = cli("ingest", str(ARTICLES), "--extractor", FAKE, "--jobs", "0", "--format", "csv")
    assert result.exit_code == 0 and result.stdout.count(",added,") == 2
    assert cli("ingest", str(ARTICLES), "--jobs", "-1").exit_code == 2
    assert ingest_pool.cpu_count() >= 1


def test_a_worker_that_dies_fails_its_article_only(cli: Cli, mixed: Path) -> None:
    (mixed / "1-crash.txt").write_text("Headline\nWORKER-CRASH here.\n", encoding="utf-8")
    result = cli("ingest", str(mixed), "--extractor", FAKE, "--jobs", "2", "--format", "csv")
    assert result.exit_code == 3
    crash = [line for line in result.stderr.splitlines() if "1-crash.txt" in line]
    assert len(crash) == 1 and crash[0].startswith("Error: 1-crash.txt: the worker process")
    assert "Traceback" not in result.stderr
    assert result.stdout.count(",added,") == 6  # every good article still went in


def test_workers_that_keep_dying_stop_the_run_with_one_line(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(ingest_pool.MAX_CONSECUTIVE_DEATHS + 1):
        (folder / f"crash{i}.txt").write_text("Headline\nWORKER-CRASH\n", encoding="utf-8")
    result = cli("ingest", str(folder), "--extractor", FAKE, "--jobs", "2")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1].startswith("Error: ingest worker processes died")
    assert "Traceback" not in result.stderr


def test_the_window_of_work_in_flight_is_bounded(tmp_path: Path) -> None:
    """The input is pulled as results come back, never all at once (10,000 files)."""
    pulled = 0

    def articles() -> Iterator[tuple[int, Article]]:
        nonlocal pulled
        for i in range(10_000):
            pulled += 1
            yield i, Article(f"a{i}.txt", "Headline\nnothing here\n", str(i))

    stream = extract_parallel(articles(), FAKE, 2)
    first = next(stream)
    assert first[0] == 0 and not isinstance(first[2], Failed)
    assert pulled <= 2 * WINDOW_PER_JOB * CHUNK + CHUNK
    for _ in range(100):
        next(stream)
    assert pulled <= 100 + 2 * WINDOW_PER_JOB * CHUNK + CHUNK
    stream.close()  # shuts the pool down


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(c) for c in text.split()]


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie waiting to be reaped does not)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
def test_ctrl_c_stops_a_parallel_ingest_at_once(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the terminal's process group) mid-run: exit 130 within seconds,
    no worker left behind, no traceback, and the store opens with whole articles."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import gen_articles

    gen_articles.write(400, tmp_path / "gen")
    folder = tmp_path / "long"  # long articles: a task in flight takes seconds to finish
    folder.mkdir()
    texts = [p.read_text() for p in sorted((tmp_path / "gen" / "articles").glob("*.txt"))]
    for k in range(40):
        (folder / f"long{k:02d}.txt").write_text("\n".join(texts[k * 10:(k + 1) * 10]))
    store = tmp_path / "store"
    proc = subprocess.Popen(
        [sys.executable, "-c", "from kg_cli.main import run; run()", "--store", str(store),
         "ingest", str(folder), "--jobs", "2", "--format", "csv"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        workers = _children(proc.pid)
        assert len(workers) >= 2
        time.sleep(4)  # the workers load the model and start extracting
        os.killpg(proc.pid, signal.SIGINT)
        start = time.monotonic()
        _, err = proc.communicate(timeout=30)
        assert time.monotonic() - start < 3  # not waiting for the tasks in flight
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert "Traceback" not in err
    deadline = time.monotonic() + 10
    while [w for w in workers if _alive(w)] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)]
    with KgStore.open(store) as opened:
        assert len(articles(opened)) < 40


def test_jobs_2_against_a_sparql_server_writes_what_jobs_1_writes_locally(
    mixed: Path, tmp_path: Path
) -> None:
    """With --endpoint the workers extract and the one writer sends each article's graph to
    the server: the server ends up with the quads --jobs 1 writes to a folder."""
    from sparql_server import running

    from kg.store.remote import RemoteStore

    serial = ingest([mixed], tmp_path / "s1", extractor=FAKE)
    with running(tmp_path / "server") as server:
        cli = Cli(tmp_path / "unused", endpoint=(server.query_url, server.update_url))
        result = cli("ingest", str(mixed), "--extractor", FAKE, "--jobs", "2", "--format", "csv")
        assert result.exit_code == 3
        assert result.stdout.count(",added,") == sum(r.status == "added" for r in serial)
        with RemoteStore(server.query_url, server.update_url) as remote:
            quads = {q for q in remote.quads() if q.predicate != _STAMP}
    assert quads == store_quads(tmp_path / "s1")
    assert not (tmp_path / "unused").exists()  # nothing written locally
