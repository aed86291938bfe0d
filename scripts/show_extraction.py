"""Print what the default extractor reads from articles (a development aid).

Usage: python scripts/show_extraction.py FILE...
"""

from __future__ import annotations

import sys
from pathlib import Path

from kg.articles.reading import read_article
from kg.config import DEFAULT_EXTRACTOR
from kg.extract import get_extractor
from kg.records import Literal


def main(paths: list[str]) -> None:
    articles = [read_article(Path(p)) for p in paths]
    for ex in get_extractor(DEFAULT_EXTRACTOR).extract(articles):
        ents = ex.entities
        print(f"===== {ex.article.name} published={ex.article.published}")
        for e in ents.values():
            print(f"  [{e.type.value}] {e.label}  {sorted(e.aliases)}{' (scoped)' if e.scope else ''}")
        for f in ex.facts:
            o = f.object.value if isinstance(f.object, Literal) else ents[f.object].label
            print(f"  {ents[f.subject].label} -{f.relation.value}-> {o}")
        for a in ex.agreements:
            sides = [[ents[k].label for k in side] for side in a.sides]
            ev = ents[a.event].label if a.event else None
            print(f"  AGREEMENT {a.kind!r} {a.label or ''} sides={sides} at={ev}")


if __name__ == "__main__":
    main(sys.argv[1:])
