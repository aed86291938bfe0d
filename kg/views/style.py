"""Colours and attribute flattening shared by the view writers.

Why one place: Gephi, Graphviz, Mermaid and the HTML page should colour a Hospital the same
way, and GraphML, GEXF and DOT all need list-valued attributes (several aliases, several
types) turned into one string, the known failure of naive networkx exports.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

# One colour per most specific type (colour-blind-friendly Tableau 10 based palette).
TYPE_COLOURS: Final[dict[str, str]] = {
    "Event": "#4e79a7",
    "EventSeries": "#a0cbe8",
    "Organization": "#f28e2b",
    "Company": "#ffbe7d",
    "Hospital": "#59a14f",
    "GovernmentBody": "#8cd17d",
    "Person": "#b6992d",
    "Place": "#499894",
    "Venue": "#86bcb6",
    "Agreement": "#e15759",
}
OTHER_COLOUR: Final = "#bab0ac"
LIST_SEPARATOR: Final = "; "


def colour(node_type: str) -> str:
    """The ``#rrggbb`` colour of a type (grey for a type without one).

    >>> colour("Hospital"), colour("Thing")
    ('#59a14f', '#bab0ac')
    """
    return TYPE_COLOURS.get(node_type, OTHER_COLOUR)


def rgb(hex_colour: str) -> tuple[int, int, int]:
    """``#59a14f`` -> ``(89, 161, 79)``."""
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def flat(value: Any) -> str | int | float | bool:
    """A scalar for formats without lists: lists joined with ``"; "``, None as ``""``.

    >>> flat(["A", "B"]), flat(3), flat(None)
    ('A; B', 3, '')
    """
    if value is None:
        return ""
    if isinstance(value, list | tuple | set | frozenset):
        return LIST_SEPARATOR.join(str(flat(v)) for v in value)
    if isinstance(value, bool | int | float | str):
        return value
    return str(value)


def flat_attrs(attrs: Mapping[str, Any], drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """Every attribute flattened with :func:`flat`, except the names in ``drop``."""
    return {k: flat(v) for k, v in attrs.items() if k not in drop}
