"""Entity phrases of a question -> nodes of the graph, by name or by description.

A phrase is first looked up as a name (:func:`kg.lookup.resolve`: label, alias, all words).
When no node bears it, the phrase is read as news writes about things that have no name of
their own, rule by rule (:data:`RULES`, in order):

- **variants**: "Harbor Expo (Lakeside)" is also tried as "Harbor Expo", "Center for X (CX)"
  as "CX", "Institute of the Academy of Y" as "Institute of Academy of Y";
- **edition**: "the 6th Harbor Expo 2022" is the 2022 edition of the series "Harbor Expo";
- **signing ceremony of AGREEMENT** / "AGREEMENT signing ceremony": the event where the
  agreement was signed (else the agreement itself, whose date and event answer "when/where");
- **HEAD between A and B**: an agreement of parties A and B ("the cooperation agreement between
  A and B") or the ceremony where one was signed, or an event whose name holds HEAD, A and B;
- **opening of EVENT**: the event's opening ceremony if the graph has one (falling back to the
  event itself), else the event;
- **PART of EVENT**: a sub-event of EVENT whose name holds every word of PART ("the public
  health section of the expo" finds "section for public health");
- **cut name**: a phrase longer than a name the graph knows, cut at "and", "of", "'s" or a
  bracket ("Summit Hospital of Lakeside and Riverside" when the graph knows only "Summit
  Hospital of Lakeside"), if the known name is at least half the phrase;
- **place in front**: "Lakeside Summit Hospital" is "Summit Hospital" when "Lakeside" is a
  place the graph knows and "Summit Hospital" a name it bears exactly.

Each rule states how it read the phrase (``Resolved.how``) for ``kg ask --explain``.
Values reach SPARQL only as bound substitutions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import pyoxigraph as ox

from kg.errors import AmbiguousEntityError, EntityNotFoundError
from kg.lookup import EntityRef, describe_node, describe_nodes, resolve, select
from kg.names import normalize_name

from .grammar import clean_phrase, kind_matches
from .results import Resolved

Rule = Callable[[ox.Store, str, Sequence[str], int], Resolved | None]

_STOP = frozenset({"the", "a", "an", "of", "for", "on", "in", "at", "and", "to", "with", "s"})
_ORDINAL_WORDS = (
    "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
    "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
    "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
)
_AGREEMENT_NOUNS = re.compile(
    r"\b(?:agreements?|memorand(?:um|a)|mous?|contracts?|pacts?|deals?|accords?|protocols?"
    r"|conventions?|declarations?|initiatives?|letters? of intent)\b", re.I)


def content_words(text: str) -> set[str]:
    """Normalised words without stop words, plural "s" folded ("Sections of X" -> section, x).

    >>> sorted(content_words("the Public Health Sections of the Expo"))
    ['expo', 'health', 'public', 'section']
    """
    words = normalize_name(text).split()
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words} - _STOP


def names_of(ref: EntityRef) -> list[str]:
    """Every name a node bears (label first, then aliases)."""
    return [ref.label, *ref.aliases]


def _mentions(text: str, ref: EntityRef) -> bool:
    """Does ``text`` contain one of the node's names (as whole words, normalised)?"""
    hay = f" {normalize_name(text)} "
    return any(n and f" {n} " in hay for n in (normalize_name(x) for x in names_of(ref)))


# ---------------------------------------------------------------- graph helpers

_PARTY_PAIR = "SELECT ?x ?y ?a WHERE { ?a kgo:party ?x ; kgo:party ?y }"
_SIGNED_AT = "SELECT ?a ?e WHERE { ?a kgo:signedAt ?e }"
_SUB_EVENTS = "SELECT ?e ?s WHERE { ?s kgo:subEventOf ?e }"
_EDITIONS = "SELECT ?e ?s WHERE { ?s kgo:inSeries ?e }"
_START = "SELECT ?e ?d WHERE { ?e kgo:startDate ?d }"
_EVENTS_NAMED = """
SELECT DISTINCT ?tok ?n WHERE {
  ?n a kgo:Event . { ?n rdfs:label ?name } UNION { ?n skos:altLabel ?name }
  FILTER(CONTAINS(LCASE(STR(?name)), ?tok))
}
"""


def _iris(rows: list[ox.QuerySolution], var: str) -> list[str]:
    return sorted({r[var].value for r in rows if isinstance(r[var], ox.NamedNode)})


