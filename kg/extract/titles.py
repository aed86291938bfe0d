"""Names that carry a post: "Acme Hospital President Li Na", "Director of the Lake Bureau Wu Bo".

News in this field writes posts as capitalised titles glued to names, so a run of capitalised
words is often three things at once: an organization, a role and a person. Left whole it is
one bogus entity ("Acme Hospital President Li Na", typed as a hospital); dropped as a title it
takes the organization with it. Here such a run is split at its role words into an
organization name, a role and a person name, and the post is kept as a :class:`Title`.

Shapes (capitalised or not, plural roles included):

* ``ORG ROLE PERSON``         "Lakeside Hospital President Li Na"
* ``ROLE PERSON``             "Vice Presidents Wu Bo" (the organization may come from context)
* ``ROLE of ORG PERSON``      "Director of Lakeside Health Commission Li Na"
* ``ROLE of ORG``             "Vice President of Redwood University" (the person is the name
  before it: "Ann Wu, Vice President of Redwood University")
* ``ROLE PERSON of ORG``      "Dean Wang Ming of Lakeside Hospital"
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kg.extract import lexicon as lx
from kg.extract.capitals import POSSESSIVE_NAME_WORDS
from kg.extract.heads import HEAD_FIRST, type_by_head
from kg.extract.mentions import Name, find_names
from kg.records import EntityType

# Words that make a role only next to a core role word ("Deputy Director", "Director General").
_WEAK = frozenset({"general", "deputy", "executive", "chief", "officer", "partner", "representative",
                   "engineer", "leader", "editor"})
# the roles "medical" starts ("Chief Medical Officer", "Medical Director")
_MEDICAL_ROLES = frozenset({"director", "officer", "superintendent", "adviser", "advisor", "consultant"})


@dataclass(frozen=True)
class Title:
    """A post read from one name: ``role`` held by ``person`` in ``org`` (either may be absent).

    ``start``/``end`` cover the whole titled run in characters; ``plural`` marks "Vice
    Presidents X and Y", whose role passes on to the next coordinated person.
    """

    start: int
    end: int
    role: str
    person: Name | None
    org: Name | None
    plural: bool = False


def singular(word: str) -> str | None:
    """The role word ``word`` stands for, or None.

    >>> singular("Presidents"), singular("secretaries"), singular("Hospital")
    ('president', 'secretary', None)
    """
    w = word.lower().strip(".")
    if w == "partners":
        return None  # "Yuxi Capital Partners", "X & Partners": a firm's name ends so
    if lx.is_role_word(w) or w in lx.ROLE_MODIFIERS or w in lx.ROLE_QUALIFIERS or w == "vice":
        return w
    for end, repl in (("ies", "y"), ("s", "")):
        if w.endswith(end) and w[: -len(end)] + repl in lx.ROLE_WORDS:
            return w[: -len(end)] + repl
    return None


def _role_at(tokens: list[Any], i: int) -> int:
    """End (exclusive) of the role phrase starting at ``tokens[i]``, or ``i`` when none does:
    modifiers and role words, with at least one core role word ("Vice President", "Party
    Secretary", "Director-General")."""
    j, core = i, False
    if tokens[i].lower_ == "medical" and (i + 1 == len(tokens) or tokens[i + 1].lower_ not in _MEDICAL_ROLES):
        return i  # "Acme Medical General Manager Li Na": "Medical" ends the company's name
    while j < len(tokens):
        t = tokens[j]
        if t.lower_ == "chief" and j + 2 < len(tokens) and tokens[j + 2].lower_ == "officer" and \
                tokens[j + 1].text[:1].isupper() and tokens[j + 1].is_alpha:
            j, core = j + 3, True  # "Chief Operating Officer", "Chief Digital Officer": any function
            continue
        word = singular(t.text)
        if t.text == "-" and j > i and j + 1 < len(tokens) and singular(tokens[j + 1].text):
            j += 1
            continue
        if word is None:
            if t.lower_ == "party" and j + 1 < len(tokens) and singular(tokens[j + 1].text):
                j += 1  # "Party Secretary"
                continue
            break
        if word in lx.ROLE_WORDS and word not in _WEAK:
            core = True
        elif word in _WEAK and j > i:
            core = True  # "Deputy Director General", "Chief Executive Officer"
        j += 1
    if not core:
        return i
    if j < len(tokens) and type_by_head(tokens[j].text) in lx.ORG_TYPES and tokens[j].lower_ not in {"of", "at"}:
        return i  # "Representative Office", "Director Group": part of an organization's name
    return j


def _name(doc: Any, toks: list[Any], etype: EntityType | None) -> Name | None:
    while toks and (toks[0].lower_ in {"the", "of", "at", "and", ",", "'s", "’s"}
                    or toks[0].lower_.strip(".") in lx.HONORIFICS):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].lower_ in {"the", "of", "and", "'s", "’s"}):
        if len(toks) > 2 and toks[-1].lower_ in {"'s", "’s"} and toks[-2].lower_ in POSSESSIVE_NAME_WORDS:
            break  # "CEO of Lakeside Children's": a hospital's short name
        toks = toks[:-1]
    if not toks:
        return None
    span = doc[toks[0].i:toks[-1].i + 1]
    labels = {t.ent_type_ for t in toks}
    ner = "PERSON" if etype is EntityType.PERSON else (labels.pop() or None) if len(labels) == 1 else None
    return Name(span.start_char, span.end_char, span.text, etype, ner)


