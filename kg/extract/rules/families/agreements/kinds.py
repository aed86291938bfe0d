"""The kind of an agreement as the text words it, and whether it names several."""

from __future__ import annotations

import re

from kg.extract.rules import patterns
from kg.extract.rules.patterns import E, compiled
from kg.extract.rules.sentence import Sentence
from kg.records import EntityType

# an amount before a kind: "a US$20 million licensing agreement", "a 500 million yuan contract"
_MONEY = r"(?:(?:US|HK|RMB|A|C)?[$€¥£]\d[\d.,]*|\d[\d.,]*)"
_AMOUNT = compiled(_MONEY + r"|(?:million|billion|trillion|yuan|dollars?|euros?|rmb|usd|pounds?)", re.I)
# "a 2-billion-yuan fund deal": an amount written as one word
_AMOUNT_WORD = compiled(r"(?:US|HK|RMB)?[$€¥£]?\d[\d.,]*-(?:million|billion|trillion)(?:-(?:yuan|dollars?|euros?))?",
                        re.I)
_MONEY_NAME = compiled(_MONEY + r"(?:\s+(?:million|billion))?", re.I)  # "US$20" read as a company
# the kind of the patterns (the shared one, with an amount's currency signs and decimals as words)
KIND = patterns.KIND.replace(r"(?:[\w-]+\s+){0,4}?", r"(?:" + _MONEY + r"\s+|[\w-]+\s+){0,5}?", 1)

# words that count agreements ("seven cooperation agreements", "dozens of deals")
_COUNTS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                     "twelve", "several", "multiple", "many", "various", "numerous", "dozens", "hundreds"})


def plural(kind: str, after: str) -> bool:
    """Whether a kind names several agreements ("agreements", "two MoUs", "... respectively")."""
    kind = kind.lower()
    return bool(re.search(r"\b(?:agreements|memoranda|memorandums|mous|contracts|deals|accords|pacts|letters|"
                          r"partnerships|protocols)\b", kind)) or kind.split()[0] in _COUNTS \
        or after.lstrip().startswith("respectively")



def kind_of(s: Sentence, text: str) -> str:
    words = text.strip().split()
    # the kind starts after the last article, number or linking word ("including a cooperation
    # agreement" -> "cooperation agreement")
    stops = {"a", "an", "the", "another", "including", "with", "signed", "inked", "also", "whose", "its", "their",
             "our", *_COUNTS}
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if w.lower() in stops or w.isdigit()), default=0)
    words = words[cut:]
    while (words and words[0].lower() in {"a", "an", "the", "another", *_COUNTS}) or (words and words[0].isdigit()):
        words = words[1:]
    while len(words) > 1 and (_AMOUNT.fullmatch(words[0]) or _AMOUNT_WORD.fullmatch(words[0])):
        words = words[1:]
    kind = " ".join(words).lower()
    kind = re.sub(r"agreements$", "agreement", kind)
    kind = re.sub(r"memoranda|memorandums", "memorandum", kind)
    kind = re.sub(r"(contract|deal|convention|declaration|accord|mou|partnership|pact)s$",
                  r"\1", kind)
    return kind



# a name that is an agreement's kind ("Letter of Intent for Cooperation" read as a company)
_KIND_NAME = compiled(r"(?:[\w-]+\s+){0,5}?(?:agreement|memorandum(?:\s+of\s+\w+)?|mou|contract|letter\s+of\s+intent)"
                      r"(?:\s+(?:of|for|on|in|between|to)\s+.*)?", re.I)


# a one-word name inside a kind: after "a", "an", "the" (and a word) or a hyphen, before the kind's noun
_IN_KIND = compiled(r"(?:\b(?:an?|the)\s+(?:[a-z][\w-]*\s+)?|\w-)$")
_KIND_AFTER = compiled(r"\s+(?:[a-z][\w-]*\s+){0,3}?(?:" + patterns.AGREEMENT + r")\b", re.I)


def kinds_named(s: Sentence) -> Sentence:
    """The sentence with a capitalised kind that was read as a name of a body ("signed a Letter
    of Intent for Cooperation with B"), or an amount read so ("a US$20 million contract"),
    written out as words, so the patterns read it as (part of) the kind; an agreement read as
    such keeps its name (a convention signed by many)."""
    swap = {}
    for m in re.finditer(E, s.ph):
        key = s.key(m.group(0))
        ent = s.r.ex.entities[key]
        if ent.type is not EntityType.AGREEMENT and (
                _KIND_NAME.fullmatch(ent.label) or _MONEY_NAME.fullmatch(ent.label) or (_IN_KIND.search(
                    s.ph[:m.start()]) and _KIND_AFTER.match(s.ph, m.end()) and len(ent.label.split()) == 1)):
            swap[m.group(0)] = ent.label  # "an OEM cooperation agreement", "a phase-II expansion agreement"
    if not swap:
        return s
    ph = re.sub(E, lambda m: swap.get(m.group(0), m.group(0)), s.ph)
    return Sentence(s.r, s.index, s.sent, ph, s.keys, s.ms)
