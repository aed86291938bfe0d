"""Signings set out as a list under a lead line, as local portals and park newsrooms write them.

"... signed investment agreements with the X Management Committee. Key projects include:" and
then one line per project ("1. Drug base - Acme Co., Ltd. - 3.2 billion yuan", a table row
"2 | Hearing aids | Acme Co. | 3.5"): each line's firm signed with X. "12 agreements were signed,
including:" and one line per pair ("- Acme Group / X Zone Management Committee: drug park"):
each line is the agreement of its pair, of the kind the line names if it names one.
"""

from __future__ import annotations

import re
from itertools import pairwise

from kg.extract import lexicon as lx
from kg.extract.heads import type_by_head
from kg.extract.rules.families.agreements.kinds import KIND, kind_of
from kg.extract.rules.families.agreements.records import agreement, event_for_agreement
from kg.extract.rules.patterns import HAS_SIGN, E, compiled
from kg.extract.rules.sentence import Sentence
from kg.records import EntityType

# a list line: "1. ...", "- ...", "• ...", or a table row with cells set apart by bars
_ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[.)、]\s|[-•·*▪]\s|\d{1,2}\s*\|)|\|.*\|")
# the body each listed firm signed with: "signed ... with the X", "between the X and the following"
_WITH = re.compile(r"\b(?:with|between)\s+(?:the\s+)?(?P<b>" + E + ")")
_SIGNERS = (*lx.ORG_TYPES, EntityType.PLACE)
_KIND = compiled(KIND, re.I)


def listed(s: Sentence) -> bool:
    """Read the list under this lead sentence (it ends with a colon); whether it gave agreements."""
    if not s.sent.text.rstrip().endswith((":", "：")):
        return False
    leads = [s] + ([s.r.sentence(s.index - 1, s.r.sents[s.index - 1])] if s.index else [])
    if not any(HAS_SIGN.search(x.sent.text) for x in leads):
        return False
    kind_m = next((m for x in leads if (m := _KIND.search(x.ph))), None)
    kind = kind_of(s, kind_m.group("kind")) if kind_m else "agreement"
    with_b = next(((x, m) for x in leads for m in _WITH.finditer(x.ph)
                   if x.typ(x.key(m.group("b"))) in _SIGNERS), None)
    counterpart = with_b[0].key(with_b[1].group("b")) if with_b else None
    event = event_for_agreement(s, 0)
    found = False
    lines = _item_lines(s)
    columns = _header(s, lines[0]) if lines else None
    signer = _lead_signer(s, leads)
    if columns is not None:  # "Project | Investor | Signed with": each row's cells under those heads
        for start, end in lines[1:]:
            table_sides = _row_sides(s, columns, start, end, counterpart or signer)
            if table_sides is not None:
                own = _KIND.search(s.r.text[start:end])
                agreement(s, kind_of(s, own.group("kind")) if own else kind, table_sides, event)
                found = True
        if found:
            return True
    for start, end in lines:
        keys = [m.key for m in sorted(s.r.mentions, key=lambda m: m.start) if start <= m.start < end]
        line = s.r.text[start:end]
        own = _KIND.search(line)
        line_kind = kind_of(s, own.group("kind")) if own else kind
        pair = _pair(s, start, end, joined=counterpart is None and signer is None)
        if pair is not None:
            agreement(s, line_kind, [[pair[0]], [pair[1]]], event)
            found = True
            continue
        # a project's own capitalised words ("High-end", "CAR-T") are no firm: a firm's name says
        # what it is ("Co., Ltd.", "Group", "A/S")
        firms = [k for k in dict.fromkeys(keys) if s.typ(k) in lx.ORG_TYPES and k != counterpart
                 and type_by_head(s.r.ex.entities[k].label) is not None]
        partner = _with_in_line(s, start, end)
        if counterpart is None and partner is not None and signer is not None and signer != partner:
            # "Acme today announced it has signed three agreements:" and "- A distribution
            # agreement with B;": Acme signed each line's agreement with its partner
            agreement(s, line_kind, [[signer], [partner]], event)
            found = True
            continue
        if counterpart is None or not firms:
            continue
        # "A and B (Denmark), joint venture": both on one side; otherwise the line's first firm
        side = firms if re.search(r"\bjoint\s+venture\b", line, re.I) else firms[:1]
        agreement(s, line_kind, [[counterpart], side], event)
        found = True
    return found


def _with_in_line(s: Sentence, start: int, end: int) -> str | None:
    """The body a list line signs "with" ("- A memorandum of understanding with B on ...")."""
    for m in sorted(s.r.mentions, key=lambda m: m.start):
        if start <= m.start < end and s.typ(m.key) in _SIGNERS and re.search(
                r"\bwith\s+(?:the\s+)?$", s.r.text[start:m.start]):
            return m.key
    return None


