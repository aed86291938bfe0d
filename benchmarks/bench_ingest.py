"""Ingestion speed against the bare spaCy pipeline, on the same text, in one process.

Why: the target is that full ingestion (reading, extraction, resolution, RDF building,
storage) keeps at least 70% of the words per second of spaCy alone. spaCy's parse is a cost
kg cannot cut; everything kg adds on top of it is what this ratio measures.

The corpus is the seed articles plus the development texts, copied until it holds at least
``--min-words`` words. Each copy gets its own file name (articles are identified by name) and
a short distinct last line (so its sha256 differs and nothing is skipped as unchanged).

Both measurements share one model load, done before any timing:

- **spaCy**: ``nlp.pipe`` over the cleaned article texts (the very strings the extractor
  parses), after a warm-up pass;
- **ingest**: ``kg.ingest.ingest(paths, store)`` into a fresh temporary store, after a
  warm-up ingest of one article into a throwaway store (imports, extractor set-up).

Words are the whitespace-split tokens of the cleaned article texts. With ``--runs N`` both
are measured N times, alternating, and the best of each is kept. The script always exits 0:
it reports, it does not judge.

Usage: .venv/bin/python benchmarks/bench_ingest.py [--min-words 30000] [--runs 3]
       [--profile OUT.prof]   # profile one extra ingest run and print its hotspots
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.articles.reading import read_article  # noqa: E402
from kg.extract.nlp import load_pipeline  # noqa: E402
from kg.ingest import failed, ingest  # noqa: E402

TARGET = 0.70
SOURCES = [ROOT / "seeds", ROOT / "devset" / "texts"]


def source_files() -> list[Path]:
    """The seed and development articles, one per file name (the first folder wins)."""
    by_name: dict[str, Path] = {}
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            by_name.setdefault(path.name, path)
    return list(by_name.values())


def build_corpus(folder: Path, min_words: int) -> list[Path]:
    """Copy the source articles into ``folder`` until they hold at least ``min_words`` words."""
    originals = [(p, p.read_bytes()) for p in source_files()]
    if not originals:
        raise SystemExit(f"no articles found in {', '.join(map(str, SOURCES))}")
    paths: list[Path] = []
    words = 0
    copy = 0
    while words < min_words:
        for src, data in originals:
            dest = folder / f"{src.stem}__copy{copy:03d}.txt"
            # A distinct last line: a new sha256 and a new text, at the cost of two words.
            dest.write_bytes(data.rstrip(b"\n") + f"\n\nCopy {copy}.\n".encode())
            paths.append(dest)
            words += len(dest.read_text(encoding="utf-8").split())
        copy += 1
    return paths


def time_spacy(nlp: Any, texts: Sequence[str]) -> float:
    """Seconds for ``nlp.pipe`` over ``texts`` (every doc consumed)."""
    start = time.perf_counter()
    count = sum(1 for _ in nlp.pipe(texts))
    elapsed = time.perf_counter() - start
    assert count == len(texts)
    return elapsed


def time_ingest(paths: Sequence[Path], scratch: Path, tag: str) -> float:
    """Seconds for one full ingest of ``paths`` into a fresh store under ``scratch``."""
    store = scratch / f"store-{tag}"
    start = time.perf_counter()
    results = ingest(list(paths), store)
    elapsed = time.perf_counter() - start
    bad = failed(results)
    added = sum(1 for r in results if r.status == "added")
    if bad or added != len(paths):
        first = bad[0].message if bad else "some articles were not added"
        print(f"warning: {len(bad)} failed, {added}/{len(paths)} added; {first}", file=sys.stderr)
    shutil.rmtree(store, ignore_errors=True)
    return elapsed


def profile_ingest(paths: Sequence[Path], scratch: Path, out: Path, top: int) -> None:
    """Run one ingest under cProfile, save the stats to ``out``, print the top entries."""
    store = scratch / "store-profile"
    profiler = cProfile.Profile()
    profiler.enable()
    ingest(list(paths), store)
    profiler.disable()
    profiler.dump_stats(str(out))
    shutil.rmtree(store, ignore_errors=True)
    for key in ("cumulative", "tottime"):
        buf = io.StringIO()
        pstats.Stats(profiler, stream=buf).sort_stats(key).print_stats(top)
        print(f"\n--- profile of one ingest, sorted by {key} (top {top}) ---")
        print(buf.getvalue().split("\n\n", 1)[-1].rstrip())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--min-words", type=int, default=30_000, help="corpus size in words")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each; best is kept")
    parser.add_argument("--profile", type=Path, help="also profile one ingest; stats go here")
    parser.add_argument("--top", type=int, default=40, help="profile entries to print")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="kg-bench-ingest-") as tmp:
        scratch = Path(tmp)
        corpus = scratch / "corpus"
        corpus.mkdir()
        paths = build_corpus(corpus, args.min_words)
        texts = [read_article(p).text for p in paths]
        words = sum(len(t.split()) for t in texts)
        print(f"corpus: {len(paths)} articles, {words:,} words, {sum(map(len, texts)):,} characters")

        t0 = time.perf_counter()
        nlp = load_pipeline()  # shared by both measurements: ingest reuses this instance
        print(f"model load: {time.perf_counter() - t0:.2f} s (not timed below)", file=sys.stderr)
        for _ in nlp.pipe(texts[:20]):  # warm-up
            pass
        time_ingest(paths[:1], scratch, "warmup")  # warm-up: imports, extractor, store code

        spacy_s: list[float] = []
        ingest_s: list[float] = []
        for run in range(max(1, args.runs)):
            spacy_s.append(time_spacy(nlp, texts))
            ingest_s.append(time_ingest(paths, scratch, str(run)))
            print(f"run {run + 1}: spacy {spacy_s[-1]:.2f} s, ingest {ingest_s[-1]:.2f} s", file=sys.stderr)

        spacy_wps = words / min(spacy_s)
        ingest_wps = words / min(ingest_s)
        ratio = ingest_wps / spacy_wps
        print(f"bare spaCy pipeline: {spacy_wps:10,.0f} words/s  ({min(spacy_s):.2f} s, best of {len(spacy_s)})")
        print(f"full ingestion:      {ingest_wps:10,.0f} words/s  ({min(ingest_s):.2f} s, best of {len(ingest_s)})")
        verdict = "meets" if ratio >= TARGET else "BELOW"
        print(f"ratio: {ratio:.2f} (target >= {TARGET:.2f}: {verdict})")

        if args.profile is not None:
            profile_ingest(paths, scratch, args.profile, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
