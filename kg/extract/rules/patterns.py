"""Regular-expression pieces shared by the rule families: placeholders, lists, roles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kg.extract import lexicon as lx

E = r"⟦\d+⟧"
SEP = (r"(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+&\s+|\s*,?\s+as\s+well\s+as\s+"
        r"(?:[a-z-]+\s+){0,4}?(?:such\s+as|including|like)\s+)")
DEMONYM = "|".join(sorted((re.escape(d.title()) for d in lx.DEMONYMS), key=len, reverse=True))
# a list item may carry a short description: "Japanese firm Olympus", "Pudong's Zhangjiang Town"
DESCRIPTOR = (r"(?:(?!(?:by|with|at|in|on|of|to|for|from|and|or|as|the|was|were|is|are|has|have|"
               r"will|which|who|that|between|among)\b)[a-z][\w-]*(?<!ed)(?<!ing)|" + DEMONYM + r"|"
               # "Japan-based X", "Wuhan-headquartered Y"
               r"(?:[A-Z][\w'’]*(?:\s[A-Z][\w'’]*)?|⟦\d+⟧)-(?:based|headquartered|listed|owned|funded|backed))")
# "X, a subsidiary of Y, and Z" / "X, which is affiliated with Y, signed": the appositive is
# part of X's item, and its names are not list members
APPOS = (r"(?:,\s+(?:a|an|which\s+is|who\s+is)\s+[^,;.]{1,80}?,"
         # "Li Na, president of X, and John Doe, CEO of Y, signed": a post is part of its item
         r"|,\s+(?:the\s+)?(?:[\w-]+\s+){1,4}?(?:of|at)\s+(?:the\s+)?(?:⟦\d+⟧['’]s\s+)?⟦\d+⟧,"
         # "signed by P, on behalf of the city, and Q": whom a signatory stands for
         r"|,\s+(?:on\s+behalf\s+of|representing)\s+(?:the\s+|its\s+|their\s+)?(?:⟦\d+⟧|[a-z]+(?:\s+[a-z]+)?),"
         # "X, based in the Y park, signed": where it is
         r"|,\s+(?:based|headquartered|located)\s+in\s+(?:the\s+)?(?:⟦\d+⟧|[a-z][\w-]*)(?:\s+[a-z][\w-]*){0,3},"
         # "X, the park's operating platform, signed": a description with "the" (no name but a possessor)
         r"|,\s+the\s+(?:⟦\d+⟧['’]s\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,5}?"
         r"(?:['’]s\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})?,"
         # "X, capital of east China's Y Province, signed": a place's appositive
         r"|,\s+(?:the\s+)?(?:capital|seat|home)\s+(?:city\s+)?of\s+(?:[a-z]+\s+){0,2}⟦\d+⟧(?:['’]s\s+⟦\d+⟧)?,)")
# "X, headquartered in the park, is a unit of Y", "X, founded in 2010, sits in Y": an insertion
# between a subject and its verb (lower-case, so no list of names, and no sentence end)
INSERTION = r"(?:,\s+(?:[a-z]|\d{4}\b)[^,;.]{0,80}?,)?"
# "X of Spain", "X in the United Kingdom": a body and the place that locates it make one item
# "Pudong's Zhangjiang Town", "Acme Optics' chief executive Tom Reyes": the possessor is not the item
# "A and its affiliated B": B is an item of the list
# "two Swiss companies, A and B": a count of bodies, then the bodies it counts
COUNTED = (r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[\w-]+\s+){0,2}?(?:companies|firms|"
           r"enterprises|hospitals|universities|institutions|organi[sz]ations|partners|groups)\s*,\s+")
ITEM = (rf"(?:the\s+|its\s+(?:affiliated\s+|own\s+|subsidiary\s+|(?:wholly[- ]owned\s+|newly\s+[a-z]+\s+)?"
        rf"subsidiary,\s+)?|{COUNTED})?(?:(?:Dr|Mr|Ms|Mrs|Prof|Madam)\.?\s+)?"
        rf"(?:{DESCRIPTOR}\s+){{0,4}}?(?:[a-z]+['’]s\s+)?"  # "the university's X"
        rf"(?:{E}['’]s?\s+(?:[a-z][\w-]*\s+){{0,3}}?)?{E}(?:\s*\(\s*(?:[Tt]he\s+)?[\"“]?{E}[\"”]?\s*\))?"
        rf"(?:\s+(?:of|from)\s+(?:the\s+)?{E}|\s+in\s+(?:the\s+)?{E}(?!\s*['’]s))?{APPOS}?")
LIST = rf"(?<![\w'’-]){ITEM}(?:{SEP}{ITEM})*"
# what may stand between "the" and an event's name: "the 2021 X", "the 5th X", "the third X"
EDITION = r"(?:(?:\d{4}|\d+(?:st|nd|rd|th)|[a-z]+(?:st|nd|rd|th))\s+)?"
AGREEMENT = "|".join(lx.AGREEMENT_NOUNS)
# what every KIND holds, for a pattern that needs one to skip a sentence without any (:class:`Gated`)
NEEDS_KIND = rf"(?:{AGREEMENT})"
# "a strategic partnership agreement": a second agreement noun belongs to the kind
KIND = (rf"(?P<kind>(?:(?:an?|the|two|three|four|five|several|\d+)\s+)?(?:[\w-]+\s+){{0,4}}?(?:{AGREEMENT})"
        rf"(?:\s+(?:{AGREEMENT})\b)?)")
# what may stand between a subject and its verb: auxiliaries, adverbs and a time ("A on Tuesday
# signed", "A and B last week jointly signed", "A has on March 3 signed"), each followed by a space
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
BEFORE_VERB = (r"(?:(?:also|have|has|had|jointly|will|would|then|later|recently|yesterday|today|earlier|each|both|"
               r"(?!only\b)[a-z]+ly|on\s+" + _WEEKDAY + r"(?:\s+(?:morning|afternoon|evening))?|"
               r"on\s+[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?|on\s+\d{1,2}\s+[A-Z][a-z]+|"
               r"(?:last|this|earlier\s+this|late\s+last)\s+(?:week|month|year|" + _WEEKDAY + r")|"
               # a press release: "X, a provider of Y, today announced that it has signed"
               r"(?:announced|said|confirmed|revealed|disclosed)\s+(?:that\s+)?(?:it|they))"
               r",?\s+)*")
# "sign" and "ink" are a headline's present ("Lakeside, Acme sign deal")
SIGN = (r"(?:signed|signs|sign(?=\s+(?:an?\s+|the\s+)?[\w-]*\s*(?:deals?|agreements?|pacts?|mous?|contracts?)\b)|"
        r"announced|announce(?=\s+(?:an?\s+|the\s+)?[\w-]*\s*(?:deals?|agreements?|partnership|pacts?|mous?)\b)|"
        r"inked|inks|ink(?=\s)|reached|concluded|entered\s+into|entered(?=\s+(?:an?|the)\s)|struck|sealed|penned|"
        r"clinched|"
        r"renewed|finali[sz]ed)")
OCCUR = (r"(?:was\s+|is\s+|will\s+be\s+|were\s+|are\s+|has\s+been\s+)?(?:being\s+)?(?P<verb>held|"
          r"happening|taking\s+place|took\s+place|takes\s+place|(?:will|to)\s+take\s+place|kicked\s+off|"
          r"kicks\s+off|kick\s+off|opened|opens|open|concluded|concludes|conclude|closed|closes|"
          r"ended|ends|came\s+to\s+a\s+(?:successful\s+)?close|come\s+to\s+a\s+close|wrapped\s+up|"
          r"dr[ae]ws?\s+to\s+an?\s+(?:successful\s+)?(?:close|end)|"
          r"began|begins|started|starts|ran|runs|launched|convened|staged|come\s+to|came\s+to|"
          r"returns|returned|run(?=\s+(?:until|through|till|from|[A-Z][a-z]+\s+\d))|commenced|commences|inaugurated|"
          # "X, running from May 5 to 8, ...", "X, which lasts until June 9"
          r"(?:running|lasts|lasted|lasting|continues|continued)(?=\s+(?:until|through|till|from)\b)|"
          r"(?:got|gets|get|getting)\s+under\s?way|under\s?way(?=\s+(?:in|at|on|here)\b)|"
          # "is scheduled for May 8", "is slated to open on May 8", "is set to be held in X"
          r"(?:scheduled|slated|set)\s+(?:for(?=\s+(?:the\s+)?[A-Z\d])|to\s+(?:be\s+held|open|take\s+place|"
          r"run|kick\s+off|begin|start|close|conclude|end)))")
END_VERBS = ("concluded", "concludes", "conclude", "closed", "closes", "ended", "ends", "close",
              "wrapped")
START_VERBS = ("kicked", "kicks", "kick", "opened", "opens", "open", "began", "begins", "started",
                "starts", "launched", "commenced", "commences", "got", "gets", "get", "getting")
ROLE = (r"(?P<role>(?<![\w-])(?:(?!(?:and|of|the|a|an|who|said|says|is|was|for|at|in)\b)[a-z][\w-]*\s+){0,2}?"
         r"(?:(?:[Dd]eputy|[Vv]ice|[Ee]xecutive|[Gg]eneral|Party|[Cc]hief|[Ss]enior|"
         r"[Hh]onorary|[Aa]cting|[Mm]anaging|[Aa]ssociate|[Aa]ssistant|[Ff]irst|[Ss]tanding|"
         r"[Ff]ounding|[Pp]ermanent|[Rr]egional|[Gg]lobal|[Mm]edical)[\s-]+){0,3}"
         r"(?i:" + "|".join(sorted((re.escape(w) for w in lx.ROLE_WORDS), key=len, reverse=True))
         + r")(?:[\s-]+(?:general|director|officer|secretary))?)")


# the same words without the named group, for a second post ("founder and CEO of X")
ROLE_BARE = ROLE.replace("(?P<role>", "(?:", 1)
ROLE_OF = re.compile(ROLE + r"\s+(?:of|at)\s+(?:the\s+)?$")


@cache
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile once per process: the patterns here outnumber the re module's own cache, which
    then recompiles them for every sentence."""
    return re.compile(pattern, flags)


