"""HTML pages: telling one from plain text, and reducing it to its visible text with the
standard library's HTML parser (scripts, styles and the head dropped), one line per block.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


def is_html(name: str, text: str) -> bool:
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
