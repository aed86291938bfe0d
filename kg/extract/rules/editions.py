"""Editions and series: "the 2023 X", "X 2023", "this year's X", "the third X".

A recurring event is two nodes: the series ("X") and the dated edition the article reports
("X 2023", ``inSeries`` the series), so that facts of this year's meeting do not pile onto
every year's. One edition per series and article. Its label is the name as the text writes it
("14th X", "2024 X", "X 2024"), which is what readers and answers call it; its year (from the
name, else the publication date, else the year the story names most) gives the aliases "X 2024"
and "2024 X" that let other articles' editions merge with it. "this year's X" is labelled "X 2024".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from kg.articles import main_year
from kg.extract.dates import ordinal_value
from kg.extract.heads import is_acronym
from kg.extract.mentions import Name
from kg.records import EntityType, Relation

if TYPE_CHECKING:
    from kg.extract.rules.reader import Reader


def edition_marker(r: Reader, n: Name) -> tuple[int | None, str] | None:
    """(year, surface) when the text marks this event name as one edition of a series."""
    before = r.text[max(0, n.start - 30):n.start]
    after = r.text[n.end:n.end + 8]
    m = re.search(r"\b((?:19|20)\d\d)[ \t]+(?:\(\w+\)\s+)?(?:(?:edition|session)\s+of\s+(?:the\s+)?)?$", before)
    if m:  # "the 2023 X", "the 2023 edition of the X", "the 2023 (Fifth) X"
        return int(m.group(1)), r.text[n.start - (len(before) - m.start(1)):n.end]
    m = re.match(r"[ \t]+((?:19|20)\d\d)\b", after)  # on the same line: not a date line below
    if m:
        return int(m.group(1)), r.text[n.start:n.end + m.end(1)]
    m = re.match(r"\s*(?:\([^)]{1,12}\))?,?\s+(?:now\s+)?in\s+its\s+(\w+)\s+(?:edition|year|session)",
                 r.text[n.end:n.end + 60])
    if m and ordinal_value(m.group(1)) is not None:  # "X, now in its fifth edition,"
        pub = r.article.published
        return (pub.year if pub else main_year(r.text)), n.text
    m = re.search(r"\b(this|last|next)\s+years?['’]?s?\s+$", before, re.I)
    if m:
        pub = r.article.published
        year = None if pub is None else pub.year + {"this": 0, "last": -1, "next": 1}[
            m.group(1).lower()]
        return year, r.text[n.start - (len(before) - m.start(0)):n.end]
    m = re.search(r"\b(?:the\s+)?(\w+)\s+(?:edition\s+of\s+(?:the\s+)?)?$", before, re.I)
    if m and ordinal_value(m.group(1)) is not None:
        # "the 14th X" in a dated article: the edition of the publication year
        pub = r.article.published
        year = pub.year if pub else main_year(r.text)
        return year, r.text[n.start - (len(before) - m.start(0)):n.end]
    return None


def edition_node(r: Reader, series: str, marker: tuple[int | None, str], n: Name) -> str:
    """The edition node of ``series`` this mention names (one edition per year)."""
    year, surface = marker
    s_ent = r.ex.entities[series]
    s_ent.type = EntityType.EVENT_SERIES
    r.votes[series][EntityType.EVENT_SERIES] += 5
    r.strong[series] = EntityType.EVENT_SERIES
    nth = _nth(r, n, surface)
    written = year is not None and str(year) in surface  # "the 2024 X", not a year assumed
    relative = re.search(r"\b(last|next)\s+year", surface, re.I)
    key = r.editions.get(series)
    if key is not None and (relative or _another_nth(r, key, nth) or (written and _another_year(r, key, year))):
        ident = f"y{year}" if written else f"r{relative.group(1).lower()}" if relative else f"n{nth}"
        pair = re.search(r"\b(\w+)\s+and\s+(?:the\s+)?\w+\s+$", r.text[max(0, n.start - 30):n.start])
        first = ordinal_value(pair.group(1).lower()) if pair else None
        if pair is not None and first is not None and nth is not None and first != r.edition_nth.get(key):
            # "the third and fourth X": the third is an edition too
            _another_edition(r, series, f"n{first}", None, first, f"{pair.group(1)} {n.text}", n)
        return _another_edition(r, series, ident, year if written or relative else None, nth, surface, n)
    if year is None:
        year = r.edition_year.get(r.editions.get(series, ""))
    as_written = _as_written(r, n, surface)
    label = as_written or (f"{s_ent.label} {year}" if year else _bare(surface))
    if key is None:
        key = r.entity(label, EntityType.EVENT, strong=True)
        r.editions[series] = key
        if year:
            r.edition_year[key] = year
        r.fact(key, Relation.IN_SERIES, series, n.start)
    if nth is not None:
        r.edition_nth.setdefault(key, nth)
    ed = r.ex.entities[key]
    if year and key not in r.edition_year:
        if not _is_written_name(ed.label):
            r.alias(key, ed.label)
            ed.label = as_written or f"{s_ent.label} {year}"
        r.edition_year[key] = year
    elif as_written and _by_acronym(ed.label) and not _by_acronym(as_written) and as_written != ed.label:
        # "XRC 2025 closes" above "The fifth China ... Expo (XRC 2025)": the full name labels it
        r.alias(key, ed.label)
        ed.label = as_written
    r.alias(key, surface)
    ordinal = _ordinal_before(r, n, surface)
    if ordinal is not None:
        r.alias(key, f"{ordinal} {surface}")  # "the 6th X Expo 2022" as written
    bracketed = re.search(r"\((\w+)\)\s*$", r.text[max(0, n.start - 20):n.start])
    if bracketed and ordinal_value(bracketed.group(1).lower()) is not None:
        r.alias(key, f"{bracketed.group(1)} {n.text}")  # "the 2023 (Fifth) X": the fifth X
    if year:
        for short in [s_ent.label, *sorted(s_ent.aliases)]:
            r.alias(key, f"{short} {year}")
            r.alias(key, f"{year} {short}")
    return key


def _as_written(r: Reader, n: Name, surface: str) -> str | None:
    """The edition's name as the text writes it ("14th X", "2024 X", "X 2024", "6th X 2024"),
    which is what a reader calls it; None for "this year's X" or "the 2024 edition of X"."""
    ordinal = _ordinal_before(r, n, surface)
    name = _bare(surface) if ordinal is None else f"{ordinal} {_bare(surface)}"
    return name if _is_written_name(name) else None


def _ordinal_before(r: Reader, n: Name, surface: str) -> str | None:
    """The ordinal written just before the name and not already in its surface ("the 6th" of
    "the 6th X Expo 2022"), as written."""
    m = re.search(r"\b(\d{1,3}(?:st|nd|rd|th)|[a-z]+(?:st|nd|rd|th))\s+$", r.text[max(0, n.start - 20):n.start], re.I)
    if m is None or ordinal_value(m.group(1).lower()) is None or m.group(1) in surface.split()[:2]:
        return None
    return m.group(1)


def _by_acronym(name: str) -> bool:
    """Whether an edition's name is its acronym with a year or ordinal ("XRC 2025", "8th XPO")."""
    return any(is_acronym(w) for w in name.split()) and len(name.split()) <= 3


