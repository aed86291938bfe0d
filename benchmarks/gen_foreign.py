"""Generate a large graph in a vocabulary that is not kg's (N-Triples), for bench_foreign.py.

Why: the query commands must work, and stay fast, on any RDF graph a user imports, not only
on graphs kg wrote. This writes people, organisations, places and projects of an invented
namespace (``http://bench.example.org/``), each with ``rdf:type`` and ``rdfs:label`` (some
with a ``skos:altLabel``) and a literal or two, linked by predicates of that namespace
(worksFor, knows, memberOf, locatedIn, partnerOf, fundedBy, ledBy, participant). Link
targets are drawn with Zipf-like weights, so a few nodes are hubs with thousands of edges
and most have a handful, as in real graphs.

Usage: .venv/bin/python benchmarks/gen_foreign.py OUT.nt [--triples 1000000] [--seed 11]
"""

from __future__ import annotations

import argparse
import itertools
import random
from pathlib import Path

NS = "http://bench.example.org/"
V = NS + "vocab#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>"
XSD = "http://www.w3.org/2001/XMLSchema#"

FIRST = ("Alma", "Bruno", "Chiara", "Dmitri", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas",
         "Kaori", "Lucia", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tariq")
LAST = ("Berg", "Costa", "Dahl", "Esposito", "Fischer", "Garcia", "Haddad", "Ivanova", "Jensen",
        "Kowalski", "Laine", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Sato")
ORG_WORDS = ("Northwind", "Bluebay", "Cedar", "Harbor", "Summit", "Valley", "Aurora", "Granite")
ORG_KINDS = ("Clinic", "Labs", "Foundation", "Institute", "Health", "Networks", "Trust")
PLACE_WORDS = ("Port", "Lake", "Mount", "New", "East", "West", "Saint", "Old")



def person_label(i: int) -> str:
    """The label of person ``i`` (unique: the number is part of it)."""
    return f"{FIRST[i % 20]} {LAST[(i // 20) % 18]} {i}"




def _iri(kind: str, i: int) -> str:
    return f"<{NS}{kind}/{i}>"


def _lit(text: str, datatype: str | None = None) -> str:
    return f'"{text}"' + (f"^^<{XSD}{datatype}>" if datatype else "")


class _Zipf:
    """Draws indexes in ``range(n)`` with weight 1 / (rank + 10): a few hubs, a long tail."""

    def __init__(self, rng: random.Random, n: int) -> None:
        self.rng = rng
        self.n = n
        self.cum = list(itertools.accumulate(1.0 / (r + 10) for r in range(n)))
        self.order = list(range(n))
        rng.shuffle(self.order)  # hubs scattered over the id range, not the first ids

    def draw(self, k: int) -> list[int]:
        return [self.order[i] for i in self.rng.choices(range(self.n), cum_weights=self.cum, k=k)]


def typical_people(triples: int = 1_000_000, seed: int = 11) -> tuple[str, str]:
    """Labels of two people of median popularity (neither a hub nor isolated), for queries."""
    rng = random.Random(seed)
    people = int(max(1000, triples // 8) * 0.62)
    order = _Zipf(rng, people).order
    return person_label(order[people // 2]), person_label(order[people // 3])


def generate(out_path: Path, triples: int = 1_000_000, seed: int = 11) -> int:
    """Write ``triples`` distinct N-Triples lines to ``out_path``; return the number written."""
    rng = random.Random(seed)
    # about 8.3 triples per entity with the mix below
    n = max(1000, triples // 8)
    people, orgs, places, projects = int(n * 0.62), int(n * 0.25), int(n * 0.05), int(n * 0.08)
    pick_person, pick_org = _Zipf(rng, people), _Zipf(rng, orgs)
    pick_place = _Zipf(rng, places)
    knows: set[tuple[int, int]] = set()  # links that repeat would not count as triples
    count = 0
    with out_path.open("w", encoding="utf-8") as out:
        def t(s: str, p: str, o: str) -> None:
            nonlocal count
            out.write(f"{s} {p} {o} .\n")
            count += 1

        def node(kind: str, cls: str, i: int, label: str) -> str:
            s = _iri(kind, i)
            t(s, RDF_TYPE, f"<{V}{cls}>")
            t(s, LABEL, _lit(label))
            return s

        for i in range(places):
            s = node("place", "Place", i, f"{PLACE_WORDS[i % 8]} {LAST[i % 18]}ton {i}")
            t(s, f"<{V}population>", _lit(str(rng.randint(800, 900_000)), "integer"))
            if i and rng.random() < 0.8:
                t(s, f"<{V}partOf>", _iri("place", rng.randrange(min(i, 50))))
        for i in range(orgs):
            word, kind = ORG_WORDS[i % 8], ORG_KINDS[(i // 8) % 7]
            s = node("org", "Organization" if kind != "Clinic" else "Clinic", i,
                     f"{word} {kind} {i}")
            if rng.random() < 0.3:
                t(s, ALT, _lit(f"{word[:3].upper()}{kind[0]} {i}"))
            t(s, f"<{V}founded>", _lit(str(rng.randint(1890, 2024)), "gYear"))
            t(s, f"<{V}locatedIn>", _iri("place", pick_place.draw(1)[0]))
            for j in set(pick_org.draw(rng.choice((0, 1, 1, 2, 3)))) - {i}:
                t(s, f"<{V}partnerOf>", _iri("org", j))
            if rng.random() < 0.4:
                t(s, f"<{V}fundedBy>", _iri("org", pick_org.draw(1)[0]))
        for i in range(people):
            s = node("person", "Person", i, person_label(i))
            t(s, f"<{V}birthYear>", _lit(str(rng.randint(1940, 2004)), "gYear"))
            t(s, f"<{V}worksFor>", _iri("org", pick_org.draw(1)[0]))
            for j in pick_person.draw(rng.choice((0, 1, 2, 2, 3))):
                if j != i and (i, j) not in knows:
                    knows.add((i, j))
                    t(s, f"<{V}knows>", _iri("person", j))
            if rng.random() < 0.2:
                t(s, f"<{V}livesIn>", _iri("place", pick_place.draw(1)[0]))
        for i in range(projects):
            s = node("project", "Project", i, f"Project {ORG_WORDS[i % 8]} {i}")
            t(s, f"<{V}ledBy>", _iri("org", pick_org.draw(1)[0]))
            t(s, f"<{V}started>", _lit(f"{rng.randint(2000, 2024)}-0{rng.randint(1, 9)}-01",
                                       "date"))
            for j in sorted(set(pick_person.draw(rng.randint(1, 8)))):
                t(s, f"<{V}participant>", _iri("person", j))
        # top up to the requested size with more acquaintances (Zipf: hubs get more)
        while count < triples:
            a, b = pick_person.draw(2)
            if a != b and (a, b) not in knows:
                knows.add((a, b))
                t(_iri("person", a), f"<{V}knows>", _iri("person", b))
    return count


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args()
    print(f"{generate(a.out, a.triples, a.seed)} triples written to {a.out}")
    x, y = typical_people(a.triples, a.seed)
    print(f"try: kg neighbors {x!r} --depth 2; kg path {x!r} {y!r}")


if __name__ == "__main__":
    main()
