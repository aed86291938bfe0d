"""The property graph of a view in plain dictionaries, for writers that need no networkx.

Why: importing networkx takes about 0.12 s, a quarter of a cold
``kg export --format graphml --around X``. :func:`kg.views.project.property_graph` builds
this form; GraphML is written from it directly, and the views drawn with networkx (GEXF,
DOT, Cytoscape.js, D3, Mermaid, HTML) get :meth:`PropertyGraph.to_networkx`.

The layout and the iteration orders are networkx's ``MultiDiGraph`` ones: nodes in the order
added, edges by source node, then by target in the order first linked, then by key. So a
writer sees the same sequence from either form, and GraphML is byte for byte what it was
when it was written from networkx (``tests/test_export_formats.py`` compares them).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

Attrs = dict[str, Any]


@dataclass
class PropertyGraph:
    """Nodes with attributes, and directed edges keyed (by relation) with attributes.

    >>> g = PropertyGraph()
    >>> g.add_node("a", {"label": "A"}); g.add_node("b", {"label": "B"})
    >>> g.add_edge("a", "b", "host", {"evidence": 1})
    >>> list(g.edges()), g.degrees()
    ([('a', 'b', 'host', {'evidence': 1})], {'a': 1, 'b': 1})
    """

    nodes: dict[str, Attrs] = field(default_factory=dict)
    succ: dict[str, dict[str, dict[str, Attrs]]] = field(default_factory=dict)

    def add_node(self, node: str, attrs: Attrs) -> None:
        """Add ``node`` (or update its attributes)."""
        self.nodes.setdefault(node, {}).update(attrs)
        self.succ.setdefault(node, {})

    def add_edge(self, source: str, target: str, key: str, attrs: Attrs) -> None:
        """Add the edge ``source -[key]-> target``; missing ends become bare nodes."""
        for end in (source, target):
            if end not in self.nodes:
                self.add_node(end, {})
        self.succ[source].setdefault(target, {})[key] = dict(attrs)

    def edges(self) -> Iterator[tuple[str, str, str, Attrs]]:
        """``(source, target, key, attributes)`` in networkx's order."""
        for source, targets in self.succ.items():
            for target, keyed in targets.items():
                for key, attrs in keyed.items():
                    yield source, target, key, attrs

    def degrees(self) -> dict[str, int]:
        """Edges in and out of each node (networkx's ``degree`` of a MultiDiGraph)."""
        counts = dict.fromkeys(self.nodes, 0)
        for source, target, _, _ in self.edges():
            counts[source] += 1
            counts[target] += 1
        return counts

    def to_networkx(self) -> nx.MultiDiGraph:
        """The same graph as a networkx ``MultiDiGraph`` (imports networkx)."""
        import networkx as nx

        graph = nx.MultiDiGraph()
        for node, attrs in self.nodes.items():
            graph.add_node(node, **attrs)
        for source, target, key, attrs in self.edges():
            graph.add_edge(source, target, key=key, **attrs)
        return graph

    @classmethod
    def from_networkx(cls, graph: nx.MultiDiGraph) -> PropertyGraph:
        """The plain form of a networkx ``MultiDiGraph`` (orders kept)."""
        plain = cls()
        for node, attrs in graph.nodes(data=True):
            plain.add_node(node, attrs)
        for source, target, key, attrs in graph.edges(keys=True, data=True):
            plain.add_edge(source, target, key, attrs)
        return plain
