"""Signed agreements: their kind, the sides (who signed with whom), event and date."""

from __future__ import annotations

import re

from kg.extract import lexicon as lx
from kg.extract.heads import head_word
from kg.extract.rules.patterns import AGREEMENT, BEFORE_VERB, HAS_SIGN, KIND, LIST, SIGN, E, compiled
from kg.extract.rules.sentence import Sentence, evidence
from kg.records import AgreementRecord, EntityType, Relation

# "A and B held talks and signed ...", "A met B's delegation and signed ...": a first verb
# phrase coordinated before the signing
THEN = r"(?:(?:held|met|visited|attended|reached|discussed|toured|exchanged)\b[^⟦.;,]{0,40}?\s+and\s+(?:then\s+)?)?"


# The signing patterns, compiled once at import (read() says what each one reads).
_WITH = compiled(r"(?P<a>" + LIST + r")(?:,?\s+(?:which|that|who))?,?\s+" + BEFORE_VERB + THEN + SIGN +
                 r"\s+" + KIND +
                 r"(?:[^⟦.;]{0,60}?)\s+with\s+(?:[\w&-]+,?\s+){0,6}?(?P<b>" + LIST + ")", re.I)

_ENTERED = compiled(r"(?P<a>" + LIST + r")\s+" + BEFORE_VERB +
                    r"(?:entered\s+into|reached|established|forged|signed)\s+(?:an?\s+|the\s+)?"
                    r"(?P<kind>(?:[\w-]+\s+){0,3}?(?:cooperation|partnership)(?:\s+relationship)?)\s+"
                    r"with\s+(?:the\s+)?(?P<b>" + LIST + ")", re.I)

# "A signed with B to build ...", "A signed with B a strategic cooperation agreement"
_BARE = compiled(r"(?P<a>" + LIST + r")\s+" + BEFORE_VERB +
                 r"(?:signed|signs|inked)\s+(?:up\s+)?with\s+(?:the\s+)?(?P<b>" + LIST + r")"
                 r"(?:\s+" + KIND + r"\b)?", re.I)

# "the zone signed investment agreements for 12 projects, including those of A and B"
_INCLUDING = compiled(r"(?P<a>" + LIST + r"),?\s+" + BEFORE_VERB + SIGN + r"\s+" + KIND +
                      r"[^⟦.;]{0,60}?,?\s+(?:including|such\s+as|among\s+them)\s+(?:those|the\s+ones|"
                      r"projects?|deals?|ones)\s+(?:of|by|from|with)\s+(?P<b>" + LIST + ")", re.I)

# "A and B have agreed to cooperate in X (according to an agreement signed on Tuesday)"
_AGREED = compiled(r"(?P<a>" + LIST + r"),?\s+" + BEFORE_VERB + r"agreed\s+to\s+(?:jointly\s+|further\s+)?"
                   r"(?:cooperate|collaborate|work\s+together|partner|join\s+hands)\b", re.I)

# "A and B have forged a strategic partnership": a partnership formed, with no "with"
_FORGED = compiled(r"(?P<a>" + LIST + r"),?\s+" + BEFORE_VERB + r"(?:forged|formed|established|built|launched)\s+"
                   r"(?:an?\s+|the\s+)?(?P<kind>(?:[\w-]+\s+){0,3}?(?:partnership|alliance))\b(?!\s+with\b)", re.I)

_TO_DO = compiled(r"(?P<a>" + LIST + r"),?\s+" + BEFORE_VERB + r"(?:signed|signs|inked)\s+(?:up\s+)?to\s+"
                  r"(?:jointly\s+|together\s+)?[a-z]+\b", re.I)

_BULLET = compiled(r"^[•·*-]?\s*(?P<a>" + LIST + r")\s+with\s+(?:[\w&-]+\s+){0,6}?(?P<b>" + LIST
                   + r")\s*[:：,-]\s*" + KIND, re.I)

_SOME = compiled(r"(?P<a>" + LIST + r")\s+and\s+(?:\d+|[a-z]+)\s+(?:other\s+)?(?:enterprises|companies|firms|"
                 r"institutions|hospitals|universities|organi[sz]ations|investors|partners)\s*,?\s+(?:including|"
                 r"such\s+as|like|among\s+them)\s+(?P<b>" + LIST + r"),?\s+" + BEFORE_VERB + SIGN + r"\s+" + KIND,
                 re.I)

