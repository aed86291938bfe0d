"""One agreement recorded: its sides (persons read as their bodies) and the event it was signed at."""

from __future__ import annotations

import re

from kg.extract.rules.families.agreements.headline import in_full, restated
from kg.extract.rules.families.agreements.kinds import kind_of, plural
from kg.extract.rules.families.agreements.parties import bodies, no_tickers
from kg.extract.rules.patterns import E, compiled
from kg.extract.rules.sentence import Sentence, evidence
from kg.extract.rules.when import dated_phrases
from kg.names import normalize_name
from kg.records import AgreementRecord, EntityType, PartialDate, Relation

_RESPECTIVELY = compiled(r"\brespectively\b", re.I)


def sides(s: Sentence, kind_text: str, a: list[str], b: list[str], event: str | None, after: str) -> None:
    """One agreement between signatories ``a`` and counterparts ``b``; when the kind is plural
    ("agreements with A, B and C", "A, B and C signed agreements with the park"), one with each."""
    kind = kind_of(s, kind_text)
    if len(a) == len(b) > 1 and _RESPECTIVELY.search(s.ph):
        for x, y in zip(a, b, strict=True):  # "A and B signed deals with C and D respectively"
            agreement(s, kind, [[x], [y]], event)
    elif plural(kind_text, after) and len(b) > 1:
        for x in b:
            agreement(s, kind, [a, [x]], event)
    elif plural(kind_text, after) and len(a) > 1:
        for x in a:
            agreement(s, kind, [[x], b], event)
    else:
        agreement(s, kind, [a, b], event)



def event_for_agreement(s: Sentence, pos: int) -> str | None:
    at = re.search(r"\b(?:at|during|on\s+the\s+sidelines\s+of|on)\s+(?:the\s+)?(?P<e>" + E + ")",
                   s.ph[pos:])
    if at and s.is_event(s.key(at.group("e"))):
        return s.key(at.group("e"))
    events = s.events_in(s.ph)
    return events[0] if events else s.r.main_event



def agreement(s: Sentence, kind: str, sides: list[list[str]], event: str | None) -> None:
    signers = [k for side in sides for k in side if s.typ(k) is EntityType.PERSON]
    if event is not None and event in s.events_in(s.ph):
        for person in signers:  # "At the X, P and Q signed the MoU on behalf of A and B": they were there
            s.fact(event, Relation.PARTICIPANT, person)
    sides = in_full(s, bodies(s, no_tickers(s, sides)))
    sides = [list(dict.fromkeys(_government_of(s, k) for k in side)) for side in sides]
    # "signed by P of A and Q of B", P and Q read as A and B: a body on two sides is one party
    sides = _each_party_once(sides)
    s.r.ex.agreements = restated(s, sides)
    keys = {a.key for a in s.r.ex.agreements}
    n = len(s.r.ex.agreements)
    while f"ag{n}" in keys:
        n += 1
    s.r.ex.agreements.append(AgreementRecord(
        f"ag{n}", kind, sides, evidence(s.r.article.name, s.sent), event=event, date=day_told(s, event)))


# the end of a dateline ("SUZHOU, China, May 7, 2024 /PRNewswire/ -- "): its date is the story's
_DATELINE_END = compiled(r"\s(?:--|—|–)\s")


_TELLING = frozenset({"announce", "say", "state", "report", "confirm", "reveal", "disclose", "tell"})


def day_told(s: Sentence, event: str | None) -> PartialDate | None:
    """The one day a signing sentence names ("On September 6, an agreement was reached"): its
    date; a sentence naming a period or several days leaves it to the event's, and a
    dateline's day is the day of the news, not of the signing."""
    ends = [m.end() for m in _DATELINE_END.finditer(s.sent.text)]
    after = s.sent.start_char + ends[-1] if ends else -1
    days = [d.span for d in dated_phrases(s.r, s.sent, event) if not d.closing and d.start >= after
            and not (d.verb is not None and d.verb.lemma_ in _TELLING)]  # "today announced it has signed"
    if len(days) != 1 or days[0].ranged or days[0].start is None or days[0].start.day is None:
        return None
    return days[0].start


def _each_party_once(sides: list[list[str]]) -> list[list[str]]:
    """Each party on its first side only (a side left empty goes).

    >>> _each_party_once([["a"], ["a"], ["b"]])
    [['a'], ['b']]
    """
    seen: set[str] = set()
    out: list[list[str]] = []
    for side in sides:
        kept = [k for k in side if k not in seen]
        seen.update(kept)
        if kept:
            out.append(kept)
    return out


def _government_of(s: Sentence, key: str) -> str:
    """A place that signs is its people's government when the story names that body ("the
    People's Government of X District" hosted; "X District also signed ...")."""
    ent = s.r.ex.entities[key]
    if ent.type is not EntityType.PLACE:
        return key
    for label in (f"People's Government of {ent.label}", f"{ent.label} People's Government",
                  f"{ent.label} Municipal People's Government"):
        gov = s.r.key_by_norm.get(normalize_name(label))
        if gov is not None and s.r.ex.entities[gov].type is EntityType.GOVERNMENT_BODY:
            return gov
    return key
