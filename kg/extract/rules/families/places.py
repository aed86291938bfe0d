"""Containment of places and venues ("Y's X", "X in Y")."""

from __future__ import annotations

import re

from kg.articles import OWN_ADDRESS
from kg.extract import lexicon as lx
from kg.extract.heads import head_word, type_by_head
from kg.extract.rules.patterns import CHINA_REGION, INSERTION, LIST, ROLE, ZONE_BODY, E, Gated
from kg.extract.rules.sentence import Sentence
from kg.names import normalize_name
from kg.records import EntityType, Relation

_STREET_HEADS = frozenset({"road", "street", "avenue", "lane", "boulevard", "floor", "building", "tower",
                           "plaza", "mansion", "room", "suite"})
CONTAINED = frozenset({"district", "county", "town", "township", "village", "city", "prefecture",
                       "zone", "park", "area", "subdistrict", "new area"})


def in_a_list(s: Sentence, start: int, end: int) -> bool:
    """Whether ``ph[start:end]`` ("⟦a⟧, ⟦b⟧") is part of a list ("A, B, C and D") rather than
    a chain of containment ("held in A, B, C."): a list ends in "and"/"or" before its last item."""
    rest = s.ph[end:]
    tail = re.match(r"(?:\s*,\s*(?:the\s+)?" + E + r")*", rest)
    after = rest[tail.end() if tail else 0:]
    return bool(re.match(r"\s*,?\s*(?:and|or|as\s+well\s+as)\s+(?:the\s+)?" + E, after))


