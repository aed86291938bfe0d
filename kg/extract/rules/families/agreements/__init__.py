"""Signed agreements: their kind, the sides (who signed with whom), event and date.

A package by job: ``forms`` (the clause patterns of a signing), ``parties`` (who the
signatories are), ``story`` (signatories the sentence leaves to the story: "the two sides"),
``kinds`` (the kind and number of agreements) and ``records`` (one agreement recorded).
"""

from __future__ import annotations

import re

from kg.extract.heads import head_word
from kg.extract.rules.families.agreements.forms import (
    AGREED,
    AND_ALSO_WITH,
    AND_BETWEEN,
    AND_WITH,
    BARE,
    BETWEEN,
    BODY_WITH,
    BULLET,
    ENTERED,
    FORGED,
    FRONTED,
    GAPPED,
    INCLUDING,
    KIND_ONLY,
    MORE_WITH,
    ONE_BETWEEN,
    PAIR,
    PASSIVE,
    PROJECT,
    SIGNED_BY_WITH,
    SOME,
    TO_DO,
    UNDER,
    WHOSE,
    WITH,
)
from kg.extract.rules.families.agreements.kinds import kind_of, kinds_named, plural
from kg.extract.rules.families.agreements.listed import listed
from kg.extract.rules.families.agreements.parties import counterparts, included, story_body, subjects
from kg.extract.rules.families.agreements.records import agreement, day_told, event_for_agreement, sides
from kg.extract.rules.families.agreements.story import (
    among_them,
    both_signed,
    cooperation_signed,
    paired,
    signed_with_including,
    signed_with_story_body,
    two_sides,
)
from kg.extract.rules.families.agreements.tense import planned
from kg.extract.rules.patterns import AGREEMENT, HAS_SIGN, LIST, compiled
from kg.extract.rules.sentence import Sentence, evidence
from kg.extract.rules.when import dated_phrases
from kg.records import AgreementRecord, EntityType

_WHILE = re.compile(r",\s+(?:while|whereas)\s+")
# ", and C reached an agreement with D" after a first signing: a clause with a subject of its own
_AND_THEN = re.compile(r",\s+and\s+(?=(?:the\s+)?⟦\d+⟧(?:(?:,\s+|\s+and\s+)(?:the\s+)?⟦\d+⟧)*"
                       # ", and C, based in the X park, signed ...": an aside on the new subject
                       r"(?:,\s+[a-z][^,;⟦]{0,60}(?:⟦\d+⟧[^,;⟦]{0,30})?,)?\s+(?:also\s+)?"
                       r"(?:signed|inked|reached|concluded|sealed|entered)\b)")
_SIGNED = re.compile(r"\b(?:signed|inked|reached|concluded|sealed|entered)\b")
# "; B for a lab": a subject and what it signed for, the verb and counterpart left out
_GAPPED_SUBJECT = re.compile(r"^\s*(?:and\s+)?(?:the\s+)?(?P<a>⟦\d+⟧)(?=\s+(?:for|on)\s)")
_SIGNED_WITH_ONE = re.compile(r"\b(?:signed|inked)\s+(?:[\w-]+\s+){0,4}?with\s+(?:the\s+)?(?P<b>⟦\d+⟧)")
# "Witnessed by P and Q, A and B signed ...": the witnesses are no signatories
_WITNESSED = re.compile(r"^(?:[A-Z][a-z]+ed)\s+by\s+[^;]*?,\s+(?=(?:the\s+)?⟦)")
_MULTILATERAL = frozenset({"convention", "treaty", "declaration", "charter", "initiative", "protocol"})


# "Under the agreement, which was inked on Friday, March 14, ...", "The MoU was signed on June 5"
_SIGNED_ON = compiled(r"\b(?:the\s+(?:[\w-]+\s+){0,3}?(?:agreements?|deals?|memorand(?:um|a)|mous?|contracts?|pacts?)"
                      r",?|which)\s+(?:was|were)\s+(?:also\s+)?(?:signed|inked)\s+on\b", re.I)


_ON = re.compile(r"\b(?:signed|inked)\s+on\s+")
_EACH = re.compile(r"\beach\b")
_JOINTLY = re.compile(r"\b(?:jointly|together|tripartite|three-party|four-party|multi-party|all\s+three)\b", re.I)
_SIGNATORIES = re.compile(r"^(?:The|Its)\s+(?:first\s+|founding\s+)?(?:signatories|signers)\s+"
                          r"(?:include|included|are|were)\b")
_BY_WITH = re.compile(r"\bby\s+(⟦\d+⟧)\s+with\s+(?:the\s+)?(⟦\d+⟧)")


