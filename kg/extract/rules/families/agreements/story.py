"""Signatories a sentence leaves to the story: "the two sides signed", "agreements were
signed with A and B" (with the body the story is about), pairs separated by semicolons."""

from __future__ import annotations

import re

from kg.extract import lexicon as lx
from kg.extract.heads import head_word
from kg.extract.rules.families.agreements.kinds import KIND, kind_of
from kg.extract.rules.families.agreements.parties import included
from kg.extract.rules.families.agreements.records import agreement, event_for_agreement, sides
from kg.extract.rules.patterns import HAS_SIGN, LIST, NEEDS_KIND, SIGN, E, Gated, compiled
from kg.extract.rules.sentence import Sentence
from kg.records import EntityType, Relation

# "A and B; C and D; and E and F signed cooperation agreements": one agreement per pair
_PAIRS = Gated(r"(?P<l>(?:" + LIST + r")(?:\s*;\s*(?:and\s+)?(?:" + LIST + r"))+)\s*,?\s+(?:(?:also|have|has|"
               r"had|jointly|will|respectively|[a-z]+ly)\s+)*" + SIGN + r"\s+" + KIND, r";", NEEDS_KIND, flags=re.I)


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


_BOTH = (r"\b(?:the\s+two|both)\s+(?:sides|parties|institutions|hospitals|universities|companies|"
         r"organi[sz]ations|cities|governments|partners)")
_TWO_SIDES = Gated(
    _BOTH + r"\s+"
    # "the two sides held talks on training and research, and signed ...": a first verb phrase
    r"(?:(?:held|met|visited|discussed|exchanged|toured|reached)\b[^⟦.;]{0,80}?,?\s+and\s+)?"
    r"(?:(?:also|have|has|then|jointly|formally|officially|further|later)\s+)*(?:signed|signs|inked|sealed|penned)\s+"
    + KIND
    # "a MoU was signed between the two sides", "the agreement signed by both parties"
    + r"|" + KIND.replace("(?P<kind>", "(?P<kind2>", 1) + r"[^⟦.;]{0,60}?\b(?:signed|inked)\s+(?:by|between)\s+"
    + _BOTH,
    r"\b(?:the\s+two|both)\s", NEEDS_KIND, flags=re.I)


def two_sides(s: Sentence) -> bool:
    """"The two sides signed a MoU": the pair of the one agreement the sentence before told of,
    else the two bodies the story has named most up to here (a visit or talks between two
    institutions comes first), first-named first."""
    m = _TWO_SIDES.search(s.ph)
    if not m:
        return False
    here = s.r.sent_of_char[s.sent.start_char]
    kind = m.group("kind") or m.group("kind2")
    before = s.r.sents[here - 1] if here else None
    told = [a for a in s.r.ex.agreements if before is not None and len(a.sides) == 2
            and all(len(side) == 1 for side in a.sides)
            and before.start_char <= a.evidence.start < before.end_char]
    if len(told) == 1:
        # "A reached a cooperation intention with B. The two sides inked a letter of intent."
        pair = [told[0].sides[0][0], told[0].sides[1][0]]
        agreement(s, kind_of(s, kind), [[pair[0]], [pair[1]]], event_for_agreement(s, m.end()))
        return True
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
    agreement(s, kind_of(s, kind), [[pair[0]], [pair[1]]], event_for_agreement(s, m.end()))
    return True


# "investment agreements were signed with 12 enterprises, including A and B"
_SIGNED_WITH = Gated(KIND + r",?\s+(?:was|were|have\s+been|has\s+been)\s+(?:also\s+)?(?:signed|inked)\s+with\s+"
                     r"(?:(?:\d+|[a-z]+)\s+(?:other\s+)?(?:enterprises|companies|firms|institutions|hospitals|"
                     r"universities|investors|partners)\s*,?\s+(?:including|such\s+as|like)\s+)?(?P<b>" + LIST + ")",
                     r"(?:signed|inked)\s+with\s", NEEDS_KIND, flags=re.I)


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


# "Among them are ...", "They include ...", "The signed projects include: ...": the projects of
# a signing told before or after; "Among them, a plant by A and a lab by B were signed with X"
_AMONG = compiled(r"^(?:Among\s+(?:them|these|the\s+(?:signed\s+)?(?:projects|contracts|deals|agreements)"
                  r"(?:\s+signed)?)(?:(?P<comma>\s*,\s*)|\s+(?:are|were|is|was)\s+)"
                  r"|(?:They|These)\s+(?:are|were)\s+(?=(?:the\s+)?⟦)"
                  r"|(?:They|These|The\s+(?:signed\s+|key\s+|major\s+)?"
                  r"(?:projects|contracts|deals|agreements|enterprises|companies|firms|investors)"
                  r"(?:\s+signed)?)\s+(?:include|included|includes)\s*:?\s*"
                  # "Eight projects were also signed on site, including P by A and Q by B, both with X"
                  r"|(?P<incl>(?:[\w-]+\s+){1,3}?projects\s+(?:were|was)\s+(?:also\s+)?signed\b[^⟦;]{0,40}?,\s+"
                  r"including\s+))(?P<rest>[^;]+)")
