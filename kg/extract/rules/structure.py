"""Parents read from the structure of a name: "Pathology Department of Lakeside Hospital",
"Third Affiliated Hospital of Redwood University", "RU School of Nursing".

A body whose head noun names a part of something (a department, college, institute, affiliated
hospital, branch...) followed by "of" and an organization's name is part of that organization,
so the name itself states ``parentOrganization``; the parent becomes an entity of its own
even when the text never names it alone. An acronym of a known organization in front of a
part ("RU School of Nursing") says the same.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import lexicon as lx
from kg.extract.heads import head_word, is_acronym, type_by_head
from kg.names import normalize_name
from kg.records import Relation

if TYPE_CHECKING:
    from kg.extract.rules.reader import Reader

PART_HEADS = frozenset({
    "department", "college", "school", "institute", "center", "centre", "hospital", "committee",
    "branch", "academy", "laboratory", "lab", "office", "faculty", "division", "unit", "clinic",
    "station", "library", "bureau", "subcommittee", "chapter", "campus", "section", "team",
})


def _org_named(r: Reader, text: str) -> str | None:
    """The key of the organization ``text`` names, made if its head says it is one."""
    key = r.key_by_norm.get(normalize_name(text))
    if key is not None and key in r.ex.entities:
        if type_by_head(text) is None and key not in r.strong and not is_acronym(text):
            return None  # "Department of Science and Technology": a field, not a body
        return key if r.type_of(key) in lx.ORG_TYPES else None
    etype = type_by_head(text)
    if etype not in lx.ORG_TYPES:
        return None
    return r.entity(text, etype, strong=True)


def parent_of(r: Reader, label: str) -> str | None:
    """The organization a part's name says it belongs to ("Faculty of Medicine at Pine
    University" is the university's, never a "Medicine at Pine University")."""
    for m in re.finditer(r"\s+(?:of|at)\s+(?:the\s+)?", label):
        left, right = label[:m.start()], label[m.end():]
        fieldname = all(w.lower() in lx.FIELD_WORDS or w in {"and", "&"} for w in right.split())
        if re.search(r"\s+at\s+", right):
            continue  # the body comes after "at"
        if head_word(left) in PART_HEADS and right[:1].isupper() and not fieldname:
            parent = _org_named(r, right)
            if parent is not None:
                return parent
    # "Pine University School of Public Health": the body named in front of the part
    front = re.match(r"(?P<org>.+?\b(?:University|Hospital|Academy|Institute))\s+(?P<part>[A-Z]\w+)\s+of\s+",
                     label)
    if front and front.group("part").lower() in PART_HEADS and len(re.findall(
            r"\b(?:University|Hospital|Academy|Institute|College)\b", front.group("org"))) == 1:
        parent = _org_named(r, front.group("org"))
        if parent is not None:
            return parent
    words = label.split()
    if len(words) > 1 and is_acronym(words[0]) and head_word(" ".join(words[1:])) in PART_HEADS:
        key = r.acronyms.get(words[0]) or r.key_by_norm.get(normalize_name(words[0]))
        if key is not None and key in r.ex.entities and r.type_of(key) in lx.ORG_TYPES:
            return key
    return None


def parents_from_names(r: Reader) -> None:
    """Add ``parentOrganization`` for every organization whose name states its parent."""
    first: dict[str, int] = {}
    for m in r.mentions:
        first.setdefault(m.key, m.start)
    for key in list(r.ex.entities):
        ent = r.ex.entities[key]
        if ent.type not in lx.ORG_TYPES or ent.scope or key not in first:
            continue
        # the body's other names say it too ("X Hospital (the Second Affiliated Hospital of Y)")
        for name in [ent.label, *sorted(ent.aliases)]:
            parent = parent_of(r, name)
            if parent is not None and parent != key:
                r.fact(key, Relation.PARENT_ORGANIZATION, parent, first[key])
                break