def _dated_later(s: Sentence) -> None:
    """A sentence that only dates a signing told before: the day of the agreements the story
    recorded without one."""
    if not _SIGNED_ON.search(s.ph):
        return
    # the day right after "signed on" ("signed on May 5 at the X, held May 5-6"), else the one day told
    on = _ON.search(s.sent.text)
    days = [d.span.start for d in dated_phrases(s.r, s.sent, None) if on is not None and not d.span.ranged
            and abs(d.start - (s.sent.start_char + on.end())) <= 1 and d.span.start is not None]
    day = days[0] if days and days[0].day is not None else day_told(s, None)
    for ag in s.r.ex.agreements if day is not None else ():
        if ag.date is None and ag.evidence.start < s.sent.start_char:
            ag.date = day


def read(s: Sentence) -> None:
    if listed(s):
        return  # "... signed agreements with X. Key projects include:" and one line each
    witnessed = _WITNESSED.match(s.ph)
    if witnessed and HAS_SIGN.search(s.ph[witnessed.end():]):
        s = Sentence(s.r, s.index, s.sent, s.ph[witnessed.end():], s.keys, s.ms)
    clauses = _clauses(s.ph)
    if len(clauses) > 1:  # "A signed X with B, while C and D inked Y": each clause its own signing
        for clause in clauses:
            read(Sentence(s.r, s.index, s.sent, clause, s.keys, s.ms))
        return
    if among_them(s):
        return  # "... signed contracts for 12 projects. Among them are a plant of A and a lab of B."
    if not HAS_SIGN.search(s.sent.text) and not re.search(r"\bwith\b[^:]*:|partnership|alliance|agreed", s.ph):
        return
    if planned(s.sent):
        return  # "A will sign a MoU with B": not signed yet
    s = kinds_named(s)
    ph = s.ph
    found = False
    for m in WITH.finditer(ph):
        a, b = subjects(s, m), counterparts(s, m.group("b"))
        also = AND_ALSO_WITH.match(ph, m.end())
        b += [k for k in counterparts(s, also.group("b")) if k not in b] if also else []
        if not a or not b:
            continue
        found = True
        kinds = [m.group("kind"), *_more_kinds(m.group("more"))]
        if len(kinds) == len(b) > 1 and len(a) == 1 and re.search(r"\brespectively\b", ph[m.end():]):
            # "signed K1, K2 and K3 with A, B and C, respectively": each kind with its counterpart
            for kind, x in zip(kinds, b, strict=True):
                agreement(s, kind_of(s, kind), [a, [x]], event_for_agreement(s, m.end()))
            continue
        # "A and B each signed an agreement with C": one each
        each = len(a) > 1 and _EACH.search(ph, m.end("a"), m.start("kind")) is not None
        _signed(s, m.group("kind"), a, b, m.end(), each)
        _each_more_with(s, m.group("kind"), a, also.end() if also else m.end())
        more = AND_WITH.match(ph, m.end())
        if more and (b := counterparts(s, more.group("b"))):
            sides(s, more.group("kind"), a, b, event_for_agreement(s, more.end()), ph[more.end():])
        gap = GAPPED.match(ph, m.end())
        if gap and (a := s.agents(gap.group("a"))) and (b := counterparts(s, gap.group("b"))):
            sides(s, m.group("kind"), a, b, event_for_agreement(s, gap.end()), ph[gap.end():])
    for m in WHOSE.finditer(ph):
        a, b = [s.key(m.group("a"))], counterparts(s, m.group("b"))
        if b and a[0] not in b:
            found = True
            sides(s, m.group("kind"), a, b, event_for_agreement(s, m.end()), ph[m.end():])
    for m in BODY_WITH.finditer(ph):
        body, b = story_body(s, m.group("head").lower(), m.start("head")), counterparts(s, m.group("b"))
        if body and b and body not in b:
            found = True
            sides(s, m.group("kind"), [body], b, event_for_agreement(s, m.end()), ph[m.end():])
    for m in FRONTED.finditer(ph):
        a, b = s.agents(m.group("a")), counterparts(s, m.group("b"))
        if a and b:
            found = True
            sides(s, m.group("kind"), a, b, event_for_agreement(s, m.end()), "")
    # "A entered into strategic cooperation with B": the cooperation is the agreement when a
    # verb of concluding governs it (never a bare "cooperation between", which is a topic)
    for m in ENTERED.finditer(ph):
        a, b = subjects(s, m), counterparts(s, m.group("b"))
        if a and b and not found:
            found = True  # "established partnerships with B and C": one with each
            sides(s, m.group("kind"), a, b, event_for_agreement(s, m.end()), ph[m.end():])
    # "A signed with B to build ...": the agreement is not named
    for m in BARE.finditer(ph):
        a, b = subjects(s, m), counterparts(s, m.group("b"))
        if a and b:
            found = True
            # "A signed with B, C and D respectively": one agreement with each; "firms A, B and C
            # signed with D": each its own (unless they did it jointly)
            each = len(a) > 1 and len(b) == 1 and not m.group("kind") and not _JOINTLY.search(ph)
            _signed(s, m.group("kind") or "agreement", a, b, m.end(), each)
            _each_more_with(s, m.group("kind") or "agreement", a, m.end())
    for m in UNDER.finditer(ph) if not found else ():
        a = s.agents(m.group("a"))
        if len(a) >= 2:
            found = True
            agreement(s, kind_of(s, m.group("kind")), [[x] for x in a], event_for_agreement(s, m.end()))
    for m in PROJECT.finditer(ph) if not found else ():
        a, b = subjects(s, m), counterparts(s, m.group("b"))
        if a and b:
            found = True
            kind = "project agreements" if plural(m.group("kind"), "") else "project agreement"
            sides(s, kind, a, b, event_for_agreement(s, m.end()), ph[m.end():])
            _each_more_with(s, kind, a, m.end())
    for m in INCLUDING.finditer(ph):
        a, b = subjects(s, m), included(s, m.group("b"))
        if a and b and not found:
            found = True
            sides(s, m.group("kind"), a, b, event_for_agreement(s, m.end()), "")
    for m in AGREED.finditer(ph):
        a = subjects(s, m)
        if len(a) >= 2 and not found:
            found = True
            said = re.search(r"\b(?:an?|the)\s+(?P<k>(?:[\w-]+\s+){0,3}?(?:" + AGREEMENT + r"))\b", ph[m.end():],
                             re.I)
            agreement(s, kind_of(s, said.group("k")) if said else "cooperation agreement", [[x] for x in a],
                      event_for_agreement(s, m.end()))
    for m in FORGED.finditer(ph):
        a = subjects(s, m)
        if len(a) >= 2 and not found:
            found = True
            agreement(s, kind_of(s, m.group("kind")), [[x] for x in a], event_for_agreement(s, m.end()))
    # "A and B signed to jointly build the C": the agreement is not named, the two sides are
    for m in TO_DO.finditer(ph):
        a = subjects(s, m)
        if len(a) == 2 and not found:
            found = True
            agreement(s, "agreement", [[a[0]], [a[1]]], event_for_agreement(s, m.end()))
    for m in BULLET.finditer(ph):
        a, b = s.agents(m.group("a")), s.agents(m.group("b"))
        if a and b:
            found = True
            agreement(s, kind_of(s, m.group("kind")), [a, b], event_for_agreement(s, m.end()))
    if found:
        return
    if paired(s):
        return
    # "X and 10 enterprises, including A and B, signed investment agreements": X with each
    for m in SOME.finditer(ph):
        a, b = subjects(s, m), s.agents(m.group("b"))
        if a and b:
            found = True
            sides(s, m.group("kind"), a, b, event_for_agreement(s, m.end()), ph[m.end():])
    if found:
        return
    for m in PAIR.finditer(ph):
        a = subjects(s, m)
        purpose = re.match(r"\s+(?:\w+\s+){0,3}?to\s+(?P<v>settle|move|locate|invest|land|build|set\s+up|"
                           r"establish)\b", ph[m.end():])
        if purpose and (purpose.group("v") in {"settle", "move", "locate", "invest", "land"}
                        or m.group("kind").lower().rstrip().endswith("s")):
            # "A and B signed agreements to settle in the park": the park is where they settle,
            # not a stated signatory, and the settlers did not sign with each other ("A and B
            # signed an agreement to build a lab" is one agreement of the two)
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
    for m in [*PASSIVE.finditer(ph), *BETWEEN.finditer(ph)]:
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
        # "MoUs were signed between A and B, and between C and D": the same kind, another pair
        pos = m.end()
        while (more := AND_BETWEEN.match(ph, pos)) is not None:
            pair = s.agents(more.group("a"))
            if len(pair) == 2:
                found = True
                agreement(s, kind_of(s, m.group("kind")), [[pair[0]], [pair[1]]], event_for_agreement(s, more.end()))
            pos = more.end()
    # "a drug base was signed by A with B, and a robot project by C with D": no kind named
    for m in SIGNED_BY_WITH.finditer(ph) if not found else ():
        pairs = [(m.group("a"), m.group("b")), *_BY_WITH.findall(m.group("more"))]
        for a_text, b_text in pairs:
            a, b = s.agents(a_text), s.agents(b_text)
            if a and b:
                found = True
                agreement(s, "project agreement", [a, b], event_for_agreement(s, m.end()))
    # "seven agreements were signed, including one between A and B and another between C and D"
    said = KIND_ONLY.search(ph)
    for m in ONE_BETWEEN.finditer(ph) if said and not found else ():
        a = s.agents(m.group("a"))
        if said and len(a) == 2 and m.start() > said.end():
            agreement(s, kind_of(s, said.group("kind")), [[a[0]], [a[1]]], event_for_agreement(s, m.end()))
    if not found:
        found = two_sides(s) or both_signed(s) or cooperation_signed(s) or signed_with_including(s) or \
            signed_with_story_body(s)
    if not found:
        _dated_later(s)
    # a named convention or declaration signed by a list of parties
    named = [k for k in s.keys if s.typ(k) is EntityType.AGREEMENT]
    named += [s.r.ceremony_for[k] for k in s.keys if k in s.r.ceremony_for]
    if not named and s.index and _SIGNATORIES.match(ph):
        # "... signed the X Initiative. The first signatories include A, B and C": that initiative
        before = s.r.sentence(s.index - 1, s.r.sents[s.index - 1])
        named = [k for k in before.keys if before.typ(k) is EntityType.AGREEMENT]
    if named and not found and re.search(r"\bsign", ph, re.I):
        target = named[0]
        parties: list[str] = []
        for m in re.finditer(r"\b(?:including|such\s+as|like|namely|signatories\s+(?:include|included|are|were)"
                             r"\s*:?)\s+(?P<l>" + LIST + ")", ph):
            parties += s.agents(m.group("l"))
        for m in re.finditer(r"(?P<l>" + LIST + r")\s+(?:have\s+|has\s+)?signed", ph):
            parties += s.agents(m.group("l"))
        parties = [p for p in dict.fromkeys(parties) if p != target]
        if parties:
            label = s.r.ex.entities[target].label
            kind = head_word(label)
            ceremonies = [k for k in s.keys if s.r.ceremony_for.get(k) == target]
            ev = ceremonies[0] if ceremonies else event_for_agreement(s, 0)
            # "A and B signed the X Framework Agreement": two signatories are two sides; a
            # convention, treaty or declaration signed by many is one group
            groups = [[p] for p in parties] if len(parties) == 2 and kind not in _MULTILATERAL else [parties]
            rec = AgreementRecord(target, kind, groups, evidence(
                s.r.article.name, s.sent), label=label, event=ev)
            s.r.ex.agreements.append(rec)


