"""Organizations' parents ("a subsidiary of", "under") and countries."""

from __future__ import annotations

import re
from itertools import pairwise

from kg.extract import lexicon as lx
from kg.extract.heads import head_word
from kg.extract.rules.patterns import CHINA_REGION, COUNTRY_OF, DEMONYMS_RE, INSERTION, LIST, E, Gated
from kg.extract.rules.sentence import Sentence
from kg.records import EntityType, Relation

# -- organizations: parents and countries
_FROM_COUNTRY = Gated(r"(?P<a>" + E + r"),\s+an?\s+(?:[\w-]+\s+){0,4}?(?:maker|manufacturer|company|firm|group|"
                      r"developer|provider|supplier|producer|distributor|hospital|clinic|institution|enterprise)"
                      r"\s+(?:from|based\s+in|headquartered\s+in)\s+(?:the\s+)?(?P<c>" + E + ")", r"\s(?:from|in)\s")


def read(s: Sentence) -> None:
    ph = s.ph
    orgs = lx.ORG_TYPES
    for m in re.finditer(r"(?P<a>" + E + r")" + INSERTION + r"\s*,?\s+(?:which\s+is\s+|is\s+|was\s+)?"
                         r"(?:now\s+|also\s+)?(?:an?\s+(?:[\w-]+\s+){0,4}?)?"
                         r"(?:directly\s+)?"
                         r"(?:under|affiliated\s+(?:to|with)|a\s+subsidiary\s+of|a\s+unit\s+of|"
                         r"a\s+branch\s+of|part\s+of|a\s+division\s+of|owned\s+by|subordinate\s+"
                         r"to|a\s+member\s+of)\s+(?:the\s+)?(?P<b>" + E + ")", ph, re.I):
        a, b = s.key(m.group("a")), s.key(m.group("b"))
        if s.typ(a) in orgs and s.typ(b) in orgs:
            s.fact(a, Relation.PARENT_ORGANIZATION, b)
    # "X is a Class-A tertiary hospital affiliated to Y", "the Department of Z at the Ministry of W"
    for m in _DESCRIBED_UNDER.finditer(ph):
        a, b = s.key(m.group("a")), s.key(m.group("b"))
        if a != b and s.typ(a) in orgs and s.typ(b) in orgs:
            s.fact(a, Relation.PARENT_ORGANIZATION, b)
    for m in _UNIT_AT.finditer(ph):
        a, b = s.key(m.group("a")), s.key(m.group("b"))
        if a != b and s.typ(a) in orgs and s.typ(b) in orgs and head_word(s.r.ex.entities[a].label) in _UNITS:
            s.fact(a, Relation.PARENT_ORGANIZATION, b)
    # "Japan-based X" is of Japan, "Wuhan-based Y" in Wuhan
    for m in _BASED_BEFORE.finditer(ph):
        x, where = s.key(m.group("x")), m.group("p")
        if s.typ(x) not in orgs or (where.isupper() and where not in lx.COUNTRIES):
            continue  # "AI-based Class III devices": a technology, not a place
        if where in lx.COUNTRIES:
            s.fact(x, Relation.COUNTRY, s.r.entity(where, EntityType.PLACE, strong=True))
        else:
            s.fact(x, Relation.LOCATED_IN, s.r.entity(where, EntityType.PLACE, strong=True))
    # "X GmbH, a diagnostics maker from Germany": the country a body's description names
    for m in _FROM_COUNTRY.finditer(ph):
        a, c = s.key(m.group("a")), s.key(m.group("c"))
        if s.typ(a) is EntityType.PERSON:  # "P, CEO of X AG, a healthcare group from Y": X, read in P's title
            at = s.ms[int(m.group("a").strip("⟦⟧"))]
            a = s.r.body_named_last(at.start, at.end) or a
        if s.typ(a) in orgs and s.r.ex.entities[c].label in lx.COUNTRIES:
            s.fact(a, Relation.COUNTRY, c)
    # "Pine University and its affiliated Pine Hospital": the hospital is the university's
    for m in re.finditer(r"(?P<b>" + E + r")\s+and\s+its\s+(?:affiliated|subsidiary|member)\s+(?P<a>" + E + ")", ph):
        a, b = s.key(m.group("a")), s.key(m.group("b"))
        if s.typ(a) in orgs and s.typ(b) in orgs and a != b:
            s.fact(a, Relation.PARENT_ORGANIZATION, b)
    # "Pine Hospital launched its International Medical Center": the body's own unit
    for m in re.finditer(r"(?P<b>" + E + r")\s+(?:has\s+|have\s+|recently\s+)?(?:launched|opened|set\s+up|established|"
                         r"unveiled|inaugurated|founded)\s+its\s+(?:new\s+|first\s+)?(?P<a>" + E + ")", ph):
        a, b = s.key(m.group("a")), s.key(m.group("b"))
        if s.typ(a) in orgs and s.typ(b) in orgs and a != b:
            s.fact(a, Relation.PARENT_ORGANIZATION, b)
    for m in re.finditer(r"(?P<b>" + E + r")['’]s\s+(?:[a-z][\w-]*\s+){0,3}?(?P<a>" + E + ")", ph):
        a, b = s.key(m.group("a")), s.key(m.group("b"))
        if s.typ(a) in orgs and s.r.ex.entities[b].label in lx.COUNTRIES:
            s.fact(a, Relation.COUNTRY, b)  # "Tanzania's Muhimbili National Hospital"
        elif s.typ(a) in orgs and s.typ(b) is EntityType.PLACE and \
                ph[m.end("b"):m.start("a")].strip() in {"'s", "’s"} and not CHINA_REGION.fullmatch(
                    s.r.ex.entities[b].label):
            s.fact(a, Relation.LOCATED_IN, b)  # "Hong Kong's Harbour View Hospital"
        elif s.typ(a) in orgs and s.typ(b) in orgs and ph[m.end("b"):m.start("a")].strip() in {"'s", "’s"}:
            s.fact(a, Relation.PARENT_ORGANIZATION, b)
            s.r.alias(a, s.surface(m))
    for m in COUNTRY_OF.finditer(ph):
        _of_country(s, s.key(m.group("x")), m.group("d"))
    # "three Singaporean companies, including A and B": each listed body is of that country
    for m in _DEMONYM_LIST.finditer(ph):
        for x in s.agents(m.group("l")):
            _of_country(s, x, m.group("d"))
    # "Acme, a US-based maker of robots,", "Acme, a German company,": the country after the name
    for m in _NAME_THEN_DEMONYM.finditer(ph):
        x, d = s.key(m.group("x")), m.group("d")
        if not d.startswith("⟦"):
            _of_country(s, x, d)
        elif s.r.ex.entities[s.key(d)].label in lx.COUNTRIES and s.typ(x) in lx.ORG_TYPES:
            s.fact(x, Relation.COUNTRY, s.key(d))  # "a US-based maker": the country is a name of the text
    # "US drugmaker Acme", "Swiss-based firm X": a country named as a place before a company noun
    for m in _COUNTRY_NOUN.finditer(ph):
        c, x = s.key(m.group("c")), s.key(m.group("x"))
        if s.typ(x) in orgs and s.r.ex.entities[c].label in lx.COUNTRIES:
            s.fact(x, Relation.COUNTRY, c)
    # "Acme Medical Corporation (Japan)": the country in brackets after the name (read on the
    # names themselves: a titled person's run may hold them, "P, Director of Acme Corp (Japan)")
    here = sorted((m for m in s.r.mentions if s.sent.start_char <= m.start < s.sent.end_char), key=lambda m: m.start)
    for body, land in pairwise(here):
        if s.typ(body.key) not in orgs or s.r.ex.entities[land.key].label not in lx.COUNTRIES:
            continue
        between = s.r.text[body.end:land.start]
        if (re.fullmatch(r"\s*\(\s*", between) and re.match(r"\s*\)", s.r.text[land.end:land.end + 3])) or \
                re.fullmatch(r"\)?(?:\s*\([^()]{1,60}\))?\s+(?:in|from)\s+(?:the\s+)?", between):
            # "Acme (Japan)"; "Professor P of Lakeside University in Japan" (the post folds the body)
            s.fact(body.key, Relation.COUNTRY, land.key)
    # "Lakeside University Hospital in France", "Acme Corp from Japan": a body and its country
    for m in re.finditer(r"(?P<x>" + E + r")\s*,?\s+(?:from|in|of)\s+(?:the\s+)?(?P<c>" + E + ")", ph):
        x, c = s.key(m.group("x")), s.key(m.group("c"))
        if s.typ(x) in orgs and s.r.ex.entities[c].label in lx.COUNTRIES:
            s.fact(x, Relation.COUNTRY, c)
    for k in set(s.keys):
        ent = s.r.ex.entities.get(k)
        last = ent.label.rsplit(" ", 1)[-1] if ent is not None else ""
        if ent is not None and ent.type in orgs and last in lx.COUNTRIES and last != ent.label and \
                " of " not in ent.label and last != "China":  # "X China" names a market, not a home
            s.fact(k, Relation.COUNTRY, s.r.entity(last, EntityType.PLACE, strong=True))  # "Tarrow Hospital Laos"
        tail = re.search(r"\bof\s+(?:the\s+)?([A-Z][\w ]+)$", ent.label) if ent is not None else None
        if ent is not None and ent.type in orgs and tail and tail.group(1) in lx.COUNTRIES:
            country = s.r.entity(tail.group(1), EntityType.PLACE, strong=True)
            s.fact(k, Relation.COUNTRY, country)
            # "... of the People's Republic of China": the country's long name is one of its names
            long = re.search(r"((?:[A-Z][\w’']*\s+){1,3}(?:of|of\s+the)\s+" + re.escape(tail.group(1)) + ")$",
                             ent.label)
            if long and re.search(r"\b(?:Republic|Kingdom|States|Federation|Commonwealth)\b", long.group(1)):
                s.r.alias(country, long.group(1))


