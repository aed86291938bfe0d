"""Every example in a docstring of kg and kg_cli runs, and passes, with the suite.

The examples document behaviour at the level of one function ("'Hall 7.1 of X' is a venue"):
run as tests, they cannot drift from the code they describe.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import kg_cli
import pytest

import kg


def _modules() -> list[str]:
    names = ["kg", "kg_cli"]
    for package in (kg, kg_cli):
        names += [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
    return sorted(names)


def test_the_walk_finds_the_packages_of_every_stage() -> None:
    names = set(_modules())
    assert {"kg.extract.rules.post_bodies", "kg.ask.phrases.nearest", "kg.views.project", "kg.store.base",
            "kg_cli.main"} <= names


@pytest.mark.parametrize("name", _modules())
def test_the_examples_of(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"


def test_the_examples_are_many() -> None:
    """A walk that silently found no examples (a renamed package, an import that stopped the
    walk) would pass every test above."""
    attempted = sum(doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS,
                                    report=False).attempted for name in _modules())
    assert attempted >= 150
