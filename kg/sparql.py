"""``kg sparql``: run a user's SPARQL over the store and write the result in a standard form.

Queries read the union of all article graphs (named graphs stay reachable with ``GRAPH``),
with the kg prefixes predeclared so ``kgo:host`` works without a PREFIX line. SELECT and
ASK results are written in the SPARQL 1.1 result formats (JSON, CSV, TSV) by pyoxigraph's
own serialisers, so any SPARQL tool reads them; CONSTRUCT and DESCRIBE write RDF.

Updates change the store, so they are refused unless the caller opts in. They act on the
stored dataset, not the union view: every triple lives in an article's graph, so an update
reaches it with ``GRAPH ?g { ... }`` (the default graph is empty). Whether a text is
an update is decided from its first keyword after the prologue (BASE/PREFIX declarations and
comments skipped, ``\\u`` escapes decoded first as the SPARQL grammar does): a comment or a
prefix IRI mentioning "INSERT" does not fool it. And the decision is only the first of two
locks: a text not taken for an update is run as a query (pyoxigraph's ``query``, or a
SPARQL Protocol query request), which never executes an update (``SELECT ... ; DROP ALL``
fails to parse), on a store opened read-only. A request of several operations is one update:
refused whole without ``--allow-update``. The same holds for the embedded store and a SPARQL
server (``--endpoint``): both are a :class:`kg.store.base.Store`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import BinaryIO

import pyoxigraph as ox

from kg import vocab
from kg.errors import QueryError, UsageError
from kg.formats import RESULT_FORMATS, RdfFormat, RowFormat
from kg.store.base import EXPORT_PREFIXES, QueryResult, Store, Triples, one_line

_UPDATE_KEYWORDS = frozenset(
    {"insert", "delete", "load", "clear", "create", "drop", "copy", "move", "add", "with"}
)
# Prologue tokens: whitespace, comments, BASE <iri>, PREFIX pname: <iri>.
_PROLOGUE = re.compile(
    r"""(?:\s+|\#[^\n]*(?:\n|$)
        |(?i:base)\s*<[^>\s]*>
        |(?i:prefix)\s*[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7-\uFFFF]*?\s*:\s*<[^>\s]*>
        |(?i:prefix)\s*:\s*<[^>\s]*>)""",
    re.X,
)
_KEYWORD = re.compile(r"[A-Za-z]+")
# SPARQL 1.1 section 19.2: \uXXXX and \UXXXXXXXX are decoded before the text is parsed.
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _decode_codepoints(text: str) -> str:
    """The text as the SPARQL parser reads it: ``\\u0044ROP`` is ``DROP``."""

    def char(m: re.Match[str]) -> str:
        try:
            return chr(int(m.group(1) or m.group(2), 16))
        except (ValueError, OverflowError):
            return m.group(0)

    return _CODEPOINT.sub(char, text)


class QueryKind(StrEnum):
    """What a SPARQL text is, by its first keyword after the prologue."""

    SELECT = "select"
    ASK = "ask"
    CONSTRUCT = "construct"
    DESCRIBE = "describe"
    UPDATE = "update"
    UNKNOWN = "unknown"  # not a keyword we know: let the parser produce the error


def query_kind(text: str) -> QueryKind:
    """Classify a SPARQL text without executing it.

    >>> query_kind("# INSERT in a comment\\nPREFIX ins: <http://x/insert#> SELECT * { ?s ?p ?o }")
    <QueryKind.SELECT: 'select'>
    >>> query_kind("prefix : <http://x/> delete where { ?s ?p ?o }")
    <QueryKind.UPDATE: 'update'>
    """
    text = _decode_codepoints(text)
    pos = 0
    while True:
        m = _PROLOGUE.match(text, pos)
        if m is None or m.end() == pos:
            break
        pos = m.end()
    word = _KEYWORD.match(text, pos)
    if word is None:
        return QueryKind.UNKNOWN
    kw = word.group(0).lower()
    if kw in _UPDATE_KEYWORDS:
        return QueryKind.UPDATE
    try:
        return QueryKind(kw)
    except ValueError:
        return QueryKind.UNKNOWN


def is_update(text: str) -> bool:
    """Whether ``text`` is a SPARQL update (the CLI opens the store for writing only then)."""
    return query_kind(text) is QueryKind.UPDATE


@dataclass
class SparqlResult:
    """The outcome of one query: a pyoxigraph result (solutions are read once, while the
    store is open) or the triples of a CONSTRUCT/DESCRIBE.

    ``result`` is None for an update. Use :func:`write_result` or :meth:`table`.
    """

    kind: QueryKind
    result: QueryResult | None

    def table(self) -> tuple[list[str], Iterator[list[str]]]:
        """Column names and rows of display strings (prefixed IRIs, lexical literals).

        Rows are computed lazily; an evaluation error while reading them is a QueryError.
        """
        res = self.result
        if isinstance(res, ox.QuerySolutions):
            names = [v.value for v in res.variables]
            return names, _guarded([display(sol[n]) for n in names] for sol in res)
        if isinstance(res, ox.QueryBoolean):
            return ["boolean"], iter([["true" if bool(res) else "false"]])
        if isinstance(res, Triples):
            return ["subject", "predicate", "object"], _guarded(
                [display(t.subject), display(t.predicate), display(t.object)] for t in res
            )
        return ["result"], iter([["update done"]])


def _guarded(rows: Iterator[list[str]]) -> Iterator[list[str]]:
    """Turn pyoxigraph's evaluation errors (raised while iterating, as is a server's
    malformed result) into QueryError."""
    try:
        yield from rows
    except (OSError, RuntimeError, SyntaxError) as err:
        raise QueryError(f"the SPARQL query failed: {one_line(err)}") from None


_PREFIX_ORDER = sorted(vocab.PREFIXES.items(), key=lambda kv: -len(kv[1]))


def display(term: object | None) -> str:
    """A term for people: IRIs shortened with the kg prefixes, literals as their text.

    >>> display(ox.NamedNode("https://w3id.org/kg-health/ontology#host"))
    'kgo:host'
    >>> display(ox.Literal("2021-09", datatype=ox.NamedNode(vocab.XSD + "gYearMonth")))
    '2021-09'
    """
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, ns in _PREFIX_ORDER:
            if term.value.startswith(ns):
                return f"{prefix}:{term.value[len(ns):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def run_sparql(store: Store, text: str, *, allow_update: bool = False) -> SparqlResult:
    """Run ``text`` on ``store``; updates only with ``allow_update`` (and a writable store).

    >>> from kg.store import KgStore
    >>> bool(run_sparql(KgStore.memory(), "ASK { ?s kgo:host ?o }").result)
    False
    """
    if not text.strip():
        raise UsageError("the SPARQL query is empty; give it as an argument or with --file")
    kind = query_kind(text)
    if kind is QueryKind.UPDATE:
        if not allow_update:
            raise UsageError(
                "this is a SPARQL update, which changes the store; "
                "pass --allow-update to run it"
            )
        if store.read_only:
            raise UsageError("updates need the store opened for writing")
        store.update(text)
        return SparqlResult(kind, None)
    result = store.query(text)
    if isinstance(result, ox.QueryBoolean):
        kind = QueryKind.ASK
    elif isinstance(result, Triples):
        kind = kind if kind is QueryKind.DESCRIBE else QueryKind.CONSTRUCT
    else:
        kind = QueryKind.SELECT
    return SparqlResult(kind, result)


def write_result(
    outcome: SparqlResult,
    fmt: RowFormat,
    out: BinaryIO,
    *,
    graph_format: RdfFormat = RdfFormat.ttl,
) -> None:
    """Write a result in a standard encoding.

    SELECT/ASK: SPARQL 1.1 JSON, CSV or TSV results (``fmt``); CONSTRUCT/DESCRIBE: RDF in
    ``graph_format`` (N-Triples or Turtle; ``fmt`` does not apply). ``table`` is for the
    CLI to draw from :meth:`SparqlResult.table`.
    """
    res = outcome.result
    if isinstance(res, Triples) and graph_format.keeps_graphs and (
        graph_format is not RdfFormat.jsonld
    ):
        raise UsageError(
            f"a CONSTRUCT result is triples; use --graph-format nt, ttl or jsonld, "
            f"not {graph_format.value}"
        )
    if res is not None and not isinstance(res, Triples) and fmt not in RESULT_FORMATS:
        raise ValueError("the table format is drawn by the CLI")
    # Serialised in memory first: an evaluation error half-way must not leave half a
    # JSON document on stdout for a script to choke on.
    buffer = io.BytesIO()
    try:
        if isinstance(res, Triples):
            prefixes = EXPORT_PREFIXES if graph_format is RdfFormat.ttl else None
            ox.serialize(res.triples, buffer, graph_format.ox, prefixes=prefixes)
        elif res is not None:
            res.serialize(buffer, RESULT_FORMATS[fmt])
    except (OSError, RuntimeError) as err:
        raise QueryError(f"the SPARQL query failed: {one_line(err)}") from None
    out.write(buffer.getvalue())
    out.flush()
