"""Output and input formats: RDF serialisations and row formats, each defined once.

Three families, all used by the library and reused by the CLI's ``--format`` options:

* :class:`RdfFormat` names the RDF serialisations ``kg export`` writes and ``kg import``
  reads, mapped to pyoxigraph's own format objects (so the choice stays a plain string
  in the CLI and a typed enum in the library).
* :class:`GraphFormat` names every format ``kg export`` (and ``kg sparql`` for CONSTRUCT
  results) can write: the RDF serialisations plus the views for visual tools (GraphML,
  GEXF, DOT, Cytoscape.js, D3, Mermaid, a self-contained HTML page). The writers behind
  the names are the registry of :mod:`kg.views.registry`; only the names live here, so the
  CLI can offer them without importing networkx.
* :class:`RowFormat` names the formats of every command that returns rows. ``WRITERS`` holds
  one writer per machine-readable row format (json, csv, tsv); ``table`` is for people and is
  drawn by the CLI with rich. SPARQL results have their own standard encodings (SPARQL 1.1
  JSON/CSV/TSV results), written by pyoxigraph: ``RESULT_FORMATS`` maps the same enum onto
  them, so ``kg sparql --format json`` and ``kg docs --format json`` share one option type.

Nothing here imports rdflib or spaCy: export and the query commands use it.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, TextIO

import pyoxigraph as ox

from kg.errors import UsageError


class RdfFormat(StrEnum):
    """RDF serialisations of ``kg export`` and ``kg import`` (values are the CLI names).

    >>> RdfFormat("ttl").ox.name
    'Turtle'
    >>> RdfFormat.from_path(Path("dump.nq"))
    <RdfFormat.nq: 'nq'>
    """

    nt = "nt"
    ttl = "ttl"
    trig = "trig"
    nq = "nq"
    jsonld = "jsonld"
    xml = "xml"

    @property
    def ox(self) -> ox.RdfFormat:
        """The pyoxigraph format object for this serialisation."""
        return _OX_FORMATS[self]

    @property
    def keeps_graphs(self) -> bool:
        """Whether the format carries named graphs (TriG, N-Quads, JSON-LD) or only triples."""
        return self in (RdfFormat.trig, RdfFormat.nq, RdfFormat.jsonld)

    @classmethod
    def from_path(cls, path: Path) -> RdfFormat:
        """Guess the format from a file's extension; unknown -> :class:`UsageError`.

        Accepts the usual aliases (``.n3`` is not supported: it is not RDF 1.1).
        """
        suffix = path.suffix.lower().lstrip(".")
        fmt = _EXTENSIONS.get(suffix)
        if fmt is None:
            known = ", ".join(sorted(_EXTENSIONS))
            raise UsageError(
                f"cannot tell the RDF format of {path.name!r} from its extension; "
                f"pass --format (one of {', '.join(f.value for f in cls)}) or rename it "
                f"(known extensions: {known})"
            )
        return fmt


_OX_FORMATS: dict[RdfFormat, ox.RdfFormat] = {
    RdfFormat.nt: ox.RdfFormat.N_TRIPLES,
    RdfFormat.ttl: ox.RdfFormat.TURTLE,
    RdfFormat.trig: ox.RdfFormat.TRIG,
    RdfFormat.nq: ox.RdfFormat.N_QUADS,
    RdfFormat.jsonld: ox.RdfFormat.JSON_LD,
    RdfFormat.xml: ox.RdfFormat.RDF_XML,
}

_EXTENSIONS: dict[str, RdfFormat] = {
    "nt": RdfFormat.nt,
    "ttl": RdfFormat.ttl,
    "turtle": RdfFormat.ttl,
    "trig": RdfFormat.trig,
    "nq": RdfFormat.nq,
    "nquads": RdfFormat.nq,
    "jsonld": RdfFormat.jsonld,
    "json": RdfFormat.jsonld,
    "rdf": RdfFormat.xml,
    "xml": RdfFormat.xml,
    "owl": RdfFormat.xml,
}


class GraphFormat(StrEnum):
    """Every format ``kg export --format`` writes (values are the CLI names).

    The first six are RDF (:attr:`rdf` gives the :class:`RdfFormat`); the others are views
    of the graph for visual tools, projected onto a property graph by :mod:`kg.views`.

    >>> GraphFormat("ttl").rdf
    <RdfFormat.ttl: 'ttl'>
    >>> GraphFormat("graphml").rdf is None
    True
    """

    nt = "nt"
    ttl = "ttl"
    trig = "trig"
    nq = "nq"
    jsonld = "jsonld"
    xml = "xml"
    graphml = "graphml"
    gexf = "gexf"
    dot = "dot"
    cytoscape = "cytoscape"
    d3 = "d3"
    mermaid = "mermaid"
    html = "html"

    @property
    def rdf(self) -> RdfFormat | None:
        """The RDF serialisation of this name, or None for a view format."""
        try:
            return RdfFormat(self.value)
        except ValueError:
            return None


class RowFormat(StrEnum):
    """Output formats of every command that returns rows."""

    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"


# A row writer: column names, rows (one value per column), the text stream to write to.
RowWriter = Callable[[Sequence[str], Iterable[Sequence[Any]], TextIO], None]


def _plain(value: Any) -> Any:
    """A JSON-friendly value: dates as ISO strings, enums as their value, None kept."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    return value


