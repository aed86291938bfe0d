"""Extractors: article in, :class:`~kg.records.Extraction` out, behind one interface.

Extractors are registered under versioned names ("rules-v2", the only one for now);
ingestion asks for one by name, so a better extractor (a statistical model, an LLM) can join or
replace the rules without touching reading, resolution, RDF building or storage.
Implementations are imported lazily: a query never pays for spaCy.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from typing import Protocol

from kg.errors import UsageError
from kg.records import Article, Extraction


class Extractor(Protocol):
    """Reads articles and returns what they state."""

    name: str

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """One :class:`Extraction` per article, in order (batched internally for speed)."""
        ...


# name -> "module:factory"; the factory takes no arguments and returns an Extractor.
_REGISTRY: dict[str, str] = {
    "rules-v2": "kg.extract.rules:RulesExtractor",
}
_INSTANCES: dict[str, Extractor] = {}


def register(name: str, target: str) -> None:
    """Register an extractor factory as ``"package.module:Factory"`` under a versioned name."""
    _REGISTRY[name] = target
    _INSTANCES.pop(name, None)


def available() -> list[str]:
    """Names of the registered extractors."""
    return sorted(_REGISTRY)


def get_extractor(name: str) -> Extractor:
    """The extractor registered as ``name`` (created once per process).

    >>> get_extractor("rules-v2").name  # doctest: +SKIP
    'rules-v2'
    """
    if name not in _REGISTRY:
        raise UsageError(f"unknown extractor {name!r}; known: {', '.join(available())}")
    if name not in _INSTANCES:
        module_name, _, attr = _REGISTRY[name].partition(":")
        factory = getattr(importlib.import_module(module_name), attr)
        _INSTANCES[name] = factory()
    return _INSTANCES[name]
