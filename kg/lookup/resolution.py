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
from collections.abc import Iterable, Sequence

import pyoxigraph as ox

from kg import vocab
from kg.errors import AmbiguousEntityError, EntityNotFoundError
from kg.lookup.candidates import Names, candidates, content_tokens, fold, prefilter_token, raw_words, tokens
from kg.lookup.nodes import STRUCTURAL_TYPES, EntityRef, describe_node, describe_nodes
from kg.lookup.queries import select
from kg.names import normalize_name
from kg.store.base import Store

_PREFIXED = re.compile(r"^(?P<prefix>[a-z][a-z0-9]*):(?P<local>[^\s/][^\s]*)$")


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


def _closest(refs: list[EntityRef], names: Names, norm: str) -> EntityRef | None:
    """Of several names holding all the phrase's words, the one with fewest other words, when
    it alone is the closest and ends with the phrase's last word ("the Pine zone": "Lakeside
    Pine Hi-tech Zone", not "Administrative Committee of Lakeside Pine Hi-tech Zone"), else
    alone starts with the phrase ("Tallis": "Tallis Medtech", not "signing ceremony between
    Pine Hospital and Tallis Medtech GmbH")."""
    if len(refs) < 2:
        return None
    wanted, words = content_tokens(norm), norm.split()
    last = fold(words[-1])
    for ends in (True, False):
        extra: dict[str, int] = {}
        for ref in refs:
            fits = [n for n in names.labels.get(ref.iri, set()) | names.aliases.get(ref.iri, set())
                    if wanted <= tokens(n) and (fold(n.split()[-1]) == last if ends
                                                  else n.split()[:len(words)] == words)]
            if fits:
                extra[ref.iri] = min(len(tokens(n)) - len(wanted) for n in fits)
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
    names = candidates(store, prefilter_token(name))

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
    wanted = content_tokens(norm)
    containing = [
        i
        for i in set(names.labels) | set(names.aliases)
        if any(wanted <= tokens(n) for n in names.labels[i] | names.aliases[i])
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
    for word in raw_words(name)[:3]:
        for surfaces_of_node in candidates(store, word[:4]).raw.values():
            for s in surfaces_of_node:
                surfaces.setdefault(normalize_name(s), s)
    close = difflib.get_close_matches(norm, list(surfaces), n=limit, cutoff=0.5)
    return [surfaces[c] for c in close]
