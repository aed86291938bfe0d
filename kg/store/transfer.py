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
from kg.store.catalog import has_graph, resolve_doc

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
    to :data:`BULK_THRESHOLD_BYTES` replace their graphs in one transaction; a bigger
    N-Triples file imported for the first time is bulk loaded without the validating pass
    (:func:`_bulk_new_graph`).
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"no such file: {path}; check the path")
    fmt = fmt or RdfFormat.from_path(path)
    target = ox.NamedNode(vocab.doc_iri(path.name))
    big = path.stat().st_size > BULK_THRESHOLD_BYTES
    if big and fmt is RdfFormat.nt and not has_graph(store, target.value):
        return _bulk_new_graph(store, path, fmt, target)
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


def _bulk_new_graph(store: Store, path: Path, fmt: RdfFormat, target: ox.NamedNode) -> ImportResult:
    """A big N-Triples file into a graph that does not exist yet: bulk loaded directly.

    Every triple of such a file lands in ``target``, so no parse is needed beforehand to
    learn which graphs it replaces, and a malformed file is undone by dropping the graph it
    was loading (which did not exist): the store is left as it was, as after the validating
    pass of other imports, at about the cost of a bare bulk load.

    The triples reported are the file's statement lines, counted in a thread while the
    loader runs (pyoxigraph releases the GIL during the load): the count (about 0.3 s of
    CPU for a million lines) overlaps the load instead of following it.
    """
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        counted = pool.submit(_statement_lines, path)
        try:
            store.bulk_load(path, fmt, target, [])
        except SyntaxError as err:
            store.drop_graph(target)
            raise InputError(
                f"{path.name} is not valid {fmt.value}: {one_line(err)}; "
                "fix the file (or pass the right --format) and import it again"
            ) from None
        except (OSError, UnicodeDecodeError, ValueError) as err:
            store.drop_graph(target)
            raise InputError(f"cannot read {path}: {one_line(err)}") from None
        return ImportResult(str(path), fmt, [target.value], counted.result())


def _statement_lines(path: Path) -> int:
    """Lines of an N-Triples file that hold a triple (not blank, not a comment), counted
    in C: newlines chunk by chunk, then the few blank and comment lines by a regex over a
    memory map (only they become match objects)."""
    import mmap
    import re

    if path.stat().st_size == 0:
        return 0
    with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
        unterminated = data[-1:] != b"\n"  # a last line without its newline
        # lines (after the first) that are blank or comments
        skipped = len(re.findall(rb"\n(?=[ \t]*(?:#|\r?\n))", data))
        if re.match(rb"[ \t]*(?:#|\r?\n|\Z)", data):
            skipped += 1
        if unterminated and not data[data.rfind(b"\n") + 1:].strip():
            skipped += 1  # the last line is blank but for spaces
        return lines + (1 if unterminated else 0) - skipped


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
