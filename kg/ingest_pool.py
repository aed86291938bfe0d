"""``kg ingest --jobs N``: the NLP of ingestion in N worker processes, in order, bounded.

Why processes: spaCy's parse and kg's rules are Python and CPU-bound, so threads would
share one core under the GIL. Why only the NLP: reading an article is cheap and must come
first (its sha256 decides whether it is skipped before any model is loaded), and what comes
after extraction must stay in one process. Entity resolution matches each article against
the store's entities *and* every article written before it in this run, so it is ordered
by nature; and only one process may hold the store's write lock. So the parent reads,
sends articles to the workers in chunks, takes the extractions back in the order the files
were given, and resolves and writes each article as ``--jobs 1`` does: the store ends up
with the same quads (up to the ingest time stamps) whatever N.

Memory stays bounded: at most ``2 * N`` chunks of :data:`CHUNK` articles are in flight,
whatever the number of files. Workers are started with ``spawn`` (a fresh interpreter: no
forked copy of the parent's open store or threads), load the model once each, and ignore
Ctrl-C, which the parent handles by cancelling the rest.

A worker that dies (killed, out of memory, a crash in native code) breaks the pool. The
chunks that were in flight are then extracted again one article at a time in a fresh pool,
so the article that kills its worker is found and reported as failed (one line, like any bad
file) while the others go in. Only when workers keep dying (:data:`MAX_CONSECUTIVE_DEATHS`
times with nothing extracted in between) does the run stop, with one
:class:`~kg.errors.WorkerError` line; what was written stays.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TypeVar

from kg.errors import KgError, WorkerError
from kg.extract import Extractor, get_extractor, register
from kg.records import Article, Extraction

# Articles per task: enough for the extractor's internal batching to pay, few enough that
# both workers get work early and a crash re-does little.
CHUNK = 8
# Tasks in flight per worker: one running, one queued, so a worker never waits for the parent.
WINDOW_PER_JOB = 2
# Workers dying this many times in a row, with no article extracted in between (each on an
# article run alone, or on start-up), stop the run: something kills every worker.
MAX_CONSECUTIVE_DEATHS = 4

T = TypeVar("T")


@dataclass(frozen=True)
class Failed:
    """An article the extractor could not read; ``message`` is its one-line reason."""

    message: str


Outcome = Extraction | Failed


def cpu_count() -> int:
    """Cores this process may use (``--jobs 0`` means this many)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def describe(err: Exception, extractor: str) -> str:
    """One line for a failed article: our error's own message, or a bug named as one."""
    if isinstance(err, KgError):
        return str(err)
    return (f"internal error while ingesting with {extractor} ({type(err).__name__}: {err}); "
            "rerun with --debug for the traceback, and please report it")


def extract_each(
    extractor: Extractor, articles: list[Article], *, reraise: bool = False
) -> Iterator[Outcome]:
    """One outcome per article, in order: its extraction, or why it failed.

    An extractor error on one article fails that article only: extraction restarts on the
    articles after it. A bug (any other exception) does the same, reported as an internal
    error, unless ``reraise`` (the CLI's ``--debug``) asks for the traceback.
    """
    queue = list(articles)
    while queue:
        position = 0
        try:
            for extraction in extractor.extract(iter(queue)):
                position += 1
                yield extraction
                if position == len(queue):
                    break
            for article in queue[position:]:  # stopped early: report the rest, never lose them
                yield Failed(f"{article.name}: the extractor returned no result for it")
            return
        except Exception as err:
            if reraise and not isinstance(err, KgError):
                raise
            yield Failed(f"{queue[position].name}: {describe(err, extractor.name)}")
            queue = queue[position + 1:]


# ---------------------------------------------------------------------- in the workers


