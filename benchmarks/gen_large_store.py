"""Generate a large synthetic store (N-Quads) that follows docs/rdf-model.md.

Why: the query commands must stay fast on a store far bigger than the seed articles. This
writes one named graph per synthetic article, each with an article node, events (editions
of series, some sub-events), organisations, people with posts, facts with their assertion
nodes, and agreements with parties, sides and assertions, drawing entities from shared pools
so articles meet in common nodes (hubs included) like real news does.

Usage: .venv/bin/python benchmarks/gen_large_store.py OUT.nq [--triples 1150000] [--seed 7]
Prints the number of quads written and the names it suggests for benchmarks.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import TextIO

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg import vocab

KGO, RDF_TYPE, LABEL = vocab.ONT, vocab.RDF_TYPE, vocab.RDFS_LABEL
XSD = vocab.XSD


def iri(value: str) -> str:
    return f"<{value}>"


def lit(value: str, datatype: str | None = None) -> str:
    text = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"' + (f"^^<{XSD}{datatype}>" if datatype else "")


class Writer:
    """Writes quads of one graph at a time and counts them."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0
        self.graph = ""

    def quad(self, s: str, p: str, o: str) -> None:
        self.out.write(f"{s} {p} {o} {self.graph} .\n")
        self.count += 1


def pools(rng: random.Random) -> dict[str, list[tuple[str, str]]]:
    """Entity pools: (class, name) per kind; sizes chosen so 1M triples reuse nodes."""
    def names(kind: str, fmt: str, n: int) -> list[tuple[str, str]]:
        return [(kind, fmt.format(i)) for i in range(n)]

    return {
        "Company": names("Company", "Synth Pharma {0}", 8000),
        "Hospital": names("Hospital", "Synth Hospital {0}", 3000),
        "GovernmentBody": names("GovernmentBody", "Synth Commission {0}", 800),
        "Organization": names("Organization", "Synth Association {0}", 1500),
        "Place": names("Place", "Synth District {0}", 400),
        "Person": names("Person", "Synth Person {0}", 6000),
        "EventSeries": names("EventSeries", "Synth Expo Series {0}", 300),
    }


def pick(rng: random.Random, pool: list[tuple[str, str]]) -> tuple[str, str]:
    # mostly uniform, one pick in ten skewed towards the start of the pool: a few hubs
    # (a big company at many fairs), a long tail
    if rng.random() < 0.1:
        return pool[min(int(rng.paretovariate(1.5)) - 1, len(pool) - 1)]
    return pool[rng.randrange(len(pool))]


