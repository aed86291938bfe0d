"""A signing in a headline ("Pinewood, Ashford ink pact on X"): the headline names the parties
short, and the story states the same signing in full. The short names are read as the bodies
the story names in full, and the headline's agreement gives way when the story restates it,
so that one signing is one agreement with its parties' full names."""

from __future__ import annotations

from kg.extract import lexicon as lx
from kg.extract.rules.sentence import Sentence
from kg.records import AgreementRecord


def in_headline(s: Sentence) -> bool:
    return s.index == s.r.title_sent


def in_full(s: Sentence, sides: list[list[str]]) -> list[list[str]]:
    """Headline parties as the one body whose name starts with theirs ("Tanglin" for Tanglin
    First Hospital, not the city of the dateline)."""
    if not in_headline(s):
        return sides
    ents = s.r.ex.entities
    out = []
    for side in sides:
        new = []
        for key in side:
            short = ents[key].label + " "
            longer = [k for k, e in ents.items() if k != key and e.type in lx.ORG_TYPES and e.label.startswith(short)]
            new.append(longer[0] if len(longer) == 1 else key)
        out.append(list(dict.fromkeys(new)))
    return out


def restated(s: Sentence, sides: list[list[str]]) -> list[AgreementRecord]:
    """The agreements read in the headline, less the one the story restates with these sides."""
    parties = {k for side in sides for k in side}
    return [a for a in s.r.ex.agreements if in_headline(s) or set(a.parties) != parties
            or s.r.sent_of_char[a.evidence.start] != s.r.title_sent]
