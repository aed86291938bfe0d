"""The on-disk store: a pyoxigraph (RocksDB) quad store with one named graph per article.

Why a thin class over pyoxigraph rather than pyoxigraph itself everywhere: the store has
rules that every caller would otherwise repeat -- queries read the union of the article
graphs with the kg prefixes predeclared; read-only opening must not create a folder or
take the write lock (so queries run while an ingest writes); a missing store, a locked
store and a malformed file are user errors with a next step, not tracebacks; replacing an
article is "drop its graph, write the new one" as one SPARQL update, which pyoxigraph runs
in one RocksDB transaction: a crash (even ``kill -9``) leaves the old graph or the new one,
never none and never half. The folder also records the version of its layout
(:data:`LAYOUT_FILE`), so a store written by an incompatible kg is refused with what to do.

rdflib is never imported here: every query command goes through this module.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, Self
from urllib.parse import unquote

import pyoxigraph

from kg import __version__, config, vocab
from kg.errors import EntityNotFoundError, InputError, QueryError, StoreError
from kg.formats import RdfFormat
from kg.records import EntityType
from kg.resolve import KnownEntity

# Files up to this size are parsed into memory and written in one transaction; bigger ones
# are validated by a streaming parse first, then bulk-loaded (RocksDB SST files, low memory).
BULK_THRESHOLD_BYTES = 32 * 1024 * 1024

_ENTITY_CLASSES = tuple(t.value for t in EntityType)
_VALUES_ENTITY_CLASSES = " ".join(f"kgo:{c}" for c in _ENTITY_CLASSES)
_VALUES_ENTITY_ONLY = " ".join(f"kgo:{c}" for c in _ENTITY_CLASSES if c != "Agreement")
_VALUES_RELATIONS = " ".join(f"kgo:{r}" for r in vocab.RELATIONS)

# Prefixes written into Turtle/TriG output. ``kg:`` is left out: entity IRIs have slashes
# (kg:hospital/x), which Turtle can only write escaped (kg:hospital\/x); full IRIs read better.
EXPORT_PREFIXES = {k: v for k, v in vocab.PREFIXES.items() if k != "kg"}

# The version of the store's layout (what the graphs hold and how they are named). Bump it when
# a change makes older stores unreadable by newer code or the reverse, and register the
# migration from the previous layout in MIGRATIONS. A store written before the layout was
# recorded (no LAYOUT_FILE) has layout 1: nothing changed since.
LAYOUT_VERSION = 1
LAYOUT_FILE = "KG_LAYOUT"  # beside RocksDB's files; RocksDB ignores names it does not own
# Migrations by the layout they start from: MIGRATIONS[n] turns layout n into n + 1.
MIGRATIONS: dict[int, Callable[[pyoxigraph.Store], None]] = {}
# How often a writer waiting for the lock tries again.
LOCK_POLL_SECONDS = 0.2

Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal | pyoxigraph.Triple


@dataclass(frozen=True)
class ArticleInfo:
    """One article (named graph) in the store, as ``kg docs`` lists it."""

    name: str
    iri: str
    sha256: str | None
    title: str | None
    published: date | None
    ingested_at: datetime | None
    entities: int
    facts: int
    agreements: int


@dataclass(frozen=True)
class StoreStats:
    """Sizes of the store: ``kg stats``."""

    articles: int
    quads: int
    triples: int  # distinct triples of the union graph
    entities: int  # distinct nodes typed with an entity class (agreements apart)
    agreements: int
    by_type: dict[str, int] = field(default_factory=dict)  # class local name -> nodes
    by_relation: dict[str, int] = field(default_factory=dict)  # relation -> distinct triples


@dataclass(frozen=True)
class ImportResult:
    """What ``kg import`` wrote: the graphs it replaced and how many quads it loaded."""

    path: str
    format: RdfFormat
    graphs: list[str]
    quads: int


@dataclass(frozen=True)
class MigrationResult:
    """What ``kg migrate`` did: the layout found, the layout now, the steps run."""

    path: str
    from_layout: int
    to_layout: int
    steps: list[str]


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _value(term: object | None) -> str | None:
    """The lexical value of a term from a query solution, or None when unbound."""
    if term is None:
        return None
    return str(getattr(term, "value", term))


def _parse_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _parse_datetime(text: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def doc_name(graph_iri: str) -> str:
    """The article name of a graph IRI (``kgdoc:000.txt`` -> ``000.txt``); other IRIs as is.

    >>> doc_name("https://w3id.org/kg-health/doc/a%20b.txt")
    'a b.txt'
    """
    if graph_iri.startswith(vocab.DOC):
        return unquote(graph_iri[len(vocab.DOC):])
    return graph_iri


def one_line(err: Exception) -> str:
    """The parser's message on one line (pyoxigraph puts the line and column in it).

    Long "expected one of ..." character lists are cut: the position is what helps.
    """
    text = " ".join(str(err).split())
    return text if len(text) <= 200 else text[:200].rstrip() + " ..."


class KgStore:
    """A kg store on disk. Open with :meth:`open`; use as a context manager.

    >>> import tempfile, pathlib
    >>> with KgStore.open(pathlib.Path(tempfile.mkdtemp()) / "s", read_only=False) as st:
    ...     st.articles()
    []
    """

    def __init__(self, store: pyoxigraph.Store, path: Path, read_only: bool) -> None:
        self._store: pyoxigraph.Store | None = store
        self.path = path
        self.read_only = read_only

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
        store = _open_writable(path, wait, on_wait)
        if read_layout(path) is None:
            _write_layout(path, LAYOUT_VERSION)
        return cls(store, path, read_only=False)

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
    def ox(self) -> pyoxigraph.Store:
        """The underlying pyoxigraph store (for queries this class does not wrap)."""
        if self._store is None:
            raise StoreError(f"the store at {self.path} is closed; open it again")
        return self._store

    def _writable(self) -> pyoxigraph.Store:
        if self.read_only:
            raise StoreError(f"the store at {self.path} was opened read-only")
        return self.ox

    # ------------------------------------------------------------------ queries
    def query(
        self, query: str, substitutions: Mapping[pyoxigraph.Variable, Term] | None = None
    ) -> pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean | pyoxigraph.QueryTriples:
        """Run a SPARQL query over the union of all graphs, kg prefixes predeclared.

        Values from users go in ``substitutions``, never into the query text.
        """
        try:
            return self.ox.query(
                query,
                prefixes=vocab.PREFIXES,
                use_default_graph_as_union=True,
                substitutions=dict(substitutions) if substitutions else None,
            )
        except SyntaxError as err:
            raise QueryError(
                f"the SPARQL query does not parse: {one_line(err)}; fix it and retry"
            ) from None
        except (OSError, RuntimeError) as err:
            raise QueryError(f"the SPARQL query failed: {one_line(err)}") from None

    def select(
        self, query: str, substitutions: Mapping[pyoxigraph.Variable, Term] | None = None
    ) -> pyoxigraph.QuerySolutions:
        """Run a SELECT query (union default graph, kg prefixes) and return its solutions.

        >>> import tempfile, pathlib
        >>> with KgStore.open(pathlib.Path(tempfile.mkdtemp()) / "s", read_only=False) as st:
        ...     [s["n"].value for s in st.select("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")]
        ['0']
        """
        result = self.query(query, substitutions)
        if not isinstance(result, pyoxigraph.QuerySolutions):
            raise QueryError("select() needs a SELECT query; use query() for ASK/CONSTRUCT")
        return result

    def _rows(self, query: str) -> Iterator[list[str | None]]:
        solutions = self.select(query)
        names = [v.value for v in solutions.variables]
        for sol in solutions:
            yield [_value(sol[n]) for n in names]

    # ------------------------------------------------------------------ articles
    def article_sha256(self, name: str) -> str | None:
        """The sha256 recorded for article ``name``, or None when it is not in the store."""
        doc = pyoxigraph.NamedNode(vocab.doc_iri(name))
        sha = pyoxigraph.NamedNode(vocab.ont("sha256"))
        for q in self.ox.quads_for_pattern(doc, sha, None, doc):
            if isinstance(q.object, pyoxigraph.Literal):
                return q.object.value
        return None

    def has_graph(self, iri: str) -> bool:
        """Whether the named graph ``iri`` holds anything."""
        return bool(self.ox.contains_named_graph(pyoxigraph.NamedNode(iri)))

    def replace_article(self, name: str, quads: Iterable[pyoxigraph.Quad]) -> None:
        """Make ``quads`` the whole content of article ``name``'s graph, in one transaction.

        The new quads are materialised and checked (all in the article's graph) before the
        store is touched; then "drop the graph, insert the quads" runs as one SPARQL update,
        which pyoxigraph applies as one RocksDB transaction: a failure or a crash (``kill
        -9``) at any moment leaves either the old graph or the new one, never neither. (The
        earlier ``remove_graph`` then ``extend`` were two transactions: a kill between them
        lost the article.)
        """
        graph = pyoxigraph.NamedNode(vocab.doc_iri(name))
        new = list(quads)
        stray = next((q for q in new if q.graph_name != graph), None)
        if stray is not None:
            raise ValueError(f"quad outside the graph of {name}: {stray}")
        self.replace_graphs([graph], new)

    def replace_graphs(
        self, graphs: Iterable[pyoxigraph.NamedNode], quads: Iterable[pyoxigraph.Quad]
    ) -> None:
        """Drop ``graphs`` and write ``quads`` (all in named graphs) in one transaction.

        Written as ``DROP SILENT GRAPH <g> ; ... ; INSERT DATA { GRAPH <g> { ... } }``: one
        update request, which pyoxigraph evaluates inside a single storage transaction. When
        none of the graphs exists yet, the quads are added with ``extend``, also atomic.
        Terms are written in their N-Triples form, which is valid SPARQL (strings escaped,
        so no value can end the literal or the block early).
        """
        store = self._writable()
        graphs = list(dict.fromkeys(graphs))
        quads = list(quads)
        stray = next((q for q in quads if not isinstance(q.graph_name, pyoxigraph.NamedNode)), None)
        if stray is not None:
            raise ValueError(f"quad outside a named graph: {stray}")
        if not any(store.contains_named_graph(g) for g in graphs):
            # Nothing to drop (a new article): ``extend`` is one transaction too, and skips
            # the text round trip. Safe to decide first: this process holds the write lock.
            try:
                store.extend(quads)
            except OSError as err:
                raise StoreError(
                    f"writing to the store at {self.path} failed: {one_line(err)}; "
                    "nothing was changed; check the disk and retry"
                ) from None
            return
        operations = [f"DROP SILENT GRAPH {g}" for g in graphs]
        by_graph: dict[str, list[str]] = {}
        for q in quads:
            by_graph.setdefault(str(q.graph_name), []).append(
                f"{q.subject} {q.predicate} {q.object} ."
            )
        if by_graph:
            blocks = "\n".join(
                f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items()
            )
            operations.append(f"INSERT DATA {{\n{blocks}\n}}")
        if not operations:
            return
        try:
            store.update(" ;\n".join(operations))
        except SyntaxError as err:  # a term we wrote badly: a bug of ours, never user input
            raise RuntimeError(f"internal error: the replacement update does not parse: {err}") from err
        except OSError as err:
            raise StoreError(
                f"writing to the store at {self.path} failed: {one_line(err)}; "
                "nothing was changed; check the disk and retry"
            ) from None

    def resolve_doc(self, ref: str) -> str:
        """The graph IRI of an article given by file name or IRI; unknown -> error listing docs.

        Accepts ``000.txt``, ``kgdoc:000.txt`` or the full IRI.
        """
        if ref.startswith("kgdoc:"):
            candidates = [vocab.DOC + ref[len("kgdoc:"):], vocab.doc_iri(ref[len("kgdoc:"):])]
        elif "://" in ref:
            candidates = [ref]
        else:
            candidates = [vocab.doc_iri(ref), vocab.doc_iri(Path(ref).name)]
        for iri in candidates:
            if self.has_graph(iri):
                return iri
        known = sorted(doc_name(g.value) for g in self.ox.named_graphs())
        shown = ", ".join(known[:10]) + (f" and {len(known) - 10} more" if len(known) > 10 else "")
        raise EntityNotFoundError(
            f"no article {ref!r} in the store; known: {shown or 'none (run `kg ingest`)'}"
        )

    def remove_article(self, name: str) -> bool:
        """Drop article ``name``'s graph (by file name or graph IRI); False if it was absent."""
        store = self._writable()
        iri = name if "://" in name else vocab.doc_iri(name)
        graph = pyoxigraph.NamedNode(iri)
        if not store.contains_named_graph(graph):
            return False
        store.remove_graph(graph)
        return True

    def articles(self) -> list[ArticleInfo]:
        """Every named graph, with its article metadata (when it has an article node) and
        counts of entities, facts and agreements, sorted by name."""
        meta: dict[str, list[str | None]] = {}
        for g, sha, title, pub, at in self._rows(
            """SELECT ?g ?sha ?title ?pub ?at WHERE { GRAPH ?g {
                 ?g a kgo:Article .
                 OPTIONAL { ?g kgo:sha256 ?sha }
                 OPTIONAL { ?g dct:title ?title }
                 OPTIONAL { ?g schema:datePublished ?pub }
                 OPTIONAL { ?g prov:generatedAtTime ?at } } }"""
        ):
            if g is not None:
                meta.setdefault(g, [sha, title, pub, at])
        counts: dict[str, dict[str, int]] = {}
        for label, query in (
            ("entities", f"""SELECT ?g (COUNT(DISTINCT ?e) AS ?n) WHERE {{
                 GRAPH ?g {{ ?e a ?t }} VALUES ?t {{ {_VALUES_ENTITY_ONLY} }} }} GROUP BY ?g"""),
            ("facts", f"""SELECT ?g (COUNT(*) AS ?n) WHERE {{
                 GRAPH ?g {{ ?s ?p ?o }} VALUES ?p {{ {_VALUES_RELATIONS} }} }} GROUP BY ?g"""),
            ("agreements", """SELECT ?g (COUNT(DISTINCT ?a) AS ?n) WHERE {
                 GRAPH ?g { ?a a kgo:Agreement } } GROUP BY ?g"""),
        ):
            for g, n in self._rows(query):
                if g is not None:
                    counts.setdefault(g, {})[label] = int(n or 0)
        infos = []
        for graph in self.ox.named_graphs():
            iri = graph.value
            sha, title, pub, at = meta.get(iri, [None, None, None, None])
            c = counts.get(iri, {})
            infos.append(
                ArticleInfo(
                    name=doc_name(iri), iri=iri, sha256=sha, title=title,
                    published=_parse_date(pub), ingested_at=_parse_datetime(at),
                    entities=c.get("entities", 0), facts=c.get("facts", 0),
                    agreements=c.get("agreements", 0),
                )
            )
        return sorted(infos, key=lambda a: a.name)

    def known_entities(self) -> list[KnownEntity]:
        """Every labelled, typed entity across all graphs, for entity resolution.

        The label is the one most graphs give (ties: alphabetical); the type is the most
        specific entity class (Hospital over Organization); names are all labels and
        alternative labels.
        """
        labels: dict[str, dict[str, int]] = {}
        types: dict[str, set[str]] = {}
        for e, t in self._rows(
            f"SELECT DISTINCT ?e ?t WHERE {{ ?e a ?t VALUES ?t {{ {_VALUES_ENTITY_CLASSES} }} }}"
        ):
            if e is not None and t is not None:
                types.setdefault(e, set()).add(_local(t))
        for e, label, _g in self._rows(
            "SELECT ?e ?l ?g WHERE { GRAPH ?g { ?e rdfs:label ?l } }"
        ):
            if e in types and label is not None:
                counter = labels.setdefault(e, {})
                counter[label] = counter.get(label, 0) + 1
        alts: dict[str, set[str]] = {}
        for e, alt in self._rows("SELECT DISTINCT ?e ?a WHERE { ?e skos:altLabel ?a }"):
            if e in labels and alt is not None:
                alts.setdefault(e, set()).add(alt)
        known = []
        for iri in sorted(labels):
            counter = labels[iri]
            label = min(counter, key=lambda lab: (-counter[lab], lab))
            present = types[iri]
            implied = {s for t in present for s in vocab.SUPERCLASSES.get(t, ())}
            specific = sorted(present - implied)
            known.append(
                KnownEntity(
                    iri=iri,
                    label=label,
                    type=EntityType(specific[0]) if specific else None,
                    names=frozenset(counter) | frozenset(alts.get(iri, ())),
                )
            )
        return known

    def stats(self) -> StoreStats:
        """Counts by class and relation, articles, quads and distinct triples."""
        by_type: dict[str, int] = {}
        for t, n in self._rows(
            f"""SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a ?t
                 VALUES ?t {{ {_VALUES_ENTITY_CLASSES} }} }} GROUP BY ?t"""
        ):
            if t is not None:
                by_type[_local(t)] = int(n or 0)
        by_relation: dict[str, int] = {}
        for p, n in self._rows(
            f"""SELECT ?p (COUNT(*) AS ?n) WHERE {{
                 {{ SELECT DISTINCT ?s ?p ?o WHERE {{
                      ?s ?p ?o VALUES ?p {{ {_VALUES_RELATIONS} }} }} }}
               }} GROUP BY ?p"""
        ):
            if p is not None:
                by_relation[_local(p)] = int(n or 0)
        single = {}
        for label, query in (
            ("triples", "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }"),
            ("entities", f"""SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a ?t
                 VALUES ?t {{ {_VALUES_ENTITY_ONLY} }} }}"""),
        ):
            single[label] = int(next(self._rows(query))[0] or 0)
        return StoreStats(
            articles=sum(1 for _ in self.ox.named_graphs()),
            quads=len(self.ox),
            triples=single["triples"],
            entities=single["entities"],
            agreements=by_type.get("Agreement", 0),
            by_type=dict(sorted(by_type.items())),
            by_relation=dict(sorted(by_relation.items())),
        )

    # ------------------------------------------------------------------ import / export
    def import_rdf(self, path: Path, fmt: RdfFormat | None = None) -> ImportResult:
        """Load an RDF file; every graph it writes is replaced by the file's content.

        Triples outside a named graph (all of a Turtle or N-Triples file) go to the graph
        ``kgdoc:<file name>``, so ``kg remove <file name>`` undoes the import. The file is
        parsed completely before the store is touched: a malformed file raises
        :class:`InputError` with the parser's line and leaves the store unchanged. Files up
        to :data:`BULK_THRESHOLD_BYTES` replace their graphs in one transaction; a bigger
        N-Triples file imported for the first time is bulk loaded without the validating
        pass (:meth:`_bulk_new_graph`).
        """
        store = self._writable()
        path = Path(path)
        if not path.is_file():
            raise InputError(f"no such file: {path}; check the path")
        fmt = fmt or RdfFormat.from_path(path)
        target = pyoxigraph.NamedNode(vocab.doc_iri(path.name))
        big = path.stat().st_size > BULK_THRESHOLD_BYTES
        if big and fmt is RdfFormat.nt and not store.contains_named_graph(target):
            return self._bulk_new_graph(path, fmt, target)
        graphs: dict[str, None] = {}
        quads: list[pyoxigraph.Quad] = []
        count = 0
        try:
            for q in pyoxigraph.parse(path=str(path), format=fmt.ox):
                if isinstance(q.graph_name, pyoxigraph.DefaultGraph):
                    q = pyoxigraph.Quad(q.subject, q.predicate, q.object, target)
                if isinstance(q.graph_name, pyoxigraph.NamedNode):
                    graphs.setdefault(q.graph_name.value, None)
                count += 1
                if not big:
                    quads.append(q)
        except SyntaxError as err:
            raise InputError(
                f"{path.name} is not valid {fmt.value}: {one_line(err)}; "
                "fix the file (or pass the right --format) and import it again"
            ) from None
        except (OSError, UnicodeDecodeError, ValueError) as err:
            raise InputError(f"cannot read {path}: {one_line(err)}") from None
        if big:
            # Bulk loading writes RocksDB files directly, outside any transaction: the one
            # write of kg that a crash can leave half done (README, Guarantees).
            for g in graphs:
                store.remove_graph(pyoxigraph.NamedNode(g))
            store.bulk_load(path=str(path), format=fmt.ox, to_graph=target)
        else:
            self.replace_graphs((pyoxigraph.NamedNode(g) for g in graphs), quads)
        return ImportResult(str(path), fmt, list(graphs), count)

    def _bulk_new_graph(
        self, path: Path, fmt: RdfFormat, target: pyoxigraph.NamedNode
    ) -> ImportResult:
        """A big N-Triples file into a graph that does not exist yet: bulk loaded directly.

        Every triple of such a file lands in ``target``, so no parse is needed beforehand to
        learn which graphs it replaces, and a malformed file is undone by dropping the graph
        it was loading (which did not exist): the store is left as it was, as after the
        validating pass of other imports, at about the cost of a bare bulk load.
        """
        store = self._writable()
        try:
            store.bulk_load(path=str(path), format=fmt.ox, to_graph=target)
        except SyntaxError as err:
            store.remove_graph(target)
            raise InputError(
                f"{path.name} is not valid {fmt.value}: {one_line(err)}; "
                "fix the file (or pass the right --format) and import it again"
            ) from None
        except (OSError, UnicodeDecodeError, ValueError) as err:
            store.remove_graph(target)
            raise InputError(f"cannot read {path}: {one_line(err)}") from None
        return ImportResult(str(path), fmt, [target.value], _statement_lines(path))

    def dump(self, fmt: RdfFormat, out: BinaryIO, graph: str | None = None) -> None:
        """Write the store (or one article's graph) to ``out``.

        ``nt`` and ``ttl`` write the union of the graphs as triples, deduplicated; ``nt`` is
        sorted line by line, so the same content always gives the same bytes. ``trig``,
        ``nq`` and ``jsonld`` keep the named graphs. ``graph`` is an article name or IRI.
        """
        store = self.ox
        g = pyoxigraph.NamedNode(self.resolve_doc(graph)) if graph is not None else None
        if fmt is RdfFormat.nt:
            if g is not None:
                triples = {
                    f"{q.subject} {q.predicate} {q.object} .\n"
                    for q in store.quads_for_pattern(None, None, None, g)
                }
            else:
                triples = {
                    f"{s['s']} {s['p']} {s['o']} .\n"
                    for s in self.select("SELECT DISTINCT ?s ?p ?o { ?s ?p ?o }")
                }
            for line in sorted(triples):
                out.write(line.encode("utf-8"))
        elif fmt in (RdfFormat.ttl, RdfFormat.xml):  # triple-only formats but N-Triples
            if g is not None:
                found = {q.triple for q in store.quads_for_pattern(None, None, None, g)}
            else:
                found = {
                    pyoxigraph.Triple(s["s"], s["p"], s["o"])
                    for s in self.select("SELECT DISTINCT ?s ?p ?o { ?s ?p ?o }")
                }
            ordered = sorted(found, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
            pyoxigraph.serialize(ordered, out, fmt.ox, prefixes=EXPORT_PREFIXES)
        elif g is not None:
            pyoxigraph.serialize(store.quads_for_pattern(None, None, None, g), out, fmt.ox,
                         prefixes=EXPORT_PREFIXES if fmt is RdfFormat.trig else None)
        else:
            store.dump(out, fmt.ox, prefixes=EXPORT_PREFIXES if fmt is RdfFormat.trig else None)
        out.flush()


def _statement_lines(path: Path) -> int:
    """Lines of an N-Triples file that hold a triple (not blank, not a comment), counted
    in C: newlines chunk by chunk, then the few blank and comment lines by a regex over a
    memory map (only they become match objects)."""
    import mmap
    import re

    if path.stat().st_size == 0:
        return 0
    with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
        unterminated = data[-1:] != b"\n"  # a last line without its newline
        # lines (after the first) that are blank or comments
        skipped = len(re.findall(rb"\n(?=[ \t]*(?:#|\r?\n))", data))
        if re.match(rb"[ \t]*(?:#|\r?\n|\Z)", data):
            skipped += 1
        if unterminated and not data[data.rfind(b"\n") + 1:].strip():
            skipped += 1  # the last line is blank but for spaces
        return lines + (1 if unterminated else 0) - skipped


def store_exists(path: Path | None = None) -> bool:
    """Whether a store has been written at ``path`` (default: the configured store)."""
    path = Path(path) if path is not None else config.default_store_path()
    return (path / "CURRENT").is_file() and os.access(path, os.R_OK)


# ---------------------------------------------------------------------- opening for writing


def _is_lock_error(err: OSError) -> bool:
    text = str(err)
    return "LOCK" in text or "lock" in text


def _open_writable(
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


# ---------------------------------------------------------------------- layout version


def read_layout(path: Path) -> int | None:
    """The layout version recorded in the store folder, or None when none is recorded.

    >>> import tempfile; read_layout(Path(tempfile.mkdtemp())) is None
    True
    """
    file = path / LAYOUT_FILE
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as err:
        raise StoreError(
            f"cannot read the store's layout file {file}: {err}; check its permissions"
        ) from None
    try:
        data = json.loads(text)
        layout = data["layout"]
        if not isinstance(layout, int) or isinstance(layout, bool) or layout < 1:
            raise ValueError(layout)
    except (ValueError, KeyError, TypeError):
        raise StoreError(
            f"the store's layout file {file} is damaged (expected {{\"layout\": N}}); "
            f"if this store was written by this kg, write {{\"layout\": {LAYOUT_VERSION}}} into it"
        ) from None
    return layout


def _write_layout(path: Path, layout: int) -> None:
    """Record ``layout`` in the store folder (written beside and renamed: never half a file)."""
    tmp = path / f".{LAYOUT_FILE}.tmp"
    tmp.write_text(
        json.dumps({"layout": layout, "written_by": f"kg {__version__}"}) + "\n", encoding="utf-8"
    )
    os.replace(tmp, path / LAYOUT_FILE)


def check_layout(path: Path) -> int:
    """The store's layout, if this kg can use it; else a StoreError saying what to do.

    A store without a recorded layout predates the record and has layout 1.
    """
    layout = read_layout(path) or 1
    if layout == LAYOUT_VERSION:
        return layout
    if layout > LAYOUT_VERSION:
        raise StoreError(
            f"the store at {path} was written by a newer kg (store layout {layout}; this kg "
            f"{__version__} knows layouts up to {LAYOUT_VERSION}); upgrade kg to use it, "
            "or pass another --store"
        )
    if all(n in MIGRATIONS for n in range(layout, LAYOUT_VERSION)):
        raise StoreError(
            f"the store at {path} has layout {layout}, older than this kg's {LAYOUT_VERSION}; "
            f"run `kg --store {path} migrate` to convert it (back it up first)"
        )
    raise StoreError(
        f"the store at {path} has layout {layout}, which this kg ({LAYOUT_VERSION}) cannot "
        "read or convert; export it with the kg that wrote it (`kg export --format trig`) "
        "and `kg import` the file into a new store"
    )


def migrate(
    path: Path | None = None, *, wait: float = 0.0, on_wait: Callable[[str], None] | None = None
) -> MigrationResult:
    """Bring the store at ``path`` to :data:`LAYOUT_VERSION`, one registered step at a time.

    Each step runs on the store opened for writing, then the new layout is recorded, so an
    interrupted migration resumes from the last finished step.
    """
    path = Path(path) if path is not None else config.default_store_path()
    if not (path / "CURRENT").is_file():
        raise StoreError(f"no store at {path}; nothing to migrate")
    start = read_layout(path) or 1
    if start > LAYOUT_VERSION:
        check_layout(path)  # raises: written by a newer kg
    missing = [n for n in range(start, LAYOUT_VERSION) if n not in MIGRATIONS]
    if missing:
        check_layout(path)  # raises: no migration from this layout
    steps: list[str] = []
    store = _open_writable(path, wait, on_wait)
    try:
        for n in range(start, LAYOUT_VERSION):
            MIGRATIONS[n](store)
            store.flush()
            _write_layout(path, n + 1)
            steps.append(f"{n} -> {n + 1}")
        if read_layout(path) is None:
            _write_layout(path, LAYOUT_VERSION)
    finally:
        del store
    return MigrationResult(str(path), start, LAYOUT_VERSION, steps)
