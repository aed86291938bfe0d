"""Who the signatories are: a subject list, a "with" list, persons standing for their bodies."""

from __future__ import annotations

import re

from kg.extract import lexicon as lx
from kg.extract.heads import head_word
from kg.extract.rules.patterns import LIST, E, compiled
from kg.extract.rules.sentence import Sentence
from kg.records import EntityType


def counterparts(s: Sentence, text: str) -> list[str]:
    """The agents of a "with" list, without places that only locate the one before ("A and
    Lakeside, Pine province": Pine province is not a party)."""
    out: list[str] = []
    agents = set(s.agents(text))
    prev_place = False
    for tok in re.finditer(E, text):
        key = s.key(tok.group(0))
        gap = text[:tok.start()].rstrip()
        if prev_place and s.typ(key) is EntityType.PLACE and gap.endswith(","):
            continue
        prev_place = s.typ(key) is EntityType.PLACE
        if prev_place and re.search(r"\b(?:in|across|throughout)\s+(?:the\s+)?$", text[:tok.start()]):
            continue  # "with three leading hospitals in the Yangtze River Delta": where they are
        if key in agents and key not in out:
            out.append(key)
    return out


# "the fair opened with A signing a deal with B": the subject of an absolute clause
_GERUND = compiled(r",?\s+(?:[a-z]+ly\s+)?(?:signing|inking|sealing)\b")


_RELATIVE = compiled(r",\s+(?:which|who)\s")


def subjects(s: Sentence, m: re.Match[str]) -> list[str]:
    """The signatories of a subject list; a first item governed by a preposition ("a line in
    Yinchuan, and the hospital signed ...") belongs to the clause before."""
    items = s.items(m.group("a"))
    before = s.ph[: m.start("a")]
    if items and _RELATIVE.match(s.ph, m.end("a")):
        return items[-1:]  # "a plant of A, which signed ...": the relative clause's antecedent
    if items and re.search(r"\b(?:in|at|on|with|of|for|from|to|by|under|into)\s+(?:the\s+)?$", before) and \
            not re.search(r"\b(?:representatives?|leaders?|heads?|officials?|delegates?|delegations?)\s+"
                          r"(?:from|of)\s+(?:the\s+)?$", before, re.I) and \
            not _GERUND.match(s.ph, m.end("a")):
        items = items[1:]  # "representatives of A and B signed": A signs
    return [k for k in items if s.typ(k) not in (EntityType.EVENT, EntityType.AGREEMENT)]



def bodies(s: Sentence, sides: list[list[str]]) -> list[list[str]]:
    """Signatories who are persons stand for their bodies: "A and B signed the agreement on
    behalf of X and Y" (in order), else the body of the person's post."""
    direct = {s.key(m.group("p")): s.key(m.group("b")) for m in re.finditer(
        r"(?P<p>" + E + r"),?\s+(?:representing|on\s+behalf\s+of)\s+(?:the\s+)?(?P<b>" + E + ")", s.ph)}
    if direct:
        sides = [list(dict.fromkeys(direct.get(k, k) for k in side)) for side in sides]
    behalf = re.search(r"\b[Oo]n\s+behalf\s+of\s+(?:their\s+|the\s+)?(?P<l>" + LIST + ")", s.ph)
    named = s.agents(behalf.group("l")) if behalf else []
    flat = [k for side in sides for k in side]
    # a body a signatory already stands for ("P, on behalf of X, and Q") explains no other one
    named = [k for k in named if s.typ(k) is not EntityType.PERSON and (not direct or k not in flat)]
    if named and len(named) == len(flat) and not set(named) & set(flat):
        people = flat  # "A and B signed ... on behalf of X and Y": A for X, B for Y
    else:
        people = [k for k in flat if s.typ(k) is EntityType.PERSON]
    if not people:
        return sides
    posts = {p.person: p.organization for p in s.r.ex.posts if p.organization}
    out: list[list[str]] = []
    spare = [k for k in named if k not in posts.values()]  # bodies no signatory's post explains
    for side in sides:
        new: list[str] = []
        for k in side:
            if k in people:
                if len(named) == len(people):
                    k = named[people.index(k)]
                elif k in posts:
                    k = posts[k]
                elif spare:
                    k = spare.pop(0)  # "On behalf of X, Li Na signed ...": Li Na for X
            if k not in new:
                new.append(k)
        out.append(new)
    return out



def story_body(s: Sentence, head: str, pos: int) -> str | None:
    """The body "the hospital" (or "the company", ...) means: the last one of that head word
    named earlier in the sentence ("X, director of A, said the hospital signed"), else, of
    those named before it, the one the story names most (a newsroom's own hospital)."""
    here = s.r.sent_of_char[s.char]
    before = [x for x in s.r.mentions if x.start < s.char + pos and s.typ(x.key) in lx.ORG_TYPES
              and head_word(s.r.ex.entities[x.key].label) == head]
    same = [x for x in before if x.sent == here]
    if same:
        return max(same, key=lambda x: x.start).key
    return s.r.most(s.r.mention_counts(lambda x: x in before))


# "Acme Inc. (NASDAQ: ACME)": a listing's ticker names the company's shares, not a party
_TICKER = compiled(r"[A-Z][A-Za-z]{1,9}(?:\s+[A-Z][a-z]+)?\s*:\s*[A-Z0-9.]{1,10}")


def no_tickers(s: Sentence, sides: list[list[str]]) -> list[list[str]]:
    """The sides without stock tickers, and without sides left empty."""
    kept = [[k for k in side if not _TICKER.fullmatch(s.r.ex.entities[k].label)] for side in sides]
    return [side for side in kept if side]


# what belongs to a name in a list item ("those of A and B", "a plant by A", "a lab of the Pine-based B")
_OWNED_BY = compiled(r"\b(?:of|by|from)\s+(?:the\s+)?(?:(?:" + E + r"|[\w-]+)-based\s+)?(?P<o>" + E
                     + r"(?:(?:\s*,\s*|\s+and\s+)(?:the\s+)?" + E + r")*)")
_NAMES_FIRST = compiled(r"^(?:and\s+)?(?:the\s+)?(?:[A-Z][\w'’]*(?:\s[A-Z][\w'’]*)?-based\s+)?(?P<k>" + E
                        + r"(?:\s+and\s+(?:the\s+)?" + E + r")*)")


def included(s: Sentence, text: str) -> list[str]:
    """The bodies of an "including" list whose items are names or things of names ("those of
    A and B", "a drug plant of A and an R&D center of B", "an R&D and production base by A"), up
    to the first item that is neither."""
    out: list[str] = []
    for item in re.split(r",\s*(?:and\s+)?|\s+as\s+well\s+as\s+", text):
        item = item.strip()
        lead = _NAMES_FIRST.match(item)
        parts = ([lead.group("k")] if lead else []) + [m.group("o") for m in _OWNED_BY.finditer(item)]
        if not parts:
            break
        for part in parts:
            out += [k for k in s.agents(part) if k not in out]
    return out
