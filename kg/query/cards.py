"""``kg show``: an entity's card, its names, types, facts in and out with evidence, agreements,
posts and articles, in a handful of queries.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from kg import terms, vocab
from kg.lookup.nodes import EntityRef, describe_nodes, local_name
from kg.lookup.queries import select
from kg.query.agreements import AgreementInfo, agreement_infos
from kg.query.evidence import Evidence, doc_name, node_evidence, term_key
from kg.query.rows import iri_of, ref_json
from kg.store.base import Store


@dataclass(frozen=True)
class FactValue:
    """The other end of a fact on an entity card: a node or a literal."""

    label: str
    iri: str | None
    datatype: str | None
    evidence: tuple[Evidence, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "iri": self.iri,
            "datatype": self.datatype,
            "evidence": [e.as_json() for e in self.evidence],
        }


@dataclass(frozen=True)
class PostInfo:
    """A post: the person, the role name and the organisation it is in."""

    person: EntityRef
    role: str
    organization: EntityRef | None

    def as_json(self) -> dict[str, Any]:
        return {
            "person": ref_json(self.person),
            "role": self.role,
            "organization": ref_json(self.organization) if self.organization else None,
        }


@dataclass(frozen=True)
class EntityCard:
    """Everything :func:`show` knows about one entity.

    JSON (``kg show --format json``)::

        {"label", "iri", "types": [...], "aliases": [...], "articles": [...],
         "out": {"relation": [{"label", "iri", "datatype", "evidence": [{"doc", "sentence"}]}]},
         "in": {"relation": [...]},
         "agreements": [{"label", "iri", "kind", "parties", "sides", "signed_at", "signed_on",
                         "evidence"}],
         "posts": [{"person", "role", "organization"}]}
    """

    entity: EntityRef
    articles: tuple[str, ...]
    out: dict[str, list[FactValue]]
    in_: dict[str, list[FactValue]]
    agreements: list[AgreementInfo]
    posts: list[PostInfo]

    def as_json(self) -> dict[str, Any]:
        return {
            "label": self.entity.label,
            "iri": self.entity.iri,
            "types": list(self.entity.types),
            "aliases": list(self.entity.aliases),
            "articles": list(self.articles),
            "out": {r: [v.as_json() for v in vs] for r, vs in self.out.items()},
            "in": {r: [v.as_json() for v in vs] for r, vs in self.in_.items()},
            "agreements": [a.as_json() for a in self.agreements],
            "posts": [p.as_json() for p in self.posts],
        }


_OUT_FACTS = f"SELECT ?n ?p ?o WHERE {{ ?n ?p ?o . {terms.fact_filter('p', 'o')} }}"
_IN_FACTS = f"SELECT ?n ?p ?s WHERE {{ ?s ?p ?n . {terms.edge_filter('p', 's')} }}"
_AGREEMENTS_OF = """
SELECT ?n ?a WHERE { { ?a kgo:party ?n } UNION { ?a kgo:signedAt ?n } UNION
                     { ?n a kgo:Agreement . BIND(?n AS ?a) } }
"""


_POSTS = """
SELECT ?n ?person ?role ?org WHERE {
  { ?n kgo:holds ?post . BIND(?n AS ?person) }
  UNION { ?post kgo:postIn ?n . ?person kgo:holds ?post }
  ?post kgo:roleName ?role .
  OPTIONAL { ?post kgo:postIn ?org }
}
"""
_ARTICLES = """
SELECT ?n ?g ?file WHERE { GRAPH ?g { ?n rdfs:label|skos:prefLabel ?l } OPTIONAL { ?g kgo:sourceFile ?file } }
"""


def show(store: Store, entity: EntityRef) -> EntityCard:
    """The card of an entity: names, types, facts in and out (with evidence), agreements, posts.

    >>> from kg.store import KgStore
    >>> card = show(KgStore.memory(), EntityRef(vocab.ID + "x", "X"))
    >>> card.out, card.agreements
    ({}, [])
    """
    node = ox.NamedNode(entity.iri)
    relations = set(vocab.RELATIONS)
    pending: list[tuple[str, ox.NamedNode | ox.Literal]] = []
    for row in select(store, _OUT_FACTS, n=node):
        pred, obj = iri_of(row["p"]), row["o"]
        if pred is None or (pred.startswith(vocab.ONT) and local_name(pred) not in relations):
            continue
        if isinstance(obj, ox.NamedNode | ox.Literal) and (pred, obj) not in pending:
            pending.append((pred, obj))  # the union repeats a fact stated in several graphs
    subjects = sorted({(str(iri_of(r["p"])), str(iri_of(r["s"])))
                       for r in select(store, _IN_FACTS, n=node)})
    post_rows = [(person, role.value, iri_of(row["org"]) if row["org"] is not None else None)
                 for row in select(store, _POSTS, n=node)
                 if (person := iri_of(row["person"])) and isinstance(role := row["role"], ox.Literal)]
    # one description of every node on the card, one evidence query for all its facts
    refs = describe_nodes(store, [
        *(o.value for _, o in pending if isinstance(o, ox.NamedNode)),
        *(s for _, s in subjects), *(p for p, _, _ in post_rows),
        *(o for _, _, o in post_rows if o)])
    index = node_evidence(store, [entity.iri])
    out: dict[str, list[FactValue]] = defaultdict(list)
    for pred, obj in sorted(pending, key=lambda po: (po[0], po[1].value)):
        ev = tuple(index.get((entity.iri, pred, term_key(obj)), ()))
        if isinstance(obj, ox.Literal):
            dt = local_name(obj.datatype.value) if obj.datatype else None
            out[terms.predicate_name(pred)].append(FactValue(obj.value, None, dt, ev))
        else:
            out[terms.predicate_name(pred)].append(
                FactValue(refs[obj.value].label, obj.value, None, ev))
    in_: dict[str, list[FactValue]] = defaultdict(list)
    for pred, subj in sorted(subjects, key=lambda ps: (ps[0], refs[ps[1]].label)):
        ev = tuple(index.get((subj, pred, entity.iri), ()))
        in_[terms.predicate_name(pred)].append(FactValue(refs[subj].label, subj, None, ev))
    agreements = list(agreement_infos(store, sorted(
        {str(iri_of(r["a"])) for r in select(store, _AGREEMENTS_OF, n=node)})).values())
    posts = [PostInfo(refs[person], role, refs[org] if org else None)
             for person, role, org in post_rows]
    articles = sorted({
        r["file"].value if isinstance(r["file"], ox.Literal) else doc_name(str(iri_of(r["g"])))
        for r in select(store, _ARTICLES, n=node)
    })
    return EntityCard(
        entity, tuple(articles), dict(out), dict(in_),
        sorted(agreements, key=lambda a: a.ref.label),
        sorted(set(posts), key=lambda p: (p.person.label, p.role)),
    )
