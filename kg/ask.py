"""Natural-language questions mapped to graph queries (``kg ask``).

A question is matched against a small ordered table of forms (:data:`FORMS`): each is a
regular expression with named groups (``x``, ``y`` for entity phrases, ``type`` for a kind of
answer such as "hospitals", ``kind`` for an agreement kind, ``role`` for a post) and a
function that runs the query. The first form that matches wins, so specific forms come
before general ones ("who is the host of X" before "who is the ROLE of X"). Entity phrases are
resolved with :func:`kg.lookup.resolve`; a trailing "?" and a leading "the" are ignored.

Answers are nodes (label = ``rdfs:label``, with their IRI) or literals (label = the lexical
form, e.g. ``2021-09`` or ``--09-26``, IRI null), each with the evidence sentences of the
facts that gave it. JSON (``kg ask --format json``, scored by the evaluation)::

    {"question": "...", "form": "hosts", "entity": {"label", "iri", "types"} | null,
     "answers": [{"label": "...", "iri": "..." | null, "evidence": [{"doc", "sentence"}]}]}

Nothing here imports rdflib, networkx or spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from kg import vocab
from kg.errors import EntityNotFoundError, UnknownQuestionError
from kg.lookup import EntityRef, describe_nodes, resolve, select
from kg.names import normalize_name
from kg.query import (
    Evidence,
    PathResult,
    agreement_sides,
    counterparties,
    fact_evidence,
    path,
    path_text,
)


@dataclass
class Answer:
    """One answer: a node or a literal, with the evidence of the facts behind it."""

    label: str
    iri: str | None
    types: tuple[str, ...] = ()
    evidence: list[Evidence] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "iri": self.iri,
            "evidence": [e.as_json() for e in self.evidence],
            **self.detail,
        }


@dataclass
class AskResult:
    """The answer to a question: which form it was read as, the entity it is about, answers."""

    question: str
    form: str
    entity: EntityRef | None
    answers: list[Answer]
    path: PathResult | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "question": self.question,
            "form": self.form,
            "entity": (
                {"label": self.entity.label, "iri": self.entity.iri,
                 "types": list(self.entity.types)}
                if self.entity else None
            ),
            "answers": [a.as_json() for a in self.answers],
        }
        if self.path is not None:
            out["path"] = self.path.as_json()
        return out


# ---------------------------------------------------------------- vocabulary of questions

# Words naming a kind of answer -> the kgo types it admits (matched on the word's start).
_TYPE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("hospital", ("Hospital",)),
    ("compan", ("Company",)), ("firm", ("Company",)), ("enterprise", ("Company",)),
    ("business", ("Company",)), ("manufacturer", ("Company",)), ("pharma", ("Company",)),
    ("government", ("GovernmentBody",)), ("ministr", ("GovernmentBody",)),
    ("agenc", ("GovernmentBody",)), ("department", ("GovernmentBody",)),
    ("authorit", ("GovernmentBody",)), ("commission", ("GovernmentBody",)),
    ("bureau", ("GovernmentBody",)),
    ("organi", ("Organization",)), ("institution", ("Organization",)),
    ("association", ("Organization",)), ("bod", ("Organization",)),
    ("countr", ("Place",)), ("nation", ("Place",)), ("cit", ("Place",)),
    ("place", ("Place",)), ("district", ("Place",)), ("region", ("Place",)),
    ("venue", ("Venue",)), ("hall", ("Venue",)),
    ("people", ("Person",)), ("person", ("Person",)), ("official", ("Person",)),
    ("leader", ("Person",)), ("speaker", ("Person",)), ("executive", ("Person",)),
    ("event", ("Event",)), ("fair", ("Event",)), ("forum", ("Event",)),
    ("exhibition", ("Event",)), ("expo", ("Event",)), ("conference", ("Event",)),
    ("series", ("EventSeries",)),
    ("agreement", ("Agreement",)), ("convention", ("Agreement",)),
)
_GENERIC_KIND_WORDS = frozenset({"a", "an", "the", "deal", "deals", "pact", "pacts", "document"})

T = r"[\w\s'’-]+?"  # a short phrase (answer type, agreement kind, role)
X = r"(?P<x>.+?)"
Y = r"(?P<y>.+?)"
WHO = rf"(?:who|(?:which|what) (?P<type>{T}))"
AUX = r"(?:(?:will|would|did|does|do|has|have|had|is|was|are|were) )?"
EVENT_NOUNS = (
    r"(?:events?|fairs?|forums?|exhibitions?|expos?|conferences?|summits?|meetings?"
    r"|ceremon(?:y|ies)|activities|sessions?)"
)


def types_for(phrase: str | None) -> tuple[str, ...]:
    """The kgo types a phrase such as "hospitals" or "government bodies" admits ("" -> none).

    The last word decides ("medical companies" -> Company); an unknown word sets no filter.

    >>> types_for("hospitals"), types_for("government bodies"), types_for("guests")
    (('Hospital',), ('GovernmentBody',), ())
    """
    if not phrase:
        return ()
    words = phrase.lower().split()
    if len(words) >= 2 and words[-2].startswith("government"):
        return ("GovernmentBody",)
    for word in reversed(words):
        for stem, types in _TYPE_WORDS:
            if word.startswith(stem):
                return types
    return ()


def clean_question(question: str) -> str:
    """Whitespace collapsed, curly quotes straightened, trailing ``?``/``.``/``!`` removed.

    >>> clean_question("  Who has Summit  Hospital signed with? ")
    'Who has Summit Hospital signed with'
    """
    q = question.replace("’", "'").replace("“", '"').replace("”", '"')
    q = re.sub(r"\s+", " ", q).strip()
    return q.rstrip("?.! ").strip()


def clean_phrase(phrase: str) -> str:
    """An entity phrase without a leading "the", quotes or trailing punctuation."""
    p = phrase.strip().strip("\"'").strip()
    p = re.sub(r"^the\s+", "", p, flags=re.I)
    return p.rstrip(",;:").strip()


# ---------------------------------------------------------------- query helpers

_FACT_OBJECTS = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
_FACT_SUBJECTS = "SELECT ?o ?p ?s WHERE { ?s ?p ?o }"


class _Answers:
    """Collects answers, merging the evidence of repeated ones, in first-seen order."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.items: dict[str, Answer] = {}

    def add(self, label: str, iri: str | None, evidence: Iterable[Evidence],
            types: tuple[str, ...] = (), detail: dict[str, Any] | None = None) -> None:
        key = iri or "literal:" + label
        ans = self.items.setdefault(key, Answer(label, iri, types, [], detail or {}))
        for e in evidence:
            if e not in ans.evidence:
                ans.evidence.append(e)

    def result(self) -> list[Answer]:
        return sorted(self.items.values(), key=lambda a: (a.label.lower(), a.iri or ""))


