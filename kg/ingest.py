"""Ingestion: article files in, one named graph per article in the store.

The flow, and why it is ordered so:

1. List the sources (files, folders of articles, ``-`` for stdin), then read them lazily and
   extract in rounds of :data:`ROUND` articles, so a folder of 10,000 files costs the memory
   of one round.
   A bad file is reported ``failed`` with a one-line reason and the rest go on: one
   unreadable page must not cost a batch.
2. Skip articles whose sha256 equals the stored one (``unchanged``) before anything
   expensive: when nothing changed, the NLP model is never loaded.
3. Extract the rest of the round (the extractor batches internally), then for each article
   resolve its entities against the store *and* against the articles resolved earlier in
   this run (two new articles naming one hospital meet in one node), build its quads and
   replace its graph in one transaction. Each article is written on its own, so the store
   keeps every good article even when a later one fails or the process is killed, and never
   half of an article: a kill leaves each article in its last completely written version.

With ``jobs`` > 1 step 3's extraction runs in worker processes (:mod:`kg.ingest_pool`);
reading, skipping, resolution and writing stay here, in the same order, so the guarantees
above hold unchanged.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from kg import config, rdf
from kg.articles.html_text import HTML_SUFFIXES
from kg.articles.reading import read_article, read_bytes
from kg.errors import EndpointError, InputError, KgError, UsageError
from kg.extract import available, get_extractor
from kg.ingest_pool import Failed, Outcome, cpu_count, describe, extract_each, extract_parallel
from kg.records import Article, IngestResult, Resolution
from kg.resolve import EntityIndex, KnownEntity, known_entities, resolve
from kg.store import Store, StoreLocation, article_sha256, open_store, replace_article

STDIN = "-"
# Articles extracted and written per round (--jobs 1): bounds memory whatever the folder's
# size, while still giving the extractor batches to work on.
ROUND = 32
# What a folder contributes: plain-text articles and saved HTML pages.
ARTICLE_SUFFIXES = frozenset({".txt", *HTML_SUFFIXES})

Progress = Callable[[IngestResult], None]


def iter_sources(sources: Sequence[str | Path]) -> Iterator[str | Path]:
    """Files as given, folders as their article files (recursively, sorted), ``-`` kept.

    A missing path is kept as is, so reading it reports it as failed with the others. Folders
    are walked without following symbolic links to folders (a link loop cannot recurse);
    links to files are listed, and a broken one fails when read, with its reason.
    """
    for src in sources:
        if str(src) == STDIN:
            yield STDIN
            continue
        path = Path(src)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(folder: Path) -> Iterator[Path]:
    """The article files under ``folder``, sorted by path, symbolic links to folders skipped."""
    found: list[Path] = []

    def unlistable(err: OSError) -> None:
        # a folder that cannot be listed is reported (as a failed source), never skipped
        if err.filename is not None:
            found.append(Path(err.filename))

    for root, dirs, files in os.walk(folder, onerror=unlistable, followlinks=False):
        dirs.sort()
        found.extend(
            Path(root) / f for f in files if Path(f).suffix.lower() in ARTICLE_SUFFIXES
        )
    yield from sorted(found)


def expand_sources(sources: Sequence[str | Path]) -> list[str | Path]:
    """:func:`iter_sources` as a list.

    >>> expand_sources(["-"])
    ['-']
    """
    return list(iter_sources(sources))


def _read(
    src: str | Path, stdin: BinaryIO | None, stdin_name: str
) -> Article:
    if src == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        # One byte past the limit is enough to refuse it: never hold a huge pipe in memory.
        return read_bytes(stdin_name, stream.read(config.MAX_ARTICLE_BYTES + 1))
    return read_article(Path(src))


def _known_from(resolution: Resolution) -> list[KnownEntity]:
    """The entities an article just added, in the form resolution matches against."""
    extraction = resolution.extraction
    by_iri: dict[str, KnownEntity] = {}
    for key, entity in extraction.entities.items():
        if entity.scope:  # description-named things never merge across articles
            continue
        iri = resolution.iris[key]
        label = resolution.labels.get(iri, entity.label)
        prev = by_iri.get(iri)
        names = frozenset({entity.label, label, *entity.aliases})
        by_iri[iri] = KnownEntity(
            iri, label, prev.type if prev else entity.type, names | (prev.names if prev else set())
        )
    return list(by_iri.values())


def ingest(
    sources: Sequence[str | Path],
    store_path: Store | StoreLocation | Path | None = None,
    *,
    extractor: str = config.DEFAULT_EXTRACTOR,
    progress: Progress | None = None,
    stdin_name: str = "stdin",
    stdin: BinaryIO | None = None,
    reraise: bool = False,
    wait: float = 0.0,
    on_wait: Callable[[str], None] | None = None,
    jobs: int = 1,
) -> list[IngestResult]:
    """Ingest articles into the store at ``store_path`` (a folder or a SPARQL endpoint, or a
    store already open, which stays open); one result per source file.

    Statuses: ``added`` (new article), ``replaced`` (its text changed), ``unchanged`` (same
    sha256: skipped), ``failed`` (``message`` says why; nothing of it was written). An added
    or replaced article may carry a warning in ``message`` (its clean-up was skipped).
    ``progress`` is called with each result as it is decided. Errors that concern the whole
    run (the store is locked past ``wait`` seconds or its server is unreachable, the
    extractor is unknown or its model missing) raise.

    >>> import tempfile, pathlib
    >>> ingest([pathlib.Path("no/such.txt")], pathlib.Path(tempfile.mkdtemp()))[0].status
    'failed'
    """
    if extractor not in available():  # fail before any work, even when nothing changed
        raise UsageError(f"unknown extractor {extractor!r}; known: {', '.join(available())}")
    if jobs < 0:
        raise UsageError(f"--jobs {jobs}: give a number of worker processes, or 0 for one per core")
    jobs = jobs or cpu_count()
    paths = expand_sources(sources)
    if not paths:
        raise InputError(
            "no articles to ingest: the folders given hold no .txt or .html files"
        )
    results: dict[int, IngestResult] = {}

    def done(i: int, result: IngestResult) -> None:
        results[i] = result
        if progress is not None:
            progress(result)

    # stdin is read before the store is opened: a slow pipe must not hold the write lock
    # (it is bounded by the article size limit, so reading it first costs little memory)
    piped: dict[int, Article | InputError] = {}
    for i, src in enumerate(paths):
        if src == STDIN:
            try:
                piped[i] = _read(src, stdin, stdin_name)
            except InputError as err:
                piped[i] = err
    opened: AbstractContextManager[Store] = (
        open_store(store_path, read_only=False, wait=wait, on_wait=on_wait)
        if store_path is None or isinstance(store_path, Path | StoreLocation)
        else nullcontext(store_path)
    )
    with opened as store:
        pending = _pending(paths, piped, store, stdin, stdin_name, done)
        writer = _Writer(store, extractor, done, reraise)
        if jobs == 1:
            for batch in _batches(pending, ROUND):
                # the extractor is created on first need: an all-unchanged run never loads it
                writer.write_all(batch, extract_each(
                    get_extractor(extractor), [a for _, a in batch], reraise=reraise))
        else:
            for item, article, outcome in extract_parallel(
                pending, extractor, jobs, reraise=reraise
            ):
                writer.write(item, article, outcome)
    return [results[i] for i in sorted(results)]


# An article waiting for extraction: its position in the run, whether the store had it.
Pending = tuple[tuple[int, bool], Article]


def _pending(
    paths: Sequence[str | Path],
    piped: dict[int, Article | InputError],
    store: Store,
    stdin: BinaryIO | None,
    stdin_name: str,
    done: Callable[[int, IngestResult], None],
) -> Iterator[Pending]:
    """Read the sources in order, report the unreadable and the unchanged, yield the rest.

    Lazy: the caller pulls a round (or a window of worker tasks) at a time, so a folder of
    10,000 files never sits in memory.
    """
    seen: dict[str, str] = {}
    for i, src in enumerate(paths):
        label = stdin_name if src == STDIN else Path(src).name
        try:
            got = piped[i] if i in piped else _read(src, stdin, stdin_name)
            if isinstance(got, InputError):
                raise got
            article = got
        except InputError as err:
            done(i, IngestResult(label, "failed", message=str(err)))
            continue
        if article.name in seen:
            done(i, IngestResult(article.name, "failed", message=(
                f"{src}: another file named {article.name} ({seen[article.name]}) is in "
                "this run; articles are identified by file name, rename one"
            )))
            continue
        seen[article.name] = str(src)
        stored = article_sha256(store, article.name)
        if stored == article.sha256:
            done(i, IngestResult(article.name, "unchanged"))
        else:
            yield (i, stored is not None), article


def _batches(items: Iterable[Pending], size: int) -> Iterator[list[Pending]]:
    batch: list[Pending] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Writer:
    """The one writer of a run: resolves each extracted article against the store and the
    articles written before it, builds its quads and replaces its graph, in input order.

    The index of known entities is read from the store on the first write (never when
    every article is unchanged) and grows with each article written.
    """

    def __init__(
        self, store: Store, extractor: str, done: Callable[[int, IngestResult], None],
        reraise: bool,
    ) -> None:
        self.store = store
        self.extractor = extractor
        self.done = done
        self.reraise = reraise
        self._known: EntityIndex | None = None

    def write_all(self, batch: list[Pending], outcomes: Iterable[Outcome]) -> None:
        for (item, article), outcome in zip(batch, outcomes, strict=True):
            self.write(item, article, outcome)

    def write(self, item: tuple[int, bool], article: Article, outcome: Outcome) -> None:
        """Resolve, build and write one article (or report why it failed), in one step."""
        i, existed = item
        if isinstance(outcome, Failed):
            self.done(i, IngestResult(article.name, "failed", message=outcome.message))
            return
        if self._known is None:
            self._known = EntityIndex(known_entities(self.store))
        try:
            resolution = resolve(outcome, self._known)
            now = datetime.now(UTC).replace(microsecond=0)
            quads = rdf.build_quads(resolution, now)
            replace_article(self.store, article.name, quads)
        except Exception as err:
            if isinstance(err, EndpointError) or (self.reraise and not isinstance(err, KgError)):
                raise  # a server that is down fails every later article too
            self.done(i, IngestResult(article.name, "failed",
                                      message=f"{article.name}: {describe(err, self.extractor)}"))
            return
        self._known.add(_known_from(resolution))
        entities, facts, agreements = rdf.summarize(quads)
        self.done(i, IngestResult(
            article.name, "replaced" if existed else "added", entities=entities,
            facts=facts, agreements=agreements, ingested_at=now,
            message="; ".join(article.warnings) or None,
        ))


def failed(results: Iterable[IngestResult]) -> list[IngestResult]:
    """The failed results, in order (the CLI prints one Error line for each)."""
    return [r for r in results if r.status == "failed"]


def warned(results: Iterable[IngestResult]) -> list[IngestResult]:
    """Results that went in with a warning (the CLI prints one Warning line for each)."""
    return [r for r in results if r.status != "failed" and r.message]