class Gated:
    """A costly pattern tried only on text that holds every word each of its matches holds.

    Why: a pattern that opens with a list of names (``LIST``) is tried by ``re`` at every word
    of a sentence, and each try walks the list's optional parts; the signing and attending
    forms cost more than half of the rules' time that way, on sentences that lack the one
    word ("between", "sent", an agreement noun) they cannot match without. ``needs`` are
    cheap patterns that every match of ``pattern`` contains (searched in the same text, with
    the same flags), so a gated pattern finds exactly what the bare one finds.

    >>> sent = Gated(r"(?P<a>[A-Z]\\w+(?:\\s+and\\s+[A-Z]\\w+)*)\\s+sent\\s+teams", r"\\bsent\\b")
    >>> [m.group("a") for m in sent.finditer("Oak and Pine sent teams to the fair")]
    ['Oak and Pine']
    >>> sent.search("Oak and Pine went home") is None, sent.match("Pine sent teams", 0).end()
    (True, 15)
    """

    def __init__(self, pattern: str, *needs: str, flags: int = 0) -> None:
        self.pattern = compiled(pattern, flags)
        self.needs = tuple(compiled(n, flags) for n in needs)

    def _may_match(self, text: str, pos: int) -> bool:
        return all(n.search(text, pos) for n in self.needs)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.pattern.search(text, pos) if self._may_match(text, pos) else None

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.pattern.match(text, pos) if self._may_match(text, pos) else None

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, pos) if self._may_match(text, pos) else iter(())




