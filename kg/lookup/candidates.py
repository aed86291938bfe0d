"""Candidate names for a look-up: the labels and aliases containing one token of the name (a
SPARQL prefilter), and the word folding that resolution, suggestions and search compare with.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg import vocab
from kg.lookup.queries import select
from kg.names import normalize_name
from kg.store.base import Store


def fold(token: str) -> str:
    """Fold plural/possessive "s" so "Asia's" (normalised "asias") meets "Asia"."""
    return token[:-1] if len(token) > 3 and token.endswith("s") else token


def tokens(norm: str) -> set[str]:
    return {fold(t) for t in norm.split()}


def content_tokens(norm: str) -> set[str]:
    """The words a containing name must hold: without function words when two or more words
    are left ("the promotion conference in Munich"), else all of them ("the opening of X")."""
    words = tokens(norm)
    content = words - _STOP
    return content if len(content) >= 2 else words


def prefilter_token(name: str) -> str:
    """A lower-case substring that every label matching ``name`` contains, as selective as possible.

    The longest word of the raw name split at every non-letter (so "People's" gives "people",
    which "Peoples" and "People's" both contain), minus a final plural "s".

    >>> prefilter_token("The People's Government of Beijing")
    'government'
    """
    words = raw_words(name)
    if not words:
        return ""
    word = words[0]
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


_STOP = frozenset({"and", "the", "of", "for", "in", "on", "at", "s"})


def raw_words(name: str) -> list[str]:
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
class Names:
    labels: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # iri -> norms
    aliases: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    raw: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # iri -> surfaces


def candidates(store: Store, token: str) -> Names:
    names = Names()
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
