"""The expected facts of generated articles, and how many of them a store holds.

Written by ``gen_articles.py`` (one JSON line per article in ``expected.jsonl``) and read
back by the tests and the ingest benchmark, which score a store built from the articles:
the share of expected hosts, agreements, posts ... that kg found. Typed records, so a
change of the generator's output breaks the readers loudly.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class ExpectedFact:
    """``subject -relation-> object`` as kg's vocabulary names it (labels, not IRIs)."""

    subject: str
    relation: str  # a kgo: relation local name: host, organizer, location, exhibitor, ...
    object: str


@dataclass(frozen=True)
class ExpectedAgreement:
    kind: str
    parties: tuple[str, ...]


@dataclass(frozen=True)
class ExpectedPost:
    person: str
    role: str
    organization: str


@dataclass
class ArticleTruth:
    """What one generated article states, for a test to look for in the store."""

    name: str
    kind: str  # fair, forum, signing
    title: str
    event: str
    facts: list[ExpectedFact] = field(default_factory=list)
    agreements: list[ExpectedAgreement] = field(default_factory=list)
    posts: list[ExpectedPost] = field(default_factory=list)


def read_expected(out_dir: Path) -> list[ArticleTruth]:
    """The truths written by :func:`write`, read back from ``expected.jsonl``."""
    truths = []
    for line in (out_dir / "expected.jsonl").read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        truths.append(ArticleTruth(
            raw["name"], raw["kind"], raw["title"], raw["event"],
            [ExpectedFact(**f) for f in raw["facts"]],
            [ExpectedAgreement(a["kind"], tuple(a["parties"])) for a in raw["agreements"]],
            [ExpectedPost(**p) for p in raw["posts"]],
        ))
    return truths


# Every kg relation between two labelled things (or a thing and a literal), by labels.
_FOUND_FACTS = """
SELECT DISTINCT ?s ?p ?o WHERE {
  ?a ?rel ?b . FILTER(STRSTARTS(STR(?rel), STR(kgo:)))
  ?a rdfs:label|skos:altLabel ?s .
  OPTIONAL { ?b rdfs:label|skos:altLabel ?bl }
  BIND(STRAFTER(STR(?rel), "#") AS ?p) BIND(COALESCE(?bl, STR(?b)) AS ?o)
}"""
_FOUND_AGREEMENTS = """
SELECT ?ag ?party WHERE { ?ag a kgo:Agreement ; kgo:party/(rdfs:label|skos:altLabel) ?party }"""
_FOUND_POSTS = """
SELECT DISTINCT ?person ?role ?org WHERE {
  ?p kgo:holds ?post ; rdfs:label|skos:altLabel ?person .
  ?post kgo:roleName ?role ; kgo:postIn/(rdfs:label|skos:altLabel) ?org }"""


@dataclass(frozen=True)
class Score:
    """How many expected items of one kind the store holds, out of how many."""

    found: int
    expected: int

    @property
    def share(self) -> float:
        return self.found / self.expected if self.expected else 1.0


def score(store_path: Path, truths: Sequence[ArticleTruth]) -> dict[str, Score]:
    """Expected facts (by relation), agreements and posts found in the store at ``store_path``.

    Names match after :func:`kg.names.normalize_name` (so "Xiamen Central Hospital" found as
    "the Xiamen Central Hospital" counts); a fact counts when any label or alias of its
    subject and object is linked by the relation, an agreement when one agreement node has
    every expected party.
    """
    from kg.names import normalize_name as norm
    from kg.store import KgStore

    with KgStore.open(store_path) as store:
        facts = {(norm(r[0].value), r[1].value, norm(r[2].value))
                 for r in store.select(_FOUND_FACTS) if r[0] and r[1] and r[2]}
        parties: dict[str, set[str]] = {}
        for r in store.select(_FOUND_AGREEMENTS):
            if r[0] is not None and r[1] is not None:
                parties.setdefault(str(r[0]), set()).add(norm(r[1].value))
        posts = {(norm(r[0].value), r[1].value.lower(), norm(r[2].value))
                 for r in store.select(_FOUND_POSTS) if r[0] and r[1] and r[2]}
    counts: dict[str, list[int]] = {}

    def tally(kind: str, hit: bool) -> None:
        c = counts.setdefault(kind, [0, 0])
        c[0] += hit
        c[1] += 1

    for t in truths:
        for f in t.facts:
            tally(f.relation, (norm(f.subject), f.relation, norm(f.object)) in facts)
        for ag in t.agreements:
            want = {norm(p) for p in ag.parties}
            tally("agreement", any(want <= got for got in parties.values()))
        for post in t.posts:
            tally("post", (norm(post.person), post.role.lower(), norm(post.organization)) in posts)
    return {k: Score(*v) for k, v in sorted(counts.items())}