def _worker_init(name: str, target: str | None) -> None:
    """Runs once in each worker: Ctrl-C is the parent's to handle; the extractor is known.

    Extractors registered at run time (a plugin, the tests' fake) are registered again here:
    a spawned worker starts from a fresh interpreter.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if target is not None:
        register(name, target)


def _extract_chunk(name: str, articles: list[Article], reraise: bool) -> list[Outcome]:
    """The task a worker runs: extract a chunk (the extractor, and its model, load once)."""
    return list(extract_each(get_extractor(name), articles, reraise=reraise))


# ---------------------------------------------------------------------- in the parent


def _registered_target(name: str) -> str | None:
    """The ``module:factory`` the parent registered ``name`` as, for the workers to repeat."""
    import kg.extract

    registry: dict[str, str] = getattr(kg.extract, "_REGISTRY", {})
    return registry.get(name)


class _Pool:
    """A process pool that can be replaced after a worker dies, counting deaths in a row."""

    def __init__(self, extractor: str, jobs: int, reraise: bool) -> None:
        self.extractor = extractor
        self.jobs = jobs
        self.reraise = reraise
        self.deaths = 0  # in a row: reset by every chunk that comes back
        self._executor: ProcessPoolExecutor | None = None

    def submit(self, articles: list[Article]) -> Future[list[Outcome]]:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.jobs, mp_context=multiprocessing.get_context("spawn"),
                initializer=_worker_init,
                initargs=(self.extractor, _registered_target(self.extractor)),
            )
        return self._executor.submit(_extract_chunk, self.extractor, articles, self.reraise)

    def broken(self, err: BaseException) -> None:
        """Drop the broken pool; the next submit starts a fresh one, up to a limit."""
        self.close()
        self.deaths += 1
        if self.deaths >= MAX_CONSECUTIVE_DEATHS:
            raise WorkerError(
                f"ingest worker processes died {self.deaths} times in a row "
                f"({err or 'no reason given'}); "
                "the articles written so far are kept. Check memory (each worker loads the "
                "NLP model) and rerun with fewer --jobs: unchanged files are skipped"
            ) from None

    def result(self, future: Future[list[Outcome]]) -> list[Outcome]:
        """Wait for a task (BrokenProcessPool when its worker died)."""
        outcomes = future.result()
        self.deaths = 0
        return outcomes

    def close(self) -> None:
        """Stop the workers once their tasks are done (all are, on a normal end)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def abort(self) -> None:
        """Stop the workers now (Ctrl-C, or the writer failed): their work would be thrown
        away, and waiting for it would keep the user waiting for seconds."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        # The executor has no public way to stop running tasks before Python 3.14
        # (terminate_workers): its private process table is the only handle, read defensively
        # (without it, shutdown below still ends the workers, after their current task).
        processes = dict(getattr(executor, "_processes", None) or {})
        for process in processes.values():
            process.terminate()
        executor.shutdown(wait=True, cancel_futures=True)


_DIED = ("the worker process extracting it died (killed, out of memory, or a crash); "
         "the other articles were not affected")


def extract_parallel(
    items: Iterable[tuple[T, Article]], extractor: str, jobs: int, *, reraise: bool = False
) -> Iterator[tuple[T, Article, Outcome]]:
    """Extract ``items``' articles in ``jobs`` worker processes; yield in input order.

    ``items`` is consumed lazily, as room frees in the window of tasks in flight, so reading
    the next files overlaps the workers' NLP and a huge folder costs a bounded memory.
    """
    if jobs < 2:
        raise ValueError("extract_parallel needs at least 2 jobs; --jobs 1 runs in-process")
    pool = _Pool(extractor, jobs, reraise)
    window: deque[tuple[list[tuple[T, Article]], Future[list[Outcome]]]] = deque()
    source = iter(items)
    try:
        while True:
            while len(window) < jobs * WINDOW_PER_JOB:
                chunk = [item for _, item in zip(range(CHUNK), source, strict=False)]
                if not chunk:
                    break
                window.append((chunk, pool.submit([a for _, a in chunk])))
            if not window:
                return
            chunk, future = window.popleft()
            try:
                outcomes = pool.result(future)
            except BrokenProcessPool as err:
                suspects = [chunk, *(c for c, _ in window)]
                window.clear()
                pool.broken(err)
                for tagged in suspects:
                    yield from _one_by_one(pool, tagged)
                continue
            except Exception as err:  # e.g. a result that would not unpickle
                if reraise:
                    raise
                outcomes = [Failed(f"{a.name}: {describe(err, extractor)}") for _, a in chunk]
            if len(outcomes) != len(chunk):  # a worker bug, never silently lose an article
                outcomes = [Failed(f"{a.name}: the worker returned no result for it")
                            for _, a in chunk]
            for (tag, article), outcome in zip(chunk, outcomes, strict=True):
                yield tag, article, outcome
    except BaseException:  # Ctrl-C, an error in the writer, or the consumer stopped early
        pool.abort()
        raise
    finally:
        pool.close()


def _one_by_one(
    pool: _Pool, chunk: list[tuple[T, Article]]
) -> Iterator[tuple[T, Article, Outcome]]:
    """Extract a chunk that was in flight when a worker died, one article per task, waiting
    for each: an article that kills its worker again is the culprit, and only it fails."""
    for tag, article in chunk:
        try:
            outcome = pool.result(pool.submit([article]))[0]
        except BrokenProcessPool as err:
            pool.broken(err)
            outcome = Failed(f"{article.name}: {_DIED}")
        yield tag, article, outcome