def agreements_between(store: ox.Store, a: str, b: str) -> list[str]:
    """Agreements that both nodes are parties of."""
    return _iris(select(store, _PARTY_PAIR, x=ox.NamedNode(a), y=ox.NamedNode(b)), "a")


def signing_events(store: ox.Store, agreement: str) -> list[str]:
    """Events where an agreement was signed."""
    return _iris(select(store, _SIGNED_AT, a=ox.NamedNode(agreement)), "e")


def sub_events(store: ox.Store, event: str) -> list[str]:
    """Events that are part of ``event`` (``subEventOf``)."""
    return _iris(select(store, _SUB_EVENTS, e=ox.NamedNode(event)), "s")


# ---------------------------------------------------------------- the rules

def _by_name(store: ox.Store, name: str, prefer: Sequence[str]) -> EntityRef | None:
    try:
        return resolve(store, name, prefer=prefer)
    except EntityNotFoundError:
        return None


def _exactly(store: ox.Store, name: str, prefer: Sequence[str] = ()) -> EntityRef | None:
    """The node bearing ``name`` itself (label or alias, normalised), not a looser match."""
    try:
        found = resolve(store, name, prefer=prefer)
    except (EntityNotFoundError, AmbiguousEntityError):
        return None
    wanted = normalize_name(name)
    return found if wanted in {normalize_name(n) for n in names_of(found)} else None


def _sub_resolve(store: ox.Store, phrase: str, prefer: Sequence[str], depth: int) -> EntityRef | None:
    """A phrase inside a description, read by name or (one level down) by the other rules."""
    name = clean_phrase(phrase)
    if not name:
        return None
    try:
        return resolve(store, name, prefer=prefer)
    except AmbiguousEntityError:
        return None
    except EntityNotFoundError:
        pass
    if depth >= 2:
        return None
    for rule in RULES:
        got = rule(store, name, prefer, depth + 1)
        if got is not None:
            return got.entity
    return None


def _variants(store: ox.Store, name: str, prefer: Sequence[str], depth: int) -> Resolved | None:
    tries: list[tuple[str, str]] = []
    if m := re.search(r"\s*\(([^()]+)\)", name):
        outside = re.sub(r"\s+", " ", name[: m.start()] + " " + name[m.end():]).strip()
        tries += [(outside, "without its brackets"), (m.group(1).strip(), "the name in brackets")]
    bare = re.sub(r"\b(?:the|a|an) ", "", name, flags=re.I)
    if bare != name:
        tries.append((bare, "without articles"))
    for variant, how in tries:
        if variant and len(variant) > 1:
            found = _by_name(store, variant, prefer)
            if found is not None:
                return Resolved("", name, found, f"{how}: {variant!r}")
    return None


_ORDINAL = re.compile(
    r"^(?P<ord>\d{1,3}(?:st|nd|rd|th)|" + "|".join(_ORDINAL_WORDS[1:]) + r") (?P<rest>.+)$", re.I)
_YEAR_FIRST = re.compile(r"^(?P<year>(?:19|20)\d\d) (?P<rest>.+)$")
_YEAR_LAST = re.compile(r"^(?P<rest>.+?),? (?P<year>(?:19|20)\d\d)$")


def _ordinal_forms(token: str) -> set[str]:
    """"7th" -> {"7th", "seventh"}; "seventh" -> the same."""
    t = token.lower()
    n = _ORDINAL_WORDS.index(t) if t in _ORDINAL_WORDS else int(re.sub(r"\D", "", t))
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    forms = {f"{n}{suffix}"}
    if n < len(_ORDINAL_WORDS):
        forms.add(_ORDINAL_WORDS[n])
    return forms


def _year_of(store: ox.Store, ref: EntityRef) -> set[str]:
    years = {y for n in names_of(ref) for y in re.findall(r"\b(?:19|20)\d\d\b", n)}
    for row in select(store, _START, e=ox.NamedNode(ref.iri)):
        d = row["d"]
        if isinstance(d, ox.Literal) and re.match(r"^\d{4}", d.value):
            years.add(d.value[:4])
    return years


