"""RDF files in and out of any store: ``kg import`` and the RDF side of ``kg export``.

Why here and not in each store: the rules are the same whatever holds the graphs -- a file
is parsed completely before the store is touched, triples outside a named graph go to the
graph named after the file, small files replace their graphs atomically, N-Triples output is
sorted so the same content gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg import vocab
from kg.errors import InputError
from kg.formats import RdfFormat
from kg.store.base import EXPORT_PREFIXES, Store, one_line
from kg.store.catalog import resolve_doc

# Files up to this size are parsed into memory and written in one transaction; bigger ones
# are validated by a streaming parse first, then bulk-loaded (low memory, not atomic).
BULK_THRESHOLD_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class ImportResult:
    """What ``kg import`` wrote: the graphs it replaced and how many quads it loaded."""

    path: str
    format: RdfFormat
    graphs: list[str]
    quads: int


def import_rdf(store: Store, path: Path, fmt: RdfFormat | None = None) -> ImportResult:
    """Load an RDF file; every graph it writes is replaced by the file's content.

    Triples outside a named graph (all of a Turtle or N-Triples file) go to the graph
    ``kgdoc:<file name>``, so ``kg remove <file name>`` undoes the import. The file is
    parsed completely before the store is touched: a malformed file raises
    :class:`InputError` with the parser's line and leaves the store unchanged. Files up
    to :data:`BULK_THRESHOLD_BYTES` replace their graphs in one transaction.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"no such file: {path}; check the path")
    fmt = fmt or RdfFormat.from_path(path)
    target = ox.NamedNode(vocab.doc_iri(path.name))
    big = path.stat().st_size > BULK_THRESHOLD_BYTES
    graphs: dict[str, None] = {}
    quads: list[ox.Quad] = []
    count = 0
    try:
        for q in ox.parse(path=str(path), format=fmt.ox):
            if isinstance(q.graph_name, ox.DefaultGraph):
                q = ox.Quad(q.subject, q.predicate, q.object, target)
            if isinstance(q.graph_name, ox.NamedNode):
                graphs.setdefault(q.graph_name.value, None)
            count += 1
            if not big:
                quads.append(q)
    except SyntaxError as err:
        raise InputError(
            f"{path.name} is not valid {fmt.value}: {one_line(err)}; "
            "fix the file (or pass the right --format) and import it again"
        ) from None
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise InputError(f"cannot read {path}: {one_line(err)}") from None
    if big:
        # Bulk loading is the one write of kg that a crash can leave half done (README,
        # Guarantees).
        store.bulk_load(path, fmt, target, [ox.NamedNode(g) for g in graphs])
    else:
        store.replace_graphs((ox.NamedNode(g) for g in graphs), quads)
    return ImportResult(str(path), fmt, list(graphs), count)


def dump(store: Store, fmt: RdfFormat, out: BinaryIO, graph: str | None = None) -> None:
    """Write the store (or one article's graph) to ``out``.

    ``nt`` and ``ttl`` write the union of the graphs as triples, deduplicated; ``nt`` is
    sorted line by line, so the same content always gives the same bytes. ``trig``,
    ``nq`` and ``jsonld`` keep the named graphs. ``graph`` is an article name or IRI.
    """
    g = ox.NamedNode(resolve_doc(store, graph)) if graph is not None else None
    if fmt is RdfFormat.nt:
        if g is not None:
            triples = {f"{q.subject} {q.predicate} {q.object} .\n" for q in store.quads(graph=g)}
        else:
            triples = {
                f"{s['s']} {s['p']} {s['o']} .\n"
                for s in store.select("SELECT DISTINCT ?s ?p ?o { ?s ?p ?o }")
            }
        for line in sorted(triples):
            out.write(line.encode("utf-8"))
    elif fmt in (RdfFormat.ttl, RdfFormat.xml):  # triple-only formats but N-Triples
        if g is not None:
            found = {q.triple for q in store.quads(graph=g)}
        else:
            found = {
                ox.Triple(s["s"], s["p"], s["o"])
                for s in store.select("SELECT DISTINCT ?s ?p ?o { ?s ?p ?o }")
            }
        ordered = sorted(found, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        ox.serialize(ordered, out, fmt.ox, prefixes=EXPORT_PREFIXES)
    elif g is not None:
        ox.serialize(store.quads(graph=g), out, fmt.ox,
                     prefixes=EXPORT_PREFIXES if fmt is RdfFormat.trig else None)
    else:
        store.dump_dataset(out, fmt)
    out.flush()
