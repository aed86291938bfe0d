"""People's posts: the role a person holds in an organization."""

from __future__ import annotations

import re

from kg.extract import lexicon as lx
from kg.extract.rules.patterns import HAS_ROLE, ROLE, ROLE_BARE, SEP, E, compiled
from kg.extract.rules.post_bodies import place_of_level, unit_of_body, unit_post
from kg.extract.rules.sentence import Sentence, evidence
from kg.extract.titles import singular
from kg.records import EntityType, Literal, Post, Relation

_THEN_POST = compiled(r"\s*,?\s+and\s+(?:the\s+)?" + ROLE + r"\s+(?:of|at)\s+(?:the\s+)?(?P<o>" + E +
                      r")(?=\s*(?:[,;.)]|$))")


# an honorific before a person's name
_TITLE = r"(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs|Madam)\.?\s+){0,2}"  # "Prof. Dr. Anna Weber"

_CLINICAL_FIELDS = frozenset({"cardiology", "oncology", "surgery", "neurology", "radiology", "pathology", "pediatrics",
                              "paediatrics", "nursing", "rehabilitation", "orthopedics", "dermatology", "urology",
                              "neurosurgery", "ophthalmology", "gynecology", "obstetrics", "anesthesiology",
                              "psychiatry", "medicine", "research", "nephrology", "hematology", "endocrinology"})
# "director of the neurosurgery department at X": a unit the text does not name, part of the post
_UNIT = (r"(?:\s+(?:of|in)\s+(?:the\s+)?(?P<unit>(?:(?:[a-z][\w-]*|" + E + r")\s+){1,4}(?:department|division|"
         r"center|centre|ward|unit|branch|subsidiary|plant|factory|campus|team|office|section|clinic|laboratory|lab|institute|school|faculty)|"
         r"board(?:\s+of\s+(?:directors|trustees|supervisors))?|"
         # "chief of cardiology at X": a clinical field
         r"(?:[a-z]+\s+){0,2}?(?:" + "|".join(sorted(_CLINICAL_FIELDS)) + r")(?=\s+at\s)))?")

_APPOINTED = re.compile(r"^(?:newly\s+|recently\s+)?(?:appointed|elected|named)\s+|^newly\s+")

# "X serves as", "X, who is also", "X has been appointed", "X was named": a verb that gives a
# person a post (the post follows: "chairman of Y")
_TAKES_POST = (r"(?:\s*,\s*who)?\s+(?:(?:also|currently|now|still|formerly|previously|recently|newly|"
               r"officially|formally|just|has|have|had|will|would|been|be)\s+)*"
               r"(?:(?:is|was|were|been|be|being)\s+(?:(?:newly|recently|officially|formally|also|just)\s+)?"
               r"(?:appointed|named|elected|re-?elected|promoted|chosen|selected|tapped|made|installed)|"
               r"serves|served|serving|acts|acted|works|worked|is|was|became|becomes|become|"
               r"took\s+office|takes\s+office)(?:\s+(?:as|to\s+be|to))?\s+(?:also\s+)?(?:the\s+|an?\s+)?(?:new\s+)?")


def _from_body(s: Sentence) -> None:
    """"Professor Zhang Min from Pine Medical University", "guests included Ann Lee of Pine
    Trust": a person's body without a post."""
    for m in re.finditer(r"(?:^|[,;]\s+|\b(?:and|included|include|includes|including|were|was|are|by|as)\s+)"
                         + _TITLE + r"(?P<p>" + E + r")\s+(?:from|of)\s+(?:the\s+)?"
                         r"(?P<o>" + E + r")(?=\s*(?:[,;.)]|$|(?!(?:in|at|on|for|with|to|of|under|from|by)\b)"
                         r"[a-z]+\b))", s.ph):
        person, org = s.key(m.group("p")), s.key(m.group("o"))
        if s.typ(person) is not EntityType.PERSON or s.typ(org) not in lx.ORG_TYPES:
            continue
        more = _MORE_BODIES.match(s.ph, m.end())
        if more is not None and s.typ(s.key(more.group("o"))) in lx.ORG_TYPES:
            continue  # "A, B and C from X, Y and Z": who is from which body the text does not say
        people = [person]
        before = _PEOPLE_BEFORE.search(s.ph, 0, m.start("p"))
        tokens = [*re.findall(E, before.group(0)), m.group("p")] if before is not None else []
        if tokens and all(s.typ(s.key(t)) is EntityType.PERSON and not _titled(s, t) for t in tokens):
            people = [s.key(t) for t in tokens]  # "A and B from X": both (no one of them named with a post)
        for p in people:
            s.fact(p, Relation.AFFILIATION, org)


