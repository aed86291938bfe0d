"""The ways news words a signing, as patterns over a sentence's placeholder text.

Each names its signatories ``a`` (and counterparts ``b``) and the ``kind`` of agreement; the
reader in ``__init__`` says in which order they are tried and what each one reads.
"""

from __future__ import annotations

import re

from kg.extract.rules.families.agreements.kinds import KIND
from kg.extract.rules.patterns import AGREEMENT, BEFORE_VERB, ITEM, LIST, NEEDS_KIND, SIGN, E, Gated, compiled

# "A and B held talks and signed ...", "A met B's delegation and signed ...": a first verb
# phrase coordinated before the signing
THEN = r"(?:(?:held|met|visited|attended|reached|discussed|toured|exchanged)\b[^⟦.;,]{0,40}?\s+and\s+(?:then\s+)?)?"


# "The fair opened with A signing a MoU with B": an absolute clause's gerund signs too
SIGNING = r"(?:" + SIGN + r"|signing|inking|sealing)"
# where a "with" list ends: before the subject of a next signing ("A signed X with B, and C
# signed Y with D": C signs) and never at a witness ("with C as a witness": C did not sign)
END_OF_WITH = (r"(?!\s+" + BEFORE_VERB + r"(?:" + SIGN + r"|also\s+signed)\b)"
               # "A signed a deal with B, and C with D": C begins a clause whose verb is left out
               r"(?!\s+with\s+(?:the\s+)?⟦)"
               r"(?!\s+as\s+(?:an?\s+|the\s+)?(?:witness|observer|guest|host|moderator|organi[sz]er)s?\b)")

# what stands between a kind and its "with": "worth 1.5 billion yuan", "on elderly care"
# (an event it was signed at may stand there: "signed a deal at the ⟦fair⟧ with B")
GAP = r"(?:\d[.,]\d|[^⟦.;]|(?<=at\s)⟦\d+⟧|(?<=during\s)⟦\d+⟧|(?<=the\s)⟦\d+⟧(?=\s+with\b)){0,60}?"

# "A, together with B, signed ...": B signs on A's side
TOGETHER = r"(?:,?\s+(?:together|along)\s+with\s+" + LIST + r",?)?"

# "signed a licensing agreement, a research agreement and a lab agreement with A, B and C,
# respectively": further kinds after the first, one per counterpart
MORE_KINDS = (r"(?P<more>(?:(?:,\s+|,?\s+and\s+)(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?(?:" + AGREEMENT
              + r")(?=[\s,]))*)")

# The signing patterns, compiled once at import (read() says what each one reads).
WITH = Gated(r"(?P<a>" + LIST + TOGETHER + r")(?:,?\s+(?:which|that|who))?,?\s+" + BEFORE_VERB + THEN + SIGNING +
             r"\s+" + KIND + MORE_KINDS +
             # (the words skipped before the counterparts never end "in the": "with three hospitals
             # in the X Delta" names where they are)
             GAP + r"\s+with\s+(?:[\w&-]+[,:]?\s+){0,6}?(?<!\bin )(?<!\bin the )(?<!\bacross )(?<!\bacross the )"
             r"(?<!\bat )(?<!\bat the )(?<!\bduring )(?<!\bduring the )"
             r"(?P<b>" + LIST + ")" + END_OF_WITH,
             r"\swith\s", NEEDS_KIND, flags=re.I)

# "The hospital has also signed agreements with A and B": a body named by its kind as subject
BODY_HEADS = ("hospital", "university", "college", "company", "group", "institute", "academy", "association",
              "foundation", "commission", "bureau", "center", "centre", "corporation", "firm")
BODY_WITH = compiled(r"(?:^|[,;:]\s+|\b(?:and|said|says|noted|added|announced|stated)\s+(?:that\s+)?)"
                     r"[Tt]he\s+(?:new\s+|same\s+)?(?P<head>" + "|".join(BODY_HEADS) + r")\s+" + BEFORE_VERB
                     + SIGNING + r"\s+" + KIND + GAP + r"\s+with\s+(?:[\w&-]+,?\s+){0,6}?(?P<b>" + LIST
                     + ")" + END_OF_WITH)

