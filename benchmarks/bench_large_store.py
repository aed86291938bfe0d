"""Queries on a store of >= 1,000,000 triples: cold neighbors --depth 2 and path processes.

Why: queries must walk only the part of the graph they need. This generates a synthetic
store with gen_large_store.py (cached in the temp folder between runs), loads it with
`kg import`, then times N cold processes of `kg neighbors X --depth 2` (target < 0.5 s) and
`kg path A B` (target < 1 s), with each process's peak RSS (target < 300 MB), and a bare
`python -c pass` measured in the same run as the baseline for the ratios.

Usage: .venv/bin/python benchmarks/bench_large_store.py [-n 5] [--triples 1150000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import KG, PYTHON, byte_compile, medians, timed
from gen_large_store import generate

# A typical hospital (a few dozen facts), a company and a government body of the pools.
NEIGHBORS_OF = "Synth Hospital 1500"
PATH_FROM, PATH_TO = "Synth Hospital 1500", "Synth Commission 700"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--runs", type=int, default=5)
    ap.add_argument("--triples", type=int, default=1_150_000)
    a = ap.parse_args()
    byte_compile()
    cache = Path(tempfile.gettempdir()) / f"kg-bench-{a.triples}.nq"
    if not cache.exists():
        print(f"generated {generate(cache, a.triples, seed=7)} quads into {cache}")
    with tempfile.TemporaryDirectory() as tmp:
        store = str(Path(tmp) / "store")
        timed("kg import", [KG, "--store", store, "import", str(cache)])
        stats = subprocess.run([KG, "--store", store, "stats", "--format", "json"],
                               capture_output=True, text=True)
        if stats.returncode == 0:
            print("store:", json.dumps(json.loads(stats.stdout))[:200])
        base, base_rss = medians([PYTHON, "-c", "pass"], a.runs)
        nb, nb_rss = medians(
            [KG, "--store", store, "neighbors", NEIGHBORS_OF, "--depth", "2", "-f", "json"],
            a.runs)
        pa, pa_rss = medians([KG, "--store", store, "path", PATH_FROM, PATH_TO], a.runs)
        rows = json.loads(subprocess.run(
            [KG, "--store", store, "neighbors", NEIGHBORS_OF, "--depth", "2", "-f", "json"],
            capture_output=True, text=True, check=True).stdout)
        hops = subprocess.run([KG, "--store", store, "path", PATH_FROM, PATH_TO],
                              capture_output=True, text=True, check=True).stdout.splitlines()
    print(f"baseline python -c pass: median {base:.3f} s, peak RSS {base_rss:.0f} MiB")
    print(f"kg neighbors {NEIGHBORS_OF!r} --depth 2 ({len(rows)} rows): median {nb:.3f} s "
          f"(target < 0.5), ratio to baseline {nb / base:.1f}, peak RSS {nb_rss:.0f} MiB "
          "(target < 300)")
    print(f"kg path {PATH_FROM!r} {PATH_TO!r}: median {pa:.3f} s (target < 1.0), ratio to "
          f"baseline {pa / base:.1f}, peak RSS {pa_rss:.0f} MiB (target < 300)")
    print(f"  {hops[0] if hops else '(no output)'}")


if __name__ == "__main__":
    main()
