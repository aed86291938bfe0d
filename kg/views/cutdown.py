"""What part of the store an export covers, fetched from the store with SPARQL.

Why a module of its own: every format, RDF or view, must be cut down the same way, and the
cut must happen in the store (a million-triple store is never dumped to keep a few hundred
nodes). A :class:`Selection` names the cut; :func:`fetch` turns it into :class:`GraphData`,
the RDF a writer reads:

* nothing selected: every quad of the store, named graphs kept;
* ``graph``: one article's named graph;
* ``construct``: the triples of the user's SPARQL CONSTRUCT, as the store returns them;
* ``around`` / ``types`` / ``relations``: a node set found by SPARQL (a walk of ``depth`` hops
  from ``around``, one query per level; the nodes of ``types``; the ends of ``relations``),
  then the sub-graph on those nodes: their types, names and literal facts, the relations
  between them, the assertions behind those relations and facts and the article records the
  assertions cite. Every query binds the node set with ``VALUES``.

Depth counts hops as ``kg neighbors`` does: an agreement between two parties is one hop
(``X <-party- agreement -party-> Y``), as is the hop from a party to the event it signed at,
so the agreement and the nodes on its other side come in at the same depth.

Nothing here imports networkx or rdflib: RDF exports stay as light as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO, Final

import pyoxigraph as ox

from kg import vocab
from kg.errors import UsageError
from kg.formats import RdfFormat
from kg.store.base import Store, Triples
from kg.store.catalog import resolve_doc

# Relations that become edges of a view: facts between entities plus the agreement links.
EDGE_RELATIONS: Final = (
    *(r for r in vocab.RELATIONS if r not in vocab.LITERAL_RELATIONS), "party", "signedAt",
)
# Literal-valued properties kept on nodes (and their assertions, for facts).
_LITERAL_FACTS: Final = tuple(sorted(vocab.LITERAL_RELATIONS))
_SUB_PROPERTIES: Final = {
    sup: tuple(sub for sub, sups in vocab.SUPERPROPERTIES.items() if sup in sups)
    for sup in {s for sups in vocab.SUPERPROPERTIES.values() for s in sups}
}
# What describes a node: types, names and literal-valued facts.
_DESCRIBING: Final = ", ".join(
    ["rdf:type", "rdfs:label", "skos:altLabel"]
    + [f"kgo:{p}" for p in (*_LITERAL_FACTS, "agreementKind", "signedOn")])
_TYPE: Final = ox.NamedNode(vocab.RDF_TYPE)
_ASSERTION: Final = ox.NamedNode(vocab.ont("Assertion"))
_SUBJECT: Final = ox.NamedNode(vocab.RDF + "subject")
_PREDICATE: Final = ox.NamedNode(vocab.RDF + "predicate")
_OBJECT: Final = ox.NamedNode(vocab.RDF + "object")
_EVIDENCE_PROPERTIES: Final = tuple(
    (ox.NamedNode(iri), var) for iri, var in (
        (vocab.ont("sentence"), "sentence"), (vocab.PROV + "wasDerivedFrom", "doc"),
        (vocab.ont("charStart"), "start"), (vocab.ont("charEnd"), "end")))


@dataclass(frozen=True)
class Selection:
    """The cut-down of an export; all fields at their defaults mean the whole store.

    ``around`` is an entity name, alias or IRI (resolved like every query command's
    argument); ``types`` and ``relations`` are ontology class and relation names, already
    checked by :meth:`checked`.
    """

    around: str | None = None
    depth: int = 1
    types: tuple[str, ...] = ()
    relations: tuple[str, ...] = ()
    construct: str | None = None
    graph: str | None = None

    @property
    def is_whole(self) -> bool:
        """Whether nothing is cut (the dump reads the store's quads directly)."""
        return not (self.around or self.types or self.relations or self.construct or self.graph)

    def checked(self) -> Selection:
        """This selection with type names normalised; contradictions -> :class:`UsageError`."""
        from kg.terms import check_types

        if self.depth < 1:
            raise UsageError("--depth must be 1 or more")
        if self.depth != 1 and self.around is None:
            raise UsageError("--depth counts hops from --around ENTITY; add --around")
        if self.construct is not None and (self.around or self.types or self.relations
                                           or self.graph):
            raise UsageError("--construct is a whole cut-down of its own; "
                             "drop --around, --type, --relation and --graph, or the query")
        if self.graph is not None and (self.around or self.types or self.relations):
            raise UsageError("--graph exports one article as stored; "
                             "it does not combine with --around, --type or --relation")
        unknown = sorted(set(self.relations) - set(EDGE_RELATIONS))
        if unknown:
            raise UsageError(f"unknown relation {', '.join(unknown)}; "
                             f"use one of: {', '.join(EDGE_RELATIONS)}")
        return Selection(self.around, self.depth, check_types(self.types), self.relations,
                         self.construct, self.graph)


@dataclass(frozen=True)
class GraphData:
    """The RDF a writer reads: a way to iterate its quads, and whether graph names matter.

    ``quads`` may be called more than once (each call queries again) and may repeat a
    triple (the union of article graphs states an entity's label once per article).
    ``keeps_graphs`` is False for cut-downs: their triples are written to the default graph.
    ``dump`` is the store's own serialiser (whole store or one article graph), which RDF
    writers use for the formats it writes well.
    """

    quads: Callable[[], Iterable[ox.Quad | ox.Triple]]
    keeps_graphs: bool
    dump: Callable[[RdfFormat, BinaryIO], None] | None = None

    @staticmethod
    def of_triples(triples: Sequence[ox.Triple]) -> GraphData:
        """Data from triples already in memory (a CONSTRUCT result)."""
        return GraphData(lambda: triples, keeps_graphs=False)


def fetch(store: Store, selection: Selection, *, view: bool = False) -> GraphData:
    """The RDF of ``selection``, cut in the store (see the module docstring).

    ``view``: the data feeds a view (kg.views.project), which reads of each assertion only
    its statement, sentence and article, and of each article only its file name; a cut-down
    then leaves out the rest (character offsets, titles, dates, hashes), which RDF exports
    keep.
    """
    sel = selection.checked()
    if sel.is_whole:
        return GraphData(lambda: store.quads(), True, lambda fmt, out: store.dump(fmt, out))
    if sel.graph is not None:
        iri = resolve_doc(store, sel.graph)
        graph = ox.NamedNode(iri)
        return GraphData(lambda: store.quads(graph=graph), True,
                         lambda fmt, out: store.dump(fmt, out, iri))
    if sel.construct is not None:
        return GraphData.of_triples(construct(store, sel.construct))
    relations = _with_sub_properties(sel.relations or EDGE_RELATIONS)
    if sel.around is not None:
        from kg.lookup.resolution import resolve

        start = resolve(store, sel.around)
        nodes = walk(store, start.iri, sel.depth, relations, sel.types)
    elif sel.types:
        nodes = _typed(store, sel.types)
    else:
        nodes = _ends(store, relations)
    return GraphData.of_triples(subgraph(store, nodes, relations, view=view))


def construct(store: Store, query: str) -> list[ox.Triple]:
    """The triples of a user's CONSTRUCT (or DESCRIBE) query; anything else is refused."""
    if not query.strip():
        raise UsageError("--construct needs a SPARQL CONSTRUCT query")
    result = store.query(query)
    if not isinstance(result, Triples):
        raise UsageError("--construct needs a CONSTRUCT or DESCRIBE query "
                         "(SELECT and ASK give rows, not a graph: use `kg sparql`)")
    return result.triples


def _with_sub_properties(relations: Iterable[str]) -> tuple[str, ...]:
    """``participant`` also admits ``exhibitor`` facts (their superproperty), as walks do."""
    out: dict[str, None] = {}
    for r in relations:
        out[r] = None
        for sub in _SUB_PROPERTIES.get(r, ()):
            out[sub] = None
    return tuple(out)


def _values(var: str, iris: Iterable[str]) -> str:
    """A VALUES block of IRIs taken from the store (never from user text)."""
    return f"VALUES ?{var} {{ {' '.join(str(ox.NamedNode(i)) for i in iris)} }}"


def _kgo_values(var: str, names: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ {' '.join(f'kgo:{n}' for n in names)} }}"


