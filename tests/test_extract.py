"""The default extractor (rules-v2) on short articles written for these tests (tests/data/extract/).

Cases live in every ``*.json`` file of that folder (one file per family of shapes, so cases
for dates, agreements or posts are kept and reviewed apart); names must be unique across files.

Each case states facts, agreements, types and aliases that must be read, and facts that must
not; none of the names come from the seed articles. A failure prints what was read instead.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from kg.articles import read_bytes
from kg.config import DEFAULT_EXTRACTOR
from kg.extract import get_extractor
from kg.names import normalize_name
from kg.records import Extraction, Literal

DATA = Path(__file__).parent / "data" / "extract"
CASES: list[dict[str, Any]] = [
    case for path in sorted(DATA.glob("*.json"))
    for case in json.loads(path.read_text(encoding="utf-8"))
]
ROOT = Path(__file__).parent.parent


def _extract(text: str, name: str) -> Extraction:
    article = read_bytes(name, text.encode("utf-8"))
    return next(get_extractor(DEFAULT_EXTRACTOR).extract([article]))


def _keys_named(ex: Extraction, name: str) -> set[str]:
    want = normalize_name(name)
    return {k for k, e in ex.entities.items()
            if want in {normalize_name(n) for n in {e.label, *e.aliases}}}


def _read_facts(ex: Extraction) -> list[str]:
    ents = ex.entities
    out = []
    for f in ex.facts:
        o = f.object.value if isinstance(f.object, Literal) else ents[f.object].label
        out.append(f"{ents[f.subject].label} -{f.relation.value}-> {o}")
    return out


def _has(ex: Extraction, s: str, rel: str, o: str) -> bool:
    subjects = _keys_named(ex, s)
    objects = _keys_named(ex, o)
    for f in ex.facts:
        if f.relation.value != rel or f.subject not in subjects:
            continue
        if isinstance(f.object, Literal):
            if normalize_name(f.object.value) == normalize_name(o) or (
                    rel in {"theme", "role"} and normalize_name(o) in normalize_name(f.object.value)):
                return True
        elif f.object in objects:
            return True
    return False


@pytest.fixture(scope="module")
def extractions() -> dict[str, Extraction]:
    return {c["name"]: _extract(c["text"], f"case-{i}.txt") for i, c in enumerate(CASES)}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_expected_facts_are_read(case: dict[str, Any], extractions: dict[str, Extraction]) -> None:
    ex = extractions[case["name"]]
    missing = [t for t in case.get("expect", []) if not _has(ex, *t)]
    assert not missing, f"missing {missing}; read:\n" + "\n".join(_read_facts(ex))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_wrong_facts_are_not_read(case: dict[str, Any], extractions: dict[str, Extraction]) -> None:
    ex = extractions[case["name"]]
    wrong = [t for t in case.get("absent", []) if _has(ex, *t)]
    assert not wrong, f"read {wrong}; all read:\n" + "\n".join(_read_facts(ex))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_agreements_types_labels_and_aliases(case: dict[str, Any], extractions: dict[str, Extraction]) -> None:
    ex = extractions[case["name"]]
    ents = ex.entities
    got = [(a.kind, sorted(sorted(normalize_name(ents[k].label) for k in side) for side in a.sides))
           for a in ex.agreements]
    for want in case.get("agreements", []):
        sides = sorted(sorted(normalize_name(n) for n in side) for side in want["sides"])
        assert (want["kind"], sides) in got, f"no {want}; agreements read: {got}"
        if "date" in want:  # the day it was signed ("" when no day is told)
            dates = [a.date.lexical if a.date else "" for a, g in zip(ex.agreements, got, strict=True)
                     if g == (want["kind"], sides)]
            assert want["date"] in dates, f"{want}: signed on {dates}"
    if "agreements" in case:
        assert len(ex.agreements) == len(case["agreements"]), got
    for name, etype in case.get("types", {}).items():
        keys = _keys_named(ex, name)
        assert keys, f"no entity named {name!r}"
        assert {ents[k].type.value for k in keys} == {etype}, name
    for name, label in case.get("labels", {}).items():  # the name an answer shows
        keys = _keys_named(ex, name)
        assert len(keys) == 1, f"{name!r} is {len(keys)} entities"
        assert ents[keys.pop()].label == label, name
    for name, aliases in case.get("aliases", {}).items():
        keys = _keys_named(ex, name)
        assert len(keys) == 1, f"{name!r} is {len(keys)} entities"
        entity = ents[keys.pop()]
        for alias in aliases:
            assert normalize_name(alias) in {normalize_name(a) for a in entity.aliases}, entity


def test_case_names_are_unique_across_files() -> None:
    names = [c["name"] for c in CASES]
    assert len(CASES) > 100
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]


def test_every_reference_points_at_an_entity() -> None:
    """Facts, posts and agreements only name entities the extraction has (merges included)."""
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "devset").rglob("*.txt"))
    articles = [read_bytes(p.name, p.read_bytes()) for p in paths if p.name != "README.md"]
    for ex in get_extractor(DEFAULT_EXTRACTOR).extract(articles):
        keys = set(ex.entities)
        for f in ex.facts:
            assert f.subject in keys, (ex.article.name, f)
            assert isinstance(f.object, Literal) or f.object in keys, (ex.article.name, f)
        for p in ex.posts:
            assert p.person in keys and (p.organization is None or p.organization in keys)
        for a in ex.agreements:
            assert set(a.parties) <= keys | {a.key}, (ex.article.name, a)
            assert a.event is None or a.event in keys


def test_evidence_points_into_the_article() -> None:
    text = CASES[0]["text"]
    ex = _extract(text, "evidence.txt")
    assert ex.facts
    for f in ex.facts:
        span = text[f.evidence.start:f.evidence.end]
        assert " ".join(span.split()) == f.evidence.sentence
    assert hashlib.sha256(text.encode()).hexdigest() == ex.article.sha256
