"""SPARQL SELECT helpers every look-up and query uses: one query with bound values, or one per
chunk of many nodes bound as ``VALUES``. Apart so that the batching rule lives in one place.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from kg.store.base import Store, Values


def select(store: Store, query: str, **bindings: ox.NamedNode | ox.Literal) -> list[ox.QuerySolution]:
    """Run a SELECT over the union of all article graphs with the kg prefixes declared.

    Values are bound by the store (:meth:`kg.store.base.Store.select`), never pasted into
    the text, so names with quotes or braces cannot change the query.

    >>> from kg.store import KgStore
    >>> select(KgStore.memory(), "SELECT ?x WHERE { ?x a kgo:Event }")
    []
    """
    return list(store.select(query, bindings or None))


# Bound values per query: a hub's neighbourhood is described in a few requests, and a query
# text stays well under what SPARQL servers accept in one POST.
VALUES_CHUNK = 1000


def select_many(
    store: Store, query: str, var: str, iris: Iterable[str],
    **bindings: ox.NamedNode | ox.Literal,
) -> list[ox.QuerySolution]:
    """Run ``query`` for many nodes at once: ``iris`` bound as ``VALUES ?var`` first inside
    the WHERE group (:class:`kg.store.base.Values`), :data:`VALUES_CHUNK` nodes per query.

    This is how per-node look-ups are batched: one request per chunk instead of one per node.

    >>> from kg.store import KgStore
    >>> select_many(KgStore.memory(), "SELECT ?n ?l WHERE { ?n rdfs:label ?l }", "n",
    ...             ["http://x/a"])
    []
    """
    unique = list(dict.fromkeys(iris))
    rows: list[ox.QuerySolution] = []
    for i in range(0, len(unique), VALUES_CHUNK):
        values = Values.column(var, [ox.NamedNode(x) for x in unique[i:i + VALUES_CHUNK]])
        rows += store.select(query, bindings or None, values=values)
    return rows