_PAIR = compiled(r"(?P<a>" + LIST + r"),?\s+" + BEFORE_VERB + THEN + SIGN + r"\s+" + KIND, re.I)

# "a contract for the Pine Park project was signed between A and B": what the agreement is
# for may name things
_FOR_WHAT = r"(?:\s+(?:on|for|of|to)\s+(?:[^⟦.;]|⟦\d+⟧){0,60}?)?"
_PASSIVE = compiled(KIND + _FOR_WHAT + r",?\s+(?:(?:was|were|has\s+been|have\s+been)"
                    r"\s+)?(?:also\s+)?(?:signed|inked|reached)\s+(?:(?:on\s+)?(?:\w+day|last\s+\w+|[A-Z][a-z]+\s+\d{1,2}),?\s+)?"
                    r"(?:between|by)\s+(?P<a>" + LIST + r")"
                    r"(?:\s+with\s+(?:the\s+)?(?P<b>" + LIST + "))?", re.I)

_BETWEEN = compiled(KIND + _FOR_WHAT + r"\s+between\s+(?P<a>" + LIST + ")",
                    re.I)


def read(s: Sentence) -> None:
    ph = s.ph
    if not HAS_SIGN.search(s.sent.text) and not re.search(r"\bwith\b[^:]*:|partnership|alliance|agreed", ph):
        return
    found = False
    for m in _WITH.finditer(ph):
        a, b = subjects(s, m), counterparts(s, m.group("b"))
        if not a or not b:
            continue
        found = True
        sides(s, m.group("kind"), a, b, event_for_agreement(s, m.end()), ph[m.end():])
    # "A entered into strategic cooperation with B": the cooperation is the agreement when a
    # verb of concluding governs it (never a bare "cooperation between", which is a topic)
    for m in _ENTERED.finditer(ph):
        a, b = subjects(s, m), counterparts(s, m.group("b"))
        if a and b and not found:
            found = True
            agreement(s, kind_of(s, m.group("kind")), [a, b], event_for_agreement(s, m.end()))
    # "A signed with B to build ...": the agreement is not named
    for m in _BARE.finditer(ph):
        a, b = subjects(s, m), counterparts(s, m.group("b"))
        if a and b:
            found = True
            kind = kind_of(s, m.group("kind")) if m.group("kind") else "agreement"
            agreement(s, kind, [a, b], event_for_agreement(s, m.end()))
    for m in _INCLUDING.finditer(ph):
        a, b = subjects(s, m), s.agents(m.group("b"))
        if a and b and not found:
            found = True
            sides(s, m.group("kind"), a, b, event_for_agreement(s, m.end()), "")
    for m in _AGREED.finditer(ph):
        a = subjects(s, m)
        if len(a) >= 2 and not found:
            found = True
            said = re.search(r"\b(?:an?|the)\s+(?P<k>(?:[\w-]+\s+){0,3}?(?:" + AGREEMENT + r"))\b", ph[m.end():],
                             re.I)
            agreement(s, kind_of(s, said.group("k")) if said else "cooperation agreement", [[x] for x in a],
                      event_for_agreement(s, m.end()))
    for m in _FORGED.finditer(ph):
        a = subjects(s, m)
        if len(a) >= 2 and not found:
            found = True
            agreement(s, kind_of(s, m.group("kind")), [[x] for x in a], event_for_agreement(s, m.end()))
    # "A and B signed to jointly build the C": the agreement is not named, the two sides are
    for m in _TO_DO.finditer(ph):
        a = subjects(s, m)
        if len(a) == 2 and not found:
            found = True
            agreement(s, "agreement", [[a[0]], [a[1]]], event_for_agreement(s, m.end()))
    for m in _BULLET.finditer(ph):
        a, b = s.agents(m.group("a")), s.agents(m.group("b"))
        if a and b:
            found = True
            agreement(s, kind_of(s, m.group("kind")), [a, b], event_for_agreement(s, m.end()))
    if found:
        return
    if paired(s):
        return
    # "X and 10 enterprises, including A and B, signed investment agreements": X with each
    for m in _SOME.finditer(ph):
        a, b = subjects(s, m), s.agents(m.group("b"))
        if a and b:
            found = True
            sides(s, m.group("kind"), a, b, event_for_agreement(s, m.end()), ph[m.end():])
    if found:
        return
    for m in _PAIR.finditer(ph):
        a = subjects(s, m)
        if re.match(r"\s+(?:\w+\s+){0,3}?to\s+(?:settle|move|locate|invest|build|set\s+up|establish|land)\b",
                    ph[m.end():]):
            # "A and B signed agreements to settle in the park": the park is where they settle,
            # not a stated signatory, and the settlers did not sign with each other
            continue
        # "... with seven hospitals": the list signed with others; ", with total investment of":
        # a new clause, the list signed with each other
        if len(a) >= 2 and not re.match(r"[^,;⟦]{0,40}?\bwith\b", ph[m.end():]):
            found = True
            agreement(s, kind_of(s, m.group("kind")), [[x] for x in a],
                           event_for_agreement(s, m.end()))
    # "a MoU was signed by A and B", "the agreement, signed by A and B,", "signed by A with B"
    # "a KIND between A and B" names its parties whatever verb the sentence uses ("was signed",
    # "the signing of", "12 deals were signed, including a KIND between A and B")
    for m in [*_PASSIVE.finditer(ph), *_BETWEEN.finditer(ph)]:
        a = s.agents(m.group("a"))
        b = s.agents(m.groupdict().get("b") or "")
        if a and b:
            found = True
            sides(s, m.group("kind"), a, b, event_for_agreement(s, m.end()), ph[m.end():])
        elif len(a) > 2 and plural(m.group("kind"), ph[m.end():]):
            # "agreements were signed between the district and A, B and C": the first with each
            found = True
            sides(s, m.group("kind"), a[:1], a[1:], event_for_agreement(s, m.end()), "")
        elif len(a) >= 2:
            found = True
            agreement(s, kind_of(s, m.group("kind")), [[x] for x in a],
                           event_for_agreement(s, m.end()))
    if not found:
        found = two_sides(s) or cooperation_signed(s) or signed_with_story_body(s)
    # a named convention or declaration signed by a list of parties
    named = [k for k in s.keys if s.typ(k) is EntityType.AGREEMENT]
    named += [s.r.ceremony_for[k] for k in s.keys if k in s.r.ceremony_for]
    if named and not found and re.search(r"\bsign", ph, re.I):
        target = named[0]
        parties: list[str] = []
        for m in re.finditer(r"\b(?:including|such\s+as|like|namely)\s+(?P<l>" + LIST + ")",
                             ph):
            parties += s.agents(m.group("l"))
        for m in re.finditer(r"(?P<l>" + LIST + r")\s+(?:have\s+|has\s+)?signed", ph):
            parties += s.agents(m.group("l"))
        parties = [p for p in dict.fromkeys(parties) if p != target]
        if parties:
            label = s.r.ex.entities[target].label
            kind = head_word(label)
            ceremonies = [k for k in s.keys if s.r.ceremony_for.get(k) == target]
            ev = ceremonies[0] if ceremonies else event_for_agreement(s, 0)
            rec = AgreementRecord(target, kind, [parties], evidence(
                s.r.article.name, s.sent), label=label, event=ev)
            s.r.ex.agreements.append(rec)