def _objects(
    store: ox.Store, subject: str, relation: str, types: Sequence[str] = ()
) -> list[Answer]:
    """Objects of ``subject -relation-> ?`` (nodes or literals) with evidence."""
    pred = vocab.ont(relation)
    out = _Answers(store)
    rows = select(store, _FACT_OBJECTS, s=ox.NamedNode(subject), p=ox.NamedNode(pred))
    objs = [r["o"] for r in rows if isinstance(r["o"], ox.NamedNode | ox.Literal)]
    refs = describe_nodes(store, [o.value for o in objs if isinstance(o, ox.NamedNode)])
    for o in objs:
        assert isinstance(o, ox.NamedNode | ox.Literal)
        ev = fact_evidence(store, subject, pred, o)
        if isinstance(o, ox.Literal):
            out.add(o.value, None, ev)
        elif not types or set(types) & set(refs[o.value].types):
            out.add(refs[o.value].label, o.value, ev, refs[o.value].types)
    return out.result()


def _subjects(
    store: ox.Store, obj: str, relation: str, types: Sequence[str] = ()
) -> list[Answer]:
    """Subjects of ``? -relation-> obj`` with evidence, optionally of some types only."""
    pred = vocab.ont(relation)
    out = _Answers(store)
    rows = select(store, _FACT_SUBJECTS, o=ox.NamedNode(obj), p=ox.NamedNode(pred))
    subs = [r["s"].value for r in rows if isinstance(r["s"], ox.NamedNode)]
    refs = describe_nodes(store, subs)
    for s in subs:
        if types and not set(types) & set(refs[s].types):
            continue
        out.add(refs[s].label, s, fact_evidence(store, s, pred, ox.NamedNode(obj)),
                refs[s].types)
    return out.result()


