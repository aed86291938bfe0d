"""Which words count as capitalised words of a name: sentence-initial and function words
("The", "Companies"), months and honorifics are not; acronyms shouted in a headline are not;
"3SBio" is. The run builder (:mod:`kg.extract.runs`) and the name finder share these lists.
"""

from __future__ import annotations

from typing import Any

from kg.extract import lexicon as lx

STOP_CAPS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they",
    "we", "i", "in", "on", "at", "as", "by", "for", "from", "with", "during", "among",
    "meanwhile", "currently", "moving", "through", "compared", "notable", "several", "over", "about",
    "more", "topics", "eight", "according", "besides", "also", "after", "before", "under",
    "since", "while", "when", "where", "what", "who", "which", "both", "each", "all", "some",
    "many", "most", "other", "such", "there", "here", "if", "but", "and", "or", "so",
    "however", "today", "yesterday", "last", "next", "mr", "ms", "dr", "mrs", "prof", "mr.", "ms.",
    "dr.", "mrs.", "prof.", "dato", "dato'", "dato’", "datuk", "datin",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "sept", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "oct", "nov", "dec", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
    "sep.", "sept.", "oct.", "nov.", "dec.", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "photo", "poster", "updated", "home", "china's",
})
# Capitalised only because they start a sentence: "Eighty percent of ...", "Companies including
# A and B signed ...", "Experts from A said ..."
NO_NAME_START = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "hundreds", "thousand", "thousands", "dozens", "companies", "enterprises", "firms",
    "hospitals", "universities", "institutions", "exhibitors", "visitors", "projects",
}) | lx.PEOPLE_NOUNS
LAUREATES = frozenset({"laureate", "laureates", "winner", "winners", "prize-winner", "prize-winning"})
# Lower-case particles inside a person's name
PARTICLES = frozenset({"van", "von", "der", "den", "ter", "la", "le", "du", "da", "di", "dos", "das", "bin", "binti",
                        "al", "el"})
# Plural nouns whose possessive is part of a body's name, never a possessor.
POSSESSIVE_NAME_WORDS = frozenset({"children", "women", "people", "workers", "men", "veterans",
                                    "mothers", "farmers", "citizens", "nations"})


def capitalised(tok: Any) -> bool:
    t = tok.text
    if tok.lower_ in lx.HEADLINE_VERBS and not tok.is_sent_start and not _name_end(tok):
        return False  # "Acme Pharma Signs Agreement With ...": a title-case headline's verb
    if t[:1].isdigit():  # "3SBio", "4Paradigm": a name that starts with a digit
        return any(c.isupper() for c in t[1:]) and any(c.isalpha() for c in t)
    if len(t) >= 3 and t.isupper() and t.isalpha() and tok.lower_ in STOP_CAPS:
        return not _shouted(tok)  # "WHO Representative in China": an acronym, not "who"
    return bool(t) and t[0].isupper() and tok.lower_ not in STOP_CAPS


def _name_end(tok: Any) -> bool:
    """"Yuxi Capital Partners and ...": a firm's last word, not a headline's verb ("X Partners
    With Y"), when no object follows it."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ == "partners" and (nxt is None or nxt.lower_ in {"and", ",", ".", ";", "to", "in", "on", "is",
                                                                     "was", "has", "will", "signed", "(", ")"}
                                         or nxt.lower_.strip(".") in lx.LEGAL_SUFFIXES)


def _shouted(tok: Any) -> bool:
    """Whether a word stands among upper-case words (a headline in capitals), not as an acronym."""
    doc = tok.doc
    near = [doc[k] for k in (tok.i - 1, tok.i + 1) if 0 <= k < len(doc)]
    return any(len(x.text) > 1 and x.text.isupper() and x.is_alpha for x in near)
