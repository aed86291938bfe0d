"""RDF writers: N-Triples, Turtle, TriG, N-Quads, JSON-LD (compact) and RDF/XML.

Why not pyoxigraph alone: its JSON-LD is the expanded form (every IRI spelled out), which
people do not read, and RDF/XML cannot hold named graphs, so both are written here from the
quads; the store's own dumps are kept for the other formats of a whole store, as before.
A cut-down is triples: the dataset formats write it to the default graph.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, BinaryIO

import pyoxigraph as ox

from kg import vocab
from kg.errors import KgError
from kg.formats import RdfFormat
from kg.store import EXPORT_PREFIXES, one_line
from kg.views.cutdown import GraphData

_XSD_STRING = vocab.XSD + "string"
_COMPACT_ORDER = sorted(vocab.PREFIXES.items(), key=lambda kv: -len(kv[1]))


def _triples(data: GraphData) -> set[ox.Triple]:
    out: set[ox.Triple] = set()
    for q in data.quads():
        out.add(q.triple if isinstance(q, ox.Quad) else q)
    return out


def _sorted(triples: Iterable[ox.Triple]) -> list[ox.Triple]:
    return sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def write_rdf(fmt: RdfFormat, data: GraphData, out: BinaryIO) -> None:
    """Write ``data`` as ``fmt``; N-Triples is sorted (same graph, same bytes)."""
    try:
        if fmt is RdfFormat.jsonld:
            write_jsonld(data, out)
        elif data.dump is not None:
            data.dump(fmt, out)
        elif fmt is RdfFormat.nt:
            for line in sorted({f"{t.subject} {t.predicate} {t.object} .\n"
                                for t in _triples(data)}):
                out.write(line.encode("utf-8"))
        elif fmt.keeps_graphs:
            quads = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                     for t in _sorted(_triples(data))]
            ox.serialize(quads, out, fmt.ox,
                         prefixes=EXPORT_PREFIXES if fmt is RdfFormat.trig else None)
        else:
            ox.serialize(_sorted(_triples(data)), out, fmt.ox, prefixes=EXPORT_PREFIXES)
    except BrokenPipeError:
        raise  # the reader left (``| head``): the CLI exits quietly
    except (OSError, ValueError, SyntaxError) as err:
        raise KgError(f"cannot write the graph as {fmt.value}: {one_line(err)}") from None
    out.flush()


def compact_iri(iri: str) -> str:
    """``kgo:host`` for an IRI in a kg namespace (longest namespace first), else the IRI.

    >>> compact_iri("https://w3id.org/kg-health/id/hospital/x")
    'kg:hospital/x'
    """
    for prefix, ns in _COMPACT_ORDER:
        if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("//"):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _id(term: object) -> str:
    if isinstance(term, ox.NamedNode):
        return compact_iri(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    raise ValueError(f"not a node: {term}")


def _value(term: object) -> dict[str, str]:
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value != _XSD_STRING:
            return {"@value": term.value, "@type": compact_iri(term.datatype.value)}
        return {"@value": term.value}
    return {"@id": _id(term)}


def _tidy(nodes: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Node objects sorted by ``@id``, their keys and values sorted: stable output."""
    listed = []
    for nid in sorted(nodes):
        node = nodes[nid]
        ordered: dict[str, Any] = {"@id": node["@id"]}
        if "@type" in node:
            ordered["@type"] = sorted(node["@type"])
        for k in sorted(k for k in node if not k.startswith("@")):
            ordered[k] = sorted(node[k], key=lambda v: json.dumps(v, sort_keys=True))
        listed.append(ordered)
    return listed


def write_jsonld(data: GraphData, out: BinaryIO) -> None:
    """JSON-LD in compact form: one ``@context`` of the kg prefixes, compact IRIs.

    Named graphs (a whole store) become ``{"@id": "kgdoc:...", "@graph": [...]}`` objects,
    written one run of quads at a time (the store gives a graph's quads together), so memory
    follows the largest article, not the store; ``rdf:type`` becomes ``@type``.
    """
    out.write(b'{"@context": ')
    out.write(json.dumps(dict(sorted(vocab.PREFIXES.items())), indent=1).encode("utf-8"))
    out.write(b',\n "@graph": [')
    first = True

    def emit(key: str, nodes: dict[str, dict[str, Any]]) -> None:
        nonlocal first
        items: list[dict[str, Any]] = _tidy(nodes) if not key else [
            {"@id": key, "@graph": _tidy(nodes)}]
        for item in items:
            out.write(b"\n" if first else b",\n")
            out.write(json.dumps(item, ensure_ascii=False).encode("utf-8"))
            first = False

    key, nodes = "", dict[str, dict[str, Any]]()
    for q in data.quads():
        g = q.graph_name if isinstance(q, ox.Quad) and data.keeps_graphs else None
        k = _id(g) if isinstance(g, ox.NamedNode | ox.BlankNode) else ""
        if k != key:
            if nodes:
                emit(key, nodes)
            key, nodes = k, {}
        node = nodes.setdefault(_id(q.subject), {"@id": _id(q.subject)})
        if q.predicate.value == vocab.RDF_TYPE and isinstance(q.object, ox.NamedNode):
            types = node.setdefault("@type", [])
            if (t := compact_iri(q.object.value)) not in types:
                types.append(t)
            continue
        values = node.setdefault(compact_iri(q.predicate.value), [])
        if (v := _value(q.object)) not in values:
            values.append(v)
    if nodes:
        emit(key, nodes)
    out.write(b"\n]}\n")
