"""Reading articles: bytes in, a clean :class:`~kg.records.Article` out.

News pages arrive with furniture around the story: navigation ("Home> Updates"), photo
credits, bylines, "Special Reports"/"Top" links, footers with address, e-mail, TEL/FAX and
copyright. None of it is article text. Furniture is blanked to spaces rather than cut, so the
character offsets of every sentence still point into the original file. The publication date
is read from the lines that carry it ("Updated: 2024-07-23", "2021-08-25 15:45", a bare date
line, a Xinhua-style dateline).

Whatever a scraper produced must come out as an Article or as one clear InputError per file,
never a traceback: empty and whitespace-only files, binary files, invalid UTF-8 and oversized
files are refused with what to do; UTF-16, UTF-32 and UTF-8 with a byte-order mark are decoded;
an HTML page is reduced to its text by a real HTML parser (scripts and styles dropped);
symbolic-link loops, devices and unreadable files are named as such. A page whose clean-up
would leave no text keeps its text, with a warning (:attr:`Article.warnings`): losing a real
article to clean-up is worse than reading some furniture.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
from collections import Counter
from datetime import date
from html.parser import HTMLParser
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
    re.compile(r"^\s*(?:19|20)\d\d\s*$"),  # a year alone: an archive's year tab
    # a site's section header above the story: "News & Events", "Press Releases", "Newsroom"
    re.compile(r"^\s*(?:(?:Latest|Hospital|Company|University)\s+)?(?:News|Events|News\s*(?:&|and)\s*Events"
               r"|Press\s+Releases?|Media\s+(?:Center|Centre)|Newsroom|Announcements?"
               r"|Notices?(?:\s*(?:&|and)\s*Announcements)?)\s*$", re.I),
    re.compile(r"^\s*[•·*-]?\s*(Address|E-?mail|TEL|Tel|Phone|FAX|Fax|Postcode|Zip|(?:Contact\s+)?Hotline)\b\s*:?.*$"),
    re.compile(r"^\s*(Copyright|©|All rights reserved|Presented by|Powered by|Produced by"
               r"|Source|Editor|Edited by|Written by|Reporter|Translated by)\b.*$", re.I),
    re.compile(r"^.{0,80}\[(?:Photo|Image|Video)s?\s*/[^\]]*\]\s*$", re.I),  # a caption credit
    re.compile(r"^\s*(Photo|Picture|Image)\s*(by|:|/).{0,80}$", re.I),
    re.compile(r"^\s*By\s+[A-Z][^.!?]{0,100}$"),  # "By Wang Lei", "By staff reporters in Haikou"
    re.compile(r"^\s*[A-Z][\w.,&' -]{0,60}\s+contributed\s+to\s+this\s+(?:story|report|article)\.?\s*$"),
    # "You are here: Home > News", "Current location: News Center"
    re.compile(r"^\s*(?:You\s+are\s+here|(?:Current\s+|Your\s+)?(?:location|position))\s*[:：>]", re.I),
]
# A site's menu: four or more short items set apart by bars, dots or wide gaps, no sentence in it
# ("Home | China | World | Business", "Home  About  Research  News").
_MENU_SPLIT = re.compile(r"\s*[|·•]\s*|\s{2,}")
# What follows a page date on a metadata line: "2024-05-06   Views: 1024   Source: Office of ..."
_META_LABEL = re.compile(r"^\s*(?:Views|Clicks|Hits|Source|Editor|Author|Text|Photo|Font|Visits|From)\b\s*[:：]",
                         re.I)
# A line holding only a person-like name (a byline or photographer): two or three capitalised
# words, no sentence punctuation. Checked only for short lines between paragraphs.
# Once the footer starts (contact labels, copyright), nothing after it is story.
_FOOTER_START = re.compile(
    r"^\s*[•·*-]?\s*(Address|E-?mail|TEL|Tel|Phone|FAX|Fax|Postcode|Copyright|©)\b", re.I
)
# A body's own address ("Company Address: 3rd Floor, ..., Lakeside District, Pinecity"): where the
# page's company is, kept as text (kg.extract.rules.families.places reads it), never the title.
OWN_ADDRESS = re.compile(r"^\s*(?:Company|Office|Head\s+Office|Headquarters?)\s+Address\s*[:：]", re.I)
_BYLINE = re.compile(r"^\s*[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}\s*$")
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
_META_TAIL = r"(?:\s*(?:[|·•]|\s{2,}).{0,80})?\s*$"
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
_DATELINE = re.compile(
    rf"^\s*(?:(?P<city>[A-Z][A-Z .'-]{{2,40}})(?:\s+and\s+[A-Z][A-Z .'-]{{2,40}})?,\s*"
    rf"(?:[A-Z][A-Za-z .'-]{{2,30}},\s*)?)?"
    rf"(?P<mon>{MONTH})\.?\s+"
    rf"(?P<d>\d{{1,2}})\s*"
    r"(?:,\s*(?P<y>\d{4})\s*)?(?:\([^)]{1,40}\)\s*|/[^/\n]{1,30}/\s*)?(?:--|—|–|-)\s*"
)
# A capture's "date 2024-05-06" label glued in front of the story's first paragraph.
# "Updated: 2024-05-06 The forum ...", or a bare "2024-05-06 10:31 The forum ..." (a page whose
# date line and story were run together): the date is furniture, the story goes on
_DATE_PREFIX = re.compile(r"^\s*(?:" + _DATE_LABEL + r"\s*:?\s*)?(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
                          r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+(?=\S.{40,})", re.I)
# "[Photo/xinhua.net]", the brackets of "【CIIE 2024】" section tags (their words name the
# event and its year, so they stay), and a credit glued to the caption by scraping:
# "PhotoChina News Service", "PhotoXinhua"
_INLINE_PHOTO = re.compile(r"\[(?:Photo|Image|Video)s?\s*(?:/|\s(?:by|courtesy\s+of|provided\s+by)\s)[^\]]*\]|[【】]|"
                           r"\bPhoto(?=[A-Z])[A-Z]\w*(?: [A-Z]\w+){0,3}")


HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


def read_article(path: Path) -> Article:
    """Read an article file, with a one-line :class:`InputError` for anything unreadable.

    The size is checked before reading and at most one byte past the limit is ever read, so
    a huge file (or a device that never ends) costs no memory.

    >>> read_article(Path("no/such.txt"))
    Traceback (most recent call last):
    kg.errors.InputError: no/such.txt: no such file
    """
    try:
        info = path.stat()
    except OSError as err:
        raise InputError(_stat_problem(path, err)) from None
    if stat.S_ISDIR(info.st_mode):
        if not os.access(path, os.R_OK | os.X_OK):
            raise InputError(f"{path}: a folder that cannot be listed (permission denied); "
                             "check its permissions")
        raise InputError(f"{path}: is a folder; give the articles in it or the folder to `kg ingest`")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a regular file (a device, pipe or socket); give an article file")
    if info.st_size > MAX_ARTICLE_BYTES:
        raise InputError(_too_large(str(path), info.st_size))
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_ARTICLE_BYTES + 1)
    except OSError as err:
        raise InputError(
            f"{path}: cannot read ({err.strerror or err}); check the file's permissions"
        ) from None
    return read_bytes(path.name, data, source_path=str(path))


def _stat_problem(path: Path, err: OSError) -> str:
    """Why ``path`` cannot even be looked at: missing, a link loop, a dangling link, ..."""
    if err.errno == errno.ELOOP:
        return f"{path}: a symbolic link loop (the link leads back to itself); fix or remove the link"
    if err.errno in (errno.ENOENT, errno.ENOTDIR):
        if os.path.islink(path):
            return f"{path}: a symbolic link to a missing file ({os.readlink(path)}); fix or remove the link"
        return f"{path}: no such file"
    if err.errno == errno.EACCES:
        return f"{path}: cannot read (permission denied); check the folder's permissions"
    return f"{path}: cannot read ({err.strerror or err})"


def _too_large(label: str, size: int) -> str:
    return (
        f"{label}: {size:,} bytes ({size / 1_000_000:.1f} MB) is too large for a news article "
        f"(limit {MAX_ARTICLE_BYTES:,} bytes); split it into articles or check what it is"
    )


def read_bytes(name: str, data: bytes, source_path: str | None = None) -> Article:
    """Decode, check and clean an article given as bytes (``name`` is its identity in the store).

    >>> a = read_bytes("a.txt", b"Forum opens\\nUpdated: 2024-07-23\\nThe forum opened.")
    >>> a.title, a.published.isoformat(), a.text.split()
    ('Forum opens', '2024-07-23', ['Forum', 'opens', 'The', 'forum', 'opened.'])
    """
    label = source_path or name
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(_too_large(label, len(data)))
    if not data:
        raise InputError(f"{label}: the file is empty; give an article with text")
    raw = decode(data, label)
    if _is_html(name, raw):
        raw = html_to_text(raw)
        if not raw.strip():
            raise InputError(f"{label}: the HTML page holds no text outside scripts and styles")
    if not raw.strip():
        raise InputError(f"{label}: the file holds only whitespace; give an article with text")
    if not any(ch.isalnum() for ch in raw):
        raise InputError(f"{label}: the file holds no words (only punctuation or symbols)")
    raw = unwrap(raw.replace("\r\n", "\n").replace("\r", "\n").translate(_PLAIN))
    text, title, published, place = clean(raw)
    warnings: tuple[str, ...] = ()
    if not any(ch.isalnum() for ch in text):
        # Every line looked like furniture. Keep the article rather than lose it: the text as
        # it is, title and date as clean() read them.
        text = raw
        title = title or next((ln.strip() for ln in raw.split("\n") if ln.strip()), None)
        warnings = (
            f"{label}: page clean-up would have removed all of the text (every line looks like "
            "navigation, a byline or a footer); kept the whole text",
        )
    return Article(
        name=name,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        title=title,
        published=published,
        source_path=source_path,
        warnings=warnings,
        dateline_place=place,
    )


_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, label: str) -> str:
    """Bytes to text: a byte-order mark decides the encoding (UTF-8, UTF-16, UTF-32), as does
    UTF-16 without one (every other byte zero); else UTF-8. Binary data and other encodings
    are refused with a message saying which byte and what to do.

    >>> decode(b"\\xff\\xfeF\\x00o\\x00", "x")
    'Fo'
    """
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    body = data[len(next(b for b, e in _BOMS if e == encoding)):] if encoding else data
    encoding = encoding or _bomless_utf16(data)
    if encoding is None:
        head = data[:8192]
        if b"\x00" in head or _control_ratio(head) > 0.05:
            raise InputError(f"{label}: looks like a binary file, not a text article")
        encoding = "utf-8"
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as err:
        if encoding != "utf-8":
            raise InputError(
                f"{label}: starts like {encoding.upper()} text but is not valid {encoding.upper()} "
                f"(at byte {err.start + len(data) - len(body)}); re-save it as UTF-8"
            ) from None
        raise InputError(
            f"{label}: not UTF-8 text (byte 0x{body[err.start]:02x} at offset {err.start}); "
            "convert it, e.g. `iconv -f GB18030 -t UTF-8`"
        ) from None
    if encoding != "utf-8" and _control_ratio(text[:8192].encode("utf-8", "replace")) > 0.05:
        raise InputError(f"{label}: looks like a binary file, not a text article")
    return text


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' for text whose every other byte is zero, else None."""
    head = data[:4096]
    if len(head) < 4 or len(head) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _is_html(name: str, text: str) -> bool:
    """An HTML page by its name (.html, .htm) or by how it starts (doctype, <html>)."""
    if Path(name).suffix.lower() in HTML_SUFFIXES:
        return True
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html")) or (
        head.startswith("<?xml") and "<html" in text[:1000].lower()
    )