# "Dr. Wen Jun (Changde University)": a person and her body in brackets
_BRACKETED_BODY = compiled(r"(?P<p>" + E + r")\s*\(\s*(?P<o>" + E + r")\s*\)")


def _bracketed_body(s: Sentence) -> None:
    for m in _BRACKETED_BODY.finditer(s.ph):
        person, org = s.key(m.group("p")), s.key(m.group("o"))
        if person != org and s.typ(person) is EntityType.PERSON and s.typ(org) in lx.ORG_TYPES:
            s.fact(person, Relation.AFFILIATION, org)


def _titled(s: Sentence, token: str) -> bool:
    """Whether a placeholder is a person read with a post (a titled run folded into her)."""
    at = s.ms[int(token.strip("⟦⟧"))]
    return (at.start, at.end, at.key) in s.r.folds


_MORE_BODIES = compiled(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?(?P<o>" + E + ")")
_PEOPLE_BEFORE = compiled(r"(?:" + E + r"\s*(?:,\s*(?:and\s+)?|\s+and\s+))+$")


# "A, B and C, presidents of X, Y and Z respectively": one post each, paired in order
_RESPECTIVELY = compiled(r"(?P<ps>" + E + r"(?:" + SEP + E + r")+)\s*,\s*(?:the\s+)?" + ROLE + r"s?"
                         r"\s+(?:of|at)\s+(?:the\s+)?(?P<os>" + E + r"(?:" + SEP + r"(?:the\s+)?" + E + r")+)"
                         r"\s*,?\s*respectively\b")


def _respectively(s: Sentence) -> None:
    """Posts of a list of people in a list of bodies, "respectively": the n-th person holds the
    post in the n-th body; lists of unequal length say nothing."""
    for m in _RESPECTIVELY.finditer(s.ph):
        people = [s.key(t) for t in re.findall(E, m.group("ps"))]
        bodies = [s.key(t) for t in re.findall(E, m.group("os"))]
        role = singular_role(re.sub(r"\s+", " ", m.group("role")).strip())
        if len(people) != len(bodies) or role is None:
            continue
        if not all(s.typ(p) is EntityType.PERSON for p in people) or any(
                s.typ(o) in (EntityType.PERSON, EntityType.EVENT, EntityType.AGREEMENT) for o in bodies):
            continue
        for person, org in zip(people, bodies, strict=True):
            _hold(s, person, role, org)


def singular_role(role: str) -> str | None:
    """A post's words with its last word singular ("vice presidents" -> "vice president"), or
    None when that word is no role."""
    *rest, last = role.split()
    one = singular(last)
    return " ".join([*rest, one]) if one is not None and one in lx.ROLE_WORDS else None


# "Ann Wu, President of X (XG) and Secretary of the Party Committee of Y": a second post after
# a titled person (the first post folded into her placeholder)
_AND_POST = compiled(r"(?P<p>" + E + r")(?:\s*\(\s*" + E + r"\s*\))?\s*,?\s+and\s+(?:the\s+)?" + ROLE +
                     r"\s+(?:of|at)\s+(?:the\s+)?(?P<o>" + E + r")(?=\s*(?:[,;.)]|$))")


def _second_post(s: Sentence) -> None:
    """A second post of a titled person: only a fold (a person read with a post) may take one,
    "A and director of X" says nothing of A."""
    for m in _AND_POST.finditer(s.ph):
        person, org = s.key(m.group("p")), s.key(m.group("o"))
        if not _titled(s, m.group("p")) or s.typ(org) not in lx.ORG_TYPES:
            continue
        role = re.sub(r"\bparty\b", "Party", re.sub(r"\s+", " ", m.group("role")).strip().lower())
        if role.split()[-1] in lx.ROLE_WORDS:
            role, org = unit_of_body(s.r, role, org)
            _hold(s, person, role, org)


# "A, CEO of X, and B, its chief financial officer": "its" is the body named last before
_ITS_POST = compiled(r"(?P<p>" + E + r"),\s+its\s+" + ROLE + r"(?=\s*(?:[,;.)]|$))|"
                     # "led by its president Ann Wu"
                     r"\bits\s+" + ROLE.replace("?P<role>", "?P<role2>") + r",?\s+" + _TITLE + r"(?P<p2>" + E + ")|"
                     # "Huang was elected its first chairman": the body the story just named
                     r"(?P<p3>" + E + r")\s+(?:was|has\s+been|is|will\s+be)\s+(?:elected|appointed|named)\s+(?:as\s+)?"
                     r"its\s+(?:first\s+|new\s+|founding\s+)?" + ROLE.replace("?P<role>", "?P<role3>") + "|"
                     # "B, head of its Department of Surgery": a post in a unit of the body named before
                     r"(?P<p4>" + E + r"),\s+" + ROLE.replace("?P<role>", "?P<role4>") + r"\s+of\s+its\s+"
                     r"(?P<u4>" + E + ")")


def _its_post(s: Sentence) -> None:
    for m in _ITS_POST.finditer(s.ph):
        at = s.ms[int((m.group("p") or m.group("p2") or m.group("p3") or m.group("p4")).strip("⟦⟧"))]
        person = at.key
        role = re.sub(r"\s+", " ", m.group("role") or m.group("role2") or m.group("role3") or m.group("role4")).strip()
        post = f"{role} of {s.r.ex.entities[s.key(m.group('u4'))].label.lower()}" if m.group("u4") else role
        # the bodies before, those inside a titled person's run too ("A, CEO of X, and B, its ...");
        # a sentence of its own ("Huang was elected its chairman") looks back one sentence
        since = s.r.sents[s.index - 1].start_char if m.group("p3") and s.index else s.char
        body = s.r.body_named_last(since, at.start)
        if body is not None and person_like(s, person) and role.lower().split()[-1] in lx.ROLE_WORDS:
            _hold(s, person, post, body)


# "A and B, president and vice president of X": the n-th post is the n-th person's; "A and B,
# vice presidents of X": the post is each one's
_ROLE_ITEM = ROLE_BARE + r"s?"
_SHARED = compiled(r"(?P<ps>" + E + r"(?:" + SEP + E + r")+)\s*,\s*(?:the\s+)?(?P<roles>" + _ROLE_ITEM +
                   r"(?:(?:\s*,\s*|\s*,?\s+and\s+)" + _ROLE_ITEM + r")*)\s+(?:of|at)\s+(?:the\s+)?(?P<o>" + E +
                   r")(?=\s*(?:[;.)]|,(?!\s*(?:and\s+)?" + E + r"\s*(?:,|and|respectively))|$|\s+(?!and\b)[a-z]))")


def _shared_posts(s: Sentence) -> set[str]:
    """Posts of a list of people in one body; the people read here (no one of them takes all
    the posts as her own)."""
    done: set[str] = set()
    for m in _SHARED.finditer(s.ph):
        people = [s.key(t) for t in re.findall(E, m.group("ps"))]
        org = s.key(m.group("o"))
        if not all(s.typ(p) is EntityType.PERSON for p in people) or s.typ(org) not in lx.ORG_TYPES:
            continue
        roles = [r for r in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("roles")) if r]
        if len(roles) == len(people):
            posts = [singular_role(r) or r for r in roles]
        elif len(roles) == 1 and m.group("roles").endswith("s") and singular_role(roles[0]):
            posts = [singular_role(roles[0]) or ""] * len(people)
        else:
            continue
        for person, role in zip(people, posts, strict=True):
            _hold(s, person, role, org)
        done.update(people)
    return done


