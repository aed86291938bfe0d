"""Evidence: the article and sentence behind a fact or a hop, fetched for many facts or nodes in
one query per chunk; and an article's file name from its IRI.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote

import pyoxigraph as ox

from kg import vocab
from kg.lookup.queries import VALUES_CHUNK, select, select_many
from kg.query.edges import Edge
from kg.query.rows import iri_of
from kg.store.base import Store, Values


@dataclass(frozen=True)
class Evidence:
    """The article and sentence an edge was read from."""

    doc: str
    sentence: str

    def as_json(self) -> dict[str, str]:
        return {"doc": self.doc, "sentence": self.sentence}


_EVIDENCE = """
SELECT ?s ?p ?o ?sentence ?doc ?file WHERE {
  ?a rdf:subject ?s ; rdf:object ?o ; rdf:predicate ?p ; kgo:sentence ?sentence .
  OPTIONAL { ?a prov:wasDerivedFrom ?doc . OPTIONAL { ?doc kgo:sourceFile ?file } }
}
"""


# Two self-contained branches, each starting from the bound nodes: a BIND before the triples
# makes the planner scan every assertion (seconds on a million triples).
_NODE_EVIDENCE = """
SELECT ?n ?s ?p ?o ?sentence ?doc ?file WHERE {
  { ?a rdf:subject ?n ; rdf:object ?o ; rdf:predicate ?p ; kgo:sentence ?sentence .
    OPTIONAL { ?a prov:wasDerivedFrom ?doc . OPTIONAL { ?doc kgo:sourceFile ?file } } }
  UNION
  { ?a rdf:object ?n ; rdf:subject ?s ; rdf:predicate ?p ; kgo:sentence ?sentence .
    OPTIONAL { ?a prov:wasDerivedFrom ?doc . OPTIONAL { ?doc kgo:sourceFile ?file } } }
}
"""

# Evidence keyed by fact: (subject IRI, predicate IRI, object) where the object is an IRI or
# a literal in N-Triples form (term_key).
EvidenceIndex = dict[tuple[str, str, str], list[Evidence]]


def term_key(term: ox.NamedNode | ox.Literal) -> str:
    """How a fact's object is keyed in an :data:`EvidenceIndex`: an IRI, or ``"lit"^^<dt>``."""
    return term.value if isinstance(term, ox.NamedNode) else str(term)


def node_evidence(store: Store, nodes: Iterable[str]) -> EvidenceIndex:
    """Every assertion with one of ``nodes`` as subject or object, keyed by fact, in one query
    per VALUES chunk; each fact's evidence sorted by article, one entry per sentence."""
    out: EvidenceIndex = defaultdict(list)
    for row in select_many(store, _NODE_EVIDENCE, "n", nodes):
        node = iri_of(row["n"])
        s = iri_of(row["s"]) if row["s"] is not None else node
        o_term = row["o"] if row["o"] is not None else row["n"]
        _collect(out, row, s, o_term)
    return _sorted_index(out)


_FACTS_EVIDENCE = """
SELECT ?s ?p ?o ?sentence ?doc ?file WHERE {
  ?a rdf:subject ?s ; rdf:object ?o ; rdf:predicate ?p ; kgo:sentence ?sentence .
  OPTIONAL { ?a prov:wasDerivedFrom ?doc . OPTIONAL { ?doc kgo:sourceFile ?file } }
}
"""


def facts_evidence(
    store: Store, facts: Iterable[tuple[str, str, ox.NamedNode | ox.Literal]]
) -> EvidenceIndex:
    """The evidence of the given facts (subject, predicate, object), in one query per
    :data:`~kg.lookup.VALUES_CHUNK` facts: for a few facts between hubs (a path's hops),
    cheaper than every assertion touching their ends."""
    unique = list(dict.fromkeys((s, p, o) for s, p, o in facts))
    out: EvidenceIndex = defaultdict(list)
    for i in range(0, len(unique), VALUES_CHUNK):
        values = Values(("s", "p", "o"), tuple((ox.NamedNode(s), ox.NamedNode(p), o)
                                               for s, p, o in unique[i:i + VALUES_CHUNK]))
        for row in store.select(_FACTS_EVIDENCE, values=values):
            _collect(out, row, iri_of(row["s"]), row["o"])
    return _sorted_index(out)