def _kgo_in(var: str, names: Iterable[str]) -> str:
    """A FILTER on a predicate variable: far faster than a VALUES join once the subject is
    bound (pyoxigraph would otherwise start from every triple of those predicates)."""
    return f"FILTER(?{var} IN ({', '.join(f'kgo:{n}' for n in names)}))"


def _iris(store: Store, query: str, var: str = "n") -> set[str]:
    return {
        term.value for sol in store.select(query)
        if isinstance(term := sol[var], ox.NamedNode)
    }


def _chunks(items: Sequence[str], size: int = 2000) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _typed(store: Store, types: Sequence[str]) -> set[str]:
    return _iris(store, f"SELECT DISTINCT ?n WHERE {{ ?n a ?t . {_kgo_values('t', types)} }}")


def _ends(store: Store, relations: Sequence[str]) -> set[str]:
    return _iris(store, f"""SELECT DISTINCT ?n WHERE {{
        {{ ?n ?p ?o FILTER(isIRI(?o)) }} UNION {{ ?s ?p ?n FILTER(isIRI(?n)) }}
        {_kgo_values('p', relations)} }}""")


def _keep_types(store: Store, nodes: set[str], types: Sequence[str]) -> set[str]:
    if not types or not nodes:
        return nodes
    kept: set[str] = set()
    for chunk in _chunks(sorted(nodes)):
        kept |= _iris(store, f"SELECT DISTINCT ?n WHERE {{ {_values('n', chunk)} ?n a ?t . "
                             f"{_kgo_in('t', types)} }}")
    return kept


