"""The one store interface every command uses, and what its implementations share.

Why a Protocol: kg runs on an embedded pyoxigraph store (:mod:`kg.store.embedded`) or on any
SPARQL 1.1 server (:mod:`kg.store.remote`), and query code must not care which. Everything
a command needs from a store is here: SELECT/ASK/CONSTRUCT with bound values, a user's
query of any form, the quads of a pattern, updates, replacing named graphs atomically,
dropping and listing graphs, dumping, bulk loading. Higher-level operations (article
listings, statistics, imports, exports, entity resolution) are functions over this
interface, written once.

Results are pyoxigraph's own terms and solution objects on both sides (the remote store
parses the server's SPARQL JSON results with ``pyoxigraph.parse_query_results``), so query
code reads ``row["n"].value`` whatever the store.

Bound values never enter a query as text written by hand: they are terms (``NamedNode``,
``Literal``) serialised in their N-Triples form, which is valid SPARQL, into a ``VALUES``
block placed first inside the query's WHERE group (:func:`with_values`); the embedded store
may bind single values with pyoxigraph's substitutions instead, to the same effect.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, Protocol, Self
from urllib.parse import unquote

import pyoxigraph as ox

from kg import vocab
from kg.formats import RdfFormat

# A value bound into a query. Blank nodes cannot be (VALUES has no syntax for them).
Bound = ox.NamedNode | ox.Literal
Bindings = Mapping[str, Bound]
# Subjects and objects of stored quads.
Subject = ox.NamedNode | ox.BlankNode | ox.Triple
Object = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

# Prefixes written into Turtle/TriG output. ``kg:`` is left out: entity IRIs have slashes
# (kg:hospital/x), which Turtle can only write escaped (kg:hospital\/x); full IRIs read better.
EXPORT_PREFIXES = {k: v for k, v in vocab.PREFIXES.items() if k != "kg"}

_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class Values:
    """Rows of values for some variables: ``VALUES (?a ?b) { (x y) ... }`` (None is UNDEF).

    How a batch of nodes or facts goes into one query instead of one query each.

    >>> Values.column("n", [ox.NamedNode("http://x/a"), ox.NamedNode("http://x/b")]).sparql()
    'VALUES ?n { <http://x/a> <http://x/b> }'
    """

    variables: tuple[str, ...]
    rows: tuple[tuple[Bound | None, ...], ...]

    @staticmethod
    def column(variable: str, terms: Iterable[Bound]) -> Values:
        """One variable, one row per term."""
        return Values((variable,), tuple((t,) for t in terms))

    @staticmethod
    def of(bindings: Bindings) -> Values:
        """One row binding each variable of ``bindings``."""
        return Values(tuple(bindings), (tuple(bindings.values()),))

    def sparql(self) -> str:
        """The VALUES block; variable names are checked, terms written as N-Triples."""
        for name in self.variables:
            if not _VARIABLE.match(name):
                raise ValueError(f"not a SPARQL variable name: {name!r}")
        for row in self.rows:
            if len(row) != len(self.variables):
                raise ValueError(f"a VALUES row of {len(row)} terms for {len(self.variables)} variables")
        if len(self.variables) == 1:
            terms = " ".join(_term(row[0]) for row in self.rows)
            return f"VALUES ?{self.variables[0]} {{ {terms} }}"
        head = " ".join(f"?{v}" for v in self.variables)
        rows = " ".join("(" + " ".join(_term(t) for t in row) + ")" for row in self.rows)
        return f"VALUES ({head}) {{ {rows} }}"


def _term(term: Bound | None) -> str:
    if term is None:
        return "UNDEF"
    if not isinstance(term, ox.NamedNode | ox.Literal):
        raise ValueError(f"only IRIs and literals can be bound, not {term!r}")
    return str(term)  # N-Triples form: IRIs in <>, strings escaped; valid SPARQL


# Tokens of SPARQL text that matter when looking for the WHERE group: strings, IRIs and
# comments are skipped whole, so a brace or a keyword inside them is never taken for one.
_TOKEN = re.compile(
    r'''(?P<skip>\s+|\#[^\n]*
        |"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
        |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'
        |<[^<>"{}|^`\\\s]*>)
      |(?P<word>[A-Za-z_][A-Za-z0-9_]*)
      |(?P<open>\{)|(?P<close>\})|(?P<other>.)''',
    re.X | re.S,
)


def where_group(query: str) -> int:
    """The offset just after the ``{`` that opens the query's WHERE group.

    The first brace of a SELECT/ASK/DESCRIBE; in a CONSTRUCT, the brace after the
    template (or after WHERE in the short form). Raises ValueError when there is none.

    >>> q = 'CONSTRUCT { ?s ?p "}" } WHERE { ?s ?p ?o }'
    >>> q[where_group(q):]
    ' ?s ?p ?o }'
    """
    construct = False
    template_skipped = False
    previous = ""
    pos = 0
    while pos < len(query):
        m = _TOKEN.match(query, pos)
        assert m is not None  # ``other`` matches any character
        pos = m.end()
        if m.group("skip"):
            previous = ""  # ``ex:where`` has nothing between its parts
            continue
        word = m.group("word")
        if word is not None:
            keyword = previous not in (":", "?", "$") and not query.startswith(":", pos)
            if keyword and word.lower() == "construct":
                construct = True
            elif keyword and word.lower() == "where":
                construct = False  # the next brace is the WHERE group, template or not
            previous = word
            continue
        if m.group("open"):
            if construct and not template_skipped:
                pos = _skip_group(query, pos)
                template_skipped = True
                previous = "}"
                continue
            return pos
        previous = m.group(0)
    raise ValueError("the query has no WHERE group")


def substitutable(query: str, names: Iterable[str]) -> bool:
    """Whether pyoxigraph can bind ``names`` by substitution in ``query``.

    It can in ASK and CONSTRUCT queries and in a SELECT that projects every one of them
    (``SELECT *`` or the variable listed, not only used inside an expression); otherwise it
    refuses ("does not contain variable in its SELECT projection") and the values go in as
    a VALUES block instead.

    >>> substitutable("SELECT ?n ?l WHERE { ?n rdfs:label ?l }", ["l"])
    True
    >>> substitutable("SELECT (COUNT(?n) AS ?c) WHERE { ?n rdfs:label ?l }", ["l"])
    False
    """
    wanted = set(names)
    projected: set[str] = set()
    depth = 0
    form = ""
    previous = ""
    pos = 0
    while pos < len(query):
        m = _TOKEN.match(query, pos)
        assert m is not None
        pos = m.end()
        text = m.group(0)
        if m.group("skip"):
            previous = ""
            continue
        word = m.group("word")
        if word is not None and not form and previous not in (":", "?", "$"):
            if word.lower() in ("ask", "construct"):
                return True
            if word.lower() in ("select", "describe"):
                form = word.lower()
        elif word is not None and form == "select" and previous in ("?", "$"):
            if depth == 0 or _after_as(query, m.start() - 1):
                projected.add(word)
        elif word is not None and form and word.lower() in ("where", "from"):
            break
        elif text == "*" and form == "select" and depth == 0:
            return True
        elif text == "(":
            depth += 1
        elif text == ")":
            depth -= 1
        elif m.group("open"):
            break
        previous = text
    return form == "select" and wanted <= projected


def _after_as(query: str, var_start: int) -> bool:
    """Whether the variable starting at ``var_start`` follows ``AS`` (an expression's name)."""
    return query[:var_start].rstrip()[-2:].lower() == "as"


def _skip_group(query: str, pos: int) -> int:
    """The offset after the ``}`` closing the group whose ``{`` ends just before ``pos``."""
    depth = 1
    while pos < len(query):
        m = _TOKEN.match(query, pos)
        assert m is not None
        pos = m.end()
        if m.group("open"):
            depth += 1
        elif m.group("close"):
            depth -= 1
            if depth == 0:
                return pos
    raise ValueError("unbalanced braces in the query")


def with_values(query: str, values: Values | None) -> str:
    """``query`` with ``values`` as the first element of its WHERE group.

    >>> with_values("SELECT ?l WHERE { ?n rdfs:label ?l }",
    ...             Values.of({"n": ox.NamedNode("http://x/a")}))
    'SELECT ?l WHERE { VALUES ?n { <http://x/a> } ?n rdfs:label ?l }'
    """
    if values is None:
        return query
    at = where_group(query)
    return f"{query[:at]} {values.sparql()}{query[at:]}"


def prologue() -> str:
    """The kg prefixes as one line of PREFIX declarations (line numbers of errors stay)."""
    return " ".join(f"PREFIX {k}: <{v}>" for k, v in vocab.PREFIXES.items()) + " "


@dataclass(frozen=True)
class Triples:
    """The graph a CONSTRUCT or DESCRIBE returned, read whole (so a failure is raised at once)."""

    triples: list[ox.Triple]

    def __iter__(self) -> Iterator[ox.Triple]:
        return iter(self.triples)

    def __len__(self) -> int:
        return len(self.triples)


QueryResult = ox.QuerySolutions | ox.QueryBoolean | Triples


class Store(Protocol):
    """What kg needs from a store; :class:`kg.store.KgStore` and :class:`kg.store.RemoteStore`.

    Queries read the union of the named graphs (every triple lives in an article's graph),
    with the kg prefixes predeclared. ``bindings`` bind single values; ``values`` binds rows.
    """

    @property
    def read_only(self) -> bool:
        """Whether writes are refused (queries open stores read-only)."""
        ...

    @property
    def where(self) -> str:
        """The store for messages: ``the store at PATH`` or ``the SPARQL endpoint URL``."""
        ...

    def select(
        self, query: str, bindings: Bindings | None = None, *, values: Values | None = None
    ) -> ox.QuerySolutions:
        """The solutions of a SELECT query."""
        ...

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        """The answer of an ASK query."""
        ...

    def construct(
        self, query: str, bindings: Bindings | None = None, *, values: Values | None = None
    ) -> list[ox.Triple]:
        """The triples of a CONSTRUCT or DESCRIBE query."""
        ...

    def query(self, text: str) -> QueryResult:
        """A user's query of any form (``kg sparql``); never an update."""
        ...

    def quads(
        self,
        subject: Subject | None = None,
        predicate: ox.NamedNode | None = None,
        obj: Object | None = None,
        graph: ox.NamedNode | None = None,
    ) -> Iterator[ox.Quad]:
        """The stored quads matching a pattern (None matches anything), named graphs only."""
        ...

    def update(self, text: str) -> None:
        """Run a SPARQL update (all its operations in one request / transaction)."""
        ...

    def replace_graphs(self, graphs: Iterable[ox.NamedNode], quads: Iterable[ox.Quad]) -> None:
        """Drop ``graphs`` and write ``quads`` (all in named graphs) as one atomic update."""
        ...

    def drop_graph(self, graph: ox.NamedNode) -> None:
        """Remove a named graph and its quads (nothing happens when it is absent)."""
        ...

    def graphs(self) -> list[str]:
        """The IRIs of the named graphs."""
        ...

    def dump_dataset(self, out: BinaryIO, fmt: RdfFormat) -> None:
        """Every quad, in a format that keeps graphs (N-Quads, TriG, JSON-LD)."""
        ...

    def dump(self, fmt: RdfFormat, out: BinaryIO, graph: str | None = None) -> None:
        """The store (or one article's graph) in ``fmt``: :func:`kg.store.transfer.dump`."""
        ...

    def bulk_load(
        self, path: Path, fmt: RdfFormat, to_graph: ox.NamedNode, drop: Sequence[ox.NamedNode]
    ) -> None:
        """Drop ``drop``, then load a big file fast, triples outside a graph into ``to_graph``.

        Not atomic (a crash can leave it half done); for files too big for one update.
        """
        ...

    def close(self) -> None:
        """Release the store (the embedded store's write lock)."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


def one_line(err: Exception) -> str:
    """An error's message on one line (pyoxigraph puts the line and column in it).

    Long "expected one of ..." character lists are cut: the position is what helps.
    """
    text = " ".join(str(err).split())
    return text if len(text) <= 200 else text[:200].rstrip() + " ..."


def doc_name(graph_iri: str) -> str:
    """The article name of a graph IRI (``kgdoc:000.txt`` -> ``000.txt``); other IRIs as is.

    >>> doc_name("https://w3id.org/kg-health/doc/a%20b.txt")
    'a b.txt'
    """
    if graph_iri.startswith(vocab.DOC):
        return unquote(graph_iri[len(vocab.DOC):])
    return graph_iri


def insert_data(graphs: Iterable[ox.NamedNode], quads: Iterable[ox.Quad]) -> str:
    """``DROP SILENT GRAPH <g> ; ... ; INSERT DATA { GRAPH <g> { ... } }`` as one update text.

    Terms are written in their N-Triples form, which is valid SPARQL (strings escaped, so no
    value can end the literal or the block early). Every quad must be in a named graph.
    """
    operations = [f"DROP SILENT GRAPH {g}" for g in dict.fromkeys(graphs)]
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        if not isinstance(q.graph_name, ox.NamedNode):
            raise ValueError(f"quad outside a named graph: {q}")
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    if by_graph:
        blocks = "\n".join(f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items())
        operations.append(f"INSERT DATA {{\n{blocks}\n}}")
    return " ;\n".join(operations)