def _collect(out: EvidenceIndex, row: ox.QuerySolution, s: str | None, o_term: object) -> None:
    """Add one assertion row's evidence under its fact (subject, predicate, object key)."""
    p, sentence = iri_of(row["p"]), row["sentence"]
    if (s is None or p is None or not isinstance(o_term, ox.NamedNode | ox.Literal)
            or not isinstance(sentence, ox.Literal)):
        return
    ev = Evidence(_doc_of(row), sentence.value)
    evs = out[(s, p, term_key(o_term))]
    if ev not in evs:
        evs.append(ev)


def _sorted_index(out: EvidenceIndex) -> EvidenceIndex:
    """Each fact's evidence by article, then sentence (a stable order for output)."""
    for evs in out.values():
        evs.sort(key=lambda e: (e.doc, e.sentence))
    return dict(out)


def _doc_of(row: ox.QuerySolution) -> str:
    file, doc = row["file"], row["doc"]
    if isinstance(file, ox.Literal):
        return file.value
    return doc_name(doc.value) if isinstance(doc, ox.NamedNode) else ""


def hop_facts(edge: Edge) -> list[tuple[str, str, ox.NamedNode | ox.Literal]]:
    """The facts whose assertions are a hop's evidence (see :func:`hop_evidence`)."""
    if edge.via is not None:
        party = vocab.ont("party")
        ends = [edge.source, edge.target] if edge.relation == "party" else [
            edge.source if edge.direction == "out" else edge.target
        ]
        return [(edge.via, party, ox.NamedNode(end)) for end in ends]
    pred = edge.predicate or vocab.ont(edge.relation)
    if edge.direction == "in":
        return [(edge.target, pred, ox.NamedNode(edge.source))]
    return [(edge.source, pred, ox.NamedNode(edge.target))]


def hop_evidence(index: EvidenceIndex, edge: Edge) -> list[Evidence]:
    """Evidence of a hop from an index holding its facts: the fact's, or for an agreement hop
    the ``party`` assertions of the ends it joins (in that order, each sentence once)."""
    out: list[Evidence] = []
    for s, p, o in hop_facts(edge):
        out += [ev for ev in index.get((s, p, term_key(o)), []) if ev not in out]
    return out


def doc_name(doc_iri: str) -> str:
    """An article's file name from its IRI (``kgdoc:000.txt`` -> ``000.txt``)."""
    if doc_iri.startswith(vocab.DOC):
        return unquote(doc_iri[len(vocab.DOC):])
    return doc_iri


def fact_evidence(
    store: Store, subject: str, predicate: str, obj: ox.NamedNode | ox.Literal
) -> list[Evidence]:
    """The evidence sentences of one fact, one per article, sorted by article.

    >>> from kg.store import KgStore
    >>> fact_evidence(KgStore.memory(), vocab.ID + "a", vocab.ont("host"), ox.NamedNode(vocab.ID + "b"))
    []
    """
    seen: dict[tuple[str, str], Evidence] = {}
    rows = select(
        store, _EVIDENCE, s=ox.NamedNode(subject), p=ox.NamedNode(predicate), o=obj
    )
    for row in rows:
        sentence = row["sentence"]
        if not isinstance(sentence, ox.Literal):
            continue
        file, doc = row["file"], row["doc"]
        name = (
            file.value
            if isinstance(file, ox.Literal)
            else doc_name(doc.value) if isinstance(doc, ox.NamedNode) else ""
        )
        seen.setdefault((name, sentence.value), Evidence(name, sentence.value))
    return [seen[k] for k in sorted(seen)]


def edge_evidence(store: Store, edge: Edge) -> list[Evidence]:
    """Evidence of one hop (one query); walks batch this with :meth:`kg.query.walk.Walker.load_evidence`."""
    return hop_evidence(node_evidence(store, [edge.via or edge.source]), edge)