# "vice presidents", "secretaries": a post of several people
_PLURAL_ROLE = compiled(r"\b(?:" + "|".join(sorted(lx.ROLE_WORDS, key=len, reverse=True)) + r")s\b|\bsecretaries\b",
                        re.I)


# -- people's posts
def read(s: Sentence) -> None:
    ph = s.ph
    _from_body(s)
    _bracketed_body(s)
    _second_post(s)
    if "respectively" in ph:
        _respectively(s)
    if not HAS_ROLE.search(ph) and not _PLURAL_ROLE.search(ph):
        return
    _its_post(s)
    shared = _shared_posts(s)
    title = _TITLE
    pats = [
        # "Wu Min, president of Cedar Hospital", "X, a vice-minister of Y", "X, China director of Y",
        # "X, Party secretary and director of Y", "X, head of Asia at Y"
        r"(?P<p>" + E + r")\s*(?:\([^)]{0,20}\)\s*)?,\s*(?:\d{1,3}\s*,\s*)?(?:the\s+|an?\s+)?(?:(?P<rp>" + E +
        r")\s+)?" + ROLE +
        _UNIT + r"(?P<more>(?:\s*,\s*|\s+and\s+|\s*&\s*)" + ROLE_BARE + r")?"
        r"\s+(?:of|at|for|with|(?P<to>to))\s+(?:the\s+)?(?:(?P<region>" + E + r")\s+at\s+(?:the\s+)?)?"
        # "managing director of Austria's X": the body, not the country that owns it
        r"(?:" + E + r"['’]s\s+(?=" + E + r"))?(?P<o>" + E + ")",
        # "Zhang Wei (founder and CEO of Aster Bio)", "Tom Reyes (a partner at Lorn Capital)"
        r"(?P<p>" + E + r")\s*\(\s*(?:the\s+|an?\s+)?" + ROLE + r"(?P<more>(?:\s*,\s*|\s+and\s+|\s*&\s*)" +
        ROLE_BARE + r")?\s+(?:of|at|for|with)\s+(?:the\s+)?(?P<o>" + E + ")",
        # "Frances Lee, President and CEO, Acme Consultants": the body after a comma (press releases)
        r"(?P<p>" + E + r"),\s+" + ROLE + r"(?P<more>(?:\s+and\s+|\s*&\s*)" + ROLE_BARE + r")?,\s+(?:the\s+)?"
        r"(?P<o>" + E + r")(?=\s*(?:,|;|\.|\band\b|$))",
        # "Cedar Hospital president Wu Min", "Wujin's district head Ding Lixia"
        r"(?P<o>" + E + r")(?:['’]s?)?\s+" + ROLE + r"(?P<more>(?:\s+and\s+|\s*&\s*)" + ROLE_BARE + r")?\s+" +
        title + r"(?P<p>" + E + ")",
        # "the Chief Executive of the Hospital Authority, Dr Michael Yau" (a post that opens the
        # clause: in "A, member of X and mayor of Y, B, ..." the mayor is A)
        r"(?:(?<=^)|(?<=\bthe\s)|(?<=\bThe\s)|(?<=[;:(]\s)|(?<=\bby\s)|(?<=\bwith\s))" + ROLE +
        r"(?P<more>\s+and\s+" + ROLE_BARE + r")?\s+of\s+(?:the\s+)?(?P<o>" + E + r")\s*,?\s+" + title +
        r"(?P<p>" + E + ")",
        # "Erik Lindqvist, Permobil's vice-president" (not "A, B's president C": C is)
        r"(?P<p>" + E + r"),\s+(?P<o>" + E + r")['’]s\s+" + ROLE +
        r"(?=[,.;]|$|\s+(?!(?:[\w-]+\s+){0,2}⟦)|\s+(?:for|in)\s+(?:the\s+)?" + E + r"\s*[,.]"  # "... for Asia, told"
        r"|\s+of\s+(?:" + E + r"\s+)?[a-z][\w-]*\s*[,.;])",  # "the company's head of Asia-Pacific business,"
        # "joined by Acme's China president, Ann Wu": the possessor's post, then the person
        r"(?P<o>" + E + r")['’]s?\s+(?:(?P<rp>" + E + r")\s+)?" + ROLE + r",\s+" + title + r"(?P<p>" + E +
        r")(?=\s*(?:[,;.)]|\band\b|$))",
        # "Li Na, Cedar Hospital president, said": the body's name before the post
        r"(?P<p>" + E + r"),\s+(?P<o>" + E + r")\s+" + ROLE + r"(?=\s*[,;.)])",
        # "Ann Wu serves as president of X", "Ann Wu, who is also the director of X", "Ann Wu was
        # appointed chairman of X": a post given by a verb (the person must already be one)
        r"(?P<p>" + E + r")" + _TAKES_POST + ROLE + r"(?P<more>(?:\s*,\s*|\s+and\s+|\s*&\s*)" + ROLE_BARE +
        r")?\s+(?:of|at|for|with)\s+(?:the\s+)?(?P<o>" + E + ")",
    ]
    verbal = pats[-1]
    who = compiled(r"(?P<p>" + E + r"),\s+(?:an?\s+(?:[\w-]+\s+){0,3}?)?who\s+(?:(?:also|now|currently|still)\s+)?"
                     r"(?P<v>heads|leads|chairs|"
                     r"directs|runs|founded|co-founded)\s+(?:the\s+)?(?P<o>" + E + ")")
    for m in who.finditer(ph):
        person, org = s.key(m.group("p")), s.key(m.group("o"))
        if s.typ(person) is EntityType.PERSON and s.typ(org) not in (
                EntityType.PERSON, EntityType.EVENT, EntityType.AGREEMENT):
            role = {"heads": "head", "leads": "leader", "chairs": "chair", "directs": "director",
                    "runs": "head", "founded": "founder", "co-founded": "co-founder"}[m.group("v")]
            _hold(s, person, role, org)
    for p in pats:
        for m in re.finditer(p, ph):
            person, org = s.key(m.group("p")), s.key(m.group("o"))
            if person in shared:
                continue
            # a verb's subject must already be a person ("Acme Bio is a partner of X" is no post)
            is_person = s.typ(person) is EntityType.PERSON if p is verbal else person_like(s, person)
            if not is_person or s.typ(org) in (EntityType.PERSON, EntityType.EVENT, EntityType.AGREEMENT):
                continue
            # "the newly appointed president": the appointment is no part of the post
            role = _APPOINTED.sub("", re.sub(r"\s+", " ", m.group("role")).strip())
            if m.groupdict().get("to") and s.typ(org) not in lx.ORG_TYPES:
                continue  # "a deputy to the X Congress", "adviser to X"; an ambassador to a country is not its
            if m.groupdict().get("rp"):  # "China director": a place word is part of the post
                role = f"{s.r.ex.entities[s.key(m.group('rp'))].label} {role}"
            if role.lower().split()[-1] not in lx.ROLE_WORDS and "-" not in role:
                continue
            if s.r.ex.entities[org].label.lower() in lx.LOWER_PLACE_HEADS:
                place = place_of_level(s.r, org)  # "District head X": the story's district
                if place is None:
                    continue
                org = place
            role, org = unit_of_body(s.r, role, org)
            if m.groupdict().get("unit") and not m.group("unit").startswith("board"):
                # "head of the China office": the place's name as written; the chairman of the board
                # is the body's chairman
                role = f"{role} of " + re.sub(E, lambda t: s.r.ex.entities[s.key(t.group())].label, m.group("unit"))
            if m.groupdict().get("more"):
                # "founder and CEO of X": the post as the story words it (questions match each
                # office in it, kg.ask.roles.offices)
                role = re.sub(r"\s+", " ", f"{role}{m.group('more')}").strip()
            # "X, deputy secretary of A and mayor of B": a second post in a second body
            then = _THEN_POST.match(ph, m.end())
            org2 = s.key(then.group("o")) if then else None
            if org2 is not None and s.typ(org2) in (EntityType.PERSON, EntityType.EVENT, EntityType.AGREEMENT):
                then = org2 = None
            role2 = re.sub(r"\s+", " ", then.group("role")).strip() if then else ""
            if org2 is not None and s.r.ex.entities[org].label.lower() in lx.PARTY_UNITS:
                # "secretary of the Party Leadership Group and director of X": one post in X
                role, org, org2 = unit_post(role, s.r.ex.entities[org].label, role2), org2, None
            if then is None:
                role2, org2 = _local_head(s, ph, m.end(), org)
            both = _AND_BODY.match(ph, m.end()) if then is None and org2 is None else None
            if both is not None and s.typ(s.key(both.group("o"))) in lx.ORG_TYPES and s.typ(org) in lx.ORG_TYPES:
                role2, org2 = role, s.key(both.group("o"))  # "chief executive of A and B": the post in both
            _hold(s, person, role, org)
            if org2 is not None:
                _hold(s, person, role2, org2)


