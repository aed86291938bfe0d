"""kg.formats: the RDF and row format enums and the row writers."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import UsageError
from kg.formats import RESULT_FORMATS, WRITERS, GraphFormat, RdfFormat, RowFormat, write_rows

COLUMNS = ["name", "published", "count", "tags"]
ROWS = [
    ("a, \"quoted\".txt", date(2024, 7, 18), 3, ["x", "y"]),
    ("tab\there", None, 0, []),
]


def test_rdf_formats_map_to_pyoxigraph() -> None:
    assert {f.value: f.ox for f in RdfFormat} == {
        "nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
        "nq": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML,
    }
    assert [f for f in RdfFormat if f.keeps_graphs] == [RdfFormat.trig, RdfFormat.nq,
                                                       RdfFormat.jsonld]


@pytest.mark.parametrize(("name", "fmt"), [
    ("x.nt", RdfFormat.nt), ("x.TTL", RdfFormat.ttl), ("dir/x.trig", RdfFormat.trig),
    ("x.nq", RdfFormat.nq), ("x.jsonld", RdfFormat.jsonld), ("x.rdf", RdfFormat.xml),
])
def test_format_from_extension(name: str, fmt: RdfFormat) -> None:
    assert RdfFormat.from_path(Path(name)) is fmt


def test_unknown_extension_says_to_pass_format() -> None:
    with pytest.raises(UsageError, match=r"'x\.n3'.*pass --format"):
        RdfFormat.from_path(Path("x.n3"))


def test_row_format_is_the_clis_option_type() -> None:
    from kg_cli.app import RowFormat as CliRowFormat

    assert CliRowFormat is RowFormat
    assert [f.value for f in RowFormat] == ["table", "json", "csv", "tsv"]
    assert set(WRITERS) == set(RESULT_FORMATS) == {RowFormat.json, RowFormat.csv, RowFormat.tsv}


def test_json_rows_are_objects_with_iso_dates() -> None:
    buf = io.StringIO()
    write_rows(RowFormat.json, COLUMNS, ROWS, buf)
    assert json.loads(buf.getvalue()) == [
        {"name": 'a, "quoted".txt', "published": "2024-07-18", "count": 3, "tags": ["x", "y"]},
        {"name": "tab\there", "published": None, "count": 0, "tags": []},
    ]


def test_csv_rows_round_trip_through_the_csv_module() -> None:
    buf = io.StringIO()
    write_rows(RowFormat.csv, COLUMNS, ROWS, buf)
    assert list(csv.reader(io.StringIO(buf.getvalue()))) == [
        COLUMNS, ['a, "quoted".txt', "2024-07-18", "3", "x; y"], ["tab\there", "", "0", ""],
    ]


def test_tsv_rows_never_split_a_value() -> None:
    buf = io.StringIO()
    write_rows(RowFormat.tsv, COLUMNS, ROWS, buf)
    lines = buf.getvalue().splitlines()
    assert lines == ["name\tpublished\tcount\ttags", 'a, "quoted".txt\t2024-07-18\t3\tx; y',
                     "tab here\t\t0\t"]


def test_empty_rows_still_give_a_valid_document() -> None:
    buf = io.StringIO()
    write_rows(RowFormat.json, COLUMNS, [], buf)
    assert json.loads(buf.getvalue()) == []


def test_table_is_left_to_the_cli() -> None:
    with pytest.raises(ValueError, match="CLI"):
        write_rows(RowFormat.table, COLUMNS, ROWS, io.StringIO())


def test_graph_formats_are_the_rdf_formats_then_the_views() -> None:
    assert [f.value for f in GraphFormat] == [
        "nt", "ttl", "trig", "nq", "jsonld", "xml",
        "graphml", "gexf", "dot", "cytoscape", "d3", "mermaid", "html"]
    assert [f.rdf for f in GraphFormat if f.rdf is not None] == list(RdfFormat)


def test_one_output_layer_calls_only_what_the_format_needs(
        capsys: pytest.CaptureFixture[str]) -> None:
    from kg_cli import render

    called: list[str] = []

    def document() -> object:
        called.append("document")
        return {"rich": True}

    def draw() -> None:
        called.append("draw")
        print("drawn")

    out = render.Output(["a", "b"], [[1, ["x", "y"]]], document=document, draw=draw)
    render.show(out, RowFormat.json)
    assert json.loads(capsys.readouterr().out) == {"rich": True} and called == ["document"]
    render.show(out, RowFormat.table)
    assert capsys.readouterr().out == "drawn\n" and called == ["document", "draw"]
    render.show(out, RowFormat.csv)
    assert capsys.readouterr().out == "a,b\r\n1,x; y\r\n" and called == ["document", "draw"]
    plain = render.Output(["a"], [["v"]])
    render.show(plain, RowFormat.json)
    assert json.loads(capsys.readouterr().out) == [{"a": "v"}]