# -- places: containment
def read(s: Sentence) -> None:
    ph = s.ph
    places = (EntityType.PLACE, EntityType.VENUE)
    for m in re.finditer(r"(?P<b>" + E + r")['’]s\s+(?P<a>" + E + ")", ph):
        a, b = s.key(m.group("a")), s.key(m.group("b"))
        b_label = s.r.ex.entities[b].label
        if CHINA_REGION.fullmatch(b_label):
            continue  # "South China's Pine Region": a region's description, not its containment
        if b_label in lx.COUNTRIES:
            if s.typ(a) is EntityType.PLACE:  # "central China's Pine province" is in China
                s.fact(a, Relation.LOCATED_IN, b)
            continue
        if s.typ(a) in places and s.typ(b) is EntityType.PLACE:
            s.fact(a, Relation.LOCATED_IN, b)
            s.r.alias(a, s.surface(m))
    for k in set(s.keys):
        ent = s.r.ex.entities.get(k)
        if ent is None or ent.type not in places:
            continue
        m2 = re.match(r"(?P<a>.+?)\s+of\s+(?:the\s+)?(?P<b>[A-Z].+)$", ent.label)
        if m2 and type_by_head(m2.group("a")) in places and type_by_head(m2.group("b")) in \
                places:
            b = s.r.entity(m2.group("b"), EntityType.PLACE, strong=True)
            s.fact(k, Relation.LOCATED_IN, b)
            s.r.alias(k, m2.group("a"))
        words = ent.label.split()
        if ent.type is EntityType.PLACE and 2 <= len(words) <= 3:
            prefix = s.r.key_by_norm.get(normalize_name(words[0]))
            if prefix and prefix != k and s.typ(prefix) is EntityType.PLACE and \
                    words[-1].lower() not in {"district", "county", "city", "province",
                                              "town"}:
                s.fact(k, Relation.LOCATED_IN, prefix)
    # "Located in the east of Lakeside, the Pine Park covers ...": a fronted participle
    # ("Headquartered in Boston, Massachusetts, Acme ...": the subject follows the place's chain)
    front = re.match(r"^(?:(?:It\s+is|Being)\s+)?(?:Located|Based|Situated|Headquartered)\s+in\s+(?:the\s+"
                     r"(?:\w+\s+){0,3}?(?:of|part\s+of)\s+)?(?:the\s+)?(?P<b>" + E + r")(?:,\s+" + E + r")*"
                     r"[^⟦]{0,30}?[,;]\s+(?:the\s+)?(?P<a>" + E + ")", ph)
    # a lookahead, so that in "A, B, C" both (A, B) and (B, C) are read
    for m in re.finditer(r"(?=(?P<a>" + E + r"),\s+(?:(?:the\s+)?capital\s+of\s+(?:[\w'’-]+\s+){0,4}?)?"
                         r"(?:the\s+)?(?:(?!(?:where|which|who|when|while|and|but)\b)[\w-]+\s+)?(?:" + E +
                         r"['’]s\s+)?(?P<b>" + E + r")(?!\s*['’]s\b)(?!\s+[A-Z]))",
                         ph):
        a, b = s.key(m.group("a")), s.key(m.group("b"))
        head_b = head_word(s.r.ex.entities[b].label)
        if front is not None and m.start("a") == front.start("b") and m.start("b") == front.start("a"):
            continue  # "Located in Lakeside District, the Pine Park is ...": the park is in the district
        if in_a_list(s, m.start("a"), m.end("b")) or s.r.ex.entities[a].label in lx.COUNTRIES or \
                head_word(s.r.ex.entities[a].label) in _STREET_HEADS:
            continue  # "Beijing, Shanghai and Shenzhen": a list; "Singapore, Japan": countries contain
            # none; "171 Pine Road, Lakeside District": an address's street is no place of the graph
        if s.typ(a) in places and s.typ(b) is EntityType.PLACE and (
                head_b in {"province", "region", "city", "municipality", "prefecture", "county",
                           "state"} or "capital of" in ph[m.start("a"):m.end("b")]
                or s.typ(a) is EntityType.PLACE  # "in Lakeside, Pine Province, China": a chain
                or s.typ(a) is EntityType.VENUE  # "at the Pine Grand Hotel, Lakeside"
                or s.r.ex.entities[b].label in lx.COUNTRIES
                or head_word(s.r.ex.entities[a].label) in {"district", "county", "town", "township"}):
            s.fact(a, Relation.LOCATED_IN, b)
    _address(s)
    _post_body_in(s)
    # "the X Park of Hefei's Y Zone": the park lies in the zone (and the zone in the city)
    for m in re.finditer(r"(?P<a>" + E + r")\s+of\s+" + E + r"['’]s\s+(?P<c>" + E + ")", ph):
        a, c = s.key(m.group("a")), s.key(m.group("c"))
        if a != c and s.typ(a) in places and s.typ(c) is EntityType.PLACE:
            s.fact(a, Relation.LOCATED_IN, c)
    # "Jinhe Economic Development Zone of Linyi": the city after a zone's name locates it
    for m in re.finditer(r"(?P<a>" + E + r")\s+of\s+(?P<c>" + E + r")(?!\s*['’]s\b)", ph):
        a, c = s.key(m.group("a")), s.key(m.group("c"))
        label = s.r.ex.entities[c].label
        if a != c and s.typ(a) is EntityType.PLACE and head_word(s.r.ex.entities[a].label) in lx.ZONE_HEADS and \
                len(label.split()) <= 2 and type_by_head(label) in (None, EntityType.PLACE) and c not in s.r.strong:
            s.r.ex.entities[c].type = EntityType.PLACE
            s.fact(a, Relation.LOCATED_IN, c)
    # "the southwest of Wuhan, where Pine District is located"
    for m in re.finditer(r"(?P<a>" + E + r"),\s+where\s+(?:the\s+)?(?P<b>" + E + r")\s+(?:is|are|was|lies)\s+"
                         r"(?:located|situated|based)?", ph):
        a, b = s.key(m.group("a")), s.key(m.group("b"))
        if a != b and s.typ(a) is EntityType.PLACE and s.typ(b) in (*places, *lx.ORG_TYPES):
            s.fact(b, Relation.LOCATED_IN, a)
    if front:
        a, b = s.key(front.group("a")), s.key(front.group("b"))
        if s.typ(b) is EntityType.PLACE and s.typ(a) in (*places, *lx.ORG_TYPES):
            s.fact(a, Relation.LOCATED_IN, b)
    # "in Lakeside city, in south China's Pine province": a place, then where it is
    for m in re.finditer(r"(?P<a>" + E + r"),\s+in\s+(?:the\s+)?(?:[a-z]+(?:ern)?\s+)?(?:" + E + r"['’]s\s+)?"
                         r"(?P<b>" + E + ")", ph):
        a, b = s.key(m.group("a")), s.key(m.group("b"))
        if s.typ(a) is EntityType.PLACE and s.typ(b) is EntityType.PLACE and a != b:
            s.fact(a, Relation.LOCATED_IN, b)
    # "Lakeside District of Hangzhou", "Xiaoshan, a district of Hangzhou", "Wenzhou, a coastal
    # city in Zhejiang", "Pine Park, a national-level biomedical park in Zhejiang"
    for m in re.finditer(r"(?P<a>" + E + r")(?:,\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,3}?(?P<h>district|county|city|"
                         r"town|township|village|province|region|prefecture|municipality|park|zone|base)\s+(?:of|in)|\s+of)\s+"
                         r"(?:the\s+)?(?:[a-z]+(?:ern)?\s+)?(?:" + E + r"['’]s\s+)?(?P<b>" + E + ")", ph):
        a, b = s.key(m.group("a")), s.key(m.group("b"))
        if a == b or s.typ(b) is not EntityType.PLACE or s.typ(a) is not EntityType.PLACE:
            continue
        if m.group("h") or head_word(s.r.ex.entities[a].label) in CONTAINED:
            s.fact(a, Relation.LOCATED_IN, b)
    # "X is a Grade-A tertiary hospital in central China's Pine province", "X, a drugmaker
    # based in Y,": a body described as a kind of body somewhere
    for m in [*_DESCRIBED_IN.finditer(ph), *_APPOSED_SEAT.finditer(ph)]:
        a, b = s.key(m.group("a")), s.key(m.group("b"))
        if a != b and s.typ(a) in (*lx.ORG_TYPES, *places) and s.typ(b) is EntityType.PLACE:
            s.fact(a, Relation.LOCATED_IN, b)
    # "Maple Biotech is a Pinecity-based company", "Orion, a Shanghai-headquartered drugmaker"
    for m in re.finditer(r"(?P<a>" + E + r")(?:,\s+|\s+is\s+)(?:an?|the)\s+(?P<p>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)-"
                         r"(?:based|headquartered)\b", ph):
        a = s.key(m.group("a"))
        if s.typ(a) in lx.ORG_TYPES:
            s.fact(a, Relation.LOCATED_IN, s.r.entity(m.group("p"), EntityType.PLACE, strong=True))
    # "Founded in 1987 and headquartered in Hamburg, Germany, Kestrel Medical employs ...": the
    # body's seat set before its name
    seat = _FRONTED_SEAT.match(ph)
    if seat and s.typ(s.key(seat.group("a"))) in (*lx.ORG_TYPES, EntityType.PLACE, EntityType.VENUE):
        a = s.key(seat.group("a"))
        for g in ("b", "c"):
            place = s.key(seat.group(g)) if seat.group(g) else None
            if place is None or s.typ(place) is not EntityType.PLACE:
                continue
            s.fact(a, Relation.COUNTRY if s.r.ex.entities[place].label in lx.COUNTRIES else Relation.LOCATED_IN, place)
    # "Wenzhou is home to Ouhai Medical Group"
    # "X, which is home to more than 60 companies, including A and B"
    # "X, located in the north, has gathered 230 enterprises, including A and B"
    for m in re.finditer(r"(?P<b>" + E + r")(?:,[^.;]{0,60}?,)?,?\s+(?:which\s+|that\s+)?(?:(?:is|was|has\s+become)\s+"
                         r"(?:also\s+|now\s+)?home\s+to|(?:has|have)\s+(?:now\s+)?(?:gathered|attracted|housed)|"
                         r"(?:now\s+)?(?:hosts|houses|gathers))\s+(?:(?P<what>[^⟦.;]{1,80}?),?\s+(?:including|such\s+as|like)\s+)?"
                         r"(?:the\s+)?(?P<l>" + LIST + ")", ph):
        b = s.key(m.group("b"))
        what = m.group("what")
        if what and not any(lx.is_body_noun(w) for w in re.findall(r"[A-Za-z]+", what)):
            continue  # "has attracted investors including A": not bodies in the place
        if s.typ(b) is EntityType.PLACE:
            for a in s.agents(m.group("l")):
                if s.typ(a) in (*places, *lx.ORG_TYPES) and a != b:
                    s.fact(a, Relation.LOCATED_IN, b)
    # "Pine is one of the urban districts of Lakeside"
    for m in re.finditer(r"(?P<a>" + E + r")\s+is\s+one\s+of\s+the\s+(?:[\w-]+\s+){0,2}?(?:districts|counties|cities|"
                         r"towns|parks|zones)\s+(?:of|in)\s+(?:the\s+)?(?P<b>" + E + ")", ph):
        a, b = s.key(m.group("a")), s.key(m.group("b"))
        if a != b and s.typ(a) is EntityType.PLACE and s.typ(b) is EntityType.PLACE:
            s.fact(a, Relation.LOCATED_IN, b)
    # "Pine District in Lakeside", "Acme Group, located in the Lake District"
    for m in re.finditer(r"(?P<a>" + E + r")(?:" + INSERTION + r",?\s+(?:which\s+(?:is\s+)?|is\s+|are\s+)?"
                         r"(?:also\s+|now\s+)?(?P<v>located|based|headquartered|situated|sited|sits?|lies|lie|"
                         # "... located in the south of the district", "lies in the northern part of Y"
                         r"stands)|,)?\s+in\s+(?:the\s+)?(?:[a-z]+(?:ern)?\s+)?(?:(?:part\s+)?of\s+(?:the\s+)?(?=⟦))?"
                         r"(?:(?:" + E + r")['’]s\s+)?"
                         r"(?P<b>" + E + ")", ph):
        a, b = s.key(m.group("a")), s.key(m.group("b"))
        based = m.group("v") is not None
        if s.typ(b) is not EntityType.PLACE or a == b:
            continue
        a = _zone_of_committee(s, a) or a  # "the Management Committee of X Park in Y": the park is in Y
        # "Jiaxing in east China's Zhejiang province": a place in a province lies in it
        in_province = s.typ(a) is EntityType.PLACE and head_word(s.r.ex.entities[b].label) in {
            "province", "region"} and s.r.ex.entities[a].label not in lx.COUNTRIES
        if in_province or (s.typ(a) is EntityType.PLACE and head_word(s.r.ex.entities[a].label) in CONTAINED) or (
                s.typ(a) is EntityType.VENUE) or (
                based and s.typ(a) in (*places, *lx.ORG_TYPES)):
            s.fact(a, Relation.LOCATED_IN, b)
    # "linked X with Bremen and Hamburg in Germany": cities in a country
    for m in re.finditer(r"(?P<l>" + E + r"(?:\s+and\s+" + E + r")?)\s+in\s+(?P<b>" + E + ")", ph):
        b = s.key(m.group("b"))
        if s.r.ex.entities[b].label not in lx.COUNTRIES:
            continue
        for a in s.items(m.group("l")):
            if a != b and s.typ(a) is EntityType.PLACE and s.r.ex.entities[a].label not in lx.COUNTRIES:
                s.fact(a, Relation.LOCATED_IN, b)
    for m in re.finditer(r"(?P<a>" + E + r")[^⟦.;,]{0,40}?\b(?:in|for|at)\s+(?:" + E + r"['’]s\s+)?(?P<b>" + E +
                         r")(?:['’]s\s+\w+\s+(?:district|area|suburbs?|outskirts))?", ph):
        a, b = s.key(m.group("a")), s.key(m.group("b"))
        if s.typ(a) in places and s.typ(b) is EntityType.PLACE and head_word(
                s.r.ex.entities[a].label) in {"park", "zone", "hall", "center", "centre",
                                                 "base", "island", "valley"}:
            s.fact(a, Relation.LOCATED_IN, b)


