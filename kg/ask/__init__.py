"""Natural-language questions mapped to graph queries (``kg ask``).

A question is read by the first form of an ordered registry (:mod:`kg.ask.registry`) whose
pattern matches it ("how many KIND did X sign" answers a number: a literal). Each form
(``kg/ask/forms/``, one module per family: agreements, event agents, participants, time and
place, structure, posts, connection) is a pattern with named groups, a resolver setting
(which groups name entities, which types it prefers) and a graph query. Entity phrases are
resolved by name, or by description when no node bears the name ("the signing ceremony
between A and B", "the 6th Harbor Expo 2022", "the opening of X"; :mod:`kg.ask.phrases`).
Asked posts match exactly after normalisation (:mod:`kg.ask.roles`).

Answers are nodes (label = ``rdfs:label``, with their IRI) or literals (label = the lexical
form, e.g. ``2021-09`` or ``--09-26``, IRI null), each with the evidence sentences of the
facts that gave it; :class:`AskResult` also carries an :class:`Explanation` (form read,
words bound, entities resolved and how, notes) for ``kg ask --explain``.

Nothing here imports rdflib, networkx or spaCy.
"""

from __future__ import annotations

from .base import Form, Question
from .grammar import clean_phrase, clean_question, kind_matches, types_for
from .phrases import resolve_phrase
from .registry import FORMS, ask, known_forms, match
from .results import Answer, AskResult, Explanation, Resolved
from .roles import role_matches

__all__ = [
    "FORMS",
    "Answer",
    "AskResult",
    "Explanation",
    "Form",
    "Question",
    "Resolved",
    "ask",
    "clean_phrase",
    "clean_question",
    "kind_matches",
    "known_forms",
    "match",
    "resolve_phrase",
    "role_matches",
    "types_for",
]
