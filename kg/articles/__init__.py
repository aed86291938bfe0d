"""Reading articles: bytes in, a clean :class:`~kg.records.Article` out.

Which module holds what:

* :mod:`kg.articles.reading`: :func:`read_article`, :func:`read_bytes` (the checks, and what
  every file comes out as);
* :mod:`kg.articles.decoding`: :func:`decode` (byte-order marks, UTF-16, binary data);
* :mod:`kg.articles.html_text`: :func:`html_to_text`, :data:`HTML_SUFFIXES`;
* :mod:`kg.articles.cleanup`: :func:`clean` (page furniture blanked, title and date read),
  :func:`unwrap` (hard-wrapped lines joined);
* :mod:`kg.articles.furniture`: what a furniture line looks like, :data:`OWN_ADDRESS`;
* :mod:`kg.articles.dating`: date lines, datelines and :func:`main_year`.
"""

from kg.articles.cleanup import clean, unwrap
from kg.articles.dating import main_year
from kg.articles.decoding import decode
from kg.articles.furniture import OWN_ADDRESS
from kg.articles.html_text import HTML_SUFFIXES, html_to_text
from kg.articles.reading import read_article, read_bytes

__all__ = [
    "HTML_SUFFIXES",
    "OWN_ADDRESS",
    "clean",
    "decode",
    "html_to_text",
    "main_year",
    "read_article",
    "read_bytes",
    "unwrap",
]