# "X, a family-owned maker of surgical tools headquartered in Y, Germany": the seat a long
# description of a body ends with
_APPOSED_SEAT = Gated(r"(?P<a>" + E + r"),\s+(?:an?|the)\s+[^⟦,;.]{1,100}?\s(?:based|headquartered|located)\s+in\s+"
                      r"(?:the\s+)?(?P<b>" + E + r")(?!\s*['’]s)", r"\s(?:based|headquartered|located)\s+in\s")
_DESCRIBED_IN = re.compile(
    r"(?P<a>" + E + r")(?:,\s+|\s+is\s+|\s+was\s+)(?:also\s+)?(?:an?|the)\s+(?:[\w-]+\s+){0,4}?(?:hospital|company|"
    r"university|institute|enterprise|firm|manufacturer|developer|maker|drugmaker|provider|operator|center|"
    r"centre|college|startup|producer|supplier|distributor|clinic|park|zone|base|valley|town)\s+"
    r"(?:(?:based|located|headquartered)\s+)?in\s+"
    # "an industrial park in the south of the district"
    r"(?:the\s+)?(?:[a-z]+(?:ern)?\s+)?(?:(?:part\s+)?of\s+(?:the\s+)?)?(?:" + E + r"['’]s\s+)?(?P<b>" + E +
    r")(?!\s*['’]s)")


