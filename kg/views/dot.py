"""Graphviz DOT, and rendering it to SVG or PNG with Graphviz's ``dot`` when installed.

Written by hand rather than through pydot or pygraphviz: DOT is a few lines of quoting, and
neither package is needed for it. Nodes are filled with their type's colour; edges carry the
relation as their label and the evidence count in the tooltip.
"""

from __future__ import annotations

import shutil
import subprocess
from typing import BinaryIO

import networkx as nx

from kg.errors import KgError
from kg.views.style import colour

RENDER_FORMATS = ("svg", "png")
INSTALL_HINT = ("install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install "
                "graphviz; https://graphviz.org/download/) or write --format dot and render it "
                "elsewhere")


def quote(text: str) -> str:
    r"""A DOT double-quoted string.

    >>> quote('say "hi"\\now')
    '"say \\"hi\\"\\\\now"'
    """
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\r", " ").replace("\n", "\\n") + '"'


def dot_text(graph: nx.MultiDiGraph) -> str:
    """The DOT source of ``graph`` (a digraph; parallel edges kept)."""
    lines = [
        "digraph kg {",
        '  graph [rankdir=LR, overlap=false, fontname="Helvetica"];',
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10];',
        '  edge [fontname="Helvetica", fontsize=8, color="#777777"];',
    ]
    for n, d in graph.nodes(data=True):
        label = f"{d.get('label', n)}\n({d.get('type', '')})"
        lines.append(f"  {quote(n)} [label={quote(label)}, fillcolor={quote(colour(str(d.get('type', ''))))}, "
                     f"tooltip={quote(n)}];")
    for u, v, d in graph.edges(data=True):
        tip = f"{d.get('relation', '')}: {d.get('evidence', 0)} evidence sentence(s)"
        lines.append(f"  {quote(u)} -> {quote(v)} [label={quote(str(d.get('label', '')))}, "
                     f"tooltip={quote(tip)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_dot(graph: nx.MultiDiGraph, out: BinaryIO) -> None:
    """Write ``graph`` as DOT source (UTF-8)."""
    out.write(dot_text(graph).encode("utf-8"))


def render(source: str, fmt: str, out: BinaryIO) -> None:
    """Run Graphviz's ``dot -T<fmt>`` on ``source`` and write the image to ``out``."""
    if fmt not in RENDER_FORMATS:
        raise KgError(f"--render takes {' or '.join(RENDER_FORMATS)}, not {fmt!r}")
    exe = shutil.which("dot")
    if exe is None:
        raise KgError(f"--render needs Graphviz's dot program, which is not installed; {INSTALL_HINT}")
    proc = subprocess.run([exe, f"-T{fmt}"], input=source.encode("utf-8"), capture_output=True,
                          check=False)
    if proc.returncode != 0:
        detail = " ".join(proc.stderr.decode("utf-8", "replace").split())[:300]
        raise KgError(f"Graphviz's dot failed ({proc.returncode}): {detail}")
    out.write(proc.stdout)
