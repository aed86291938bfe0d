"""The shared vocabulary of questions: clean-up, answer-type words, verb inflection, fragments.

Forms (``kg/ask/forms/``) build their regular expressions from these pieces so that every
form reads the same auxiliaries, adverbs, answer-type phrases and verb inflections: a verb
listed once as ``"co-organize"`` is read as "co-organized", "co-organises", "co-organizing".
Question text is only ever matched here, never pasted into SPARQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.lookup import EntityRef
from kg.names import normalize_name

# Words naming a kind of answer -> the kgo types it admits (matched on the word's start).
_TYPE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("hospital", ("Hospital",)),
    ("compan", ("Company",)), ("firm", ("Company",)), ("enterprise", ("Company",)),
    ("business", ("Company",)), ("manufacturer", ("Company",)), ("pharma", ("Company",)),
    ("government", ("GovernmentBody",)), ("ministr", ("GovernmentBody",)),
    ("agenc", ("GovernmentBody",)), ("department", ("GovernmentBody",)),
    ("authorit", ("GovernmentBody",)), ("commission", ("GovernmentBody",)),
    ("bureau", ("GovernmentBody",)),
    ("organi", ("Organization",)), ("institution", ("Organization",)),
    ("association", ("Organization",)), ("bod", ("Organization",)),
    ("countr", ("Place",)), ("nation", ("Place",)), ("cit", ("Place",)),
    ("place", ("Place",)), ("district", ("Place",)), ("region", ("Place",)),
    ("province", ("Place",)), ("town", ("Place",)),
    ("venue", ("Venue",)), ("hall", ("Venue",)),
    ("people", ("Person",)), ("person", ("Person",)), ("official", ("Person",)),
    ("leader", ("Person",)), ("speaker", ("Person",)), ("executive", ("Person",)),
    ("expert", ("Person",)), ("scholar", ("Person",)),
    ("event", ("Event",)), ("fair", ("Event",)), ("forum", ("Event",)),
    ("exhibition", ("Event",)), ("expo", ("Event",)), ("conference", ("Event",)),
    ("series", ("EventSeries",)),
    ("agreement", ("Agreement",)), ("convention", ("Agreement",)),
)


def types_for(phrase: str | None) -> tuple[str, ...]:
    """The kgo types a phrase such as "hospitals" or "government bodies" admits ("" -> none).

    The last known word decides ("medical companies" -> Company); an unknown word sets no
    filter, so an unusual noun never empties an answer.

    >>> types_for("hospitals"), types_for("government bodies"), types_for("guests")
    (('Hospital',), ('GovernmentBody',), ())
    """
    if not phrase:
        return ()
    words = phrase.lower().split()
    if len(words) >= 2 and words[-2].startswith("government"):
        return ("GovernmentBody",)
    for word in reversed(words):
        for stem, types in _TYPE_WORDS:
            if word.startswith(stem):
                return types
    return ()


def clean_question(question: str) -> str:
    """Whitespace collapsed, curly quotes straightened, trailing ``?``/``.``/``!`` removed, and
    a closing "this year" (the story's time, which names nothing the graph can look up).

    >>> clean_question("  Who has Summit  Hospital signed with? ")
    'Who has Summit Hospital signed with'
    >>> clean_question("where was the Harbor expo held this year?")
    'where was the Harbor expo held'
    """
    q = question.replace("’", "'").replace("“", '"').replace("”", '"')
    q = re.sub(r"\s+", " ", q).strip()
    q = q.rstrip("?.! ").strip()
    return re.sub(r",?\s+this\s+year$", "", q, flags=re.I)


def clean_phrase(phrase: str) -> str:
    """An entity phrase without a leading "the", quotes or trailing punctuation.

    >>> clean_phrase(' the "Harbor Expo", ')
    'Harbor Expo'
    """
    p = phrase.strip().strip("\"'").strip()
    p = re.sub(r"^the\s+", "", p, flags=re.I)
    return p.rstrip(",;:").strip().strip("\"'").strip()


# ---------------------------------------------------------------- verb inflection

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "speak": ("speak", "speaks", "spoke", "spoken", "speaking"),
    "take": ("take", "takes", "took", "taken", "taking"),
    "undertake": ("undertake", "undertakes", "undertook", "undertaken", "undertaking"),
    "hold": ("hold", "holds", "held", "holding"),
    "give": ("give", "gives", "gave", "given", "giving"),
    "lead": ("lead", "leads", "led", "leading"),
    "co-lead": ("co-lead", "co-leads", "co-led", "co-leading"),
    "go": ("go", "goes", "went", "gone", "going"),
    "be": ("be", "is", "are", "was", "were", "been", "being"),
    "set": ("set", "sets", "setting"),
    "put": ("put", "puts", "putting"),
    "send": ("send", "sends", "sent", "sending"),
}


def inflections(verb: str) -> tuple[str, ...]:
    """Every inflection of a verb or phrasal verb (the first word inflects), -ize and -ise.

    >>> inflections("co-organize")[:4]
    ('co-organize', 'co-organizes', 'co-organized', 'co-organizing')
    >>> "presided over" in inflections("preside over"), "spoke at" in inflections("speak at")
    (True, True)
    """
    head, _, rest = verb.partition(" ")
    tail = f" {rest}" if rest else ""
    if head in _IRREGULAR:
        forms: tuple[str, ...] = _IRREGULAR[head]
    elif head.endswith("e"):
        forms = (head, head + "s", head + "d", head[:-1] + "ing")
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        forms = (head, head[:-1] + "ies", head[:-1] + "ied", head + "ing")
    elif head.endswith(("s", "sh", "ch", "x")):
        forms = (head, head + "es", head + "ed", head + "ing")
    else:
        forms = (head, head + "s", head + "ed", head + "ing")
    out = [f + tail for f in forms]
    if "iz" in head:
        out += [f.replace("iz", "is") + tail for f in forms]
    return tuple(dict.fromkeys(out))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first (so "co-hosted" beats "co-host").

    >>> alternation(["host", "co-host"])
    '(?:co\\\\-host|host)'
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in ordered) + ")"


def verb_pattern(verbs: Iterable[str]) -> str:
    """Alternation of every inflection of ``verbs``."""
    return alternation(f for v in verbs for f in inflections(v))


def verb_list(first: str, any_verb: str) -> str:
    """One verb of ``first`` optionally followed by more (", ", "and", "or", "/" between).

    "organized, co-organized or undertook" reads as a list; the form's answer is the union of
    what each verb asks.
    """
    sep = r"(?:,? (?:and|or|and/or) |, |/)"
    return rf"(?P<verbs>{first}(?:{sep}{any_verb})*)"


# ---------------------------------------------------------------- regex fragments

T = r"[\w\s'’-]+?"  # a short phrase (answer type, agreement kind, role)
X = r"(?P<x>.+?)"
Y = r"(?P<y>.+?)"
WHO = rf"(?:who|whom|(?:which|what) (?P<type>{T}))"
BE = r"(?:is|was|are|were|will be|has been|have been|had been)"
AUX = (
    r"(?:(?:will|would|shall|did|does|do|has|have|had|is|was|are|were|will be)"
    r"(?: (?:also|jointly|together|officially|recently))? )?"
)
ADV = r"(?:(?:jointly|also|together|officially|recently|successfully) )?"
THE = r"(?:the |a |an )?"
# "(who signed with X) to jointly build the Y": a purpose clause, never part of X's phrase.
# Read by its verb, so a name holding "to" ("Gateway to Health") stays whole.
# "(a deal with X) on a biomedical fund": what it is about, after an indefinite article only
PURPOSE = (
    r"(?: (?:(?:in order )?to (?:jointly |together |further |also |co-)?(?=(?:build|set up"
    r"|establish|develop|create|launch|promote|open|construct|run|operate|form|deepen"
    r"|strengthen|advance|explore|carry out|conduct|cooperate|collaborate|work|introduce"
    r"|provide|support|share|improve|expand|invest|train|research|found|upgrade"
    r"|enhance|boost|implement|undertake|co-build|co-develop|co-found)\b)|on (?=an? ))(?P<purpose>.*))?"
)
EVENT_NOUNS = (
    r"(?:events?|fairs?|forums?|exhibitions?|expos?|conferences?|summits?|meetings?"
    r"|ceremon(?:y|ies)|activities|sessions?|symposi(?:um|a)|festivals?|shows?|conventions?)"
)


# ---------------------------------------------------------------- agreement kinds

_GENERIC_KIND_WORDS = frozenset({
    "a", "an", "the", "deal", "deals", "pact", "pacts", "document", "of", "on", "for", "and",
    "in", "with", "to",
})


# short forms of agreement kinds, spelled out
_KIND_ABBREVIATIONS = {"mou": "memorandum of understanding", "mous": "memorandum of understanding",
                       "loi": "letter of intent", "lois": "letter of intent"}


def _fold_words(text: str) -> set[str]:
    words = normalize_name(text).split()
    words = [x for w in words for x in _KIND_ABBREVIATIONS.get(w, w).split()]
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words}


def kind_matches(asked: str | None, kind: str) -> bool:
    """Does an agreement's kind fit the kind a question names? Every asked word must occur.

    Generic words ("deal", "a", "of") are ignored, plurals folded; no asked kind matches all.

    >>> kind_matches("strategic cooperation agreements", "strategic cooperation agreement")
    True
    >>> kind_matches("agreement of cooperation", "cooperation agreement")
    True
    >>> kind_matches("cooperation memorandum", "strategic cooperation agreement")
    False
    >>> kind_matches("MoU", "memorandum of understanding")
    True
    """
    if not asked:
        return True
    want = _fold_words(asked) - _GENERIC_KIND_WORDS
    return want <= _fold_words(kind)


# ---------------------------------------------------------------- words of names

_STOP = frozenset({"the", "a", "an", "of", "for", "on", "in", "at", "and", "to", "with", "s"})


def content_words(text: str) -> set[str]:
    """Normalised words without stop words, plural "s" folded ("Sections of X" -> section, x).

    >>> sorted(content_words("the Public Health Sections of the Expo"))
    ['expo', 'health', 'public', 'section']
    """
    return _fold_words(text) - _STOP


def names_of(ref: EntityRef) -> list[str]:
    """Every name a node bears (label first, then aliases)."""
    return [ref.label, *ref.aliases]


def mentions(text: str, ref: EntityRef) -> bool:
    """Does ``text`` contain one of the node's names (as whole words, normalised)?"""
    hay = f" {normalize_name(text)} "
    return any(n and f" {n} " in hay for n in (normalize_name(x) for x in names_of(ref)))