_AND_BODY = compiled(r"\s+and\s+(?:the\s+)?(?P<o>" + E + r")(?=\s*(?:[,;.)]|$))")

# "..., deputy secretary of the CPC X County Committee and county head": the second post, with no
# body of its own, heads the government of the place the Party committee is of
_THEN_LOCAL = compiled(r"\s*,?\s+and\s+(?:the\s+)?(?P<role>(?:(?:executive|deputy|vice|acting|first)[\s-]+){0,2}"
                       r"(?:(?:county|district|city)\s+)?(?:mayor|governor|(?:county|district)\s+(?:head|chief|magistrate)))"
                       r"(?=\s*(?:[,;.)]|$)|\s+(?!of\b|at\b|in\b))", re.I)
_PARTY_OF_PLACE = compiled(r"^(?:CPC\s+|Communist\s+Party\s+of\s+China\s+)?(?P<x>[A-Z][\w'’ -]*?)\s+"
                           r"(?P<lvl>Municipal|City|County|District|Provincial|Prefectural)\s+(?:Party\s+|CPC\s+)?"
                           r"Committee(?:\s+of\s+the\s+(?:CPC|Communist\s+Party\s+of\s+China))?$"
                           r"|^(?:CPC\s+)?(?P<lvl2>Municipal|City|County|District|Provincial|Prefectural)\s+"
                           r"(?:Party\s+|CPC\s+)?Committee\s+of\s+(?:the\s+)?(?P<x2>[A-Z][\w'’ -]*)$")
