"""Agreement questions: who signed with X, who signed AGREEMENT, when and where it was signed,
at which events X signed, how many agreements were signed.

Graph: ``?a kgo:party ?x ; kgo:side ?s ; kgo:agreementKind ?k ; kgo:signedAt ?event ;
kgo:signedOn ?date`` (docs/rdf-model.md). Counterparties come from the sides, so parties on
the same side are never each other's answer.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from kg import vocab
from kg.errors import AmbiguousEntityError, EntityNotFoundError
from kg.lookup import EntityRef, describe_nodes, select, select_many
from kg.names import normalize_name
from kg.query import Evidence, agreements_sides, counterparties, node_evidence, term_key
from kg.store.base import Store

from ..base import Form, Question, form
from ..grammar import (
    AUX,
    EVENT_NOUNS,
    PURPOSE,
    THE,
    WHO,
    T,
    X,
    Y,
    clean_phrase,
    content_words,
    kind_matches,
    names_of,
)
from ..graph import (
    Collector,
    agreements_between,
    first_nonempty,
    keep_types,
    merge,
    most_specific_places,
    named_as,
    objects,
    signing_events,
    sub_events,
)
from ..phrases import resolve_phrase
from ..results import Answer

SIGN = (r"(?:signed|sign|signs|signing|inked|ink|reached|reach|concluded|conclude|struck"
        r"|strike|entered into|enter into|agreed|agree)")
KIND = rf"(?: {THE}(?P<kind>{T}))?"
# words that ask for agreements of every kind ("an agreement", "how many deals")
_ANY_AGREEMENT = frozenset({"agreement", "deal", "document", "pact", "accord"})
# an agreement kind that is neither a counterparty ("with") nor a purpose ("to build")
_KIND_ONLY = rf"(?: {THE}(?P<kind>(?!to\b)(?:(?!\bwith\b|\bto\b)[\w\s'’-])+?))?"

_PARTY_OF = """
SELECT ?n ?a ?kind ?y WHERE {
  ?a kgo:party ?n ; kgo:party ?y . OPTIONAL { ?a kgo:agreementKind ?kind }
}
"""


def _agreements_of(q: Question, ent: EntityRef) -> dict[str, tuple[str, set[str]]]:
    """X's agreements: IRI -> (kind, parties)."""
    agreements: dict[str, tuple[str, set[str]]] = {}
    for row in select(q.store, _PARTY_OF, n=ox.NamedNode(ent.iri)):
        a, y, kind = row["a"], row["y"], row["kind"]
        if not isinstance(a, ox.NamedNode) or not isinstance(y, ox.NamedNode):
            continue
        entry = agreements.setdefault(
            a.value, (kind.value if isinstance(kind, ox.Literal) else "", set())
        )
        entry[1].add(y.value)
    return agreements


def _of_kind(q: Question, agreements: dict[str, tuple[str, set[str]]]) -> list[str]:
    """The agreements of the asked kind; all of them if the kind fits none (noted)."""
    asked = q.slot("kind")
    chosen = sorted(a for a, (kind, _) in agreements.items() if kind_matches(asked, kind))
    if asked and not chosen and agreements:
        q.note(f"no agreement of kind {asked!r}; every agreement counted")
        return sorted(agreements)
    return chosen


# "with X at the cloud signing ceremony": an event phrase ("the ... NOUN"), never part of a name
# such as "Faculty of Medicine at Pine University"
_AT_EVENT = (rf"(?: (?:at|during) (?P<at>the (?:[\w'’()-]+ ){{0,8}}?(?:{EVENT_NOUNS}|days?|weeks?|awards|challenges?)"
             r"|[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?: (?:19|20)\d\d)?))?")  # "at PIHE 2023": an acronym


