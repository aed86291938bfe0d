"""How is X connected to Y: the shortest path between two entities (``kg path``)."""

from __future__ import annotations

from kg.query import path, path_text

from ..base import Form, Question, form
from ..grammar import X, Y
from ..graph import Collector
from ..results import Answer


def connection(q: Question) -> list[Answer]:
    """The nodes along the first shortest path, in path order; the path itself in ``q.path``."""
    result = path(q.store, q.x, q.y, max_length=q.max_length)
    q.path = result
    out = Collector()
    for hop in result.paths[0] if result.paths else []:
        if hop.via is not None:
            out.add(hop.via.label, hop.via.iri, hop.evidence, hop.via.types)
        out.add(hop.target.label, hop.target.iri, hop.evidence, hop.target.types,
                {"hop": path_text([hop])})
    return list(out.items.values())  # path order, not alphabetical


FORMS: tuple[Form, ...] = (
    form("connection", "how is X connected to Y", connection,
         rf"^how (?:is|are|was|were) {X} (?:connected|related|linked) (?:to|with) {Y}$",
         rf"^how are {X} and {Y} (?:connected|related|linked)$",
         rf"^what (?:connects|links) {X} (?:and|to|with) {Y}$",
         rf"^what (?:is|are|was|were) the (?:relationship|relation|connection|link)s? between {X} "
         rf"and {Y}$",
         query="shortest path X ... Y (kg path)", entity_slots=("x", "y")),
)
