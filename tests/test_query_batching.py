"""Query commands issue a handful of SPARQL queries, whatever the size of the neighbourhood.

Per-node and per-fact look-ups (descriptions, expansions, evidence, agreement sides) are
batched with ``VALUES`` blocks, and walks expand a whole frontier per query. A counting
wrapper around the store's ``query`` method counts what each command issues, on generated
graphs of kg's model (a hub event with N participants, each located somewhere, every fact
with its assertion) for a small and a large N: the counts must not grow with N.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox
import pytest
from conftest import memory_store

from kg import query, vocab
from kg.ask import ask
from kg.lookup.nodes import EntityRef
from kg.lookup.resolution import resolve
from kg.lookup.searching import search
from kg.store import Store
from kg.store.base import with_values

MINI = Path(__file__).parent / "data" / "mini.trig"
_RDF = vocab.RDF
_DOC = ox.NamedNode(vocab.doc_iri("hub.txt"))


class CountingStore:
    """Wraps a store; counts (and keeps the text of) every request it makes of it: each is a
    query to the embedded store, an HTTP request to a server."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.queries: list[str] = []

    def select(self, query: str, bindings: Any = None, *, values: Any = None) -> Any:
        self.queries.append(with_values(query, values))
        return self.store.select(query, bindings, values=values)

    def ask(self, query: str, bindings: Any = None) -> bool:
        self.queries.append(query)
        return self.store.ask(query, bindings)

    def construct(self, query: str, bindings: Any = None, *, values: Any = None) -> Any:
        self.queries.append(with_values(query, values))
        return self.store.construct(query, bindings, values=values)

    def quads(self, *pattern: Any, **named: Any) -> Any:
        self.queries.append(f"quads {pattern} {named}")
        return self.store.quads(*pattern, **named)

    def count(self) -> int:
        return len(self.queries)


def counting(store: Store) -> tuple[Store, CountingStore]:
    wrapper = CountingStore(store)
    return cast(Store, wrapper), wrapper


def _node(kind: str, name: str) -> ox.NamedNode:
    return ox.NamedNode(vocab.entity_iri(kind, name))


def hub_store(n: int) -> Store:
    """An expo with ``n`` participating companies, each located in its own city (kg model)."""
    quads: list[ox.Quad] = []

    def add(s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal) -> None:
        quads.append(ox.Quad(s, ox.NamedNode(p), o, _DOC))

    def entity(node: ox.NamedNode, kind: str, label: str) -> None:
        add(node, vocab.RDF_TYPE, ox.NamedNode(vocab.ont(kind)))
        add(node, vocab.RDFS_LABEL, ox.Literal(label))

    def fact(s: ox.NamedNode, rel: str, o: ox.NamedNode, sentence: str) -> None:
        add(s, vocab.ont(rel), o)
        a = ox.NamedNode(vocab.hashed_iri("assertion", s.value, rel, o.value))
        add(a, vocab.RDF_TYPE, ox.NamedNode(vocab.ont("Assertion")))
        add(a, _RDF + "subject", s)
        add(a, _RDF + "predicate", ox.NamedNode(vocab.ont(rel)))
        add(a, _RDF + "object", o)
        add(a, vocab.PROV + "wasDerivedFrom", _DOC)
        add(a, vocab.ont("sentence"), ox.Literal(sentence))

    add(_DOC, vocab.ont("sourceFile"), ox.Literal("hub.txt"))
    expo = _node("Event", "Hub Expo")
    entity(expo, "Event", "Hub Expo")
    for i in range(n):
        company, city = _node("Company", f"Firm {i}"), _node("Place", f"City {i}")
        entity(company, "Company", f"Firm {i}")
        add(company, vocab.RDF_TYPE, ox.NamedNode(vocab.ont("Organization")))
        entity(city, "Place", f"City {i}")
        fact(expo, "participant", company, f"Firm {i} took part in Hub Expo.")
        fact(company, "locatedIn", city, f"Firm {i} is based in City {i}.")
    return memory_store(quads)