def signed_with(q: Question) -> list[Answer]:
    """Counterparties of X's agreements, restricted loosely to the asked kind (if any fits),
    and to those signed at the asked event or a part of it (all of them, noted, when none is)."""
    _note_purpose(q)
    ent = q.x
    agreements = _agreements_of(q, ent)
    if "at" in q.resolved:
        event = q.resolved["at"].entity.iri
        events = {event, *sub_events(q.store, event)}
        there = {r["a"].value for e in events for r in select(q.store, _SIGNED_THERE, e=ox.NamedNode(e))
                 if isinstance(r["a"], ox.NamedNode)}
        if there & set(agreements):
            agreements = {a: v for a, v in agreements.items() if a in there}
        else:
            q.note(f"no agreement of {ent.label!r} is recorded at {q.resolved['at'].entity.label!r}: all read")
    out = Collector()
    party = vocab.ont("party")
    chosen = _of_asked_kind(q, agreements)  # "signed agreements with X": every kind
    # every agreement's sides, names and evidence in one query each
    sides = agreements_sides(q.store, chosen)
    others = {a: counterparties(sides[a], ent.iri, agreements[a][1]) for a in chosen}
    refs = describe_nodes(q.store, sorted({o for os in others.values() for o in os}))
    index = node_evidence(q.store, chosen) if chosen else {}
    for a in chosen:
        for other in sorted(others[a]):
            if q.types and not set(q.types) & set(refs[other].types):
                continue
            ev = list(index.get((a, party, other), ()))
            out.add(refs[other].label, other, ev, refs[other].types)
    return out.result()


def kinds(q: Question) -> list[Answer]:
    """What X signed (with Y, when named): the kinds of the agreements, as the text words them,
    with the sentences that state each."""
    if "Agreement" in q.x.types and "y" not in q.resolved:
        # "what did A and B sign" read as the agreement named "KIND between A and B": its kind
        agreements = _kinds_and_parties(q.store, [q.x.iri])
    else:
        agreements = _agreements_of(q, q.x)
    if "y" in q.resolved:
        agreements = {a: v for a, v in agreements.items() if q.resolved["y"].entity.iri in v[1]}
    chosen = _of_asked_kind(q, agreements)
    index = node_evidence(q.store, chosen) if chosen else {}
    party = vocab.ont("party")
    out = Collector()
    for a in chosen:
        kind = agreements[a][0] or "agreement"
        ev = [e for (s, p, _), evs in index.items() if s == a and p == party for e in evs]
        out.add(kind, None, ev[:3])
    return out.result()


def parties(q: Question) -> list[Answer]:
    """Signatories of an agreement named in the question (or X's counterparties)."""
    if "Agreement" not in q.x.types:
        q.note(f"{q.x.label!r} is not an agreement: read as 'who signed with {q.x.label}'")
        return signed_with(q)
    return objects(q.store, q.x.iri, "party", q.types)


def agreement_evidence(store: Store, agreement: str) -> list[Evidence]:
    """The sentences that state an agreement (those of its party facts)."""
    out: list[Evidence] = []
    for party in objects(store, agreement, "party"):
        out.extend(e for e in party.evidence if e not in out)
    return out


def _pair_agreements(q: Question) -> list[str]:
    """Agreements between X and Y of the asked kind (all of them if the kind fits none)."""
    found = agreements_between(q.store, q.x.iri, q.y.iri)
    return _of_kind(q, _kinds_and_parties(q.store, found))


