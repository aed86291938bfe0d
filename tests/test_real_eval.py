"""Extraction on real news: the 40 real articles of ``../shared/eval/real`` scored through the
library, against floors a little under the figures reached, so a regression cannot land
silently.

The scoring functions are the evaluation's own (``../shared/eval/score.py``, imported, not
copied): the graph is built with :func:`kg.ingest.ingest`, dumped as N-Triples and matched
against the hand-made gold. Outside CI the test skips when ``../shared`` is absent; in CI
(``CI`` set) its absence is a failure.
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kg.ask import ask
from kg.errors import KgError
from kg.formats import RdfFormat
from kg.ingest import ingest
from kg.store import KgStore

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "eval" / "real"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"

# Reached on 2026-12-01 (session 14) with rules-v2: relations 0.791, agreements 0.867, entity
# recall 0.926, questions exact 0.734 (README, "Measuring extraction"); the floors sit a little
# under, so noise passes and a real regression fails.
FLOORS = {"relations_f1": 0.78, "agreements_f1": 0.84, "entity_recall": 0.92, "questions_exact": 0.72}

# The 40 invented articles of ``devset/invented`` (written and annotated in session 16 by
# writers who never saw the code, in the shapes of wire stories, portals, newsrooms and local
# sites; blind when first scored: relations 0.73, agreements 0.67, questions 0.50; reached
# 0.85, 0.90, 0.70). Floors a little under what was reached.
# The 20 of ``devset/invented2`` (session 17, written the same way, with more undated pages,
# tables, ceremonies and trips; blind when first scored: 0.65, 0.64, 0.92, 0.48).
# The 20 of ``devset/invented3`` (session 18, leaning on signings in every grammar and on
# questions; blind when first scored: 0.73, 0.63, 0.95, 0.47) and the 20 of ``devset/invented4``
# (session 18, a fair sample of ordinary news, held back: only its scores were read; blind
# 0.76, 0.93, 0.95, 0.64). Reached at the end of session 18 (through the CLI): invented 0.87,
# 0.95, 0.99, 0.82; invented2 0.77, 0.95, 0.96, 0.73; invented3 0.80, 0.86, 0.96, 0.70;
# invented4 0.75, 0.93, 0.95, 0.65. At the end of session 19: invented 0.88, 0.95, 0.99, 0.82;
# invented2 0.78, 0.96, 0.96, 0.76; invented3 0.80, 0.86, 0.96, 0.74; invented4 0.76, 0.93, 0.95,
# 0.67; invented5 0.85, 0.97, 0.98, 0.94; invented6 (held back) 0.78, 0.95, 0.97, 0.725; invented7
# 0.79, 0.93, 0.97, 0.725. Session 20 added 60 more in group d's topics (investment promotion,
# parks): invented8 (s, t) and invented9 (u, v), blind 0.70-0.78, 0.59-0.67, 0.95-0.98, 0.55-0.64,
# then developed against; invented10 (w, blind 0.78, 0.64, 0.97, 0.69, then developed against);
# invented11 (x, held back: scores only; blind 0.78, 0.69, 0.96, 0.61). Reached at the end of
# session 20: invented8 0.78, 0.97, 0.98, 0.76; invented9 0.78, 0.97, 0.98, 0.71; invented10 0.78,
# 0.88, 0.97, 0.75; invented11 0.78, 0.69, 0.96, 0.61. Floors a little under what was reached.
_FLOOR_NAMES = ("relations_f1", "agreements_f1", "entity_recall", "questions_exact")
_INVENTED_FLOORS = {  # relations F1, agreements F1, entity recall, questions exact
    "invented": (0.85, 0.92, 0.97, 0.79),
    "invented2": (0.75, 0.92, 0.94, 0.70),
    "invented3": (0.77, 0.83, 0.94, 0.71),
    "invented4": (0.73, 0.90, 0.93, 0.64),
    # session 19: invented5 developed against, invented6 held back, invented7 developed against late
    "invented5": (0.82, 0.94, 0.95, 0.90),
    "invented6": (0.75, 0.92, 0.94, 0.69),
    "invented7": (0.76, 0.90, 0.94, 0.69),
    # session 20: invented8-10 developed against, invented11 held back
    "invented8": (0.75, 0.94, 0.95, 0.73),
    "invented9": (0.75, 0.94, 0.95, 0.68),
    "invented10": (0.75, 0.85, 0.94, 0.72),
    "invented11": (0.75, 0.66, 0.94, 0.58),
}
INVENTED_SETS = {name: (ROOT / "devset" / name, dict(zip(_FLOOR_NAMES, floors, strict=True)))
                 for name, floors in _INVENTED_FLOORS.items()}


def _scorer() -> ModuleType:
    if not SCORER.is_file() or not (REAL / "texts").is_dir():
        msg = f"the real evaluation set is not at {REAL} (clone ../shared beside the repository)"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)
    spec = importlib.util.spec_from_file_location("kg_eval_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _questions(score: ModuleType, kg: KgStore, gold: Any) -> dict[str, Any]:
    """The scorer's own question matching, with each answer asked of the library in-process
    (the scorer runs ``kg ask QUESTION --format json``; the answers are the same JSON)."""

    def answer(cli: list[str], args: list[str], env: dict[str, str], tolerate: bool = False) -> str:
        try:
            return json.dumps(ask(kg, args[1]).as_json())
        except KgError:
            return ""  # an unanswerable question: no answers, as the CLI's non-zero exit gives

    original = score.run
    score.run = answer
    try:
        result: dict[str, Any] = score.score_questions([], {}, gold)
    finally:
        score.run = original
    return result


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _score_set(_scorer(), REAL, tmp_path_factory.mktemp("real") / "store")


@pytest.fixture(scope="module", params=sorted(INVENTED_SETS))
def invented(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    where, floors = INVENTED_SETS[request.param]
    return {"floors": floors, **_score_set(_scorer(), where, tmp_path_factory.mktemp(request.param) / "store")}


def _score_set(score: ModuleType, where: Path, store: Path) -> dict[str, Any]:
    """Ingest a set's texts into a fresh store and score it against its gold."""
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((where / "gold").glob("*.json"))]
    results = ingest([where / "texts" / d["doc"] for d in docs], store)
    buf = io.BytesIO()
    with KgStore.open(store, read_only=True) as kg:
        kg.dump(RdfFormat.nt, buf)
    graph = score.Graph(buf.getvalue().decode("utf-8"))
    gold = score.Gold(docs)
    with KgStore.open(store, read_only=True) as kg:
        questions = _questions(score, kg, gold)
    return {
        "questions": questions,
        "failed": [r.name for r in results if r.status == "failed"],
        "relations": score.score_relations(graph, gold)["ALL"],
        "agreements": score.score_agreements(graph, gold)["whole"],
        "entities": score.score_entities(graph, gold),
    }


