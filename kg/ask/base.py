"""What a question form is, and the context its query runs in.

A :class:`Form` is a pattern (regular expressions with named groups: ``x``/``y`` entity
phrases, ``type`` an answer kind such as "hospitals", ``kind`` an agreement kind, ``role`` a
post, ``verbs`` the verbs read), a resolver (which groups name entities, and the entity types
it prefers when a name is ambiguous) and a graph query (``answer``). The registry
(:mod:`kg.ask.registry`) tries forms in order; the first pattern that reads the question wins.

The query receives a :class:`Question`: the words bound, the entities already resolved (by
:func:`kg.ask.phrases.resolve_phrase`), and a place to leave notes for ``--explain``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kg.lookup import EntityRef
from kg.query import PathResult
from kg.store.base import Store

from .grammar import types_for
from .graph import objects
from .results import Answer, Resolved


@dataclass
class Question:
    """A question as a form read it: bound words, resolved entities, notes."""

    store: Store
    text: str
    slots: dict[str, str]
    resolved: dict[str, Resolved] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    path: PathResult | None = None
    max_length: int = 4  # for path questions

    @property
    def x(self) -> EntityRef:
        """The entity the question is about."""
        return self.resolved["x"].entity

    @property
    def y(self) -> EntityRef:
        """The second entity (connection and "A with B" questions)."""
        return self.resolved["y"].entity

    def slot(self, name: str) -> str | None:
        """The words a group bound, or None."""
        return self.slots.get(name)

    @property
    def types(self) -> tuple[str, ...]:
        """The kgo types the answer kind admits ("which hospitals" -> Hospital), or none."""
        return types_for(self.slot("type"))

    def note(self, text: str) -> None:
        """Record a decision the answer depends on (shown by ``--explain``)."""
        if text not in self.notes:
            self.notes.append(text)

    def about_x(self, query: Callable[[EntityRef], list[Answer]]) -> list[Answer]:
        """``query`` on the entity, else on its fallbacks (an opening ceremony -> its event)."""
        answers = query(self.x)
        if answers:
            return answers
        for other in self.resolved["x"].fallbacks:
            answers = query(other)
            if answers:
                self.note(f"nothing recorded for {self.x.label!r}; answered for {other.label!r}")
                return answers
        return []


Answerer = Callable[[Question], list[Answer]]


def objects_of_x(relation: str) -> Answerer:
    """The answerer of forms that ask one relation of X ("what is the theme of X", "which
    organization does P work for"): X's objects of the asked kind, else its fallbacks'."""
    def answer(q: Question) -> list[Answer]:
        return q.about_x(lambda e: objects(q.store, e.iri, relation, q.types))

    answer.__doc__ = f"Objects of X -{relation}->."
    return answer


@dataclass(frozen=True)
class Form:
    """One question form: name, example, patterns (the grammar), resolver settings, query."""

    name: str
    example: str
    patterns: tuple[re.Pattern[str], ...]
    answer: Answerer
    query: str
    prefer: tuple[str, ...] = ()  # entity types preferred when a phrase names several nodes
    entity_slots: tuple[str, ...] = ("x",)


def form(name: str, example: str, answer: Answerer, *patterns: str, query: str,
         prefer: tuple[str, ...] = (), entity_slots: tuple[str, ...] = ("x",)) -> Form:
    """A :class:`Form` with its patterns compiled (case-insensitive, whole question)."""
    return Form(name, example, tuple(re.compile(p, re.I) for p in patterns), answer, query,
                prefer, entity_slots)