def _clauses(ph: str) -> list[str]:
    """The clauses of a sentence that each tell a signing of their own: split at "while", at
    ", and" before a new subject that signs and at a semicolon, once a signing verb was read.
    A clause that leaves the verb out ("A signed with X for a plant; B for a lab") gets the
    verb and counterpart of the clause before."""
    out: list[str] = []
    for part in _WHILE.split(ph):
        start = 0
        for m in _AND_THEN.finditer(part):
            if _SIGNED.search(part, start, m.start()):
                out.append(part[start:m.start()])
                start = m.end()
        out.append(part[start:])
    split: list[str] = []
    for part in out:
        pieces = part.split(";")
        if len(pieces) == 1 or not _SIGNED.search(pieces[0]):
            split.append(part)
            continue
        for piece in pieces:
            gapped = _GAPPED_SUBJECT.match(piece)
            told = _SIGNED_WITH_ONE.search(split[-1]) if split and gapped else None
            split.append(f"{gapped.group('a')} signed with {told.group('b')}{piece[gapped.end('a'):]}"
                         if gapped and told else piece)
    return split


def _signed(s: Sentence, kind: str, a: list[str], b: list[str], end: int, each: bool) -> None:
    """The agreements of signatories ``a`` with counterparts ``b`` told by a match ending at
    ``end``: one for the signatories together, or with ``each`` one for every signatory."""
    for group in ([[x] for x in a] if each else [a]):
        sides(s, kind, group, b, event_for_agreement(s, end), s.ph[end:])


def _each_more_with(s: Sentence, kind: str, a: list[str], pos: int) -> None:
    """The agreements of the same kind and signatories with each counterpart named after a
    further "with" ("with A for a drug base, with B for a lab, and with C for a clinic")."""
    while (more := MORE_WITH.match(s.ph, pos)) is not None:
        b = [k for k in counterparts(s, more.group("b")) if k not in a]
        if b:
            sides(s, kind, a, b, event_for_agreement(s, more.end()), s.ph[more.end():])
        pos = more.end()


def _more_kinds(text: str | None) -> list[str]:
    """The kinds listed after the first one (", a research agreement and a lab agreement")."""
    return [k for k in re.split(r",\s+(?:and\s+)?|\s+and\s+", text or "") if k.strip()]

