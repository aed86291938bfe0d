"""Articles in a store: listing, statistics, look-up, replace and remove, over any store.

Why functions over :class:`kg.store.base.Store` rather than methods of each store: ``kg
docs``, ``kg stats``, ``kg remove`` and ingest must behave the same on the embedded store
and on a SPARQL server, so they are written once with SELECT queries and the interface's
graph operations.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pyoxigraph as ox

from kg import vocab
from kg.errors import EntityNotFoundError, StoreError
from kg.records import EntityType
from kg.store.base import Store, doc_name

_ENTITY_CLASSES = tuple(t.value for t in EntityType)
_VALUES_ENTITY_CLASSES = " ".join(f"kgo:{c}" for c in _ENTITY_CLASSES)
_VALUES_ENTITY_ONLY = " ".join(f"kgo:{c}" for c in _ENTITY_CLASSES if c != "Agreement")
_VALUES_RELATIONS = " ".join(f"kgo:{r}" for r in vocab.RELATIONS)


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


def rows(store: Store, query: str) -> Iterator[list[str | None]]:
    """The solutions of a SELECT as lists of lexical values (None when unbound)."""
    solutions = store.select(query)
    names = [v.value for v in solutions.variables]
    for sol in solutions:
        yield [_value(sol[n]) for n in names]


def article_sha256(store: Store, name: str) -> str | None:
    """The sha256 recorded for article ``name``, or None when it is not in the store."""
    doc = ox.NamedNode(vocab.doc_iri(name))
    for q in store.quads(doc, ox.NamedNode(vocab.ont("sha256")), None, doc):
        if isinstance(q.object, ox.Literal):
            return q.object.value
    return None


def has_graph(store: Store, iri: str) -> bool:
    """Whether the named graph ``iri`` holds anything."""
    return store.ask("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": ox.NamedNode(iri)})


def replace_article(store: Store, name: str, quads: Iterable[ox.Quad]) -> None:
    """Make ``quads`` the whole content of article ``name``'s graph, atomically.

    The new quads are materialised and checked (all in the article's graph) before the
    store is touched; then "drop the graph, insert the quads" is one update (one request to
    a server, one transaction in the embedded store): a failure or a crash at any moment
    leaves either the old graph or the new one, never neither.
    """
    graph = ox.NamedNode(vocab.doc_iri(name))
    new = list(quads)
    stray = next((q for q in new if q.graph_name != graph), None)
    if stray is not None:
        raise ValueError(f"quad outside the graph of {name}: {stray}")
    store.replace_graphs([graph], new)


def resolve_doc(store: Store, ref: str) -> str:
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
        if has_graph(store, iri):
            return iri
    known = sorted(doc_name(g) for g in store.graphs())
    shown = ", ".join(known[:10]) + (f" and {len(known) - 10} more" if len(known) > 10 else "")
    raise EntityNotFoundError(
        f"no article {ref!r} in the store; known: {shown or 'none (run `kg ingest`)'}"
    )


def remove_article(store: Store, name: str) -> bool:
    """Drop article ``name``'s graph (by file name or graph IRI); False if it was absent."""
    iri = name if "://" in name else vocab.doc_iri(name)
    if not has_graph(store, iri):
        return False
    store.drop_graph(ox.NamedNode(iri))
    return True


def articles(store: Store) -> list[ArticleInfo]:
    """Every named graph, with its article metadata (when it has an article node) and
    counts of entities, facts and agreements, sorted by name."""
    meta: dict[str, list[str | None]] = {}
    for g, sha, title, pub, at in rows(
        store,
        """SELECT ?g ?sha ?title ?pub ?at WHERE { GRAPH ?g {
             ?g a kgo:Article .
             OPTIONAL { ?g kgo:sha256 ?sha }
             OPTIONAL { ?g dct:title ?title }
             OPTIONAL { ?g schema:datePublished ?pub }
             OPTIONAL { ?g prov:generatedAtTime ?at } } }""",
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
        for g, n in rows(store, query):
            if g is not None:
                counts.setdefault(g, {})[label] = int(n or 0)
    infos = []
    for iri in store.graphs():
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


def stats(store: Store) -> StoreStats:
    """Counts by class and relation, articles, quads and distinct triples.

    A store whose quads are all invisible to queries is a server whose default graph is not
    the union of its named graphs: every query would answer nothing, so that is an error
    saying how to configure it.
    """
    by_type: dict[str, int] = {}
    for t, n in rows(
        store,
        f"""SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a ?t
             VALUES ?t {{ {_VALUES_ENTITY_CLASSES} }} }} GROUP BY ?t""",
    ):
        if t is not None:
            by_type[_local(t)] = int(n or 0)
    by_relation: dict[str, int] = {}
    for p, n in rows(
        store,
        f"""SELECT ?p (COUNT(*) AS ?n) WHERE {{
             {{ SELECT DISTINCT ?s ?p ?o WHERE {{
                  ?s ?p ?o VALUES ?p {{ {_VALUES_RELATIONS} }} }} }}
           }} GROUP BY ?p""",
    ):
        if p is not None:
            by_relation[_local(p)] = int(n or 0)
    single = {}
    for label, query in (
        ("quads", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"),
        ("triples", "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }"),
        ("entities", f"""SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a ?t
             VALUES ?t {{ {_VALUES_ENTITY_ONLY} }} }}"""),
    ):
        single[label] = int(next(rows(store, query))[0] or 0)
    if single["quads"] and not single["triples"]:
        raise StoreError(
            f"{store.where} holds {single['quads']:,} quads in named graphs, but queries "
            "without GRAPH see none of them: make its default graph the union of its named "
            "graphs (Oxigraph: --union-default-graph; Fuseki: tdb2:unionDefaultGraph true); "
            "see the README, 'A shared server as the store'"
        )
    return StoreStats(
        articles=len(store.graphs()),
        quads=single["quads"],
        triples=single["triples"],
        entities=single["entities"],
        agreements=by_type.get("Agreement", 0),
        by_type=dict(sorted(by_type.items())),
        by_relation=dict(sorted(by_relation.items())),
    )