# "Signing a MoU with B, A will ...", "After signing a MoU with B, A ...": a fronted participle
FRONTED = compiled(r"(?:^|[.;]\s+)(?:(?:After|Having|By)\s+)?(?:[Ss]igning|[Ss]igned|[Ii]nking)\s+" + KIND
                   + r"(?:[^⟦.;,]{0,60}?)\s+with\s+(?:the\s+)?(?P<b>" + LIST + r"),\s+(?P<a>" + LIST + r")\s+"
                   r"(?:[a-z]+ly\s+)?(?:will|would|has|have|had|is|are|was|were|[a-z]+ed|[a-z]+s)\b")

# a time or place after the first clause: "... with B on Friday, and C with D"
WHEN = r"(?:\s+(?:on|in|at|last|this|earlier)\s+[^⟦,.;]{0,30}?)?"
# what the first agreement is for, before a second one: "with B to co-develop clinical
# pathways, and a distribution agreement with C"
PURPOSE = r"(?:\s+(?:to|for|on|covering|in|worth)\s+[^⟦.;,]{1,60}?)?"
# "A signed a deal with B, and C with D": the same kind of agreement, its verb left out
GAPPED = compiled(WHEN + r"\s*,?\s+and\s+(?P<a>" + LIST + r")\s+with\s+(?:the\s+)?(?P<b>" + LIST + ")" + END_OF_WITH)

# "A signed a purchase agreement with B and a research agreement with C": a second kind and
# counterpart after the first, read from where the first match ended
# ("..., which operates 14 hospitals, and a distribution agreement with C": a relative clause on
# the first counterpart may stand before it)
AND_WITH = compiled(WHEN + PURPOSE + r"(?:,\s+(?:which|who)\s+(?:[^⟦,;.]|⟦\d+⟧){1,80})?"
                    + r"\s*,?\s+and\s+(?:also\s+)?(?:(?:signed|inked)\s+)?" + KIND + GAP
                    + r"\s+with\s+(?:the\s+)?(?P<b>" + LIST + ")" + END_OF_WITH, re.I)
# "signed MoUs with A and B and with the C respectively": more counterparts after a second "with"
AND_ALSO_WITH = compiled(r"\s+and\s+(?:also\s+)?with\s+(?:the\s+)?(?P<b>" + LIST + ")" + END_OF_WITH)
# "signed investment agreements with A for a drug base, with B for a lab, and with C for a
# clinic": each "with" after what the one before is for names a counterpart of its own
MORE_WITH = compiled(PURPOSE + r"\s*,?\s+(?:and\s+)?(?:also\s+)?with\s+(?:the\s+)?(?P<b>" + LIST + ")" + END_OF_WITH)

ENTERED = Gated(r"(?P<a>" + LIST + r")\s+" + BEFORE_VERB +
                r"(?:entered\s+into|reached|established|forged|formed|struck|signed)\s+(?:an?\s+|the\s+)?"
                r"(?P<kind>(?:[\w-]+\s+){0,3}?(?:cooperation|partnerships?|alliances?)(?:\s+relationships?)?)\s+"
                r"with\s+(?:the\s+)?(?P<b>" + LIST + ")",
                r"cooperation|partnership|alliance", r"\swith\s", flags=re.I)

# "A signed with B to build ...", "A signed with B a strategic cooperation agreement"
BARE = Gated(r"(?P<a>" + LIST + r")(?:\s+(?:--|–|—))?\s+" + BEFORE_VERB +
             r"(?:signed|signs|inked)\s+(?:up\s+)?with\s+(?:the\s+)?(?P<b>" + LIST + r")" + END_OF_WITH +
             r"(?:\s+" + KIND + r"\b)?", r"(?:signed|signs|inked)\s+(?:up\s+)?with\s", flags=re.I)

