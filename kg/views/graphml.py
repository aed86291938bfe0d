"""GraphML, for Gephi, yEd and Cytoscape desktop, written as a stream.

Node ids are ``n0``, ``n1``, ... (GraphML ids are XML name tokens, which IRIs with ``/`` are
not; the IRI is the ``iri`` attribute) and edge ids ``e0``, ``e1``, ... (unique, as yEd
wants); keys are ``d0``, ``d1``, ... declared once per attribute and element kind. List
attributes are joined with ``"; "`` (networkx's writer refuses lists) and characters XML
1.0 cannot hold are dropped (networkx's writer raises on them). Evidence sentences are left
to the formats that carry text (JSON and HTML).

Written by hand rather than with ``networkx.write_graphml``: that builds the whole document
as an element tree first, which took most of the time and memory of a million-triple export.
``networkx.read_graphml`` reads the result back in the tests. Written from the plain
:class:`~kg.views.graph.PropertyGraph`, so a GraphML export does not import networkx (a
networkx graph is read into that form first).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, BinaryIO

from kg.views.graph import PropertyGraph
from kg.views.style import flat, flat_attrs

if TYPE_CHECKING:
    import networkx as nx

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)
_EDGE_SKIP = ("sentences",)


def xml_text(value: object) -> str:
    """Text safe in an XML 1.0 element or attribute: escaped, forbidden characters dropped.

    >>> xml_text('a "<b>" & \\x01c')
    'a &quot;&lt;b&gt;&quot; &amp; c'
    """
    return _NOT_XML.sub("", str(value)).translate(_ESCAPES)


def plain_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with short ids and scalar, XML-safe attributes (for GEXF through networkx).

    Edges keep their relation as the key and get a unique ``id`` attribute.
    """
    import networkx as nx

    ids = {n: f"n{i}" for i, n in enumerate(graph.nodes)}
    plain = nx.MultiDiGraph()

    def clean(attrs: Mapping[str, Any], drop: tuple[str, ...] = ()) -> dict[str, Any]:
        return {k: _NOT_XML.sub("", v) if isinstance(v, str) else v
                for k, v in flat_attrs(attrs, drop).items()}

    for n, data in graph.nodes(data=True):
        plain.add_node(ids[n], **clean(data))
    for i, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True)):
        plain.add_edge(ids[u], ids[v], key=key, id=f"e{i}", **clean(data, _EDGE_SKIP))
    return plain


def _kind(values: Iterable[object]) -> str:
    kinds = {type(v) for v in values}
    if kinds and kinds <= {int, bool} and bool not in kinds:
        return "long"
    if kinds and kinds <= {int, float}:
        return "double"
    return "string"


def _keys(items: Iterable[Mapping[str, Any]], skip: tuple[str, ...]) -> dict[str, str]:
    """Attribute name -> GraphML type, in first-seen order."""
    seen: dict[str, list[object]] = {}
    for attrs in items:
        for k, v in attrs.items():
            if k not in skip:
                seen.setdefault(k, []).append(flat(v))
    return {k: _kind(vs) for k, vs in seen.items()}


def write_graphml(graph: PropertyGraph | nx.MultiDiGraph, out: BinaryIO) -> None:
    """Write ``graph`` as GraphML 1.0 (UTF-8), one element at a time."""
    plain = graph if isinstance(graph, PropertyGraph) else PropertyGraph.from_networkx(graph)
    node_keys = _keys(plain.nodes.values(), ())
    edge_keys = _keys((d for *_, d in plain.edges()), _EDGE_SKIP)
    key_id: dict[tuple[str, str], str] = {}
    text = io.TextIOWrapper(out, encoding="utf-8", newline="\n", write_through=False)
    try:
        w = text.write
        w(_HEAD)
        for scope, keys in (("node", node_keys), ("edge", edge_keys)):
            for name, kind in keys.items():
                kid = key_id[(scope, name)] = f"d{len(key_id)}"
                w(f'  <key id="{kid}" for="{scope}" attr.name="{xml_text(name)}" '
                  f'attr.type="{kind}"/>\n')
        w('  <graph id="G" edgedefault="directed">\n')
        ids: dict[str, str] = {}
        for n, d in plain.nodes.items():
            nid = ids[n] = f"n{len(ids)}"
            w(f'    <node id="{nid}">')
            for k, v in d.items():
                w(f'<data key="{key_id[("node", k)]}">{xml_text(flat(v))}</data>')
            w("</node>\n")
        for i, (u, v, _, d) in enumerate(plain.edges()):
            w(f'    <edge id="e{i}" source="{ids[u]}" target="{ids[v]}">')
            for k, val in d.items():
                if k not in _EDGE_SKIP:
                    w(f'<data key="{key_id[("edge", k)]}">{xml_text(flat(val))}</data>')
            w("</edge>\n")
        w("  </graph>\n</graphml>\n")
        text.flush()
    finally:
        text.detach()
