"""Runs of capitalised words that may be one name: "Acme Holding Group Co., Ltd.", "China
(Pinecity) International Medical Expo", "Lakeside District government". The run decides where a
name starts and ends (connectors such as "of", "and", "&", hyphens; brackets; legal suffixes;
lower-case government words); what the name is, the name finder decides (:mod:`kg.extract.mentions`).
"""

from __future__ import annotations

import re
from typing import Any

from kg.extract import lexicon as lx
from kg.extract.heads import head_word, initials_match, is_acronym, type_by_head
from kg.records import EntityType

STOP_CAPS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they",
    "we", "i", "in", "on", "at", "as", "by", "for", "from", "with", "during", "among",
    "meanwhile", "currently", "moving", "through", "compared", "notable", "several", "over", "about",
    "more", "topics", "eight", "according", "besides", "also", "after", "before", "under",
    "since", "while", "when", "where", "what", "who", "which", "both", "each", "all", "some",
    "many", "most", "other", "such", "there", "here", "if", "but", "and", "or", "so",
    "however", "today", "yesterday", "last", "next", "mr", "ms", "dr", "mrs", "prof", "mr.", "ms.",
    "dr.", "mrs.", "prof.",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "sept", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "oct", "nov", "dec", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
    "sep.", "sept.", "oct.", "nov.", "dec.", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "photo", "poster", "updated", "home", "china's",
})
# Capitalised only because they start a sentence: "Eighty percent of ...", "Companies including
# A and B signed ...", "Experts from A said ..."
_NO_NAME_START = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "hundreds", "thousand", "thousands", "dozens", "companies", "enterprises", "firms",
    "hospitals", "universities", "institutions", "exhibitors", "visitors", "projects",
}) | lx.PEOPLE_NOUNS
LAUREATES = frozenset({"laureate", "laureates", "winner", "winners", "prize-winner", "prize-winning"})
# Lower-case particles inside a person's name
_PARTICLES = frozenset({"van", "von", "der", "den", "ter", "la", "le", "du", "da", "di", "dos", "das", "bin", "binti",
                        "al", "el"})
# Plural nouns whose possessive is part of a body's name, never a possessor.
POSSESSIVE_NAME_WORDS = frozenset({"children", "women", "people", "workers", "men", "veterans",
                                    "mothers", "farmers", "citizens", "nations"})


def _capitalised(tok: Any) -> bool:
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
                                                                     "was", "has", "will", "signed", "(", ")"})


def _person_before_of(toks: list[Any]) -> bool:
    """Whether the run before "of" is a person's name ("Helen Ward of Ashford University"): two
    or three words the NER calls a person, no body's head word among them. (A titled person,
    "Professor Li Hua of X", is split with the post in :mod:`kg.extract.titles`.)"""
    if not 2 <= len(toks) <= 3 or type_by_head(" ".join(x.text for x in toks)) is not None:
        return False
    return all(x.ent_type_ == "PERSON" for x in toks)


# Words that end a firm's name for certain: "Ovena Diagnostics of France" is a firm and its
# country, while "Bank of China" or "Ministry of Public Health of Thailand" are one name
_FIRM_HEADS = (lx.STRONG_COMPANY_HEADS - {"group", "company", "corporation", "co"}) | {
    "diagnostics", "pharmaceuticals", "pharma", "biotech", "therapeutics", "technologies", "devices",
    "instruments", "laboratories", "biosciences", "biologics", "medtech", "sa",
}


def _company_of_country(toks: list[Any], i: int, j: int) -> bool:
    """Whether toks[i:j] is a company's name ("Ovena Diagnostics") and "of" (at j) goes on with a
    country's name alone ("of France", "of the United States"), which locates it."""
    head = toks[j - 1].lower_.rstrip(".")  # "Ltd." as one token
    if j - i < 2 or head not in _FIRM_HEADS:
        return False
    k = j + 1 + (j + 1 < len(toks) and toks[j + 1].lower_ == "the")
    for width in (3, 2, 1):
        words = toks[k:k + width]
        if len(words) == width and " ".join(w.text for w in words) in lx.COUNTRIES:
            after = toks[k + width] if k + width < len(toks) else None
            return after is None or not _capitalised(after)
    return False


