"""``kg search``: entities whose names are like a text, ranked by a 0..1 score (difflib ratio,
word overlap). Unlike resolution it never picks one node: it lists the close ones.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from kg.lookup.candidates import candidates, raw_words, tokens
from kg.lookup.nodes import STRUCTURAL_TYPES, EntityRef, describe_nodes
from kg.names import normalize_name
from kg.store.base import Store


@dataclass(frozen=True)
class SearchHit:
    """One ranked result of :func:`search`: the node, the name that matched, a 0..1 score."""

    entity: EntityRef
    matched: str
    score: float


def _score(query_norm: str, name_norm: str) -> float:
    ratio = difflib.SequenceMatcher(None, query_norm, name_norm).ratio()
    q, n = tokens(query_norm), tokens(name_norm)
    overlap = len(q & n) / len(q) if q else 0.0
    contained = 1.0 if query_norm and query_norm in name_norm else 0.0
    return round(max(ratio, 0.9 * overlap, 0.85 * contained), 3)


def search(
    store: Store, text: str, *, types: Sequence[str] = (), limit: int = 20
) -> list[SearchHit]:
    """Entities whose label or alias is like ``text``, best first (difflib ratio and token overlap).

    Candidates are the nodes with a name containing any word of ``text`` (a SPARQL prefilter
    per word); ``types`` keeps only nodes having one of those types (superclasses count:
    ``Organization`` finds hospitals). JSON rows (``kg search --format json``):
    ``{"label", "iri", "types", "matched", "score"}``.

    >>> from kg.store import KgStore
    >>> search(KgStore.memory(), "lakeside")
    []
    """
    norm = normalize_name(text)
    best: dict[str, tuple[float, str]] = {}
    for word in raw_words(text)[:6]:
        names = candidates(store, word[:4])  # a short prefix survives typos further on
        for iri, surfaces in names.raw.items():
            for s in surfaces:
                sc = _score(norm, normalize_name(s))
                if sc > best.get(iri, (0.0, ""))[0]:
                    best[iri] = (sc, s)
    ranked = [kv for kv in sorted(best.items(), key=lambda kv: (-kv[1][0], kv[1][1], kv[0]))
              if kv[1][0] >= 0.3]
    refs = describe_nodes(store, [iri for iri, _ in ranked])
    hits: list[SearchHit] = []
    for iri, (sc, matched) in ranked:
        ref = refs[iri]
        if STRUCTURAL_TYPES.intersection(ref.types):
            continue
        if types and not set(types) & set(ref.types):
            continue
        hits.append(SearchHit(ref, matched, sc))
        if len(hits) >= limit:
            break
    return hits
