"""The parts of an event ("which sub-forums did X feature"): one answerer shared by the
structure forms and the place forms ("which sub-forums were held at X" asks the same)."""

from __future__ import annotations

from ..base import Question
from ..grammar import content_words
from ..graph import subjects
from ..results import Answer

# Nouns that name a kind of event or part of one: a part named with one kind is not of another.
_KIND_NOUNS = frozenset({
    "forum", "summit", "conference", "ceremony", "meeting", "symposium", "expo", "fair",
    "festival", "session", "exhibition", "pavilion", "section", "area", "zone", "hall", "salon",
    "seminar", "workshop", "competition", "contest", "award", "launch", "show", "roadshow",
})


def sub_events(q: Question) -> list[Answer]:
    """Events that are part of X; the asked noun ("which sections") keeps those it names.

    A noun that is no entity type ("sections", "pavilions") keeps the parts whose names hold
    it. When none does (the news names pavilions by their theme), the parts named as another
    kind of event ("... Summit" when pavilions are asked) are left out.
    """
    found = subjects(q.store, q.x.iri, "subEventOf", q.types)
    asked = (q.slot("type") or "").split()
    if q.types or not asked:
        return found
    noun = content_words(asked[-1])
    named = [a for a in found if noun and noun <= content_words(a.label)]
    if named:
        kept = named
    else:
        others = _KIND_NOUNS - noun
        kept = [a for a in found if not content_words(a.label) & others] or found
    if len(kept) < len(found):
        q.note(f"kept the parts that are {asked[-1]!r}")
    return kept
