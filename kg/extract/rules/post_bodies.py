"""Which body a post is held in, and the post written down.

A title names a body, but not always the one the post is in: "secretary of the Party Committee
of X Hospital" is a post in the hospital (the committee is a unit of it), "County Party
Secretary" one in the county the story names most, "Director of Human Resources Department" one
in the body the page is about. :func:`record_post` settles that and writes the post and its facts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import lexicon as lx
from kg.extract.heads import head_word, type_by_head
from kg.extract.rules.sentence import evidence
from kg.names import normalize_name
from kg.records import EntityType, Literal, Post, Relation

if TYPE_CHECKING:
    from kg.extract.rules.reader import Mention, Reader


def unit_post(role: str, unit: str, then: str) -> str:
    """Two posts held in a body, one of them in its Party unit, as worded: "secretary of the
    Party Leadership Group and director".

    >>> unit_post("secretary", "Party Leadership Group", "director")
    'secretary of the Party Leadership Group and director'
    """
    return f"{role} of the {unit} and {then}"


_UNIT_OF = re.compile(r"(?:(?P<unit>(?:Standing|Executive|Central|Permanent)\s+Committee|Political\s+Bureau|Presidium)|"
                      r"(?P<any>Board\s+of\s+(?:Directors|Trustees|Supervisors)|Board|Party\s+Committee|CPC\s+Committee|"
                      r"Party\s+Leadership\s+Group|Party\s+Group|Leading\s+Party\s+Members['’]?\s+Group))"
                      r"\s+of\s+(?:the\s+)?(?P<body>[A-Z].+)$")


_BODY_UNIT = re.compile(r"^(?P<body>.+?)\s+(?P<any>Party\s+Committee|CPC\s+Committee|Party\s+Group|"
                        r"Board\s+of\s+(?:Directors|Trustees|Supervisors))$")
# bodies whose Party committee or board is a unit of theirs (a city's Party committee is a body)
_UNIT_OWNERS = (EntityType.HOSPITAL, EntityType.COMPANY, EntityType.ORGANIZATION)


def unit_of_body(r: Reader, role: str, org: str) -> tuple[str, str]:
    """"member of the Standing Committee of the X Municipal Committee", "secretary of the Party
    Committee of X Hospital", "X Hospital Party Committee Secretary", "chairman of the Board of
    Directors of X": the unit is part of the post and the body is the one the unit belongs to
    (the unit is no body of its own). A committee's chair is the committee's own ("vice chairman
    of the Standing Committee of X")."""
    label = r.ex.entities[org].label
    unit = _UNIT_OF.match(label) or _BODY_UNIT.match(label)
    if unit is None or (unit.groupdict().get("unit") and role.lower().split()[-1] not in {"member", "members"}):
        return role, org
    body = unit.group("body")
    known = r.key_by_norm.get(normalize_name(body))  # "Party Committee of PMG": the group named before
    etype = type_by_head(body) or (r.ex.entities[known].type if known else None) or (
        r.ex.entities[org].type if unit.groupdict().get("unit") else None)
    if etype is None or (not unit.groupdict().get("unit") and etype not in _UNIT_OWNERS):
        return role, org
    named = unit.groupdict().get("unit") or unit.group("any")
    if named.startswith("Board"):
        named = ""  # the chairman of the board is the body's chairman
    return f"{role} of the {named}" if named else role, r.entity(body, etype, strong=False)


def place_of_level(r: Reader, org: str) -> str | None:
    """"County Party Secretary X", "District head X": the county (district) the story names
    most, when the body is that bare word."""
    label = r.ex.entities[org].label.lower()
    if label not in {"county", "city", "district", "province", "town", "township", "municipal"}:
        return None
    return _place_named_most(r, label, but=org)


def _place_named_most(r: Reader, level: str, but: str | None = None) -> str | None:
    """The place of that level ("X District") the story names most."""
    return r.most(r.mention_counts(
        lambda m: m.key != but and r.type_of(m.key) is EntityType.PLACE
        and r.ex.entities[m.key].label.lower().endswith(" " + level)))


_LEVELS = ("district", "county", "city", "province", "town", "township", "prefecture")
_NOT_A_CITY = frozenset({"district", "county", "province", "zone", "park", "area", "town", "township", "region",
                         "village", "valley", "harbor", "harbour", "base", "prefecture"})


def place_of_role(r: Reader, role: str) -> str | None:
    """The place a local post with no body named heads: "District Party Secretary" the district
    the story names most, "Mayor" (or "Vice Mayor") its city."""
    words = role.lower().replace("-", " ").split()
    level = next((w for w in words if w in _LEVELS), None)
    if level is None and words and words[-1] in {"mayor", "governor"}:
        level = "city" if words[-1] == "mayor" else "province"
    if level is None:
        return None

    if level != "city":
        return _place_named_most(r, level)

    def city(m: Mention) -> bool:
        label = r.ex.entities[m.key].label
        return r.type_of(m.key) is EntityType.PLACE and label not in lx.COUNTRIES and \
            head_word(label) not in _NOT_A_CITY and len(label.split()) <= 2
    return r.most(r.mention_counts(city))


_UNIT_HEADS = frozenset({"department", "division", "office", "section", "unit", "ward"})


def _home(r: Reader, org: str | None) -> str | None:
    """A bare unit ("Director of Human Resources Department", no "of X") is a unit of the body
    the page is about, the organization it names most (three times at least); the post is
    in that body."""
    if org is None:
        return None
    label = r.ex.entities[org].label
    place = place_of_level(r, org)
    if place is not None:
        return place
    if " of " in label or label.split()[-1].lower() not in _UNIT_HEADS:
        return org
    counts = r.mention_counts(lambda m: m.key != org and r.type_of(m.key) in (
        EntityType.HOSPITAL, EntityType.ORGANIZATION, EntityType.COMPANY))
    best = r.most(counts)
    return best if best is not None and counts[best] >= 3 else org


def record_post(r: Reader, person: str, role: str, org: str | None, char: int) -> None:
    org = _home(r, org)
    if org is not None:
        role, org = unit_of_body(r, role, org)
    ent = r.ex.entities[person]
    ent.type = EntityType.PERSON
    r.strong[person] = EntityType.PERSON
    sent = r.sents[r.sent_of_char[char]]
    r.ex.posts.append(Post(person, role, org, evidence(r.article.name, sent)))
    r.fact(person, Relation.ROLE, Literal(role), char)
    if org is not None:
        r.fact(person, Relation.AFFILIATION, org, char)
