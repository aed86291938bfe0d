"""Who took part: attendees, speakers, delegations, "A, B and C attended"."""

from __future__ import annotations

import re

from kg.extract import lexicon as lx
from kg.extract.rules.families.posts import person_like
from kg.extract.rules.patterns import LIST, ROLE, E, Gated
from kg.extract.rules.sentence import Sentence
from kg.records import EntityType, Relation


# -- participants
def read(s: Sentence) -> None:
    roster(s)
    inverted(s)
    speakers(s)
    ph = s.ph
    verbs = (r"(?:attended|attend|attends|(?:is|are|was|were)\s+attending|"
             r"participated\s+in|participate\s+in|participating\s+in|"
             r"took\s+part\s+in|"
             r"take\s+part\s+in|(?:are|is|were|was)\s+taking\s+part|joined|join|(?:were|was)\s+(?:also\s+)?present(?:\s+at)?|visited|"
             r"graced|signed\s+up\s+for|registered\s+for|toured|inspected|spoke\s+at|addressed|"
             # "A and B led the German guests": the heads of a visiting party
             r"led\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:guests|delegations?|visitors)\b|"
             r"presided\s+over|presides\s+over|chaired|moderated|witnessed|(?:was|were)\s+invited\s+to|"
             r"(?:was|were)\s+(?:also\s+)?(?:in\s+attendance|on\s+hand)(?:\s+at)?|(?:was|were)\s+among\s+the\s+(?:guests|speakers)\s+at)")
    m = re.search(r"^(?P<subj>.*?)\b(?:will\s+|all\s+|also\s+|have\s+|has\s+|been\s+)*" + verbs +
                  r"\b\s*(?:the\s+)?(?P<rest>.*)$", ph, re.I)
    if m:
        rest = m.group("rest")
        em = re.match(r"(?:[\w'-]+\s+){0,3}?(?P<e>" + E + ")", rest)
        event = s.key(em.group("e")) if em else None
        if event is None or not s.is_event(event):
            event = s.event_near(m.start("rest")) if "⟦" in rest[:40] else s.r.main_event
        subj = m.group("subj")
        # the verb's own subject ("the province has taken part"), never a place after a
        # preposition ("the consulates in Wuhan attended")
        last = re.search(r"(?<!\bin\s)(?<!\bof\s)(?<!\bat\s)(?<!\bfrom\s)(" + E + r")\s*$", subj)
        for key in s.items(subj):
            if s.typ(key) is EntityType.PERSON or listed_agent(s, subj, key) or (
                    last is not None and key == s.key(last.group(1)) and s.typ(key) is EntityType.PLACE):
                s.fact(event, Relation.PARTICIPANT, key)  # "the province has taken part in X"
        inc = re.search(r"\b(?:including|such\s+as|like)\s+(?P<l>.*)$", rest)
        if inc and re.search(r"\b(?:which|that|where|home\s+to)\b", rest[: inc.start()]):
            inc = None  # "visited X, which is home to 60 firms, including A": A is X's, not a visitor
        if inc:
            tail = inc.group("l")
            for tok in re.findall(E, tail):
                key = s.key(tok)
                before = tail[: tail.index(tok)]
                if re.search(r"\b(?:of|at|from|under|with|for)\s+(?:the\s+)?$", before) or \
                        s.typ(key) in (EntityType.EVENT, EntityType.AGREEMENT, EntityType.VENUE):
                    continue
                s.fact(event, Relation.PARTICIPANT, key)
    # "More than 600 guests from 14 countries, including Laos and Nepal, are attending": the
    # countries take part
    for m in _FROM_COUNTRIES.finditer(ph):
        event = s.event_near(m.start())
        for a in s.agents(m.group("l")):
            if s.typ(a) is EntityType.PLACE:
                s.fact(event, Relation.PARTICIPANT, a)
    # "Twenty nurses from Laos, Nepal and Bangladesh will train here", "it drew 286 entries from
    # China, Germany and Israel": the countries the people or entries came from take part
    for m in _COUNTRIES_PEOPLE_CAME_FROM.finditer(ph):
        came = s.agents(m.group("l"))
        event = s.event_near(m.start())
        if event is not None and came and all(s.r.ex.entities[a].label in lx.COUNTRIES for a in came):
            for a in came:
                s.fact(event, Relation.PARTICIPANT, a)
    gather = re.search(r"(?P<e>" + E + r")[^⟦.;]{0,80}?\b(?:brought\s+together|gathered|attracted|"
                       r"drew|welcomed|brings\s+together|gathers|attracts)\b[^⟦.;]{0,80}?\b(?:including|"
                       r"such\s+as|like|among\s+them)\s+(?P<l>" + LIST + ")", ph, re.I)
    if gather and s.is_event(s.key(gather.group("e"))):
        for a in s.agents(gather.group("l")):
            s.fact(s.key(gather.group("e")), Relation.PARTICIPANT, a)
    speech = re.search(r"\b(?:at|during|told|addressed)\s+(?:the\s+)?(?P<e>" + E + r")", ph, re.I)
    spoke = re.search(r"\b(?:said|says|noted|stressed|told|delivered|addressed|spoke|announced|pointed\s+out|"
                      r"introduced|presented|briefed)\b",
                      ph)
    speech_event: str | None = None
    if speech and spoke and s.is_event(s.key(speech.group("e"))):
        speech_event = s.key(speech.group("e"))
    elif re.search(r"\b(?:delivered|delivers|gave|gives|made|makes|giving|making|delivering)\s+"
                   r"(?:an?\s+)?(?:\w+\s+){0,2}?(?:speech|speeches|address|"
                   r"remarks|report)|\b(?:opening|keynote|welcome)\s+(?:speech|address|remarks)|"
                   r"\bchair\s+of\s+the\s+" + E + r"|\b(?:told|briefed|addressed|welcomed)\s+(?:the\s+)?"
                   r"(?:audience|guests|attendees|participants|delegates|investors|entrepreneurs)\b", ph, re.I):
        speech_event = s.event_near(0)
    if speech_event is not None:
        for key in s.items(ph):
            if s.typ(key) is EntityType.PERSON or _titled(s, key):
                s.fact(speech_event, Relation.PARTICIPANT, key)
    by = re.search(r"\b(?:attended|moderated|chaired|witnessed|addressed)\s+by\s+(?P<l>" + LIST + ")", ph, re.I)
    if by:
        event = s.event_near(by.start())
        for a in s.agents(by.group("l")):
            s.fact(event, Relation.PARTICIPANT, a)
        # "attended by A, deputy director of X; B, Party secretary of Y; and C": a roster whose
        # items hold posts, set apart by semicolons
        tail = ph[by.start("l"):]
        if ";" in tail:
            for key in s.items(tail):
                if s.typ(key) is EntityType.PERSON or _titled(s, key) or listed_agent(s, tail, key):
                    s.fact(event, Relation.PARTICIPANT, key)
    for g in re.finditer(r"(?P<x>" + E + r")(?:\s+as|,|\s+(?:is|was|will\s+be|has\s+been))\s+(?:the\s+)?(?:guest\s+)?"
                         r"(?:guest|country|region|city|"
                         r"province)\s+of\s+"
                         r"hono(?:u)?r|\b(?:guest|country|region|city|province)s?\s+of\s+hono(?:u)?r,?\s+"
                         r"(?:was\s+|is\s+)?(?:the\s+)?(?P<y>" + E + ")", ph, re.I):
        s.fact(s.event_near(g.start()), Relation.PARTICIPANT, s.key(g.group("x") or g.group("y")))
    for g in _GUESTS_OF_HONOUR.finditer(ph):
        # "Laos and Myanmar will be the guest countries of honor": of the event named before
        left = s.events_in(ph[:g.start()])
        for a in s.agents(g.group("l")):
            s.fact(left[-1] if left else s.event_before(), Relation.PARTICIPANT, a)
    for g in re.finditer(r"\bdelegations?\s+(?:from|of)\s+(?P<l>" + LIST + ")", ph, re.I):
        for a in s.agents(g.group("l")):
            s.fact(s.event_near(g.start()), Relation.PARTICIPANT, a)
    # "A and B sent delegations to the summit": the senders took part
    for g in _SENT.finditer(ph):
        event = s.key(g.group("e"))
        if s.is_event(event):
            for a in s.agents(g.group("l")):
                s.fact(event, Relation.PARTICIPANT, a)
    # "The forum brought together 700 attendees, ... as well as delegates from A and B": in a
    # sentence about attending, the bodies and places people came from took part
    if _ATTENDING.search(ph):
        for g in re.finditer(r"\b(?:(?:" + _PEOPLE + r")\s+(?:from|of)|(?:companies|enterprises|firms|institutions|"
                             r"hospitals|universities|organi[sz]ations)\s+from)\s+(?:the\s+)?(?P<l>" + LIST + ")",
                             ph, re.I):
            for a in s.agents(g.group("l")):
                if s.typ(a) in (*lx.ORG_TYPES, EntityType.PLACE):
                    s.fact(s.event_near(g.start()), Relation.PARTICIPANT, a)


