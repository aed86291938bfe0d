"""Finding names in a parsed article and typing them by their head noun.

The statistical NER misses long event names, splits "... for Asia" names and mistypes short
company names; so names come from two sources: runs of capitalised tokens joined by name
connectors ("of", "for", "and", "&", hyphens), and the NER's spans. A name's type comes from
its head noun ("... Hospital", "... Commission", "... Forum"), then from the NER label, then
from the list it stands in ("companies like ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kg.extract import lexicon as lx
from kg.records import EntityType

_NER_TYPES = {
    "PERSON": EntityType.PERSON, "GPE": EntityType.PLACE, "LOC": EntityType.PLACE,
    "ORG": None, "FAC": None, "EVENT": EntityType.EVENT, "NORP": None,
    "WORK_OF_ART": None, "PRODUCT": None,
}
_STOP_CAPS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they",
    "we", "i", "in", "on", "at", "as", "by", "for", "from", "with", "during", "among",
    "meanwhile", "currently", "moving", "through", "compared", "notable", "several", "over",
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
# Capitalised single words that are never a name on their own.
_GENERIC_SINGLE = frozenset({"party", "government", "ministry", "hospital", "forum", "fair", "mou", "mous",
                             "moa", "moas", "loi"})
# Capitalised only because they start a sentence: "Eighty percent of ...", "Companies including
# A and B signed ...", "Experts from A said ..."
_NO_NAME_START = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "hundreds", "thousand", "thousands", "dozens", "companies", "enterprises", "firms",
    "hospitals", "universities", "institutions", "exhibitors", "visitors", "projects",
}) | lx.PEOPLE_NOUNS
# Plural nouns whose possessive is part of a body's name, never a possessor.
_POSSESSIVE_NAME_WORDS = frozenset({"children", "women", "people", "workers", "men", "veterans",
                                    "mothers", "farmers", "citizens", "nations"})
_QUOTED = re.compile(r"[\"“]([^\"”\n]{1,240})[\"”]")
_ORDINAL_OR_YEAR = re.compile(
    r"\d+(?:st|nd|rd|th)|(?:19|20)\d\d|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|twentieth", re.I)
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]*[A-Z][A-Za-z0-9&-]*$|^[A-Z]{2,}$")


@dataclass
class Name:
    """A name found in the text: character span, surface text, type guess, NER label."""

    start: int
    end: int
    text: str
    type: EntityType | None
    ner: str | None = None

    @property
    def by_head(self) -> bool:
        """Whether the type comes from the name's own head noun (stronger than the NER's)."""
        return type_by_head(self.text) is not None

    @property
    def words(self) -> list[str]:
        return self.text.split()


def is_acronym(word: str) -> bool:
    """``is_acronym("CIIE")`` -> True; ``is_acronym("Beijing")`` -> False."""
    return bool(_ACRONYM.match(word)) and len(word) <= 10


def _capitalised(tok: Any) -> bool:
    t = tok.text
    if tok.lower_ in lx.HEADLINE_VERBS and not tok.is_sent_start:
        return False  # "Acme Pharma Signs Agreement With ...": a title-case headline's verb
    if t[:1].isdigit():  # "3SBio", "4Paradigm": a name that starts with a digit
        return any(c.isupper() for c in t[1:]) and any(c.isalpha() for c in t)
    return bool(t) and t[0].isupper() and tok.lower_ not in _STOP_CAPS


@lru_cache(maxsize=1 << 16)  # bounded: names repeat within a batch, not forever
def head_word(text: str) -> str:
    """The word that says what a name is: the last word before "of/for/on/in" phrases.

    >>> head_word("Center for International Economic and Technological Cooperation")
    'center'
    >>> head_word("B Exhibition Hall of Nansha Science Park")
    'hall'
    """
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text) or text  # "X Center (Beijing)" is headed by "Center"
    words = re.sub(r"['’]s\b", "", text).split()
    if not words:
        return ""
    cut = len(words)
    for i, w in enumerate(words):
        if i > 0 and w.lower() in {"of", "for", "on", "in"}:
            cut = i
            break
    core = [w.strip(",.()").lower() for w in words[:cut]] or [words[-1].lower()]
    if len(core) > 1 and re.fullmatch(r"(?:19|20)\d\d", core[-1]):
        core.pop()  # "X Expo 2022": an edition is headed by its series' head
    # "Hall 4", "Hall C", "Hall N3": a number or letter after the head names which one
    if len(core) > 1 and core[-2] in lx.VENUE_HEADS and (any(c.isdigit() for c in core[-1]) or len(core[-1]) <= 2):
        core.pop()
    return core[-1]


@lru_cache(maxsize=1 << 16)
def type_by_head(text: str) -> EntityType | None:
    """Type from the head noun (and, for committees and centres, the words before it).

    >>> type_by_head("People's Government of Beijing Municipality")
    <EntityType.GOVERNMENT_BODY: 'GovernmentBody'>
    >>> type_by_head("Paris Public Hospital Group")
    <EntityType.HOSPITAL: 'Hospital'>
    """
    words = [w.strip(",.()").lower() for w in re.sub(r"['’]s\b", "", text).split()]
    head = head_word(text)
    lowered = set(words)
    if lowered & lx.HOSPITAL_HEADS and head in {"group", "hospital", "hospitals", "clinic",
                                                "university", "college", "school"}:
        return EntityType.HOSPITAL
    if head in lx.HOSPITAL_HEADS:
        return EntityType.HOSPITAL
    if head == "committee":
        before = words[: words.index("committee")] if "committee" in words else []
        if set(before) & lx.GOVERNMENT_COMMITTEE_MODIFIERS:
            return EntityType.GOVERNMENT_BODY
        return EntityType.ORGANIZATION
    if head in {"center", "centre"}:
        before = words[: words.index(head)] if head in words else []
        if before and before[-1] in lx.VENUE_CENTER_MODIFIERS:
            return EntityType.VENUE
        return EntityType.ORGANIZATION
    joined = " ".join(words)
    if any(joined.endswith(body) for body in lx.STANDING_BODIES):
        return EntityType.GOVERNMENT_BODY  # "the 13th National People's Congress" sits, it is not held
    if head in lx.GOVERNMENT_HEADS or "government" in lowered:
        return EntityType.GOVERNMENT_BODY
    if head == "convention" and (len(words) > 1 and words[-1] in {"center", "centre"}):
        return EntityType.VENUE
    if head == "convention" and words[-1] == "convention" and words[0] not in {"framework", "un", "un's"}:
        return EntityType.EVENT  # "BIO International Convention" meets; "Convention on X" is signed
    if head in lx.AGREEMENT_HEADS:
        return EntityType.AGREEMENT
    if head in lx.EVENT_HEADS:
        return EntityType.EVENT
    if head in lx.VENUE_HEADS:
        return EntityType.VENUE
    if head in lx.PLACE_HEADS or head.endswith("-town"):
        return EntityType.PLACE
    if head in lx.ORGANIZATION_HEADS:
        return EntityType.ORGANIZATION
    if head in lx.COMPANY_HEADS or (words and words[0] in lx.KNOWN_COMPANIES) or joined in lx.KNOWN_COMPANIES:
        return EntityType.COMPANY  # "Pfizer", "Merck Serono": the name finder takes some for people
    return None


def proper_runs(sent: Any, ner_ends: set[int]) -> list[tuple[int, int]]:
    """Token spans [i, j) of capitalised runs joined by name connectors within a sentence."""
    runs: list[tuple[int, int]] = []
    toks = list(sent)
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        if not _capitalised(tok) or (tok.lower_ in _STOP_CAPS and tok.pos_ != "PROPN") or (
                tok.is_sent_start and tok.lower_ in _NO_NAME_START) or (
                tok.lower_ in lx.PEOPLE_NOUNS and i + 1 < n and toks[i + 1].lower_ in {"of", "from"}):
            # "Officials of the X Bureau": the people, not part of the body's name
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
            if t.text == "(":
                # "China (Taizhou) International Medical Expo", "Convention Center (Shanghai)":
                # a parenthesised place inside or closing a name (an acronym is not)
                close = next((k for k in range(j + 1, min(j + 5, n)) if toks[k].text == ")"), None)
                inner = toks[j + 1:close] if close else []
                if inner and all(_capitalised(x) for x in inner) and not (
                        len(inner) == 1 and is_acronym(inner[0].text)) and close is not None:
                    after = toks[close + 1] if close + 1 < n else None
                    if after is not None and _capitalised(after):
                        j = close + 1
                        continue
                    if type_by_head(toks[j - 1].text) is not None:
                        j = close + 1
                        last_good = j
                break
            if t.text in {"'s", "’s"}:
                left = " ".join(x.text for x in toks[i:j])
                if _capitalised(nxt) and (toks[j - 1].lower_ in _POSSESSIVE_NAME_WORDS or any(
                        x.lower_ in {"for", "on"} for x in toks[i + 1:j - 1])):
                    # "X Children's Hospital"; "Forum for Developing China's Hospitals": a
                    # possessive inside a name's complement
                    j += 1
                    continue
                if toks[j - 1].i + 1 in ner_ends or is_acronym(toks[j - 1].text) or (
                        toks[j - 1].ent_type_ in {"GPE", "LOC"} and type_by_head(toks[j - 1].text) is None) or (
                        left in lx.COUNTRIES or type_by_head(left) is not None):
                    break  # "MIIT's Center ...": a possessor, not part of the name
                if _capitalised(nxt):
                    j += 1
                    continue
                break
            if t.text in {"-", "&"} and (_capitalised(nxt) or (
                    nxt.is_lower and j + 2 < n and _capitalised(toks[j + 2]))):
                j += 1 if _capitalised(nxt) else 2
                if not _capitalised(toks[j - 1]):
                    last_good = j
                continue
            if t.text == "," and nxt.lower_.strip(".") in lx.LEGAL_SUFFIXES and _ends_legal(toks, j):
                j += 2  # "Acme Holding Group Co., Ltd.": the legal form is part of the name
                last_good = j
                continue
            if t.lower_ == "and" and nxt.lower_ in lx.ROLE_STARTERS:
                break  # "President of X and Academician of Y": two posts
            if t.lower_ == "and" and nxt.lower_ in lx.BUSINESS_NOUNS and _company_after(toks, j):
                j += 1  # "X Investment and Development Co., Ltd."
                continue
            if t.lower_ in lx.NAME_CONNECTORS:
                if t.lower_ == "the" and toks[j - 1].lower_ not in {"of", "for", "on"}:
                    break
                if t.lower_ == "to" and toks[j - 1].lower_ not in {"affiliated", "attached", "subordinate"}:
                    break  # "Hospital Affiliated to X" is one name; "Ambassador of X to China" is not
                if t.lower_ == "and" and (nxt.lower_ == "the" or (
                        _ends_with_head(toks[i:j]) and not _names_a_venue(toks, i, j))
                                          or not _joins_one_name(toks, i, j)):
                    break
                if t.lower_ in {"in", "at"} and (type_by_head(toks[j - 1].text) is not None
                                                 or toks[j - 1].i + 1 in ner_ends
                                                 or nxt.ent_type_ in {"GPE", "LOC"}):
                    break  # "Expo Center in Wuhan", "Summit on Robots in Hangzhou": a place after a name
                if _capitalised(nxt) or (nxt.lower_ == "the" and j + 2 < n
                                         and _capitalised(toks[j + 2])):
                    j += 1
                    continue
            break
        if last_good > i and last_good < n and toks[last_good].lower_ in lx.LOWER_PLACE_HEADS and \
                toks[last_good].is_lower and type_by_head(" ".join(x.text for x in toks[i:last_good])) is None:
            last_good += 1  # "Lakeside district", "Pine province": the place's own word
        if last_good > i and type_by_head(" ".join(x.text for x in toks[i:last_good])) in (None, EntityType.PLACE):
            last_good += _lower_body(toks, last_good)  # "the Lakeside municipal government"
        if last_good > i:
            runs.append((toks[i].i, toks[last_good - 1].i + 1))
        i = max(last_good, i + 1)
    return runs


_LOWER_BODY = re.compile(r"(?:(?:municipal|provincial|county|district|city|town|township|prefectural)\s+)?"
                         r"(?:people['’]s\s+)?(?:(?:health|commerce|education|investment\s+promotion|"
                         r"development\s+and\s+reform|science\s+and\s+technology)\s+)?"
                         r"(?:governments?|commission|bureau)\b")


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


def _joins_one_name(toks: list[Any], i: int, j: int) -> bool:
    """Whether "and" at ``j`` joins one name ("X Biomedicine and Health Industry Cooperation
    Forum", "Science and Technology Commission") rather than two ("BeiGene and Fosun",
    "MicroPort CardioFlow and Abbott"): the part after it ends in an event, body or venue head
    noun and the part before has no head of its own."""
    k = j + 1
    while k < len(toks) and (_capitalised(toks[k]) or toks[k].lower_ in {"of", "for", "on", "&", "-", "and"}
                             or toks[k].is_digit):
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
    if right_type is EntityType.HOSPITAL:  # "X Maternity and Infant Hospital": one shared head
        return left_type is None and k - j - 1 <= 2
    if left_type is EntityType.COMPANY and j - i >= 2 and toks[j + 1].lower_ not in lx.GENERIC_NAME_WORDS:
        return False  # "Pine Pharmaceutical and Lakeside Medical University": a name starts again
    return right_type in {EntityType.EVENT, EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION} and \
        left_type in (None, EntityType.AGREEMENT, EntityType.COMPANY)


def _ends_with_head(tokens: list[Any]) -> bool:
    """Whether a run so far already ends in a type-giving head noun (so "and" coordinates)."""
    if not tokens:
        return False
    w = tokens[-1].lower_
    return (w in lx.HOSPITAL_HEADS or w in lx.GOVERNMENT_HEADS or w in lx.EVENT_HEADS
            or w in lx.ORGANIZATION_HEADS or w in {"group", "co", "ltd", "inc", "district",
                                                    "town", "city", "province", "county"}
            or w == "committee")


def find_names(doc: Any, split: Callable[[list[Name]], list[Name]] | None = None) -> list[Name]:
    """Every name in the document, longest-first and non-overlapping.

    ``split`` may cut the chosen names into parts before the last checks (the titles layer
    splits "Acme Hospital President Li Na" into a hospital and a person there).
    """
    ents = list(doc.ents)  # the property walks every token each time: read it once
    ner_ends = {e.end for e in ents}
    candidates: list[Name] = []
    for sent in doc.sents:
        for i, j in proper_runs(sent, ner_ends):
            span = doc[i:j]
            text = span.text
            if j - i == 1 and span[0].pos_ != "PROPN" and not is_acronym(text) and not any(
                    e.start <= i < e.end for e in ents):
                continue  # a capitalised common word opening a sentence
            candidates.append(Name(span.start_char, span.end_char, text, type_by_head(text)))
    taken = [False] * (len(doc.text) + 1)
    names: list[Name] = []
    for ent in ents:
        if ent.label_ not in _NER_TYPES:
            continue
        start, end = ent.start, ent.end
        while start < end and doc[start].lower_ in {"the", "a", "an", "this", "that"}:
            start += 1
        while start < end and (doc[start].is_punct or _ORDINAL_OR_YEAR.fullmatch(doc[start].text)):
            start += 1  # "the 14th X", "the 2023 X": the edition marker is not part of the name
        for k in range(start, end):
            if doc[k].text in {"(", "[", '"'} or (k > start and doc[k].lower_ in lx.HEADLINE_VERBS
                                                   and doc[k].text[:1].isupper()):
                end = k  # "Acme Showcases AI Tools": a headline's verb ends the NER's span
                break
        while end > start and (doc[end - 1].text in {"'s", "’s"} or doc[end - 1].is_punct):
            end -= 1
        if start >= end:
            continue
        span = doc[start:end]
        if "," in span.text or ";" in span.text:
            continue  # a list the NER took for one name ("A, B and C")
        cover = next((c for c in candidates if c.start <= span.start_char and span.end_char <= c.end
                      and (c.type is not None or c.end - c.start > span.end_char - span.start_char)),
                     None)
        if cover is not None:
            cover.ner = cover.ner or ent.label_
            continue
        overlapping = [c for c in candidates if c.start < span.end_char and span.start_char < c.end]
        if overlapping and all(c.type is not None for c in overlapping):
            continue
        for c in overlapping:
            candidates.remove(c)
        typed = type_by_head(span.text) or _NER_TYPES[ent.label_]
        candidates.append(Name(span.start_char, span.end_char, span.text, typed, ent.label_))
    candidates += _spelled_and(doc.text, candidates)
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if any(taken[c.start:c.end]):
            continue
        for k in range(c.start, c.end):
            taken[k] = True
        names.append(c)
    names.sort(key=lambda c: c.start)
    names = [part for n in names for part in _country_apart(n)]
    if split is not None:
        names = split(names)
    quoted = [(q.start(1), q.end(1)) for q in _QUOTED.finditer(doc.text)]
    text = doc.text
    return [n for n in names if _plausible(n) and not _inside_a_title(n, quoted, text)
            and not (head_word(n.text) in lx.ROLE_WORDS and n.ner != "PERSON")  # "Chief Executive of X"
            and not re.match(r"-[a-z]", text[n.end:n.end + 2])]  # "State-owned", "Beijing-based"


def _spelled_and(text: str, candidates: list[Name]) -> list[Name]:
    """"A and B China" where the text also writes the name "A & B China": the same name, not
    two (the longer span wins the choice of names)."""
    out: list[Name] = []
    for c in candidates:
        if " & " not in c.text or len(c.text) > 120:
            continue
        pattern = re.escape(c.text).replace(r"\ \&\ ", r"\s+and\s+")
        for m in re.finditer(r"(?<![\w-])" + pattern + r"(?![\w-])", text):
            out.append(Name(m.start(), m.end(), m.group(0), c.type, c.ner))
    return out


# Heads of bodies that a country after "of" only locates ("Rivera Health System of Spain");
# "Embassy of Spain", "University of X" and "Bank of China" keep theirs.
_LOCATED_BY_COUNTRY = frozenset({"system", "group", "hospital", "company", "corporation", "clinic",
                                 "pharma", "pharmaceuticals", "healthcare", "inc", "ltd", "ag"})


def _country_apart(n: Name) -> list[Name]:
    """"X Health System of Spain" -> the body and the country, two names; "Lakeside District
    of Hangzhou" -> the district and its city.

    >>> [x.text for x in _country_apart(Name(0, 29, "Rivera Health System of Spain", None))]
    ['Rivera Health System', 'Spain']
    >>> [x.text for x in _country_apart(Name(0, 29, "Lakeside District of Hangzhou", None))]
    ['Lakeside District', 'Hangzhou']
    """
    p = re.fullmatch(r"(?P<a>.+?\s(?:District|County|Town|Township|Village|Subdistrict|New\s+Area))\s+of\s+"
                     r"(?P<b>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?:\s+(?:City|Province|Municipality))?)", n.text)
    if p and type_by_head(p.group("b")) in (None, EntityType.PLACE):
        return [Name(n.start, n.start + len(p.group("a")), p.group("a"), EntityType.PLACE),
                Name(n.start + p.start("b"), n.end, p.group("b"), EntityType.PLACE)]
    m = re.fullmatch(r"(?P<body>.+?)\s+of\s+(?:the\s+)?(?P<c>[A-Z][\w .]+)", n.text)
    if not m or m.group("c") not in lx.COUNTRIES or m.group("c") == "China" or \
            m.group("body").split()[-1].lower() not in _LOCATED_BY_COUNTRY:
        return [n]
    body = m.group("body")
    return [Name(n.start, n.start + len(body), body, type_by_head(body)),  # the NER labelled the whole
            Name(n.start + m.start("c"), n.end, m.group("c"), EntityType.PLACE)]


def _inside_a_title(name: Name, quoted: list[tuple[int, int]], text: str) -> bool:
    """Words inside quotation marks are a title, topic or slogan ("Global Development of
    Medical Diagnostic Products and China's Role"), unless the quote is just the name itself
    (an "International Pharmaceutical Innovation Park (Bio-Park)")."""
    for start, end in quoted:
        if start <= name.start and name.end <= end:
            rest = re.sub(r"\s*\([^)]*\)\s*$", "", text[name.end:end]).strip(" ,.")
            return bool(text[start:name.start].strip()) or bool(rest)
    return False


def _plausible(name: Name) -> bool:
    words = name.words
    if not words:
        return False
    if all(w.lower().strip(",.") in lx.GENERIC_AGREEMENT_WORDS for w in words):
        return False  # "Strategic Cooperation Agreement" in a title-case headline is a kind, not a name
    if len(words) == 1 and (words[0].lower() in _STOP_CAPS or words[0].lower() in _GENERIC_SINGLE
                            or words[0].lower() in lx.EVENT_HEADS):
        return False
    if len(words) == 1 and words[0].lower() in lx.DEMONYMS and not words[0].isupper():
        return False  # "Kazakh drugmaker X": an adjective, not the country
    if name.ner == "NORP" and name.type is None and (
            name.text.lower() in lx.DEMONYMS or name.text.lower().endswith(("ese", "ian", "ish"))):
        return False
    return not all(w.lower() in _STOP_CAPS for w in words)


def initials_match(acronym: str, name: str) -> bool:
    """Whether ``acronym`` spells the initials of ``name``: every capitalised word must give
    its initial; small words ("in", "for") may.

    >>> initials_match("CIIE", "China International Import Expo")
    True
    """
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isalpha()]
    letters = acronym.upper()

    def go(i: int, j: int) -> bool:
        if i == len(letters):
            return all(not words[k][0].isupper() for k in range(j, len(words)))
        if j == len(words):
            return False
        w = words[j]
        if w[0].upper() == letters[i] and go(i + 1, j + 1):
            return True
        return not w[0].isupper() and go(i, j + 1)

    return len(words) >= 2 and go(0, 0)