def article(w: Writer, rng: random.Random, n: int, pool: dict[str, list[tuple[str, str]]]) -> None:
    name = f"synthetic_{n:06d}.txt"
    doc = vocab.doc_iri(name)
    w.graph = iri(doc)
    w.quad(iri(doc), iri(RDF_TYPE), iri(KGO + "Article"))
    w.quad(iri(doc), iri(KGO + "sourceFile"), lit(name))
    w.quad(iri(doc), iri(KGO + "sha256"), lit(f"{n:064x}"))
    w.quad(iri(doc), iri(KGO + "extractor"), lit("synthetic"))
    declared: set[str] = set()

    def entity(kind: str, label: str, scope: str | None = None) -> str:
        node = vocab.entity_iri(kind, label, scope)
        if node not in declared:
            declared.add(node)
            w.quad(iri(node), iri(RDF_TYPE), iri(KGO + kind))
            for sup in vocab.SUPERCLASSES.get(kind, ()):
                w.quad(iri(node), iri(RDF_TYPE), iri(KGO + sup))
            w.quad(iri(node), iri(LABEL), lit(label))
        return node

    def assertion(s: str, p: str, o: str, sentence: str) -> None:
        a = vocab.hashed_iri("assertion", name, s, p, o)
        w.quad(iri(a), iri(RDF_TYPE), iri(KGO + "Assertion"))
        w.quad(iri(a), iri(vocab.RDF + "subject"), iri(s))
        w.quad(iri(a), iri(vocab.RDF + "predicate"), iri(p))
        w.quad(iri(a), iri(vocab.RDF + "object"), o)
        w.quad(iri(a), iri(vocab.PROV + "wasDerivedFrom"), iri(doc))
        w.quad(iri(a), iri(KGO + "sentence"), lit(sentence))

    def fact(s: str, rel: str, o: str, sentence: str, literal: str | None = None) -> None:
        obj = literal if literal is not None else iri(o)
        for r in (rel, *vocab.SUPERPROPERTIES.get(rel, ())):
            w.quad(iri(s), iri(KGO + r), obj)
            assertion(s, KGO + r, obj, sentence)

    series_kind, series_name = pool["EventSeries"][rng.randrange(len(pool["EventSeries"]))]
    year = 2015 + n % 10
    event_label = f"{series_name.replace(' Series', '')} {year}"
    event = entity("Event", event_label)
    series = entity(series_kind, series_name)
    sentence = f"The {event_label} opened in {year}."
    fact(event, "inSeries", series, sentence)
    fact(event, "startDate", "", sentence, lit(f"{year}-{1 + n % 12:02d}", "gYearMonth"))
    place = entity(*pick(rng, pool["Place"]))
    fact(event, "location", place, sentence)
    fact(event, "host", entity(*pick(rng, pool["GovernmentBody"])), sentence)
    fact(event, "organizer", entity(*pick(rng, pool["Organization"])), sentence)
    fact(event, "theme", "", sentence, lit(f"Theme number {n}"))
    sub = entity("Event", f"special exhibition {n}", scope=name)
    fact(sub, "subEventOf", event, sentence)
    members = []
    for kind in ("Company", "Company", "Company", "Hospital", "Hospital"):
        org = entity(*pick(rng, pool[kind]))
        members.append(org)
        fact(sub if rng.random() < 0.5 else event,
             "exhibitor" if kind == "Company" else "participant", org,
             f"Exhibitor {n} took part.")
    person_kind, person_name = pick(rng, pool["Person"])
    person = entity(person_kind, person_name)
    fact(event, "participant", person, "A guest attended.")
    org = members[-1]
    post = vocab.hashed_iri("post", person, "president", org)
    w.quad(iri(person), iri(KGO + "holds"), iri(post))
    w.quad(iri(post), iri(RDF_TYPE), iri(KGO + "Post"))
    w.quad(iri(post), iri(KGO + "roleName"), lit("president"))
    w.quad(iri(post), iri(KGO + "postIn"), iri(org))
    fact(person, "role", "", "The president spoke.", lit("president"))
    fact(person, "affiliation", org, "The president spoke.")
    fact(members[0], "country", place, "A local company.")
    fact(place, "locatedIn", entity(*pool["Place"][n % 10]), "A district of the city.")
    a, b = members[3], members[0]
    agreement = vocab.hashed_iri("agreement", name, a, b)
    w.quad(iri(agreement), iri(RDF_TYPE), iri(KGO + "Agreement"))
    w.quad(iri(agreement), iri(LABEL), lit(f"strategic cooperation agreement {n}"))
    w.quad(iri(agreement), iri(KGO + "agreementKind"), lit("strategic cooperation agreement"))
    w.quad(iri(agreement), iri(KGO + "signedAt"), iri(event))
    for party in (a, b):
        w.quad(iri(agreement), iri(KGO + "party"), iri(party))
        assertion(agreement, KGO + "party", iri(party), "They signed an agreement.")
        side = vocab.hashed_iri("side", agreement, party)
        w.quad(iri(agreement), iri(KGO + "side"), iri(side))
        w.quad(iri(side), iri(RDF_TYPE), iri(KGO + "AgreementSide"))
        w.quad(iri(side), iri(KGO + "sideMember"), iri(party))


def generate(out_path: Path, triples: int, seed: int) -> int:
    """Write articles until at least ``triples`` quads are written; return the count."""
    rng = random.Random(seed)
    pool = pools(rng)
    with out_path.open("w", encoding="utf-8") as out:
        w = Writer(out)
        n = 0
        while w.count < triples:
            article(w, rng, n, pool)
            n += 1
    return w.count


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--triples", type=int, default=1_150_000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    count = generate(a.out, a.triples, a.seed)
    print(f"wrote {count} quads to {a.out}")


if __name__ == "__main__":
    main()
