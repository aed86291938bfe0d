"""Agreement sides: who signed with whom. Read by the walker (the party hops) and by the
agreement summaries of cards and answers, so it sits below both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from kg.lookup.queries import select_many
from kg.query.rows import iri_of
from kg.store.base import Store

_SIDES = "SELECT ?a ?side ?m WHERE { ?a kgo:side ?side . ?side kgo:sideMember ?m }"


def agreements_sides(store: Store, agreements: Iterable[str]) -> dict[str, list[set[str]]]:
    """The sides of several agreements (one query), each as sets of member IRIs."""
    wanted = list(dict.fromkeys(agreements))
    sides: dict[str, dict[str, set[str]]] = {a: defaultdict(set) for a in wanted}
    for row in select_many(store, _SIDES, "a", wanted) if wanted else []:
        a, side, member = iri_of(row["a"]), iri_of(row["side"]), iri_of(row["m"])
        if a in sides and side and member:
            sides[a][side].add(member)
    return {a: [by_side[k] for k in sorted(by_side)] for a, by_side in sides.items()}


def agreement_sides(store: Store, agreement: str) -> list[set[str]]:
    """The sides of an agreement as sets of member IRIs (empty when none are recorded)."""
    return agreements_sides(store, [agreement])[agreement]


def counterparties(sides: list[set[str]], party: str, parties: Iterable[str]) -> set[str]:
    """Who ``party`` signed *with*: members of the other sides, or every other party.

    With two or more sides, counterparts are the members of the sides ``party`` is not on
    (co-signatories on its own side are not counterparts); with one side or none, every other
    party counts.

    >>> sorted(counterparties([{"a", "b"}, {"c"}], "a", ["a", "b", "c"]))
    ['c']
    >>> sorted(counterparties([{"a", "b", "c"}], "a", ["a", "b", "c"]))
    ['b', 'c']
    """
    others = {p for p in parties if p != party}
    if len(sides) < 2:
        return others
    mine = [s for s in sides if party in s]
    if not mine:
        return others
    theirs = set().union(*(s for s in sides if party not in s))
    return theirs - {party}
