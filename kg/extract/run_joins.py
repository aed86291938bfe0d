"""Where a run of capitalised words goes on past a connector or stops: whether "and" joins one
name ("Science and Technology Commission") or two ("Acme Bio and Nordic Pharma"), whether a comma
is a legal form's ("X Group Co., Ltd."), and where a body named in lower case begins or ends
("the management committee of the Pine Zone", "the Lakeside District government").
"""

from __future__ import annotations

import re
from typing import Any

from kg.extract import lexicon as lx
from kg.extract.capitals import capitalised
from kg.extract.heads import head_word, initials_match, is_acronym, type_by_head
from kg.records import EntityType

_COMMITTEE_WORDS = frozenset({"management", "administrative", "administration"})


def committee_of(toks: list[Any], i: int, j: int) -> int:
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


def lower_body(toks: list[Any], j: int) -> int:
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


def ends_legal(toks: list[Any], j: int) -> bool:
    """Whether the run before the comma at ``j`` ends in a company word ("Group Co", "Pharma")."""
    return toks[j - 1].lower_.strip(".") in lx.LEGAL_SUFFIXES or type_by_head(toks[j - 1].text) is EntityType.COMPANY


def company_after(toks: list[Any], j: int) -> bool:
    """Whether the capitalised words after "and" at ``j`` end in a legal form ("... Co., Ltd")."""
    k = j + 1
    while k < len(toks) and k < j + 5 and capitalised(toks[k]):
        if toks[k].lower_.strip(".") in lx.LEGAL_SUFFIXES:
            return True
        k += 1
    return False


def names_a_venue(toks: list[Any], i: int, j: int) -> bool:
    """"Hall 7.1 of the National Exhibition and Convention Center": the part after "and" ends a
    venue's name, which the event word before it belongs to."""
    k = j + 1
    while k < len(toks) and (capitalised(toks[k]) or toks[k].text in {"-", "&"}):
        k += 1
    return type_by_head(" ".join(t.text for t in toks[j + 1:k])) is EntityType.VENUE


def post_word(tok: Any) -> bool:
    """A word that opens a post's title ("Executive", "Vice", "Deputy", "Mayor")."""
    w = tok.lower_
    return lx.is_role_word(w) or w in lx.ROLE_MODIFIERS or w in {"vice", "executive", "deputy", "party"}


def joins_one_name(toks: list[Any], i: int, j: int) -> bool:
    """Whether "and" at ``j`` joins one name ("X Biomedicine and Health Industry Cooperation
    Forum", "Science and Technology Commission") rather than two ("Acme Bio and Nordic
    Pharma", "Pine Valve and Harbor Devices"): the part after it ends in an event, body or venue head
    noun and the part before has no head of its own."""
    if j + 1 < len(toks) and (toks[j - 1].lower_, toks[j + 1].lower_) in lx.PAIRED_NAME_WORDS:
        return True  # "X Science and Technology Investment Group": a fixed pair inside one name
    k = j + 1
    while k < len(toks) and (capitalised(toks[k]) or toks[k].lower_ in {"of", "for", "on", "&", "-", "and"}
                             or toks[k].is_digit or (toks[k].text in {"'", "’"} and toks[k - 1].lower_.endswith("s"))):
        if toks[k].lower_ == "and" and type_by_head(" ".join(t.text for t in toks[j + 1:k])) is not None:
            break  # "... Management Committee and Wujin Investment Group": the next name begins
        k += 1
    if 2 <= k - j - 1 <= 3 and all(t.ent_type_ == "PERSON" for t in toks[j + 1:k]) and \
            type_by_head(" ".join(t.text for t in toks[j + 1:k])) is None:
        return False  # "Vice Mayor of Pinghu Zhao Jun and Qian Hong, Director of ...": a person next
    right_alone = k == j + 2 and is_acronym(toks[j + 1].text) and toks[j + 1].text.isupper()
    if right_alone or (j - i == 1 and is_acronym(toks[i].text) and toks[i].text.isupper() and type_by_head(
            " ".join(t.text for t in toks[j + 1:k])) in lx.ORG_TYPES):
        return False  # "the Bureau of Commerce and PTCA", "PVA and Lakeside University": an acronym is a name
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


def ends_with_head(tokens: list[Any]) -> bool:
    """Whether a run so far already ends in a type-giving head noun (so "and" coordinates)."""
    if not tokens:
        return False
    w = tokens[-1].lower_
    return (w in lx.HOSPITAL_HEADS or w in lx.GOVERNMENT_HEADS or w in lx.EVENT_HEADS
            or w in lx.ORGANIZATION_HEADS or w in {"group", "co", "ltd", "inc", "district",
                                                    "town", "city", "province", "county"}
            or w == "committee")
