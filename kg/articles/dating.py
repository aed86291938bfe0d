"""How a page is dated: date lines, metadata lines holding a date, a wire story's dateline, a
date glued before the story; and the year an undated story names most.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from kg.extract.dates import MONTH, month_number

_DATE_LABEL = r"(?:Updated|Published|Posted|Date|Release(?:d)? time)"
_DATE_LINES = [
    re.compile(r"^\s*" + _DATE_LABEL + r"\s*:?\s*"
               r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b.*$", re.I),
    re.compile(r"^\s*(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"),
    re.compile(rf"^\s*(?:Updated|Published|Posted|Date)?\s*:?\s*(?P<mon>{MONTH})\s+(?P<d>\d{{1,2}}),?"
               r"\s+(?P<y>\d{4})(?:\s+\d{1,2}:\d{2})?\s*$", re.I),
    # a Hong Kong government press release ends "Ends/Thursday, May 15, 2025"
    re.compile(rf"^\s*Ends/\w+,\s*(?P<mon>{MONTH})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})\s*$", re.I),
    re.compile(rf"^\s*(?:Updated|Published|Posted|Date)?\s*:?\s*(?P<d>\d{{1,2}})\s+(?P<mon>{MONTH})"
               r",?\s+(?P<y>\d{4})\s*$", re.I),
]
# The general shape of a page's date line: a label ("Posted on", "Release date:"), a weekday,
# the date (ISO, "May 23, 2024" or "23 May 2024"), a time, then metadata after a separator:
# "Thursday, May 23, 2024", "Posted on 16 June 2025", "2025-05-26 | Acme Exhibitions Co., Ltd."
_LINE_LABEL = (r"(?:(?:Updated|Published|Posted|Date|Released?|Release\s+(?:time|date)|Issued|Time)"
               r"(?:\s+(?:on|at))?\s*[:：]?\s*)?")
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_TIME = r"(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+(?:GMT|UTC|BJT|CST)[+\d:]*)?)?"
# after a separator, or a site's domain or a labelled source ("2024-10-26 09:12 ecns.cn")
_META_TAIL = (r"(?:\s*(?:[|·•]|\s{2,}).{0,80}|\s+(?:[\w-]+\.)+(?:cn|com|net|org|hk)\b.{0,60}"
              r"|\s+(?:Source|From|Editor|By)\s*[:：].{0,80})?\s*$")
_DATE_LINES += [
    re.compile(r"^\s*" + _LINE_LABEL + _WEEKDAY + body + _TIME + _META_TAIL, re.I)
    for body in (r"(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})",
                 # "19.05.2025": day, month, year, as European sites write it
                 r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)",
                 rf"(?P<mon>{MONTH})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d\d)",
                 rf"(?P<d>\d{{1,2}})\s+(?P<mon>{MONTH}),?\s+(?P<y>(?:19|20)\d\d)")
]
# "GUANGZHOU, Nov 3 (Xinhua) --", "LAKESIDE, China, Nov. 22, 2022 /PRNewswire/ --": the
# story's first words carry place, month and day.
DATELINE = re.compile(
    rf"^\s*(?:(?P<city>[A-Z][A-Z .'-]{{2,40}})(?:\s+and\s+[A-Z][A-Z .'-]{{2,40}})?,\s*"
    rf"(?:[A-Z][A-Za-z .'-]{{2,30}},\s*)?)?"
    rf"(?P<mon>{MONTH})\.?\s+"
    rf"(?P<d>\d{{1,2}})\s*"
    r"(?:,\s*(?P<y>\d{4})\s*)?(?:\([^)]{1,40}\)\s*|/[^/\n]{1,30}/\s*)?(?:--|—|–|-)\s*"
)
# A capture's "date 2024-05-06" label glued in front of the story's first paragraph.
# "Updated: 2024-05-06 The forum ...", or a bare "2024-05-06 10:31 The forum ..." (a page whose
# date line and story were run together): the date is furniture, the story goes on
DATE_PREFIX = re.compile(r"^\s*(?:" + _DATE_LABEL + r"\s*:?\s*)?(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
                          r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+(?=\S.{40,})", re.I)


# what makes a year another time than the story's: a body's founding, a plan's target
_OTHER_TIME = re.compile(r"(?:founded|established|launched|set\s+up|completed|built|since|by|until|till|before|"
                         r"end\s+of)\s+(?:in\s+)?(?:early\s+|late\s+|mid-)?$", re.I)


def main_year(text: str) -> int | None:
    """The year a text names most often: the year of an undated story ("the sixth X" in 2023).
    A year that dates a founding or a target ("founded in 2017", "completed in 2026", "by
    2027") is no time of the story.

    >>> main_year("The 2023 fair ... in 2023, up from 2022"), main_year("Founded in 2017, the park will grow by 2027.")
    (2023, None)
    """
    years = Counter(m.group(1) for m in re.finditer(r"\b(20\d\d)\b", text)
                    if not _OTHER_TIME.search(text[max(0, m.start() - 24):m.start()]))
    return int(years.most_common(1)[0][0]) if years else None


# Metadata lines carry a date among labels: "By X | China Daily | Updated: 2024-05-20 08:16",
# "Source: Xinhua | 2023-06-29 22:41:09 | Editor: ...", "Published: Apr 16, 2024 09:12 PM".
_META_MARKERS = re.compile(r"\||\b(?:Updated|Published|Posted|Date|Source|Editor|By|Time|Release)\b", re.I)
_ANY_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")
_ANY_WRITTEN = re.compile(rf"(?P<mon>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<y>(?:19|20)\d\d)",
                          re.I)
_ANY_CJK = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?")


def date_line(line: str) -> date | None:
    """The date of a line that is only a date, or a short metadata line holding one."""
    for pattern in _DATE_LINES:
        m = pattern.match(line)
        if m:
            groups = m.groupdict()
            month = int(groups["m"]) if groups.get("m") else month_number(groups["mon"])
            return safe_date(int(groups["y"]), month, int(groups["d"]))
    if len(line) > 160 or line.rstrip().endswith("."):
        return None
    found = _ANY_ISO.search(line) or _ANY_CJK.search(line) or _ANY_WRITTEN.search(line)
    if found is None:
        return None
    rest = _CLOCK.sub(" ", line[:found.start()] + " " + line[found.end():])
    if not (_META_MARKERS.search(line) or _metadata_only(rest)):
        return None
    groups = found.groupdict()
    month = int(groups["m"]) if groups.get("m") else month_number(groups["mon"])
    return safe_date(int(groups["y"]), month, int(groups["d"]))


def _metadata_only(rest: str) -> bool:
    """What a date line holds besides its date and time: a source's name, a counter
    ("People's Daily Online) 09:39, April 19, 2021", "March 01,2017 10:52:22 readCount:527"),
    a few capitalised words or labelled fields, never a sentence's lower-case words.

    >>> _metadata_only(" Lakeside Daily Online) ")
    True
    >>> _metadata_only("Forum opens in Beijing on ")
    False
    """
    words = [w for w in re.split(r"[\s|,()]+", rest) if w]
    return len(words) <= 5 and all(w[:1].isupper() or ":" in w or "：" in w or not w[:1].isascii()
                                   or not w[:1].isalpha() for w in words)


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None