class _TextOfHtml(HTMLParser):
    """Collects the visible text of a page: scripts, styles and the head dropped, one line
    per block element, character references decoded."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object"})
    _BLOCK = frozenset({
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "title", "tr", "ul",
    })

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._current: list[str] = []
        self._skipping: list[str] = []

    def _end_line(self) -> None:
        line = " ".join("".join(self._current).split())
        if line:
            self.lines.append(line)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping.append(tag)
        elif tag in self._BLOCK:
            self._end_line()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BLOCK:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            if tag in self._skipping:  # close it and anything left open inside it
                del self._skipping[len(self._skipping) - 1 - self._skipping[::-1].index(tag):]
        elif tag in self._BLOCK:
            self._end_line()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)


def html_to_text(page: str) -> str:
    """The visible text of an HTML page, one line per paragraph, heading or list item.

    >>> html_to_text("<html><head><style>p{}</style></head><body><h1>Expo &amp; Forum</h1>"
    ...              "<script>var x = 1;</script><p>It opened.</p></body></html>")
    'Expo & Forum\\nIt opened.'
    """
    parser = _TextOfHtml()
    parser.feed(page)
    parser.close()
    parser._end_line()
    return "\n".join(parser.lines)


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    bad = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(data)


# Characters of Chinese-site English pages that mean the ASCII ones: no-break and wide spaces,
# full-width punctuation ("Beijing，May 8", "（Group）"). One character for one: offsets stay.
_PLAIN = str.maketrans({
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " ", "\u3000": " ",
    "，": ",", "、": ",", "（": "(", "）": ")", "：": ":", "；": ";", "！": "!", "？": "?",
})
_LIST_ITEM = re.compile(r"^\s*(?:[-•·*]|\d+[.)])\s")


def unwrap(raw: str) -> str:
    """Join the lines of a hard-wrapped text (plain-text press releases, e-mails, PDFs cut at
    70-80 columns) into paragraphs, so that a line break is no sentence break.

    A text is wrapped when its lines are short (the 90th percentile of their lengths is under
    120 characters), most are near that width, and the word after a line break near it is
    often lower-case (a sentence going on). Then a line near the width is joined to the next
    non-blank one, unless it is the first line (a headline) or the next is a list item. A
    break becomes a space: offsets stay offsets into the file (tests/test_articles.py).
    """
    lines = raw.split("\n")
    lengths = sorted(len(ln.rstrip()) for ln in lines if ln.strip())
    if len(lengths) < 4:
        return raw
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width >= 120:
        return raw
    near = [i for i, ln in enumerate(lines[:-1])
            if len(ln.rstrip()) >= 0.7 * width and lines[i + 1].strip()]
    lower = [i for i in near if lines[i + 1].lstrip()[:1].islower()]
    if len(near) < 3 or len(lower) < 0.3 * len(near):
        return raw
    first = next(i for i, ln in enumerate(lines) if ln.strip())
    joins = {i for i in near if i != first and not _LIST_ITEM.match(lines[i + 1])}
    return "".join(ln + (" " if i in joins else "\n") for i, ln in enumerate(lines[:-1])) + lines[-1]


def _blank(s: str) -> str:
    return re.sub(r"[^\n]", " ", s)


def clean(raw: str) -> tuple[str, str | None, date | None, str | None]:
    """Blank page furniture; return (text, title, publication date, the dateline's city).

    The title is the first story line; it stays in the text (it often names the event).
    """
    lines = raw.split("\n")
    out: list[str] = []
    title: str | None = None
    published: date | None = None
    story_started = False
    in_footer = False
    dateline: tuple[int | None, int, int] | None = None
    place: str | None = None
    story_lines = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        # A footer ends a story: a contact or copyright line before the headline and a story
        # line is page furniture at the top (some sites put it there), blanked on its own below.
        in_footer = in_footer or (story_lines >= 2 and bool(_FOOTER_START.match(line)))
        if in_footer:
            out.append(_blank(line))
            continue
        if not stripped:
            out.append(line)
            continue
        prefix = _DATE_PREFIX.match(line)
        if prefix is not None and _META_LABEL.match(line[prefix.end():]):
            prefix = None  # "Posted: 2022-06-15   Views: 1024": a metadata line, all furniture
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
        if any(p.match(line) for p in _FURNITURE) or _is_byline(lines, i) or _is_menu(stripped):
            out.append(_blank(line))
            continue
        if OWN_ADDRESS.match(line):
            out.append(line)
            continue
        m = _DATELINE.match(line) if not story_started else None
        if title is not None and story_lines == 1 and _site_name(title) and _headline_like(stripped):
            # "Pine Hill University" above its menu, then the story's headline: the first line
            # was the site's name
            first = next(k for k, ln in enumerate(out) if ln.strip())
            out[first] = _blank(out[first])
            title, story_lines = None, 0
        if title is None:
            rest = line[m.end():] if m else stripped
            title = _INLINE_PHOTO.sub("", rest).strip() or None
        if m is not None:
            story_started = True
            # "April 8, 2024 – The forum ...": a dateline may give the date alone
            place = " ".join(w.capitalize() for w in m.group("city").split()) if m.group("city") else None
            dateline = (int(m.group("y")) if m.group("y") else None, month_number(m.group("mon")),
                        int(m.group("d")))
            line = _blank(line[: m.end()]) + line[m.end():]
        line = _INLINE_PHOTO.sub(lambda m: _blank(m.group(0)), line)
        story_lines += 1
        out.append(line)
    text = "\n".join(out)
    if dateline is not None:
        # a dateline gives month and day; its year is the page's, else the year the story
        # talks about most. A wire story is dated by its dateline: "today" and "on Monday" are
        # read from it, so it wins over a page date a few days later (the page's posting date).
        year = dateline[0] or (published.year if published else None) or main_year(text)
        dated = _safe_date(year, dateline[1], dateline[2]) if year is not None else None
        if published is None or (dated is not None and 0 <= (published - dated).days <= 3):
            published = dated or published
    return text, title, published, place


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


def _is_menu(line: str) -> bool:
    """A navigation bar: four or more items of one to three words, none a sentence."""
    items = [x for x in _MENU_SPLIT.split(line) if x]
    return len(items) >= 4 and all(len(x.split()) <= 3 and len(x) <= 30 and not x.endswith(".") for x in items)


def _site_name(line: str) -> bool:
    """A site's name above its page: a few capitalised words, no verb, no figure."""
    words = line.split()
    return len(words) <= 4 and not re.search(r"\d|[.!?:]$", line) and all(w[:1].isupper() for w in words)


def _headline_like(line: str) -> bool:
    """A headline: five words or more, no full stop at the end, short of a paragraph."""
    return 5 <= len(line.split()) <= 30 and not re.search(r"[.!?][\"”’']?$", line)


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
_ANY_WRITTEN = re.compile(rf"(?P<mon>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<y>(?:19|20)\d\d)",
                          re.I)
_ANY_CJK = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?")


def _date_line(line: str) -> date | None:
    """The date of a line that is only a date, or a short metadata line holding one."""
    for pattern in _DATE_LINES:
        m = pattern.match(line)
        if m:
            groups = m.groupdict()
            month = int(groups["m"]) if groups.get("m") else month_number(groups["mon"])
            return _safe_date(int(groups["y"]), month, int(groups["d"]))
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
    return _safe_date(int(groups["y"]), month, int(groups["d"]))


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


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None