_PEOPLE = "|".join(sorted(lx.PEOPLE_NOUNS, key=len, reverse=True))
_ATTENDING = re.compile(r"\b(?:attend|participat|took\s+part|take\s+part|taking\s+part|brought\s+together|"
                        r"brings\s+together|gather|present\b|joined|drew|attract|welcomed|discussed|shared|exchanged|"
                        r"spoke|moderated|showcas|exhibit|display|deliver|speeches|addressed|sent)", re.I)
_SENT = Gated(r"(?P<l>" + LIST + r")\s+(?:also\s+|have\s+|has\s+|had\s+)?(?:sent|dispatched)\s+"
              r"(?:(?:a|an|their|its|high-level|\w+-member|large)\s+)*(?:delegations?|representatives|"
              r"teams?|experts)\s+to\s+(?:the\s+)?(?P<e>" + E + ")",
              r"sent|dispatched", flags=re.I)


# "Attendees of the forum included A, director of B; C; and D", "Speakers: A, B and C"
_ROSTER = re.compile(
    r"\b(?:attendees|participants|guests|speakers|panell?ists|members|delegates|representatives|"
    r"experts|officials|dignitaries|those\s+present|keynote\s+speakers)\b(?P<mid>[^;:⟦]{0,60}?(?:"
    + E + r"[^;:⟦]{0,20}?)?)(?:\s+(?:included|include|includes|were|are)\b|:)\s*(?P<l>.*)$", re.I)


