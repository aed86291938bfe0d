"""Small invented graphs for the ``kg ask`` tests, built through the real RDF writer.

An :class:`ArticleGraph` collects typed records (entities, facts, posts, agreements) as an
extractor would, and :func:`store_of` writes them with :func:`kg.rdf.build_quads` into an
in-memory store, so the questions are asked of exactly the shapes ingestion produces.
All names are invented.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pyoxigraph as ox
from conftest import memory_store

from kg import vocab
from kg.rdf import build_quads
from kg.records import (
    AgreementRecord,
    Article,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Fact,
    Literal,
    PartialDate,
    Post,
    Relation,
    Resolution,
)
from kg.store import KgStore


def _date(text: str) -> PartialDate:
    if text.startswith("--"):
        month, day = text[2:].split("-")
        return PartialDate(None, int(month), int(day))
    parts = [int(p) for p in text.split("-")] + [0, 0]
    return PartialDate(parts[0], parts[1] or None, parts[2] or None)


class ArticleGraph:
    """One invented article's extraction: call :meth:`entity`, :meth:`fact`, ... then build."""

    def __init__(self, name: str) -> None:
        self.extraction = Extraction(Article(name, "", "0" * 64), "test")
        self.iris: dict[str, str] = {}
        self.labels: dict[str, str] = {}

    def _ev(self, sentence: str) -> Evidence:
        return Evidence(self.extraction.article.name, sentence, 0, len(sentence))

    def entity(self, label: str, type_name: str, *aliases: str, scoped: bool = False) -> str:
        """Add an entity (or return the one already added) and its key."""
        key = f"{type_name}:{label}"
        if key not in self.extraction.entities:
            scope = self.extraction.article.name if scoped else None
            self.extraction.entities[key] = Entity(
                key, label, EntityType(type_name), set(aliases), scope=scope)
            iri = vocab.entity_iri(type_name, label, scope)
            self.iris[key] = iri
            self.labels[iri] = label
        return key

    def fact(self, subject: str, relation: str, obj: str, sentence: str | None = None) -> None:
        """``subject -relation-> obj``: obj is an entity key, or a literal (dates parsed)."""
        value: str | Literal = obj
        if obj not in self.extraction.entities:
            value = Literal(obj, _date(obj) if relation in ("startDate", "endDate") else None)
        text = sentence or f"{subject.split(':', 1)[1]} {relation} {obj.split(':')[-1]}."
        self.extraction.facts.append(Fact(subject, Relation(relation), value, self._ev(text)))

    def post(self, person: str, role: str, org: str | None) -> None:
        """A person's post (role in an organisation)."""
        text = f"{person.split(':', 1)[1]}, {role} of {org.split(':', 1)[1] if org else '?'}."
        self.extraction.posts.append(Post(person, role, org, self._ev(text)))

    def agreement(self, kind: str, sides: list[list[str]], *, event: str | None = None,
                  date: str | None = None, label: str | None = None,
                  key: str | None = None) -> str:
        """An agreement between sides of entity keys (``key``: an Agreement entity already
        added, for one with a name of its own); returns its key."""
        if key is None:
            key = f"Agreement:{len(self.extraction.agreements)}"
            self.iris[key] = vocab.hashed_iri("agreement", self.extraction.article.name, key)
        names = " and ".join(k.split(":", 1)[1] for side in sides for k in side)
        record = AgreementRecord(key, kind, sides, self._ev(f"{names} signed a {kind}."),
                                 label=label, event=event, date=_date(date) if date else None)
        self.extraction.agreements.append(record)
        return key


def store_of(*articles: ArticleGraph) -> KgStore:
    """An in-memory store holding the articles' named graphs."""
    quads: list[ox.Quad] = []
    for art in articles:
        resolution = Resolution(art.extraction, art.iris, art.labels)
        quads += build_quads(resolution, datetime(2026, 1, 1, tzinfo=UTC))
    return memory_store(quads)
