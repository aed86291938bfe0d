"""The last reading of a phrase: the one node whose name has the same words, spelled another way.

A question is typed by someone who read the article, and the two spell names differently:
accents ("Carità" / "Carita"), British and American spelling ("Centre" / "Center",
"Organisation" / "Organization"), word order ("Department of Pathology" / "Pathology
Department"), a generic word added or dropped ("Lakeside Medical Group" / "Lakeside Medical",
"Pine Municipal Health Commission" / "Pine Health Commission"). The name rules of
:mod:`kg.lookup` compare whole normalised names or all the phrase's words, so none of these
meet. This rule compares words after folding spelling, and takes a node only when

- every word of the phrase is a word of the node's name, and the name has at most a third more
  words ("Summit Hospital" for "Summit Hospital of Pine University"), or
- the two share four words at least and three quarters of all their words (Dice), the
  long names of events and bodies a reader shortens or reorders; or
- every word of the name is a word of the phrase, and the phrase's other words are generic
  (a legal form, "municipal", "international"...) or the name holds three fifths of the
  phrase's words at least ("the Harbor Forum on Elderly Care" for "the Harbor Forum on Elderly
  Care and Nursing": questions are often written with the fullest name, articles use shorter
  ones);

numbers (years, editions) must agree, except that an event's phrase may add them (a year
then must not contradict the event's own), and exactly one node may fit best: a near name that two
nodes share is no reading. It is tried last, at the top level only (never for the parts of a
description, whose cuts are guesses already), and says so in ``--explain``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from kg.lookup import search

from ..grammar import content_words, names_of
from ..results import Resolved
from .base import Reader
from .names import ORDINAL_WORDS, years_of

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")

# Words a writer adds to or drops from a name without naming anything else.
GENERIC = frozenset({
    "co", "ltd", "limited", "inc", "corp", "corporation", "company", "group", "plc", "llc",
    "municipal", "municipality", "city", "provincial", "international", "national", "general",
    "people", "peoples",
})
_ORDINALS = frozenset(ORDINAL_WORDS[1:])
# British -> American endings, applied to both sides (so folding too much never splits a pair).
_SPELLING = (
    (re.compile(r"(?<=[a-z]{3})tre$"), "ter"),
    (re.compile(r"(?<=[a-z]{3})is(ation|e|ed|ing)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{3})our$"), "or"),
    (re.compile(r"(?<=[a-z]{3})mme$"), "m"),
)


@lru_cache(maxsize=4096)
def words(name: str) -> frozenset[str]:
    """Content words of a name, accents and British spelling folded, plural "s" dropped.

    >>> sorted(words("The Département of Pathology, Lakeside Centre"))
    ['center', 'departement', 'lakeside', 'pathology']
    """
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    out = set()
    for w in content_words(plain):
        for pattern, repl in _SPELLING:
            w = pattern.sub(repl, w)
        out.add(w)
    return frozenset(out)


def _numbers(ws: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in ws if any(c.isdigit() for c in w) or w in _ORDINALS)


def fit(phrase: str, name: str, *, edition_words: bool = False) -> float:
    """How well a node's ``name`` fits a phrase by the module's rules: 0 when it does not,
    else the share of words the two have in common (Dice), 1 for the same words.
    ``edition_words``: the phrase may add a year or an ordinal the name lacks (an event's
    edition); otherwise numbers must agree.

    >>> fit("Pathology Department of Lakeside Centre", "Lakeside Center Department of Pathology")
    1.0
    >>> fit("Pine Medical Group", "Pine Medical")
    0.8
    >>> fit("Lakeside Municipal Health Commission", "Riverside Municipal Health Commission")
    0.0
    >>> fit("Harbor Expo 2021", "Harbor Expo 2022")
    0.0
    >>> fit("Second Affiliated Hospital of Pine University", "Affiliated Hospital of Pine University")
    0.0
    >>> fit("Pine Digital Health Industry Forum", "Pine Digital Health Industry Innovation Forum")
    0.909
    >>> fit("Pine Biomedical Industry Forum", "Pine Medical Device Industry Forum")
    0.0
    >>> fit("the 2023 Harbor Forum on Elderly Care and Nursing", "Harbor Forum on Elderly Care",
    ...     edition_words=True)
    0.8
    """
    q, n = words(phrase), words(name)
    if not q or not n or not _numbers(n) <= _numbers(q):
        return 0.0
    if _numbers(q) - _numbers(n) and not edition_words:
        return 0.0
    common = q & n
    phrase_in_name = common == q and 3 * len(n - q) <= len(n)
    name_in_phrase = common == n and len(n) >= 2 and (
        (q - n) <= GENERIC | _numbers(q) or 5 * len(n) >= 3 * len(q))
    dice = round(2 * len(common) / (len(q) + len(n)), 3)
    # long names that share most of their words ("2023 Pine Digital Health Industry Forum" and
    # "Pine Digital Health Industry Innovation Forum"): both ways three quarters alike
    overlap = len(common) >= 4 and dice >= 0.75 and not (_numbers(n) - _numbers(q))
    if not (phrase_in_name or name_in_phrase or overlap):
        return 0.0
    return dice


def nearest(reader: Reader, name: str, prefer: Sequence[str]) -> Resolved | None:
    """The one node with a name that fits the phrase best (see the module rules), else None."""
    if reader.depth > 0 or len(words(name)) < 2:
        return None
    best: dict[str, tuple[float, str]] = {}
    refs = {}
    for hit in search(reader.store, name, limit=30):
        ref = hit.entity
        refs[ref.iri] = ref
        event = bool({"Event", "Agreement"} & set(ref.types))
        scores = [(fit(name, n, edition_words=event), n) for n in names_of(ref)]
        top = max(scores)
        if top[0] > 0:
            best[ref.iri] = top
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda kv: -kv[1][0])
    top_score = ranked[0][1][0]
    if any(top_score - 0.05 <= score < top_score for _, (score, _) in ranked):
        return None  # two nodes nearly as near: no reading
    tied = [iri for iri, (score, _) in ranked if score == top_score]
    if len(tied) > 1 and prefer:
        tied = [iri for iri in tied if set(prefer) & set(refs[iri].types)]
    if len(tied) != 1:
        return None
    iri = tied[0]
    asked_years = set(_YEAR.findall(name))
    known_years = years_of(reader.store, refs[iri]) if asked_years else set()
    if known_years and not asked_years & known_years:
        return None  # the phrase's year is another edition's
    return Resolved("", name, refs[iri], f"the nearest name, spelled another way: {best[iri][1]!r}")
