"""The dates of a sentence, each read with the verb that governs it in the parse.

A date is the date of what its verb says: "X, which opened on July 11, closed on July 15"
gives July 11 to the opening and July 15 to the closing; "the sub-forum, held on May 31 as part
of the fair" gives May 31 to the sub-forum, not the fair. The verb also gives the tense a
weekday resolves by: "was held on Monday" is the Monday before publication, "runs through
Tuesday" and "will open on Friday" the ones after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.extract.dates import DAY_OF_MONTH, MONTH_RUN, UNTAGGED_DATES, DateSpan, parse_span
from kg.records import PartialDate

if TYPE_CHECKING:
    from kg.extract.rules.reader import Reader

# a sentence that speaks of what is still to come, when the parse names no verb for a date
_FUTURE = re.compile(r"\b(?:will|to be held|is scheduled|is set to|is expected|are expected|is slated)\b")
# what precedes a date that ends a period: "runs until Nov 10", "through Tuesday"
_CLOSING = re.compile(r"\b(?:through|until|till|to|ends?\s+on|closes\s+on)\s*$")
_SAME_DAY = re.compile(r"\b(?:the\s+same\s+day|that\s+same\s+day)\b", re.I)
_OPEN_LEMMAS = frozenset({"open", "kick", "begin", "start", "commence", "launch", "inaugurate"})
_CLOSE_LEMMAS = frozenset({"close", "conclude", "end", "finish", "wrap"})


@dataclass(frozen=True)
class DatedPhrase:
    """A date or range read from the sentence, where it stands and what governs it."""

    span: DateSpan
    closing: bool  # "until Nov 10": the end of a period, not a start
    start: int  # character offset in the article
    verb: Any  # the governing verb token (spaCy), or None


def governing_verb(tok: Any) -> Any:
    """The verb a date hangs from: up the parse from the date's token to the first verb
    ("opened on July 11" -> opened), None past a clause boundary the parse does not give."""
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod",):
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def verb_role(verb: Any) -> str | None:
    """"start" for an opening verb, "end" for a closing one ("came to a close", "wrapped up"),
    None for one that only says the thing happened ("was held")."""
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    if lemma == "get" and any(c.lower_ in ("underway", "under") for c in verb.children):
        return "start"  # "got under way"
    if lemma in ("come", "draw") and any(t.lemma_.lower() in ("close", "end") for t in verb.subtree):
        return "end"  # "came to a close", "drew to an end"
    if lemma in _CLOSE_LEMMAS:
        return "end"
    if lemma in _OPEN_LEMMAS:
        return "start"
    return None


def is_past(verb: Any, sentence: str) -> bool | None:
    """Whether the date's clause tells of the past: its verb's tense, else the sentence's words."""
    if verb is not None:
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in ("will", "shall", "'ll", "to") for a in auxes):
            return False
        if verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lower_ in ("has", "have", "had") for a in auxes):
            return True
        if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return False  # "runs through Tuesday", "is being held on Friday": now or to come
        if verb.tag_ == "VBG" and not auxes:
            return None  # "Running through Monday, the expo ...": the nearest such day
    return not _FUTURE.search(sentence)


_YEAR = re.compile(r"(?:19|20)\d\d")
_IN_BRACKET = re.compile(r"\(\s*[^()]{1,25}\s$")


def dated_phrases(r: Reader, sent: Any, event: str | None, after: int | None = None,
                  context: bool = True) -> list[DatedPhrase]:
    """Every date of a sentence in text order; only those after the character ``after`` when
    there are some ("a delegation visited from May 10 to 11 and held the X on May 11": the X's
    date follows its name)."""
    year_hint = r.edition_year.get(event or "")
    if year_hint is None and r.article.published is None:
        year_hint = r.story_year  # an undated page: the year its story names most
    found = [(e.start_char, e.end_char) for e in r.ents_by_sent.get(r.sent_of_char[sent.start_char], ())
             if e.label_ == "DATE"]
    # the NER misses bare months in damaged text ("from Oct  to ."), and tags "Monday morning"
    # as a time; capitalised, so not "may"
    found += [(sent.start_char + m.start(), sent.start_char + m.end())
              for pattern in (MONTH_RUN, UNTAGGED_DATES)
              for m in re.finditer(pattern, sent.text)
              if not any(s <= sent.start_char + m.start() < e for s, e in found)]
    # "the 5th X Summit (XCS 2023)": a year in a name's bracket is part of the name, no date
    found = [(a, b) for a, b in found
             if not (_YEAR.fullmatch(r.text[a:b]) and _IN_BRACKET.search(r.text[max(0, a - 30):a]))]
    found.sort()
    if after is not None and any(start >= after for start, _ in found):
        found = [(start, end) for start, end in found if start >= after]
    out: list[DatedPhrase] = []
    for start_char, end_char in found:
        tok = next((t for t in sent if t.idx <= start_char < t.idx + len(t.text) + 1), None)
        verb = governing_verb(tok) if tok is not None else None
        # take the range phrase around the date ("from April 20 to 21")
        lo = max(sent.start_char, start_char - 6)
        phrase = r.text[lo:min(sent.end_char, end_char + 12)]
        day_only = DAY_OF_MONTH.search(r.text[max(sent.start_char, start_char - 3):end_char]) if context else None
        span = _day_of_month_told(r, sent, start_char, int(day_only.group(1))) if day_only else None
        if span is None:
            span = parse_span(phrase, r.article.published, year_hint, is_past(verb, sent.text))
        if span is None and _SAME_DAY.search(r.text[start_char:end_char]):
            span = _day_told_before(r, sent)
        if span is not None and (span.start or span.end):
            closing = bool(_CLOSING.search(r.text[max(sent.start_char, start_char - 16):start_char]))
            out.append(DatedPhrase(span, closing and not span.ranged, start_char, verb))
    return out


def _day_of_month_told(r: Reader, sent: Any, before: int, day: int) -> DateSpan | None:
    """"visited Y from June 6 to 8. At the conference on the 7th, ...": a bare day of the month
    the story named last, in this sentence or the two before (else, later, the publication's)."""
    if not 1 <= day <= 31:
        return None
    here = r.sent_of_char[sent.start_char]
    for back in (0, 1, 2):
        if here - back < 0:
            break
        told = [d.span.start for d in dated_phrases(r, r.sents[here - back], None, context=False)
                if d.start < before and d.span.start is not None and d.span.start.month is not None
                and not DAY_OF_MONTH.search(r.text[max(0, d.start - 3):d.start + 16])]
        if told:
            p = PartialDate(told[-1].year, told[-1].month, day)
            return DateSpan(p, p)
    return None


def _day_told_before(r: Reader, sent: Any) -> DateSpan | None:
    """"the same day": the last single day the two sentences before named ("The X opened on
    May 5. The Y Forum was held the same day.")."""
    here = r.sent_of_char[sent.start_char]
    for back in (1, 2):
        if here - back < 0:
            break
        days = [d.span.start for d in dated_phrases(r, r.sents[here - back], None)
                if not d.span.ranged and d.span.start is not None and d.span.start.day is not None]
        if days:
            return DateSpan(days[-1], days[-1])
    return None
