"""How events and bodies hang together: theme, series, editions, parts, parents, X's events."""

from __future__ import annotations

from dataclasses import replace

import pyoxigraph as ox

from kg import vocab
from kg.lookup import describe_nodes, select
from kg.query import node_evidence

from ..base import Answerer, Form, Question, form, objects_of_x
from ..grammar import EVENT_NOUNS, T, X, inflections, verb_pattern
from ..graph import Collector, first_nonempty, objects, subjects
from ..results import Answer
from .agreements import agreement_evidence
from .event_agents import VERBS as AGENT_VERBS
from .parts import sub_events


def _subject_of(relation: str) -> Answerer:
    def answer(q: Question) -> list[Answer]:
        return subjects(q.store, q.x.iri, relation, q.types)

    answer.__doc__ = f"Subjects of ? -{relation}-> X."
    return answer


def parent_organization(q: Question) -> list[Answer]:
    """X's parent organisation; the asked kind ("ministry") filters only if something fits.
    A person is affiliated with bodies, not under them: "which hospital is P affiliated with"
    asks P's affiliation."""
    if "Person" in q.x.types:
        q.note(f"{q.x.label!r} is a person: the bodies the person holds a post in")
        return first_nonempty(lambda: objects(q.store, q.x.iri, "affiliation", q.types),
                              lambda: objects(q.store, q.x.iri, "affiliation"))
    return first_nonempty(
        lambda: objects(q.store, q.x.iri, "parentOrganization", q.types),
        lambda: objects(q.store, q.x.iri, "parentOrganization"),
    )


def parent_event(q: Question) -> list[Answer]:
    """The event X is part of (subEventOf, upward); for an agreement, via where it was signed."""
    if "Agreement" in q.x.types:
        events = objects(q.store, q.x.iri, "signedAt")
        parents = [p for e in events if e.iri for p in objects(q.store, e.iri, "subEventOf")]
        evidence = agreement_evidence(q.store, q.x.iri)
        return [a if a.evidence else replace(a, evidence=evidence) for a in parents or events]
    return objects(q.store, q.x.iri, "subEventOf")


# Verbs of "which events did X VERB": relation from X's side.
_EVENT_VERBS: dict[str, str] = {
    **{v: rel for v, (rel, _) in AGENT_VERBS.items()},
    "exhibit at": "exhibitor", "exhibit in": "exhibitor", "attend": "participant",
    "take part in": "participant", "participate in": "participant", "join": "participant",
    "speak at": "participant", "sign at": "signedAt", "sign agreements at": "signedAt",
    "sign an agreement at": "signedAt",
}
_EVENTS_SIGNED = "SELECT ?n ?a ?e WHERE { ?a kgo:party ?n ; kgo:signedAt ?e }"


def _relation_of(verb: str) -> str:
    v = verb.lower()
    for base, rel in _EVENT_VERBS.items():
        if v in inflections(base):
            return rel
    return "signedAt" if v.startswith("sign") else "participant"


def events_of(q: Question) -> list[Answer]:
    """Events X hosted / organized / attended / exhibited at / signed agreements at."""
    relation = _relation_of(q.slot("verb") or "")
    ent = q.x
    if relation == "signedAt":
        out = Collector()
        rows = select(q.store, _EVENTS_SIGNED, n=ox.NamedNode(ent.iri))
        pairs = [(r["a"].value, r["e"].value) for r in rows
                 if isinstance(r["a"], ox.NamedNode) and isinstance(r["e"], ox.NamedNode)]
        refs = describe_nodes(q.store, [e for _, e in pairs])
        index = node_evidence(q.store, [a for a, _ in pairs]) if pairs else {}
        for a, e in pairs:
            ev = list(index.get((a, vocab.ont("party"), ent.iri), ()))
            out.add(refs[e].label, e, ev, refs[e].types)
        return out.result()
    answers = subjects(q.store, ent.iri, relation)
    if relation == "host" and not answers and "Event" in ent.types:
        q.note("an event 'hosts' the events that are part of it")
        answers = subjects(q.store, ent.iri, "subEventOf")
    return answers


_SIGN_AT = r"sign(?:ed)? (?:\w+ )?(?:at|during)"
_EVENT_VERB_RE = verb_pattern([v for v in _EVENT_VERBS if not v.startswith("sign")])
_FEATURE = verb_pattern(["feature", "include", "have", "contain", "comprise", "hold", "host",
                         "offer", "stage", "open", "launch", "set up", "add", "unveil", "organize"])