def _edition(store: ox.Store, name: str, prefer: Sequence[str], depth: int) -> Resolved | None:
    rest, year, ordinal = name, None, None
    if m := _ORDINAL.match(rest):
        ordinal, rest = m.group("ord"), m.group("rest")
    if (m := _YEAR_FIRST.match(rest)) or (m := _YEAR_LAST.match(rest)):
        year, rest = m.group("year"), m.group("rest")
    if ordinal is None and year is None:
        return None
    if m := _ORDINAL.match(rest):  # "2022 6th Expo"
        ordinal, rest = m.group("ord"), m.group("rest")
    base = _by_name(store, rest, ("EventSeries", "Event"))
    if base is None:
        return None
    if "EventSeries" in base.types:
        editions = describe_nodes(store, _iris(select(store, _EDITIONS, e=ox.NamedNode(base.iri)), "s"))
        fits = list(editions.values())
        if year is not None:
            fits = [e for e in fits if year in _year_of(store, e)]
        if ordinal is not None:
            forms = _ordinal_forms(ordinal)
            named = [e for e in fits if forms & {w for n in names_of(e) for w in normalize_name(n).split()}]
            fits = named or (fits if year is not None else [])
        if len(fits) == 1:
            return Resolved("", name, fits[0], f"edition of the series {base.label!r}")
        return None
    years = _year_of(store, base)
    if year is not None and years and year not in years:
        return None
    what = "ordinal" if year is None else "edition words"
    return Resolved("", name, base, f"{what} dropped: {rest!r}")


_CEREMONY_OF = (
    re.compile(r"^(?:signing ceremony|signing|ceremony) (?:for|of) (?P<a>.+)$", re.I),
    re.compile(r"^(?P<a>.+?) signing(?: ceremony)?$", re.I),
)


def _signing_ceremony(store: ox.Store, name: str, prefer: Sequence[str], depth: int) -> Resolved | None:
    for pattern in _CEREMONY_OF:
        m = pattern.match(name)
        if not m:
            continue
        agreement = _sub_resolve(store, m.group("a"), ("Agreement",), depth)
        if agreement is None or "Agreement" not in agreement.types:
            continue
        events = signing_events(store, agreement.iri)
        if len(events) == 1:
            return Resolved("", name, describe_node(store, events[0]),
                            f"the event where {agreement.label!r} was signed")
        if not events:
            return Resolved("", name, agreement,
                            "the agreement itself (the graph has no event where it was signed)")
    return None


_BETWEEN = re.compile(r"^(?P<head>.*?)\s*\bbetween (?P<pair>.+)$", re.I)


def _pairs(text: str) -> list[tuple[str, str]]:
    """Ways to cut "A and B" (names may hold "and" themselves), leftmost cut first."""
    parts = text.split(" and ")
    return [(" and ".join(parts[:i]), " and ".join(parts[i:])) for i in range(1, len(parts))]


def _side_in(text: str, phrase: str, ref: EntityRef | None) -> bool:
    """Does an event's name mention one side of "between A and B" (by a name of the node the
    side resolved to, or else by every word of the side as written)?"""
    if ref is not None and _mentions(text, ref):
        return True
    words = content_words(phrase)
    return bool(words) and words <= content_words(text)


def _between(store: ox.Store, name: str, prefer: Sequence[str], depth: int) -> Resolved | None:
    m = _BETWEEN.match(name)
    if not m:
        return None
    head = m.group("head")
    is_agreement = bool(_AGREEMENT_NOUNS.search(head)) or not head
    want = content_words(head)
    token = max(want, key=len) if want else ""
    named = (
        [describe_node(store, iri) for iri in _iris(select(store, _EVENTS_NAMED, tok=ox.Literal(token)), "n")]
        if token and not is_agreement else []
    )
    for left, right in _pairs(m.group("pair")):
        a = _sub_resolve(store, left, (), depth)
        b = _sub_resolve(store, right, (), depth)
        agreements = agreements_between(store, a.iri, b.iri) if a and b else []
        if is_agreement:
            refs = describe_nodes(store, agreements)
            fits = [r for r in refs.values() if kind_matches(head, _kind_of(r))] or list(refs.values())
            if a and b and len(fits) == 1:
                return Resolved("", name, fits[0], f"the agreement of {a.label!r} and {b.label!r}")
            continue
        events = {e for ag in agreements for e in signing_events(store, ag)}
        for ref in named:
            text = " ".join(names_of(ref))
            if want <= content_words(text) and _side_in(text, left, a) and _side_in(text, right, b):
                events.add(ref.iri)
        sides = f"{(a.label if a else left)!r} and {(b.label if b else right)!r}"
        if len(events) == 1:
            (event,) = events
            return Resolved("", name, describe_node(store, event), f"the {head} of {sides}")
        if not events and len(agreements) == 1 and re.search(r"\bsign", head, re.I):
            return Resolved("", name, describe_node(store, agreements[0]),
                            "the agreement itself (the graph has no event where it was signed)")
    return None


