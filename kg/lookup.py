"""Entity name resolution: turn what a user typed into one node of the graph.

Every query command takes entity arguments as names, aliases or IRIs; this module is the one
place that decides which node a name means, so ``show``, ``neighbors``, ``path`` and ``ask``
agree. The rules, in order (deterministic and documented in the CLI help):

1. An IRI (``https://...``, ``<https://...>`` or ``kg:hospital/x``) names that node if the
   store knows it.
2. A name equal, character for character, to the label of exactly one entity names it (an
   index look-up, so copied labels resolve instantly on any store). Otherwise names are
   compared after :func:`kg.names.normalize_name` (case, punctuation, a leading "the",
   corporate suffixes). An exact match on a label (``rdfs:label`` or ``skos:prefLabel``)
   wins over alias (``skos:altLabel``) matches; several different nodes at the same level
   are ambiguous.
3. Failing that, a node whose label or alias contains every token of the name (plural and
   possessive "s" folded) matches, if it is the only such node. Agreements are skipped at this
   step unless nothing else matches, because their generated labels ("... agreement between A
   and B") contain their parties' names.
4. ``prefer`` (entity types) breaks a tie at any step when exactly one candidate has a
   preferred type; ``kg ask`` uses it ("when did X start" prefers events).

Candidates are fetched with a SPARQL ``CONTAINS`` prefilter on one token of the name, passed
as a bound value, so look-up stays fast on a million-triple store and a name never
changes a query's structure.

Nothing here imports rdflib, networkx or spaCy (the query path must start fast).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg import terms, vocab
from kg.errors import AmbiguousEntityError, EntityNotFoundError
from kg.names import normalize_name
from kg.store.base import Store, Values

# Types that are scaffolding, never entities a user looks up or walks through.
STRUCTURAL_TYPES = frozenset(
    {"Article", "Assertion", "AgreementSide", "Post", "MergeDecision"}
)
# Most specific first: the order in which a node's primary type is chosen.
_TYPE_ORDER = (
    "Hospital", "Company", "GovernmentBody", "Venue", "Agreement", "Event", "EventSeries",
    "Person", "Organization", "Place",
)
_PREFIXED = re.compile(r"^(?P<prefix>[a-z][a-z0-9]*):(?P<local>[^\s/][^\s]*)$")


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


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``.

    >>> local_name(vocab.ont("Event"))
    'Event'
    """
    return re.split(r"[#/]", iri)[-1]


def primary_type(types: Iterable[str]) -> str:
    """The most specific kgo type of a node (Hospital before Organization).

    >>> primary_type(["Organization", "Hospital"])
    'Hospital'
    """
    have = set(types)
    for t in _TYPE_ORDER:
        if t in have:
            return t
    return sorted(have)[0] if have else ""


def order_types(types: Iterable[str]) -> tuple[str, ...]:
    """Types most specific first, materialised superclasses last, others alphabetically."""
    have = set(types)
    ranked = [t for t in _TYPE_ORDER if t in have]
    return tuple(ranked + sorted(have - set(ranked)))


def pick_label(labels: Iterable[str]) -> str:
    """The label shown for a node that different articles label differently.

    The label most articles agree on wins; ties go to the longest (the fullest form), then
    alphabetical order, so output is stable.

    >>> pick_label(["CIF 2021", "Cloud Fair 2021", "Cloud Fair 2021"])
    'Cloud Fair 2021'
    """
    counts = Counter(labels)
    if not counts:
        return ""
    return min(counts, key=lambda lab: (-counts[lab], -len(lab), lab))


@dataclass(frozen=True)
class EntityRef:
    """One node of the graph, as look-up returns it: IRI, display label, types (specific first)."""

    iri: str
    label: str
    types: tuple[str, ...] = ()
    aliases: tuple[str, ...] = field(default=(), compare=False)

    @property
    def type(self) -> str:
        """The most specific type ("Hospital"), or "" for an untyped node."""
        return self.types[0] if self.types else ""

    def describe(self) -> str:
        """``Ruijin Hospital (Hospital) <iri>``: how candidates are listed in messages."""
        kind = f" ({self.type})" if self.type else ""
        return f"{self.label}{kind} <{self.iri}>"


