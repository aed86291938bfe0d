"""Finding names in a parsed article and typing them by their head noun.

The statistical NER misses long event names, splits "... for Asia" names and mistypes short
company names; so names come from two sources: runs of capitalised tokens joined by name
connectors ("of", "for", "and", "&", hyphens), and the NER's spans. A name's type comes from
its head noun ("... Hospital", "... Commission", "... Forum"), then from the NER label, then
from the list it stands in ("companies like ..."). Runs are :mod:`kg.extract.runs`, heads
:mod:`kg.extract.heads`; this module chooses among the candidates.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kg.extract import lexicon as lx
from kg.extract.capitals import LAUREATES, POSSESSIVE_NAME_WORDS, STOP_CAPS
from kg.extract.dates import ordinal_value
from kg.extract.heads import head_word, is_acronym, type_by_head
from kg.extract.runs import proper_runs
from kg.records import EntityType

_NER_TYPES = {
    "PERSON": EntityType.PERSON, "GPE": EntityType.PLACE, "LOC": EntityType.PLACE,
    "ORG": None, "FAC": None, "EVENT": EntityType.EVENT, "NORP": None,
    "WORK_OF_ART": None, "PRODUCT": None,
}
# Capitalised single words that are never a name on their own.
# a head word alone, capitalised by a sentence start ("Bureau chief Liu Yang"): no name ("County"
# stays: "County Party Secretary X" is the story's county)
_GENERIC_SINGLE = frozenset({"party", "government", "ministry", "hospital", "forum", "fair", "mou", "mous",
                             "moa", "moas", "loi", "committee", "commission", "bureau", "department",
                             "office", "zone", "park", "university", "college", "company",
                             "grade", "class", "tier", "level",  # "a Grade-A hospital": a rank
                             # a kind of agreement opening a sentence ("Memorandums of understanding were")
                             "memorandum", "memorandums", "memoranda", "agreement", "agreements", "contracts",
                             "deals", "pacts"})
# the links a site's header or footer shows, capitalised like names
_PAGE_LINKS = frozenset({"contact us", "about us", "join us", "follow us", "email us", "site map", "sitemap",
                         "sign in", "log in", "login", "sign up", "subscribe", "print", "share", "search",
                         "font size", "back to top", "read more"})
_QUOTED = re.compile(r"[\"“]([^\"”\n]{1,240})[\"”]")
_ORDINAL_OR_YEAR = re.compile(
    r"\d+(?:st|nd|rd|th)|(?:19|20)\d\d|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|twentieth", re.I)


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


def find_names(doc: Any, split: Callable[[list[Name]], list[Name]] | None = None) -> list[Name]:
    """Every name in the document, longest-first and non-overlapping.

    ``split`` may cut the chosen names into parts before the last checks (the titles layer
    splits "Acme Hospital President Li Na" into a hospital and a person there).
    """
    ents = list(doc.ents)  # the property walks every token each time: read it once
    whole = doc.text  # so does this one
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
    taken = [False] * (len(whole) + 1)
    names: list[Name] = []
    for ent in ents:
        if ent.label_ not in _NER_TYPES:
            continue
        start, end = ent.start, ent.end
        while start < end and doc[start].lower_ in {"the", "a", "an", "this", "that"}:
            start += 1
        while start < end and (doc[start].is_punct or _ORDINAL_OR_YEAR.fullmatch(doc[start].text)
                               or (doc[start].lower_.strip(".") in lx.HONORIFICS and end - start > 2)):
            start += 1  # "the 14th X", "the 2023 X": the edition marker is not part of the name; nor
            # is an honorific the NER took in ("Dato' Ng Boon Hock")
        for k in range(start, end):
            if doc[k].text in {"(", "[", '"'} or (k > start and doc[k].lower_ in lx.HEADLINE_VERBS
                                                   and doc[k].text[:1].isupper()):
                end = k  # "Acme Showcases AI Tools": a headline's verb ends the NER's span
                break
        while end > start and (doc[end - 1].text in {"'s", "’s"} or doc[end - 1].is_punct):
            if end - start > 2 and doc[end - 2].lower_ in POSSESSIVE_NAME_WORDS and doc[end - 1].text != ".":
                break  # "Lakeside Children's": a hospital's short name
            end -= 1
        if start >= end or (end < len(doc) and doc[end].lower_ in LAUREATES):
            continue  # "Nobel laureate X": a description of X
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
    candidates += _spelled_and(whole, candidates)
    candidates += _joined_event_names(whole, candidates)
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if any(taken[c.start:c.end]):
            continue
        for k in range(c.start, c.end):
            taken[k] = True
        names.append(c)
    names.sort(key=lambda c: c.start)
    names = [part for n in names for part in _country_apart(n)]
    names = [part for n in names for part in _possessor_apart(n, whole)]
    names = [part for n in names for part in _ampersand_apart(n)]
    if split is not None:
        names = split(names)
    quoted = [(q.start(1), q.end(1)) for q in _QUOTED.finditer(whole)]
    names = [_ordinal_apart(_before_describing(n, whole)) for n in names]
    return [n for n in names if _plausible(n) and not _inside_a_title(n, quoted, whole)
            and not (lx.is_role_word(head_word(n.text)) and n.ner != "PERSON")  # "Chief Executive of X"
            and not re.match(r"-[a-z]", whole[n.end:n.end + 2])]  # "State-owned", "Beijing-based"


_DASH = re.compile(r"\s+[–—-]\s+$")
_LEFT_OF_DASH = re.compile(r"(?:^|(?<=[\s(]))((?:[A-Z][\w'’.&-]*\s+(?:(?:in|of|for|and|the)\s+)?){0,5}"
                           r"[A-Z][\w'’.&-]*)$")


def _ordinal_apart(n: Name) -> Name:
    """"Fourth Pine Device Forum opens": an event's capitalised ordinal marks an edition (as "the
    fourth Pine Device Forum" does), it is no word of the series' name."""
    first, _, rest = n.text.partition(" ")
    if not (first.istitle() and first.isalpha() and ordinal_value(first)) or len(rest.split()) < 2 or \
            type_by_head(n.text) is not EntityType.EVENT:
        return n
    return Name(n.end - len(rest), n.end, rest, n.type, n.ner)


