"""Page clean-up: furniture blanked line by line, the title and dates read, wrapped lines joined.

News pages arrive with furniture around the story: navigation ("Home> Updates"), photo
credits, bylines, "Special Reports"/"Top" links, footers with address, e-mail, TEL/FAX and
copyright. None of it is article text. Furniture is blanked to spaces rather than cut, so the
character offsets of every sentence still point into the original file. The publication date
is read from the lines that carry it ("Updated: 2024-07-23", "2021-08-25 15:45", a bare date
line, a Xinhua-style dateline).
"""

from __future__ import annotations

import re
from datetime import date

from kg.articles.dating import DATE_PREFIX, DATELINE, date_line, main_year, safe_date
from kg.articles.furniture import (
    FOOTER_START,
    FURNITURE,
    INLINE_PHOTO,
    META_LABEL,
    OWN_ADDRESS,
    headline_like,
    is_byline,
    is_menu,
    site_name,
)
from kg.extract.dates import month_number

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
        in_footer = in_footer or (story_lines >= 2 and bool(FOOTER_START.match(line)))
        if in_footer:
            out.append(_blank(line))
            continue
        if not stripped:
            out.append(line)
            continue
        prefix = DATE_PREFIX.match(line)
        if prefix is not None and META_LABEL.match(line[prefix.end():]):
            prefix = None  # "Posted: 2022-06-15   Views: 1024": a metadata line, all furniture
        if prefix is not None:  # the date is furniture, the paragraph after it is story
            published = published or safe_date(
                int(prefix.group("y")), int(prefix.group("m")), int(prefix.group("d")))
            line = _blank(line[: prefix.end()]) + line[prefix.end():]
            stripped = line.strip()
        found = date_line(stripped) if prefix is None else None
        if found is not None:
            published = published or found
            out.append(_blank(line))
            continue
        if any(p.match(line) for p in FURNITURE) or is_byline(lines, i) or is_menu(stripped):
            out.append(_blank(line))
            continue
        if OWN_ADDRESS.match(line):
            out.append(line)
            continue
        m = DATELINE.match(line) if not story_started else None
        if title is not None and story_lines == 1 and site_name(title) and headline_like(stripped):
            # "Pine Hill University" above its menu, then the story's headline: the first line
            # was the site's name
            first = next(k for k, ln in enumerate(out) if ln.strip())
            out[first] = _blank(out[first])
            title, story_lines = None, 0
        if title is None:
            rest = line[m.end():] if m else stripped
            title = INLINE_PHOTO.sub("", rest).strip() or None
        if m is not None:
            story_started = True
            # "April 8, 2024 – The forum ...": a dateline may give the date alone
            place = " ".join(w.capitalize() for w in m.group("city").split()) if m.group("city") else None
            dateline = (int(m.group("y")) if m.group("y") else None, month_number(m.group("mon")),
                        int(m.group("d")))
            line = _blank(line[: m.end()]) + line[m.end():]
        line = INLINE_PHOTO.sub(lambda m: _blank(m.group(0)), line)
        story_lines += 1
        out.append(line)
    text = "\n".join(out)
    if dateline is not None:
        # a dateline gives month and day; its year is the page's, else the year the story
        # talks about most. A wire story is dated by its dateline: "today" and "on Monday" are
        # read from it, so it wins over a page date a few days later (the page's posting date).
        year = dateline[0] or (published.year if published else None) or main_year(text)
        dated = safe_date(year, dateline[1], dateline[2]) if year is not None else None
        if published is None or (dated is not None and 0 <= (published - dated).days <= 3):
            published = dated or published
    return text, title, published, place