# A FILTER, not a VALUES, on the predicate: with the nodes bound by VALUES, a second VALUES
# makes the planner start from every label of the store.
# Grouped: a node named in hundreds of articles has each label and type once per article
# graph in the union; counting them in the store keeps the Python side to distinct values.
_DESCRIBE = """
SELECT ?n ?p ?v (COUNT(*) AS ?c) WHERE {
  ?n ?p ?v . FILTER(?p IN (rdfs:label, skos:prefLabel, skos:altLabel, rdf:type))
} GROUP BY ?n ?p ?v
"""


def describe_nodes(store: Store, iris: Iterable[str]) -> dict[str, EntityRef]:
    """Labels, aliases and types of the given nodes, in one query per :data:`VALUES_CHUNK`.

    Nodes without a label get their IRI's local name, so every answer has something to show.
    A ``skos:prefLabel`` is the label when a node has one (graphs not written by kg); types
    follow :func:`kg.terms.type_names`.
    """
    wanted = list(dict.fromkeys(iris))
    labels: dict[str, list[str]] = defaultdict(list)
    preferred: dict[str, list[str]] = defaultdict(list)
    aliases: dict[str, set[str]] = defaultdict(set)
    types: dict[str, set[str]] = defaultdict(set)
    for row in select_many(store, _DESCRIBE, "n", wanted) if wanted else []:
        node, pred, value, count = row["n"], row["p"], row["v"], row["c"]
        assert isinstance(node, ox.NamedNode) and isinstance(pred, ox.NamedNode)
        assert isinstance(count, ox.Literal)
        iri = node.value
        if pred.value == vocab.RDFS_LABEL and isinstance(value, ox.Literal):
            labels[iri].extend([value.value] * int(count.value))
        elif pred.value == terms.SKOS_PREF and isinstance(value, ox.Literal):
            preferred[iri].extend([value.value] * int(count.value))
        elif pred.value == vocab.SKOS_ALT and isinstance(value, ox.Literal):
            aliases[iri].add(value.value)
        elif isinstance(value, ox.NamedNode):
            types[iri].add(value.value)
    out: dict[str, EntityRef] = {}
    for iri in wanted:
        label = pick_label(preferred[iri]) or pick_label(labels[iri]) or local_name(iri)
        names = set(labels[iri]) | set(preferred[iri])
        out[iri] = EntityRef(
            iri, label, order_types(terms.type_names(types[iri])),
            tuple(sorted(aliases[iri] | names - {label})),
        )
    return out


def describe_node(store: Store, iri: str) -> EntityRef:
    """:func:`describe_nodes` for one node."""
    return describe_nodes(store, [iri])[iri]


def _fold(token: str) -> str:
    """Fold plural/possessive "s" so "Asia's" (normalised "asias") meets "Asia"."""
    return token[:-1] if len(token) > 3 and token.endswith("s") else token


def _tokens(norm: str) -> set[str]:
    return {_fold(t) for t in norm.split()}


def _content_tokens(norm: str) -> set[str]:
    """The words a containing name must hold: without function words when two or more words
    are left ("the promotion conference in Munich"), else all of them ("the opening of X")."""
    words = _tokens(norm)
    content = words - _STOP
    return content if len(content) >= 2 else words


def _prefilter_token(name: str) -> str:
    """A lower-case substring that every label matching ``name`` contains, as selective as possible.

    The longest word of the raw name split at every non-letter (so "People's" gives "people",
    which "Peoples" and "People's" both contain), minus a final plural "s".

    >>> _prefilter_token("The People's Government of Beijing")
    'government'
    """
    words = _raw_words(name)
    if not words:
        return ""
    word = words[0]
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


_STOP = frozenset({"and", "the", "of", "for", "in", "on", "at", "s"})


def _raw_words(name: str) -> list[str]:
    """Lower-case words of a raw name split at every non-letter, longest first, no stop words."""
    text = unicodedata.normalize("NFKC", name).lower()
    words = {w for w in re.findall(r"[^\W_]+", text) if w not in _STOP}
    return sorted(words, key=lambda w: (-len(w), w))


_CANDIDATES = """
SELECT ?n ?p ?name ?tok WHERE {
  { ?n rdfs:label ?name . BIND(rdfs:label AS ?p) }
  UNION { ?n skos:prefLabel ?name . BIND(skos:prefLabel AS ?p) }
  UNION { ?n skos:altLabel ?name . BIND(skos:altLabel AS ?p) }
  FILTER(CONTAINS(LCASE(STR(?name)), ?tok))
}
"""