def _shouted(tok: Any) -> bool:
    """Whether a word stands among upper-case words (a headline in capitals), not as an acronym."""
    doc = tok.doc
    near = [doc[k] for k in (tok.i - 1, tok.i + 1) if 0 <= k < len(doc)]
    return any(len(x.text) > 1 and x.text.isupper() and x.is_alpha for x in near)


def _surname_he(toks: list[Any], i: int) -> bool:
    """"He Jun, director of X": the common surname He, not the pronoun, when a capitalised given
    name follows (a pronoun is followed by a verb, never by a name)."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return toks[i].text == "He" and nxt is not None and _capitalised(nxt) and nxt.is_alpha and \
        nxt.lower_ not in lx.HEADLINE_VERBS and type_by_head(nxt.text) is None


# "Japan-based X", "Shanghai-listed Y": the place describes the name after it, and is not part of it
_DESCRIBING = frozenset({"based", "headquartered", "listed", "owned", "funded", "backed", "made", "born", "registered"})


def _fronted_participle(toks: list[Any], i: int) -> bool:
    """"Headquartered in Hamburg, X ...", "Founded in 1987, X ...": a participle opening the
    sentence, capitalised only for standing first."""
    tok = toks[i]
    return bool(tok.is_sent_start and re.fullmatch(r"[A-Z][a-z]+(?:ed|ing)", tok.text) and i + 1 < len(toks)
                and toks[i + 1].lower_ in {"in", "by", "at", "on", "from", "with", "as", "near"})


def proper_runs(sent: Any, ner_ends: set[int]) -> list[tuple[int, int]]:
    """Token spans [i, j) of capitalised runs joined by name connectors within a sentence."""
    runs: list[tuple[int, int]] = []
    toks = list(sent)
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        named = _surname_he(toks, i) or (tok.lower_ in STOP_CAPS and _capitalised(tok))  # "He Jun", "WHO"
        if (not _capitalised(tok) and not named) or (
                tok.lower_ in STOP_CAPS and tok.pos_ != "PROPN" and not named) or (
                tok.is_sent_start and tok.lower_ in _NO_NAME_START) or _fronted_participle(toks, i) or (
                tok.lower_ in lx.PEOPLE_NOUNS and i + 1 < n and toks[i + 1].lower_ in {"of", "from"}) or (
                i + 1 < n and toks[i + 1].is_lower and (toks[i + 1].lower_ in LAUREATES or (
                    tok.is_sent_start and toks[i + 1].lower_ in lx.PEOPLE_NOUNS))):
            # "Officials of the X Bureau": the people, not part of the body's name; "Keynote
            # speakers", "Nobel laureate X": a word describing people
            i += 1
            continue
        j = i + 1
        last_good = j
        while j < n:
            t = toks[j]
            if "\n" in toks[j - 1].whitespace_ or "\n" in t.text:
                break
            if _capitalised(t) or (t.text[:1].isupper() and t.ent_type_ == "PERSON") or (
                    t.is_digit and len(t.text) < 4 and _capitalised(toks[j - 1])) or (
                    re.fullmatch(r"\d+(?:\.\d+)?", t.text) and toks[j - 1].lower_ in lx.VENUE_HEADS):
                j += 1
                last_good = j
                continue
            nxt = toks[j + 1] if j + 1 < n else None
            if nxt is None:
                break
            if t.text == "Home" and _capitalised(nxt) and _capitalised(toks[j - 1]):
                j += 1  # "Acme Smart Home Care Co.": a page's "Home" link is no word inside a name
                continue
            if t.text == "." and toks[j - 1].text in {"No", "NO"} and nxt.like_num:
                j += 2  # "Pine No. 6 People's Hospital"
                continue
            if t.text == "." and toks[j - 1].lower_ in lx.LEGAL_SUFFIXES and nxt.lower_.strip(".") in \
                    lx.LEGAL_SUFFIXES and _capitalised(nxt):
                j += 1  # "Acme Pte. Ltd.": one legal form in two words
                continue
            if t.text == "(":
                # "China (Pinecity) International Medical Expo", "Convention Center (Shanghai)":
                # a parenthesised place inside or closing a name (an acronym is not)
                close = next((k for k in range(j + 1, min(j + 5, n)) if toks[k].text == ")"), None)
                inner = toks[j + 1:close] if close else []
                if inner and all(_capitalised(x) for x in inner) and not (
                        len(inner) == 1 and is_acronym(inner[0].text)) and close is not None:
                    after = toks[close + 1] if close + 1 < n else None
                    if after is not None and _capitalised(after):
                        j = close + 1
                        continue
                    closing = " ".join(x.text for x in inner)
                    # "Acme Corporation (Japan)", "Acme GmbH (Hamburg)": the bracket after a firm's
                    # name says where it is from, it is no part of the name
                    if type_by_head(toks[j - 1].text) is not None and closing not in lx.COUNTRIES and \
                            toks[j - 1].lower_.strip(".") not in lx.STRONG_COMPANY_HEADS:
                        j = close + 1
                        last_good = j
                break
            if t.text in {"'", "’"} and toks[j - 1].lower_.endswith("s") and _capitalised(nxt) and \
                    type_by_head(nxt.text) is not None:
                j += 1  # "Healthcare Traders' Council", "Workers' Hospital": a plural possessive inside
                continue
            if t.text in {"'s", "’s"}:
                left = " ".join(x.text for x in toks[i:j])
                if _capitalised(nxt) and (toks[j - 1].lower_ in POSSESSIVE_NAME_WORDS or any(
                        x.lower_ in {"for", "on"} for x in toks[i + 1:j - 1])):
                    # "X Children's Hospital"; "Forum for Developing China's Hospitals": a
                    # possessive inside a name's complement
                    j += 1
                    continue
                if toks[j - 1].lower_ in POSSESSIVE_NAME_WORDS and j - i >= 2 and not nxt.is_alpha:
                    last_good = j + 1  # "a delegation of Lakeside Children's, the hospital ...":
                    break  # a hospital's short name ends in the possessive
                if toks[j - 1].i + 1 in ner_ends or is_acronym(toks[j - 1].text) or (
                        toks[j - 1].ent_type_ in {"GPE", "LOC"} and type_by_head(toks[j - 1].text) is None) or (
                        left in lx.COUNTRIES or type_by_head(left) is not None):
                    break  # "MIIT's Center ...": a possessor, not part of the name
                if _capitalised(nxt):
                    j += 1
                    continue
                break
            after_amp = t.text == "&" and nxt.text[:1].isupper() and nxt.lower_ not in STOP_CAPS
            glued = t.text == "-" and not toks[j - 1].whitespace_ and not t.whitespace_ and nxt.is_lower \
                and nxt.lower_ not in _DESCRIBING and not re.search(r"(?:ed|ing)$", nxt.lower_)  # not "China-situated"
            if glued and j + 3 < n and toks[j + 2].lower_ in {"on", "of", "for"} and _capitalised(toks[j + 3]):
                j += 2  # "Sub-forum on Cross-border Nursing": the name goes on after its head
                last_good = j
                continue
            if glued and not (j + 2 < n and _capitalised(toks[j + 2])):
                j += 2  # "X Sub-forum will ...": the hyphenated word ends the name
                last_good = j
                break
            if t.text in {"-", "&"} and (_capitalised(nxt) or after_amp or (
                    nxt.is_lower and j + 2 < n and _capitalised(toks[j + 2]) and nxt.lower_ not in _DESCRIBING)):
                # "Harwick & Partners Ltd.": after "&" a capitalised word is the name's, even one
                # that is a headline's verb elsewhere ("X Partners With Y")
                j += 2 if after_amp and not _capitalised(nxt) else 1 if _capitalised(nxt) else 2
                if not _capitalised(toks[j - 1]):
                    last_good = j
                continue
            if t.text == "," and nxt.lower_.strip(".") in lx.LEGAL_SUFFIXES and _ends_legal(toks, j):
                j += 2  # "Acme Holding Group Co., Ltd.": the legal form is part of the name
                last_good = j
                continue
            if t.text in _PARTICLES and (_capitalised(nxt) or (
                    nxt.text in _PARTICLES and j + 2 < n and _capitalised(toks[j + 2]))):
                j += 1 if _capitalised(nxt) else 2  # "Hendrik van der Berg", "Ahmed bin Said"
                continue
            if t.lower_ == "and" and nxt.lower_ in lx.ROLE_STARTERS:
                break  # "President of X and Academician of Y": two posts
            if t.lower_ == "and" and j + 2 < n and toks[j + 2].text in {"'s", "’s"} and \
                    nxt.lower_ not in POSSESSIVE_NAME_WORDS:
                break  # "A's School of Nursing and B's Faculty": two bodies ("Women and Children's" is one)
            if t.lower_ == "and" and nxt.lower_ in lx.BUSINESS_NOUNS and _company_after(toks, j):
                j += 1  # "X Investment and Development Co., Ltd."
                continue
            if t.lower_ in lx.NAME_CONNECTORS:
                if t.lower_ == "of" and _person_before_of(toks[i:j]):
                    break  # "Helen Ward of Ashford University": a person and her body
                if t.lower_ == "of" and _company_of_country(toks, i, j):
                    break  # "Ovena Diagnostics of France": a company and its country
                if t.lower_ == "the" and toks[j - 1].lower_ not in {"of", "for", "on"}:
                    break
                if t.lower_ == "to" and toks[j - 1].lower_ not in {"affiliated", "attached", "subordinate"}:
                    break  # "Hospital Affiliated to X" is one name; "Ambassador of X to China" is not
                fixed = f"{toks[j - 1].lower_} and {nxt.lower_}" in lx.AND_NAMES
                if t.lower_ == "and" and toks[j - 1].ent_type_ == "PERSON" and (
                        _post_word(nxt) or nxt.ent_type_ == "PERSON"):
                    break  # "... Bureau of Commerce Tian Guo and Executive Vice Mayor Hou Jian": two people
                if t.lower_ == "and" and not fixed and (nxt.lower_ == "the" or (
                        _ends_with_head(toks[i:j]) and not _names_a_venue(toks, i, j))
                                          or not _joins_one_name(toks, i, j)):
                    break
                if t.lower_ in {"in", "at"} and (type_by_head(toks[j - 1].text) is not None
                                                 or toks[j - 1].i + 1 in ner_ends
                                                 or nxt.ent_type_ in {"GPE", "LOC"}):
                    break  # "Expo Center in Lakeside", "Summit on Robots in Hangzhou": a place after a name
                if _capitalised(nxt) or (nxt.lower_ == "the" and j + 2 < n
                                         and _capitalised(toks[j + 2])):
                    j += 1
                    continue
            break
        if last_good > i and last_good < n and toks[last_good].lower_ in lx.LOWER_PLACE_HEADS and \
                toks[last_good].is_lower and type_by_head(" ".join(x.text for x in toks[i:last_good])) is None:
            last_good += 1  # "Lakeside district", "Pine province": the place's own word
        elif last_good > i and last_good + 1 < n and toks[last_good].lower_ == "autonomous" and \
                toks[last_good + 1].lower_ in {"region", "prefecture", "county"}:
            last_good += 2  # "Ningxia Hui autonomous region"
        if last_good > i and type_by_head(" ".join(x.text for x in toks[i:last_good])) in (None, EntityType.PLACE):
            last_good += _lower_body(toks, last_good)  # "the Lakeside municipal government"
        if last_good > i:
            runs.append((toks[_committee_of(toks, i, last_good)].i, toks[last_good - 1].i + 1))
        i = max(last_good, i + 1)
    return runs


_COMMITTEE_WORDS = frozenset({"management", "administrative", "administration"})


def _committee_of(toks: list[Any], i: int, j: int) -> int:
    """Where a body named in lower case before its place begins: "the management committee of
    the Pine High-tech Zone", "the people's government of Pine municipality"."""
    k = i - 1
    if k >= 0 and toks[k].lower_ == "the":
        k -= 1
    if k < 2 or toks[k].lower_ != "of" or type_by_head(" ".join(x.text for x in toks[i:j])) not in (
            None, EntityType.PLACE, EntityType.GOVERNMENT_BODY):  # "Pine municipality" is both
        return i
    if toks[k - 1].lower_ == "committee" and toks[k - 1].is_lower and toks[k - 2].lower_ in _COMMITTEE_WORDS:
        return k - 2
    if k >= 3 and toks[k - 1].lower_ == "government" and toks[k - 1].is_lower and \
            toks[k - 2].text in {"'s", "’s"} and toks[k - 3].lower_ == "people" and toks[k - 3].is_lower:
        return k - 3  # "the people's government of Pine municipality"
    return i


