"""Exports of a store of >= 1,000,000 triples: a whole GraphML dump against N-Triples, and a
GraphML cut-down around one entity.

Why: a view must cost about what the plain RDF dump costs (the projection reads the same
quads), and a cut-down must be taken in the store, so its cost follows the neighbourhood,
not the store. This generates the synthetic store of gen_large_store.py (cached in the temp
folder, shared with bench_large_store.py), loads it with `kg import`, then times cold
processes, each with its own peak RSS:

* `kg export --format nt` (the baseline) and `kg export --format graphml` of the whole
  store: ratio graphml / nt (target <= 3), graphml peak RSS (target < 1 GB);
* `kg export --format graphml --around X --depth 2` (target < 1 s), beside `python -c pass`
  and `kg neighbors X --depth 2` measured in the same run.

Usage: .venv/bin/python benchmarks/bench_export.py [-n 5] [--full-runs 1] [--triples 1150000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import KG, PYTHON, byte_compile, timed
from gen_large_store import generate

# Like _common's probe, plus the child's CPU seconds (user + system): on a machine shared with
# other work, wall time swings with the load while CPU time stays close to the work done.
_PROBE = (
    "import json, resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "wall = time.perf_counter() - t\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(json.dumps({'wall': wall, 'cpu': u.ru_utime + u.ru_stime, 'rss_kib': u.ru_maxrss,"
    " 'rc': p.returncode, 'err': p.stderr.decode()[-300:]}))\n"
)


def medians(cmd: list[str], runs: int) -> tuple[float, float, float]:
    """Median wall and CPU seconds and the largest peak RSS (MiB) over ``runs`` cold runs."""
    results = []
    for _ in range(runs):
        out = subprocess.run([PYTHON, "-c", _PROBE, *cmd], capture_output=True, text=True,
                             check=True)
        r = json.loads(out.stdout)
        if r["rc"] != 0:
            raise SystemExit(f"benchmark command failed: {' '.join(cmd)}\n{r['err']}")
        results.append(r)
    return (statistics.median(r["wall"] for r in results),
            statistics.median(r["cpu"] for r in results),
            max(r["rss_kib"] for r in results) / 1024)

AROUND = "Synth Hospital 1500"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--runs", type=int, default=5, help="runs of the quick commands")
    ap.add_argument("--full-runs", type=int, default=1, help="runs of the whole-store dumps")
    ap.add_argument("--triples", type=int, default=1_150_000)
    ap.add_argument("--store", type=Path, help="use this store instead of importing one")
    a = ap.parse_args()
    byte_compile()
    with tempfile.TemporaryDirectory() as tmp:
        if a.store is not None:
            store = str(a.store)
        else:
            cache = Path(tempfile.gettempdir()) / f"kg-bench-{a.triples}.nq"
            if not cache.exists():
                print(f"generated {generate(cache, a.triples, seed=7)} quads into {cache}")
            store = str(Path(tmp) / "store")
            timed("kg import", [KG, "--store", store, "import", str(cache)])
        out = Path(tmp) / "out"
        base, base_cpu, base_rss = medians([PYTHON, "-c", "pass"], a.runs)
        nb, nb_cpu, _ = medians(
            [KG, "--store", store, "neighbors", AROUND, "--depth", "2", "-f", "json"], a.runs)
        around, around_cpu, around_rss = medians(
            [KG, "--store", store, "export", "-f", "graphml", "--around", AROUND, "--depth", "2",
             "-o", str(out)], a.runs)
        around_nodes = out.read_text(encoding="utf-8").count("<node ")
        nt, nt_cpu, nt_rss = medians([KG, "--store", store, "export", "-f", "nt", "-o", str(out)],
                             a.full_runs)
        triples = sum(1 for _ in out.open("rb"))
        gml, gml_cpu, gml_rss = medians([KG, "--store", store, "export", "-f", "graphml", "-o", str(out)],
                               a.full_runs)
        text = out.read_text(encoding="utf-8")
        nodes, edges = text.count("<node "), text.count("<edge ")
    print(f"store: {triples:,} distinct triples; GraphML of it: {nodes:,} nodes, {edges:,} edges")
    print(f"baseline python -c pass: median {base:.3f} s wall, {base_cpu:.3f} s CPU, "
          f"peak RSS {base_rss:.0f} MiB")
    print(f"kg neighbors {AROUND!r} --depth 2 -f json: median {nb:.3f} s wall, "
          f"{nb_cpu:.3f} s CPU")
    print(f"export graphml --around {AROUND!r} --depth 2 ({around_nodes} nodes): median "
          f"{around:.3f} s wall, {around_cpu:.3f} s CPU (target < 1.0); ratio to python -c pass "
          f"{around / base:.1f}, to neighbors --depth 2 {around / nb:.2f} (CPU "
          f"{around_cpu / nb_cpu:.2f}); peak RSS {around_rss:.0f} MiB")
    print(f"export nt (baseline): {nt:.1f} s wall, {nt_cpu:.1f} s CPU, peak RSS {nt_rss:.0f} MiB")
    print(f"export graphml: {gml:.1f} s wall, {gml_cpu:.1f} s CPU, peak RSS {gml_rss:.0f} MiB "
          f"(target < 1024); ratio graphml / nt {gml / nt:.2f} wall, {gml_cpu / nt_cpu:.2f} CPU "
          "(target <= 3)")


if __name__ == "__main__":
    main()
