"""``kg serve``: the store as a SPARQL 1.1 Protocol endpoint, for YASGUI and other clients.

Routes: ``/query`` (GET ``?query=``, POST ``application/sparql-query`` or a form with
``query=``) and ``/update`` (POST ``application/sparql-update`` or a form with ``update=``).
Queries read what ``kg sparql`` reads: the union of the article graphs, kg prefixes
predeclared, named graphs reachable with ``GRAPH``. Results are written by pyoxigraph's own
serialisers in the format the ``Accept`` header asks for: SPARQL JSON, XML, CSV or TSV for
SELECT/ASK; Turtle, N-Triples, N-Quads, RDF/XML or JSON-LD for CONSTRUCT/DESCRIBE. CORS
headers let a page from any origin (YASGUI in a browser) call it.

Read-only unless ``allow_update``: then ``/update`` answers 403, and an update sent to
``/query`` is refused by the same first-keyword test ``kg sparql`` uses (403 read-only, 400
when updates are allowed but belong at ``/update``). A read-only server opens the store
read-only, so ``kg ingest`` can write meanwhile. A read-only handle sees the store as it was
when opened (pyoxigraph does not follow a writer), so before each query the server compares
the store's data files (names, sizes, times) with those it opened and reopens when a writer
changed them: a query sees every article written before it arrived. With ``allow_update``
the server holds the write lock itself and ingest waits for it.

Why the standard library's ``ThreadingHTTPServer`` rather than a web framework: the protocol
is two routes and content negotiation; a framework would be a new dependency for no
behaviour. One thread per request keeps a slow query from blocking the others (pyoxigraph's
store is safe to share between threads). It binds to 127.0.0.1 by default: the endpoint has
no authentication, so exposing it is the user's explicit choice (``--bind 0.0.0.0:PORT``).
"""

from __future__ import annotations

import io
import os
import socket
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.errors import KgError, QueryError, ServeError, UsageError
from kg.sparql import QueryKind, is_update, query_kind, run_sparql
from kg.store import EXPORT_PREFIXES, KgStore, Triples, one_line

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
# A query or update body larger than this is refused (413): no client needs more, and it
# bounds what one request can make the server hold.
MAX_BODY = 10 * 1024 * 1024

# Offered media types, the server's preference first (used when Accept allows several).
RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}
_CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, Accept, Authorization",
    "Access-Control-Max-Age": "86400",
}