def _first_nonempty(*thunks: Callable[[], list[Answer]]) -> list[Answer]:
    for thunk in thunks:
        answers = thunk()
        if answers:
            return answers
    return []


_SIGNING_CEREMONY = (
    re.compile(r"^(?:the )?signing ceremony (?:for|of) (?P<a>.+)$", re.I),
    re.compile(r"^(?P<a>.+?) signing ceremony$", re.I),
)
_SIGNED_AT = "SELECT ?a ?e WHERE { ?a kgo:signedAt ?e }"


def entity(store: ox.Store, phrase: str, prefer: Sequence[str] = ()) -> EntityRef:
    """Resolve an entity phrase of a question.

    A phrase that names no node but reads "signing ceremony for AGREEMENT" (or "AGREEMENT
    signing ceremony") resolves to the event where that agreement was signed, because
    extractors often label such ceremonies by description only.
    """
    name = clean_phrase(phrase)
    try:
        return resolve(store, name, prefer=prefer)
    except EntityNotFoundError:
        for pattern in _SIGNING_CEREMONY:
            m = pattern.match(name)
            if not m:
                continue
            try:
                agreement = resolve(store, clean_phrase(m.group("a")), prefer=("Agreement",))
            except EntityNotFoundError:
                continue
            events = sorted(
                r["e"].value
                for r in select(store, _SIGNED_AT, a=ox.NamedNode(agreement.iri))
                if isinstance(r["e"], ox.NamedNode)
            )
            if len(events) == 1:
                return describe_nodes(store, events)[events[0]]
        raise


# ---------------------------------------------------------------- the forms

Handler = Callable[[ox.Store, "re.Match[str]"], tuple[EntityRef | None, list[Answer]]]


def _fold_words(text: str) -> set[str]:
    words = normalize_name(text).split()
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words}


def kind_matches(asked: str | None, kind: str) -> bool:
    """Does an agreement's kind fit the kind a question names? Every asked word must occur.

    Generic words ("deal", "a") are ignored, plurals folded; no asked kind matches all.

    >>> kind_matches("strategic cooperation agreements", "strategic cooperation agreement")
    True
    >>> kind_matches("cooperation memorandum", "strategic cooperation agreement")
    False
    """
    if not asked:
        return True
    want = _fold_words(asked) - _GENERIC_KIND_WORDS - {"deal"}
    return want <= _fold_words(kind)


_PARTY_OF = """
SELECT ?n ?a ?kind ?y WHERE {
  ?a kgo:party ?n ; kgo:party ?y . OPTIONAL { ?a kgo:agreementKind ?kind }
}
"""


def _signed_with(store: ox.Store, m: re.Match[str]) -> tuple[EntityRef | None, list[Answer]]:
    """Counterparties of X's agreements, restricted loosely to the asked kind (if any fits)."""
    ent = entity(store, m.group("x"))
    asked_kind = m.groupdict().get("kind")
    agreements: dict[str, tuple[str, set[str]]] = {}
    for row in select(store, _PARTY_OF, n=ox.NamedNode(ent.iri)):
        a, y, kind = row["a"], row["y"], row["kind"]
        if not isinstance(a, ox.NamedNode) or not isinstance(y, ox.NamedNode):
            continue
        entry = agreements.setdefault(
            a.value, (kind.value if isinstance(kind, ox.Literal) else "", set())
        )
        entry[1].add(y.value)
    chosen = {a: v for a, v in agreements.items() if kind_matches(asked_kind, v[0])}
    if not chosen:  # the kind filter left nothing: fall back to every agreement with X
        chosen = agreements
    types = types_for(m.groupdict().get("type"))
    out = _Answers(store)
    party = vocab.ont("party")
    for a in sorted(chosen):
        others = counterparties(agreement_sides(store, a), ent.iri, chosen[a][1])
        refs = describe_nodes(store, sorted(others))
        for other in sorted(others):
            if types and not set(types) & set(refs[other].types):
                continue
            ev = fact_evidence(store, a, party, ox.NamedNode(other))
            out.add(refs[other].label, other, ev, refs[other].types)
    return ent, out.result()


