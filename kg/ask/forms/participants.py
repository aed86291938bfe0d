"""Who took part in an event: attended, exhibited, spoke, signed up, was a guest.

Exhibiting verbs ask ``exhibitor`` first (falling back to ``participant``); speaking verbs ask
the people among the participants; every other verb asks ``participant`` (exhibitors count:
an exhibitor takes part), and a bare "who"
("who attended X") the people among them when there are some (news lists the bodies that
took part beside the people, and "who" asks for the people; "which companies" asks for them).
Verbs may be coordinated ("who attended and spoke at X": speakers, as one of the verbs asks
for them); "witnessed" is attendance. "Who met X" is not read: meeting someone is no fact the
graph records about an event.

"Representatives from which countries attended X" asks for places: :func:`participant_places`.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from kg import vocab
from kg.lookup import EntityRef, describe_nodes, select
from kg.query import node_evidence

from ..base import Form, Question, form
from ..grammar import ADV, AUX, WHO, T, X, types_for, verb_pattern
from ..graph import Collector, first_nonempty, merge, objects
from ..results import Answer

_TAKING_PART = verb_pattern([
    "attend", "take part in", "participate in", "join", "go to", "sign up for",
    "register for", "visit", "be present at", "gather at", "gather for", "witness",
    "be represented at", "send delegations to", "send representatives to",
])
_EXHIBITING = verb_pattern(["exhibit at", "exhibit in", "exhibit during"])
_SHOWING = verb_pattern(["show", "showcase", "display", "present", "launch", "unveil", "exhibit",
                         "bring", "set up", "open", "run"])  # "set up booths at X"
_SPEAKING = verb_pattern(["speak at", "speak during", "address", "talk at", "speak to"])
# "delivered a keynote speech at", "gave a talk during", "made remarks at"
_SPEECH = (verb_pattern(["deliver", "give", "make"])
           + r" (?:an? |the )?(?:\w+ )?(?:speech(?:es)?|talks?|keynotes?|remarks|addresses|address"
           r"|presentations?|reports?|lectures?)(?: speech(?:es)?)? (?:at|during|to|in)")


# one verb, or several joined by "and" ("attended and witnessed", "attended and spoke at")
_ONE_VERB = rf"(?:{_TAKING_PART}|{_EXHIBITING}|{_SPEAKING}|{_SPEECH})"
_VERBS = rf"{_ONE_VERB}(?:,? and (?:also )?{_ONE_VERB})*"


def _any_verb(verb: str, pattern: str) -> bool:
    """Does one of the coordinated verbs read ("attended and spoke at") start with pattern?"""
    return any(re.match(pattern, v) for v in re.split(r",? and (?:also )?", verb))


def participants(q: Question) -> list[Answer]:
    """Participants of X (exhibitors first for showing verbs, people for speaking verbs)."""
    verb = (q.slot("verb") or "").lower()
    types = q.types
    if re.match(r"(exhibit|show|display|present|launch|unveil|bring|brought|set|open|run|ran)", verb):
        return q.about_x(lambda e: first_nonempty(
            lambda: objects(q.store, e.iri, "exhibitor", types),
            lambda: objects(q.store, e.iri, "participant", types),
        ))
    if _any_verb(verb, r"(spe|spo|addr|deliver|give|gave|made|make|talk|speaker)") and not types:
        types = ("Person",)
        q.note("speakers are read as the people among the participants")
    found = q.about_x(lambda e: merge(objects(q.store, e.iri, "participant", types),
                                      objects(q.store, e.iri, "exhibitor", types)))
    if q.slot("type") is None and q.text.lower().lstrip().startswith("who "):
        people = [a for a in found if "Person" in a.types]
        if people and len(people) < len(found):
            q.note("'who' attended: the people among the participants")
            return people
    return found


# The places (or bodies: ?cls) of an event's participants, each with how it was reached
# (?rel) from the participant ?p, and the node it lies in (?up): one query.
_PLACES = """
SELECT ?p ?rel ?place ?up WHERE {
  { ?e kgo:participant|kgo:exhibitor ?place . BIND(?place AS ?p) BIND(kgo:participant AS ?rel) }
  UNION { ?e kgo:participant|kgo:exhibitor ?p . ?p kgo:country ?place . BIND(kgo:country AS ?rel) }
  UNION { ?e kgo:participant|kgo:exhibitor ?p . ?p kgo:locatedIn ?place .
          BIND(kgo:locatedIn AS ?rel) }
  UNION { ?e kgo:participant|kgo:exhibitor ?p . ?p kgo:affiliation ?place .
          BIND(kgo:affiliation AS ?rel) }
  ?place a ?cls . OPTIONAL { ?place kgo:locatedIn ?up }
}
"""
_BELOW_COUNTRY = ("city", "district", "county", "province", "region", "zone", "park", "area",
                  "town", "township", "village", "street", "new area", "municipality", "state")
_NOT_A_CITY = tuple(w for w in _BELOW_COUNTRY if w not in ("city", "municipality"))


def _fits(kind: str, label: str, rel: str, has_up: bool) -> bool:
    """Is a participant's place of the asked kind? A country: reached through a body's
    ``kgo:country``, or a place in nothing the graph knows whose name is no city's or
    district's; a city: not a country, named a city or lying in something, and not named a
    district, park or province. Other kinds by the last word of the name."""
    name = label.lower()
    if kind.startswith(("countr", "nation")):
        return rel == vocab.ont("country") or (not has_up and not name.endswith(_BELOW_COUNTRY))
    if kind.startswith("cit"):
        return rel != vocab.ont("country") and (name.endswith("city") or (
            has_up and not name.endswith(_NOT_A_CITY)))
    stem = kind[:-3] + "y" if kind.endswith("ies") else kind.rstrip("s")
    return name.endswith(stem) if stem in _BELOW_COUNTRY else True


def participant_places(q: Question) -> list[Answer]:
    """The places of the asked kind among X's participants, and the places its participating
    bodies are in (``kgo:country``, ``kgo:locatedIn``) or its participating people are
    affiliated with: "representatives from which countries attended X". A kind that is a
    body ("experts from which hospitals") asks for bodies the same way: those taking part,
    and those the participating people are affiliated with.

    A place that does not fit the kind ("Lakeside District" for "which cities") is replaced
    by the place it lies in when that one fits (one level up, read in the same query). A
    body noun before "from" ("companies from which cities") keeps the places of such bodies;
    people nouns ("delegates", "officials") keep all, as a country takes part through its
    delegation. Three queries: the places, their names, the evidence.
    """
    kind = ((q.slot("type") or "").lower().split() or [""])[-1]
    wanted = q.types[0] if q.types else "Place"
    body_types = tuple(t for t in types_for(q.slot("who")) if t != "Person")

    def query(e: EntityRef) -> list[Answer]:
        rows = [(r["p"].value, r["rel"].value, r["place"].value,
                 r["up"].value if isinstance(r["up"], ox.NamedNode) else None)
                for r in select(q.store, _PLACES, e=ox.NamedNode(e.iri),
                                cls=ox.NamedNode(vocab.ont(wanted)))
                if isinstance(r["p"], ox.NamedNode) and isinstance(r["rel"], ox.NamedNode)
                and isinstance(r["place"], ox.NamedNode)]
        nodes = sorted({n for p, _, place, up in rows for n in (p, place, up) if n})
        refs = describe_nodes(q.store, nodes)
        index = node_evidence(q.store, [*nodes, e.iri]) if rows else {}
        out = Collector()
        for p, rel, place, up in rows:
            if body_types and not set(body_types) & set(refs[p].types):
                continue
            ev = [*index.get((e.iri, vocab.ont("participant"), p), []),
                  *index.get((e.iri, vocab.ont("exhibitor"), p), []),
                  *index.get((p, rel, place), [])]
            chosen = place
            if wanted == "Place" and not _fits(kind, refs[place].label, rel, up is not None):
                if up is None or not _fits(kind, refs[up].label, vocab.ont("locatedIn"), True):
                    continue
                chosen = up
                ev += index.get((place, vocab.ont("locatedIn"), up), [])
                q.note(f"{refs[place].label!r} is no {kind}: read as {refs[up].label!r}, "
                       "where it lies")
            if ev:
                out.add(refs[chosen].label, chosen, ev, refs[chosen].types)
        return out.result()

    return q.about_x(query)


FORMS: tuple[Form, ...] = (
    form("participants-from", "representatives from which countries attended X",
         participant_places,
         rf"^(?:the )?(?P<who>[\w'-]+(?: [\w'-]+){{0,2}}) from (?:which|what) "
         rf"(?P<type>{T}) {AUX}{ADV}(?P<verb>{_VERBS}) {X}$",
         query="EVENT kgo:participant|kgo:exhibitor ?answer, or EVENT kgo:participant ?p . "
               "?p kgo:country|kgo:locatedIn|kgo:affiliation ?answer, of the asked kind",
         prefer=("Event",)),
    form("participants", "who attended / exhibited at / spoke at / witnessed X; which hospitals took part in X",
         participants,
         rf"^{WHO} {AUX}{ADV}(?P<verb>{_VERBS}|{_SHOWING} .+? (?:at|in|during)) {X}$",
         rf"^{WHO} (?:was|were|is|are|will be) (?:the |a |an )?(?P<verb>guests? of honou?r"
         rf"|participants?|exhibitors?|attendees?|speakers?|guests?|participating \w+"
         rf"|present) (?:at|of|in|during) {X}$",
         query="EVENT kgo:participant ?answer (kgo:exhibitor for exhibiting verbs)",
         prefer=("Event",)),
)
