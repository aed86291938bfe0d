"""Name normalisation shared by entity resolution (ingest) and name look-up (queries).

Two surface forms are "the same name" when they agree after folding case, apostrophes,
punctuation, "&"/"and", a leading "the" and a trailing corporate suffix.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CORPORATE_SUFFIX = re.compile(
    r"\s+(co\s+ltd|co|ltd|limited|inc|corp|corporation|company\s+limited|plc|llc|gmbh|ag|sa)$"
)


_POSSESSIVE = re.compile(r"['’`]s\b")
_APOSTROPHE = re.compile(r"['’`]")
_PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")


@lru_cache(maxsize=65536)
def normalize_name(text: str) -> str:
    """Fold a name for comparison (cached: ingestion compares the same names many times).

    >>> normalize_name("The People's Government of Beijing")
    'peoples government of beijing'
    >>> normalize_name("Shanghai United Imaging Co., Ltd.")
    'shanghai united imaging'
    """
    s = unicodedata.normalize("NFKC", text).lower().replace("&", " and ")
    s = _POSSESSIVE.sub("s", s)
    s = _APOSTROPHE.sub("", s)
    s = _PUNCT.sub(" ", s)
    s = _SPACES.sub(" ", s).strip()
    s = _LEADING_THE.sub("", s)
    prev = None
    while prev != s:
        prev = s
        s = _CORPORATE_SUFFIX.sub("", s).strip()
    return s
