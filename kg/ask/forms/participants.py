"""Who took part in an event: attended, exhibited, spoke, signed up, was a guest.

Exhibiting verbs ask ``exhibitor`` first (falling back to ``participant``); speaking verbs ask
the people among the participants; every other verb asks ``participant`` (exhibitors count:
an exhibitor takes part), and a bare "who"
("who attended X") the people among them when there are some (news lists the bodies that
took part beside the people, and "who" asks for the people; "which companies" asks for them).
"""

from __future__ import annotations

import re

from ..base import Form, Question, form
from ..grammar import ADV, AUX, WHO, X, verb_pattern
from ..graph import first_nonempty, merge, objects
from ..results import Answer

_TAKING_PART = verb_pattern([
    "attend", "take part in", "participate in", "join", "go to", "sign up for",
    "register for", "visit", "be present at", "gather at", "gather for",
])
_EXHIBITING = verb_pattern(["exhibit at", "exhibit in", "exhibit during"])
_SHOWING = verb_pattern(["show", "showcase", "display", "present", "launch", "unveil", "exhibit",
                         "bring", "set up", "open", "run"])  # "set up booths at X"
_SPEAKING = verb_pattern(["speak at", "speak during", "address", "talk at", "speak to"])
# "delivered a keynote speech at", "gave a talk during", "made remarks at"
_SPEECH = (verb_pattern(["deliver", "give", "make"])
           + r" (?:an? |the )?(?:\w+ )?(?:speech(?:es)?|talks?|keynotes?|remarks|addresses|address"
           r"|presentations?|reports?|lectures?)(?: speech(?:es)?)? (?:at|during|to|in)")


def participants(q: Question) -> list[Answer]:
    """Participants of X (exhibitors first for showing verbs, people for speaking verbs)."""
    verb = (q.slot("verb") or "").lower()
    types = q.types
    if re.match(r"(exhibit|show|display|present|launch|unveil|bring|brought|set|open|run|ran)", verb):
        return q.about_x(lambda e: first_nonempty(
            lambda: objects(q.store, e.iri, "exhibitor", types),
            lambda: objects(q.store, e.iri, "participant", types),
        ))
    if re.match(r"(spe|spo|addr|deliver|give|gave|made|make|talk|speaker)", verb) and not types:
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


FORMS: tuple[Form, ...] = (
    form("participants", "who attended / exhibited at / spoke at X; which hospitals took part in X",
         participants,
         rf"^{WHO} {AUX}{ADV}(?P<verb>{_TAKING_PART}|{_EXHIBITING}|{_SPEAKING}|{_SPEECH}"
         rf"|{_SHOWING} .+? (?:at|in|during)) {X}$",
         rf"^{WHO} (?:was|were|is|are|will be) (?:the |a |an )?(?P<verb>guests? of honou?r"
         rf"|participants?|exhibitors?|attendees?|speakers?|guests?|participating \w+"
         rf"|present) (?:at|of|in|during) {X}$",
         query="EVENT kgo:participant ?answer (kgo:exhibitor for exhibiting verbs)",
         prefer=("Event",)),
)
