"""Cold query start-up: `kg neighbors X` processes vs `python -c "import rdflib"`.

Why: a query must not pay for the NLP model or rdflib. This builds the seed store once
(`kg ingest seeds/` into a temporary store; `kg import tests/data/mini.trig` when
ingestion is unavailable), then times N fresh `kg neighbors X` processes and N fresh
`python -c "import rdflib"` processes in the same run and prints both medians and their
ratio (target: <= 2.5).

Usage: .venv/bin/python benchmarks/bench_query_cold.py [-n 10]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import KG, PYTHON, ROOT, byte_compile, medians


def build_store(store: Path) -> str:
    """Fill ``store``; return the entity to query."""
    ingest = subprocess.run([KG, "--store", str(store), "ingest", str(ROOT / "seeds")],
                            capture_output=True, text=True)
    if ingest.returncode == 0:
        return "Ruijin Hospital"
    print("ingest failed, falling back to the fixture store:", ingest.stderr.strip()[-200:])
    subprocess.run([KG, "--store", str(store), "import", str(ROOT / "tests/data/mini.trig")],
                   check=True, capture_output=True)
    return "Summit Hospital"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--runs", type=int, default=10)
    a = ap.parse_args()
    byte_compile()
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        entity = build_store(store)
        query, q_rss = medians([KG, "--store", str(store), "neighbors", entity], a.runs)
        rdflib, r_rss = medians([PYTHON, "-c", "import rdflib"], a.runs)
    print(f"kg neighbors {entity!r}: median {query:.3f} s, peak RSS {q_rss:.0f} MiB")
    print(f"python -c 'import rdflib': median {rdflib:.3f} s, peak RSS {r_rss:.0f} MiB")
    print(f"ratio {query / rdflib:.2f} (target <= 2.5)")


if __name__ == "__main__":
    main()
