"""Read-only queries over the store: entity cards, neighbours, paths and entity listings.

Which module holds what:

* :mod:`kg.query.edges`: :class:`Edge`, :class:`Direction`, the relation names walks follow;
* :mod:`kg.query.walk`: :class:`Walker`, the entity graph expanded a frontier per query (its
  docstring says what the graph is);
* :mod:`kg.query.evidence`: :class:`Evidence`, the evidence of nodes, facts, hops and edges,
  :func:`doc_name`;
* :mod:`kg.query.sides`: agreement sides and counterparties;
* :mod:`kg.query.neighbors`: :func:`neighbors` (``kg neighbors``);
* :mod:`kg.query.paths`, :mod:`kg.query.path_search`: :func:`path` (``kg path``), shortest
  and all simple paths;
* :mod:`kg.query.cards`, :mod:`kg.query.agreements`: :func:`show` (``kg show``) and
  agreement summaries;
* :mod:`kg.query.listing`: :func:`entities` (``kg entities``);
* :mod:`kg.query.rows`: the conversions they share.

Nothing here imports rdflib, networkx or spaCy.
"""

from kg.lookup.nodes import describe_node
from kg.query.agreements import AgreementInfo, agreement_info, agreement_infos
from kg.query.cards import EntityCard, FactValue, PostInfo, show
from kg.query.edges import ENTITY_RELATIONS, WALK_RELATIONS, Direction, Edge
from kg.query.evidence import (
    Evidence,
    EvidenceIndex,
    doc_name,
    edge_evidence,
    fact_evidence,
    facts_evidence,
    hop_evidence,
    hop_facts,
    node_evidence,
    term_key,
)
from kg.query.listing import EntityRow, entities
from kg.query.neighbors import NeighborRow, neighbors
from kg.query.paths import Hop, PathResult, path, path_text
from kg.query.sides import agreement_sides, agreements_sides, counterparties
from kg.query.walk import Walker
from kg.terms import check_types

__all__ = [
    "ENTITY_RELATIONS",
    "WALK_RELATIONS",
    "AgreementInfo",
    "Direction",
    "Edge",
    "EntityCard",
    "EntityRow",
    "Evidence",
    "EvidenceIndex",
    "FactValue",
    "Hop",
    "NeighborRow",
    "PathResult",
    "PostInfo",
    "Walker",
    "agreement_info",
    "agreement_infos",
    "agreement_sides",
    "agreements_sides",
    "check_types",
    "counterparties",
    "describe_node",
    "doc_name",
    "edge_evidence",
    "entities",
    "fact_evidence",
    "facts_evidence",
    "hop_evidence",
    "hop_facts",
    "neighbors",
    "node_evidence",
    "path",
    "path_text",
    "show",
    "term_key",
]