def _person_word(tok: Any) -> bool:
    """Whether a capitalised token can be part of a person's name here: not a word of a
    body's name ("Medicine", "Engineering"), not a place or a nationality."""
    return bool(tok.text[:1].isupper()) and tok.ent_type_ in ("", "PERSON", "ORG") and \
        type_by_head(tok.text) is None and tok.lower_ not in lx.TOPIC_WORDS


def _person_tail(doc: Any, toks: list[Any]) -> int:
    """How many tokens at the end of ``toks`` name a person ("... Health Commission Li Na" -> 2)."""
    ents = [e for e in doc.ents if e.label_ == "PERSON" and e.end == toks[-1].i + 1 and e.start > toks[0].i
            and doc[e.start - 1].lower_ not in {"of", "for", "and", "the", "on"}]  # "Society of X" is X's
    if toks and toks[0].lower_ in HEAD_FIRST:
        return 0  # "Klinikum Sankt Albrecht": a hospital named after a person, all of it the body's
    if ents and type_by_head(ents[0].text) is None:
        k = int(toks[-1].i + 1 - ents[0].start)
        if k < len(toks) - 1 and toks[-k - 1].text.isupper() and len(toks[-k - 1].text) <= 5:
            k += 1  # "... Group WEN Tianyu": a capitalised family name first
        return k
    for k in (2, 3, 1):
        if len(toks) > k and _body_or_place(toks[:-k]) and toks[-k - 1].lower_ not in {"of", "for", "and", "the"} and \
                type_by_head(" ".join(t.text for t in toks[-k:])) is None and \
                all(_person_word(t) for t in toks[-k:]) and (k > 1 or toks[-1].ent_type_ == "PERSON"):
            return k  # one word is a person's only when tagged one ("... of International Cooperation")
    return 0


def _apposed_to_person(doc: Any, start: int) -> bool:
    """Whether the title starting at token ``start`` stands after a person's name and a comma."""
    return start >= 2 and doc[start - 1].text == "," and doc[start - 2].ent_type_ == "PERSON"


def _body_or_place(toks: list[Any]) -> bool:
    """Whether tokens name a body (by its head) or a place ("Mayor of Lakeside Li Na")."""
    if type_by_head(" ".join(t.text for t in toks)) is not None:
        return True
    return len(toks) == 1 or all(t.ent_type_ in ("GPE", "LOC") for t in toks)


