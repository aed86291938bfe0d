"""The embedded store: a pyoxigraph (RocksDB) quad store on disk, one named graph per article.

The one implementation of :class:`kg.store.base.Store` that touches pyoxigraph's ``Store``.
Why a class over pyoxigraph rather than pyoxigraph itself: the store has rules that every
caller would otherwise repeat -- queries read the union of the article graphs with the kg
prefixes predeclared; read-only opening must not create a folder or take the write lock (so
queries run while an ingest writes); a missing store, a locked store and a malformed file
are user errors with a next step, not tracebacks; replacing an article is "drop its graph,
write the new one" as one SPARQL update, which pyoxigraph runs in one RocksDB transaction: a
crash (even ``kill -9``) leaves the old graph or the new one, never none and never half. The
folder also records the version of its layout (:mod:`kg.store.layout`).

rdflib is never imported here: every query command goes through this module.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, Self

import pyoxigraph

from kg import config, vocab
from kg.errors import QueryError, StoreError
from kg.formats import RdfFormat
from kg.store import layout, transfer
from kg.store.base import (
    EXPORT_PREFIXES,
    Bindings,
    Object,
    QueryResult,
    Subject,
    Triples,
    Values,
    insert_data,
    one_line,
    substitutable,
    with_values,
)
from kg.store.layout import check_layout, read_layout, write_layout

Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal | pyoxigraph.Triple
# How often a writer waiting for the lock tries again.
LOCK_POLL_SECONDS = 0.2


class KgStore:
    """A kg store on disk (or in memory). Open with :meth:`open`; use as a context manager.

    >>> import tempfile, pathlib
    >>> with KgStore.open(pathlib.Path(tempfile.mkdtemp()) / "s", read_only=False) as st:
    ...     st.graphs()
    []
    """

    def __init__(self, store: pyoxigraph.Store, path: Path | None, read_only: bool) -> None:
        self._store: pyoxigraph.Store | None = store
        self.path = path
        self._read_only = read_only

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        read_only: bool = True,
        wait: float = 0.0,
        on_wait: Callable[[str], None] | None = None,
    ) -> KgStore:
        """Open the store at ``path`` (default: :func:`kg.config.default_store_path`).

        Read-only opening never creates anything and never takes the write lock, so any
        number of queries can run while one ingest writes (they see the store as it was
        when they opened it). Opening for writing creates the folder. Only one process can
        write: a second writer waits up to ``wait`` seconds for the lock (``on_wait`` is
        called once with a message saying so), then gets a :class:`StoreError` naming the
        lock file. Either way the store's layout version is checked first.
        """
        path = Path(path) if path is not None else config.default_store_path()
        if read_only:
            if not (path / "CURRENT").is_file():
                if path.exists() and (not path.is_dir() or any(path.iterdir())):
                    raise StoreError(
                        f"{path} is not a kg store (no RocksDB files in it); "
                        "pass --store with the folder `kg ingest` wrote"
                    )
                raise StoreError(f"no store at {path}; run `kg ingest` first")
            check_layout(path)
            try:
                return cls(pyoxigraph.Store.read_only(str(path)), path, read_only=True)
            except OSError as err:
                raise StoreError(
                    f"cannot open the store at {path}: {one_line(err)}; "
                    "check the folder's permissions or pass another --store"
                ) from None
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path} is a file, not a store folder; pass another --store")
        if (path / "CURRENT").is_file():
            check_layout(path)
        store = open_writable(path, wait, on_wait)
        if read_layout(path) is None:
            write_layout(path, layout.LAYOUT_VERSION)
        return cls(store, path, read_only=False)

    @classmethod
    def memory(cls) -> KgStore:
        """A writable store in memory: for tests, doctests and building graphs to export."""
        return cls(pyoxigraph.Store(), None, read_only=False)

    @property
    def read_only(self) -> bool:
        """Whether the store was opened read-only (writes raise StoreError)."""
        return self._read_only

    @property
    def where(self) -> str:
        """``the store at PATH`` (or ``the in-memory store``), for messages."""
        return f"the store at {self.path}" if self.path is not None else "the in-memory store"

    def close(self) -> None:
        """Flush and drop the store handle (the write lock goes with the last reference)."""
        if self._store is not None and not self.read_only:
            self._store.flush()
        self._store = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def _ox(self) -> pyoxigraph.Store:
        if self._store is None:
            raise StoreError(f"{self.where} is closed; open it again")
        return self._store

    def _writable(self) -> pyoxigraph.Store:
        if self.read_only:
            raise StoreError(f"{self.where} was opened read-only")
        return self._ox

    # ------------------------------------------------------------------ queries
    def _run(
        self, query: str, bindings: Bindings | None = None, values: Values | None = None
    ) -> pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean | pyoxigraph.QueryTriples:
        """Evaluate over the union of all graphs, kg prefixes predeclared.

        Single values are bound with pyoxigraph's substitutions where it takes them (the
        variable is replaced before evaluation: about 1.5x faster than a VALUES join, measured
        on a million triples); otherwise, and for rows of values, they go in as a VALUES
        block, as on a SPARQL server.
        """
        subs: dict[pyoxigraph.Variable, Term] = {}
        if bindings and substitutable(query, bindings):
            subs = {pyoxigraph.Variable(k): v for k, v in bindings.items()}
        elif bindings:
            query = with_values(query, Values.of(bindings))
        try:
            return self._ox.query(
                with_values(query, values),
                prefixes=vocab.PREFIXES,
                use_default_graph_as_union=True,
                substitutions=subs or None,
            )
        except SyntaxError as err:
            raise QueryError(
                f"the SPARQL query does not parse: {one_line(err)}; fix it and retry"
            ) from None
        except (OSError, RuntimeError) as err:
            raise QueryError(f"the SPARQL query failed: {one_line(err)}") from None

    def select(
        self, query: str, bindings: Bindings | None = None, *, values: Values | None = None
    ) -> pyoxigraph.QuerySolutions:
        """The solutions of a SELECT query.

        >>> [s["n"].value for s in KgStore.memory().select("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")]
        ['0']
        """
        result = self._run(query, bindings, values)
        if not isinstance(result, pyoxigraph.QuerySolutions):
            raise QueryError("select() needs a SELECT query")
        return result

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        """The answer of an ASK query."""
        result = self._run(query, bindings)
        if not isinstance(result, pyoxigraph.QueryBoolean):
            raise QueryError("ask() needs an ASK query")
        return bool(result)

    def construct(
        self, query: str, bindings: Bindings | None = None, *, values: Values | None = None
    ) -> list[pyoxigraph.Triple]:
        """The triples of a CONSTRUCT or DESCRIBE query, read whole."""
        result = self._run(query, bindings, values)
        if not isinstance(result, pyoxigraph.QueryTriples):
            raise QueryError("construct() needs a CONSTRUCT or DESCRIBE query")
        return _read(result)

    def query(self, text: str) -> QueryResult:
        """A user's query of any form; CONSTRUCT/DESCRIBE results are read whole."""
        result = self._run(text)
        if isinstance(result, pyoxigraph.QueryTriples):
            return Triples(_read(result))
        return result

    def quads(
        self,
        subject: Subject | None = None,
        predicate: pyoxigraph.NamedNode | None = None,
        obj: Object | None = None,
        graph: pyoxigraph.NamedNode | None = None,
    ) -> Iterator[pyoxigraph.Quad]:
        """The stored quads matching a pattern (an index look-up)."""
        return iter(self._ox.quads_for_pattern(subject, predicate, obj, graph))

    def graphs(self) -> list[str]:
        """The IRIs of the named graphs."""
        return [g.value for g in self._ox.named_graphs() if isinstance(g, pyoxigraph.NamedNode)]

    def dump_dataset(self, out: BinaryIO, fmt: RdfFormat) -> None:
        """Every quad in ``fmt`` (N-Quads, TriG, JSON-LD), straight from the store."""
        self._ox.dump(out, fmt.ox, prefixes=EXPORT_PREFIXES if fmt is RdfFormat.trig else None)

    def dump(self, fmt: RdfFormat, out: BinaryIO, graph: str | None = None) -> None:
        """The store (or one article's graph) in ``fmt``: :func:`kg.store.transfer.dump`."""
        transfer.dump(self, fmt, out, graph)

    # ------------------------------------------------------------------ writes
    def update(self, text: str) -> None:
        """Run a SPARQL update on the stored graphs, all its operations in one transaction."""
        store = self._writable()
        try:
            store.update(text, prefixes=vocab.PREFIXES)
        except SyntaxError as err:
            raise QueryError(
                f"the SPARQL update does not parse: {one_line(err)}; fix it and retry"
            ) from None
        except OSError as err:
            raise QueryError(f"the SPARQL update failed: {one_line(err)}") from None

    def replace_graphs(
        self, graphs: Iterable[pyoxigraph.NamedNode], quads: Iterable[pyoxigraph.Quad]
    ) -> None:
        """Drop ``graphs`` and write ``quads`` (all in named graphs) in one transaction.

        Written as ``DROP SILENT GRAPH <g> ; ... ; INSERT DATA { GRAPH <g> { ... } }``: one
        update request, which pyoxigraph evaluates inside a single storage transaction. When
        none of the graphs exists yet, the quads are added with ``extend``, also atomic.
        (The earlier ``remove_graph`` then ``extend`` were two transactions: a kill between
        them lost the article.)
        """
        store = self._writable()
        graphs = list(dict.fromkeys(graphs))
        quads = list(quads)
        stray = next((q for q in quads if not isinstance(q.graph_name, pyoxigraph.NamedNode)), None)
        if stray is not None:
            raise ValueError(f"quad outside a named graph: {stray}")
        try:
            if not any(store.contains_named_graph(g) for g in graphs):
                # Nothing to drop (a new article): ``extend`` is one transaction too, and skips
                # the text round trip. Safe to decide first: this process holds the write lock.
                store.extend(quads)
            elif graphs or quads:
                store.update(insert_data(graphs, quads))
        except SyntaxError as err:  # a term we wrote badly: a bug of ours, never user input
            raise RuntimeError(f"internal error: the replacement update does not parse: {err}") from err
        except OSError as err:
            raise StoreError(
                f"writing to {self.where} failed: {one_line(err)}; "
                "nothing was changed; check the disk and retry"
            ) from None

    def drop_graph(self, graph: pyoxigraph.NamedNode) -> None:
        """Remove a named graph and its quads (one transaction); absent graphs are fine."""
        store = self._writable()
        if store.contains_named_graph(graph):
            store.remove_graph(graph)

    def bulk_load(
        self, path: Path, fmt: RdfFormat, to_graph: pyoxigraph.NamedNode,
        drop: Sequence[pyoxigraph.NamedNode],
    ) -> None:
        """Drop ``drop``, then bulk-load ``path`` (RocksDB SST files, low memory, not atomic)."""
        store = self._writable()
        for g in drop:
            store.remove_graph(g)
        store.bulk_load(path=str(path), format=fmt.ox, to_graph=to_graph)