def _zone_of_committee(s: Sentence, key: str) -> str | None:
    """The park or zone a management committee's name holds ("Management Committee of X Park"),
    as a place of its own."""
    m = ZONE_BODY.match(s.r.ex.entities[key].label)
    if m is None:
        return None
    return s.r.entity(m.group("z") or m.group("z2"), EntityType.PLACE, strong=True)


_FRONTED_SEAT = re.compile(r"^\s*(?:[^⟦;]{0,60}?\band\s+)?(?:based|headquartered|located|situated)\s+in\s+(?:the\s+)?"
                           # "Located in the south of the district, X ..."
                           r"(?:(?:[a-z]+(?:ern)?\s+)?(?:north|south|east|west|centre|center|heart|middle|outskirts|"
                           r"suburbs?|part)\w*\s+of\s+(?:the\s+)?)?"
                           r"(?P<b>" + E + r")(?:,\s+(?P<c>" + E + r"))?[,;]\s+(?:the\s+)?(?P<a>" + E + ")", re.I)

_ADDRESS_LEVELS = ("district", "county", "town", "city", "zone", "park", "new area")


# "Dr. P, director of Pine Hospital in Vientiane, Laos": a post's body and the place that locates it
_POST_BODY_IN = Gated(ROLE + r"\s+(?:of|at)\s+(?:the\s+)?(?P<a>" + E + r")\s+in\s+(?:the\s+)?(?P<b>" + E + ")",
                      r"\sin\s")