# "A and B; C and D; and E and F signed cooperation agreements": one agreement per pair
_PAIRS = compiled(r"(?P<l>(?:" + LIST + r")(?:\s*;\s*(?:and\s+)?(?:" + LIST + r"))+)\s*,?\s+(?:(?:also|have|has|"
                  r"had|jointly|will|respectively|[a-z]+ly)\s+)*" + SIGN + r"\s+" + KIND, re.I)


def paired(s: Sentence) -> bool:
    """Pairs of signatories separated by semicolons, each pair its own agreement."""
    m = _PAIRS.search(s.ph)
    if not m:
        return False
    done = False
    for chunk in re.split(r"\s*;\s*", m.group("l")):
        a = s.agents(chunk)
        if len(a) == 2:
            agreement(s, kind_of(s, m.group("kind")), [[a[0]], [a[1]]], event_for_agreement(s, m.end()))
            done = True
    return done


_TWO_SIDES = compiled(
    r"\b(?:the\s+two|both)\s+(?:sides|parties|institutions|hospitals|universities|companies|"
    r"organi[sz]ations|cities|governments|partners)\s+"
    # "the two sides held talks on training and research, and signed ...": a first verb phrase
    r"(?:(?:held|met|visited|discussed|exchanged|toured|reached)\b[^⟦.;]{0,80}?,?\s+and\s+)?"
    r"(?:(?:also|have|has|then|jointly|formally|officially|further|later)\s+)*(?:signed|signs|inked|sealed|penned)\s+"
    + KIND, re.I)