_PLURAL_KIND = compiled(r"\b(?:contracts|agreements|deals|projects|mous|pacts|memorand(?:ums|a))\b", re.I)
_KIND = compiled(KIND, re.I)
_ON_BEHALF = compiled(r"\bon\s+behalf\s+of\s+(?:the\s+)?(?P<b>" + E + ")")
# "were signed between the X and the investors"
_BETWEEN_INVESTORS = compiled(r"\bbetween\s+(?:the\s+)?(?P<b>" + E + r")\s+and\s+(?:the\s+)?(?:investors|companies|"
                              r"enterprises|firms|project\s+owners|developers)\b")
# the body the listed projects were signed with, in the list's own sentence
# ("..., both signed with X", "..., both with X")
_WERE_SIGNED_WITH = compiled(r"(?:\b(?:were|was|have\s+been|has\s+been)\s+(?:all\s+|also\s+)?(?:signed|inked)\s+|"
                             r",\s+(?:both|all|each)\s+(?:(?:signed|inked)\s+)?)with\s+(?:the\s+)?(?P<b>" + E + ")")
# ... or in the next one: "All were signed with X", "X signed investment agreements with the three investors"
_ALL_SIGNED_WITH = compiled(r"^(?:All(?:\s+of\s+them)?|They|These(?:\s+projects)?|The\s+projects)\s+(?:were|was|"
                            r"have\s+been)\s+(?:all\s+)?(?:signed|inked)\s+with\s+(?:the\s+)?(?P<b>" + E + ")")
# "Investment agreements for the three projects were signed by the companies with X"
_BY_THEM_WITH = compiled(r"^(?P<kind>(?:[\w-]+\s+){0,3}?(?:agreements|contracts|deals))\b[^⟦;]{0,40}?\s+"
                         r"(?:were|have\s+been)\s+signed\s+by\s+(?:the|these|all)\s+(?:[\w-]+\s+)?"
                         r"(?:companies|enterprises|firms|investors)\s+with\s+(?:the\s+)?(?P<b>" + E + ")", re.I)
_SIGNED_WITH_THEM = compiled(r"^(?:The\s+)?(?P<b>" + E + r")\s+(?:also\s+|then\s+)?(?:signed|inked)\s+(?P<kind>"
                             r"(?:[\w-]+\s+){0,4}?)with\s+(?:the|all|each\s+of\s+the|these)\s+(?:[\w-]+\s+)?"
                             r"(?:investors|companies|enterprises|firms|project\s+owners|parties|projects)\b")


def among_them(s: Sentence) -> bool:
    """"The district signed contracts for 12 projects. Among them are a drug plant of A and a lab
    of B": the signer of the signing told before signed with each listed project's body; the body
    may be told in the list's own sentence ("Among them, a plant by A and a lab by B were signed
    with X") or in the next ("All were signed with X", "X signed investment agreements with the
    three investors")."""
    m = _AMONG.match(s.ph)
    if m is None:
        return False
    rest = m.group("rest")
    own = _WERE_SIGNED_WITH.search(rest)
    after = _signer_after(s) if own is None else None
    if (m.group("comma") or m.group("incl")) and own is None and after is None:
        return False  # "Among them, A signed a deal with B": a signing of its own
    kind, signer = "agreement", None
    if own is not None:
        signer, rest = s.key(own.group("b")), rest[:own.start()]
    else:
        signer, kind = after or _signer_before(s) or (None, kind)
    b = [k for k in included(s, rest) if k != signer]
    if signer is None or not b or s.typ(signer) not in (*lx.ORG_TYPES, EntityType.PLACE):
        return False
    for k in b:
        agreement(s, kind, [[signer], [k]], event_for_agreement(s, 0))
    return True


def _signer_after(s: Sentence) -> tuple[str, str] | None:
    """The body and kind the sentence after a project list names as what they signed with."""
    if s.index + 1 >= len(s.r.sents):
        return None
    after = s.r.sentence(s.index + 1, s.r.sents[s.index + 1])
    m = _ALL_SIGNED_WITH.match(after.ph) or _SIGNED_WITH_THEM.match(after.ph) or _BY_THEM_WITH.match(after.ph)
    if m is None:
        return None
    said = _KIND.search(m.groupdict().get("kind") or "")
    return after.key(m.group("b")), kind_of(after, said.group("kind")) if said else "agreement"