@dataclass
class _Names:
    labels: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # iri -> norms
    aliases: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    raw: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # iri -> surfaces


def _candidates(store: Store, token: str) -> _Names:
    names = _Names()
    for row in select(store, _CANDIDATES, tok=ox.Literal(token)):
        node, pred, name = row["n"], row["p"], row["name"]
        if not isinstance(node, ox.NamedNode) or not isinstance(name, ox.Literal):
            continue
        assert isinstance(pred, ox.NamedNode)
        norm = normalize_name(name.value)
        target = names.aliases if pred.value == vocab.SKOS_ALT else names.labels
        target[node.value].add(norm)
        names.raw[node.value].add(name.value)
    return names


def _expand_iri(text: str) -> str | None:
    s = text.strip()
    if s.startswith("<") and s.endswith(">"):
        return s[1:-1]
    if re.match(r"^https?://\S+$", s):
        return s
    m = _PREFIXED.match(s)
    if m and m.group("prefix") in vocab.PREFIXES:
        return vocab.PREFIXES[m.group("prefix")] + m.group("local")
    return None


_EXISTS = "SELECT ?n ?p WHERE { ?n ?p ?o } LIMIT 1"


def _entity_refs(store: Store, iris: Iterable[str]) -> list[EntityRef]:
    refs = describe_nodes(store, sorted(set(iris)))
    return [r for r in refs.values() if not STRUCTURAL_TYPES.intersection(r.types)]


# the word a place's full name adds to its short one ("Shaanxi" -> "Shaanxi Province")
_ADMIN_WORDS = frozenset({"province", "city", "district", "county", "municipality", "prefecture", "town",
                          "region"})


def _closest(refs: list[EntityRef], names: _Names, norm: str) -> EntityRef | None:
    """Of several names holding all the phrase's words, the one with fewest other words, when
    it alone is the closest and ends with the phrase's last word ("the Pine zone": "Lakeside
    Pine Hi-tech Zone", not "Administrative Committee of Lakeside Pine Hi-tech Zone"), else
    alone starts with the phrase ("Tallis": "Tallis Medtech", not "signing ceremony between
    Pine Hospital and Tallis Medtech GmbH")."""
    if len(refs) < 2:
        return None
    wanted, words = _content_tokens(norm), norm.split()
    last = _fold(words[-1])
    for ends in (True, False):
        extra: dict[str, int] = {}
        for ref in refs:
            fits = [n for n in names.labels.get(ref.iri, set()) | names.aliases.get(ref.iri, set())
                    if wanted <= _tokens(n) and (_fold(n.split()[-1]) == last if ends
                                                  else n.split()[:len(words)] == words)]
            if fits:
                extra[ref.iri] = min(len(_tokens(n)) - len(wanted) for n in fits)
        if extra:
            break
    if not ends and len(extra) > 1:
        # "Shaanxi": the place named with its administrative word ("Shaanxi Province") rather
        # than the bodies named after it; else unclear ("Coastal" opens a forum's and its series')
        admin = [ref for ref in refs if ref.iri in extra and "Place" in ref.types and any(
            n.split()[:len(words)] == words and len(n.split()) == len(words) + 1 and n.split()[-1] in _ADMIN_WORDS
            for n in names.labels.get(ref.iri, set()) | names.aliases.get(ref.iri, set()))]
        return admin[0] if len(admin) == 1 else None
    if not extra:
        return None
    best = min(extra.values())
    winners = [r for r in refs if extra.get(r.iri) == best]
    return winners[0] if len(winners) == 1 else None


def _decide(
    refs: list[EntityRef], name: str, prefer: Sequence[str], level: str
) -> EntityRef | None:
    if not refs:
        return None
    if len(refs) == 1:
        return refs[0]
    if prefer:
        preferred = [r for r in refs if set(r.types) & set(prefer)]
        if len(preferred) == 1:
            return preferred[0]
    listing = "; ".join(r.describe() for r in sorted(refs, key=lambda r: (r.label, r.iri)))
    raise AmbiguousEntityError(
        f"{name!r} matches {len(refs)} entities by {level}: {listing}; "
        "give the full name or the IRI"
    )


