"""The README's Guarantees section names real tests: every file and test it cites exists."""

from __future__ import annotations

import re

from conftest import ROOT


def _section(text: str, title: str) -> str:
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else None]


def test_every_cited_test_exists() -> None:
    section = _section((ROOT / "README.md").read_text(encoding="utf-8"), "Guarantees")
    rows = [line for line in section.splitlines() if line.startswith("| ") and "`tests/" in line]
    assert len(rows) >= 15
    cited = 0
    for row in rows:
        current = None
        for ref in re.findall(r"`((?:tests/\w+\.py)?(?:::\w+)?)`", row.split(" | ")[-1]):
            file, _, name = ref.partition("::")
            if file:
                current = ROOT / file
                assert current.is_file(), ref
            assert current is not None, (ref, row)
            if name:
                assert re.search(rf"^def {name}\(", current.read_text(encoding="utf-8"), re.M), ref
            cited += 1
    assert cited >= 30
