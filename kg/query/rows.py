"""Small conversions every query module shares: a solution's term read as an IRI, and a node
reference written as JSON. Kept apart so that walks, evidence, cards and listings agree on them.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from kg.lookup.nodes import EntityRef


def iri_of(term: object) -> str | None:
    return term.value if isinstance(term, ox.NamedNode) else None


def ref_json(ref: EntityRef) -> dict[str, Any]:
    return {"label": ref.label, "iri": ref.iri, "types": list(ref.types)}
