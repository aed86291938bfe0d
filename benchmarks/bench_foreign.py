"""A graph kg did not write: 1,000,000 triples in a vocabulary of their own, imported and queried.

Why: the query commands must work on any RDF graph a user imports (rdfs:label names,
rdf:type classes, predicates of the graph's own namespace), and stay fast on a large one.
This generates the graph with gen_foreign.py (N-Triples, cached in the temp folder), then,
each step a fresh process:

* loads it with a bare ``pyoxigraph.Store.bulk_load`` (the baseline), with the same into a
  named graph (what kg does: a file's triples go to the graph named after it, which oxigraph
  indexes twice as many ways) and with ``kg import``, into fresh stores: ratio kg / bare
  (target <= 1.3);
* N cold ``kg neighbors X --depth 2`` (target <= 0.3 s) and ``kg path A B`` (target <= 0.5 s)
  processes on two people of median popularity, each with its own peak RSS (target < 300 MB),
  beside ``python -c pass`` and ``kg --version`` (the CLI's start-up alone) in the same run;
* the number of SPARQL queries each of those commands issues (a counting wrapper around
  the store, in this process): what a remote store would see as requests.

Usage: .venv/bin/python benchmarks/bench_foreign.py [-n 5] [--triples 1000000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import KG, PYTHON, byte_compile, medians, timed
from gen_foreign import generate, typical_people

_BULK = ("import sys, pyoxigraph as ox\n"
         "ox.Store(sys.argv[1]).bulk_load(path=sys.argv[2], format=ox.RdfFormat.N_TRIPLES,\n"
         "    to_graph=ox.NamedNode(sys.argv[3]) if len(sys.argv) > 3 else None)\n")


class _Counting:
    """A store wrapper counting the requests made of it (queries; HTTP requests remotely)."""

    def __init__(self, store: Any) -> None:
        self.store, self.count = store, 0

    def select(self, *args: Any, **kwargs: Any) -> Any:
        self.count += 1
        return self.store.select(*args, **kwargs)

    def ask(self, *args: Any, **kwargs: Any) -> Any:
        self.count += 1
        return self.store.ask(*args, **kwargs)

    def construct(self, *args: Any, **kwargs: Any) -> Any:
        self.count += 1
        return self.store.construct(*args, **kwargs)


def _query_counts(store_dir: str, x: str, y: str) -> dict[str, int]:
    from kg import query
    from kg.lookup.resolution import resolve
    from kg.store import KgStore

    counts = {}
    with KgStore.open(Path(store_dir)) as store:
        start, end = resolve(store, x), resolve(store, y)
        for name, run in (("neighbors --depth 2", lambda s: query.neighbors(s, start, depth=2)),
                          ("path", lambda s: query.path(s, start, end)),
                          ("show", lambda s: query.show(s, start))):
            counter = _Counting(store)
            run(counter)
            counts[name] = counter.count
    return counts


def _three_hops_away(store: str, x: str) -> str:
    """A person three hops from ``x`` (so ``kg path`` has a path to find), the one with the
    fewest links among the first few found: a typical end, not a hub."""
    def rows(name: str, depth: int) -> list[dict[str, Any]]:
        out = subprocess.run([KG, "--store", store, "neighbors", name, "--depth", str(depth),
                              "-f", "json"], capture_output=True, text=True, check=True).stdout
        result: list[dict[str, Any]] = json.loads(out)
        return result

    near = rows(x, 2)
    reached = {x} | {r["node"]["label"] for r in near}
    found: list[str] = []
    for r in near:
        if r["depth"] == 2 and "Person" in r["node"]["types"]:
            found += [s["node"]["label"] for s in rows(r["node"]["label"], 1)
                      if "Person" in s["node"]["types"] and s["node"]["label"] not in reached]
        if len(found) >= 5:
            break
    if not found:
        raise SystemExit(f"no person three hops from {x!r}; try another --triples")
    return min(found[:5], key=lambda name: (len(rows(name, 1)), name))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--runs", type=int, default=5)
    ap.add_argument("--triples", type=int, default=1_000_000)
    a = ap.parse_args()
    byte_compile()
    cache = Path(tempfile.gettempdir()) / f"kg-bench-foreign-{a.triples}.nt"
    if not cache.exists():
        print(f"generated {generate(cache, a.triples)} triples into {cache}")
    x, _ = typical_people(a.triples)
    with tempfile.TemporaryDirectory() as tmp:
        bare = timed("bare pyoxigraph bulk_load", [PYTHON, "-c", _BULK, f"{tmp}/bare", str(cache)])
        named = timed("bare bulk_load into a named graph (as kg stores a file)",
                      [PYTHON, "-c", _BULK, f"{tmp}/named", str(cache), "http://x/g"])
        store = f"{tmp}/store"
        kg = timed("kg import", [KG, "--store", store, "import", str(cache)])
        y = _three_hops_away(store, x)
        base, base_rss = medians([PYTHON, "-c", "pass"], a.runs)
        floor, floor_rss = medians([KG, "--version"], a.runs)
        nb, nb_rss = medians([KG, "--store", store, "neighbors", x, "--depth", "2", "-f", "json"],
                             a.runs)
        pa, pa_rss = medians([KG, "--store", store, "path", x, y], a.runs)
        rows = json.loads(subprocess.run(
            [KG, "--store", store, "neighbors", x, "--depth", "2", "-f", "json"],
            capture_output=True, text=True, check=True).stdout)
        hops = subprocess.run([KG, "--store", store, "path", x, y], capture_output=True,
                              text=True, check=True).stdout.splitlines()
        counts = _query_counts(store, x, y)
    print(f"kg import / bare bulk_load: {kg / bare:.2f} (target <= 1.3); "
          f"/ bare bulk_load into a named graph: {kg / named:.2f}")
    print(f"baseline python -c pass: median {base:.3f} s, peak RSS {base_rss:.0f} MiB; "
          f"kg --version (start-up alone): {floor:.3f} s, {floor_rss:.0f} MiB")
    print(f"kg neighbors {x!r} --depth 2 ({len(rows)} rows, {counts['neighbors --depth 2']} "
          f"queries): median {nb:.3f} s (target <= 0.3), ratio to python -c pass "
          f"{nb / base:.1f}, to kg --version {nb / floor:.2f}; peak RSS {nb_rss:.0f} MiB "
          "(target < 300)")
    print(f"kg path {x!r} {y!r} ({counts['path']} queries): median {pa:.3f} s (target <= 0.5), "
          f"ratio to python -c pass {pa / base:.1f}, to kg --version {pa / floor:.2f}; "
          f"peak RSS {pa_rss:.0f} MiB (target < 300)")
    print(f"  {hops[0] if hops else '(no output)'}")
    print(f"kg show {x!r}: {counts['show']} queries")


if __name__ == "__main__":
    main()