def parse_bind(text: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:PORT`` for IPv6, ``:PORT`` for the default host) as a pair.

    >>> parse_bind("127.0.0.1:7878"), parse_bind(":8000"), parse_bind("[::1]:9000")
    (('127.0.0.1', 7878), ('127.0.0.1', 8000), ('::1', 9000))
    """
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise UsageError(f"--bind {text!r}: give HOST:PORT, e.g. 127.0.0.1:7878")
    host = host.strip("[]") or DEFAULT_HOST
    return host, int(port)


def negotiate(accept: str | None, offered: Sequence[str]) -> str | None:
    """The offered media type the ``Accept`` header ranks highest (None: none acceptable).

    >>> negotiate("text/csv;q=0.5, application/sparql-results+json", list(RESULT_TYPES))
    'application/sparql-results+json'
    >>> negotiate("text/*", list(RESULT_TYPES)), negotiate(None, ["a/b", "c/d"])
    ('text/csv', 'a/b')
    """
    if not accept or not accept.strip():
        return offered[0]
    ranges: list[tuple[str, str, float]] = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        kind, _, sub = fields[0].lower().partition("/")
        q = 1.0
        for f in fields[1:]:
            name, _, value = f.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((kind, sub or "*", q))
    best, best_q = None, 0.0
    for media in offered:
        kind, _, sub = media.partition("/")
        # the most specific range that matches decides this type's q
        matches = [((r[0] != "*") + (r[1] != "*"), r[2]) for r in ranges
                   if r[0] in ("*", kind) and r[1] in ("*", sub)]
        if matches and (q := max(matches)[1]) > best_q:
            best, best_q = media, q
    return best


@dataclass(frozen=True)
class Response:
    """What one request answers: status, content type and body."""

    status: int
    content_type: str
    body: bytes


def _text(status: int, message: str) -> Response:
    return Response(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode())


class Endpoint:
    """The store behind the server: answers query and update texts (no HTTP here)."""

    def __init__(self, store_path: Path | None, *, allow_update: bool = False,
                 wait: float = 0.0) -> None:
        self.allow_update = allow_update
        self._lock = threading.Lock()
        self._store = KgStore.open(store_path, read_only=not allow_update, wait=wait)
        assert self._store.path is not None  # opened from a folder, never in memory
        self.path: Path = self._store.path
        self._signature = _signature(self.path)

    def close(self) -> None:
        with self._lock:
            self._store.close()

    def store(self) -> KgStore:
        """The store to query: reopened read-only when a writer changed its files since."""
        with self._lock:
            if not self.allow_update:
                now = _signature(self.path)
                if now != self._signature:
                    self._store = KgStore.open(self.path, read_only=True)
                    self._signature = now
            return self._store

    def query(self, text: str, accept: str | None) -> Response:
        """Answer a query in the negotiated format; updates and bad queries are refused."""
        if query_kind(text) is QueryKind.UPDATE:
            if not self.allow_update:
                return _text(403, "this server is read-only: updates are refused "
                                  "(restart it with `kg serve --allow-update`)")
            return _text(400, "this is an update; POST it to /update")
        try:
            outcome = run_sparql(self.store(), text)
        except KgError as err:
            return _text(400, str(err))
        result = outcome.result
        offered = GRAPH_TYPES if isinstance(result, Triples) else RESULT_TYPES
        media = negotiate(accept, list(offered))
        if media is None:
            return _text(406, f"cannot answer in {accept}; acceptable: {', '.join(offered)}")
        buffer = io.BytesIO()
        try:  # serialised before anything is sent: an error becomes a status, not half a body
            if isinstance(result, Triples):
                fmt = GRAPH_TYPES[media]
                prefixes = EXPORT_PREFIXES if fmt == ox.RdfFormat.TURTLE else None
                ox.serialize(iter(result), buffer, fmt, prefixes=prefixes)
            elif result is not None:
                result.serialize(buffer, RESULT_TYPES[media])
        except (OSError, RuntimeError, SyntaxError) as err:
            return _text(400, str(QueryError(f"the SPARQL query failed: {one_line(err)}")))
        return Response(200, f"{media}; charset=utf-8", buffer.getvalue())

    def update(self, text: str) -> Response:
        """Run an update (only with ``allow_update``); 204 when done."""
        if not self.allow_update:
            return _text(403, "this server is read-only: updates are refused "
                              "(restart it with `kg serve --allow-update`)")
        if not text.strip() or not is_update(text):
            return _text(400, "this is not a SPARQL update; send queries to /query")
        try:
            run_sparql(self.store(), text, allow_update=True)
        except KgError as err:
            return _text(400, str(err))
        return Response(204, "text/plain", b"")


def _signature(path: Path) -> tuple[tuple[str, int, int], ...]:
    """The store's data files as (name, size, mtime): what changes when a writer commits.

    RocksDB's info log (LOG*) and LOCK are left out: opening read-only may touch them.
    """
    try:
        entries = list(os.scandir(path))
    except OSError:
        return ()
    return tuple(sorted(
        (e.name, st.st_size, st.st_mtime_ns) for e in entries
        if not e.name.startswith(("LOG", "LOCK")) and (st := e.stat())
    ))


def _form(body: bytes, field: str) -> str | None:
    values = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True).get(field)
    return values[0] if values else None


class _Handler(BaseHTTPRequestHandler):
    """HTTP in, :class:`Endpoint` calls, HTTP out."""

    server: Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        if self.server.log is not None:
            self.server.log(f"{self.address_string()} {format % args}")

    def _send(self, response: Response) -> None:
        self.send_response(response.status)
        for name, value in _CORS.items():
            self.send_header(name, value)
        if response.status == 204:
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        if response.status == 200:
            self.send_header("Vary", "Accept")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    def _body(self) -> bytes | Response:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return _text(400, "bad Content-Length")
        if length > MAX_BODY:
            return _text(413, f"the request body is over {MAX_BODY:,} bytes")
        return self.rfile.read(length) if length > 0 else b""

    def _guarded(self, answer: Callable[[], Response]) -> None:
        try:
            response = answer()
        except Exception as err:  # a bug: answer 500 and keep serving the others
            response = _text(500, f"internal error ({type(err).__name__}: {err}); please report it")
        self._send(response)

    def do_OPTIONS(self) -> None:
        self._send(Response(204, "text/plain", b""))

    def do_GET(self) -> None:
        self._guarded(self._get)

    def do_HEAD(self) -> None:
        self._guarded(self._get)

    def do_POST(self) -> None:
        self._guarded(self._post)

    def _get(self) -> Response:
        url = urlsplit(self.path)
        if url.path == "/query":
            params = parse_qs(url.query, keep_blank_values=True)
            if "query" not in params:
                return _text(400, "give the query as ?query=...")
            return self._query(params["query"][0], params)
        if url.path in ("/", ""):
            mode = "read-write" if self.server.endpoint.allow_update else "read-only"
            return _text(200, f"kg SPARQL 1.1 endpoint ({mode}) over {self.server.endpoint.path}"
                              "\nQueries: GET /query?query=... or POST /query\n"
                              "Updates: POST /update (only with kg serve --allow-update)")
        if url.path == "/update":
            return _text(405, "POST updates to /update")
        return _text(404, f"no {url.path} here; use /query or /update")

    def _post(self) -> Response:
        url = urlsplit(self.path)
        if url.path not in ("/query", "/update"):
            return _text(404, f"no {url.path} here; use /query or /update")
        body = self._body()
        if isinstance(body, Response):
            return body
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        field = "query" if url.path == "/query" else "update"
        if ctype == f"application/sparql-{field}":
            text: str | None = body.decode("utf-8", errors="replace")
        elif ctype == "application/x-www-form-urlencoded":
            text = _form(body, field)
            if text is None:
                return _text(400, f"the form has no {field}= field")
        else:
            return _text(415, f"POST application/sparql-{field} or a form with {field}=")
        assert text is not None
        if url.path == "/update":
            return self.server.endpoint.update(text)
        return self._query(text, parse_qs(url.query))

    def _query(self, text: str, params: dict[str, list[str]]) -> Response:
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            return _text(400, "default-graph-uri and named-graph-uri are not supported: "
                              "name graphs in the query with FROM or GRAPH")
        return self.server.endpoint.query(text, self.headers.get("Accept"))


class Server(ThreadingHTTPServer):
    """The HTTP server, holding the endpoint and where to log requests."""

    daemon_threads = True  # Ctrl-C must not wait for a client that keeps a connection open

    def __init__(self, address: tuple[str, int], endpoint: Endpoint,
                 log: Callable[[str], None] | None = None) -> None:
        self.endpoint = endpoint
        self.log = log
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else str(host)
        shown = f"[{name}]" if ":" in name else name
        return f"http://{shown}:{port}/query"


def make_server(
    store_path: Path | None, bind: str = f"{DEFAULT_HOST}:{DEFAULT_PORT}", *,
    allow_update: bool = False, wait: float = 0.0, log: Callable[[str], None] | None = None,
) -> Server:
    """Open the store and listen on ``bind`` (port 0: any free port); call ``serve_forever``.

    Raises StoreError when the store cannot be opened, ServeError when the address is taken.
    """
    host, port = parse_bind(bind)
    endpoint = Endpoint(store_path, allow_update=allow_update, wait=wait)
    try:
        return Server((host, port), endpoint, log)
    except OSError as err:
        endpoint.close()
        raise ServeError(
            f"cannot listen on {host}:{port}: {one_line(err)}; "
            "pass another --bind HOST:PORT (port 0 picks a free one)"
        ) from None
