"""What a resolution rule is given: the store, and a way to read the phrases inside a phrase."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.errors import AmbiguousEntityError, EntityNotFoundError
from kg.lookup import STRUCTURAL_TYPES, EntityRef, describe_nodes, resolve, select
from kg.store.base import Store

from ..grammar import clean_phrase
from ..results import Resolved

# Name look-ups one phrase may spend on its rules: a long phrase with many "of" and "and"
# could otherwise try hundreds of readings, each a scan of the names on a large store.
# Exact-name checks (:meth:`Reader.exactly`) are index look-ups and cost nothing from it.
BUDGET = 12


@dataclass(frozen=True)
class Reader:
    """The store and the ordered rules; ``sub`` reads a phrase inside a description.

    Every look-up draws on a budget shared by the whole reading of one phrase
    (:data:`BUDGET`); once it is spent, rules find nothing and the phrase is not found.
    """

    store: Store
    rules: tuple[Rule, ...]
    depth: int = 0
    spent: list[int] = field(default_factory=lambda: [0])

    def _lookup(self, name: str, prefer: Sequence[str]) -> EntityRef:
        if self.spent[0] >= BUDGET:
            raise EntityNotFoundError(f"no reading of {name!r} within the look-up budget")
        self.spent[0] += 1
        return resolve(self.store, name, prefer=prefer, suggest=False)

    def by_name(self, name: str, prefer: Sequence[str]) -> EntityRef | None:
        """The node a name means by the :func:`kg.lookup.resolve` rules, or None (also when
        it names several: a rule reads a phrase only when its parts are clear)."""
        try:
            return self._lookup(name, prefer)
        except (EntityNotFoundError, AmbiguousEntityError):
            return None

    def exactly(self, name: str, prefer: Sequence[str] = ()) -> EntityRef | None:
        """The node bearing ``name`` itself as its label or an alias, as written (an index
        look-up, no scan); None if no node or several (unless ``prefer`` picks one)."""
        iris: set[str] = set()
        for query in (_BY_LABEL, _BY_ALIAS):
            rows = select(self.store, query, l=ox.Literal(name.strip()))
            iris |= {r["n"].value for r in rows if isinstance(r["n"], ox.NamedNode)}
        refs = [r for r in describe_nodes(self.store, sorted(iris)).values()
                if not STRUCTURAL_TYPES & set(r.types)]
        if len(refs) > 1 and prefer:
            refs = [r for r in refs if set(prefer) & set(r.types)]
        return refs[0] if len(refs) == 1 else None

    def sub(self, phrase: str, prefer: Sequence[str]) -> EntityRef | None:
        """A phrase inside a description ("A" in "the ceremony between A and B"): by name,
        else (one level down only) by the rules; None if nothing or several nodes."""
        name = clean_phrase(phrase)
        if not name:
            return None
        try:
            return self._lookup(name, prefer)
        except AmbiguousEntityError:
            return None
        except EntityNotFoundError:
            pass
        if self.depth >= 1:
            return None
        deeper = Reader(self.store, self.rules, self.depth + 1, self.spent)
        for rule in self.rules:
            got = rule(deeper, name, prefer)
            if got is not None:
                return got.entity
        return None


_BY_LABEL = "SELECT ?n ?l WHERE { ?n rdfs:label ?l }"
_BY_ALIAS = "SELECT ?n ?l WHERE { ?n skos:altLabel ?l }"

Rule = Callable[[Reader, str, Sequence[str]], "Resolved | None"]
