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
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import KG, PYTHON, medians, timed
from gen_large_store import generate

AROUND = "Synth Hospital 1500"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--runs", type=int, default=5, help="runs of the quick commands")
    ap.add_argument("--full-runs", type=int, default=1, help="runs of the whole-store dumps")
    ap.add_argument("--triples", type=int, default=1_150_000)
    ap.add_argument("--store", type=Path, help="use this store instead of importing one")
    a = ap.parse_args()
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
        base, base_rss = medians([PYTHON, "-c", "pass"], a.runs)
        nb, _ = medians([KG, "--store", store, "neighbors", AROUND, "--depth", "2", "-f", "json"],
                        a.runs)
        around, around_rss = medians(
            [KG, "--store", store, "export", "-f", "graphml", "--around", AROUND, "--depth", "2",
             "-o", str(out)], a.runs)
        around_nodes = out.read_text(encoding="utf-8").count("<node ")
        nt, nt_rss = medians([KG, "--store", store, "export", "-f", "nt", "-o", str(out)],
                             a.full_runs)
        triples = sum(1 for _ in out.open("rb"))
        gml, gml_rss = medians([KG, "--store", store, "export", "-f", "graphml", "-o", str(out)],
                               a.full_runs)
        text = out.read_text(encoding="utf-8")
        nodes, edges = text.count("<node "), text.count("<edge ")
    print(f"store: {triples:,} distinct triples; GraphML of it: {nodes:,} nodes, {edges:,} edges")
    print(f"baseline python -c pass: median {base:.3f} s, peak RSS {base_rss:.0f} MiB")
    print(f"kg neighbors {AROUND!r} --depth 2 -f json: median {nb:.3f} s")
    print(f"export graphml --around {AROUND!r} --depth 2 ({around_nodes} nodes): median "
          f"{around:.3f} s (target < 1.0), ratio to python -c pass {around / base:.1f}, to "
          f"neighbors --depth 2 {around / nb:.2f}, peak RSS {around_rss:.0f} MiB")
    print(f"export nt (baseline): {nt:.1f} s, peak RSS {nt_rss:.0f} MiB")
    print(f"export graphml: {gml:.1f} s, peak RSS {gml_rss:.0f} MiB (target < 1024); "
          f"ratio graphml / nt {gml / nt:.2f} (target <= 3)")


if __name__ == "__main__":
    main()
