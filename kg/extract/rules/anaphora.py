"""Anaphora: "the forum", "the event", "at the center", "the district government", "the hospital".

News names a thing once and then refers to it by its kind. Each such phrase becomes a mention
(marked ``anaphor``) of the entity it means, so the families read "the forum was hosted by A"
as a fact of the named forum: an event phrase means the latest event with that head noun, else
the article's main event (:mod:`kg.extract.rules.main_event`); a venue phrase the venue just
named; a government phrase the body or place of that level; a body phrase the body of that kind
the story has named most so far. Event phrases are read first, in
:mod:`kg.extract.rules.event_anaphora`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from kg.extract import lexicon as lx
from kg.extract.heads import head_word
from kg.extract.rules.event_anaphora import event_anaphora, part_by_its_word
from kg.extract.rules.merges import merge
from kg.extract.rules.patterns import DEMONYM, ZONE_BODY
from kg.names import normalize_name
from kg.records import EntityType

if TYPE_CHECKING:
    from kg.extract.rules.reader import Mention, Reader


def resolve_anaphora(r: Reader) -> None:
    """Events first (they lean on the main event), then venues, governments and bodies."""
    part_by_its_word(r)
    event_anaphora(r)
    _venue_anaphora(r)
    _government_anaphora(r)
    _place_and_kind(r)
    _body_anaphora(r)


_KIND_AFTER_PLACE = re.compile(r"\s+(?P<head>hospital|university|company|firm|group|college|institute|drugmaker)\b"
                               r"(?!\s+(?:of|for)\b|['’])")


def _place_and_kind(r: Reader) -> None:
    """"the Shanghai hospital", "the Guangzhou-based drugmaker" (a place and a kind of body):
    the one body of that kind named before whose name holds the place, or that is there."""
    for m in sorted(r.mentions, key=lambda x: x.start):
        if r.ex.entities[m.key].type is not EntityType.PLACE or not re.search(r"\b[Tt]he\s+$", r.text[:m.start]):
            continue
        kind = _KIND_AFTER_PLACE.match(r.text, m.end) or re.compile(r"-based" + _KIND_AFTER_PLACE.pattern).match(
            r.text, m.end)
        if kind is None:
            continue
        head = kind.group("head")
        place = r.ex.entities[m.key].label
        named = {x.key for x in r.mentions if x.end <= m.start and r.ex.entities[x.key].type in lx.ORG_TYPES
                 and not x.anaphor and place in r.ex.entities[x.key].label
                 and (head in {"company", "firm", "group", "drugmaker"}
                      or head_word(r.ex.entities[x.key].label) == head)}
        if len(named) == 1:
            start = m.start - 4
            r.mentions = [x for x in r.mentions if x is not m]
            r.mention(start, kind.end(), named.pop(), anaphor=True)


def _venue_anaphora(r: Reader) -> None:
    """"at the center", "in the hall": the venue named in the sentence or the one before."""
    for m in re.finditer(r"\b(?:in|at|inside)\s+the\s+(?P<head>center|centre|hall|venue|stadium|hotel|"
                         r"building)\b(?!\s+(?:of|on|for)\b)", r.text):
        start = m.start("head") - len("the ")
        if any(x.start <= start < x.end for x in r.mentions):
            continue
        sent = r.sent_of_char[start]
        near = [x for x in r.mentions if x.end <= start and sent - 1 <= x.sent <= sent
                and r.ex.entities[x.key].type is EntityType.VENUE
                and head_word(r.ex.entities[x.key].label) in {m.group("head"), "center", "centre"}]
        if near:
            r.mention(start, m.end(), near[-1].key, anaphor=True)


def _government_anaphora(r: Reader) -> None:
    """"the district government", "the county": the district's government body (or the
    district) the story names, when it names one of that level."""
    for m in re.finditer(r"\b[Tt]he\s+(?P<lvl>county|city|district|municipal|provincial|town|township)"
                         r"(?P<gov>\s+(?:people['’]s\s+)?government)?\b"
                         r"(?!\s+(?:of\b|[A-Z])|\s*['’]s\s+(?:management|administrative))",
                         r.text):
        if any(x.start <= m.start() < x.end or m.start() <= x.start < m.end() for x in r.mentions):
            continue
        lvl = {"municipal": "city", "provincial": "province"}.get(m.group("lvl"), m.group("lvl"))
        counts: dict[str, int] = {}
        for x in r.mentions:
            ent = r.ex.entities[x.key]
            words = ent.label.lower().replace("’", "'").split()
            # "X District People's Government", "People's Government of X District"
            body = ent.type is EntityType.GOVERNMENT_BODY and (
                words[-1] == "government" or "people's government of" in " ".join(words)) and (
                lvl in words or (lvl == "city" and "municipal" in words))
            place = ent.type is EntityType.PLACE and words[-1] == lvl
            if (body if m.group("gov") else place) or (m.group("gov") and place):
                counts[x.key] = counts.get(x.key, 0) + (10 if body else 1)  # a body first
        if counts:
            r.mention(m.start(), m.end(), max(counts, key=lambda k: counts[k]), anaphor=True)


def _body_anaphora(r: Reader) -> None:
    """"president of the hospital", "the university signed": the body of that kind the story
    has named most up to there (a hospital newsroom's own hospital)."""
    heads = {"hospital": EntityType.HOSPITAL, "university": EntityType.ORGANIZATION,
             "college": EntityType.ORGANIZATION, "company": EntityType.COMPANY,
             "group": EntityType.COMPANY, "association": EntityType.ORGANIZATION,
             "commission": EntityType.GOVERNMENT_BODY, "bureau": EntityType.GOVERNMENT_BODY,
             "academy": EntityType.ORGANIZATION, "institute": EntityType.ORGANIZATION,
             "department": EntityType.GOVERNMENT_BODY, "ministry": EntityType.GOVERNMENT_BODY,
             "administration": EntityType.GOVERNMENT_BODY, "alliance": EntityType.ORGANIZATION,
             "foundation": EntityType.ORGANIZATION, "society": EntityType.ORGANIZATION,
             "federation": EntityType.ORGANIZATION, "committee": EntityType.GOVERNMENT_BODY,
             "cluster": EntityType.ORGANIZATION, "council": EntityType.ORGANIZATION,
             "fund": EntityType.ORGANIZATION}
    # after a preposition, and as a clause's subject ("during which the company and X signed",
    # "At the forum, the administration signed", "The hospital will ...")
    pattern = (r"(?:\b(?:of|at|with|from|by|between)\s+|(?:\b(?:which|that|while|and)|,|^|[.!?]\s)\s*)"
               r"(?P<the>(?:[Tt]he|our)\s+(?:(?:" + DEMONYM + r")\s+)?"
               r"(?:(?:park\s+|zone\s+)?(?:management|administrative|organizing|organising|standing)\s+(?=committee))?)"
               r"(?P<head>" + "|".join(heads) + r")\b(?!\s+(?:of|for|on)\b|['’])"
               # "said Zhou Lan, the hospital's president": a possessive names the body too
               r"|(?<=,\s)the\s+(?P<poss>" + "|".join(heads) + r")(?=['’]s\s)"
               # "Zhou Lan, hospital President Wu Min": a lower-case head word before a titled name
               # (or opening a sentence: "University Party Secretary Ren Li, President Gao Fen ...")
               r"|(?:(?<=[,;]\s)|(?<=[.!?]\s)|(?<=\n))(?P<attr>(?i:" + "|".join(heads) + r"))"
               r"(?=\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+[A-Z])")
    for m in re.finditer(pattern, r.text):
        if m.group("poss") or m.group("attr"):
            start, head = m.start(), (m.group("poss") or m.group("attr")).lower()
            best = r.most(r.mention_counts(_named_before(r, start, head, heads[head])))
            if best is not None and not any(x.start <= start < x.end for x in r.mentions):
                r.mention(start, start + len(m.group(0)), best, anaphor=True)
            continue
        start = m.start("the")
        if any(x.start <= start < x.end or start <= x.start < m.end() for x in r.mentions):
            continue
        best = _most_then_latest(r, _named_before(r, start, m.group("head"), heads[m.group("head")])) or \
            _written_before(r, start, m.group("head"), heads[m.group("head")])
        if best is not None:
            r.mention(start, m.end(), best, anaphor=True)


def _most_then_latest(r: Reader, keep: Callable[[Mention], bool]) -> str | None:
    """The body named most, of equals the one named last ("President of A, Party Secretary of the
    hospital": A, when the story named A and B as often)."""
    counts = r.mention_counts(lambda m: keep(m) and not m.anaphor)  # named, not referred to
    labels = {k: r.ex.entities[k].label for k in counts}
    # "Baiyu Hospital" and "Shanghai Baiyu Hospital" count together (short forms merge only later)
    counts = {k: n + sum(counts[o] for o in counts if o != k and (
        labels[k].endswith(" " + labels[o]) or labels[o].endswith(" " + labels[k]))) for k, n in counts.items()}
    last = {m.key: m.start for m in sorted(r.mentions, key=lambda m: m.start) if keep(m)}
    return max(counts, key=lambda k: (counts[k], last[k]), default=None)


def _written_before(r: Reader, start: int, head: str, etype: EntityType) -> str | None:
    """A body of that kind whose name the text writes before ``start`` only inside a longer name
    ("the signing ceremony between Pine Hospital and ..."), the one written most, then last."""
    found = {k: (r.text.count(e.label, 0, start), r.text.rfind(e.label, 0, start)) for k, e in r.ex.entities.items()
             if e.type is etype and (head == "company" or head_word(e.label) == head) and e.label in r.text[:start]}
    return max(found, key=lambda k: found[k], default=None)


def _named_before(r: Reader, start: int, head: str, etype: EntityType) -> Callable[[Mention], bool]:
    """A mention before ``start`` of a body of that type and head word."""
    def keep(x: Mention) -> bool:
        ent = r.ex.entities[x.key]
        # "the company" is any company ("Kestrel Medical GmbH"); other kinds go by their head word;
        # a committee may be a Party's or a government's, a cluster or a fund a body no head word types
        loose = head in {"cluster", "council", "fund"}
        kinds = (etype, EntityType.ORGANIZATION, EntityType.COMPANY if loose else etype)
        return x.start < start and ent.type in kinds and (head == "company" or head_word(ent.label) == head)
    return keep


# place heads of what is not a city, for "the city"
_NOT_CITY_HEADS = frozenset({"province", "region", "district", "county", "zone", "park", "area", "town",
                             "township", "village", "country", "continent", "island", "valley", "asia",
                             "europe", "africa", "america", "bay", "prefecture", "state"})


def city_anaphora(r: Reader) -> None:
    """"kicked off in the city", "the southwestern province has been taking part": the place
    the story has named most before it, once types are settled ("Pinecity, a city in ..." is a
    place only then), where no "X City" or "X Province" was named for it."""
    for m in re.finditer(r"\b[Tt]he\s+(?:(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|central|coastal|"
                         r"inland|host)\s+)?(?:city|province)\b(?!\s+(?:of\b|[A-Z]|['’]s|government))", r.text):
        if any(x.start <= m.start() < x.end or m.start() <= x.start < m.end() for x in r.mentions):
            continue
        if m.group(0).lower().endswith("province"):
            # "the province": a province the story named ("Hubei Province"), never its city
            counts = {x.key: 1 for x in r.mentions if x.start < m.start() and r.ex.entities[x.key].type is
                      EntityType.PLACE and head_word(r.ex.entities[x.key].label) == "province"}
        else:
            counts = _cities_before(r, m.start())
        if counts:
            r.mention(m.start(), m.end(), max(counts, key=lambda k: counts[k]), anaphor=True)


def park_anaphora(r: Reader) -> None:
    """"The park, located in ...", "the zone's management committee": the park or zone the
    story named last (types settled, as for "the city")."""
    for m in re.finditer(r"\b[Tt]he\s+(?:(?P<body>(?:administrative|management|administration)\s+(?:committee|bureau|"
                         r"office))\s+of\s+the\s+(?:[a-z][\w-]*\s+)?|(?:industrial|high-tech|science|pilot)\s+)?"
                         r"(?P<head>park|zone|valley|harbou?r|(?:new|development)\s+area|"
                         r"town(?=['’]s\s+(?:management|administrative))|"
                         r"(?:Park|Zone|Valley)(?=['’]s\s))\b"
                         r"(?!\s+(?:of\b|[A-Z]))",
                         r.text):
        # "the new area", "the development area": its name ends in "Area"; "the Park's X": a newsroom's capital
        head = m.group("head").split()[-1].lower()
        ending = m.group("head").lower() if " " in m.group("head") else ""  # "development area": so named
        taken = [x for x in r.mentions if x.start <= m.start() < x.end or m.start() <= x.start < m.end()]
        if len(taken) == 1 and r.ex.entities[taken[0].key].label == m.group("head"):
            # "the Valley's centre": the capitalised head read as a name of its own is the park
            best = _park_named_last(r, m.start(), head, but=taken[0].key)
            if best is not None:
                merge(r, taken[0].key, best, f"{m.group('head')!r} is {r.ex.entities[best].label!r}")
            continue
        if taken:
            continue
        if m.group("body"):
            # "the administrative committee of the biotech zone": the zone's committee
            park = _park_named_last(r, m.start(), head)
            if park is not None:
                r.mention(m.start(), m.end(), _committee_of(r, r.ex.entities[park].label, m.group("body")),
                          anaphor=True)
            continue
        # by where its name last stands: the park may be named inside a longer name ("a
        # promotion event for the X Park")
        best = _park_named_last(r, m.start(), head, ending=ending)
        committee = _COMMITTEE.match(r.text, m.end())
        if best is None:
            # "the Administration Bureau of the X Zone ... the zone's administration bureau": the
            # zone named only inside its body's name
            body = _zone_body_named(r, m.start(), head)
            if body is None:
                continue
            zone = ZONE_BODY.match(r.ex.entities[body].label)
            assert zone is not None
            if committee is not None:
                r.mention(m.start(), committee.end(), body, anaphor=True)
            else:
                r.mention(m.start(), m.end(), r.entity(zone.group("z") or zone.group("z2"), EntityType.PLACE,
                                                       strong=True), anaphor=True)
            continue
        if committee is not None:
            # "the park's administrative committee": the committee the story named with the
            # park, else that committee as a body of its own
            body = _committee_of(r, r.ex.entities[best].label, committee.group(1))
            r.mention(m.start(), committee.end(), body, anaphor=True)
        else:
            r.mention(m.start(), m.end(), best, anaphor=True)


def _park_named_last(r: Reader, before: int, head: str, but: str | None = None, ending: str = "") -> str | None:
    """The park or zone of that head word (and name ending, if given) whose name stands last
    before ``before``."""
    named = {key: r.text.rfind(ent.label, 0, before) for key, ent in r.ex.entities.items()
             if ent.type in (EntityType.PLACE, EntityType.VENUE) and head_word(ent.label) == head and key != but
             and ent.label.lower().endswith(ending)}
    best = max(named, key=lambda k: named[k], default=None)
    return best if best is not None and named[best] >= 0 else None


_COMMITTEE = re.compile(r"(?:['’]s)?\s+((?:administrative|management|administration)\s+(?:committee|bureau|office))\b",
                        re.I)


def _zone_body_named(r: Reader, before: int, head: str) -> str | None:
    """The government body named last before ``before`` whose name holds a zone of that head
    word ("Management Committee of the X Park" for "the park")."""
    found = {}
    for key, ent in r.ex.entities.items():
        zone = ZONE_BODY.match(ent.label) if ent.type is EntityType.GOVERNMENT_BODY else None
        if zone is not None and head_word(zone.group("z") or zone.group("z2")) == head:
            found[key] = r.text.rfind(ent.label, 0, before)
    best = max(found, key=lambda k: found[k], default=None)
    return best if best is not None and found[best] >= 0 else None


def _committee_of(r: Reader, park: str, committee: str) -> str:
    """The body named "X Park Administrative Committee" or "the administrative committee of X
    Park": the one the story names, else a new government body known by all three names."""
    names = [f"{park} {committee.title()}", f"{committee.title()} of {park}", f"{committee.title()} of the {park}"]
    for label in names:
        key = r.key_by_norm.get(normalize_name(label))
        if key is not None:
            return key
    key = r.entity(names[0], EntityType.GOVERNMENT_BODY, strong=True)
    for alias in names[1:]:
        r.alias(key, alias)
    return key


def _cities_before(r: Reader, char: int) -> dict[str, int]:
    """The places named before ``char`` whose names say they are no province, region,
    district or country, with how often each is named."""
    counts: dict[str, int] = {}
    for x in r.mentions:
        ent = r.ex.entities[x.key]
        if x.start >= char or ent.type is not EntityType.PLACE or ent.label in lx.COUNTRIES:
            continue
        if head_word(ent.label) in _NOT_CITY_HEADS or len(ent.label.split()) > 2:
            continue
        counts[x.key] = counts.get(x.key, 0) + 1
    return counts


def it_anaphora(r: Reader) -> None:
    """"X signed ... with A. It also signed ... with B": a sentence opening with "It" as its
    subject means the body or park the sentence before had as its subject (types settled).
    Never the "it" of "It is expected that" (a copula or a passive of saying) and never an event
    (the occurrence family reads "It will run until ..." itself)."""
    for i, sent in enumerate(r.sents[1:], start=1):
        first = sent[0]
        if first.lower_ != "it" or first.dep_ not in ("nsubj", "nsubjpass") or first.head.lemma_ == "be":
            continue
        if any(x.start == first.idx for x in r.mentions):
            continue
        prev = r.sents[i - 1]
        subject = next((t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
        if subject is None:
            continue
        key = next((x.key for x in r.mentions if x.start <= subject.idx < x.end), None)
        if key is not None and (r.ex.entities[key].type in lx.ORG_TYPES or (
                r.ex.entities[key].type is EntityType.PLACE and r.ex.entities[key].label not in lx.COUNTRIES)):
            r.mention(first.idx, first.idx + len(first.text), key, anaphor=True)
