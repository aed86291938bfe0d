"""Runs of capitalised words that may be one name: "Acme Holding Group Co., Ltd.", "China
(Pinecity) International Medical Expo", "Lakeside District government". The run decides where a
name starts and ends (connectors such as "of", "and", "&", hyphens; brackets; legal suffixes;
lower-case government words); what the name is, the name finder decides (:mod:`kg.extract.mentions`).
"""

from __future__ import annotations

import re
from typing import Any

from kg.extract import lexicon as lx
from kg.extract.capitals import LAUREATES, NO_NAME_START, PARTICLES, POSSESSIVE_NAME_WORDS, STOP_CAPS, capitalised
from kg.extract.heads import is_acronym, type_by_head
from kg.extract.run_joins import (
    committee_of,
    company_after,
    ends_legal,
    ends_with_head,
    joins_one_name,
    lower_body,
    names_a_venue,
    post_word,
)
from kg.records import EntityType


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
            return after is None or not capitalised(after)
    return False


# heads of a zone's name that a city's name may follow with "of"
_ZONE_HEADS = lx.ZONE_HEADS | {"harbor", "harbour", "town"}


def _zone_of_city(toks: list[Any], i: int, j: int) -> bool:
    """Whether toks[i:j] is a zone's or park's name of two words at least and "of" (at j) goes on
    with one or two capitalised words that end the name ("Jinhe Economic Development Zone of
    Linyi"): the city that locates it, not part of its name."""
    if j - i < 2 or toks[j - 1].lower_ not in _ZONE_HEADS:
        return False
    k = j + 1
    while k < len(toks) and k < j + 3 and capitalised(toks[k]) and toks[k].is_alpha:
        k += 1
    if k == j + 1 or (k < len(toks) and (capitalised(toks[k]) or toks[k].lower_ in {"and", "of", "&", "'s", "’s"})):
        return False
    return type_by_head(" ".join(t.text for t in toks[j + 1:k])) is None