@pytest.mark.slow
def test_every_real_article_ingests(scored: dict[str, Any]) -> None:
    assert scored["failed"] == []


@pytest.mark.slow
def test_relations_hold_their_floor(scored: dict[str, Any]) -> None:
    assert scored["relations"]["f1"] >= FLOORS["relations_f1"], scored["relations"]


@pytest.mark.slow
def test_agreements_hold_their_floor(scored: dict[str, Any]) -> None:
    assert scored["agreements"]["f1"] >= FLOORS["agreements_f1"], scored["agreements"]


@pytest.mark.slow
def test_entities_hold_their_floor(scored: dict[str, Any]) -> None:
    assert scored["entities"]["recall"] >= FLOORS["entity_recall"], scored["entities"]["missed"][:20]


@pytest.mark.slow
def test_questions_hold_their_floor(scored: dict[str, Any]) -> None:
    missed = [r["q"] for r in scored["questions"]["rows"] if not r["exact"]]
    assert scored["questions"]["exact_rate"] >= FLOORS["questions_exact"], missed[:20]


@pytest.mark.slow
def test_invented_articles_hold_their_floors(invented: dict[str, Any]) -> None:
    """Each invented set's four figures, each against its floor (one ingest for all four)."""
    floors = invented["floors"]
    assert invented["failed"] == []
    assert invented["relations"]["f1"] >= floors["relations_f1"], invented["relations"]
    assert invented["agreements"]["f1"] >= floors["agreements_f1"], invented["agreements"]
    assert invented["entities"]["recall"] >= floors["entity_recall"], invented["entities"]["missed"][:20]
    missed = [r["q"] for r in invented["questions"]["rows"] if not r["exact"]]
    assert invented["questions"]["exact_rate"] >= floors["questions_exact"], missed[:20]
