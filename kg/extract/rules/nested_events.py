"""Events named inside the name of a part of them: "the Sub-Forum on X of the Y Forum".

A sub-forum's full name often carries the name of the event it belongs to. Left whole it is
one event, and questions about "the Y Forum" or "which forum is the Sub-Forum on X part
of" find nothing. The full name stays the sub-event's label (it is how the story names it),
its part before "of" becomes an alias, and the named whole becomes an event of its own that
the part is a sub-event of.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import lexicon as lx
from kg.extract.heads import head_word
from kg.records import EntityType

if TYPE_CHECKING:
    from kg.extract.rules.reader import Reader

_OF = re.compile(r"^(?P<part>.+?)\s+(?:of|at)\s+(?:the\s+)?(?P<whole>[A-Z0-9].+)$")
# the heads of events that are parts of others, and of events that have parts
_PART_HEADS = frozenset({"forum", "sub-forum", "subforum", "session", "seminar", "workshop", "dialogue",
                         "roundtable", "round-table", "exhibition", "ceremony", "meeting", "salon",
                         "symposium", "conference", "summit", "lecture", "briefing", "matchmaking"})


def split_nested(label: str) -> tuple[str, str] | None:
    """The part and the whole of a nested event name, or None.

    >>> split_nested("Sub-Forum on Robotics of the Lakeside Industry Forum")
    ('Sub-Forum on Robotics', 'Lakeside Industry Forum')
    >>> split_nested("Forum of Lakeside Mayors") is None
    True
    """
    m = _OF.match(label)
    if m is None:
        return None
    part, whole = m.group("part"), m.group("whole")
    part_head = head_word(part)
    if part_head not in _PART_HEADS or head_word(whole) not in lx.EVENT_HEADS:
        return None
    if len(part.split()) < 2 or len(whole.split()) < 2:
        return None
    return part, whole


def nested_events(r: Reader) -> None:
    """Give every event whose name holds its whole's name that whole, as a sub-event."""
    for m in list(r.mentions):
        ent = r.ex.entities.get(m.key)
        if ent is None or ent.scope or ent.type is not EntityType.EVENT or m.key in r.part_of:
            continue
        nested = split_nested(ent.label)
        if nested is None:
            continue
        part, whole_label = nested
        whole = r.entity(whole_label, EntityType.EVENT, strong=True)
        if whole == m.key:
            continue
        r.alias(m.key, part)
        offset = r.text.find(whole_label, m.start, m.end)
        r.part_of[m.key] = (whole, m.start + max(offset - m.start, 0))