def _lead_signer(s: Sentence, leads: list[Sentence]) -> str | None:
    """Who signed what the list sets out: the first body of the lead sentence that tells of a
    signing, named before its signing verb ("Acme Inc., a maker of X, said it has signed")."""
    for x in leads:
        verb = HAS_SIGN.search(x.sent.text)
        if verb is None:
            continue
        cut = x.sent.start_char + verb.start()
        signer = next((m.key for m in sorted(s.r.mentions, key=lambda m: m.start)
                       if x.sent.start_char <= m.start < cut and s.typ(m.key) in lx.ORG_TYPES), None)
        if signer is not None:
            return signer
    return None


def _item_lines(s: Sentence) -> list[tuple[int, int]]:
    """The spans of the list lines right after the lead (blank lines between them allowed)."""
    text, pos, out = s.r.text, s.sent.end_char, []
    for raw in text[pos:].split("\n"):
        start, pos = pos, pos + len(raw) + 1
        if not raw.strip():
            continue
        if not _ITEM.search(raw):
            break
        out.append((start, start + len(raw)))
    return out


def _pair(s: Sentence, start: int, end: int, joined: bool = False) -> tuple[str, str] | None:
    """"Acme Group / X Zone Management Committee: ...": the two signatories a line pairs; with
    ``joined`` (no lead names a party) also "A and B -- a joint venture agreement ..."."""
    ms = [m for m in sorted(s.r.mentions, key=lambda m: m.start) if start <= m.start < end]
    for a, b in pairwise(ms):
        gap = s.r.text[a.end:b.start]
        paired = re.fullmatch(r"\s*(?:\([^)]{0,40}\))?\s*[/&;]\s*(?:the\s+)?", gap) or (
            joined and re.fullmatch(r"\s+and\s+(?:the\s+)?", gap) and _DASHED.match(s.r.text, b.end) is not None)
        if paired and a.key != b.key and s.typ(a.key) in _SIGNERS and s.typ(b.key) in _SIGNERS:
            return a.key, b.key
    return None


# what follows the second party of "A and B -- a joint venture agreement" (a place may locate it)
_DASHED = re.compile(r"(?:\s+(?:of|in)\s+(?:the\s+)?[A-Z][\w .'-]{1,40}?)?\s*(?:--|–|—|:)\s*")


# a table's heads for the signing parties' columns
_PARTY_HEAD = re.compile(r"\b(?:investors?|compan(?:y|ies)|enterprises?|part(?:y|ies)|signator(?:y|ies)|partners?|"
                         r"signed\s+with|counterpart(?:y|ies|s)?|signing\s+units?)\b", re.I)


def _cells(text: str, start: int) -> list[tuple[int, int, str]]:
    """A table row's cells: (start, end, text), offsets in the article."""
    out, pos = [], start
    for cell in text.split("|"):
        out.append((pos, pos + len(cell), cell))
        pos += len(cell) + 1
    return out


def _header(s: Sentence, line: tuple[int, int]) -> list[int] | None:
    """The indexes of a header row's party columns, when the row is a header (bars, no name of
    two words or more, a party head among its cells: "Investor" may be read as a name)."""
    start, end = line
    text = s.r.text[start:end]
    if "|" not in text or any(start <= m.start < end and " " in s.r.text[m.start:m.end] for m in s.r.mentions):
        return None
    columns = [i for i, (_, _, cell) in enumerate(_cells(text, start)) if _PARTY_HEAD.search(cell)]
    return columns or None


def _row_sides(s: Sentence, columns: list[int], start: int, end: int, lead: str | None) -> list[list[str]] | None:
    """The sides a row's party cells name: one side per column, or one per body when a single
    column holds them all ("A; B"), or the lead's signer and the one party column's body ("the
    committee signed agreements for three projects:" over "Project | Signed with | Investment")."""
    cells = _cells(s.r.text[start:end], start)
    per_column, listed_apart = [], False
    for i in columns:
        if i >= len(cells):
            continue
        a, b, cell = cells[i]
        keys = [m.key for m in sorted(s.r.mentions, key=lambda m: m.start)
                if a <= m.start < b and s.typ(m.key) in lx.ORG_TYPES]
        if keys:
            per_column.append(list(dict.fromkeys(keys)))
            listed_apart = bool(re.search(r";|\s[&/]\s", cell))
    if len(per_column) >= 2:
        return per_column
    if len(per_column) == 1 and len(per_column[0]) >= 2 and listed_apart:
        return [[k] for k in per_column[0]]  # "A; B" in one "Signing parties" cell
    if len(per_column) == 1 and lead is not None and lead not in per_column[0]:
        return [[lead], per_column[0]]
    return None
