"""What can be validated besides an rdflib graph: an RDF file (its format from its extension)
and the store (a folder or a SPARQL endpoint), each read into memory, then
:func:`kg.validate.shacl.validate_graph`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import InputError
from kg.validate.report import ValidationReport
from kg.validate.shacl import quiet_rdflib, validate_graph

if TYPE_CHECKING:
    import rdflib

    from kg.store.opening import StoreLocation


# File extension -> (rdflib parser name, whether the format carries named graphs).
_FILE_FORMATS: dict[str, tuple[str, bool]] = {
    ".ttl": ("turtle", False),
    ".nt": ("nt", False),
    ".jsonld": ("json-ld", True),
    ".trig": ("trig", True),
    ".nq": ("nquads", True),
}


def validate_file(path: Path) -> ValidationReport:
    """Validate an RDF file: TriG / N-Quads / JSON-LD by named graph, Turtle / N-Triples whole.

    >>> validate_file(Path("tests/data/valid_article.trig")).conforms  # doctest: +SKIP
    True
    """
    import rdflib

    fmt = _FILE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(_FILE_FORMATS))
        raise InputError(f"cannot tell the RDF format of {path}; use one of {known}")
    if not path.is_file():
        raise InputError(f"no such file: {path}; check the path")
    parser, has_graphs = fmt
    data: rdflib.Dataset | rdflib.Graph = rdflib.Dataset() if has_graphs else rdflib.Graph()
    try:
        with quiet_rdflib():
            data.parse(path, format=parser)
    except Exception as err:  # rdflib raises many unrelated types for bad syntax
        problem = _parse_problem(err)
        raise InputError(f"{path} is not valid {parser}: {problem}; fix the file") from err
    return validate_graph(data)


def _parse_problem(err: Exception) -> str:
    """The parser's complaint on one line ("at line 28 of <>: Bad syntax (expected '.')")."""
    lines = [ln.strip() for ln in str(err).strip().splitlines()[:2] if ln.strip()]
    text = " ".join(lines).replace(" at ^ in:", "") or type(err).__name__
    return text[:200]


def validate_store(store: StoreLocation | Path | None = None) -> ValidationReport:
    """Validate the store (a folder or a SPARQL endpoint): copy its quads into memory, then
    :func:`validate_graph`.

    >>> validate_store(Path("/nonexistent"))  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    kg.errors.StoreError: no store at /nonexistent; run `kg ingest` first
    """
    import rdflib

    nquads = _dump_store(store)
    dataset = rdflib.Dataset()
    if nquads:
        with quiet_rdflib():
            dataset.parse(data=nquads, format="nquads")
    return validate_graph(dataset)


def _dump_store(location: StoreLocation | Path | None) -> bytes:
    """Every quad of the store as N-Quads, read without taking the write lock."""
    import io

    from kg.formats import RdfFormat
    from kg.store import open_store

    out = io.BytesIO()
    with open_store(location, read_only=True) as store:
        store.dump_dataset(out, RdfFormat.nq)
    return out.getvalue()