def _parties(store: ox.Store, m: re.Match[str]) -> tuple[EntityRef | None, list[Answer]]:
    """Signatories of an agreement named in the question (or X's counterparties)."""
    ent = entity(store, m.group("x"), prefer=("Agreement",))
    if "Agreement" not in ent.types:
        return _signed_with(store, m)
    return ent, _objects(store, ent.iri, "party", types_for(m.groupdict().get("type")))


def _relation_subjects_of(relation: str) -> Handler:
    def handler(store: ox.Store, m: re.Match[str]) -> tuple[EntityRef | None, list[Answer]]:
        ent = entity(store, m.group("x"), prefer=("Event",))
        return ent, _objects(store, ent.iri, relation, types_for(m.groupdict().get("type")))

    handler.__doc__ = f"The {relation} of an event."
    return handler


def _participants(store: ox.Store, m: re.Match[str]) -> tuple[EntityRef | None, list[Answer]]:
    """Participants of X (exhibitors first when the verb is about showing things)."""
    ent = entity(store, m.group("x"), prefer=("Event",))
    types = types_for(m.groupdict().get("type"))
    verb = (m.groupdict().get("verb") or "").lower()
    if re.match(r"(exhibit|show|display|present|launch|unveil)", verb):
        return ent, _first_nonempty(
            lambda: _objects(store, ent.iri, "exhibitor", types),
            lambda: _objects(store, ent.iri, "participant", types),
        )
    return ent, _objects(store, ent.iri, "participant", types)


def _where(store: ox.Store, m: re.Match[str]) -> tuple[EntityRef | None, list[Answer]]:
    """Where X is: an event's location, else a place's or body's locatedIn, else country."""
    ent = entity(store, m.group("x"), prefer=("Event",))
    return ent, _first_nonempty(
        lambda: _objects(store, ent.iri, "location"),
        lambda: _objects(store, ent.iri, "locatedIn"),
        lambda: _objects(store, ent.iri, "country"),
    )


def _date(relation: str) -> Handler:
    def handler(store: ox.Store, m: re.Match[str]) -> tuple[EntityRef | None, list[Answer]]:
        ent = entity(store, m.group("x"), prefer=("Event",))
        return ent, _objects(store, ent.iri, relation)

    handler.__doc__ = f"The {relation} literal of an event (lexical form)."
    return handler


_EVENT_VERBS: tuple[tuple[str, str], ...] = (
    ("host", "host"), ("organi", "organizer"), ("co-organi", "organizer"),
    ("exhibit", "exhibitor"), ("attend", "participant"), ("take part", "participant"),
    ("took part", "participant"), ("participat", "participant"), ("join", "participant"),
    ("sign", "signedAt"),
)
_EVENTS_SIGNED = """
SELECT ?n ?a ?e WHERE { ?a kgo:party ?n ; kgo:signedAt ?e }
"""


def _events_of(store: ox.Store, m: re.Match[str]) -> tuple[EntityRef | None, list[Answer]]:
    """Events X hosted / organized / attended / exhibited at / signed agreements at."""
    ent = entity(store, m.group("x"))
    verb = m.group("verb").lower()
    relation = next((rel for stem, rel in _EVENT_VERBS if verb.startswith(stem)), "participant")
    if relation == "signedAt":
        out = _Answers(store)
        rows = select(store, _EVENTS_SIGNED, n=ox.NamedNode(ent.iri))
        pairs = [(r["a"].value, r["e"].value) for r in rows
                 if isinstance(r["a"], ox.NamedNode) and isinstance(r["e"], ox.NamedNode)]
        refs = describe_nodes(store, [e for _, e in pairs])
        for a, e in pairs:
            ev = fact_evidence(store, a, vocab.ont("party"), ox.NamedNode(ent.iri))
            out.add(refs[e].label, e, ev, refs[e].types)
        return ent, out.result()
    answers = _subjects(store, ent.iri, relation)
    if relation == "host" and not answers and "Event" in ent.types:
        answers = _subjects(store, ent.iri, "subEventOf")  # "which events did the fair host"
    return ent, answers


