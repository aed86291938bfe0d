"""Dates as news writes them, resolved against the publication date where relative.

"September 26" with no known year stays a month-day (``--09-26``); "last Thursday" needs the
publication date; "from April 20 to 21" is a range; "over three days" is a duration that
turns a known end into a start (or back).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from kg.records import PartialDate

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
# A whole word: "Innovation" holds "nov" and "Marine" holds "Mar", and the patterns run with re.I.
MONTH = (
    r"(?<![A-Za-z])(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![A-Za-z])\.?"
)
# A month with the day, year and range that follow it, for text the name finder did not tag as a
# date (it tags "Feb 26" as a law): "Feb 26 through March 1, 2024". Case-sensitive: not "may".
MONTH_RUN = re.compile(
    r"\b" + MONTH + r"(?=\W)(?:\s*\d{1,2}(?!\d)(?:st|nd|rd|th)?)?(?:,?\s*\d{4})?"
    r"(?:\s*(?:to|through|until|till|-|–|—)\s*(?:" + MONTH + r"\s*)?\d{1,2}(?!\d)(?:st|nd|rd|th)?"
    r"(?:,?\s*\d{4})?)?")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1,
}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}

# "from April 20 to 21", "April 20-21", "May 30 to June 2", "from Sept 1 to 5, 2023", "Sept to"
_RANGE = re.compile(
    rf"(?:from\s+|between\s+)?(?P<m1>{MONTH})\s*(?:(?P<d1>\d{{1,2}})(?!\d))?(?:st|nd|rd|th)?"
    rf"(?:,?\s*(?P<y1>\d{{4}}))?\s*(?:to|through|until|till|and|-|–|—)\s*"
    rf"(?:(?P<m2>{MONTH})\s*)?(?P<d2>\d{{1,2}})?(?:st|nd|rd|th)?(?:,?\s*(?P<y2>\d{{4}}))?",
    re.I,
)
# "from 18 to 20 May", "18-20 May 2023", "the 10th to 12th of May": day-first ranges
_DAY_FIRST_RANGE = re.compile(
    rf"(?:from\s+)?(?:the\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:to|through|until|till|and|-|–|—)\s*"
    rf"(?:the\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH})(?:,?\s*(?P<y>\d{{4}}))?",
    re.I,
)
# "30 May to 2 June", "30 May - 2 June 2023": a day-first range across months
_DAY_FIRST_SPAN = re.compile(
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{MONTH})(?:,?\s*(?P<y1>\d{{4}}))?\s*"
    rf"(?:to|through|until|till|-|–|—)\s*(?:the\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH})"
    rf"(?:,?\s*(?P<y2>\d{{4}}))?",
    re.I,
)
_SINGLE = re.compile(
    rf"(?P<m>{MONTH})\s*(?:(?P<d>\d{{1,2}})(?!\d))?(?:st|nd|rd|th)?(?:,?\s*(?P<y>\d{{4}}))?|"
    rf"(?P<d_>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m_>{MONTH})(?:,?\s*(?P<y_>\d{{4}}))?|"
    r"(?P<iy>\d{4})(?P<sep>[-./])(?P<im>\d{1,2})(?P=sep)(?P<id>\d{1,2})\b",
    re.I,
)
# "last Thursday", "on Friday", and a bare "opened Friday"
_LAST_WEEKDAY = re.compile(r"\b(last|this|next|on|)\s*(" + "|".join(_WEEKDAYS) + r")\b", re.I)
_WEEKDAY_RANGE = re.compile(
    r"\b(?:from\s+)?(" + "|".join(_WEEKDAYS) + r")\s+(?:to|through|until|till|-|–)\s+("
    + "|".join(_WEEKDAYS) + r")\b", re.I)
_RELATIVE_DAY = re.compile(r"\b(the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|"
                           r"tomorrow|this\s+(?:morning|afternoon|evening)|tonight)\b", re.I)
_RELATIVE_DAYS = {"the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1, "today": 0,
                  "tomorrow": 1, "this morning": 0, "this afternoon": 0, "this evening": 0, "tonight": 0}
# date phrases the name finder does not tag as dates ("Monday morning" it tags as a time)
UNTAGGED_DATES = re.compile(r"\b(?:[Tt]his\s+(?:morning|afternoon|evening)|[Tt]onight|[Tt]he\s+day\s+before\s+"
                            r"yesterday|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
                            r"\d{4}[./-]\d{1,2}[./-]\d{1,2}|(?:[Oo]n|(?:morning|afternoon|evening|night)\s+of)\s+the\s+"
                            r"\d{1,2}(?:st|nd|rd|th)\b"
                            r"(?!\s+(?:[A-Z]|of\b|anniversary|edition|session)))")
# "on the 13th", "on the afternoon of the 13th": a day of the publication's month (of the month
# before, past the publication day)
DAY_OF_MONTH = re.compile(r"\b(?:[Oo]n|(?:morning|afternoon|evening|night)\s+of)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b"
                           r"(?!\s+(?:[A-Z]|of\b|anniversary|edition|session))")
_RELATIVE_MONTH = re.compile(r"\b(last|this|next)\s+month\b", re.I)
_DURATION = re.compile(
    r"\b(?:over|for|during|in)?\s*(?:the\s+)?(?P<n>\d+|one|two|three|four|five|six|seven|eight|"
    r"nine|ten)[\s-]+days?\b", re.I,
)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@dataclass(frozen=True)
class DateSpan:
    """A start and/or end date read from one phrase."""

    start: PartialDate | None
    end: PartialDate | None
    ranged: bool = False  # the text gave a range ("from ... to ..."), even a partial one


def month_number(word: str) -> int:
    """``month_number("Sept.")`` -> 9."""
    return _MONTHS[word.lower().rstrip(".")[:3]]


def _partial(year: int | None, month: int | None, day: int | None) -> PartialDate | None:
    if month is None and year is None:
        return None
    if month is not None and day is not None:
        try:
            date(year or 2000, month, day)
        except ValueError:
            return None
    return PartialDate(year, month, day)


def parse_span(text: str, published: date | None, year_hint: int | None = None,
               past: bool | None = None) -> DateSpan | None:
    """Read the first date or date range in ``text``.

    ``year_hint`` (an edition's year) fills the year when the text gives none; otherwise the
    publication year does; otherwise the date stays partial. ``past`` says whether the clause
    is in the past tense, for weekdays ("was held on Thursday" vs "will open on Thursday").

    >>> parse_span("from April 20 to 21", date(2023, 4, 14))
    DateSpan(start=PartialDate(year=2023, month=4, day=20), end=PartialDate(year=2023, month=4, day=21), ranged=True)
    >>> parse_span("on September 26", None).start.lexical
    '--09-26'
    >>> parse_span("from 18 to 20 May", date(2023, 5, 21)).end.lexical
    '2023-05-20'
    >>> parse_span("the Innovation Summit", date(2021, 10, 20)) is None
    True
    >>> parse_span("opened yesterday", date(2024, 7, 23)).start.lexical
    '2024-07-22'
    >>> parse_span("last Thursday", date(2024, 7, 23)).start.lexical
    '2024-07-18'
    >>> parse_span("held on 14th March", None).start.lexical, parse_span("on the 3rd of May, 2024", None).start.lexical
    ('--03-14', '2024-05-03')
    >>> [parse_span(t, date(2023, 5, 16)).start.lexical for t in ("On the 15th,", "on the 20th", "this morning",
    ...  "the day before yesterday", "held on 2023.05.15")]
    ['2023-05-15', '2023-04-20', '2023-05-16', '2023-05-14', '2023-05-15']
    >>> parse_span("on the 15th China-ASEAN Expo", date(2023, 5, 16)) is None
    True
    >>> [parse_span(t, date(2023, 5, 12)).start.lexical for t in ("on Friday, May 5", "30 May to 2 June",
    ...  "the 10th to 12th of May", "in May 2023")]
    ['2023-05-05', '2023-05-30', '2023-05-10', '2023-05']
    >>> parse_span("from Jan 5 to 7", date(2023, 12, 20), past=False).end.lexical
    '2024-01-07'
    >>> parse_span("on Dec 28", date(2024, 1, 3), past=True).start.lexical
    '2023-12-28'
    """
    span = _parse(text, published, year_hint, past)
    if span is not None and published is not None and year_hint is None and past is not None \
            and not _YEAR.search(text):
        return _across_new_year(span, published, past)
    return span


def _across_new_year(span: DateSpan, published: date, past: bool) -> DateSpan:
    """A yearless date given the publication's year, moved to the year the tense points to:
    "will be held on Jan 5" in a December story is next January; "was held on Dec 28" in a
    January story last December (a month's slack either way)."""
    start = span.start or span.end
    if start is None or start.month is None or start.year != published.year:
        return span
    day = date(start.year, start.month, start.day or 1)
    step = 1 if not past and (published - day).days > 31 else -1 if past and (day - published).days > 31 else 0
    if not step:
        return span

    def moved(p: PartialDate | None) -> PartialDate | None:
        return None if p is None else _partial((p.year or published.year) + step, p.month, p.day)
    return DateSpan(moved(span.start), moved(span.end), span.ranged)


def _parse(text: str, published: date | None, year_hint: int | None, past: bool | None) -> DateSpan | None:
    """:func:`parse_span` before a yearless date is moved across a new year."""
    year_default = year_hint or (published.year if published else None)
    m = _DAY_FIRST_SPAN.search(text)
    if m:
        y2 = int(m.group("y2")) if m.group("y2") else None
        y1 = int(m.group("y1")) if m.group("y1") else y2 or year_default
        return DateSpan(_partial(y1, month_number(m.group("m1")), int(m.group("d1"))),
                        _partial(y2 or y1, month_number(m.group("m2")), int(m.group("d2"))), ranged=True)
    m = _RANGE.search(text)
    if (m and (m.group("d2") or m.group("m2"))) or (m and re.search(r"\b(to|through|until)\s*$",
                                                                  m.group(0).strip(), re.I)):
        assert m is not None
        y2 = int(m.group("y2")) if m.group("y2") else None
        y1 = int(m.group("y1")) if m.group("y1") else y2 or year_default
        y2 = y2 or y1
        m1 = month_number(m.group("m1"))
        m2 = month_number(m.group("m2")) if m.group("m2") else m1
        if m2 < m1 and not m.group("y2") and y2 is not None:
            y2 += 1  # "from Dec 30 to Jan 2": the range crosses a new year
        d1 = int(m.group("d1")) if m.group("d1") else None
        d2 = int(m.group("d2")) if m.group("d2") else None
        if d1 is None:
            d2 = None
        return DateSpan(_partial(y1, m1, d1), _partial(y2, m2, d2), ranged=True)
    m = _DAY_FIRST_RANGE.search(text)
    if m:
        y = int(m.group("y")) if m.group("y") else year_default
        mon = month_number(m.group("m"))
        return DateSpan(_partial(y, mon, int(m.group("d1"))), _partial(y, mon, int(m.group("d2"))),
                        ranged=True)
    explicit = _single(text, year_default, full=True)
    if explicit is not None:  # "on Friday, May 5": the date itself, whatever day the page is from
        return DateSpan(explicit, explicit)
    m = _RELATIVE_DAY.search(text)
    if m and published is not None:  # "kicked off yesterday": a day from the publication date
        d = published + timedelta(days=_RELATIVE_DAYS[re.sub(r"\s+", " ", m.group(1).lower())])
        return DateSpan(_partial(d.year, d.month, d.day), None)
    m = DAY_OF_MONTH.search(text)
    if m and published is not None and 1 <= int(m.group(1)) <= 31:
        day = int(m.group(1))
        month0 = published.year * 12 + published.month - 1 - (1 if day > published.day else 0)
        p = _partial(month0 // 12, month0 % 12 + 1, day)
        if p is not None:
            return DateSpan(p, p)
    m = _WEEKDAY_RANGE.search(text)
    if m and published is not None:
        # "from Friday to Sunday": the last such run up to publication (or the next, if future)
        first, last = (_WEEKDAYS.index(m.group(k).lower()) for k in (1, 2))
        if past is False:
            end = published + timedelta(days=(last - published.weekday()) % 7)
        else:
            end = published - timedelta(days=(published.weekday() - last) % 7)
        start = end - timedelta(days=(last - first) % 7)
        return DateSpan(PartialDate(start.year, start.month, start.day),
                        PartialDate(end.year, end.month, end.day), ranged=True)
    m = _LAST_WEEKDAY.search(text)
    if m and published is not None:
        target = _WEEKDAYS.index(m.group(2).lower())
        delta = (published.weekday() - target) % 7
        if m.group(1).lower() == "last":
            delta = delta or 7
            d = published - timedelta(days=delta)
        elif m.group(1).lower() == "next":
            d = published + timedelta(days=(target - published.weekday()) % 7 or 7)
        elif past is True:  # "was held on Thursday": the latest Thursday up to publication
            d = published - timedelta(days=delta)
        elif past is False:  # "will open on Thursday": the next one
            d = published + timedelta(days=(target - published.weekday()) % 7)
        else:
            d = published - timedelta(days=delta) if delta <= 3 else published + timedelta(
                days=(target - published.weekday()) % 7)
        p = PartialDate(d.year, d.month, d.day)
        return DateSpan(p, p)
    m = _RELATIVE_MONTH.search(text)
    if m and published is not None:
        shift = {"last": -1, "this": 0, "next": 1}[m.group(1).lower()]
        month0 = published.year * 12 + published.month - 1 + shift
        p = PartialDate(month0 // 12, month0 % 12 + 1, None)
        return DateSpan(p, p)
    single = _single(text, year_default)
    return DateSpan(single, single) if single is not None else None


def _single(text: str, year_default: int | None, full: bool = False) -> PartialDate | None:
    """The first month-day ("May 5", "5th of May", "2023.05.05") or, unless ``full``, bare
    month ("in June 2023") in ``text``."""
    for m in _SINGLE.finditer(text):
        if m.group("iy"):
            p2 = _partial(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        elif m.group("m"):
            word = m.group("m")
            if not (m.group("d") or m.group("y")) and (word[0].islower() or word.rstrip(".") == "May"):
                continue  # "may", "march" and a bare "May" are words, not dates
            if full and not m.group("d"):
                continue
            y = int(m.group("y")) if m.group("y") else year_default
            p2 = _partial(y, month_number(m.group("m")), int(m.group("d")) if m.group("d") else None)
        else:
            y = int(m.group("y_")) if m.group("y_") else year_default
            p2 = _partial(y, month_number(m.group("m_")), int(m.group("d_")))
        if p2 is not None:
            return p2
    return None


def duration_days(text: str) -> int | None:
    """``duration_days("Over three days, ...")`` -> 3; "the two-day event" -> 2."""
    m = _DURATION.search(text)
    if not m:
        return None
    n = m.group("n").lower()
    return int(n) if n.isdigit() else _NUMBER_WORDS.get(n)


def shift(p: PartialDate, days: int) -> PartialDate | None:
    """A full date moved by ``days``; partial dates cannot move and give None."""
    if p.year is None or p.month is None or p.day is None:
        return None
    d = date(p.year, p.month, p.day) + timedelta(days=days)
    return PartialDate(d.year, d.month, d.day)


def ordinal_value(word: str) -> int | None:
    """``ordinal_value("third")`` -> 3; ``"5th"`` -> 5."""
    w = word.lower()
    if w in _ORDINALS:
        return _ORDINALS[w]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", w)
    return int(m.group(1)) if m else None


def years_in(text: str) -> list[int]:
    """Four-digit years named in a text."""
    return [int(y) for y in _YEAR.findall(text)]
