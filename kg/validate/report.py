"""What a validation found: :class:`Violation` rows and the :class:`ValidationReport` around
them, and IRIs shortened for the tables ``kg validate`` prints.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from kg import vocab


@dataclass(frozen=True)
class Violation:
    """One SHACL result: which node, which property, what is wrong and in which graph.

    IRIs are full strings; ``value`` is the offending value in N-Triples form (a literal keeps
    its datatype, so a bad date shows as ``"2024-13-01"^^<...#date>``). ``graph`` is the article
    graph the result was found in, or None for the union (or a plain graph).
    """

    focus_node: str
    path: str | None
    message: str
    value: str | None = None
    graph: str | None = None
    shape: str | None = None
    severity: str = "Violation"

    def as_dict(self) -> dict[str, str | None]:
        """The violation as a JSON-ready dict (the ``kg validate --format json`` rows)."""
        return asdict(self)


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of a validation: whether the data conforms, and every violation found.

    >>> ValidationReport(conforms=True).summary()
    'conforms: 0 graphs, 0 triples checked'
    """

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    graphs: int = 0  # named graphs validated one by one (articles)
    triples: int = 0  # triples in the union

    def summary(self) -> str:
        """One line for people: conformance, violation count, how much was checked."""
        checked = f"{self.graphs} graphs, {self.triples} triples checked"
        if self.conforms:
            return f"conforms: {checked}"
        nodes = len({(v.graph, v.focus_node) for v in self.violations})
        return f"{len(self.violations)} violations on {nodes} nodes: {checked}"


def compact(iri: str | None) -> str:
    """An IRI shortened with the kg prefixes, for tables: ``kgo:host``, ``kg:event/x``.

    >>> compact("https://w3id.org/kg-health/ontology#host")
    'kgo:host'
    """
    if iri is None:
        return ""
    for prefix, namespace in vocab.PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri
