"""Ingestion: article files in, one named graph per article in the store.

The flow, and why it is ordered so:

1. Read every source first (files, folders of ``*.txt``, ``-`` for stdin). A bad file is
   reported ``failed`` and the rest go on: one unreadable page must not cost a batch.
2. Skip articles whose sha256 equals the stored one (``unchanged``) before anything
   expensive: when nothing changed, the NLP model is never loaded.
3. Extract the rest in one batch (the extractor batches internally), then for each article
   resolve its entities against the store *and* against the articles resolved earlier in
   this run (two new articles naming one hospital meet in one node), build its quads and
   replace its graph. Each article is written on its own, so the store keeps every good
   article even when a later one fails, and never half of a failed one.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from kg import config, rdf
from kg.articles import read_article, read_bytes
from kg.errors import InputError, KgError, UsageError
from kg.extract import Extractor, available, get_extractor
from kg.records import Article, IngestResult, Resolution
from kg.resolve import EntityIndex, KnownEntity, resolve
from kg.store import KgStore

STDIN = "-"

Progress = Callable[[IngestResult], None]


def expand_sources(sources: Sequence[str | Path]) -> list[str | Path]:
    """Files as given, folders as their ``*.txt`` files (recursively, sorted), ``-`` kept.

    A missing path is kept as is, so reading it reports it as failed with the others.

    >>> expand_sources(["-"])
    ['-']
    """
    out: list[str | Path] = []
    for src in sources:
        if str(src) == STDIN:
            out.append(STDIN)
            continue
        path = Path(src)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*.txt") if p.is_file()))
        else:
            out.append(path)
    return out


def _read(
    src: str | Path, stdin: BinaryIO | None, stdin_name: str
) -> Article:
    if src == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        return read_bytes(stdin_name, stream.read())
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
    store_path: Path | None = None,
    *,
    extractor: str = config.DEFAULT_EXTRACTOR,
    progress: Progress | None = None,
    stdin_name: str = "stdin",
    stdin: BinaryIO | None = None,
    reraise: bool = False,
) -> list[IngestResult]:
    """Ingest articles into the store at ``store_path``; one result per source file.

    Statuses: ``added`` (new article), ``replaced`` (its text changed), ``unchanged`` (same
    sha256: skipped), ``failed`` (``message`` says why; nothing of it was written).
    ``progress`` is called with each result as it is decided. Errors that concern the whole
    run (the store is locked, the extractor is unknown or its model missing) raise.

    >>> import tempfile, pathlib
    >>> ingest([pathlib.Path("no/such.txt")], pathlib.Path(tempfile.mkdtemp()))[0].status
    'failed'
    """
    if extractor not in available():  # fail before any work, even when nothing changed
        raise UsageError(f"unknown extractor {extractor!r}; known: {', '.join(available())}")
    paths = expand_sources(sources)
    if not paths:
        raise InputError("no articles to ingest: the folders given hold no *.txt files")
    results: dict[int, IngestResult] = {}

    def done(i: int, result: IngestResult) -> None:
        results[i] = result
        if progress is not None:
            progress(result)

    articles: dict[int, Article] = {}
    seen: dict[str, str] = {}
    for i, src in enumerate(paths):
        label = stdin_name if src == STDIN else Path(src).name
        try:
            article = _read(src, stdin, stdin_name)
        except InputError as err:
            done(i, IngestResult(label, "failed", message=str(err)))
            continue
        if article.name in seen:
            done(i, IngestResult(article.name, "failed", message=(
                f"{src}: another file named {article.name} ({seen[article.name]}) is in this "
                "run; articles are identified by file name, rename one"
            )))
            continue
        seen[article.name] = str(src)
        articles[i] = article

    with KgStore.open(store_path, read_only=False) as store:
        pending: list[tuple[int, Article, bool]] = []
        for i, article in articles.items():
            stored = store.article_sha256(article.name)
            if stored == article.sha256:
                done(i, IngestResult(article.name, "unchanged"))
            else:
                pending.append((i, article, stored is not None))
        if pending:
            _extract_and_store(store, get_extractor(extractor), pending, done, reraise=reraise)
    return [results[i] for i in sorted(results)]


def _extract_and_store(
    store: KgStore,
    extractor: Extractor,
    pending: list[tuple[int, Article, bool]],
    done: Callable[[int, IngestResult], None],
    *,
    reraise: bool = False,
) -> None:
    """Extract, resolve, build and write each pending article, in order.

    An extractor error on one article fails that article only: extraction restarts on the
    articles after it. A bug (any other exception) does the same, reported as an internal
    error, unless ``reraise`` (the CLI's ``--debug``) asks for the traceback.
    """
    known = EntityIndex(store.known_entities())
    queue = list(pending)
    while queue:
        position = 0
        try:
            for extraction in extractor.extract(a for _, a, _ in queue):
                i, article, existed = queue[position]
                position += 1
                try:
                    resolution = resolve(extraction, known)
                    now = datetime.now(UTC).replace(microsecond=0)
                    quads = rdf.build_quads(resolution, now)
                    store.replace_article(article.name, quads)
                except Exception as err:
                    if reraise and not isinstance(err, KgError):
                        raise
                    done(i, IngestResult(article.name, "failed",
                                         message=f"{article.name}: {_describe(err, extractor.name)}"))
                    continue
                known.add(_known_from(resolution))
                entities, facts, agreements = rdf.summarize(quads)
                done(i, IngestResult(
                    article.name, "replaced" if existed else "added", entities=entities,
                    facts=facts, agreements=agreements, ingested_at=now,
                ))
            queue = queue[position:]
            if queue:  # the extractor stopped early: report the rest rather than lose them
                for i, article, _ in queue:
                    done(i, IngestResult(article.name, "failed", message=(
                        f"{article.name}: the extractor returned no result for it"
                    )))
                queue = []
        except Exception as err:
            if position >= len(queue) or (reraise and not isinstance(err, KgError)):
                raise
            i, article, _ = queue[position]
            done(i, IngestResult(article.name, "failed",
                                 message=f"{article.name}: {_describe(err, extractor.name)}"))
            queue = queue[position + 1:]


def _describe(err: Exception, extractor: str) -> str:
    """One line for a failed article: our error's own message, or a bug named as one."""
    if isinstance(err, KgError):
        return str(err)
    return (f"internal error while ingesting with {extractor} ({type(err).__name__}: {err}); "
            "rerun with --debug for the traceback, and please report it")


def failed(results: Iterable[IngestResult]) -> list[IngestResult]:
    """The failed results, in order (the CLI prints one Error line for each)."""
    return [r for r in results if r.status == "failed"]
