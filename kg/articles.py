"""Reading articles: bytes in, a clean :class:`~kg.records.Article` out.

News pages arrive with furniture around the story: navigation ("Home> Updates"), photo
credits, bylines, "Special Reports"/"Top" links, footers with address, e-mail, TEL/FAX and
copyright. None of it is article text. Furniture is blanked to spaces rather than cut, so the
character offsets of every sentence still point into the original file. The publication date
is read from the lines that carry it ("Updated: 2024-07-23", "2021-08-25 15:45", a bare date
line, a Xinhua-style dateline).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from datetime import date
from pathlib import Path

from kg.config import MAX_ARTICLE_BYTES
from kg.errors import InputError
from kg.extract.dates import MONTH, month_number
from kg.records import Article

# Whole lines that are page furniture, not story.
_FURNITURE = [
    re.compile(r"^\s*Home\s*>.*$", re.I),  # breadcrumb navigation
    re.compile(r"^\s*(Special Reports?|Top|Related Stories|Related News|Back to top|Print|Share"
               r"|Editor'?s? ?pick|Latest News|More)\s*$", re.I),
    re.compile(r"^\s*[•·*-]?\s*(Address|E-?mail|TEL|Tel|Phone|FAX|Fax|Postcode|Zip)\b\s*:?.*$"),
    re.compile(r"^\s*(Copyright|©|All rights reserved|Presented by|Powered by|Produced by"
               r"|Source|Editor|Edited by|Written by|Reporter|Translated by)\b.*$", re.I),
    re.compile(r"^.{0,80}\[(?:Photo|Image|Video)s?\s*/[^\]]*\]\s*$", re.I),  # a caption credit
    re.compile(r"^\s*(Photo|Picture|Image)\s*(by|:|/).{0,80}$", re.I),
    re.compile(r"^\s*By\s+[A-Z][^.!?]{0,100}$"),  # "By Wang Lei", "By staff reporters in Haikou"
]
# A line holding only a person-like name (a byline or photographer): two or three capitalised
# words, no sentence punctuation. Checked only for short lines between paragraphs.
# Once the footer starts (contact labels, copyright), nothing after it is story.
_FOOTER_START = re.compile(
    r"^\s*[•·*-]?\s*(Address|E-?mail|TEL|Tel|Phone|FAX|Fax|Postcode|Copyright|©)\b", re.I
)
_BYLINE = re.compile(r"^\s*[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}\s*$")
_DATE_LINES = [
    re.compile(r"^\s*(?:Updated|Published|Posted|Date|Release(?:d)? time)\s*:?\s*"
               r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b.*$", re.I),
    re.compile(r"^\s*(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"),
    re.compile(rf"^\s*(?:Updated|Published|Posted|Date)?\s*:?\s*(?P<mon>{MONTH})\s+(?P<d>\d{{1,2}}),?"
               r"\s+(?P<y>\d{4})(?:\s+\d{1,2}:\d{2})?\s*$", re.I),
    # a Hong Kong government press release ends "Ends/Thursday, May 15, 2025"
    re.compile(rf"^\s*Ends/\w+,\s*(?P<mon>{MONTH})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})\s*$", re.I),
    re.compile(rf"^\s*(?:Updated|Published|Posted|Date)?\s*:?\s*(?P<d>\d{{1,2}})\s+(?P<mon>{MONTH})"
               r",?\s+(?P<y>\d{4})\s*$", re.I),
]
# "GUANGZHOU, Nov 3 (Xinhua) --", "LAKESIDE, China, Nov. 22, 2022 /PRNewswire/ --": the
# story's first words carry place, month and day.
_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Z .'-]{{2,40}},\s*(?:[A-Z][A-Za-z .'-]{{2,30}},\s*)?(?P<mon>{MONTH})\.?\s+(?P<d>\d{{1,2}})\s*"
    r"(?:,\s*(?P<y>\d{4})\s*)?(?:\([^)]{1,40}\)\s*|/[^/\n]{1,30}/\s*)?(?:--|—|–|-)\s*"
)
# A capture's "date 2024-05-06" label glued in front of the story's first paragraph.
_DATE_PREFIX = re.compile(r"^\s*(?:Updated|Published|Posted|Date)\s*:?\s*(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
                          r"\s+(?=\S.{40,})", re.I)
# "[Photo/xinhua.net]", the brackets of "【CIIE 2024】" section tags (their words name the
# event and its year, so they stay), and a credit glued to the caption by scraping:
# "PhotoChina News Service", "PhotoXinhua"
_INLINE_PHOTO = re.compile(r"\[(?:Photo|Image|Video)s?\s*/[^\]]*\]|[【】]|"
                           r"\bPhoto(?=[A-Z])[A-Z]\w*(?: [A-Z]\w+){0,3}")


def read_article(path: Path) -> Article:
    """Read an article file, with a one-line :class:`InputError` for anything unreadable.

    >>> read_article(Path("no/such.txt"))
    Traceback (most recent call last):
    kg.errors.InputError: no/such.txt: no such file
    """
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give the articles in it or the folder to `kg ingest`")
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise InputError(
            f"{path}: {size:,} bytes is too large for a news article (limit {MAX_ARTICLE_BYTES:,})"
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from err
    return read_bytes(path.name, data, source_path=str(path))


def read_bytes(name: str, data: bytes, source_path: str | None = None) -> Article:
    """Decode, check and clean an article given as bytes (``name`` is its identity in the store).

    >>> a = read_bytes("a.txt", b"Forum opens\\nUpdated: 2024-07-23\\nThe forum opened.")
    >>> a.title, a.published.isoformat(), a.text.split()
    ('Forum opens', '2024-07-23', ['Forum', 'opens', 'The', 'forum', 'opened.'])
    """
    label = source_path or name
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(f"{label}: {len(data):,} bytes is too large for a news article")
    if not data.strip():
        raise InputError(f"{label}: the file is empty; give an article with text")
    if b"\x00" in data[:8192] or _control_ratio(data[:8192]) > 0.05:
        raise InputError(f"{label}: looks like a binary file, not a text article")
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{label}: not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "convert it, e.g. `iconv -f GB18030 -t UTF-8`"
        ) from err
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    text, title, published = clean(raw)
    if not text.strip():
        raise InputError(f"{label}: no article text left after removing page furniture")
    return Article(
        name=name,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        title=title,
        published=published,
        source_path=source_path,
    )


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    bad = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(data)


def _blank(s: str) -> str:
    return re.sub(r"[^\n]", " ", s)


def clean(raw: str) -> tuple[str, str | None, date | None]:
    """Blank page furniture; return (text, title, publication date).

    The title is the first story line; it stays in the text (it often names the event).
    """
    lines = raw.split("\n")
    out: list[str] = []
    title: str | None = None
    published: date | None = None
    story_started = False
    in_footer = False
    dateline: tuple[int | None, int, int] | None = None
    for i, line in enumerate(lines):
        stripped = line.strip()
        in_footer = in_footer or bool(_FOOTER_START.match(line))
        if in_footer:
            out.append(_blank(line))
            continue
        if not stripped:
            out.append(line)
            continue
        prefix = _DATE_PREFIX.match(line)
        if prefix is not None:  # the date is furniture, the paragraph after it is story
            published = published or _safe_date(
                int(prefix.group("y")), int(prefix.group("m")), int(prefix.group("d")))
            line = _blank(line[: prefix.end()]) + line[prefix.end():]
            stripped = line.strip()
        found = _date_line(stripped) if prefix is None else None
        if found is not None:
            published = published or found
            out.append(_blank(line))
            continue
        if any(p.match(line) for p in _FURNITURE) or _is_byline(lines, i):
            out.append(_blank(line))
            continue
        m = _DATELINE.match(line) if not story_started else None
        if title is None:
            rest = line[m.end():] if m else stripped
            title = _INLINE_PHOTO.sub("", rest).strip() or None
        if m is not None:
            story_started = True
            dateline = (int(m.group("y")) if m.group("y") else None, month_number(m.group("mon")),
                        int(m.group("d")))
            line = _blank(line[: m.end()]) + line[m.end():]
        line = _INLINE_PHOTO.sub(lambda m: _blank(m.group(0)), line)
        out.append(line)
    text = "\n".join(out)
    if published is None and dateline is not None:
        # a dateline gives month and day; its year is the year the story talks about most
        year = dateline[0] or main_year(text)
        if year is not None:
            published = _safe_date(year, dateline[1], dateline[2])
    return text, title, published


def main_year(text: str) -> int | None:
    """The year a text names most often: the year of an undated story ("the sixth X" in 2023).

    >>> main_year("The 2023 fair ... in 2023, up from 2022")
    2023
    """
    years = Counter(re.findall(r"\b(20\d\d)\b", text))
    return int(years.most_common(1)[0][0]) if years else None


def _is_byline(lines: list[str], i: int) -> bool:
    """A short name-only line that is not the headline: a byline or a photographer."""
    line = lines[i]
    if not _BYLINE.match(line) or len(line.split()) > 3:
        return False
    # the headline (first non-empty line) is never a byline
    return any(ln.strip() for ln in lines[:i])


# Metadata lines carry a date among labels: "By X | China Daily | Updated: 2024-05-20 08:16",
# "Source: Xinhua | 2023-06-29 22:41:09 | Editor: ...", "Published: Apr 16, 2024 09:12 PM".
_META_MARKERS = re.compile(r"\||\b(?:Updated|Published|Posted|Date|Source|Editor|By|Time|Release)\b", re.I)
_ANY_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")
_ANY_WRITTEN = re.compile(rf"(?P<mon>{MONTH})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d\d)", re.I)


def _date_line(line: str) -> date | None:
    """The date of a line that is only a date, or a short metadata line holding one."""
    for pattern in _DATE_LINES:
        m = pattern.match(line)
        if m:
            groups = m.groupdict()
            month = int(groups["m"]) if groups.get("m") else month_number(groups["mon"])
            return _safe_date(int(groups["y"]), month, int(groups["d"]))
    if len(line) > 160 or not _META_MARKERS.search(line) or line.rstrip().endswith("."):
        return None
    iso = _ANY_ISO.search(line)
    if iso:
        return _safe_date(int(iso.group("y")), int(iso.group("m")), int(iso.group("d")))
    written = _ANY_WRITTEN.search(line)
    if written:
        return _safe_date(int(written.group("y")), month_number(written.group("mon")), int(written.group("d")))
    return None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None