def _kind_of(ref: EntityRef) -> str:
    """An agreement's kind as its generated label starts ("cooperation agreement between ...")."""
    return ref.label.split(" between ")[0]


_OPENING = re.compile(
    r"^(?P<head>(?:grand |official )?(?:opening|closing|launch|inauguration|kick-?off)"
    r"(?: ceremony| session| plenary| meeting)?) (?:of|for|at) (?P<x>.+)$", re.I)


def _opening(store: ox.Store, name: str, prefer: Sequence[str], depth: int) -> Resolved | None:
    m = _OPENING.match(name)
    if not m:
        return None
    event = _sub_resolve(store, m.group("x"), ("Event",), depth)
    if event is None:
        return None
    head = m.group("head").lower()
    key = re.sub(r"^(?:grand|official) ", "", head).split()[0].replace("-", "")
    subs = [r for r in describe_nodes(store, sub_events(store, event.iri)).values()
            if key in content_words(" ".join(names_of(r)))]
    if len(subs) == 1:
        return Resolved("", name, subs[0], f"the {head} of {event.label!r}", (event,))
    return Resolved("", name, event, f"the {head} of {event.label!r}, read as the event itself")


_PART_OF = re.compile(r" (?:of|at|in|within|during) ", re.I)


def _part_of(store: ox.Store, name: str, prefer: Sequence[str], depth: int) -> Resolved | None:
    for m in _PART_OF.finditer(name):
        part, whole = name[: m.start()], name[m.end():]
        want = content_words(part)
        if not want:
            continue
        event = _sub_resolve(store, whole, ("Event",), depth)
        if event is None:
            continue
        subs = [r for r in describe_nodes(store, sub_events(store, event.iri)).values()
                if want <= content_words(" ".join(names_of(r)))]
        if len(subs) == 1:
            return Resolved("", name, subs[0], f"the part {part!r} of {event.label!r}")
    return None


_CUT = re.compile(r"(?: and | of |'s |’s | \(|, )", re.I)


def _cut_name(store: ox.Store, name: str, prefer: Sequence[str], depth: int) -> Resolved | None:
    words = len(name.split())
    for m in reversed(list(_CUT.finditer(name))):
        head = name[: m.start()].strip()
        if len(head.split()) < 2 or 2 * len(head.split()) < words:
            continue
        found = _exactly(store, head, prefer)
        if found is not None:
            return Resolved("", name, found, f"the longest known name it starts with: {head!r}")
    return None


def _place_prefix(store: ox.Store, name: str, prefer: Sequence[str], depth: int) -> Resolved | None:
    words = name.split()
    for n in (1, 2):
        if len(words) - n < 2:
            break
        place, rest = " ".join(words[:n]), " ".join(words[n:])
        where = _exactly(store, place, ("Place",))
        if where is None or "Place" not in where.types:
            continue
        found = _exactly(store, rest, prefer)
        if found is not None and "Place" not in found.types:
            return Resolved("", name, found, f"without the place name in front: {rest!r}")
    return None


RULES: tuple[Rule, ...] = (
    _variants, _edition, _signing_ceremony, _between, _opening, _part_of, _cut_name,
    _place_prefix,
)


def resolve_phrase(store: ox.Store, slot: str, phrase: str, prefer: Sequence[str] = ()) -> Resolved:
    """The node an entity phrase of a question means (see the module rules).

    Raises what :func:`kg.lookup.resolve` raised for the phrase as a name when no rule reads
    it either (EntityNotFoundError with suggestions, or AmbiguousEntityError).

    >>> resolve_phrase(ox.Store(), "x", "the signing ceremony between A and B")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.EntityNotFoundError: no entity named 'signing ceremony between A and B'; ...
    """
    name = clean_phrase(phrase)
    try:
        return Resolved(slot, phrase.strip(), resolve(store, name, prefer=prefer))
    except (EntityNotFoundError, AmbiguousEntityError) as err:
        failure = err
    for rule in RULES:
        got = rule(store, name, prefer, 0)
        if got is not None:
            return Resolved(slot, phrase.strip(), got.entity, got.how, got.fallbacks)
    raise failure
