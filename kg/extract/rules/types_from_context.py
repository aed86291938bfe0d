"""An entity's type from how the article uses it, where its name alone does not say.

Each naming of an entity votes for a type (its head word, the name finder; a head word's vote
counts double, :meth:`~kg.extract.rules.reader.Reader.entity`); these steps add the votes of
context and then settle every type: "hosted by the Lancang Forum for Asia" is an organization
whatever its head word, "companies like X" and "drugmaker X" make X a company, "headquartered in
X" a place, "the X Convention was signed" a treaty. A name nothing types is a company, as it
almost always is in this news.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import lexicon as lx
from kg.extract.heads import head_word, type_by_head
from kg.extract.rules.patterns import APPOS, LIST, ROLE_OF, E
from kg.records import EntityType

if TYPE_CHECKING:
    from kg.extract.rules.reader import Reader


def countries_are_places(r: Reader) -> None:
    """A country is a place, whatever the votes said ("China signed ..." is no organization)."""
    for key, ent in r.ex.entities.items():
        if ent.label in lx.COUNTRIES:
            ent.type = EntityType.PLACE
            r.strong[key] = EntityType.PLACE


def agents_are_organizations(r: Reader) -> None:
    """Names used as hosts, organizers or owners of events are organizations, even when
    their name ends in "Forum" ("hosted by the Lancang Forum for Asia")."""
    verbs = (r"(?:hosted|organi[sz]ed|co-organi[sz]ed|sponsored|undertaken|co-hosted|"
             r"initiated|launched|convened)")
    agents: set[str] = set(r.owner_of.values())
    for i, sent in enumerate(r.sents):
        s = r.sentence(i, sent)
        for m in re.finditer(verbs + r"\s+(?:jointly\s+)?by\s+(?P<a>" + LIST + ")", s.ph, re.I):
            # "co-organized by A and B, the forum attracted ...": "the forum" is no agent
            agents.update(s.key(t) for t in re.findall(E, re.sub(APPOS, ",", m.group("a")))
                          if not s.ms[int(t.strip("⟦⟧"))].anaphor)
    for key in agents:
        ent = r.ex.entities.get(key)
        if ent is None or ent.scope or key == r.main_event or key in r.editions.values():
            continue  # a described event ("an exhibition area of ...") is never an agent
        if ent.type in (EntityType.EVENT, EntityType.EVENT_SERIES):
            ent.type = EntityType.ORGANIZATION
            r.strong[key] = EntityType.ORGANIZATION
            r.heads[key] = ""  # no longer a candidate for "the forum"


_PEOPLE_FROM = re.compile(r"\b(?:" + "|".join(sorted(lx.PEOPLE_NOUNS, key=len, reverse=True)) +
                          r")\s+(?:from|of|at|with)\s+(?:the\s+)?(?:[A-Z][\w&'.-]*(?:\s+[A-Z&][\w&'.-]*)*"
                          r"\s*(?:,\s*and|,|and)\s+)*$", re.I)


def vote(r: Reader, key: str) -> EntityType | None:
    """The type an entity's votes give so far: its strong type if one was set, else the most voted."""
    if key in r.strong:
        return r.strong[key]
    votes = r.votes.get(key)
    return votes.most_common(1)[0][0] if votes else None