_POSTS_IN = """
SELECT ?o ?person ?role ?post WHERE { ?person kgo:holds ?post . ?post kgo:postIn ?o ;
                                      kgo:roleName ?role }
"""
_FLAT_ROLES = """
SELECT ?o ?person ?role WHERE { ?person kgo:affiliation ?o ; kgo:role ?role }
"""


def _role_matches(asked: str, role: str) -> bool:
    want = _fold_words(asked)
    return bool(want) and want <= _fold_words(role)


def _holder(store: ox.Store, m: re.Match[str]) -> tuple[EntityRef | None, list[Answer]]:
    """Who holds the post ROLE in organisation (or place) X: posts, else flat role facts."""
    ent = entity(store, m.group("x"))
    asked = m.group("role")
    out = _Answers(store)
    org = ox.NamedNode(ent.iri)
    found: list[tuple[str, str]] = []
    for query in (_POSTS_IN, _FLAT_ROLES):
        for row in select(store, query, o=org):
            person, role = row["person"], row["role"]
            if (isinstance(person, ox.NamedNode) and isinstance(role, ox.Literal)
                    and _role_matches(asked, role.value)):
                found.append((person.value, role.value))
        if found:
            break
    refs = describe_nodes(store, [p for p, _ in found])
    for person, role in found:
        ev = fact_evidence(store, person, vocab.ont("role"), ox.Literal(role))
        ev += fact_evidence(store, person, vocab.ont("affiliation"), org)
        out.add(refs[person].label, person, ev, refs[person].types, {"role": role})
    return ent, out.result()


_POSTS_OF = """
SELECT ?n ?role ?org WHERE { ?n kgo:holds ?post . ?post kgo:roleName ?role .
                             OPTIONAL { ?post kgo:postIn ?org } }
"""


def _post_of(store: ox.Store, m: re.Match[str]) -> tuple[EntityRef | None, list[Answer]]:
    """A person's posts: the role names, each with the organisation in ``organization``."""
    ent = entity(store, m.group("x"), prefer=("Person",))
    out = _Answers(store)
    rows = select(store, _POSTS_OF, n=ox.NamedNode(ent.iri))
    orgs = describe_nodes(store, [r["org"].value for r in rows
                                  if isinstance(r["org"], ox.NamedNode)])
    for row in rows:
        role, org = row["role"], row["org"]
        if not isinstance(role, ox.Literal):
            continue
        ev = fact_evidence(store, ent.iri, vocab.ont("role"), role)
        detail: dict[str, Any] = {"organization": None}
        if isinstance(org, ox.NamedNode):
            ref = orgs[org.value]
            detail["organization"] = {"label": ref.label, "iri": ref.iri}
        out.add(role.value, None, ev, (), detail)
    if not out.items:
        return ent, _objects(store, ent.iri, "role")
    return ent, out.result()


def _object_of(relation: str, prefer: tuple[str, ...] = ()) -> Handler:
    def handler(store: ox.Store, m: re.Match[str]) -> tuple[EntityRef | None, list[Answer]]:
        ent = entity(store, m.group("x"), prefer=prefer)
        return ent, _objects(store, ent.iri, relation, types_for(m.groupdict().get("type")))

    handler.__doc__ = f"Objects of X -{relation}->."
    return handler


def _subject_of(relation: str, prefer: tuple[str, ...] = ()) -> Handler:
    def handler(store: ox.Store, m: re.Match[str]) -> tuple[EntityRef | None, list[Answer]]:
        ent = entity(store, m.group("x"), prefer=prefer)
        return ent, _subjects(store, ent.iri, relation, types_for(m.groupdict().get("type")))

    handler.__doc__ = f"Subjects of ? -{relation}-> X."
    return handler


