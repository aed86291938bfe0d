"""Who hosted, organised or presided over an event: one verb lexicon, three forms.

Each verb maps to the relation it asks (``host`` or ``organizer``) and whether only people
answer it ("presided over", "chaired": the people among the hosts); "who hosted" asks the bodies
among the hosts when there are bodies and people (the people presided). A question may list
verbs ("who organized, co-organized or undertook X"): the answer is the union. Adverbs
("jointly", "also") and auxiliaries ("will") are read and ignored; passives ("X was hosted
by") read as actives.
"""

from __future__ import annotations

import re

from kg.lookup import EntityRef

from ..base import Form, Question, form
from ..grammar import ADV, AUX, BE, WHO, T, X, inflections, verb_list, verb_pattern
from ..graph import merge, objects
from ..results import Answer
from .posts import holder
from .time_place import where

# verb -> (relation, people only)
VERBS: dict[str, tuple[str, bool]] = {
    "host": ("host", False), "co-host": ("host", False), "cohost": ("host", False),
    "sponsor": ("host", False), "co-sponsor": ("host", False), "cosponsor": ("host", False),
    "organize": ("organizer", False), "co-organize": ("organizer", False),
    "undertake": ("organizer", False), "coordinate": ("organizer", False),
    "co-ordinate": ("organizer", False), "convene": ("organizer", False),
    "preside over": ("host", True), "preside at": ("host", True), "chair": ("host", True),
    "co-chair": ("host", True), "moderate": ("host", True),
}
_HOSTING = [v for v, (rel, people) in VERBS.items() if rel == "host" and not people]
_ORGANIZING = [v for v, (rel, _) in VERBS.items() if rel == "organizer"]
_PRESIDING = [v for v, (_, people) in VERBS.items() if people]
_ANY = verb_pattern(VERBS)


_NOUNS: dict[str, str] = {
    "host": "host", "co-host": "co-host", "sponsor": "sponsor", "co-sponsor": "co-sponsor",
    "organizer": "organize", "organiser": "organize", "co-organizer": "co-organize",
    "co-organiser": "co-organize", "undertaker": "undertake", "coordinator": "coordinate",
    "co-ordinator": "co-ordinate",
}


def _verb_base(word: str) -> str:
    """The lexicon entry of a verb or agent noun as read ("co-organised", "organizers")."""
    w = word.lower().strip()
    noun = _NOUNS.get(w[:-1] if w.endswith("s") else w) or _NOUNS.get(w)
    return noun or next((v for v in VERBS if w in inflections(v)), "host")


def _agents(q: Question, relation: str, people: bool) -> list[Answer]:
    """The event's agents in one relation; people only for presiding verbs (then, if the
    relation has none, the people of the other relation)."""
    types = q.types or (("Person",) if people else ())
    relations = [relation]
    if people and not q.types:
        q.note("presiding and chairing are read as the people among the hosts")
        relations.append("organizer" if relation == "host" else "host")

    def query(e: EntityRef) -> list[Answer]:
        for rel in relations:
            found = objects(q.store, e.iri, rel, types)
            bodies = [a for a in found if "Person" not in a.types]
            if bodies and not people and not q.types and len(bodies) < len(found):
                # "who hosted X": the bodies; the people among the hosts presided over it
                q.note("the people among the hosts presided: the bodies host")
                return bodies
            if found:
                return found
        return []

    return q.about_x(query)


def answer(q: Question) -> list[Answer]:
    """The union, over the verbs read, of the event's hosts or organisers (people if asked).
    "who chairs X" of a body that is no event asks who holds its chair."""
    verbs = [_verb_base(v) for v in _split_verbs(q.slot("verbs") or "")]
    if not {"Event", "EventSeries"} & set(q.x.types) and any(v.startswith("chair") for v in verbs):
        q.note(f"{q.x.label!r} is no event: who holds its chair")
        q.slots["verb"] = "chairs"
        return holder(q)
    lists: list[list[Answer]] = []
    for relation in dict.fromkeys(VERBS[v][0] for v in verbs):
        people = all(VERBS[v][1] for v in verbs if VERBS[v][0] == relation)
        lists.append(_agents(q, relation, people))
    if q.types and set(q.types) <= {"Place", "Venue"} and not any(lists):
        q.note("a place that hosted an event: where the event was held")
        return where(q)  # "which city hosted X" asks where X was held
    return merge(*lists)


def _split_verbs(text: str) -> list[str]:
    return [v for v in re.split(r",? (?:and/or|and|or) |, |/", text) if v]


def _forms(name: str, example: str, own: list[str], nouns: str | None, relation: str) -> Form:
    verbs = verb_list(verb_pattern(own), _ANY)
    patterns = [
        rf"^{WHO} {AUX}{ADV}{verbs} {X}$",
        rf"^{WHO} {BE} {X} (?:jointly |also )?{verbs} by$",
        rf"^by whom (?:is|was|were|will|are) {X} (?:be )?(?:jointly )?{verbs}$",
    ]
    if nouns:
        patterns.append(
            rf"^(?:who|what|which {T}) {BE} (?:the )?(?P<verbs>{nouns}) (?:of|for|at) {X}$")
    return form(name, example, answer, *patterns,
                query=f"EVENT kgo:{relation} ?answer", prefer=("Event",))


FORMS: tuple[Form, ...] = (
    _forms("hosts", "who hosted / co-hosted / sponsored X", _HOSTING,
           r"hosts?|co-hosts?|sponsors?|co-sponsors?", "host"),
    _forms("organizers", "who organized / co-organized / undertook / coordinated X", _ORGANIZING,
           r"organi[sz]ers?|co-organi[sz]ers?|undertakers?|coordinators?|co-ordinators?",
           "organizer"),
    _forms("presiders", "who presided over / chaired X", _PRESIDING, None, "host"),
)
