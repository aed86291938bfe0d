"""The ordered registry of question forms, and :func:`ask`, which reads and answers a question.

Forms are tried in the order of :data:`FORMS`; the first pattern that reads the whole
question wins, so specific forms stand before general ones: "where did X sign with Y"
before "where did X sign", "which events did X host" before "who hosted X", "when was
AGREEMENT signed" before "when was X", "who is the host of
X" before "who is the ROLE of X", "at which event did X sign" and "how many KIND were signed
at X" before "who signed at X", "representatives from which countries attended X" before
"who attended X", "which companies are located in X" before "which city is X located in".
To add a form, write it in the module of its family under
``kg/ask/forms/`` and place it here.
"""

from __future__ import annotations

import re

from kg.errors import UnknownQuestionError
from kg.store.base import Store

from .base import Form, Question
from .forms import agreements, connection, event_agents, participants, posts, signings, structure, time_place
from .grammar import clean_question
from .phrases import resolve_phrase
from .results import AskResult, Explanation


def _named(forms: tuple[Form, ...], *names: str) -> tuple[Form, ...]:
    by_name = {f.name: f for f in forms}
    return tuple(by_name[n] for n in names)


FORMS: tuple[Form, ...] = (
    *connection.FORMS,
    *_named(signings.FORMS, "when-signed", "where-signed", "when-pair-signed", "where-pair-signed", "signed-at",
            "signing-events"),
    *_named(agreements.FORMS, "how-many", "signers-at"),
    *_named(structure.FORMS, "events-of"),
    *_named(agreements.FORMS, "kinds", "signed-with", "parties"),
    *_named(event_agents.FORMS, "hosts", "organizers", "presiders"),
    *participants.FORMS,
    *_named(time_place.FORMS, "when-start", "when-end", "country", "located-in",
            "where"),
    *_named(structure.FORMS, "theme", "series", "editions", "part-of", "sub-events",
            "parent-organization"),
    *_named(posts.FORMS, "post-holder", "affiliation", "post"),
)


def known_forms() -> list[str]:
    """One example per question form, for help texts and error messages."""
    return [f.example for f in FORMS]


def match(question: str) -> tuple[Form, re.Match[str]]:
    """The first form whose pattern reads the question, and the match.

    >>> form, m = match("Who has Summit Hospital signed with?")
    >>> form.name, m.group("x")
    ('signed-with', 'Summit Hospital')
    >>> match("who co-hosted the Harbor Expo (Lakeside)")[1].group("x")
    'the Harbor Expo (Lakeside)'
    """
    q = clean_question(question)
    for form in FORMS:
        for pattern in form.patterns:
            m = pattern.match(q)
            if m:
                return form, m
    raise UnknownQuestionError(
        f"cannot read the question {question.strip()!r}; ask one of these forms: "
        + "; ".join(known_forms())
    )


def ask(store: Store, question: str, *, max_length: int = 4) -> AskResult:
    """Answer a natural-language question from the graph (see :data:`FORMS`).

    Raises UnknownQuestionError for a form it does not read (exit 2), EntityNotFoundError /
    AmbiguousEntityError when an entity phrase names no node, or several (exit 1).

    >>> from kg.store import KgStore
    >>> ask(KgStore.memory(), "what is the meaning of life")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.UnknownQuestionError: cannot read the question 'what is the meaning of life'; ...
    """
    form, m = match(question)
    slots = {k: v for k, v in m.groupdict().items() if v is not None}
    q = Question(store, question, slots, max_length=max_length)
    for slot in form.entity_slots:
        if slot in slots:
            q.resolved[slot] = resolve_phrase(store, slot, slots[slot], form.prefer)
    answers = form.answer(q)
    explanation = Explanation(form.name, form.example, form.query, slots,
                              list(q.resolved.values()), q.notes)
    entity = q.resolved["x"].entity if "x" in q.resolved else None
    return AskResult(question, form.name, entity, answers, q.path, explanation)