def _joined_event_names(text: str, candidates: list[Name]) -> list[Name]:
    """Event names written in two parts: "Invest in Pine – Biomedicine Week" (a campaign's
    name, a dash, the event) and "\"Healthy Pine\" Action Conference" (a quoted slogan before
    the event's words). The finder sees two names; the event is one, spanning both."""
    out: list[Name] = []
    for c in candidates:
        if c.type is not EntityType.EVENT and type_by_head(c.text) is not EntityType.EVENT:
            continue
        before = text[max(0, c.start - 80):c.start]
        dash = _DASH.search(before)
        if dash:
            left = _LEFT_OF_DASH.search(before[: dash.start()])
            if left:
                words = left.group(1)
                if words.split()[0] in {"The", "A", "An"}:
                    words = words.split(" ", 1)[1] if " " in words else ""
                if words:
                    start = c.start - (len(before) - dash.start()) - len(words)
                    out.append(Name(start, c.end, text[start:c.end], EntityType.EVENT))
            continue
        quote = re.search(r"[\"“]([A-Z][^\"”\n]{1,60})[\"”]\s+$", before)
        if quote:
            start = c.start - (len(before) - quote.start())
            out.append(Name(start, c.end, text[start:c.end], EntityType.EVENT))
    return out


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
                                 "pharma", "pharmaceuticals", "healthcare", "inc", "ltd", "ag",
                                 # "Norvak Health AB of Sweden": foreign legal forms
                                 "ab", "gmbh", "a/s", "as", "oy", "bv", "nv", "spa", "s.p.a.", "srl", "kk",
                                 "plc", "llc", "sa", "corp"})


# what a whole name ends with, so that "&" after it starts another name
_WHOLE_END = frozenset({*lx.LEGAL_SUFFIXES, "bureau", "committee", "commission", "government", "hospital",
                        "university", "group", "association", "institute", "administration", "council",
                        "chamber", "federation", "society", "alliance", "foundation", "academy", "college",
                        "valley", "park", "zone"})


