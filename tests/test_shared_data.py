"""Tests find ../shared from the repository root, and a missing ../shared fails in CI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, SHARED, shared_path

TESTS = Path(__file__).parent


def test_shared_is_found_beside_the_repository_root() -> None:
    assert (ROOT / "pyproject.toml").is_file() and (ROOT / "tests" / "conftest.py").is_file()
    assert ROOT.parent / "shared" == SHARED


def test_no_test_names_a_fixed_folder_outside_the_repository() -> None:
    fixed = re.compile(r"""["'](/work/|/home/|/Users/|/tmp/shared)""")
    offenders = [
        f"{p.name}:{n}" for p in sorted(TESTS.glob("*.py")) if p.name != Path(__file__).name
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if fixed.search(line)
    ]
    assert offenders == []


def test_no_test_skips_silently_for_want_of_shared() -> None:
    """A skipif on ../shared would skip in CI too: tests call shared_path() instead."""
    offenders = [
        p.name for p in sorted(TESTS.glob("*.py")) if p.name != Path(__file__).name
        and re.search(r"skipif\([^)]*shared", p.read_text(encoding="utf-8"), re.S)
    ]
    assert offenders == []


def test_a_missing_shared_path_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match="CI must provide it"):
        shared_path("no-such-folder-for-this-test")


def test_a_missing_shared_path_skips_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"needs .*no-such-folder"):
        shared_path("no-such-folder-for-this-test")


def test_the_seed_gold_is_read_from_shared() -> None:
    gold = shared_path("eval", "gold")
    assert sorted(gold.glob("*.json")), f"no gold files in {gold}"
