"""Looking nodes up: what a user typed turned into nodes of the graph, and nodes described.

Which module holds what:

* :mod:`kg.lookup.queries`: :func:`select` and :func:`select_many` (SPARQL with bound values,
  many nodes per query), :data:`VALUES_CHUNK`;
* :mod:`kg.lookup.nodes`: :class:`EntityRef`, :func:`describe_nodes`, :func:`describe_node`,
  :func:`local_name`, :func:`primary_type`, :func:`order_types`, :func:`pick_label`,
  :data:`STRUCTURAL_TYPES`;
* :mod:`kg.lookup.candidates`: the names a look-up compares (a token prefilter) and their words;
* :mod:`kg.lookup.resolution`: :func:`resolve` (the rules), :func:`exact_label`, :func:`suggest`;
* :mod:`kg.lookup.searching`: :func:`search` and :class:`SearchHit`.

Nothing here imports rdflib, networkx or spaCy (the query path must start fast).
"""

from kg.lookup.nodes import (
    STRUCTURAL_TYPES,
    EntityRef,
    describe_node,
    describe_nodes,
    local_name,
    order_types,
    pick_label,
    primary_type,
)
from kg.lookup.queries import VALUES_CHUNK, select, select_many
from kg.lookup.resolution import exact_label, resolve, suggest
from kg.lookup.searching import SearchHit, search

__all__ = [
    "STRUCTURAL_TYPES",
    "VALUES_CHUNK",
    "EntityRef",
    "SearchHit",
    "describe_node",
    "describe_nodes",
    "exact_label",
    "local_name",
    "order_types",
    "pick_label",
    "primary_type",
    "resolve",
    "search",
    "select",
    "select_many",
    "suggest",
]
