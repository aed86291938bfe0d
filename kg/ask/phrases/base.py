"""What a resolution rule is given: the store, and a way to read the phrases inside a phrase."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import AmbiguousEntityError, EntityNotFoundError
from kg.lookup import EntityRef, resolve
from kg.names import normalize_name

from ..grammar import clean_phrase, names_of
from ..results import Resolved


@dataclass(frozen=True)
class Reader:
    """The store and the ordered rules; ``sub`` reads a phrase inside a description."""

    store: ox.Store
    rules: tuple[Rule, ...]
    depth: int = 0

    def by_name(self, name: str, prefer: Sequence[str]) -> EntityRef | None:
        """The node a name means by the :func:`kg.lookup.resolve` rules, or None."""
        try:
            return resolve(self.store, name, prefer=prefer)
        except EntityNotFoundError:
            return None

    def exactly(self, name: str, prefer: Sequence[str] = ()) -> EntityRef | None:
        """The node bearing ``name`` itself (label or alias, normalised), not a looser match."""
        try:
            found = resolve(self.store, name, prefer=prefer)
        except (EntityNotFoundError, AmbiguousEntityError):
            return None
        wanted = normalize_name(name)
        return found if wanted in {normalize_name(n) for n in names_of(found)} else None

    def sub(self, phrase: str, prefer: Sequence[str]) -> EntityRef | None:
        """A phrase inside a description ("A" in "the ceremony between A and B"): by name,
        else (two levels deep at most) by the rules; None if nothing or several nodes."""
        name = clean_phrase(phrase)
        if not name:
            return None
        try:
            return resolve(self.store, name, prefer=prefer)
        except AmbiguousEntityError:
            return None
        except EntityNotFoundError:
            pass
        if self.depth >= 2:
            return None
        deeper = Reader(self.store, self.rules, self.depth + 1)
        for rule in self.rules:
            got = rule(deeper, name, prefer)
            if got is not None:
                return got.entity
        return None


Rule = Callable[[Reader, str, Sequence[str]], "Resolved | None"]