def split_title(doc: Any, name: Name) -> tuple[list[Name], Title | None]:
    """The names inside ``name`` and the post it states, if it holds role words; else
    ``([name], None)``."""
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None:
        return [name], None
    toks = list(span)
    nxt = toks[2] if len(toks) > 2 and toks[1].text == "." else toks[1] if len(toks) > 1 else None
    honorific = ""
    if nxt is not None and toks[0].lower_.strip(".") in lx.HONORIFICS and nxt.text[:1].isupper():
        honorific = "professor" if toks[0].lower_.strip(".") in {"prof", "professor"} else toks[0].lower_
        # "Prof. Li Na" is Li Na ("Professor of X" is a post)
        toks = toks[2:] if toks[1].text == "." else toks[1:]
        if not toks:
            return [], None
        end = toks[-1].idx + len(toks[-1].text)
        name = Name(toks[0].idx, end, doc.text[toks[0].idx:end], name.type, name.ner)
    after_run = doc[toks[-1].i + 1] if toks[-1].i + 1 < len(doc) else None
    if len(toks) > 1 and toks[-1].text == "Party" and after_run is not None and after_run.is_lower and \
            singular(after_run.text) in lx.ROLE_WORDS:
        # "Lakeside Party chief Li Na": the post starts at "Party" (its word is lower case)
        end = toks[-2].idx + len(toks[-2].text)
        return [Name(toks[0].idx, end, doc.text[toks[0].idx:end], None, None)], None
    for i in range(len(toks)):
        j = _role_at(toks, i)
        if j == i:
            continue
        if i > 0 and toks[i - 1].lower_ in {"of", "for", "on", "and", "&"}:
            return [name], None  # "Office of the President": a role inside a body's name
        role_toks = toks[i:j]
        role = " ".join(singular(t.text) or t.text.lower() if t.text != "-" else "-" for t in role_toks)
        role = role.replace(" - ", "-")
        role = re.sub(r"^party\b", "Party", role)
        before, after = toks[:i], toks[j:]
        org: Name | None = None
        person: Name | None = None
        if after and after[0].lower_ in {"of", "at"}:
            rest = after[1:]
            field = _function_words(rest)
            if field:  # "Vice President of Business Development of X", "Director of Strategy, X"
                role = f"{role} of " + " ".join(t.lower_ for t in rest[:field])
                rest = rest[field + 1:] if field < len(rest) and rest[field].lower_ == "of" else rest[field:]
                if not rest:
                    return [], Title(name.start, name.end, role, None, None)
            k = _person_tail(doc, rest) if rest else 0
            if k == 1 and _apposed_to_person(doc, toks[0].i):
                k = 0  # "Jonas Brandt, CEO of Kessel Medizintechnik, said": the post of the name before
            org_toks = rest[: len(rest) - k] if k else rest
            owner = [n for n, t in enumerate(org_toks) if t.text in {"'s", "’s"} and n > 0
                     and all(x.ent_type_ in {"GPE", "LOC"} for x in org_toks[:n])]
            if owner and owner[-1] + 1 < len(org_toks):
                org_toks = org_toks[owner[-1] + 1:]  # "of Hong Kong's Lake Hospital": the hospital
            org = _name(doc, org_toks, type_by_head(" ".join(t.text for t in org_toks)))
            person = _name(doc, rest[len(rest) - k:], EntityType.PERSON) if k else None
            if before and person is None:
                return [name], None
        else:
            split = _person_of(doc, after)
            if split is not None:
                # "Dean Wang Ming of Lakeside Hospital": ROLE PERSON of ORG
                if before:
                    return [name], None
                return list(split), Title(name.start, name.end, role, split[1], split[0])
            if after and after[0].lower_ in {"for", "in", "to", "on"}:
                after = []  # "Regional Director for the Western Pacific": the post's scope, no person
            if len(after) > 4 or (after and type_by_head(" ".join(t.text for t in after)) is not None):
                return [name], None
            person = _name(doc, after, EntityType.PERSON) if after else None
            if before:
                text = " ".join(t.text for t in before)
                org = _name(doc, before, type_by_head(text))
        if person is None and org is None:
            return [], Title(name.start, name.end, role, None, None, role_toks[-1].text.lower().endswith("s"))
        parts = [n for n in (org, person) if n is not None]
        plural = role_toks[-1].text.lower().endswith("s") and singular(role_toks[-1].text) != role_toks[-1].lower_
        return parts, Title(name.start, name.end, role, person, org, plural)
    if honorific:
        split = _person_of(doc, toks)
        if split is not None:  # "Professor Wang Ming of Lakeside University": a person and her body
            org, person = split
            post = Title(name.start, name.end, "professor", person, org) if honorific == "professor" else None
            return list(split), post
    return [name], None


def _person_of(doc: Any, toks: list[Any]) -> tuple[Name, Name] | None:
    """(body, person) of "Wang Ming of Lakeside Hospital": a short person's name, then "of",
    "at" or "from" and a name whose head word makes it a body."""
    of = next((n for n, t in enumerate(toks) if t.lower_ in {"of", "at", "from"}), None)
    if of is None or not 1 <= of <= 3 or not all(_person_word(t) for t in toks[:of]):
        return None
    org_toks = toks[of + 1:]
    head = type_by_head(" ".join(t.text for t in org_toks))
    if head is None:
        return None
    person, org = _name(doc, toks[:of], EntityType.PERSON), _name(doc, org_toks, head)
    return (org, person) if person is not None and org is not None else None


_FUNCTION_WORDS = lx.ROLE_QUALIFIERS | {"and", "&", "human", "resources", "planning", "policy", "partnerships"}


def _function_words(toks: list[Any]) -> int:
    """How many tokens at the start of a post's "of ..." name a function, not a body: all of
    them up to the next "of" or the end ("Business Development of X" -> 2, "Strategy" -> 1,
    "Research Institute of X" -> 0)."""
    k = 0
    while k < len(toks) and toks[k].lower_ in _FUNCTION_WORDS:
        k += 1
    if k and (k == len(toks) or toks[k].lower_ == "of") and toks[k - 1].lower_ not in {"and", "&"}:
        return k
    k = 0
    while k < len(toks) and toks[k].lower_ in lx.FIELD_WORDS:
        k += 1
    if k and k < len(toks) and toks[k].lower_ == "of" and toks[k - 1].lower_ not in {"and", "&"}:
        return k  # "Minister of Health of X": a field, then the body ("Director of Health" alone is a body)
    return 0


def split_titles(doc: Any, names: list[Name]) -> tuple[list[Name], list[Title]]:
    """Every name with its titled runs split, and the titles found."""
    out: list[Name] = []
    titles: list[Title] = []
    for n in names:
        parts, title = split_title(doc, n)
        out.extend(parts)
        if title is not None:
            titles.append(title)
    return out, titles


def find_titled_names(doc: Any) -> tuple[list[Name], list[Title]]:
    """The document's names with titled runs split (:func:`kg.extract.mentions.find_names`),
    and the titles read from them, in text order."""
    titles: list[Title] = []

    def split(names: list[Name]) -> list[Name]:
        out, found = split_titles(doc, names)
        titles.extend(found)
        return out

    return find_names(doc, split), titles
