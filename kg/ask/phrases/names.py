"""Rules for names the graph holds in another form: brackets, articles, editions, cut names,
a place name in front."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pyoxigraph as ox

from kg.lookup import EntityRef, describe_nodes, select
from kg.names import normalize_name
from kg.store.base import Store

from ..grammar import names_of
from ..graph import iris_of
from ..results import Resolved
from .base import Reader

ORDINAL_WORDS = (
    "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
    "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
    "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
)
_ACRONYM = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z0-9&.\-]{2,12}")
_EDITIONS = "SELECT ?e ?s WHERE { ?s kgo:inSeries ?e }"
_START = "SELECT ?e ?d WHERE { ?e kgo:startDate ?d }"


_AWARDS_CEREMONY = re.compile(r"^(?P<awards>.+\b(?:awards?|prizes?))\s+(?:presentation\s+|giving\s+)?ceremony$",
                              re.I)


def variants(reader: Reader, name: str, prefer: Sequence[str]) -> Resolved | None:
    """The phrase without its brackets, its short name in brackets, or without articles."""
    tries: list[tuple[str, str]] = []
    if m := re.search(r"\s*\(([^()]+)\)", name):
        outside = re.sub(r"\s+", " ", name[: m.start()] + " " + name[m.end():]).strip()
        tries.append((outside, "without its brackets"))
        inside = m.group(1).strip()
        if _ACRONYM.fullmatch(inside):  # "Center for X (CX)"; never "(Lakeside)", a qualifier
            tries.append((inside, "the short name in brackets"))
    bare = re.sub(r"\b(?:the|a|an) ", "", name, flags=re.I)
    if bare != name:
        tries.append((bare, "without articles"))
    if m := _AWARDS_CEREMONY.match(name):  # "the 2023 X awards ceremony" is the awards
        tries.append((m.group("awards"), "the awards its ceremony presents"))
    for variant, how in tries:
        if variant and len(variant) > 1:
            found = reader.by_name(variant, prefer)
            if found is not None:
                return Resolved("", name, found, f"{how}: {variant!r}")
    return None


_ORDINAL = re.compile(
    r"^(?P<ord>\d{1,3}(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS[1:]) + r") (?P<rest>.+)$", re.I)
_YEAR_FIRST = re.compile(r"^(?P<year>(?:19|20)\d\d) (?P<rest>.+)$")
_YEAR_LAST = re.compile(r"^(?P<rest>.+?),? (?P<year>(?:19|20)\d\d)$")


def _ordinal_forms(token: str) -> set[str]:
    """"7th" -> {"7th", "seventh"}; "seventh" -> the same."""
    t = token.lower()
    n = ORDINAL_WORDS.index(t) if t in ORDINAL_WORDS else int(re.sub(r"\D", "", t))
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    forms = {f"{n}{suffix}"}
    if n < len(ORDINAL_WORDS):
        forms.add(ORDINAL_WORDS[n])
    return forms


def years_of(store: Store, ref: EntityRef) -> set[str]:
    """The years an event's names and start date give it (empty when nothing says)."""
    years = {y for n in names_of(ref) for y in re.findall(r"\b(?:19|20)\d\d\b", n)}
    for row in select(store, _START, e=ox.NamedNode(ref.iri)):
        d = row["d"]
        if isinstance(d, ox.Literal) and re.match(r"^\d{4}", d.value):
            years.add(d.value[:4])
    return years


def _edition_of_series(reader: Reader, series: EntityRef, year: str | None,
                       ordinal: str | None) -> tuple[EntityRef, str] | None:
    """The one edition of a series that fits the year and ordinal the question gives."""
    rows = select(reader.store, _EDITIONS, e=ox.NamedNode(series.iri))
    editions = list(describe_nodes(reader.store, iris_of(rows, "s")).values())
    fits = [e for e in editions if year is None or year in years_of(reader.store, e)]
    how = f"edition of the series {series.label!r}"
    if ordinal is not None:
        forms = _ordinal_forms(ordinal)
        named = [e for e in fits if forms & {w for n in names_of(e) for w in normalize_name(n).split()}]
        if named:
            fits = named
        elif year is None and len(editions) == 1:
            how = f"the only edition of the series {series.label!r} in the graph"
        elif year is None:
            fits = []
    return (fits[0], how) if len(fits) == 1 else None


def editions_of(store: Store, series: EntityRef) -> tuple[EntityRef, ...]:
    """The editions of a series, newest first: a question about "the X Expo" that the graph
    knows as a series is answered by its editions when the series itself has no answer."""
    rows = select(store, _EDITIONS, e=ox.NamedNode(series.iri))
    found = list(describe_nodes(store, iris_of(rows, "s")).values())
    return tuple(sorted(found, key=lambda e: max(years_of(store, e), default=""), reverse=True))


def edition(reader: Reader, name: str, prefer: Sequence[str]) -> Resolved | None:
    """An ordinal or a year names an edition: of the series with the rest's name (the one
    edition that fits), else the event bearing the rest's name when its year does not contradict."""
    rest, year, ordinal = name, None, None
    if m := _ORDINAL.match(rest):
        ordinal, rest = m.group("ord"), m.group("rest")
    if (m := _YEAR_FIRST.match(rest)) or (m := _YEAR_LAST.match(rest)):
        year, rest = m.group("year"), m.group("rest")
    if ordinal is None and year is None:
        return None
    if m := _ORDINAL.match(rest):  # "2022 6th Expo"
        ordinal, rest = m.group("ord"), m.group("rest")
    series = reader.by_name(rest, ("EventSeries",))
    if series is not None and "EventSeries" in series.types:
        found = _edition_of_series(reader, series, year, ordinal)
        if found is not None:
            return Resolved("", name, found[0], found[1])
    event = reader.by_name(rest, ("Event",))
    if event is None or "Event" not in event.types:
        return None
    years = years_of(reader.store, event)
    if year is not None and years and year not in years:
        return None
    what = "ordinal" if year is None else "edition words"
    return Resolved("", name, event, f"{what} dropped: {rest!r}")


_CUT = re.compile(r"(?: and | & | of | in | at |'s |’s | \(|, )", re.I)


def cut_name(reader: Reader, name: str, prefer: Sequence[str]) -> Resolved | None:
    """The longest name the graph bears exactly that the phrase starts with, cut at a
    joint ("and", "of", "in", "'s", a bracket), if it is at least half the phrase: names the
    extractor cut short ("Summit Hospital of Lakeside" for "... of Lakeside and Riverside")."""
    words = len(name.split())
    for m in reversed(list(_CUT.finditer(name))):
        head = name[: m.start()].strip()
        if len(head.split()) < 2 or 2 * len(head.split()) < words:
            continue
        found = reader.exactly(head, prefer)
        if found is not None:
            return Resolved("", name, found, f"the longest known name it starts with: {head!r}")
    return None


def place_prefix(reader: Reader, name: str, prefer: Sequence[str]) -> Resolved | None:
    """A known place named in front of a name the graph bears without it
    ("Lakeside Summit Hospital" -> "Summit Hospital")."""
    words = name.split()
    for n in (1, 2):
        if len(words) - n < 2:
            break
        place, rest = " ".join(words[:n]), " ".join(words[n:])
        where = reader.exactly(place, ("Place",))
        if where is None or "Place" not in where.types:
            continue
        found = reader.exactly(rest, prefer)
        if found is not None and "Place" not in found.types:
            return Resolved("", name, found, f"without the place name in front: {rest!r}")
    return None
