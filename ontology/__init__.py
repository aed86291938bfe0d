"""The kg ontology (OWL in Turtle) and its SHACL shapes, installed as ``kg.ontology``.

The Turtle files are the source of truth; this module only says where they are, so the
same code finds them in a source checkout and in an installed wheel.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

ONTOLOGY_FILE = "kg.ttl"
SHAPES_FILE = "shapes.ttl"


def resource(name: str) -> Traversable:
    """A file of this folder, e.g. ``resource("kg.ttl").read_text()``."""
    return files(__name__) / name