def roster(s: Sentence) -> None:
    """People and bodies named in a list after a word for attendees."""
    m = _ROSTER.search(s.ph)
    if not m:
        return
    events = s.events_in(m.group("mid"))
    event = events[0] if events else s.r.main_event or s.event_near(m.start())
    tail = m.group("l")
    for key in s.items(tail):
        if s.typ(key) is EntityType.PERSON or listed_agent(s, tail, key):
            s.fact(event, Relation.PARTICIPANT, key)


# "Also present at the ceremony were A and B", "Attending the forum were ...", "Among the
# guests were ...": the verb comes first, the attendees last
_INVERTED = re.compile(
    r"^(?:also\s+)?(?:present|attending|attended|in\s+attendance|among\s+(?:the\s+)?(?:guests|attendees|"
    r"participants|speakers|those\s+present))\b(?P<mid>[^;:]{0,80}?)\s+(?:were|was|are|is|included)\s+"
    r"(?P<l>.*)$", re.I)


def inverted(s: Sentence) -> None:
    """Attendees named after the verb, at the end of the sentence."""
    m = _INVERTED.search(s.ph)
    if not m:
        return
    events = s.events_in(m.group("mid"))
    event = events[0] if events else s.focus()
    tail = m.group("l")
    for key in s.items(tail):
        if s.typ(key) is EntityType.PERSON or listed_agent(s, tail, key):
            s.fact(event, Relation.PARTICIPANT, key)


# Verbs of speaking at an event: their subjects (or "by" agents) who are persons took part.
SPEECH_LEMMAS = frozenset({
    "say", "remark", "note", "stress", "point", "deliver", "address", "thank", "welcome", "speak",
    "emphasize", "emphasise", "introduce", "present", "state", "highlight", "express", "moderate",
    "chair", "preside", "announce", "share", "suggest", "underline", "mention", "congratulate",
    "praise", "urge", "call", "propose", "explain", "expound", "elaborate", "host",
})