_LOWER_BODY = re.compile(r"(?:(?:municipal|provincial|county|district|city|town|township|prefectural)\s+)?"
                         r"(?:people['’]s\s+)?(?:(?:health|commerce|education|investment\s+promotion|"
                         r"development\s+and\s+reform|science\s+and\s+technology)\s+)?"
                         r"(?:governments?|commission|bureau|(?:management|administrative)\s+committee)\b")


def _lower_body(toks: list[Any], j: int) -> int:
    """How many lower-case words after a place name make it a body: "the Lakeside District
    government", "the Harwick municipal government", "the Harwick health commission"."""
    rest = toks[j:j + 6]
    if not rest or not rest[0].is_lower:
        return 0
    text = " ".join(t.text for t in rest).replace(" 's", "'s").replace(" ’s", "’s")
    m = _LOWER_BODY.match(text)
    if m is None:
        return 0
    return len(m.group(0).replace("'s", " 's").replace("’s", " ’s").split())


def _ends_legal(toks: list[Any], j: int) -> bool:
    """Whether the run before the comma at ``j`` ends in a company word ("Group Co", "Pharma")."""
    return toks[j - 1].lower_.strip(".") in lx.LEGAL_SUFFIXES or type_by_head(toks[j - 1].text) is EntityType.COMPANY


