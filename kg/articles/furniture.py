"""What a line of page furniture looks like: navigation, menus, bylines, captions, footers,
section headers. The patterns and tests :func:`kg.articles.cleanup.clean` blanks lines by.
"""

from __future__ import annotations

import re

# Whole lines that are page furniture, not story.
FURNITURE = [
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
META_LABEL = re.compile(r"^\s*(?:Views|Clicks|Hits|Source|Editor|Author|Text|Photo|Font|Visits|From)\b\s*[:：]",
                         re.I)
# A line holding only a person-like name (a byline or photographer): two or three capitalised
# words, no sentence punctuation. Checked only for short lines between paragraphs.
# Once the footer starts (contact labels, copyright), nothing after it is story.
FOOTER_START = re.compile(
    r"^\s*[•·*-]?\s*(Address|E-?mail|TEL|Tel|Phone|FAX|Fax|Postcode|Copyright|©)\b", re.I
)
# A body's own address ("Company Address: 3rd Floor, ..., Lakeside District, Pinecity"): where the
# page's company is, kept as text (kg.extract.rules.families.places reads it), never the title.
OWN_ADDRESS = re.compile(r"^\s*(?:Company|Office|Head\s+Office|Headquarters?)\s+Address\s*[:：]", re.I)
_BYLINE = re.compile(r"^\s*[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}\s*$")


# "[Photo/xinhua.net]", the brackets of "【CIIE 2024】" section tags (their words name the
# event and its year, so they stay), and a credit glued to the caption by scraping:
# "PhotoChina News Service", "PhotoXinhua"
INLINE_PHOTO = re.compile(r"\[(?:Photo|Image|Video)s?\s*(?:/|\s(?:by|courtesy\s+of|provided\s+by)\s)[^\]]*\]|[【】]|"
                           r"\bPhoto(?=[A-Z])[A-Z]\w*(?: [A-Z]\w+){0,3}")


def is_menu(line: str) -> bool:
    """A navigation bar: four or more items of one to three words, none a sentence."""
    items = [x for x in _MENU_SPLIT.split(line) if x]
    return len(items) >= 4 and all(len(x.split()) <= 3 and len(x) <= 30 and not x.endswith(".") for x in items)


def site_name(line: str) -> bool:
    """A site's name above its page: a few capitalised words, no verb, no figure."""
    words = line.split()
    return len(words) <= 4 and not re.search(r"\d|[.!?:]$", line) and all(w[:1].isupper() for w in words)


def headline_like(line: str) -> bool:
    """A headline: five words or more, no full stop at the end, short of a paragraph."""
    return 5 <= len(line.split()) <= 30 and not re.search(r"[.!?][\"”’']?$", line)


def is_byline(lines: list[str], i: int) -> bool:
    """A short name-only line that is not the headline: a byline or a photographer."""
    line = lines[i]
    if not _BYLINE.match(line) or len(line.split()) > 3:
        return False
    # the headline (first non-empty line) is never a byline
    return any(ln.strip() for ln in lines[:i])