def _parent_organization(
    store: ox.Store, m: re.Match[str]
) -> tuple[EntityRef | None, list[Answer]]:
    """X's parent organisation; the asked kind ("ministry") filters only if something fits."""
    ent = entity(store, m.group("x"))
    types = types_for(m.groupdict().get("type"))
    return ent, _first_nonempty(
        lambda: _objects(store, ent.iri, "parentOrganization", types),
        lambda: _objects(store, ent.iri, "parentOrganization"),
    )


def _parent_event(store: ox.Store, m: re.Match[str]) -> tuple[EntityRef | None, list[Answer]]:
    """The event X is part of (subEventOf, upward); for an agreement, via where it was signed."""
    ent = entity(store, m.group("x"), prefer=("Event",))
    if "Agreement" in ent.types:
        events = _objects(store, ent.iri, "signedAt")
        parents = [p for e in events if e.iri for p in _objects(store, e.iri, "subEventOf")]
        return ent, parents or events
    return ent, _objects(store, ent.iri, "subEventOf")


def _connection(store: ox.Store, m: re.Match[str]) -> tuple[EntityRef | None, list[Answer]]:
    """Placeholder: "how is X connected to Y" is answered by :func:`ask` with a path."""
    raise AssertionError("handled in ask()")


@dataclass(frozen=True)
class Form:
    """One question form: a name, an example, the patterns that read it and its query."""

    name: str
    example: str
    patterns: tuple[re.Pattern[str], ...]
    handler: Handler


def _form(name: str, example: str, handler: Handler, *patterns: str) -> Form:
    return Form(name, example, tuple(re.compile(p, re.I) for p in patterns), handler)


