"""Mermaid flowchart, for Markdown viewers (GitHub, GitLab, Obsidian) and mermaid.live.

Node ids are ``n0``, ``n1``, ...; labels are quoted with ``"`` written as ``#quot;``; one
``classDef`` per type gives the type's colour. Meant for small cut-downs: renderers give
up on thousands of nodes.
"""

from __future__ import annotations

import re
from typing import BinaryIO

import networkx as nx

from kg.views.style import colour


def label(text: str) -> str:
    """A Mermaid quoted label body: quotes and line breaks made harmless.

    >>> label('the "best" fair')
    'the #quot;best#quot; fair'
    """
    text = " ".join(text.split()).replace("#", "#35;").replace('"', "#quot;")
    return text.replace("<", "#lt;").replace(">", "#gt;")


def _class(name: str) -> str:
    return re.sub(r"\W", "_", name) or "Thing"


def mermaid_text(graph: nx.MultiDiGraph) -> str:
    """The Mermaid source of ``graph``."""
    ids = {n: f"n{i}" for i, n in enumerate(graph.nodes)}
    lines = ["flowchart LR"]
    types: dict[str, str] = {}
    for n, d in graph.nodes(data=True):
        kind = _class(str(d.get("type", "Thing")))
        types[kind] = colour(str(d.get("type", "")))
        lines.append(f'  {ids[n]}["{label(str(d.get("label", n)))}"]:::{kind}')
    for u, v, d in graph.edges(data=True):
        lines.append(f'  {ids[u]} -->|"{label(str(d.get("label", "")))}"| {ids[v]}')
    for kind, fill in sorted(types.items()):
        lines.append(f"  classDef {kind} fill:{fill},color:#000,stroke:#333")
    return "\n".join(lines) + "\n"


def write_mermaid(graph: nx.MultiDiGraph, out: BinaryIO) -> None:
    """Write ``graph`` as a Mermaid flowchart (UTF-8)."""
    out.write(mermaid_text(graph).encode("utf-8"))
