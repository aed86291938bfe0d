"""Typed results of ``kg ask``: answers, the resolved entities, and the explanation of a reading.

JSON (``kg ask --format json``, scored by the evaluation; docs/cli-json.md)::

    {"question": "...", "form": "hosts", "entity": {"label", "iri", "types"} | null,
     "answers": [{"label": "...", "iri": "..." | null, "evidence": [{"doc", "sentence"}]}],
     "explain": {...}}            # only with --explain
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.lookup import EntityRef
from kg.query import Evidence, PathResult


@dataclass
class Answer:
    """One answer: a node or a literal, with the evidence of the facts behind it."""

    label: str
    iri: str | None
    types: tuple[str, ...] = ()
    evidence: list[Evidence] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "iri": self.iri,
            "evidence": [e.as_json() for e in self.evidence],
            **self.detail,
        }


def ref_json(ref: EntityRef) -> dict[str, Any]:
    """An entity reference as every JSON document of the CLI writes it."""
    return {"label": ref.label, "iri": ref.iri, "types": list(ref.types)}


@dataclass(frozen=True)
class Resolved:
    """How an entity phrase of the question was read: the node, and by which rule.

    ``how`` is "name" (kg.lookup rules: label, alias, all words), or a description rule
    ("signing ceremony of an agreement", "edition of a series", ...). ``fallbacks`` are nodes
    a form may ask instead when the node itself has no answer (an opening ceremony's event).
    """

    slot: str
    phrase: str
    entity: EntityRef
    how: str = "name"
    fallbacks: tuple[EntityRef, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"slot": self.slot, "phrase": self.phrase, "entity": ref_json(self.entity),
                "how": self.how, "fallbacks": [ref_json(f) for f in self.fallbacks]}


@dataclass
class Explanation:
    """Why the answers are what they are: the form read, the words it bound, the nodes, notes."""

    form: str
    example: str
    query: str
    slots: dict[str, str]
    resolved: list[Resolved] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The explanation as short lines for people (``kg ask --explain``)."""
        out = [f"form: {self.form} ({self.example})"]
        words = ", ".join(f"{k}={v!r}" for k, v in self.slots.items())
        out.append(f"read: {words}")
        for r in self.resolved:
            out.append(f"{r.slot}: {r.phrase!r} -> {r.entity.describe()} [{r.how}]")
            out.extend(f"  or else -> {f.describe()}" for f in r.fallbacks)
        out.append(f"query: {self.query}")
        out.extend(f"note: {n}" for n in self.notes)
        return out

    def as_json(self) -> dict[str, Any]:
        return {"form": self.form, "example": self.example, "query": self.query,
                "slots": dict(self.slots), "entities": [r.as_json() for r in self.resolved],
                "notes": list(self.notes)}


@dataclass
class AskResult:
    """The answer to a question: which form it was read as, the entity it is about, answers."""

    question: str
    form: str
    entity: EntityRef | None
    answers: list[Answer]
    path: PathResult | None = None
    explanation: Explanation | None = None

    def as_json(self, *, explain: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "question": self.question,
            "form": self.form,
            "entity": ref_json(self.entity) if self.entity else None,
            "answers": [a.as_json() for a in self.answers],
        }
        if self.path is not None:
            out["path"] = self.path.as_json()
        if explain and self.explanation is not None:
            out["explain"] = self.explanation.as_json()
        return out