FORMS: tuple[Form, ...] = (
    _form("connection", "how is X connected to Y", _connection,
          rf"^how (?:is|are|was|were) {X} (?:connected|related|linked) (?:to|with) {Y}$",
          rf"^how are {X} and {Y} (?:connected|related|linked)$",
          rf"^what (?:connects|links) {X} (?:and|to|with) {Y}$"),
    _form("events-of", "which events did X host / attend / sign at", _events_of,
          rf"^(?:what|which) {EVENT_NOUNS} (?:did|does|do|has|have|had|will) {X} "
          r"(?P<verb>host(?:ed)?|organi[sz]e(?:d)?|co-organi[sz]e(?:d)?|attend(?:ed)?"
          r"|take part in|took part in|participate(?:d)? in|join(?:ed)?|exhibit(?:ed)? at"
          r"|sign(?:ed)? (?:\w+ )?at)$",
          rf"^where (?:did|has|have) {X} (?P<verb>sign(?:ed)?)(?: [\w\s-]+)?$"),
    _form("signed-with", "who signed (a KIND) with X", _signed_with,
          rf"^{WHO} {AUX}(?:signed|sign|inked|ink|reached|reach|concluded|conclude|struck"
          rf"|strike|entered into|enter into|agreed|agree)(?: (?:an? |the )?(?P<kind>{T}))?"
          rf" with {X}$",
          rf"^{WHO} (?:has|have|did|had) {X} (?:signed|sign|inked|ink|concluded|conclude)"
          rf"(?: (?:an? |the )?(?P<kind>{T}))? with$",
          rf"^(?:who|what|which) (?:are|were|is|was) (?:the )?(?:partners|counterparts"
          rf"|counterparties) of {X}$"),
    _form("parties", "who signed AGREEMENT", _parties,
          rf"^{WHO} {AUX}(?:signed|ratified|inked|joined)(?: on to| onto| up to)? {X}$",
          rf"^(?:who|what) (?:are|were) (?:the )?(?:parties|signatories|signers) (?:to|of) {X}$"),
    _form("hosts", "who hosted X", _relation_subjects_of("host"),
          rf"^{WHO} {AUX}(?:hosted|hosts|host|hosting) {X}$",
          rf"^(?:who|what|which \w+) (?:is|was|are|were) (?:the )?hosts? (?:of|for) {X}$",
          rf"^{WHO} (?:is|was|are|were) {X} hosted by$"),
    _form("organizers", "who organized X", _relation_subjects_of("organizer"),
          rf"^{WHO} {AUX}(?:organi[sz]ed|organi[sz]es|organi[sz]e|organi[sz]ing|co-organi[sz]ed"
          rf"|co-organi[sz]es) {X}$",
          rf"^(?:who|what|which \w+) (?:is|was|are|were) (?:the )?(?:co-)?organi[sz]ers? "
          rf"(?:of|for) {X}$",
          rf"^{WHO} (?:is|was|are|were) {X} organi[sz]ed by$"),
    _form("participants", "who attended / exhibited at X; which hospitals took part in X",
          _participants,
          rf"^{WHO} {AUX}(?P<verb>attended|attends|attend|attending|took part in|take part in"
          r"|takes part in|taking part in|participated in|participate in|participates in"
          r"|participating in|joined|join|joins|exhibited at|exhibit at|exhibits at"
          r"|exhibiting at|(?:showed|show|shows|showcased|showcase|displayed|display"
          r"|presented|present|launched|unveiled) .+? at|went to|were present at"
          rf"|was present at) {X}$",
          rf"^{WHO} (?:was|were|is|are|will be) (?:the |a |an )?(?P<verb>guests? of honou?r"
          rf"|participants?|exhibitors?|attendees?|participating \w+) (?:at|of|in) {X}$"),
    _form("when-start", "when was X held / when did X start", _date("startDate"),
          rf"^when (?:is|was|does|did|will|do) {X} (?:start|begin|open|commence|kick off)$",
          rf"^when (?:is|was|will|were|are) {X} (?:be )?(?:held|taking place|take place|taken "
          r"place|happening|hosted|staged|opened|organi[sz]ed|convened)$",
          rf"^when did {X} (?:take place|happen|occur|open)$",
          rf"^what (?:is|was) the (?:start|starting|opening) date of {X}$",
          rf"^when (?:is|was) {X}$"),
    _form("when-end", "when did X end", _date("endDate"),
          rf"^when (?:is|was|does|did|will|do) {X} (?:end|close|finish|conclude|wrap up)$",
          rf"^what (?:is|was) the (?:end|ending|closing) date of {X}$"),
    _form("country", "which country is X from", _object_of("country"),
          rf"^(?:which|what) country (?:is|was|are|were|does) {X} (?:from|come from|based in"
          r"|headquartered in|located in|in)$",
          rf"^where (?:is|was|are|were|does) {X} (?:from|come from|based|headquartered)$",
          rf"^what is the (?:home )?country of {X}$"),
    _form("where", "where was X held / where is X located", _where,
          rf"^where (?:is|was|will|does|did|are|were) {X} (?:be )?(?:held|located|hosted"
          r"|taking place|take place|took place|happening|staged|situated|convened|opened)$",
          rf"^(?:in )?(?:which|what) (?:city|place|venue|district|location|town|province) "
          rf"(?:is|was|will|were|did) {X} (?:be )?(?:held|located|take place|hosted|staged)$",
          rf"^what (?:is|was) the (?:location|venue|place) of {X}$",
          rf"^where (?:is|was) {X}$"),
    _form("theme", "what is the theme of X", _object_of("theme", ("Event",)),
          rf"^what (?:is|was|are|were|will be) (?:the )?(?:main )?(?:theme|themes|motto"
          rf"|slogan) (?:of|for) {X}$",
          rf"^what (?:is|was) {X}'s theme$",
          rf"^what theme (?:did|does|will) {X} have$"),
    _form("series", "which series is X an edition of", _object_of("inSeries", ("Event",)),
          rf"^(?:which|what) (?:event )?series (?:is|was|does) {X} (?:an edition of|an "
          r"instance of|a part of|part of|belong to|in)$",
          rf"^what is {X} an edition of$",
          rf"^(?:which|what) series does {X} belong to$"),
    _form("editions", "what are the editions of X", _subject_of("inSeries", ("EventSeries",)),
          rf"^(?:what|which) (?:are|were) (?:the )?editions of {X}$",
          rf"^(?:what|which) editions of {X} (?:are|were) (?:there|held|known)$",
          rf"^list (?:the )?editions of {X}$"),
    _form("part-of", "which fair includes X / during which fair was X held", _parent_event,
          rf"^(?:which|what) {EVENT_NOUNS} (?:includes?|included|contains?|contained"
          rf"|features?|featured|had|has) {X}$",
          rf"^(?:which|what) {EVENT_NOUNS} (?:is|was) {X} (?:a )?part of$",
          rf"^during (?:which|what) {EVENT_NOUNS} (?:was|is|were|did) {X} (?:held|take place"
          r"|signed|happen|hold|staged|organi[sz]ed)$",
          rf"^what (?:is|was) {X} (?:a )?part of$",
          rf"^(?:which|what) {EVENT_NOUNS} (?:was|is) {X} (?:held|staged|organi[sz]ed) "
          r"(?:during|at|within)$"),
    _form("sub-events", "what themed exhibitions / sub-forums did X feature",
          _subject_of("subEventOf", ("Event",)),
          rf"^(?:what|which) (?P<type>{T}) (?:did|does|do|will|has|have) {X} (?:feature|include"
          r"|have|contain|comprise|hold|host|offer|stage)$",
          rf"^(?:what|which) (?:are|were) (?:the )?(?:sub-?events|sub-?forums|side events"
          r"|sub-?exhibitions|themed exhibitions|special exhibitions|exhibitions|forums"
          rf"|pavilions|sessions|parallel forums|activities) (?:of|at|in|within) {X}$"),
    _form("parent-organization", "which ministry is X under", _parent_organization,
          rf"^(?:which|what) (?P<type>{T}) (?:is|was|are|were) {X} (?:under|part of|a part of"
          r"|affiliated with|affiliated to|subordinate to|a unit of|attached to)$",
          rf"^(?:which|what) (?P<type>{T}) does {X} (?:belong to|report to|fall under)$",
          rf"^what is the parent (?:organi[sz]ation|body|company|ministry) of {X}$",
          rf"^(?:who|what) does {X} (?:belong to|report to)$"),
    _form("post-holder", "who is the ROLE of X", _holder,
          rf"^who (?:is|was|are|were) (?:the )?(?P<role>{T}) (?:of|at|in|for) {X}$"),
    _form("post", "what is PERSON's post", _post_of,
          rf"^what (?:is|was) {X}'s? (?:post|position|role|title|job)$",
          rf"^what (?:is|was) the (?:post|position|role|title|job) of {X}$",
          rf"^what (?:post|position|role|title) does {X} hold$",
          rf"^who (?:is|was) {X}$"),
)