# "Ann Lee, Head of Nursing, Pine Trust, on “Rural Telemedicine”": a speaker and her talk
_TALK = re.compile(r"^(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs)\.?\s+)?(?P<p>" + E +
                   r")\s*[,(:][^“\"]{0,160}?(?:\b[Oo]n\s+|:\s*)[“\"]")


def speakers(s: Sentence) -> None:
    """"A, president of B, said at the opening that ...", "a panel moderated by A": the persons
    who speak in an article about an event took part in it (read from the parse); so does each
    speaker of a programme's lines ("A, Director, B, on “Topic”")."""
    event = s.focus()
    if event is None:
        return
    talk = _TALK.match(s.ph)
    if talk and person_like(s, s.key(talk.group("p"))):
        s.fact(event, Relation.PARTICIPANT, s.key(talk.group("p")))
    for tok in s.sent:
        stage = tok.lemma_.lower() == "take" and any(t.lower_ in {"stage", "podium", "floor", "rostrum"}
                                                     for t in tok.subtree)  # "took to the stage"
        if (tok.lemma_.lower() not in SPEECH_LEMMAS and not stage) or tok.pos_ not in {"VERB", "AUX"}:
            continue
        for child in tok.children:
            if child.dep_ not in {"nsubj", "agent"}:
                continue
            lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
            for m in s.ms:
                if lo <= m.start < hi and s.typ(m.key) is EntityType.PERSON:
                    s.fact(event, Relation.PARTICIPANT, m.key)


def listed_agent(s: Sentence, subj: str, key: str) -> bool:
    """An organization in the subject list itself, not inside a person's post."""
    idx = [s.key(t) for t in re.findall(E, subj)].index(key)
    tokens = re.findall(E, subj)
    tok = tokens[idx]
    before = subj[: subj.index(tok)]
    people = re.search(r"\b(?P<n>[A-Za-z]+)\s+(?:of|from)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$", before)
    if people and people.group("n").lower() in lx.PEOPLE_NOUNS:
        # "executives from A, B and C attended", "delegates from Shenzhen and Xiamen joined"
        return s.typ(key) in (*lx.ORG_TYPES, EntityType.PLACE)
    if re.search(r"\b(?:of|at|from|under|with|in|for)\s+(?:the\s+)?$", before):
        return False
    if re.match(r"['’]s?\s+" + ROLE, subj[subj.index(tok) + len(tok):]):
        return False  # "Neusoft Medical Systems' president Mo Lihua": the person attends
    return s.typ(key) not in (EntityType.EVENT, EntityType.AGREEMENT, EntityType.PLACE,
                                 EntityType.VENUE, EntityType.EVENT_SERIES)


_COUNTRIES_PEOPLE_CAME_FROM = Gated(
    r"\b(?:" + "|".join(sorted(lx.PEOPLE_NOUNS | {"entries", "teams", "applicants", "applications"}, key=len,
                              reverse=True)) + r")\s+from\s+(?:the\s+)?(?P<l>" + LIST + ")",
    r"\sfrom\s", flags=re.I)
_FROM_COUNTRIES = re.compile(r"\b(?:guests|participants|delegates|representatives|experts|attendees|people|officials|"
                             r"scholars|visitors)\s+from\s+(?:more\s+than\s+|over\s+|nearly\s+|about\s+|some\s+)?"
                             r"(?:\d+|[a-z]+)\s+countries(?:\s+and\s+regions)?,?\s+(?:including|such\s+as|like|among\s+"
                             r"them)\s+(?P<l>" + LIST + ")", re.I)


_GUESTS_OF_HONOUR = Gated(r"(?P<l>" + LIST + r")\s+(?:will\s+be|are|were|as)\s+(?:the\s+)?(?:guest\s+)?"
                          r"(?:countries|regions|provinces|cities)\s+of\s+hono(?:u)?r",
                          r"of\s+hono", flags=re.I)


def _titled(s: Sentence, key: str) -> bool:
    """Whether the name is set before its post ("⟦Ma Lin⟧, Party secretary of ⟦X⟧, said"):
    a person, whatever the name finder guessed."""
    tok = s.token_of(key)
    after = re.match(r",\s+(?:the\s+)?((?:[\w-]+\s+){0,2}[\w-]+)", s.ph[s.ph.find(tok) + len(tok):])
    return after is not None and any(lx.is_role_word(w) for w in after.group(1).split())