def _step(store: Store, frontier: Sequence[str], relations: Sequence[str]) -> set[str]:
    """Nodes one edge away from ``frontier`` (either direction) over ``relations``."""
    found: set[str] = set()
    for chunk in _chunks(frontier):
        found |= _iris(store, f"""SELECT DISTINCT ?o WHERE {{ {_values('n', chunk)}
            {{ ?n ?p ?o FILTER(isIRI(?o)) {_kgo_in('p', relations)} }}
            UNION {{ ?o ?p ?n {_kgo_in('p', relations)} }} }}""", "o")
    return found


def _through_agreements(store: Store, nodes: set[str], relations: Sequence[str]) -> set[str]:
    """The far ends of the agreements among ``nodes`` (they count as the same hop)."""
    links = [r for r in relations if r in ("party", "signedAt")]
    if not nodes or not links:
        return set()
    found: set[str] = set()
    for chunk in _chunks(sorted(nodes)):
        found |= _iris(store, f"""SELECT DISTINCT ?o WHERE {{ {_values('a', chunk)}
            ?a a kgo:Agreement ; ?p ?o . {_kgo_in('p', links)} }}""", "o")
    return found


def walk(
    store: Store, start: str, depth: int, relations: Sequence[str], types: Sequence[str] = (),
) -> set[str]:
    """Nodes within ``depth`` hops of ``start``, breadth first, one query per level.

    ``relations`` are the edges followed; ``types`` restricts the nodes walked to (the start
    is always kept). An agreement reached at some depth brings its parties and its event at
    the same depth.
    """
    seen = {start}
    level = {start} | _keep_types(store, _through_agreements(store, {start}, relations), types)
    seen |= level
    for _ in range(depth):
        reached = _keep_types(store, _step(store, sorted(level), relations) - seen, types)
        closure = reached
        while closure:  # agreements among the new nodes, then anything they bring
            extra = _keep_types(
                store, _through_agreements(store, closure, relations) - seen - reached, types)
            reached |= extra
            closure = extra
        if not reached:
            break
        seen |= reached
        level = reached
    return seen