# "a drug base was signed by A with B, and a robot project by C with the D": a project's signatories
SIGNED_BY_WITH = compiled(r"\b(?:was|were)\s+(?:also\s+)?signed\s+by\s+(?P<a>" + ITEM + r")\s+with\s+(?:the\s+)?(?P<b>"
                          + ITEM + r")(?P<more>(?:,?\s+and\s+(?:an?\s+|the\s+)?[^⟦;,]{0,60}?\bby\s+" + ITEM
                          + r"\s+with\s+(?:the\s+)?" + ITEM + r")*)")
# "Under a separate tripartite agreement signed at the same event, A, B and C will jointly run ..."
UNDER = compiled(r"\b[Uu]nder\s+(?:a|an|the)\s+(?:separate\s+|new\s+)?" + KIND + r"\s+(?:signed|reached|inked)\b"
                 r"(?:[^,;⟦]|⟦\d+⟧){0,60},\s+(?P<a>" + LIST + r")\s+(?:will|would|are\s+to|is\s+to|shall)\b")

# "Lukou District signed a health tourism project with A": a project signed is an agreement on it
PROJECT = Gated(r"(?P<a>" + LIST + r")\s+" + BEFORE_VERB + r"(?:signed|signs|inked)\s+(?P<kind>(?:an?\s+|the\s+|"
                r"\d+\s+)?(?:(?:[\w-]+|⟦\d+⟧)\s+){0,5}?projects?)\s+with\s+(?:the\s+)?(?P<b>" + LIST + ")"
                + END_OF_WITH, r"(?:signed|signs|inked)\s", r"\sprojects?\s+with\s", flags=re.I)

# "the zone signed investment agreements for 12 projects, including those of A and B", "signed
# contracts for 23 projects worth 18.6 billion yuan, including a drug plant of A and a lab of B"
INCLUDING = Gated(r"(?P<a>" + LIST + r"),?\s+" + BEFORE_VERB + SIGN + r"\s+" + KIND +
                  r"(?:\d[.,]\d|⟦\d+⟧|[^⟦.;]){0,160}?,?\s+(?:including|such\s+as|among\s+them)\s+"
                  r"(?P<b>[^;]+)", r"including|such\s+as|among\s+them", NEEDS_KIND, flags=re.I)


# "A and B have agreed to cooperate in X (according to an agreement signed on Tuesday)"
AGREED = Gated(r"(?P<a>" + LIST + r"),?\s+" + BEFORE_VERB + r"agreed\s+to\s+(?:jointly\s+|further\s+)?"
               r"(?:cooperate|collaborate|work\s+together|partner|join\s+hands)\b", r"agreed\s+to\s", flags=re.I)

# "A and B have forged a strategic partnership": a partnership formed, with no "with"
FORGED = Gated(r"(?P<a>" + LIST + r"),?\s+" + BEFORE_VERB + r"(?:forged|formed|established|built|launched)\s+"
               r"(?:an?\s+|the\s+)?(?P<kind>(?:[\w-]+\s+){0,3}?(?:partnership|alliance))\b(?!\s+with\b)",
               r"forged|formed|established|built|launched", r"partnership|alliance", flags=re.I)

TO_DO = Gated(r"(?P<a>" + LIST + r"),?\s+" + BEFORE_VERB + r"(?:signed|signs|inked)\s+(?:up\s+)?to\s+"
              r"(?:jointly\s+|together\s+)?[a-z]+\b", r"(?:signed|signs|inked)\s+(?:up\s+)?to\s", flags=re.I)

BULLET = compiled(r"^[•·*-]?\s*(?P<a>" + LIST + r")\s+with\s+(?:[\w&-]+\s+){0,6}?(?P<b>" + LIST
                   + r")\s*[:：,-]\s*" + KIND, re.I)