def _kinds(store: Store, agreements: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for a in agreements:
        kinds = objects(store, a, "agreementKind")
        out[a] = kinds[0].label if kinds else ""
    return out


def signing_dates(store: Store, agreement: str) -> list[Answer]:
    """When an agreement was signed: its own date, else the start of the event it was signed at."""
    out = Collector()
    ev = agreement_evidence(store, agreement)
    for date in objects(store, agreement, "signedOn"):
        out.add(date.label, None, date.evidence or ev)
    if out.items:
        return out.result()
    for event in signing_events(store, agreement):
        for date in objects(store, event, "startDate"):
            out.add(date.label, None, date.evidence)
    return out.result()


def signing_places(store: Store, agreement: str) -> list[Answer]:
    """Where an agreement was signed: the places of its signing events, else those events."""
    events = signing_events(store, agreement)
    places = [p for e in events for p in objects(store, e, "location")]
    if places:
        return most_specific_places(store, places, venues_first=True)
    refs = describe_nodes(store, events)
    ev = agreement_evidence(store, agreement)
    out = Collector()
    for e in events:
        out.add(refs[e].label, e, ev, refs[e].types)
    return out.result()


def when_signed(q: Question) -> list[Answer]:
    """The date an agreement (or an agreement between X and Y) was signed."""
    if "y" in q.resolved:
        return [d for a in _pair_agreements(q) for d in signing_dates(q.store, a)]
    if "Agreement" in q.x.types:
        return signing_dates(q.store, q.x.iri)
    return q.about_x(lambda e: objects(q.store, e.iri, "startDate"))  # a signing ceremony


def _pair(q: Question) -> bool:
    """"A and B" read as two names: the first split at an "and" where both halves name a node
    ("Women and Children's Hospital and B" splits at the second); whether one was found."""
    text = q.slot("pair") or ""
    found = []
    for cut in [i for i in range(len(text)) if text.startswith(" and ", i)]:
        try:
            x = resolve_phrase(q.store, "x", text[:cut])
            y = resolve_phrase(q.store, "y", text[cut + 5:])
        except (EntityNotFoundError, AmbiguousEntityError):
            continue
        if "Agreement" in x.entity.types or "Agreement" in y.entity.types:
            continue  # "B and C" read as the agreement "... between B and C"
        # a split whose halves are names as written beats one read by a looser rule
        exact = sum(normalize_name(clean_phrase(r.phrase)) in {normalize_name(n) for n in names_of(r.entity)}
                    for r in (x, y))
        found.append((-exact, cut, x, y))
    if not found:
        q.note(f"{text!r} names no two nodes")
        return False
    _, _, q.resolved["x"], q.resolved["y"] = min(found, key=lambda f: (f[0], f[1]))
    return True


def when_pair_signed(q: Question) -> list[Answer]:
    """When A and B signed (their KIND): the dates of the agreements between them."""
    return when_signed(q) if _pair(q) else []


def where_pair_signed(q: Question) -> list[Answer]:
    """Where A and B signed (their KIND): the places of the agreements between them."""
    return where_signed(q) if _pair(q) else []


def where_signed(q: Question) -> list[Answer]:
    """Where an agreement (or an agreement between X and Y) was signed."""
    if "y" in q.resolved:
        return [p for a in _pair_agreements(q) for p in signing_places(q.store, a)]
    if "Agreement" in q.x.types:
        return signing_places(q.store, q.x.iri)
    return q.about_x(lambda e: most_specific_places(
        q.store, objects(q.store, e.iri, "location"), venues_first=True))


def signed_at(q: Question) -> list[Answer]:
    """The events an agreement was signed at, of the asked kind of event if any fits."""
    def events(e: EntityRef) -> list[Answer]:
        refs = describe_nodes(q.store, signing_events(q.store, e.iri))
        out = Collector()
        for iri, ref in refs.items():
            out.add(ref.label, iri, agreement_evidence(q.store, e.iri), ref.types)
        return out.result()

    found = events(q.x)
    return first_nonempty(lambda: keep_types(found, q.types), lambda: found)


_SIGNED_THERE = "SELECT ?e ?a WHERE { ?a kgo:signedAt ?e }"


def signers_at(q: Question) -> list[Answer]:
    """Who signed agreements at an event (or at its parts); "which agreements" lists them."""
    events = [q.x.iri, *sub_events(q.store, q.x.iri)]
    agreements = sorted({r["a"].value for e in events
                         for r in select(q.store, _SIGNED_THERE, e=ox.NamedNode(e))
                         if isinstance(r["a"], ox.NamedNode)})
    chosen = _of_kind(q, _kinds_and_parties(q.store, agreements))
    if "Agreement" in q.types:
        refs = describe_nodes(q.store, chosen)
        out = Collector()
        for a in chosen:
            out.add(refs[a].label, a, agreement_evidence(q.store, a), refs[a].types)
        return out.result()
    return merge(*(objects(q.store, a, "party", q.types) for a in chosen))


def _kinds_and_parties(store: Store, agreements: list[str]) -> dict[str, tuple[str, set[str]]]:
    return {a: (k, set()) for a, k in _kinds(store, agreements).items()}


def _of_asked_kind(q: Question, found: dict[str, tuple[str, set[str]]]) -> list[str]:
    """:func:`_of_kind`, except that "an agreement" or "deals" asks for every kind."""
    if content_words(q.slot("kind") or "") <= _ANY_AGREEMENT:
        return sorted(found)
    return _of_kind(q, found)


def _note_purpose(q: Question) -> None:
    """The graph records no agreement's purpose: "to build the Y" is read and left aside."""
    if q.slot("purpose"):
        q.note(f"the purpose {q.slot('purpose')!r} is not recorded in the graph: not used")


# X's agreements (with Y, when one is named) and the events they were signed at, one query
_SIGNED_BY = """
SELECT ?a ?e ?kind WHERE { ?a kgo:party ?n ; kgo:signedAt ?e . OPTIONAL { ?a kgo:agreementKind ?kind } }
"""
_SIGNED_BY_PAIR = """
SELECT ?a ?e ?kind WHERE {
  ?a kgo:party ?n ; kgo:party ?y ; kgo:signedAt ?e . OPTIONAL { ?a kgo:agreementKind ?kind }
}
"""
_PARENTS = "SELECT ?e ?p WHERE { ?e kgo:subEventOf ?p }"


def _kind_rows(rows: list[ox.QuerySolution], var: str) -> dict[str, tuple[str, set[str]]]:
    """Rows of (agreement, ?var, kind) as _of_kind reads them: IRI -> (kind, values of var)."""
    out: dict[str, tuple[str, set[str]]] = {}
    for r in rows:
        a, v, kind = r["a"], r[var], r["kind"]
        if isinstance(a, ox.NamedNode) and isinstance(v, ox.NamedNode):
            entry = out.setdefault(a.value, (kind.value if isinstance(kind, ox.Literal) else "", set()))
            entry[1].add(v.value)
    return out


def _named_noun(asked: str, events: list[str], parents: dict[str, set[str]],
                refs: dict[str, EntityRef]) -> dict[str, str]:
    """Each signing event, or its parent when the asked noun ("during which forum") names the
    parent and not the event (a signing ceremony held during a forum)."""
    noun = content_words(asked) - {"event"}
    out: dict[str, str] = {}
    for e in events:
        named = [p for p in sorted(parents.get(e, ())) if noun <= content_words(refs[p].label)]
        out[e] = named[0] if noun and named and not noun <= content_words(refs[e].label) else e
    return out


def signing_events_of(q: Question) -> list[Answer]:
    """The events at which X's agreements (with Y, of the asked kind: all when the kind fits
    none, noted) were signed; a signing ceremony gives way to the event it was part of when
    the question names that one's noun ("during which forum"), and the events named with the
    noun are kept when some are. Four queries: the agreements and events, their parents,
    their names, the evidence (X's party facts)."""
    _note_purpose(q)
    if "y" in q.resolved:
        rows = select(q.store, _SIGNED_BY_PAIR, n=ox.NamedNode(q.x.iri), y=ox.NamedNode(q.y.iri))
    else:
        rows = select(q.store, _SIGNED_BY, n=ox.NamedNode(q.x.iri))
    found = _kind_rows(rows, "e")
    chosen = _of_asked_kind(q, found)
    events = sorted({e for a in chosen for e in found[a][1]})
    parents: dict[str, set[str]] = {}
    for r in select_many(q.store, _PARENTS, "e", events) if events else []:
        if isinstance(r["e"], ox.NamedNode) and isinstance(r["p"], ox.NamedNode):
            parents.setdefault(r["e"].value, set()).add(r["p"].value)
    refs = describe_nodes(q.store, [*events, *(p for ps in parents.values() for p in ps)])
    answer_of = _named_noun(q.slot("type") or "", events, parents, refs)
    index = node_evidence(q.store, chosen) if chosen else {}
    party = vocab.ont("party")
    out = Collector()
    for a in chosen:
        for e in sorted(found[a][1]):
            ref = refs[answer_of[e]]
            out.add(ref.label, ref.iri, index.get((a, party, q.x.iri), []), ref.types)
    return named_as(out.result(), q.slot("type"))


# ---------------------------------------------------------------- how many

_STATED = re.compile(r"^\D*?(?P<n>\d[\d,.]*)\s*(?:\+\s*)?(?P<noun>.+)$")
_COUNTED = {
    "party": "SELECT ?a ?kind WHERE { ?a kgo:party ?n . OPTIONAL { ?a kgo:agreementKind ?kind } }",
    "event": """SELECT ?a ?kind WHERE { ?a kgo:signedAt ?s . ?s kgo:subEventOf* ?e .
                                        OPTIONAL { ?a kgo:agreementKind ?kind } }""",
    "both": """SELECT ?a ?kind WHERE { ?a kgo:party ?n ; kgo:signedAt ?s . ?s kgo:subEventOf* ?e .
                                       OPTIONAL { ?a kgo:agreementKind ?kind } }""",
}


_STATISTICS = "SELECT ?s ?stat WHERE { ?s kgo:subEventOf* ?e ; kgo:statistic ?stat }"


def stated_count(q: Question, event: EntityRef) -> list[Answer]:
    """The number a ``kgo:statistic`` of the event, else of a part of it (the signing
    ceremony of a fair), states of the asked noun: "8 project contracts" answers "how many
    projects" and "how many contracts"; "300 exhibitors" answers neither. Every asked word
    must occur in the statistic's noun. Two queries: the statistics, their evidence."""
    want = content_words(q.slot("kind") or "")
    rows = [(r["s"].value, r["stat"]) for r in select(q.store, _STATISTICS, e=ox.NamedNode(event.iri))
            if isinstance(r["s"], ox.NamedNode) and isinstance(r["stat"], ox.Literal)]
    rows.sort(key=lambda row: (row[0] != event.iri, row[0], row[1].value))  # the event's own first
    for subject, stat in rows:
        m = _STATED.match(stat.value)
        if want and m and want <= content_words(m.group("noun")):
            q.note(f"the number stated: {stat.value!r}")
            index = node_evidence(q.store, [subject])
            evidence = index.get((subject, vocab.ont("statistic"), term_key(stat)), [])
            return [Answer(m.group("n").replace(",", ""), None, (), evidence)]
    return []


def how_many(q: Question) -> list[Answer]:
    """How many agreements (of the asked kind) X signed (at the event), or were signed at it.

    Decision: an event named in the question is asked first for a ``kgo:statistic`` whose
    noun is the asked noun ("8 project contracts", "18 projects"): the news's own number,
    which counts what the graph holds no node for. Failing that, the agreements in the graph
    are counted (X's; signed at the event or a part of it), restricted to the asked kind, all
    of them when the kind fits none or is only "agreements" (noted); the answer is the count
    as a literal with the sentences stating those agreements. Nothing counted: no answer.
    """
    _note_purpose(q)
    party = None if q.slot("passive") else q.x
    event = q.resolved["at"].entity if "at" in q.resolved else (q.x if party is None else None)
    if event is not None and (stated := stated_count(q, event)):
        return stated
    which = "both" if party and event else "party" if party else "event"
    binds = {k: ox.NamedNode(ref.iri) for k, ref in (("n", party), ("e", event)) if ref}
    found = _kind_rows(select(q.store, _COUNTED[which], **binds), "a")
    chosen = _of_asked_kind(q, found)
    if not chosen:
        q.note("no agreement counted")
        return []
    refs = describe_nodes(q.store, chosen)
    q.note(f"counted {len(chosen)} agreement(s): " + "; ".join(refs[a].label for a in chosen))
    index = node_evidence(q.store, chosen)
    evidence = [e for a in chosen for (s, _, _), evs in sorted(index.items()) if s == a
                for e in evs]
    return [Answer(str(len(chosen)), None, (), list(dict.fromkeys(evidence)))]


FORMS: tuple[Form, ...] = (
    form("signers-at", "who signed agreements at EVENT / which agreements were signed at EVENT",
         signers_at,
         rf"^{WHO} {AUX}{SIGN}(?: {THE}(?P<kind>(?:(?!\bwith\b)[\w\s'’-])+?))? "
         rf"(?:at|during|on the sidelines of) {X}$",
         rf"^(?:which|what) (?P<type>{T}) (?:was|were|have been|had been) signed (?:at|during) {X}$",
         query="?a kgo:signedAt EVENT (or a part of it) ; kgo:party ?answer",
         prefer=("Event",)),
    form("when-signed", "when was AGREEMENT signed / when did X sign with Y", when_signed,
         rf"^(?:when|on what date|on which date) (?:was|were|is) {X} (?:officially |formally )?"
         r"signed$",
         rf"^(?:when|on what date) did {X} {SIGN}{KIND} with {Y}$",
         query="AGREEMENT kgo:signedOn ?date, else (AGREEMENT kgo:signedAt ?e . ?e kgo:startDate ?date)",
         prefer=("Agreement",), entity_slots=("x", "y")),
    form("when-pair-signed", "when did X and Y sign (their KIND)", when_pair_signed,
         rf"^(?:when|on what date|on which date) did (?P<pair>.+? and .+?) {SIGN}(?: (?:their|the|a|an|its) "
         rf"(?P<kind>{T}))?$",
         query="?a kgo:party X ; kgo:party Y ; kgo:signedOn ?date, else the date of its event",
         entity_slots=()),
    form("where-pair-signed", "where did X and Y sign (their KIND)", where_pair_signed,
         rf"^where did (?P<pair>.+? and .+?) {SIGN}(?: (?:their|the|a|an|its) (?P<kind>{T}))?$",
         query="?a kgo:party X ; kgo:party Y ; kgo:signedAt ?e . ?e kgo:location ?place",
         entity_slots=()),
    form("where-signed", "where was AGREEMENT signed / where did X sign with Y", where_signed,
         rf"^where (?:was|were|is) {X} (?:officially |formally )?signed$",
         rf"^where did {X} {SIGN}{KIND} with {Y}$",
         query="AGREEMENT kgo:signedAt ?e . ?e kgo:location ?place (else ?e)",
         prefer=("Agreement",), entity_slots=("x", "y")),
    form("signed-at", "at which event was AGREEMENT signed", signed_at,
         rf"^(?:at|during|in) (?:which|what) (?P<type>{EVENT_NOUNS}) (?:was|were|is) {X} "
         r"(?:officially |formally )?signed$",
         query="AGREEMENT kgo:signedAt ?event",
         prefer=("Agreement",)),
    form("signing-events", "at which event did X sign (the KIND / with Y / to build Z)",
         signing_events_of,
         rf"^(?:at|during|in|on) (?:which|what) (?P<type>{EVENT_NOUNS}) did {X} and {Y} {SIGN}"
         rf" (?:their|its) (?P<kind>{T})$",
         rf"^(?:at|during|in|on) (?:which|what) (?P<type>{EVENT_NOUNS}) (?:did|does|do|has|have"
         rf"|had|will) {X} (?:officially |formally |jointly |also )?{SIGN}{_KIND_ONLY}"
         rf"(?: with {Y})?{PURPOSE}$",
         query="?a kgo:party X (; kgo:party Y) ; kgo:signedAt ?event (its parent when the "
               "question names the parent's noun; those named with the noun, if any)",
         entity_slots=("x", "y")),
    form("how-many", "how many KIND did X sign (at EVENT) / how many projects were signed at EVENT",
         how_many,
         rf"^how many (?P<kind>{T}) (?:did|have|has|had|will|does|do) {X} (?:officially |jointly "
         rf"|together |also )?{SIGN}(?: (?:at|during|on the sidelines of) (?P<at>.+?))?{PURPOSE}$",
         rf"^how many (?P<kind>{T}) (?:were|was|have been|had been|will be|are|is) (?:officially "
         rf"|jointly |successfully )?(?:signed|inked|concluded|reached|struck) by {X}"
         r"(?: (?:at|during|on the sidelines of) (?P<at>.+?))?$",
         rf"^how many (?P<kind>{T}) (?P<passive>were|was|have been|had been|will be|are|is) "
         r"(?:officially |jointly |successfully )?(?:signed|inked|concluded|reached|struck) "
         rf"(?:at|during|on the sidelines of) {X}$",
         query="EVENT kgo:statistic '<n> <asked noun>', else COUNT(?a kgo:party X ; "
               "kgo:signedAt/kgo:subEventOf* EVENT) of the asked kind",
         entity_slots=("x", "at")),
    form("signed-with", "who signed (a KIND) with X (at EVENT)", signed_with,
         rf"^{WHO} {AUX}{SIGN}{KIND} with {X}{_AT_EVENT}{PURPOSE}$",
         rf"^{WHO} (?:has|have|did|had|does|do|will) {X} (?:signed|sign|inked|ink|concluded"
         rf"|conclude|reached|reach)(?: {THE}(?P<kind>{T}))? with{_AT_EVENT}$",
         rf"^{WHO} (?:has|have|did|had|does|do|will|is|was|are) {X} (?:partner|partnered|partnering"
         r"|team up|teamed up|teaming up|cooperate|cooperated|cooperating|collaborate|collaborated"
         r"|collaborating|join hands|joined hands|work|worked|working)(?: up)? with$",
         rf"^with (?:whom|which (?P<type>{T})) (?:did|does|do|has|have|had|will) {X} "
         rf"(?:officially |jointly |also )?{SIGN}{KIND}$",
         rf"^(?:who|what|which) (?:are|were|is|was) (?:the )?(?:partners|counterparts"
         rf"|counterparties) of {X}$",
         query="?a kgo:party X (; kgo:signedAt/kgo:subEventOf* EVENT) ; kgo:side ?s . ?s kgo:sideMember ?answer "
               "(the other sides)",
         entity_slots=("x", "at")),
    form("kinds", "what did X sign (with Y) / what agreements did X sign", kinds,
         rf"^what (?:(?P<kind>{T}) )?(?:did|does|do|has|have|had|will) {X} (?:officially |jointly "
         rf"|also )?{SIGN}(?: with {Y})?{PURPOSE}$",
         rf"^what (?:(?P<kind>{T}) )?(?:was|were|has been|have been) signed (?:by|between) {X} and {Y}$",
         query="?a kgo:party X (; kgo:party Y) ; kgo:agreementKind ?answer",
         entity_slots=("x", "y")),
    form("parties", "who signed AGREEMENT", parties,
         rf"^{WHO} {AUX}(?:signed|ratified|inked|joined)(?: on to| onto)? (?!up\b){X}$",
         rf"^(?:who|what) (?:are|were) (?:the )?(?:parties|signatories|signers) (?:to|of) {X}$",
         query="AGREEMENT kgo:party ?answer", prefer=("Agreement",)),
)