def two_sides(s: Sentence) -> bool:
    """"The two sides signed a MoU": the parties are the two bodies the story has named most
    up to here (a visit or talks between two institutions comes first), first-named first."""
    m = _TWO_SIDES.search(s.ph)
    if not m:
        return False
    here = s.r.sent_of_char[s.sent.start_char]
    counts = s.r.mention_counts(lambda x: x.sent <= here and s.typ(x.key) in lx.ORG_TYPES)
    # a part named by its parent's name ("Faculty of Medicine at Pine University") counts for
    # the parent: they are one side
    parents = {f.subject: f.object for f in s.r.ex.facts if f.relation is Relation.PARENT_ORGANIZATION
               and isinstance(f.object, str)}
    for key in list(counts):
        parent = parents.get(key)
        if parent in counts and parent != key:
            counts[parent] += counts.pop(key)
    ranked = sorted(counts, key=lambda k: -counts[k])  # stable: ties keep the order of first mention
    if len(ranked) < 2 or (len(ranked) > 2 and counts[ranked[1]] == counts[ranked[2]]):
        return False  # no clear pair
    pair = sorted(ranked[:2], key=list(counts).index)
    agreement(s, kind_of(s, m.group("kind")), [[pair[0]], [pair[1]]], event_for_agreement(s, m.end()))
    return True


# "investment agreements were signed with 12 enterprises, including A and B"
_SIGNED_WITH = compiled(KIND + r",?\s+(?:was|were|have\s+been|has\s+been)\s+(?:also\s+)?(?:signed|inked)\s+with\s+"
                        r"(?:(?:\d+|[a-z]+)\s+(?:other\s+)?(?:enterprises|companies|firms|institutions|hospitals|"
                        r"universities|investors|partners)\s*,?\s+(?:including|such\s+as|like)\s+)?(?P<b>" + LIST + ")",
                        re.I)


def signed_with_story_body(s: Sentence) -> bool:
    """"Agreements were signed with A and B": the other side is the body the story is about,
    the government body, zone or organization it names most (twice at least) before here."""
    m = _SIGNED_WITH.search(s.ph)
    if not m:
        return False
    b = s.agents(m.group("b"))
    here = s.r.sent_of_char[s.sent.start_char]
    keep = (*lx.ORG_TYPES, EntityType.PLACE)
    counts = s.r.mention_counts(lambda x: x.sent <= here and x.key not in b and s.typ(x.key) in keep
                                and (s.typ(x.key) is not EntityType.PLACE
                                     or head_word(s.r.ex.entities[x.key].label) in {"zone", "park", "area"}))
    body = s.r.most(counts)
    if not b or body is None or counts[body] < 2:
        return False
    sides(s, m.group("kind"), [body], b, event_for_agreement(s, m.end()), s.ph[m.end():])
    return True


def plural(kind: str, after: str) -> bool:
    """Whether a kind names several agreements ("agreements", "two MoUs", "... respectively")."""
    kind = kind.lower()
    return bool(re.search(r"\b(?:agreements|memoranda|mous|contracts|deals|accords|pacts|letters|"
                          r"partnerships|protocols)\b", kind)) or kind.split()[0] in {
        "two", "three", "four", "five", "several"} or after.lstrip().startswith("respectively")


def sides(s: Sentence, kind_text: str, a: list[str], b: list[str], event: str | None, after: str) -> None:
    """One agreement between signatories ``a`` and counterparts ``b``; when the kind is plural
    ("agreements with A, B and C", "A, B and C signed agreements with the park"), one with each."""
    kind = kind_of(s, kind_text)
    if plural(kind_text, after) and len(b) > 1:
        for x in b:
            agreement(s, kind, [a, [x]], event)
    elif plural(kind_text, after) and len(a) > 1:
        for x in a:
            agreement(s, kind, [[x], b], event)
    else:
        agreement(s, kind, [a, b], event)


_COOPERATION_BETWEEN = compiled(
    r"\b(?:for|of|on)\s+(?:the\s+|a\s+|an\s+)?(?P<kind>(?:[\w-]+\s+){0,3}?(?:cooperation|partnership|"
    r"collaboration|alliance|co-operation))\s+between\s+(?P<a>" + LIST + ")", re.I)


