"""Name normalisation shared by entity resolution (ingest) and name look-up (queries).

Two surface forms are "the same name" when they agree after folding case, apostrophes,
punctuation, "&"/"and", a leading "the" and a trailing corporate suffix.
"""

from __future__ import annotations

import re
import unicodedata

_CORPORATE_SUFFIX = re.compile(
    r"\s+(co\s+ltd|co|ltd|limited|inc|corp|corporation|company\s+limited|plc|llc|gmbh|ag|sa)$"
)


def normalize_name(text: str) -> str:
    """Fold a name for comparison.

    >>> normalize_name("The People's Government of Beijing")
    'peoples government of beijing'
    >>> normalize_name("Shanghai United Imaging Co., Ltd.")
    'shanghai united imaging'
    """
    s = unicodedata.normalize("NFKC", text).lower().replace("&", " and ")
    s = re.sub(r"['’`]s\b", "s", s)
    s = re.sub(r"['’`]", "", s)
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"^the\s+", "", s)
    prev = None
    while prev != s:
        prev = s
        s = _CORPORATE_SUFFIX.sub("", s).strip()
    return s