def resolve(
    store: Store, name: str, *, prefer: Sequence[str] = (), suggest: bool = True
) -> EntityRef:
    """The node a user means by ``name`` (a name, an alias or an IRI); see the module rules.

    Raises EntityNotFoundError (with the nearest names, unless ``suggest`` is false: callers
    that try many readings of a phrase, like ``kg ask``, skip that costly search) or
    AmbiguousEntityError (with the candidates and their types).

    >>> from kg.store import KgStore
    >>> resolve(KgStore.memory(), "Nowhere Hospital")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.EntityNotFoundError: no entity named 'Nowhere Hospital'; try `kg search ...
    """
    iri = _expand_iri(name)
    if iri is not None:
        try:
            node = ox.NamedNode(iri)
        except ValueError:
            node = None
        if node is not None and select(store, _EXISTS, n=node):
            return describe_node(store, iri)
        raise EntityNotFoundError(
            f"no node with IRI <{iri}> in the store; check it with `kg search` or `kg entities`"
        )
    fast = exact_label(store, name.strip())
    if fast is not None:
        return fast
    norm = normalize_name(name)
    if not norm:
        raise EntityNotFoundError(f"{name!r} is not a name; give an entity's name, alias or IRI")
    names = _candidates(store, _prefilter_token(name))

    by_label = [i for i, ns in names.labels.items() if norm in ns]
    found = _decide(_entity_refs(store, by_label), name, prefer, "label")
    if found:
        return found
    by_alias = [i for i, ns in names.aliases.items() if norm in ns]
    found = _decide(_entity_refs(store, by_alias), name, prefer, "alias")
    if found:
        return found
    # "the promotion conference in Munich" holds the words of "X (Munich) Promotion Conference"
    # but its "in": function words are no words a name must hold
    wanted = _content_tokens(norm)
    containing = [
        i
        for i in set(names.labels) | set(names.aliases)
        if any(wanted <= _tokens(n) for n in names.labels[i] | names.aliases[i])
    ]
    refs = _entity_refs(store, containing)
    non_agreements = [r for r in refs if "Agreement" not in r.types]
    closest = _closest(non_agreements or refs, names, norm)
    if closest is not None:
        return closest
    found = _decide(non_agreements or refs, name, prefer, "containing all its words")
    if found:
        return found
    if not suggest:
        raise EntityNotFoundError(f"no entity named {name!r}")
    raise EntityNotFoundError(_not_found_message(store, name, norm))


_BY_LABEL = "SELECT ?n ?l WHERE { { ?n rdfs:label ?l } UNION { ?n skos:prefLabel ?l } }"


def exact_label(store: Store, name: str) -> EntityRef | None:
    """The one entity whose label is exactly ``name`` (an index look-up, no scan), else None.

    This is rule 2 taken literally before normalising: on a large store most arguments are
    copied labels, and they resolve without scanning every name.
    """
    if not name:
        return None
    iris = {
        row["n"].value
        for row in select(store, _BY_LABEL, l=ox.Literal(name))
        if isinstance(row["n"], ox.NamedNode)
    }
    refs = _entity_refs(store, iris)
    return refs[0] if len(refs) == 1 else None


def _not_found_message(store: Store, name: str, norm: str) -> str:
    suggestions = suggest(store, name)
    if suggestions:
        return f"no entity named {name!r}; did you mean: " + "; ".join(suggestions) + "?"
    return f"no entity named {name!r}; try `kg search {name!r}` to list similar names"


def suggest(store: Store, name: str, limit: int = 5) -> list[str]:
    """Up to ``limit`` known names closest to ``name`` (difflib), for error messages."""
    norm = normalize_name(name)
    surfaces: dict[str, str] = {}
    for word in _raw_words(name)[:3]:
        for surfaces_of_node in _candidates(store, word[:4]).raw.values():
            for s in surfaces_of_node:
                surfaces.setdefault(normalize_name(s), s)
    close = difflib.get_close_matches(norm, list(surfaces), n=limit, cutoff=0.5)
    return [surfaces[c] for c in close]


@dataclass(frozen=True)
class SearchHit:
    """One ranked result of :func:`search`: the node, the name that matched, a 0..1 score."""

    entity: EntityRef
    matched: str
    score: float


def _score(query_norm: str, name_norm: str) -> float:
    ratio = difflib.SequenceMatcher(None, query_norm, name_norm).ratio()
    q, n = _tokens(query_norm), _tokens(name_norm)
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
    for word in _raw_words(text)[:6]:
        names = _candidates(store, word[:4])  # a short prefix survives typos further on
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