def _post_body_in(s: Sentence) -> None:
    """The body a person's post names, where the sentence says it is ("director of X in Y")."""
    for m in _POST_BODY_IN.finditer(s.ph):
        a, b = s.key(m.group("a")), s.key(m.group("b"))
        if s.typ(a) in lx.ORG_TYPES and s.typ(b) is EntityType.PLACE:
            s.fact(a, Relation.COUNTRY if s.r.ex.entities[b].label in lx.COUNTRIES else Relation.LOCATED_IN, b)


def _address(s: Sentence) -> None:
    """"Company Address: 171 Pine Road, Lakeside District, Pinecity": the body the page is about
    lies in the address's most specific place (a district before its city)."""
    if not OWN_ADDRESS.match(s.r.text[s.char:s.char + 40]):  # the only address lines clean-up keeps
        return
    places = [k for k in dict.fromkeys(s.keys) if s.typ(k) is EntityType.PLACE
              and head_word(s.r.ex.entities[k].label) not in _STREET_HEADS]
    if not places:
        return
    ranked = sorted(places, key=lambda k: next(
        (n for n, h in enumerate(_ADDRESS_LEVELS) if head_word(s.r.ex.entities[k].label) == h), len(_ADDRESS_LEVELS)))
    body = s.r.most(s.r.mention_counts(lambda m: s.typ(m.key) in lx.ORG_TYPES and m.key not in s.keys))
    if body is not None:
        s.fact(body, Relation.LOCATED_IN, ranked[0])
