"""Entity phrases of a question -> nodes of the graph, by name or by description.

A phrase is first looked up as a name (:func:`kg.lookup.resolve`: label, alias, all words).
When no node bears it, the phrase is read as news writes about things that have no name of
their own, rule by rule (:data:`RULES`, in order):

- **edition**: "the 6th Harbor Expo 2022" is the 2022 edition of the series "Harbor Expo";
- **variants**: "Harbor Expo (Lakeside)" is also tried as "Harbor Expo", "Center for X (CX)"
  as "CX", "Institute of the Academy of Y" as "Institute of Academy of Y";
- **signing ceremony of AGREEMENT** / "AGREEMENT signing ceremony": the event where the
  agreement was signed (else the agreement itself, whose date and event answer "when/where");
- **HEAD between A and B**: an agreement of parties A and B ("the cooperation agreement between
  A and B") or the ceremony where one was signed, or an event whose name holds HEAD, A and B;
- **opening of EVENT**: the event's opening ceremony if the graph has one (falling back to the
  event itself), else the event;
- **PART of EVENT**: a sub-event of EVENT whose name holds every word of PART ("the public
  health section of the expo" finds "section for public health");
- **DESCRIPTION in PLACE**: the one event held there whose name holds the description's words
  ("the groundbreaking ceremony in Pine New Area");
- **cut name**: a phrase longer than a name the graph knows, cut at "and", "&", "of", "in",
  "at", "'s", a comma or a bracket ("Summit Hospital of Lakeside and Riverside" when the graph knows only "Summit
  Hospital of Lakeside"), if the known name is at least half the phrase;
- **place in front**: "Lakeside Summit Hospital" is "Summit Hospital" when "Lakeside" is a
  place the graph knows and "Summit Hospital" a name it bears exactly;
- **nearest**: the one node whose name has the phrase's words spelled another way (accents,
  British spelling, word order, a generic word more or less; :mod:`.nearest`).

The first reading whose node has a type the form prefers wins, else the first reading,
unless the phrase as a name was ambiguous: then the ambiguity is reported (the nodes it
names are better candidates than a reading of another kind).
Each rule states how it read the phrase (``Resolved.how``) for ``kg ask --explain``.
Values reach SPARQL only as bound substitutions.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.errors import AmbiguousEntityError, EntityNotFoundError
from kg.lookup import EntityRef, resolve
from kg.store.base import Store

from ..grammar import clean_phrase
from ..results import Resolved
from .base import Reader, Rule
from .descriptions import between, ceremony_by_kind, in_place, opening, part_of, signing_ceremony
from .names import cut_name, edition, editions_of, place_prefix, variants
from .nearest import nearest

RULES: tuple[Rule, ...] = (
    edition, variants, signing_ceremony, between, opening, part_of, ceremony_by_kind, in_place, cut_name,
    place_prefix, nearest,
)


def resolve_phrase(store: Store, slot: str, phrase: str, prefer: Sequence[str] = ()) -> Resolved:
    """The node an entity phrase of a question means (see the module rules).

    Raises what :func:`kg.lookup.resolve` raised for the phrase as a name when no rule reads
    it either (EntityNotFoundError with suggestions, or AmbiguousEntityError).

    >>> from kg.store import KgStore
    >>> resolve_phrase(KgStore.memory(), "x", "the signing ceremony between A and B")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.EntityNotFoundError: no entity named 'signing ceremony between A and B'; ...
    """
    name = clean_phrase(phrase)
    try:  # suggestions for the error are searched only if no rule reads the phrase either
        found = resolve(store, name, prefer=prefer, suggest=False)
        return _resolved(store, slot, phrase, found)
    except (EntityNotFoundError, AmbiguousEntityError) as err:
        failure = err
    reader = Reader(store, RULES)
    first: Resolved | None = None
    for rule in RULES:
        got = rule(reader, name, prefer)
        if got is None:
            continue
        if not prefer or set(prefer) & set(got.entity.types):
            return _resolved(store, slot, phrase, got.entity, got.how, got.fallbacks)
        first = first or got  # a reading of a kind the form does not prefer: keep looking
    if first is not None and not isinstance(failure, AmbiguousEntityError):
        return _resolved(store, slot, phrase, first.entity, first.how, first.fallbacks)
    if isinstance(failure, EntityNotFoundError):
        resolve(store, name, prefer=prefer)  # raises again, now with the nearest names
    raise failure


def _resolved(store: Store, slot: str, phrase: str, entity: EntityRef, how: str = "name",
              fallbacks: tuple[EntityRef, ...] = ()) -> Resolved:
    """A reading of the phrase; a series read without fallbacks ("the X Expo", "this year's X"
    read as the series X) falls back on its editions, newest first."""
    if not fallbacks and "EventSeries" in entity.types:
        fallbacks = editions_of(store, entity)
    return Resolved(slot, phrase.strip(), entity, how, fallbacks)