SOME = Gated(r"(?P<a>" + LIST + r")\s+and\s+(?:\d+|[a-z]+)\s+(?:other\s+)?(?:enterprises|companies|firms|"
             r"institutions|hospitals|universities|organi[sz]ations|investors|partners)\s*,?\s+(?:including|"
             r"such\s+as|like|among\s+them)\s+(?P<b>" + LIST + r"),?\s+" + BEFORE_VERB + SIGN + r"\s+" + KIND,
             r"including|such\s+as|like|among\s+them", NEEDS_KIND, flags=re.I)

PAIR = Gated(r"(?P<a>" + LIST + r"),?\s+" + BEFORE_VERB + THEN + SIGN + r"\s+" + KIND, NEEDS_KIND, flags=re.I)

# "a contract for the Pine Park project was signed between A and B": what the agreement is
# for may name things; "agreements worth 1.2 billion yuan were signed between A and B"
_FOR_WHAT = (r"(?:\s+(?:worth|valued\s+at|totall?ing)\s+(?:\d[.,]\d|[^⟦.;,]){0,40}?)?"
             r"(?:\s+(?:on|for|of|to)\s+(?:\d[.,]\d|[^⟦.;]|⟦\d+⟧){0,60}?)?")
PASSIVE = Gated(KIND + _FOR_WHAT + r",?\s+(?:(?:was|were|has\s+been|have\s+been)"
                r"\s+)?(?:(?:also|then|later|formally|officially|jointly)\s+)?(?:signed|inked|reached)\s+(?:(?:on\s+)?(?:\w+day|last\s+\w+|[A-Z][a-z]+\s+\d{1,2}|"
                r"the\s+\d{1,2}(?:st|nd|rd|th))"
                r"(?:\s+(?:morning|afternoon|evening))?,?\s+)?"
                # "a fund deal was reached at the event between A and B"
                r"(?:(?:at|during)\s+(?:the\s+)?(?:⟦\d+⟧|[a-z]+(?:\s+[a-z]+)?),?\s+)?"
                # "signed by three parties: A, B and C"
                r"(?:between|by)\s+(?:(?:two|three|four|five|\d+)\s+parties\s*:\s*)?(?P<a>" + LIST + r")"
                # "signed by A with B and with C": each "with" names a counterpart
                r"(?:\s+with\s+(?:the\s+)?(?P<b>" + LIST + r"(?:,?\s+and\s+with\s+(?:the\s+)?" + LIST + ")*))?",
                r"(?:signed|inked|reached)\s", r"between|by", NEEDS_KIND, flags=re.I)

# "a tripartite agreement among A, B and C": among several as between two
BETWEEN = Gated(KIND + _FOR_WHAT + r"\s+(?:between|among|amongst)\s+(?P<a>" + LIST + ")",
                r"between|among", NEEDS_KIND, flags=re.I)


# "..., including one between A and B and another between C and D": the kind named before
KIND_ONLY = Gated(KIND, NEEDS_KIND, flags=re.I)
AND_BETWEEN = compiled(r",?\s+and\s+(?:another\s+|one\s+)?between\s+(?P<a>" + ITEM + r"\s+and\s+" + ITEM + ")")
ONE_BETWEEN = compiled(r"\b(?:one|another|the\s+other|the\s+(?:first|second|third|last|latter|former))\s+"
                       r"(?:(?:was|is)\s+)?(?:signed\s+)?between\s+(?P<a>" + ITEM + r"\s+and\s+" + ITEM + ")")

# "... a base of A, whose project contract was signed with B": A's agreement
WHOSE = Gated(r"(?P<a>" + E + r"),?\s+whose\s+" + KIND + r"\s+(?:was|were|has\s+been|had\s+been)\s+(?:signed|inked)"
              r"\s+with\s+(?:the\s+)?(?P<b>" + LIST + ")", r"whose", flags=re.I)