def cooperation_signed(s: Sentence) -> bool:
    """"A signing ceremony was held for the strategic cooperation between A and B": in a
    sentence about signing, the cooperation between two parties is the agreement signed (a
    bare "cooperation between A and B" elsewhere is a topic, not an agreement)."""
    if not re.search(r"\bsign(?:ed|ing)\b", s.sent.text, re.I):
        return False
    m = _COOPERATION_BETWEEN.search(s.ph)
    if m is None:
        return False
    a = s.agents(m.group("a"))
    if len(a) < 2:
        return False
    agreement(s, f"{kind_of(s, m.group('kind'))} agreement", [[x] for x in a], event_for_agreement(s, m.end()))
    return True


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
        if key in agents and key not in out:
            out.append(key)
    return out


def subjects(s: Sentence, m: re.Match[str]) -> list[str]:
    """The signatories of a subject list; a first item governed by a preposition ("a line in
    Yinchuan, and the hospital signed ...") belongs to the clause before."""
    items = s.items(m.group("a"))
    before = s.ph[: m.start("a")]
    if items and re.search(r"\b(?:in|at|on|with|of|for|from|to|by|under|into)\s+(?:the\s+)?$", before) and \
            not re.search(r"\b(?:representatives?|leaders?|heads?|officials?|delegates?|delegations?)\s+"
                          r"(?:from|of)\s+(?:the\s+)?$", before, re.I):
        items = items[1:]  # "representatives of A and B signed": A signs
    return [k for k in items if s.typ(k) not in (EntityType.EVENT, EntityType.AGREEMENT)]


def kind_of(s: Sentence, text: str) -> str:
    words = text.strip().split()
    # the kind starts after the last article, number or linking word ("including a cooperation
    # agreement" -> "cooperation agreement")
    stops = {"a", "an", "the", "two", "three", "four", "five", "several", "including",
             "with", "signed", "inked", "also"}
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if w.lower() in stops or w.isdigit()), default=0)
    words = words[cut:]
    while (words and words[0].lower() in {"a", "an", "the", "two", "three", "four", "five",
                                         "several"}) or (words and words[0].isdigit()):
        words = words[1:]
    kind = " ".join(words).lower()
    kind = re.sub(r"agreements$", "agreement", kind)
    kind = re.sub(r"memoranda", "memorandum", kind)
    kind = re.sub(r"(contract|deal|convention|declaration|accord|mou|partnership|pact)s$",
                  r"\1", kind)
    return kind


def event_for_agreement(s: Sentence, pos: int) -> str | None:
    at = re.search(r"\b(?:at|during|on\s+the\s+sidelines\s+of|on)\s+(?:the\s+)?(?P<e>" + E + ")",
                   s.ph[pos:])
    if at and s.is_event(s.key(at.group("e"))):
        return s.key(at.group("e"))
    events = s.events_in(s.ph)
    return events[0] if events else s.r.main_event


def bodies(s: Sentence, sides: list[list[str]]) -> list[list[str]]:
    """Signatories who are persons stand for their bodies: "A and B signed the agreement on
    behalf of X and Y" (in order), else the body of the person's post."""
    direct = {s.key(m.group("p")): s.key(m.group("b")) for m in re.finditer(
        r"(?P<p>" + E + r"),?\s+(?:representing|on\s+behalf\s+of)\s+(?:the\s+)?(?P<b>" + E + ")", s.ph)}
    if direct:
        sides = [list(dict.fromkeys(direct.get(k, k) for k in side)) for side in sides]
    behalf = re.search(r"\b[Oo]n\s+behalf\s+of\s+(?:their\s+|the\s+)?(?P<l>" + LIST + ")", s.ph)
    named = s.agents(behalf.group("l")) if behalf else []
    named = [k for k in named if s.typ(k) is not EntityType.PERSON]
    flat = [k for side in sides for k in side]
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


def agreement(s: Sentence, kind: str, sides: list[list[str]], event: str | None) -> None:
    sides = bodies(s, sides)
    n = len(s.r.ex.agreements)
    s.r.ex.agreements.append(AgreementRecord(
        f"ag{n}", kind, sides, evidence(s.r.article.name, s.sent), event=event))