def _company_after(toks: list[Any], j: int) -> bool:
    """Whether the capitalised words after "and" at ``j`` end in a legal form ("... Co., Ltd")."""
    k = j + 1
    while k < len(toks) and k < j + 5 and _capitalised(toks[k]):
        if toks[k].lower_.strip(".") in lx.LEGAL_SUFFIXES:
            return True
        k += 1
    return False


def _names_a_venue(toks: list[Any], i: int, j: int) -> bool:
    """"Hall 7.1 of the National Exhibition and Convention Center": the part after "and" ends a
    venue's name, which the event word before it belongs to."""
    k = j + 1
    while k < len(toks) and (_capitalised(toks[k]) or toks[k].text in {"-", "&"}):
        k += 1
    return type_by_head(" ".join(t.text for t in toks[j + 1:k])) is EntityType.VENUE


def _post_word(tok: Any) -> bool:
    """A word that opens a post's title ("Executive", "Vice", "Deputy", "Mayor")."""
    w = tok.lower_
    return lx.is_role_word(w) or w in lx.ROLE_MODIFIERS or w in {"vice", "executive", "deputy", "party"}


def _joins_one_name(toks: list[Any], i: int, j: int) -> bool:
    """Whether "and" at ``j`` joins one name ("X Biomedicine and Health Industry Cooperation
    Forum", "Science and Technology Commission") rather than two ("Acme Bio and Nordic
    Pharma", "Pine Valve and Harbor Devices"): the part after it ends in an event, body or venue head
    noun and the part before has no head of its own."""
    if j + 1 < len(toks) and (toks[j - 1].lower_, toks[j + 1].lower_) in lx.PAIRED_NAME_WORDS:
        return True  # "X Science and Technology Investment Group": a fixed pair inside one name
    k = j + 1
    while k < len(toks) and (_capitalised(toks[k]) or toks[k].lower_ in {"of", "for", "on", "&", "-", "and"}
                             or toks[k].is_digit or (toks[k].text in {"'", "’"} and toks[k - 1].lower_.endswith("s"))):
        if toks[k].lower_ == "and" and type_by_head(" ".join(t.text for t in toks[j + 1:k])) is not None:
            break  # "... Management Committee and Wujin Investment Group": the next name begins
        k += 1
    after = toks[k + 1].text if k + 1 < len(toks) and toks[k].text == "(" else ""
    whole = " ".join(t.text for t in toks[i:k])
    if after and is_acronym(after) and initials_match(after, whole):
        return True  # "Hong Kong Science and Technology Parks Corporation (HKSTP)"
    right = " ".join(t.text for t in toks[j + 1:k])
    strong = {EntityType.ORGANIZATION, EntityType.HOSPITAL, EntityType.GOVERNMENT_BODY}
    if head_word(right) in lx.STRONG_COMPANY_HEADS or head_word(" ".join(t.text for t in toks[i:j])) in \
            lx.STRONG_COMPANY_HEADS:
        return False  # "X Zone and Y Medical Group", "Z Labs and W Government": a company is whole
    ofs = [n for n in range(i + 1, j) if toks[n].lower_ in {"of", "for", "on"}]
    if ofs and type_by_head(right) in (EntityType.HOSPITAL, EntityType.COMPANY, EntityType.ORGANIZATION) \
            and toks[j + 1].lower_ not in lx.GENERIC_NAME_WORDS:
        return False  # "Department of Commerce and Lakeside Hospital": a body of its own starts
    if ofs:
        tail = " ".join(t.text for t in toks[ofs[-1] + 1:j])
        # inside a name's "of ..." tail ("Ministry of Industry and Information Technology"), unless
        # both sides have a body's head ("Hospital of X University and Y Centre": two bodies)
        return not (type_by_head(right) in strong and type_by_head(tail) in strong)
    left = " ".join(t.text for t in toks[i:j])
    right_type = type_by_head(right) if right else None
    # the left part must not be a complete name of its own; company words ("Health", "Medical")
    # and "Convention" ("X International Convention and Exhibition Center") are too weak to say so
    left_type = type_by_head(left)
    if right_type is EntityType.VENUE:  # "National Exhibition and Convention Center"
        return left_type in (None, EntityType.AGREEMENT, EntityType.COMPANY, EntityType.EVENT)
    if right_type is EntityType.HOSPITAL:  # "X Mother and Baby Hospital": one shared head
        return left_type is None and k - j - 1 <= 2
    if left_type is EntityType.COMPANY and toks[j - 1].lower_ in _SECTORS and toks[j + 1].lower_ in _SECTORS \
            and right_type in (EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY):
        return True  # "X Pharmaceutical and Healthcare Traders' Council": two sectors of one body
    if left_type is EntityType.COMPANY and j - i >= 2 and toks[j + 1].lower_ not in lx.GENERIC_NAME_WORDS:
        return False  # "Pine Pharmaceutical and Lakeside Medical University": a name starts again
    return right_type in {EntityType.EVENT, EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION} and \
        left_type in (None, EntityType.AGREEMENT, EntityType.COMPANY)


# sector words that a trade body's name may coordinate ("Pharmaceutical and Healthcare")
_SECTORS = frozenset({"pharmaceutical", "pharmaceuticals", "healthcare", "health", "medical", "medicine",
                      "biotechnology", "biomedical", "technology", "equipment", "devices", "insurance"})


def _ends_with_head(tokens: list[Any]) -> bool:
    """Whether a run so far already ends in a type-giving head noun (so "and" coordinates)."""
    if not tokens:
        return False
    w = tokens[-1].lower_
    return (w in lx.HOSPITAL_HEADS or w in lx.GOVERNMENT_HEADS or w in lx.EVENT_HEADS
            or w in lx.ORGANIZATION_HEADS or w in {"group", "co", "ltd", "inc", "district",
                                                    "town", "city", "province", "county"}
            or w == "committee")