# after the signing verb: its "by" agent ("were signed by the X"), or the body it was signed with
_BY_AGENT = compiled(r"\w*\s+by\s+(?:the\s+)?(?P<b>" + E + ")")
_WITH_BODY = compiled(r"[^⟦.;]{0,80}?\bwith\s+(?:the\s+)?(?P<b>" + E + ")")


def _signer_before(s: Sentence) -> tuple[str, str] | None:
    """The signer of the signing told last before a project list (up to three sentences back):
    the body it was signed on behalf of, the body named before the verb, else the one the
    signers signed with ("Eight enterprises signed settlement agreements with X")."""
    for back in range(s.index - 1, max(-1, s.index - 4), -1):
        before = s.r.sentence(back, s.r.sents[back])
        verb = HAS_SIGN.search(before.ph)
        kind = _PLURAL_KIND.search(before.ph)
        if verb is None or kind is None:
            continue
        behalf = _ON_BEHALF.search(before.ph) or _BETWEEN_INVESTORS.search(before.ph)
        signer = before.key(behalf.group("b")) if behalf else next(
            (k for k in before.items(before.ph[:verb.start()]) if before.typ(k) in (*lx.ORG_TYPES, EntityType.PLACE)),
            None)
        by = _BY_AGENT.match(before.ph, verb.end())
        with_b = _WITH_BODY.match(before.ph, verb.end())
        if signer is None and by is not None:  # "MoUs were signed by the X with three institutions"
            signer = before.key(by.group("b"))
        if signer is None and with_b is not None:
            signer = before.key(with_b.group("b"))
        if signer is None:
            return None
        said = _KIND.search(before.ph)
        return signer, kind_of(before, said.group("kind")) if said else "agreement"
    return None


# "agreements for eight projects were signed with X, including those of A and B"; "Five projects were
# signed with X, including a lab by A"
_WITH_INCLUDING = Gated(r"(?:" + KIND + r"|\b(?:[\w-]+\s+){0,2}?projects)"
                        r"(?:\s+(?:for|on|worth)\s+[^⟦;]{0,60}?)?,?\s+(?:was|were|have\s+been|has\s+been)\s+"
                        r"(?:also\s+)?(?:signed|inked)\s+with\s+(?:the\s+)?(?P<b>" + E + r"),?\s+(?:including|"
                        r"such\s+as|among\s+them)\s+(?P<rest>[^;]+)",
                        r"(?:signed|inked)\s+with\s", r"including|such\s+as|among\s+them", flags=re.I)


def signed_with_including(s: Sentence) -> bool:
    """"Agreements for eight projects were signed with the park's committee, including those of
    A and B": the body signed with each listed project's owner."""
    m = _WITH_INCLUDING.search(s.ph)
    if m is None:
        return False
    body = s.key(m.group("b"))
    b = [k for k in included(s, m.group("rest")) if k != body]
    if s.typ(body) not in (*lx.ORG_TYPES, EntityType.PLACE) or not b:
        return False
    sides(s, m.group("kind") or "agreements", [body], b, event_for_agreement(s, m.end()), "")
    return True


_BOTH_HEADS = {"companies": (EntityType.COMPANY,), "firms": (EntityType.COMPANY,), "enterprises": (EntityType.COMPANY,),
               "hospitals": (EntityType.HOSPITAL,), "universities": (EntityType.ORGANIZATION,),
               "institutions": lx.ORG_TYPES, "parties": lx.ORG_TYPES}
# "Both companies also signed settlement agreements with X": the two named in the sentence before
_BOTH_SIGNED = compiled(r"^(?:Both|The\s+two)\s+(?P<head>" + "|".join(_BOTH_HEADS) + r")\s+"
                        r"(?:(?:also|have|has|then|later|jointly|each)\s+)*" + SIGN + r"\s+" + KIND
                        + r"[^⟦.;]{0,60}?\s+with\s+(?:the\s+)?(?P<b>" + LIST + ")")


def both_signed(s: Sentence) -> bool:
    """"Both companies also signed agreements with X": each of the two bodies of that kind the
    sentence before named last signed with X."""
    m = _BOTH_SIGNED.search(s.ph)
    if m is None or s.index == 0:
        return False
    b = s.agents(m.group("b"))
    before = s.r.sentence(s.index - 1, s.r.sents[s.index - 1])
    kinds = _BOTH_HEADS[m.group("head").lower()]
    named = [k for k in dict.fromkeys(before.items(before.ph)) if before.typ(k) in kinds and k not in b]
    if len(named) < 2 or not b:
        return False
    for k in named[-2:]:
        agreement(s, kind_of(s, m.group("kind")), [[k], b], event_for_agreement(s, m.end()))
    return True