@pytest.fixture(scope="module", params=[3, 300], ids=["small", "large"])
def hub(request: pytest.FixtureRequest) -> tuple[int, Store]:
    return request.param, hub_store(request.param)


def _ref(store: Store, name: str) -> EntityRef:
    return resolve(store, name)


def test_neighbors_depth2_is_one_query_batch_per_level(hub: tuple[int, Store]) -> None:
    n, store = hub
    expo = _ref(store, "Hub Expo")
    wrapped, counter = counting(store)
    rows = query.neighbors(wrapped, expo, depth=2)
    assert len(rows) == 2 * n and all(r.evidence for r in rows)
    # per level: expansion, agreement sides (none here), descriptions, evidence
    assert counter.count() <= 8


def test_show_issues_a_constant_number_of_queries(hub: tuple[int, Store]) -> None:
    n, store = hub
    wrapped, counter = counting(store)
    card = query.show(wrapped, _ref(store, "Hub Expo"))
    assert len(card.out["participant"]) == n
    assert all(v.evidence for v in card.out["participant"])
    assert counter.count() <= 12


def test_path_and_search_issue_a_constant_number_of_queries(
    hub: tuple[int, Store],
) -> None:
    n, store = hub
    wrapped, counter = counting(store)
    result = query.path(wrapped, _ref(store, "City 0"), _ref(store, f"City {n - 1}"))
    assert query.path_text(result.paths[0]).startswith("City 0 <-[locatedIn]- Firm 0")
    assert all(h.evidence for h in result.paths[0])
    assert counter.count() <= 14  # bidirectional BFS: one expansion per level, 4 levels
    wrapped, counter = counting(store)
    hits = search(wrapped, "firm")
    assert len(hits) == min(n, 20)
    assert counter.count() <= 3


def test_ask_batches_its_answers(hub: tuple[int, Store]) -> None:
    n, store = hub
    wrapped, counter = counting(store)
    result = ask(wrapped, "who took part in Hub Expo")
    assert len(result.answers) == n and all(a.evidence for a in result.answers)
    assert counter.count() <= 25  # question parsing and entity look-up included


def test_counts_on_the_query_fixture() -> None:
    """The same bounds on kg's fixture graph, with agreements, sides and posts."""
    store = memory_store(ox.parse(path=str(MINI), format=ox.RdfFormat.TRIG))
    summit = _ref(store, "Summit Hospital")
    for run in (lambda s: query.neighbors(s, summit, depth=2),
                lambda s: query.show(s, summit)):
        wrapped, counter = counting(store)
        run(wrapped)
        assert counter.count() <= 12, counter.queries


def test_bound_values_are_terms_inside_the_group() -> None:
    """Values go in as VALUES blocks of serialised terms, never as pasted text."""
    store = hub_store(2)
    wrapped, counter = counting(store)
    query.neighbors(wrapped, _ref(store, "Hub Expo"), depth=2)
    batched = [q for q in counter.queries if "VALUES ?n {" in q]
    assert batched and all(q.index("VALUES ?n {") > q.index("WHERE {") for q in batched)
    assert all(f"<{_node('Event', 'Hub Expo').value}>" in q for q in batched[:1])


def _command_counts(n: int) -> list[int]:
    store = hub_store(n)
    expo, city, far = (_ref(store, "Hub Expo"), _ref(store, "City 0"),
                       _ref(store, f"City {n - 1}"))
    counts = []
    for run in (lambda s: query.neighbors(s, expo, depth=2),
                lambda s: query.show(s, expo),
                lambda s: query.path(s, city, far)):
        wrapped, counter = counting(store)
        run(wrapped)
        counts.append(counter.count())
    return counts


def test_counts_do_not_grow_with_the_neighbourhood() -> None:
    assert _command_counts(3) == _command_counts(300)
