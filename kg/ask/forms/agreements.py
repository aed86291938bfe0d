"""Agreement questions: who signed with X, what X signed, who signed AGREEMENT, who signed at an
event, how many agreements were signed (when, where and at which event: :mod:`.signings`).

Graph: ``?a kgo:party ?x ; kgo:side ?s ; kgo:agreementKind ?k ; kgo:signedAt ?event ;
kgo:signedOn ?date`` (docs/rdf-model.md). Counterparties come from the sides, so parties on
the same side are never each other's answer.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from kg import vocab
from kg.lookup import EntityRef, describe_nodes, select
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
    content_words,
    kind_matches,
)
from ..graph import (
    Collector,
    agreements_between,
    governments_of,
    merge,
    objects,
    sub_events,
)
from ..results import Answer

SIGN = (r"(?:signed|sign|signs|signing|inked|ink|reached|reach|concluded|conclude|struck"
        r"|strike|entered into|enter into|agreed|agree)")
KIND = rf"(?: {THE}(?P<kind>{T}))?"
# words that ask for agreements of every kind ("an agreement", "how many deals")
_ANY_AGREEMENT = frozenset({"agreement", "deal", "document", "pact", "accord"})
# an agreement kind that is neither a counterparty ("with") nor a purpose ("to build")
KIND_ONLY = rf"(?: {THE}(?P<kind>(?!to\b)(?:(?!\bwith\b|\bto\b)[\w\s'’-])+?))?"

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
    note_purpose(q)
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
    chosen = of_asked_kind(q, agreements)  # "signed agreements with X": every kind
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
    chosen = of_asked_kind(q, agreements)
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


def pair_agreements(q: Question) -> list[str]:
    """Agreements between X and Y of the asked kind (all of them if the kind fits none); a
    place that signed nothing is asked through the government bodies named after it ("when
    did Lakeside district and Acme sign": the district government signed)."""
    found = agreements_between(q.store, q.x.iri, q.y.iri)
    if not found:
        xs, ys = _or_governments(q.store, q.x), _or_governments(q.store, q.y)
        found = sorted({a for x in xs for y in ys for a in agreements_between(q.store, x, y)})
    return _of_kind(q, _kinds_and_parties(q.store, found))


def _or_governments(store: Store, ref: EntityRef) -> list[str]:
    return [ref.iri, *(g.iri for g in governments_of(store, ref))] if "Place" in ref.types else [ref.iri]


def _kinds(store: Store, agreements: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for a in agreements:
        kinds = objects(store, a, "agreementKind")
        out[a] = kinds[0].label if kinds else ""
    return out


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


def kind_rows(rows: list[ox.QuerySolution], var: str) -> dict[str, tuple[str, set[str]]]:
    """Rows of (agreement, ?var, kind) as _of_kind reads them: IRI -> (kind, values of var)."""
    out: dict[str, tuple[str, set[str]]] = {}
    for r in rows:
        a, v, kind = r["a"], r[var], r["kind"]
        if isinstance(a, ox.NamedNode) and isinstance(v, ox.NamedNode):
            entry = out.setdefault(a.value, (kind.value if isinstance(kind, ox.Literal) else "", set()))
            entry[1].add(v.value)
    return out


def _kinds_and_parties(store: Store, agreements: list[str]) -> dict[str, tuple[str, set[str]]]:
    return {a: (k, set()) for a, k in _kinds(store, agreements).items()}


def of_asked_kind(q: Question, found: dict[str, tuple[str, set[str]]]) -> list[str]:
    """:func:`_of_kind`, except that "an agreement" or "deals" asks for every kind."""
    if content_words(q.slot("kind") or "") <= _ANY_AGREEMENT:
        return sorted(found)
    return _of_kind(q, found)


def note_purpose(q: Question) -> None:
    """The graph records no agreement's purpose: "to build the Y" is read and left aside."""
    if q.slot("purpose"):
        q.note(f"the purpose {q.slot('purpose')!r} is not recorded in the graph: not used")


# X's agreements (with Y, when one is named) and the events they were signed at, one query
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
    note_purpose(q)
    party = None if q.slot("passive") else q.x
    event = q.resolved["at"].entity if "at" in q.resolved else (q.x if party is None else None)
    if event is not None and (stated := stated_count(q, event)):
        return stated
    which = "both" if party and event else "party" if party else "event"
    binds = {k: ox.NamedNode(ref.iri) for k, ref in (("n", party), ("e", event)) if ref}
    found = kind_rows(select(q.store, _COUNTED[which], **binds), "a")
    chosen = of_asked_kind(q, found)
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