def _read(result: Iterable[pyoxigraph.Triple]) -> list[pyoxigraph.Triple]:
    """A lazy result read whole: pyoxigraph raises evaluation errors while iterating."""
    try:
        return list(result)
    except (OSError, RuntimeError) as err:
        raise QueryError(f"the SPARQL query failed: {one_line(err)}") from None


def store_exists(path: Path | None = None) -> bool:
    """Whether a store has been written at ``path`` (default: the configured store)."""
    path = Path(path) if path is not None else config.default_store_path()
    return (path / "CURRENT").is_file() and os.access(path, os.R_OK)


# ---------------------------------------------------------------------- opening for writing


def _is_lock_error(err: OSError) -> bool:
    text = str(err)
    return "LOCK" in text or "lock" in text


def open_writable(
    path: Path, wait: float, on_wait: Callable[[str], None] | None
) -> pyoxigraph.Store:
    """Open (creating) the RocksDB store for writing, waiting up to ``wait`` s for the lock."""
    deadline = time.monotonic() + max(wait, 0.0)
    told = False
    while True:
        try:
            path.mkdir(parents=True, exist_ok=True)
            return pyoxigraph.Store(str(path))
        except OSError as err:
            if not _is_lock_error(err):
                raise StoreError(
                    f"cannot open the store at {path} for writing: {one_line(err)}; "
                    "check the folder's permissions or pass another --store"
                ) from None
            if time.monotonic() >= deadline:
                waited = f" after waiting {wait:g} s" if wait > 0 else ""
                raise StoreError(
                    f"the store at {path} is locked by another writer ({path / 'LOCK'}){waited}; "
                    "wait for the other `kg ingest`/`kg import` to finish and retry, "
                    "or pass --wait SECONDS to wait longer"
                ) from None
            if not told and on_wait is not None:
                on_wait(
                    f"the store at {path} is locked by another writer; "
                    f"waiting up to {wait:g} s for it (--wait SECONDS to change)"
                )
                told = True
            time.sleep(min(LOCK_POLL_SECONDS, max(deadline - time.monotonic(), 0.0)))

