"""Matching the post a question names ("the president of X") against the posts in the graph.

The match is exact on the role's title after normalisation, so "president" never finds a
vice president and "vice president" never finds an executive vice president; a role that
holds several offices ("Party secretary and director") matches each of them. Normalisation
folds what does not change the office: case, hyphens, plurals, articles, ordinals left by the
extractor ("2nd deputy mayor"), the level of government ("municipal Party secretary" is the
Party secretary of a city), and synonyms ("vice" = "deputy", "chair" = "chairman",
"Party chief" = "Party secretary"). Generic words ("an executive with X", "an official of X")
accept any post in X.
"""

from __future__ import annotations

import re

_PHRASES: tuple[tuple[str, str], ...] = (
    ("chief executive officer", "ceo"),
    ("chief executive", "ceo"),
    ("party chief", "party secretary"),
    ("secretary of the party committee", "party secretary"),
    ("party committee secretary", "party secretary"),
    ("cpc secretary", "party secretary"),
    ("director-general", "director general"),
)
_WORDS: dict[str, str] = {
    "vice": "deputy",
    "chair": "chairman", "chairwoman": "chairman", "chairperson": "chairman",
    "presidents": "president", "directors": "director", "mayors": "mayor",
    "chairmen": "chairman", "secretaries": "secretary", "governors": "governor",
}
_IGNORED = frozenset({
    "the", "a", "an", "its", "current",
    "municipal", "provincial", "city", "county", "district", "prefectural",
    "first", "second", "third", "fourth", "fifth", "st", "nd", "rd", "th",
})
GENERIC_ROLES = frozenset({
    "executive", "official", "officer", "leader", "representative", "staff", "member",
    "employee", "executives", "officials", "leaders", "representatives", "members",
})


# "who heads X" asks for whoever holds one of the offices that head a body.
HEAD = "head"
_HEAD_OFFICES = frozenset({
    ("head",), ("president",), ("director",), ("chairman",), ("ceo",), ("dean",),
    ("director", "general"), ("general", "manager"), ("mayor",), ("governor",), ("chief",),
    ("secretary", "general"), ("minister",), ("principal",), ("commissioner",),
})
# verbs of a question that name an office: "who heads / chairs / founded X"
VERB_ROLES: dict[str, str] = {
    "heads": HEAD, "headed": HEAD, "leads": HEAD, "led": HEAD, "runs": HEAD, "ran": HEAD,
    "directs": HEAD, "directed": HEAD, "manages": HEAD, "managed": HEAD,
    "chairs": "chairman", "chaired": "chairman", "founded": "founder", "co-founded": "co-founder",
}


def role_key(role: str) -> tuple[str, ...]:
    """The words of a role that decide which office it is.

    >>> role_key("Vice-President"), role_key("2nd deputy mayor"), role_key("Party chief")
    (('deputy', 'president'), ('deputy', 'mayor'), ('party', 'secretary'))
    >>> role_key("municipal Party secretary") == role_key("party secretary")
    True
    """
    text = " " + re.sub(r"[\s\-–]+", " ", role.lower()).strip() + " "
    text = re.sub(r"\d+(?:st|nd|rd|th)?", " ", text)
    for phrase, canonical in _PHRASES:
        text = text.replace(f" {phrase} ", f" {canonical} ")
    words = [_WORDS.get(w, w) for w in re.findall(r"[^\W_]+", text)]
    return tuple(w for w in words if w not in _IGNORED)


def is_generic(asked: str) -> bool:
    """Does the question name no particular office ("an executive", "officials")?

    >>> is_generic("executive"), is_generic("executive president")
    (True, False)
    """
    return role_key(asked) != () and all(w in GENERIC_ROLES for w in role_key(asked))


def offices(role: str) -> list[str]:
    """The offices a role string holds: "Party secretary and director" holds two.

    >>> offices("Party secretary and president"), offices("chairman, CEO")
    (['Party secretary', 'president'], ['chairman', 'CEO'])
    """
    return [p for p in re.split(r"\s*(?:,|;|&|/|\band\b)\s*", role.strip()) if p]


def role_matches(asked: str, role: str) -> bool:
    """Is ``asked`` one of the offices ``role`` (from the graph) holds? Exact after normalisation.

    >>> role_matches("president", "President"), role_matches("president", "vice president")
    (True, False)
    >>> role_matches("vice-mayor", "deputy mayor"), role_matches("chair", "Chairwoman")
    (True, True)
    >>> role_matches("director", "Party committee secretary and director")
    True
    >>> role_matches("head", "Director-General"), role_matches("head", "deputy director")
    (True, False)
    """
    want = role_key(asked)
    if not want:
        return False
    if want in {(HEAD,), ("in", "charge"), ("person", "in", "charge")}:
        # "who heads X", "who is in charge of X": any office that heads a body
        return any(role_key(o) in _HEAD_OFFICES for o in [role, *offices(role)])
    return is_generic(asked) or any(want == role_key(o) for o in [role, *offices(role)])