def _cell(value: Any) -> str:
    """A CSV/TSV cell: empty for None, ISO for dates, ``;``-joined for lists."""
    if value is None:
        return ""
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(_cell(v) for v in value)
    return str(_plain(value))


def write_json(columns: Sequence[str], rows: Iterable[Sequence[Any]], out: TextIO) -> None:
    """Rows as a JSON array of objects keyed by column name (one object per row).

    >>> import io; buf = io.StringIO(); write_json(["name", "n"], [("a.txt", 3)], buf)
    >>> buf.getvalue()
    '[\\n  {\\n    "name": "a.txt",\\n    "n": 3\\n  }\\n]\\n'
    """
    records = [
        {c: (
            [_plain(x) for x in v] if isinstance(v, list | tuple) else _plain(v)
        ) for c, v in zip(columns, row, strict=True)}
        for row in rows
    ]
    json.dump(records, out, indent=2, ensure_ascii=False)
    out.write("\n")


def write_csv(columns: Sequence[str], rows: Iterable[Sequence[Any]], out: TextIO) -> None:
    """Rows as RFC 4180 CSV with a header line.

    >>> import io; buf = io.StringIO(); write_csv(["a", "b"], [("x, y", None)], buf)
    >>> buf.getvalue()
    'a,b\\r\\n"x, y",\\r\\n'
    """
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(v) for v in row])


def write_tsv(columns: Sequence[str], rows: Iterable[Sequence[Any]], out: TextIO) -> None:
    """Rows as tab-separated values; tabs and newlines inside a value become spaces.

    >>> import io; buf = io.StringIO(); write_tsv(["a", "b"], [("x\\ty", 2)], buf)
    >>> buf.getvalue()
    'a\\tb\\nx y\\t2\\n'
    """
    out.write("\t".join(columns) + "\n")
    for row in rows:
        cells = (_cell(v).replace("\t", " ").replace("\r", " ").replace("\n", " ") for v in row)
        out.write("\t".join(cells) + "\n")


# One writer per machine-readable row format; ``table`` is drawn by the CLI (rich).
WRITERS: dict[RowFormat, RowWriter] = {
    RowFormat.json: write_json,
    RowFormat.csv: write_csv,
    RowFormat.tsv: write_tsv,
}

# The standard SPARQL 1.1 result encodings behind the same enum (``kg sparql``).
RESULT_FORMATS: dict[RowFormat, ox.QueryResultsFormat] = {
    RowFormat.json: ox.QueryResultsFormat.JSON,
    RowFormat.csv: ox.QueryResultsFormat.CSV,
    RowFormat.tsv: ox.QueryResultsFormat.TSV,
}


def write_rows(
    fmt: RowFormat, columns: Sequence[str], rows: Iterable[Sequence[Any]], out: TextIO
) -> None:
    """Write rows in a machine-readable format; ``table`` is refused (the CLI draws tables).

    >>> import io; buf = io.StringIO(); write_rows(RowFormat.csv, ["a"], [(1,)], buf)
    >>> buf.getvalue()
    'a\\r\\n1\\r\\n'
    """
    writer = WRITERS.get(fmt)
    if writer is None:
        raise ValueError(f"{fmt.value} is drawn by the CLI, not written by kg.formats")
    writer(columns, rows, out)
