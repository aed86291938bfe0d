"""Bytes to text: the encoding an article's bytes are in (a byte-order mark, UTF-16 without one,
else UTF-8); binary data and other encodings refused with which byte and what to do.
"""

from __future__ import annotations

import codecs

from kg.errors import InputError

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


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    bad = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(data)