DEMONYMS_RE = "|".join(sorted((re.escape(d) for d in lx.DEMONYMS), key=len, reverse=True))
# "German drugmaker Acme AG", "Kenyan drug distributor X", "Swiss X"
COUNTRY_OF = re.compile(r"\b(?P<d>" + DEMONYMS_RE + r")(?:-based)?\s+(?:(?!(?:in|of|at|for|from|on|to|with|"
                         r"by|the|a|an)\b)[a-z][\w&-]*\s+){0,5}?(?P<x>" + E + ")", re.I)
# Cheap tests that let a sentence skip a family of patterns it cannot match.
HAS_SIGN = re.compile(r"\b(?:sign|ink|reach|conclud|enter|struck|seal|penn|clinch|announc)", re.I)
HAS_EXHIBIT = re.compile(r"exhibit|showcas|display|present|unveil|demonstrat|booth|stand|product|medicine|represented|"
                          r"drug|device|equipment|technolog|innovation|solution|achievement|robot|vaccine|"
                          r"therap|debut|appearance|return|came back|comes back|launch|release|signed up|"
                          r"signs up|registered|showed|gathered|brought together", re.I)
HAS_ROLE = re.compile(r"\b(?:" + "|".join(sorted(lx.ROLE_WORDS, key=len, reverse=True)) + r"|heads|leads|chairs|"
                       r"directs|runs|founded)\b", re.I)
HAS_AGENT_VERB = re.compile(r"host|organi[sz]|sponsor|undertak|held|hold|conven|stag|initiat|launch|presid|chair", re.I)
# "south China's X", "East China": a region's description, never where a thing is
CHINA_REGION = re.compile(r"(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|Central)\s+China")


# A zone's governing body, and the zone its name holds: "Management Committee of X Park",
# "X Zone Administrative Committee" (group z or z2)
_ZONE_NAME = r".+\b(?:Park|Zone|Area|Base|Valley|Town)"
ZONE_BODY = re.compile(r"^(?:(?:Management|Administrative|Administration)\s+(?:Committee|Bureau)\s+of\s+(?:the\s+)?"
                       r"(?P<z>" + _ZONE_NAME + r")|(?P<z2>" + _ZONE_NAME + r")\s+"
                       r"(?:Management|Administrative|Administration)\s+(?:Committee|Bureau))$", re.I)


# the parts of a body named after the body: "the Oak Campus of Pine Hospital"; its rooms: "the
# Lotus Lecture Hall of Pine Hospital"
CAMPUS_WORDS = "Campus|Branch|campus|branch"
ROOM_WORDS = "Hall|Auditorium|Room|Theatre|Theater|Ballroom"


def part_and_owner(label: str, parts: str = CAMPUS_WORDS) -> tuple[str, str] | None:
    """The part and the owner a name states, if it names a part (a word of ``parts``) after
    the body it belongs to.

    >>> part_and_owner("Oak Campus of Pine Hospital"), part_and_owner("opening of the Oak Campus of Pine Hospital")
    (('Oak Campus', 'Pine Hospital'), None)
    >>> part_and_owner("Lotus Lecture Hall of Pine Hospital", ROOM_WORDS)
    ('Lotus Lecture Hall', 'Pine Hospital')
    """
    m = compiled(r"(?P<a>(?:(?!of\s)\S+\s+)+?(?:" + parts + r"))\s+of\s+(?:the\s+)?(?P<b>[A-Z].+)$").match(label)
    return (m.group("a"), m.group("b")) if m else None