def subgraph(
    store: Store, nodes: set[str], relations: Sequence[str], *, view: bool = False,
) -> list[ox.Triple]:
    """The sub-graph on ``nodes``: descriptions, relations between them, their evidence.

    Descriptions are each node's types and literal-valued triples (labels, aliases, dates,
    themes, an agreement's kind and date); relations are ``relations`` triples with both
    ends in ``nodes``; evidence is every assertion of a kept relation or literal fact, with
    the article records (file name, title, dates) those assertions cite. With ``view``, only
    what a view shows (see :func:`fetch`).
    """
    ordered = sorted(nodes)
    triples: set[ox.Triple] = set()
    for chunk in _chunks(ordered):
        # SELECT DISTINCT, not CONSTRUCT: a hub's label is stated once per article graph, and
        # DISTINCT drops the repeats before their terms are decoded.
        triples.update(_triples(store, f"""SELECT DISTINCT ?s ?p ?o WHERE {{
            {_values('s', chunk)} ?s ?p ?o FILTER(?p IN ({_DESCRIBING})) }}"""))
        triples.update(t for t in _triples(store, f"""SELECT DISTINCT ?s ?p ?o WHERE {{
            {_values('s', chunk)} ?s ?p ?o . {_kgo_in('p', relations)} }}""")
            if isinstance(t.object, ox.NamedNode) and t.object.value in nodes)
    # Assertions in two steps: which ones state a kept fact, then the evidence of those only;
    # a hub's other assertions never have their sentences decoded. The first step reads only
    # subject and object (the object decides: a literal, or a node of the cut); the predicate
    # comes with the evidence, so the ~3/4 of a hub's assertions that point outside the cut
    # cost one index read each instead of two.
    wanted = frozenset((*relations, *_LITERAL_FACTS))
    statements: dict[ox.NamedNode, tuple[ox.NamedNode, ox.NamedNode | ox.Literal]] = {}
    for chunk in _chunks(ordered):
        for sol in store.select(f"""SELECT ?a ?n ?o WHERE {{
                {_values('n', chunk)} ?a rdf:subject ?n ; rdf:object ?o }}"""):
            a, n, o = sol["a"], sol["n"], sol["o"]
            if isinstance(a, ox.NamedNode) and isinstance(n, ox.NamedNode) and (
                    isinstance(o, ox.Literal)
                    or (isinstance(o, ox.NamedNode) and o.value in nodes)):
                statements[a] = (n, o)
    docs: set[str] = set()
    offsets = "" if view else (
        "OPTIONAL { ?a kgo:charStart ?start } OPTIONAL { ?a kgo:charEnd ?end }")
    for chunk in _chunks(sorted(a.value for a in statements)):
        for sol in store.select(f"""SELECT ?a ?p ?sentence ?doc ?start ?end WHERE {{
                {_values('a', chunk)} ?a rdf:predicate ?p .
                OPTIONAL {{ ?a kgo:sentence ?sentence }} OPTIONAL {{ ?a prov:wasDerivedFrom ?doc }}
                {offsets} }}"""):
            a, p = sol["a"], sol["p"]
            if not (isinstance(a, ox.NamedNode) and isinstance(p, ox.NamedNode)
                    and p.value.startswith(vocab.ONT) and p.value[len(vocab.ONT):] in wanted):
                continue
            n, o = statements[a]
            triples.update((ox.Triple(a, _TYPE, _ASSERTION), ox.Triple(a, _SUBJECT, n),
                            ox.Triple(a, _PREDICATE, p), ox.Triple(a, _OBJECT, o)))
            for prop, var in _EVIDENCE_PROPERTIES:
                value = sol[var]
                if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal):
                    triples.add(ox.Triple(a, prop, value))
            doc = sol["doc"]
            if isinstance(doc, ox.NamedNode):
                docs.add(doc.value)
    record = "?p = kgo:sourceFile" if view else "isLiteral(?o) || ?p = rdf:type"
    for chunk in _chunks(sorted(docs)):
        triples.update(_construct(store, f"""CONSTRUCT {{ ?d ?p ?o }} WHERE {{
            {_values('d', chunk)} ?d ?p ?o FILTER({record}) }}"""))
    return list(triples)  # unordered: every writer sorts what it writes


def _triples(store: Store, query: str) -> Iterator[ox.Triple]:
    """Triples from a SELECT of ``?s ?p ?o``."""
    for sol in store.select(query):
        s, p, o = sol["s"], sol["p"], sol["o"]
        if isinstance(s, ox.NamedNode | ox.BlankNode) and isinstance(p, ox.NamedNode) and (
                isinstance(o, ox.NamedNode | ox.BlankNode | ox.Literal)):
            yield ox.Triple(s, p, o)


def _construct(store: Store, query: str) -> Iterator[ox.Triple]:
    yield from store.construct(query)