def _surname_he(toks: list[Any], i: int) -> bool:
    """"He Jun, director of X": the common surname He, not the pronoun, when a capitalised given
    name follows (a pronoun is followed by a verb, never by a name)."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return toks[i].text == "He" and nxt is not None and capitalised(nxt) and nxt.is_alpha and \
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
        named = _surname_he(toks, i) or (tok.lower_ in STOP_CAPS and capitalised(tok))  # "He Jun", "WHO"
        if (not capitalised(tok) and not named) or (
                tok.lower_ in STOP_CAPS and tok.pos_ != "PROPN" and not named) or (
                tok.is_sent_start and tok.lower_ in NO_NAME_START) or _fronted_participle(toks, i) or (
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
            if j + 2 < n and toks[j + 1].text == "/" and f"{t.lower_}/{toks[j + 2].lower_}" in lx.LEGAL_SUFFIXES:
                j += 3  # "Skovlund Audio A/S" read as "A", "/", "S": a legal form
                last_good = j
                continue
            if capitalised(t) or (t.text[:1].isupper() and t.ent_type_ == "PERSON") or (
                    t.is_digit and len(t.text) < 4 and capitalised(toks[j - 1])) or (
                    re.fullmatch(r"\d+(?:\.\d+)?", t.text) and toks[j - 1].lower_ in lx.VENUE_HEADS):
                j += 1
                last_good = j
                continue
            nxt = toks[j + 1] if j + 1 < n else None
            if nxt is None:
                break
            if t.text == "Home" and capitalised(nxt) and capitalised(toks[j - 1]):
                j += 1  # "Acme Smart Home Care Co.": a page's "Home" link is no word inside a name
                continue
            if t.text == "." and toks[j - 1].text in {"No", "NO"} and nxt.like_num:
                j += 2  # "Pine No. 6 People's Hospital"
                continue
            if t.text == "." and toks[j - 1].lower_ in lx.LEGAL_SUFFIXES and nxt.lower_.strip(".") in \
                    lx.LEGAL_SUFFIXES and capitalised(nxt):
                j += 1  # "Acme Pte. Ltd.": one legal form in two words
                continue
            if t.text == "(":
                # "China (Pinecity) International Medical Expo", "Convention Center (Shanghai)":
                # a parenthesised place inside or closing a name (an acronym is not)
                close = next((k for k in range(j + 1, min(j + 5, n)) if toks[k].text == ")"), None)
                inner = toks[j + 1:close] if close else []
                if inner and all(capitalised(x) for x in inner) and not (
                        len(inner) == 1 and is_acronym(inner[0].text)) and close is not None:
                    after = toks[close + 1] if close + 1 < n else None
                    if after is not None and capitalised(after):
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
            if t.text in {"'", "’"} and toks[j - 1].lower_.endswith("s") and capitalised(nxt) and \
                    type_by_head(nxt.text) is not None:
                j += 1  # "Healthcare Traders' Council", "Workers' Hospital": a plural possessive inside
                continue
            if t.text in {"'s", "’s"}:
                left = " ".join(x.text for x in toks[i:j])
                if capitalised(nxt) and (toks[j - 1].lower_ in POSSESSIVE_NAME_WORDS or any(
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
                if capitalised(nxt):
                    j += 1
                    continue
                break
            after_amp = t.text == "&" and nxt.text[:1].isupper() and nxt.lower_ not in STOP_CAPS
            if t.text == "-" and toks[j - 1].lower_ == "state" and nxt.lower_ == "owned" and not t.whitespace_ \
                    and j + 2 < n and capitalised(toks[j + 2]):
                j += 2  # "X State-owned Capital Holding Group": one name
                continue
            glued = t.text == "-" and not toks[j - 1].whitespace_ and not t.whitespace_ and nxt.is_lower \
                and nxt.lower_ not in _DESCRIBING and not re.search(r"(?:ed|ing)$", nxt.lower_)  # not "China-situated"
            if glued and j + 3 < n and toks[j + 2].lower_ in {"on", "of", "for"} and capitalised(toks[j + 3]):
                j += 2  # "Sub-forum on Cross-border Nursing": the name goes on after its head
                last_good = j
                continue
            if glued and not (j + 2 < n and capitalised(toks[j + 2])):
                j += 2  # "X Sub-forum will ...": the hyphenated word ends the name
                last_good = j
                break
            if t.text in {"-", "&"} and (capitalised(nxt) or after_amp or (
                    nxt.is_lower and j + 2 < n and capitalised(toks[j + 2]) and nxt.lower_ not in _DESCRIBING)):
                # "Harwick & Partners Ltd.": after "&" a capitalised word is the name's, even one
                # that is a headline's verb elsewhere ("X Partners With Y")
                j += 2 if after_amp and not capitalised(nxt) else 1 if capitalised(nxt) else 2
                if not capitalised(toks[j - 1]):
                    last_good = j
                continue
            if t.text == "," and nxt.lower_.strip(".") in lx.LEGAL_SUFFIXES and ends_legal(toks, j):
                j += 2  # "Acme Holding Group Co., Ltd.": the legal form is part of the name
                last_good = j
                continue
            if t.text in PARTICLES and (capitalised(nxt) or (
                    nxt.text in PARTICLES and j + 2 < n and capitalised(toks[j + 2]))):
                j += 1 if capitalised(nxt) else 2  # "Hendrik van der Berg", "Ahmed bin Said"
                continue
            if t.lower_ == "and" and nxt.lower_ in lx.ROLE_STARTERS:
                break  # "President of X and Academician of Y": two posts
            if t.lower_ == "and" and j + 2 < n and toks[j + 2].text in {"'s", "’s"} and \
                    nxt.lower_ not in POSSESSIVE_NAME_WORDS:
                break  # "A's School of Nursing and B's Faculty": two bodies ("Women and Children's" is one)
            if t.lower_ == "and" and nxt.lower_ in lx.BUSINESS_NOUNS and company_after(toks, j):
                j += 1  # "X Investment and Development Co., Ltd."
                continue
            if t.lower_ in lx.NAME_CONNECTORS:
                if t.lower_ == "of" and _person_before_of(toks[i:j]):
                    break  # "Helen Ward of Ashford University": a person and her body
                if t.lower_ == "of" and _company_of_country(toks, i, j):
                    break  # "Ovena Diagnostics of France": a company and its country
                if t.lower_ == "of" and _zone_of_city(toks, i, j):
                    break  # "Jinhe Economic Development Zone of Linyi": a zone and its city
                if t.lower_ == "the" and toks[j - 1].lower_ not in {"of", "for", "on"}:
                    break
                if t.lower_ == "to" and toks[j - 1].lower_ not in {"affiliated", "attached", "subordinate"}:
                    break  # "Hospital Affiliated to X" is one name; "Ambassador of X to China" is not
                fixed = f"{toks[j - 1].lower_} and {nxt.lower_}" in lx.AND_NAMES
                if t.lower_ == "and" and toks[j - 1].ent_type_ == "PERSON" and (
                        post_word(nxt) or nxt.ent_type_ == "PERSON"):
                    break  # "... Bureau of Commerce Tian Guo and Executive Vice Mayor Hou Jian": two people
                if t.lower_ == "and" and not fixed and (nxt.lower_ == "the" or (
                        ends_with_head(toks[i:j]) and not names_a_venue(toks, i, j))
                                          or not joins_one_name(toks, i, j)):
                    break
                if t.lower_ in {"in", "at"} and (type_by_head(toks[j - 1].text) is not None
                                                 or toks[j - 1].i + 1 in ner_ends
                                                 or nxt.ent_type_ in {"GPE", "LOC"}):
                    break  # "Expo Center in Lakeside", "Summit on Robots in Hangzhou": a place after a name
                if capitalised(nxt) or (nxt.lower_ == "the" and j + 2 < n
                                         and capitalised(toks[j + 2])):
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
            last_good += lower_body(toks, last_good)  # "the Lakeside municipal government"
        if last_good > i:
            runs.append((toks[committee_of(toks, i, last_good)].i, toks[last_good - 1].i + 1))
        i = max(last_good, i + 1)
    return runs
