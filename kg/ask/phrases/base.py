"""What a resolution rule is given: the store, and a way to read the phrases inside a phrase."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.errors import AmbiguousEntityError, EntityNotFoundError
from kg.lookup import EntityRef, resolve
from kg.names import normalize_name

from ..grammar import clean_phrase, names_of
from ..results import Resolved

# Look-ups one phrase may spend on its rules: a long phrase with many "of" and "and" could
# otherwise try hundreds of readings, each a scan of the names on a large store.
BUDGET = 30


@dataclass(frozen=True)
class Reader:
    """The store and the ordered rules; ``sub`` reads a phrase inside a description.

    Every look-up draws on a budget shared by the whole reading of one phrase
    (:data:`BUDGET`); once it is spent, rules find nothing and the phrase is not found.
    """

    store: ox.Store
    rules: tuple[Rule, ...]
    depth: int = 0
    spent: list[int] = field(default_factory=lambda: [0])

    def _lookup(self, name: str, prefer: Sequence[str]) -> EntityRef:
        if self.spent[0] >= BUDGET:
            raise EntityNotFoundError(f"no reading of {name!r} within the look-up budget")
        self.spent[0] += 1
        return resolve(self.store, name, prefer=prefer)

    def by_name(self, name: str, prefer: Sequence[str]) -> EntityRef | None:
        """The node a name means by the :func:`kg.lookup.resolve` rules, or None (also when
        it names several: a rule reads a phrase only when its parts are clear)."""
        try:
            return self._lookup(name, prefer)
        except (EntityNotFoundError, AmbiguousEntityError):
            return None

    def exactly(self, name: str, prefer: Sequence[str] = ()) -> EntityRef | None:
        """The node bearing ``name`` itself (label or alias, normalised), not a looser match."""
        try:
            found = self._lookup(name, prefer)
        except (EntityNotFoundError, AmbiguousEntityError):
            return None
        wanted = normalize_name(name)
        return found if wanted in {normalize_name(n) for n in names_of(found)} else None

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


Rule = Callable[[Reader, str, Sequence[str]], "Resolved | None"]