FORMS: tuple[Form, ...] = (
    form("events-of", "which events did X host / attend / sign at", events_of,
         rf"^(?:what|which) {EVENT_NOUNS} (?:did|does|do|has|have|had|will) {X} "
         rf"(?P<verb>{_SIGN_AT}|{_EVENT_VERB_RE})$",
         rf"^where (?:did|has|have) {X} (?P<verb>sign(?:ed)?)(?: [\w\s-]+)?$",
         query="?event kgo:<relation of the verb> X (or ?a kgo:party X ; kgo:signedAt ?event)"),
    form("theme", "what is the theme of X", objects_of_x("theme"),
         r"^what (?:is|was|are|were|will be) (?:the )?(?:main |central |overall )?(?:theme|themes"
         rf"|motto|slogan) (?:of|for) {X}$",
         rf"^what (?:is|was) {X}'s theme$",
         rf"^what (?:is|was|are|were) {X} themed(?: on| around)?$",
         rf"^what theme (?:did|does|will) {X} have$",
         rf"^what (?:is|was|were|are) {X} (?:about|focused on|focusing on)$",
         rf"^what (?:did|does|will) {X} focus on$",
         r"^what (?:is|was) the (?:focus|topic|subject) of " + X + "$",
         query="EVENT kgo:theme ?text", prefer=("Event",)),
    form("series", "which series is X an edition of", objects_of_x("inSeries"),
         rf"^(?:which|what) (?:event )?series (?:is|was|does) {X} (?:an edition of|an "
         r"instance of|a part of|part of|belong to|in)$",
         rf"^what is {X} an edition of$",
         query="EVENT kgo:inSeries ?series", prefer=("Event",)),
    form("editions", "what are the editions of X", _subject_of("inSeries"),
         rf"^(?:what|which) (?:are|were) (?:the )?editions of {X}$",
         rf"^(?:what|which) editions of {X} (?:are|were) (?:there|held|known)$",
         rf"^list (?:the )?editions of {X}$",
         query="?event kgo:inSeries SERIES", prefer=("EventSeries",)),
    form("part-of", "which fair includes X / during which fair was X held", parent_event,
         rf"^(?:which|what) {EVENT_NOUNS} (?:includes?|included|contains?|contained"
         rf"|features?|featured|had|has) {X}$",
         rf"^(?:which|what) {EVENT_NOUNS} (?:is|was|are|were) {X} (?:a )?part of$",
         rf"^(?:during|at|in) (?:which|what) {EVENT_NOUNS} (?:was|is|were|did) {X} (?:held|take place"
         r"|signed|happen|hold|staged|organi[sz]ed|presented|given|handed out|awarded|launched|unveiled)$",
         rf"^what (?:is|was) {X} (?:a )?part of$",
         rf"^(?:which|what) {EVENT_NOUNS} (?:was|is) {X} (?:held|staged|organi[sz]ed) "
         r"(?:during|at|within|as part of)$",
         query="EVENT kgo:subEventOf ?event (an agreement, or a signing ceremony the graph knows "
               "only as its agreement: via kgo:signedAt)",
         prefer=("Event",)),
    form("sub-events", "what themed exhibitions / sub-forums did X feature / open",
         sub_events,
         rf"^(?:what|which) (?!(?:post|position|role|title|job|office)s? )(?P<type>{T}) "
         rf"(?:did|does|do|will|has|have) {X} {_FEATURE}$",
         rf"^(?:what|which) (?:are|were) (?:the )?(?:sub-?events|sub-?forums|side events"
         r"|sub-?exhibitions|themed exhibitions|special exhibitions|exhibitions|forums"
         rf"|pavilions|sessions|parallel forums|activities|sections) (?:of|at|in|within) {X}$",
         # "which conferences and forums took place during X"
         rf"^(?:what|which) (?P<type>{T}(?: and {T})?) (?:took place|take place|were held|are held|were staged) "
         rf"(?:during|at|within|as part of|on the sidelines of) {X}$",
         query="?event kgo:subEventOf EVENT", prefer=("Event",)),
    form("parent-organization", "which ministry is X under / which university is X affiliated to",
         parent_organization,
         rf"^(?:which|what) (?P<type>{T}) (?:is|was|are|were) {X} (?:under|part of|a part of"
         r"|affiliated with|affiliated to|subordinate to|a unit of|attached to|a branch of"
         r"|a subsidiary of|owned by|run by)$",
         rf"^(?:which|what) (?P<type>{T}) does {X} (?:belong to|report to|fall under)$",
         rf"^(?:who|which (?P<owner>{T})) (?:owns|owned|runs|operates) {X}$",
         rf"^what is the parent (?:organi[sz]ation|body|company|ministry) of {X}$",
         rf"^(?:who|what) does {X} (?:belong to|report to)$",
         query="X kgo:parentOrganization ?org"),
)
