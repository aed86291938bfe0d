"""The rule families, in the order a sentence is read: each reads one kind of fact.

Order matters where one family's facts feed another's checks (hosts before participation, so
an organizer is not also listed as a participant).
"""

from __future__ import annotations

from collections.abc import Callable

from kg.extract.rules.families import (
    agreements,
    exhibitors,
    hosts,
    occurrence,
    organizations,
    participation,
    places,
    posts,
    statistics,
    sub_events,
    tenants,
    theme,
)
from kg.extract.rules.sentence import Sentence

Family = Callable[[Sentence], None]

# name -> reader; a dict keeps the order and lets a test or a profile run one family alone
FAMILIES: dict[str, Family] = {
    "hosts": hosts.read,
    "occurrence": occurrence.read,
    "participation": participation.read,
    "exhibitors": exhibitors.read,
    "sub_events": sub_events.read,
    "theme": theme.read,
    "posts": posts.read,
    "organizations": organizations.read,
    "places": places.read,
    "tenants": tenants.read,
    "agreements": agreements.read,
    "statistics": statistics.read,
}

# The families also read in a headline.
HEADLINE_FAMILIES = frozenset({"agreements"})
