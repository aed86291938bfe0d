"""Any SPARQL 1.1 server as the store: Oxigraph, Fuseki, GraphDB, Virtuoso, QLever, Neptune.

The second implementation of :class:`kg.store.base.Store`, over the SPARQL 1.1 Protocol
only: queries are POSTed as ``application/sparql-query`` to the query URL, updates as
``application/sparql-update`` to the update URL. Why not the Graph Store Protocol as well:
its URL differs from server to server, and every write kg makes (replace an article's graph,
drop one, load a file) is one SPARQL update, which every server has.

What the server must do: answer a query without ``GRAPH`` over the union of its named graphs
(kg writes every triple into an article's graph), as GraphDB, Virtuoso, Neptune and QLever do
by default; Oxigraph does with ``--union-default-graph``, Fuseki with
``tdb2:unionDefaultGraph true`` (README, "A shared server as the store").

Answers come back as pyoxigraph terms and solutions (SPARQL JSON results parsed by
``pyoxigraph.parse_query_results``; graphs as N-Triples), so query code is the same for
both stores. Bound values go into the query as a ``VALUES`` block first in its WHERE group.
Nothing is ever written on the local disk.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, Self

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.formats import RdfFormat
from kg.store import transfer
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
    prologue,
    with_values,
)
from kg.store.http import DEFAULT_ATTEMPTS, DEFAULT_BACKOFF, DEFAULT_TIMEOUT, SparqlHttp, safe_url

_QUERY = "application/sparql-query"
_UPDATE = "application/sparql-update"
_RESULTS = "application/sparql-results+json"
_GRAPH = "application/n-triples"
# A user's query may be of any form: results or a graph, whichever the server gives.
_ANY = f"{_RESULTS}, application/sparql-results+xml;q=0.9, {_GRAPH};q=0.9, text/turtle;q=0.8"
# Quads per request when a big file is loaded in pieces.
LOAD_CHUNK = 20_000


class RemoteStore:
    """A SPARQL 1.1 server as the store. Opening sends nothing; each method is one request
    (:meth:`bulk_load` a few).

    ``update_endpoint`` defaults to ``endpoint`` (Fuseki and GraphDB-style services take both
    at one URL). ``read_only`` refuses updates before anything is sent.
    """

    def __init__(
        self,
        endpoint: str,
        update_endpoint: str | None = None,
        *,
        user: str | None = None,
        password: str | None = None,
        read_only: bool = True,
        timeout: float = DEFAULT_TIMEOUT,
        attempts: int = DEFAULT_ATTEMPTS,
        backoff: float = DEFAULT_BACKOFF,
    ) -> None:
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or endpoint
        self._read_only = read_only
        self.http = SparqlHttp(user, password, timeout, attempts, backoff)

    def __repr__(self) -> str:
        return f"RemoteStore({safe_url(self.endpoint)!r}, {safe_url(self.update_endpoint)!r})"

    @property
    def read_only(self) -> bool:
        """Whether updates are refused (queries open the store read-only)."""
        return self._read_only

    @property
    def where(self) -> str:
        """``the SPARQL endpoint URL`` (credentials never shown), for messages."""
        return f"the SPARQL endpoint {safe_url(self.endpoint)}"

    def close(self) -> None:
        """Nothing to release: every request has its own connection."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ queries
    def _post_query(self, text: str, accept: str) -> tuple[str, bytes]:
        answer = self.http.post(self.endpoint, prologue() + text, _QUERY, accept)
        return answer.media_type, answer.body

    def _text(self, query: str, bindings: Bindings | None, values: Values | None) -> str:
        text = with_values(query, values)
        return with_values(text, Values.of(bindings)) if bindings else text

    def select(
        self, query: str, bindings: Bindings | None = None, *, values: Values | None = None
    ) -> ox.QuerySolutions:
        """The solutions of a SELECT query (one request)."""
        result = self._results(*self._post_query(self._text(query, bindings, values), _RESULTS))
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("select() needs a SELECT query")
        return result

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        """The answer of an ASK query (one request)."""
        result = self._results(*self._post_query(self._text(query, bindings, None), _RESULTS))
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("ask() needs an ASK query")
        return bool(result)

    def construct(
        self, query: str, bindings: Bindings | None = None, *, values: Values | None = None
    ) -> list[ox.Triple]:
        """The triples of a CONSTRUCT or DESCRIBE query (one request)."""
        media, body = self._post_query(self._text(query, bindings, values), _GRAPH)
        return self._graph(media, body)

    def query(self, text: str) -> QueryResult:
        """A user's query of any form, as the server answers it (one request)."""
        media, body = self._post_query(text, _ANY)
        if ox.QueryResultsFormat.from_media_type(media) is not None:
            return self._results(media, body)
        return Triples(self._graph(media, body))

    def _results(self, media: str, body: bytes) -> ox.QuerySolutions | ox.QueryBoolean:
        fmt = ox.QueryResultsFormat.from_media_type(media) or ox.QueryResultsFormat.JSON
        try:
            return ox.parse_query_results(body, fmt)
        except (SyntaxError, ValueError) as err:
            raise StoreError(
                f"{self.where} sent results kg cannot read ({media}): {one_line(err)}"
            ) from None

    def _graph(self, media: str, body: bytes) -> list[ox.Triple]:
        fmt = ox.RdfFormat.from_media_type(media) or ox.RdfFormat.N_TRIPLES
        try:
            return [q.triple for q in ox.parse(body, fmt)]
        except (SyntaxError, ValueError) as err:
            raise StoreError(
                f"{self.where} sent a graph kg cannot read ({media}): {one_line(err)}"
            ) from None

    def quads(
        self,
        subject: Subject | None = None,
        predicate: ox.NamedNode | None = None,
        obj: Object | None = None,
        graph: ox.NamedNode | None = None,
    ) -> Iterator[ox.Quad]:
        """The quads matching a pattern, from one SELECT over ``GRAPH ?g``."""
        bound: dict[str, ox.NamedNode | ox.Literal] = {}
        for name, term in (("s", subject), ("p", predicate), ("o", obj), ("g", graph)):
            if isinstance(term, ox.NamedNode | ox.Literal):
                bound[name] = term
            elif term is not None:
                raise ValueError(f"a remote pattern binds IRIs and literals only, not {term!r}")
        for row in self.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", bound):
            s, p, o, g = row["s"], row["p"], row["o"], row["g"]
            if isinstance(s, ox.NamedNode | ox.BlankNode | ox.Triple) and isinstance(
                    p, ox.NamedNode) and isinstance(g, ox.NamedNode) and o is not None:
                yield ox.Quad(s, p, o, g)

    def graphs(self) -> list[str]:
        """The IRIs of the named graphs (one request)."""
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return [g.value for row in rows if isinstance(g := row["g"], ox.NamedNode)]

    def dump(self, fmt: RdfFormat, out: BinaryIO, graph: str | None = None) -> None:
        """The store (or one article's graph) in ``fmt``: :func:`kg.store.transfer.dump`."""
        transfer.dump(self, fmt, out, graph)

    def dump_dataset(self, out: BinaryIO, fmt: RdfFormat) -> None:
        """Every quad in ``fmt``, from one SELECT of all quads."""
        ox.serialize(self.quads(), out, fmt.ox,
                     prefixes=EXPORT_PREFIXES if fmt is RdfFormat.trig else None)

    # ------------------------------------------------------------------ writes
    def update(self, text: str) -> None:
        """Run a SPARQL update (one request; the server applies it as one operation set)."""
        if self.read_only:
            raise StoreError(f"{self.where} was opened read-only")
        self.http.post(self.update_endpoint, prologue() + text, _UPDATE)

    def replace_graphs(self, graphs: Iterable[ox.NamedNode], quads: Iterable[ox.Quad]) -> None:
        """``DROP SILENT GRAPH`` and ``INSERT DATA`` in one update request."""
        self.update(insert_data(graphs, quads))

    def drop_graph(self, graph: ox.NamedNode) -> None:
        """``DROP SILENT GRAPH`` (one request)."""
        self.update(f"DROP SILENT GRAPH {graph}")

    def bulk_load(
        self, path: Path, fmt: RdfFormat, to_graph: ox.NamedNode, drop: Sequence[ox.NamedNode]
    ) -> None:
        """Drop ``drop``, then send the file in updates of :data:`LOAD_CHUNK` quads (not atomic)."""
        if drop:
            self.update(insert_data(drop, []))
        chunk: list[ox.Quad] = []
        for q in ox.parse(path=str(path), format=fmt.ox):
            if isinstance(q.graph_name, ox.DefaultGraph):
                q = ox.Quad(q.subject, q.predicate, q.object, to_graph)
            chunk.append(q)
            if len(chunk) >= LOAD_CHUNK:
                self.update(insert_data([], chunk))
                chunk = []
        if chunk:
            self.update(insert_data([], chunk))
