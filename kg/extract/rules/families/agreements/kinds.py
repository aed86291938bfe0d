"""The kind of an agreement as the text words it, and whether it names several."""

from __future__ import annotations

import re

from kg.extract.rules.sentence import Sentence


def plural(kind: str, after: str) -> bool:
    """Whether a kind names several agreements ("agreements", "two MoUs", "... respectively")."""
    kind = kind.lower()
    return bool(re.search(r"\b(?:agreements|memoranda|mous|contracts|deals|accords|pacts|letters|"
                          r"partnerships|protocols)\b", kind)) or kind.split()[0] in {
        "two", "three", "four", "five", "several"} or after.lstrip().startswith("respectively")



def kind_of(s: Sentence, text: str) -> str:
    words = text.strip().split()
    # the kind starts after the last article, number or linking word ("including a cooperation
    # agreement" -> "cooperation agreement")
    stops = {"a", "an", "the", "two", "three", "four", "five", "several", "including",
             "with", "signed", "inked", "also"}
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if w.lower() in stops or w.isdigit()), default=0)
    words = words[cut:]
    while (words and words[0].lower() in {"a", "an", "the", "two", "three", "four", "five",
                                         "several"}) or (words and words[0].isdigit()):
        words = words[1:]
    kind = " ".join(words).lower()
    kind = re.sub(r"agreements$", "agreement", kind)
    kind = re.sub(r"memoranda", "memorandum", kind)
    kind = re.sub(r"(contract|deal|convention|declaration|accord|mou|partnership|pact)s$",
                  r"\1", kind)
    return kind