def known_forms() -> list[str]:
    """One example per question form, for help texts and error messages."""
    return [f.example for f in FORMS]


def match(question: str) -> tuple[Form, re.Match[str]]:
    """The first form whose pattern reads the question, and the match.

    >>> form, m = match("Who has Summit Hospital signed with?")
    >>> form.name, m.group("x")
    ('signed-with', 'Summit Hospital')
    """
    q = clean_question(question)
    for form in FORMS:
        for pattern in form.patterns:
            m = pattern.match(q)
            if m:
                return form, m
    raise UnknownQuestionError(
        f"cannot read the question {question.strip()!r}; ask one of these forms: "
        + "; ".join(known_forms())
    )


def ask(store: ox.Store, question: str, *, max_length: int = 4) -> AskResult:
    """Answer a natural-language question from the graph (see :data:`FORMS`).

    Raises UnknownQuestionError for a form it does not read (exit 2), EntityNotFoundError /
    AmbiguousEntityError when the entity phrase does not name one node (exit 1).

    >>> ask(ox.Store(), "what is the meaning of life")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.UnknownQuestionError: cannot read the question 'what is the meaning of life'; ...
    """
    form, m = match(question)
    if form.name == "connection":
        a, b = entity(store, m.group("x")), entity(store, m.group("y"))
        result = path(store, a, b, max_length=max_length)
        out = _Answers(store)
        for hop in result.paths[0] if result.paths else []:
            if hop.via is not None:
                out.add(hop.via.label, hop.via.iri, hop.evidence, hop.via.types)
            out.add(hop.target.label, hop.target.iri, hop.evidence, hop.target.types,
                    {"hop": path_text([hop])})
        answers = list(out.items.values())  # path order, not alphabetical
        return AskResult(question, form.name, a, answers, result)
    ent, answers = form.handler(store, m)
    return AskResult(question, form.name, ent, answers)
