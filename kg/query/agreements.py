"""An agreement summarised for cards and answers: its kind, parties grouped in sides, the event
where it was signed, its date and evidence, for many agreements in four queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from kg import vocab
from kg.lookup.nodes import EntityRef, describe_nodes, local_name
from kg.lookup.queries import select_many
from kg.query.evidence import Evidence, node_evidence
from kg.query.rows import iri_of, ref_json
from kg.query.sides import agreements_sides
from kg.store.base import Store


@dataclass(frozen=True)
class AgreementInfo:
    """An agreement with its parties grouped in sides, its event and date."""

    ref: EntityRef
    kind: str
    parties: tuple[EntityRef, ...]
    sides: tuple[tuple[EntityRef, ...], ...]
    signed_at: EntityRef | None
    signed_on: str | None
    evidence: tuple[Evidence, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "label": self.ref.label,
            "iri": self.ref.iri,
            "kind": self.kind,
            "parties": [ref_json(p) for p in self.parties],
            "sides": [[ref_json(m) for m in side] for side in self.sides],
            "signed_at": ref_json(self.signed_at) if self.signed_at else None,
            "signed_on": self.signed_on,
            "evidence": [e.as_json() for e in self.evidence],
        }


_AGREEMENT = """
SELECT ?a ?p ?o WHERE {
  ?a ?p ?o . VALUES ?p { kgo:agreementKind kgo:party kgo:signedAt kgo:signedOn }
}
"""


def agreement_info(store: Store, iri: str) -> AgreementInfo:
    """An agreement's kind, parties, sides, event and date (for cards and answers)."""
    return agreement_infos(store, [iri])[iri]


def agreement_infos(store: Store, iris: Iterable[str]) -> dict[str, AgreementInfo]:
    """:func:`agreement_info` of several agreements in four queries (facts, sides, names,
    evidence), whatever their number."""
    wanted = list(dict.fromkeys(iris))
    if not wanted:
        return {}
    kinds: dict[str, str] = {}
    signed_on: dict[str, str] = {}
    parties: dict[str, list[str]] = defaultdict(list)
    events: dict[str, str] = {}
    for row in select_many(store, _AGREEMENT, "a", wanted):
        a, pred, obj = str(iri_of(row["a"])), local_name(str(iri_of(row["p"]))), row["o"]
        if pred == "agreementKind" and isinstance(obj, ox.Literal):
            kinds[a] = obj.value
        elif pred == "signedOn" and isinstance(obj, ox.Literal):
            signed_on[a] = obj.value
        elif pred == "party" and isinstance(obj, ox.NamedNode):
            parties[a].append(obj.value)
        elif pred == "signedAt" and isinstance(obj, ox.NamedNode):
            events[a] = obj.value
    sides = agreements_sides(store, wanted)
    refs = describe_nodes(store, [*wanted, *(p for ps in parties.values() for p in ps),
                                  *(m for ss in sides.values() for s in ss for m in s),
                                  *events.values()])
    index = node_evidence(store, wanted)
    party = vocab.ont("party")
    out: dict[str, AgreementInfo] = {}
    for iri in wanted:
        party_refs = sorted((refs[p] for p in set(parties[iri])), key=lambda r: r.label)
        side_refs = tuple(
            tuple(sorted((refs[m] for m in side), key=lambda r: r.label)) for side in sides[iri]
        )
        evidence: list[Evidence] = []
        for p in party_refs:
            evidence += [e for e in index.get((iri, party, p.iri), []) if e not in evidence]
        event = events.get(iri)
        out[iri] = AgreementInfo(
            refs[iri], kinds.get(iri, ""), tuple(party_refs), side_refs,
            refs[event] if event else None, signed_on.get(iri), tuple(evidence),
        )
    return out