def _ampersand_apart(n: Name) -> list[Name]:
    """"X Park Administration Bureau & Y Group Co., Ltd.": two whole names joined by "&" in a
    list line are two names; "Harlan & Harlan", "A Pharmaceutical & Healthcare Council" stay one.

    >>> [x.text for x in _ampersand_apart(Name(0, 42, "Pine Park Bureau & Oak Health Group Co., Ltd.", None))]
    ['Pine Park Bureau', 'Oak Health Group Co., Ltd.']
    >>> [x.text for x in _ampersand_apart(Name(0, 15, "Harlan & Harlan", None))]
    ['Harlan & Harlan']
    """
    cut = n.text.find(" & ")
    if cut < 0:
        return [n]
    left, right = n.text[:cut], n.text[cut + 3:]
    if left.split()[-1].strip(".,").lower() not in _WHOLE_END or len(right.split()) < 2 or \
            type_by_head(right) is None or not right[:1].isupper():
        return [n]
    return [Name(n.start, n.start + cut, left, type_by_head(left)),
            *_ampersand_apart(Name(n.start + cut + 3, n.end, right, type_by_head(right), n.ner))]


def _before_describing(n: Name, text: str) -> Name:
    """"the X Committee and Basel-based Swiss drugmaker Y": the run ran into a place that
    describes the next name ("Basel-based"); the name ends before its "and".

    >>> text = "between Oak Committee and Basel-based firm Y"
    >>> _before_describing(Name(8, 31, "Oak Committee and Basel", None), text).text
    'Oak Committee'
    """
    cut = n.text.rfind(" and ")
    if cut < 0 or not re.match(r"-(?:based|headquartered|listed|owned|funded|backed)\b", text[n.end:n.end + 14]):
        return n
    head = n.text[:cut]
    return Name(n.start, n.start + len(head), head, type_by_head(head), n.ner)


def _possessor_apart(n: Name, text: str) -> list[Name]:
    """"the X Park of Hefei's Y Zone": the place after "of" owns the next name, so it ends the
    first one ("X Park" lies in "Hefei's Y Zone").

    >>> text = "the Pine Park of Lakeside's Oak Zone"
    >>> [x.text for x in _possessor_apart(Name(4, 25, "Pine Park of Lakeside", None), text)]
    ['Pine Park', 'Lakeside']
    """
    m = re.fullmatch(r"(?P<a>.+?)\s+of\s+(?P<b>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)", n.text)
    if m is None or not re.match(r"['’]s\s+[A-Z]", text[n.end:n.end + 4]) or type_by_head(m.group("b")) not in (
            None, EntityType.PLACE) or type_by_head(m.group("a")) not in (EntityType.PLACE, EntityType.VENUE):
        return [n]
    a = m.group("a")
    return [Name(n.start, n.start + len(a), a, type_by_head(a)),
            Name(n.start + m.start("b"), n.end, m.group("b"), EntityType.PLACE)]


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
    acronym = len(words) == 1 and len(words[0]) >= 3 and words[0].isupper()  # "WHO" is no "who"
    if len(words) == 1 and ((words[0].lower() in STOP_CAPS and not acronym) or words[0].lower() in _GENERIC_SINGLE
                            or words[0].lower() in lx.EVENT_HEADS):
        return False
    if name.text.lower() in _PAGE_LINKS:
        return False  # "Hospital Name | English | Contact Us": a site's links, no name
    if " ".join(w.lower() for w in words if not _ORDINAL_OR_YEAR.fullmatch(w)) in lx.HOLIDAYS:
        return False  # "this year's Dragon Boat Festival": a holiday, no event
    if len(words) == 1 and _ORDINAL_OR_YEAR.fullmatch(words[0].strip("()")):
        return False  # "the 2023 (Fifth) X": an edition's ordinal
    if len(words) == 1 and words[0].lower() in lx.FIELD_WORDS and not words[0].isupper():
        return False  # "Science, Health & Sports Committee": a field inside a name
    if len(words) == 1 and words[0].lower() in lx.DEMONYMS and not words[0].isupper():
        return False  # "Kazakh drugmaker X": an adjective, not the country
    if name.ner == "NORP" and name.type is None and (
            name.text.lower() in lx.DEMONYMS or name.text.lower().endswith(("ese", "ian", "ish"))):
        return False
    return acronym or not all(w.lower() in STOP_CAPS for w in words)
