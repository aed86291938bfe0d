"""Reading an article file or bytes: checks, decoding, HTML, clean-up, one Article out.

Whatever a scraper produced must come out as an Article or as one clear InputError per file,
never a traceback: empty and whitespace-only files, binary files, invalid UTF-8 and oversized
files are refused with what to do; UTF-16, UTF-32 and UTF-8 with a byte-order mark are decoded;
an HTML page is reduced to its text by a real HTML parser (scripts and styles dropped);
symbolic-link loops, devices and unreadable files are named as such. A page whose clean-up
would leave no text keeps its text, with a warning (:attr:`Article.warnings`): losing a real
article to clean-up is worse than reading some furniture.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

from kg.articles.cleanup import clean, unwrap
from kg.articles.decoding import decode
from kg.articles.html_text import html_to_text, is_html
from kg.config import MAX_ARTICLE_BYTES
from kg.errors import InputError
from kg.records import Article


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


# Characters of Chinese-site English pages that mean the ASCII ones: no-break and wide spaces,
# full-width punctuation ("Beijing，May 8", "（Group）"). One character for one: offsets stay.
_PLAIN = str.maketrans({
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " ", "\u3000": " ",
    "，": ",", "、": ",", "（": "(", "）": ")", "：": ":", "；": ";", "！": "!", "？": "?",
})


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
    if is_html(name, raw):
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