_LEVEL_NOUN = {"county": "County", "district": "District", "provincial": "Province", "prefectural": "Prefecture"}


def _local_head(s: Sentence, ph: str, end: int, org: str) -> tuple[str, str | None]:
    """The post and place of "and mayor" after a post in a local Party committee, or ("", None)."""
    then = _THEN_LOCAL.match(ph, end)
    party = _PARTY_OF_PLACE.match(s.r.ex.entities[org].label) if then else None
    if then is None or party is None:
        return "", None
    place, level = party.group("x") or party.group("x2"), (party.group("lvl") or party.group("lvl2")).lower()
    noun = _LEVEL_NOUN.get(level)
    if noun is not None and not place.endswith(noun):
        place = f"{place} {noun}"  # "X County Committee": X County (a municipal committee's is the city X)
    return re.sub(r"\s+", " ", then.group("role")).strip().lower(), s.r.entity(place, EntityType.PLACE)


def _hold(s: Sentence, person: str, role: str, org: str) -> None:
    s.r.ex.posts.append(Post(person, role, org, evidence(s.r.article.name, s.sent)))
    s.fact(person, Relation.ROLE, Literal(role))
    s.fact(person, Relation.AFFILIATION, org)


def person_like(s: Sentence, key: str) -> bool:
    """A person, or a two- or three-word name nothing else typed, in a person's slot of a post
    pattern ("Adiljan Tursun, deputy director of ..."): the pattern types it."""
    ent = s.r.ex.entities[key]
    if ent.type is EntityType.PERSON:
        return True
    words = ent.label.split()
    if key in s.r.strong or not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    ent.type = EntityType.PERSON
    return True