# "Japan-based X", "a Wuhan-based biotech firm X" (never "the Lakeside-based university with X")
_DESCRIBED_UNDER = re.compile(r"(?P<a>" + E + r"),?\s+(?:is|was)\s+an?\s+(?:[\w-]+\s+){0,6}?(?:hospital|university|"
                              r"college|institute|center|centre|school|company|subsidiary|unit)\s+(?:directly\s+)?"
                              r"(?:affiliated\s+(?:to|with)|under|owned\s+by)\s+(?:the\s+)?(?P<b>" + E + ")", re.I)
# the units a body is made of ("the Department of X at the Ministry of Y")
# ("the X School of Medicine at Y University" is often the school's own full name: not read so)
_UNITS = frozenset({"department", "center", "centre", "laboratory", "lab", "division", "office", "bureau"})
_UNIT_AT = re.compile(r"(?P<a>" + E + r")\s+at\s+(?:the\s+)?(?P<b>" + E + ")")

_BASED_BEFORE = re.compile(r"(?<![\w-])(?P<p>[A-Z][\w'’]*(?:\s[A-Z][\w'’]*)?)-(?:based|headquartered)\s+"
                           r"(?:(?!(?:with|and|of|in|at|for|to|from|by|on)\s)[a-z][\w-]*\s+){0,2}?(?P<x>" + E + ")")


