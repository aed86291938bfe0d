"""Posts read from titled names (:mod:`kg.extract.titles`), and the spans they fold into.

A title found inside a name gives its role; the person and the organization come from the
name itself, else from the context news writes them in:

* apposition: "Ann Wu, Vice President of Redwood University" and "Ann Wu (Vice President of
  Redwood University)": the person is the name just before;
* a list of posts sharing one body: "Redwood Hospital President Li Na, Party Secretary Wu Fan"
  (Wu Fan's post is in Redwood Hospital too), until another body is named;
* a plural role: "Vice Presidents Ma Lin and Gu Yue" gives both the post.

A titled person is then read by the families as the person alone: the whole run folds into
one placeholder, so "Director of X Li Na, Y President Wu Bo and Z attended" is a plain list of
three attendees.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import lexicon as lx
from kg.extract.heads import type_by_head
from kg.extract.rules.patterns import ROLE_BARE
from kg.extract.rules.post_bodies import place_of_role, record_post, unit_post
from kg.extract.titles import Title
from kg.records import EntityType

if TYPE_CHECKING:
    from kg.extract.rules.reader import Mention, Reader

_APPOSITION = re.compile(r"^\s*(?:,|\(|–|—|-)\s*(?:the\s+|a\s+|an\s+)?(?:(?:senior|deputy|executive|former|"
                         r"acting|founding|honorary|chief|general|associate|assistant|then)\s+)*$")
_AND_POST_OF = re.compile(r"\s*(?:,\s*|\s+and\s+|\s*&\s*)" + ROLE_BARE + r"\s+(?:of|at)\s")
_LIST_GAP = re.compile(r"^\s*(?:,|;|and|,\s*and|as\s+well\s+as|,\s*as\s+well\s+as)\s*$")
_SAME_BODY_GAP = re.compile(r"^\s*(?:,|and|,\s*and|as\s+well\s+as|,\s*as\s+well\s+as)\s*$")
_NOT_PEOPLE = (EntityType.EVENT, EntityType.EVENT_SERIES, EntityType.AGREEMENT, EntityType.PLACE,
               EntityType.VENUE)


def _at(r: Reader, start: int, end: int) -> Mention | None:
    return next((m for m in r.mentions if m.start == start and m.end == end), None) or next(
        (m for m in r.mentions if m.start <= start and end <= m.end), None)


def _before(r: Reader, char: int) -> Mention | None:
    left = [m for m in r.mentions if m.end <= char]
    return max(left, key=lambda m: m.end) if left else None


def _after(r: Reader, char: int) -> Mention | None:
    right = [m for m in r.mentions if m.start >= char]
    return min(right, key=lambda m: m.start) if right else None


# what may stand between a person and a later post of theirs: other posts' bodies, brackets,
# and a lower-case post ("Chen Hua, a researcher at the Lake Institute (LI), Vice President of ...")
_BETWEEN_POSTS = re.compile(r"^\s*(?:\)|\(|,|and|;)?\s*(?:\)|\(|,|and)?\s*$|^\s*,\s*(?:the\s+|a\s+|an\s+)?"
                            r"[a-z][\w\s-]{0,40}?\b(?:at|of|with|in|for)\s+(?:the\s+)?$")


def _appositive_person(r: Reader, char: int) -> Mention | None:
    """The person a post without a person belongs to: the name just before ("Ann Wu, Vice
    President of X"), or further back across the bodies of her other posts."""
    left = _before(r, char)
    if left is not None and _APPOSITION.match(r.text[left.end:char]) and _person_like(r, left.key):
        return left
    sent = r.sent_of_char[char]
    for _ in range(4):
        if left is None or r.sent_of_char[left.start] != sent or not _BETWEEN_POSTS.match(r.text[left.end:char]):
            return None
        if r.type_of(left.key) is EntityType.PERSON:
            return left
        char = left.start
        left = _before(r, char)
    return None


def _person_like(r: Reader, key: str) -> bool:
    ent = r.ex.entities[key]
    if ent.type is EntityType.PERSON:
        return True
    words = ent.label.split()
    if ent.type in _NOT_PEOPLE or key in r.strong or not 1 <= len(words) <= 4:
        return False
    if all(w.lower() in lx.FIELD_WORDS | lx.TOPIC_WORDS for w in words):
        return False  # "Science, Health & Sports Committee": a field, not a person
    return all(w[:1].isupper() for w in words)


_HONORIFIC_GAP = re.compile(r"\s+(?:Prof|Professor|Dr|Mr|Ms|Mrs|Madam)\.?\s+")


def read_titles(r: Reader, titles: list[Title]) -> list[tuple[int, int, str]]:
    """Record the posts the titles state; return the spans that fold into their person
    (start, end, person key)."""
    folds: list[tuple[int, int, str]] = []
    prev: tuple[int, str | None, int, str] | None = None  # end of the last post, its org, sentence, person
    ordered = sorted(titles, key=lambda t: t.start)
    unit_role: tuple[str, str, str] | None = None  # (person, "secretary", "Party Leadership Group")
    for n, t in enumerate(ordered):
        sent = r.sent_of_char[t.start]
        person_m = _at(r, t.person.start, t.person.end) if t.person else None
        start, end = t.start, t.end
        if person_m is None and t.person is None:
            # "X Rector Prof. Y": the honorific stands between the post and its holder
            hon = _HONORIFIC_GAP.match(r.text, t.end)
            held = _after(r, hon.end()) if hon else None
            if hon is not None and held is not None and held.start == hon.end() and _person_like(r, held.key):
                person_m, end = held, held.end
        if person_m is None:
            left = _appositive_person(r, t.start)
            if left is not None:
                person_m = left
                if _APPOSITION.match(r.text[left.end:t.start]):
                    start = left.start  # "Ann Wu, Vice President of X" reads as Ann Wu
                close = re.match(r"\s*\)", r.text[t.end:])
                end = t.end + (close.end() if close else 0)
        person = person_m.key if person_m is not None else None
        if person is None and prev is not None and prev[2] == sent and _LIST_GAP.match(r.text[prev[0]:t.start]):
            person = prev[3]  # "A, Director of X, President of Y and Academician of Z": A's posts
            if t.org is not None:
                role = t.role
                if unit_role is not None and unit_role[0] == person:
                    role, unit_role = unit_post(unit_role[1], unit_role[2], role), None
                record_post(r, person, role, _org_at(r, t), t.start)
                folds.append((t.start, t.end, person))
                prev = (t.end, _org_at(r, t), sent, person)
            continue
        if person_m is None or not _person_like(r, person_m.key):
            prev = None
            continue
        org = _org_at(r, t) or _comma_org(r, t.end) or (_possessor(r, start) if t.person else None) or \
            _of_body(r, t.end) or (_its_body(r, start) if t.person else None)
        before = ordered[n - 1] if n else None
        if org is None and t.person is not None and before is not None and before.person is None and \
                before.org is not None and _org_at(r, before) is not None and \
                re.fullmatch(r"\s+(?:and|&)\s+", r.text[before.end:t.start]):
            # "Acme Labs President and CEO Ann Wu": two titles of one post, the body in the first
            org, t = _org_at(r, before), Title(before.start, t.end, f"{before.role} and {t.role}", t.person, before.org)
            start = before.start
        role = t.role
        body = _body_of_unit(r, org, t.end)
        if org is not None and body is not None:
            # "Chief Physician of the Department of Oncology, Lishui Hospital": the unit is part of
            # the post, the body after the comma holds it
            role, org = f"{role} of {r.ex.entities[org].label.lower()}", body
        if org is None and t.person is None and _AND_POST_OF.match(r.text, t.end):
            prev = None  # "Ann Wu, CEO and co-founder of X": the whole post is read with its body (posts)
            continue
        if org is None and t.org is None:
            org = place_of_role(r, t.role)  # "District Mayor Rao Mei", "Mayor Qin": the story's district, city
        if org is None and prev is not None and prev[2] == sent and _SAME_BODY_GAP.match(
                r.text[prev[0]:start]) and not re.match(r"\s+(?:of|at)\s+(?:the\s+)?[A-Z]", r.text[t.end:t.end + 12]):
            # "X Hospital President A, Party Secretary B": the same body; never across a
            # semicolon (each item of a roster has its own post), nor for a post whose own
            # "of ..." named a body the text does not make a name of
            org = prev[1]
        if org is None and t.person is not None:
            org = _apposed_body(r, start)  # "A, president of X, Party Secretary B": X's too
        if org is not None and r.type_of(org) in (EntityType.PERSON, *_NOT_PEOPLE[:3]):
            org = None

        nxt_title = ordered[n + 1] if n + 1 < len(ordered) else None
        if org is not None and r.ex.entities[org].label.lower() in lx.PARTY_UNITS and nxt_title is not None \
                and nxt_title.person is None and re.fullmatch(r"\s*,?\s*and\s*", r.text[t.end:nxt_title.start]):
            # "Secretary of the Party Leadership Group and Director of the X Commission": one
            # post, as worded, in the commission (the group is a unit of it)
            unit_role = (person_m.key, t.role, r.ex.entities[org].label)
            folds.append((start, end, person_m.key))
            prev = (end, None, sent, person_m.key)
            continue
        record_post(r, person_m.key, role, org, t.start)
        # (never "Vice Presidents A and B": B holds the post too)
        second = _and_body(r, t.end) if org is not None and r.type_of(org) in lx.ORG_TYPES and not t.plural \
            else None
        if second is not None:  # "Chief Executive of A Hospital and B Hospital": the post in both
            record_post(r, person_m.key, role, second, t.start)
        folds.append((start, end, person_m.key))
        prev = (end, org, sent, person_m.key)
        if t.plural:  # "Vice Presidents A and B"
            nxt = _after(r, end)
            if nxt is not None and _LIST_GAP.match(r.text[end:nxt.start]) and _person_like(r, nxt.key):
                record_post(r, nxt.key, t.role, org, t.start)
                prev = (nxt.end, org, sent, nxt.key)
    return folds


_UNIT_NAME = re.compile(r"^(?:(?:Department|Division|Office|Section|Ward|Unit)\s+of\s+(?P<field>.+)|"
                        r"(?:[A-Z][\w-]*\s+){1,3}(?:Department|Division|Section|Ward))$")


def _body_of_unit(r: Reader, org: str | None, end: int) -> str | None:
    """The body after ", " that a bare unit ("Department of Oncology", "Pathology Department")
    belongs to, or None."""
    if org is None:
        return None
    unit = _UNIT_NAME.match(r.ex.entities[org].label)
    if unit is None or (unit.group("field") and type_by_head(unit.group("field")) is not None):
        return None
    body = _comma_org(r, end)
    return body if body is not None and body != org else None


def _and_body(r: Reader, char: int) -> str | None:
    """A second body coordinated right after a post's body, the clause ending with it."""
    gap = re.match(r"\s+and\s+(?:the\s+)?", r.text[char:char + 10])
    nxt = _after(r, char) if gap else None
    if gap is None or nxt is None or nxt.start != char + gap.end() or r.type_of(nxt.key) not in lx.ORG_TYPES:
        return None
    return nxt.key if re.match(r"\s*(?:[,;.)]|$)", r.text[nxt.end:nxt.end + 2]) else None


_APPOSED_POST = re.compile(r",\s+(?:[a-z][\w-]*\s+){1,4}(?:of|at)\s+(?:the\s+)?$")


def _apposed_body(r: Reader, char: int) -> str | None:
    """"Ann Wu, president of Lishui Hospital, Party Secretary Li Na and ...": the body of the post
    written out just before, the list going on with the same body's people."""
    left = _before(r, char)
    if left is None or not re.fullmatch(r"\s*,\s*", r.text[left.end:char]) or r.type_of(left.key) not in lx.ORG_TYPES:
        return None
    post = _APPOSED_POST.search(r.text[max(0, left.start - 60):left.start])
    person = _before(r, left.start - len(post.group(0))) if post else None
    if person is None or post is None or not _person_like(r, person.key) or \
            not re.fullmatch(r"\s*", r.text[person.end:left.start - len(post.group(0))]):
        return None
    return left.key


def _of_body(r: Reader, char: int) -> str | None:
    """"Head Nurse Ren Li of our hospital": the body named (or referred to) right after "of"."""
    gap = re.match(r"\s+of\s+", r.text[char:char + 6])
    nxt = _after(r, char) if gap else None
    if gap is None or nxt is None or nxt.start > char + gap.end() + 4 or r.type_of(nxt.key) not in lx.ORG_TYPES:
        return None
    return nxt.key if re.fullmatch(r"(?:the|our)?\s*", r.text[char + gap.end():nxt.start]) else None


def _possessor(r: Reader, char: int) -> str | None:
    """"Acme Hospital's Party Secretary Li Na": the body whose post it is, named just before;
    "hospital President Li Na": the body a lower-case head word right before refers to."""
    left = _before(r, char)
    if left is None:
        return None
    gap = r.text[left.end:char]
    if not re.fullmatch(r"['’]s?\s+", gap) and not (left.anaphor and re.fullmatch(r"\s+", gap)):
        return None
    return left.key if r.type_of(left.key) in lx.ORG_TYPES else None


def _its_body(r: Reader, char: int) -> str | None:
    """"visited Acme GmbH and held talks with its CEO Ann Wu": the body named last before "its",
    in this sentence or the one before."""
    if not re.search(r"\b[Ii]ts\s+$", r.text[max(0, char - 5):char]):
        return None
    return r.body_named_last(r.sents[max(0, r.sent_of_char[char] - 1)].start_char, char)


def _comma_org(r: Reader, char: int) -> str | None:
    """"Li Na (General Manager, Acme Medical)", "Li Na, President, Acme Labs", "Li Na, Brand
    Manager at Acme": the body named right after the title's comma or "at"."""
    gap = re.match(r"\s*,\s*(?:the\s+)?|\s+at\s+(?:the\s+)?", r.text[char:char + 12])
    nxt = _after(r, char) if gap else None
    if gap is None or nxt is None or nxt.start != char + gap.end():
        return None
    if r.type_of(nxt.key) not in lx.ORG_TYPES:
        return None
    return nxt.key


def _org_at(r: Reader, t: Title) -> str | None:
    """The organization a title names, if it is one; "Chief Executive of Hong Kong's Lake
    Hospital" names the hospital, the place only locates it."""
    m = _at(r, t.org.start, t.org.end) if t.org else None
    if m is not None and r.type_of(m.key) is EntityType.PLACE:
        owned = re.match(r"['’]s\s+(?:the\s+)?", r.text[t.end:t.end + 8])
        nxt = _after(r, t.end) if owned else None
        if owned and nxt is not None and nxt.start == t.end + owned.end() and r.type_of(nxt.key) in lx.ORG_TYPES:
            return nxt.key
    if m is None or r.type_of(m.key) in (EntityType.PERSON, *_NOT_PEOPLE[:3]):
        return None
    return m.key