def _is_written_name(name: str) -> bool:
    """A proper name of an edition: it opens with a capital, a number or an ordinal ("third X"),
    and has no edition wording."""
    first = name.split()[0] if name.split() else ""
    return bool(re.match(r"[A-Z0-9]", first) or ordinal_value(first.lower()) is not None) and not re.search(
        r"\b(?:edition|session|years?['’]?s?)\b", name, re.I)


def _nth(r: Reader, n: Name, surface: str) -> int | None:
    """The ordinal the text gives this edition ("the fourth X", "the 2023 (Fifth) X"), if any."""
    before = re.search(r"\b(\w+)\)?\s+$", r.text[max(0, n.start - 20):n.start])
    for word in ([before.group(1)] if before else []) + surface.split()[:2]:
        value = ordinal_value(word.strip("()").lower())
        if value is not None and not word.isdigit():
            return value
    return None


def _bare(surface: str) -> str:
    return re.sub(r"^[Tt]he\s+", "", surface)


def _another_nth(r: Reader, key: str, nth: int | None) -> bool:
    """Whether the ordinal ``nth`` names another edition than ``key`` (whose ordinal is known)."""
    return nth is not None and r.edition_nth.get(key, nth) != nth


def _another_year(r: Reader, key: str, year: int | None) -> bool:
    """Whether a written year names another edition than ``key``: one whose own year the text
    wrote too (a year assumed from the publication date may be wrong, a written one is not)."""
    own = r.edition_year.get(key)
    ent = r.ex.entities[key]
    return own is not None and own != year and any(str(own) in name for name in (ent.label, *ent.aliases))


def _another_edition(r: Reader, series: str, ident: str, year: int | None, nth: int | None, surface: str,
                     n: Name) -> str:
    """An edition other than the article's first one ("has booked booths for the third and the
    fourth X", "the 2023 X and the 2024 X", "next year's X"): its own node, never merged with
    the first; ``ident`` tells editions apart (a year, an ordinal, "next"/"last" year)."""
    key = r.other_editions.get((series, ident))
    if key is None:
        s_label = r.ex.entities[series].label
        label = f"{s_label} {year}" if year is not None else _bare(surface)
        key = r.entity(label, EntityType.EVENT, strong=True)
        r.other_editions[(series, ident)] = key
        r.fact(key, Relation.IN_SERIES, series, n.start)
        if year is not None:
            r.edition_year[key] = year
        if nth is not None:
            r.edition_nth[key] = nth
    r.alias(key, _bare(surface))
    return key


def series_to_edition(r: Reader) -> None:
    """A series named bare where the article has one edition of it means that edition."""
    for m in r.mentions:
        edition = r.editions.get(m.key)
        if edition is None:
            continue
        before = r.text[max(0, m.start - 25):m.start].lower()
        if re.search(r"(previous|past|last|every|each|annual|all|next|future)\s+(?:\w+\s+)?$",
                     before):
            continue
        m.key = edition


def year_for_ordinal(r: Reader, sent: Any) -> int | None:
    """The year of an edition named by an ordinal ("X's third forum"): the sentence's date,
    else the publication year; None in an undated article."""
    pub = r.article.published
    if pub is None:
        return None
    span = r.dates_in(sent, None)
    if span and span.end and span.end.year:
        return span.end.year
    return pub.year