def _of_country(s: Sentence, x: str, demonym: str) -> None:
    """Body ``x`` is of the country a demonym names ("German", "US"), unless the demonym opens
    its own name ("German-Sino Harwick Group" says nothing of its country)."""
    if s.typ(x) not in lx.ORG_TYPES or s.r.ex.entities[x].label.lower().startswith(demonym.lower()):
        return
    country = s.r.entity(lx.DEMONYMS[demonym.lower()], EntityType.PLACE, strong=True)
    s.r.alias(country, demonym)
    s.fact(x, Relation.COUNTRY, country)


_NAME_THEN_DEMONYM = re.compile(r"(?P<x>" + E + r"),\s+(?:an?|the)\s+(?:leading\s+|global\s+|major\s+)?(?P<d>"
                                + DEMONYMS_RE + r"|" + E + r")(?:-based|-headquartered)?\s+"
                                r"(?:[a-z][\w-]*\s+){0,2}?(?:company|firm|"
                                r"maker|manufacturer|drugmaker|developer|provider|group|giant|enterprise|"
                                r"multinational|supplier|producer|startup|pharmaceutical)\b", re.I)
# "three German companies, including A and B", "three German companies, A, B and C,"
_DEMONYM_LIST = re.compile(r"\b(?P<d>" + DEMONYMS_RE + r")(?:-based)?\s+(?:[a-z][\w-]*\s+){0,2}?(?:companies|"
                           r"firms|enterprises|hospitals|institutions|universities|drugmakers|businesses)"
                           r"(?:,?\s+(?:including|such\s+as|like|namely)\s+|\s*[,:]\s+(?=⟦))(?P<l>" + LIST + ")", re.I)
_COUNTRY_NOUN = re.compile(r"(?P<c>" + E + r")(?:-based)?\s+(?:[a-z][\w-]*\s+){0,2}?(?:drugmaker|drug\s+maker|"
                           r"pharmaceutical\s+(?:company|giant|firm)|company|firm|giant|group|manufacturer|"
                           r"maker|multinational|developer|supplier|distributor|startup)\s+(?P<x>" + E + ")")