def type_from_cues(r: Reader) -> None:
    """Untyped names take the type their context gives ("companies like X", "company X")."""
    cue_words = "|".join(sorted(lx.LIST_CUES, key=len, reverse=True))
    for m in r.mentions:
        if head_word(r.ex.entities[m.key].label) == "convention" and (
                re.search(r"\b(?:signed|ratified|adopted|joined|sign|ratify|adopt|join)\s+(?:the\s+)?$",
                          r.text[max(0, m.start - 30):m.start])
                or re.match(r"\s+(?:(?:was|were|has\s+been|had\s+been)\s+)?(?:signed|ratified|adopted)\b",
                            r.text[m.end:m.end + 30])):
            r.votes[m.key][EntityType.AGREEMENT] += 10  # "the X Convention was signed": a treaty
            r.strong[m.key] = EntityType.AGREEMENT
        if m.key in r.strong:
            continue
        before = r.text[max(0, m.start - 80):m.start]
        # only the cue word ignores case: "hospitals in Shanghai, Jiangsu" lists no hospitals
        cue = re.search(rf"\b(?i:({cue_words}))\s+(?:(?:such\s+as|like|including|as)\s+)?"
                        r"(?:[A-Z][\w&'.-]*(?:\s+[A-Z&][\w&'.-]*)*\s*(?:,\s*and|,|and)\s+)*$",
                        before)
        if cue and not re.search(r"\b(?:in|from|at|of)\s+$", before):
            etype = lx.LIST_CUES[cue.group(1).lower()]
            r.votes[m.key][etype] += 3
        elif re.search(r"\b(?:headquartered|based|located|situated|born|hometown)\s+in\s+(?:the\s+)?$",
                       before) or re.search(r"^,\s+(?:the\s+)?(?:capital|city|province)\b",
                                            r.text[m.end:m.end + 20]):
            r.votes[m.key][EntityType.PLACE] += 3  # "headquartered in Copenhagen"
        elif _HAPPENS.match(r.text, m.end) and vote(r, m.key) in (None, EntityType.COMPANY):
            r.votes[m.key][EntityType.EVENT] += 3  # "Spring XF 2026 will take place in Y": a fair
        elif re.search(r"\b(?:company|firm|maker|drugmaker|giant|group|manufacturer|developer)\s+$",
                       before, re.I):
            r.votes[m.key][EntityType.COMPANY] += 3
        elif re.search(r"\bsign(?:ed|ing)?\s+(?:the\s+)?$", before) and head_word(
                r.ex.entities[m.key].label) in {"initiative", "consensus", "statement", "plan",
                                                "declaration", "convention", "agreement", "charter"}:
            r.votes[m.key][EntityType.AGREEMENT] += 10
            r.strong[m.key] = EntityType.AGREEMENT
        elif vote(r, m.key) is EntityType.PERSON and " " not in r.ex.entities[m.key].label and re.search(
                r"\b(?:in|to|from|across|around|near)\s+$", before) and not re.match(r"['’]", r.text[m.end:]):
            r.votes[m.key][EntityType.PLACE] += 3  # "opened in Lishui": one word after "in" is no person
        elif _PEOPLE_FROM.search(before) and vote(r, m.key) is EntityType.PERSON:
            r.votes[m.key][EntityType.COMPANY] += 3  # "executives from Kestrel and Ovena": bodies
        elif ROLE_OF.search(before) and vote(r, m.key) in (None, EntityType.PERSON):
            r.votes[m.key][EntityType.COMPANY] += 3  # "general manager of Servier China"
    _places_that_name_bodies(r)
    for key, ent in r.ex.entities.items():
        t = vote(r, key)
        # an organization named without a head noun ("Acme", "Nordic") is, in this news,
        # almost always a company
        ent.type = t if t is not None else EntityType.COMPANY


# what only an event does: take place, be held somewhere or sometime
_HAPPENS = re.compile(r"(?:\s+(?:19|20)\d\d)?\s+(?:(?:will|is\s+to|shall)\s+(?:also\s+)?(?:take\s+place|be\s+held)"
                      r"|(?:took|takes|take)\s+place|(?:was|were|is|are)\s+(?:being\s+)?held\s+(?:in|at|on|from))\b")
_LOCAL_WORDS = frozenset({"municipal", "city", "district", "county", "provincial", "prefectural", "people's"})
_LOCAL_POSTS = re.compile(r"\b(?:vice[\s-]+|deputy\s+|executive\s+vice[\s-]+)?(?:mayor|governor|party\s+"
                          r"(?:secretary|chief)|magistrate)\s+of\s+$", re.I)


def _places_that_name_bodies(r: Reader) -> None:
    """A one-word name that begins the name of a local government or district ("Fenghua
    Municipal People's Government", "Fenghua Bureau of Commerce", "Fenghua High-tech Zone"), or
    that a mayor or governor is "of", is the place they belong to, whatever the name finder said."""
    starts: set[str] = set()
    for ent in r.ex.entities.values():
        words = ent.label.split()
        if len(words) < 2:
            continue
        if (type_by_head(ent.label) is EntityType.GOVERNMENT_BODY or words[1].lower() in _LOCAL_WORDS
                or head_word(ent.label) in lx.LOWER_PLACE_HEADS | {"zone", "valley", "area"}):
            starts.add(words[0])
        # "People's Government of Fenghua Municipality": the place named inside
        starts.update(re.findall(r"\b([A-Z][\w-]+)\s+(?:Municipality|City|District|County|Province|Prefecture)\b",
                                 ent.label))
    for m in r.mentions:
        ent = r.ex.entities[m.key]
        if m.key in r.strong or " " in ent.label or not ent.label[:1].isupper():
            continue
        if ent.label in starts or _LOCAL_POSTS.search(r.text[max(0, m.start - 40):m.start]):
            r.votes[m.key][EntityType.PLACE] += 3
