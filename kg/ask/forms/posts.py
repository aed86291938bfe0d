"""Posts: who holds the post ROLE in X, and what a person's posts are.

Graph: ``?person kgo:holds ?post . ?post kgo:roleName ?role ; kgo:postIn ?org`` (W3C ORG),
with flat ``kgo:role`` / ``kgo:affiliation`` facts beside them. The asked role matches a post
exactly after normalisation (:mod:`kg.ask.roles`): "president" is not "vice president".
"""

from __future__ import annotations

import re
from typing import Any

import pyoxigraph as ox

from kg import vocab
from kg.lookup import describe_nodes, select
from kg.query import fact_evidence

from ..base import Form, Question, form, objects_of_x
from ..grammar import T, X
from ..graph import Collector, governments_of, objects
from ..results import Answer
from ..roles import VERB_ROLES, is_generic, role_matches

_POSTS_IN = """
SELECT ?o ?person ?role ?post WHERE { ?person kgo:holds ?post . ?post kgo:postIn ?o ;
                                      kgo:roleName ?role }
"""
_FLAT_ROLES = """
SELECT ?o ?person ?role WHERE { ?person kgo:affiliation ?o ; kgo:role ?role .
                                FILTER NOT EXISTS { ?person kgo:holds ?post } }
"""


def _holders_in(q: Question, org: str, asked: str) -> list[tuple[str, str, str]]:
    """(person, role, organisation) of the posts in ``org`` that match the asked role."""
    found: list[tuple[str, str, str]] = []
    for query in (_POSTS_IN, _FLAT_ROLES):
        for row in select(q.store, query, o=ox.NamedNode(org)):
            person, role = row["person"], row["role"]
            if (isinstance(person, ox.NamedNode) and isinstance(role, ox.Literal)
                    and role_matches(asked, role.value)):
                found.append((person.value, role.value, org))
    return found


def holder(q: Question) -> list[Answer]:
    """Who holds the post ROLE in organisation (or place) X: posts, else unpaired role facts.

    An event holds no posts: "the keynote speaker at X" asks for the people who took part.
    A person with posts is matched on those posts only (role and organisation paired); the
    flat role/affiliation facts count for people without posts, where nothing pairs them. A
    place with no such post is asked through the government bodies named after it.
    """
    if "Event" in q.x.types:  # "who was the keynote speaker at X": a part people play
        q.note(f"{q.x.label!r} is an event: the people who took part in it")
        return q.about_x(lambda e: objects(q.store, e.iri, "participant", ("Person",)))
    asked = q.slot("role") or VERB_ROLES.get((q.slot("verb") or "").lower(), "")
    if is_generic(asked):
        q.note(f"{asked!r} names no particular office: every post in {q.x.label!r}")
    found = _holders_in(q, q.x.iri, asked)
    if not found and "Place" in q.x.types:
        for body in governments_of(q.store, q.x):
            more = _holders_in(q, body.iri, asked)
            if more:
                q.note(f"posts of {q.x.label!r} read in {body.label!r}")
            found += more
    refs = describe_nodes(q.store, [p for p, _, _ in found])
    out = Collector()
    for person, role, org in found:
        ev = fact_evidence(q.store, person, vocab.ont("role"), ox.Literal(role))
        ev += fact_evidence(q.store, person, vocab.ont("affiliation"), ox.NamedNode(org))
        out.add(refs[person].label, person, ev, refs[person].types, {"role": role})
    return out.result()


_POSTS_OF = """
SELECT ?n ?role ?org WHERE { ?n kgo:holds ?post . ?post kgo:roleName ?role .
                             OPTIONAL { ?post kgo:postIn ?org } }
"""


def post_of(q: Question) -> list[Answer]:
    """A person's posts: the role names, each with the organisation in ``organization``."""
    ent = q.x
    out = Collector()
    rows = select(q.store, _POSTS_OF, n=ox.NamedNode(ent.iri))
    orgs = describe_nodes(q.store, [r["org"].value for r in rows
                                    if isinstance(r["org"], ox.NamedNode)])
    for row in rows:
        role, org = row["role"], row["org"]
        if not isinstance(role, ox.Literal):
            continue
        ev = fact_evidence(q.store, ent.iri, vocab.ont("role"), role)
        detail: dict[str, Any] = {"organization": None}
        if isinstance(org, ox.NamedNode):
            ref = orgs[org.value]
            detail["organization"] = {"label": ref.label, "iri": ref.iri}
        out.add(role.value, None, ev, (), detail)
    if not out.items:
        return objects(q.store, ent.iri, "role")
    return out.result()


_VERBS = "|".join(sorted((re.escape(v) for v in VERB_ROLES), key=len, reverse=True))


FORMS: tuple[Form, ...] = (
    form("post-holder", "who is the ROLE of X", holder,
         rf"^who (?:is|was|are|were|serves as|served as) (?:the |an? |its )?(?P<role>{T}) "
         rf"(?:of|at|in|for|with) {X}$",
         rf"^who (?:is|was|are|were) {X}'s? (?P<role>{T})$",
         rf"^who (?:currently )?(?P<verb>{_VERBS}) {X}$",
         query="?person kgo:holds ?post . ?post kgo:postIn X ; kgo:roleName ROLE (exact; "
               "'heads', 'leads', 'runs' ask for any heading office)",
         prefer=("Organization", "Place")),
    form("affiliation", "which organization does PERSON work for", objects_of_x("affiliation"),
         rf"^(?:which|what) (?P<type>{T}) (?:does|did) {X} (?:work for|work at|work in|belong to"
         r"|represent|serve|lead|head)$",
         rf"^(?:where|who) (?:does|did) {X} (?:work|work for)$",
         rf"^(?:which|what) (?P<type>{T}) (?:is|was) {X} (?:affiliated with|affiliated to|from"
         r"|with|working for|employed by|in charge of)$",
         rf"^(?:which|what) (?P<type>{T}) (?:is|was) {X} (?:a|an|the) (?:{T}) (?:of|at|in)$",
         query="PERSON kgo:affiliation ?org", prefer=("Person",)),
    form("post", "what is PERSON's post", post_of,
         rf"^what (?:is|was) {X}'s? (?:post|position|role|title|job)$",
         rf"^what (?:is|was) the (?:post|position|role|title|job) of {X}$",
         rf"^what (?:post|position|role|title) does {X} hold$",
         rf"^who (?:is|was) {X}$",
         query="PERSON kgo:holds ?post . ?post kgo:roleName ?role", prefer=("Person",)),
)
