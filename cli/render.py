"""Rendering shared by every command: rows to stdout, messages to stderr.

Commands compute rows with a :mod:`kg` function and hand them here with their column names;
this module decides only *how* they look: a rich table for people, JSON, CSV or TSV for
scripts (the writers live in :mod:`kg.formats`, so the library can produce the same bytes).
stdout carries data only; progress, notes and errors go to stderr.

Consoles are created per call, never at import time, so tests that swap ``sys.stdout``
(typer's CliRunner) capture the output, and so importing this module stays cheap.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from kg.formats import RowFormat, write_rows

if TYPE_CHECKING:
    from rich.console import Console


def stdout_console() -> Console:
    """A rich console on the current stdout (no colour when it is not a terminal)."""
    from rich.console import Console

    return Console(file=sys.stdout, highlight=False, soft_wrap=False)


def stderr_console() -> Console:
    """A rich console on stderr, for progress bars and notes."""
    from rich.console import Console

    return Console(file=sys.stderr, highlight=False)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(_cell(v) for v in value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def render_rows(
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    fmt: RowFormat,
    *,
    title: str | None = None,
    empty: str | None = None,
) -> None:
    """Print rows in ``fmt``: a table for people, json/csv/tsv for scripts.

    ``empty`` is a note printed on stderr (table format only) when there are no rows, so
    a person sees why the output is blank while scripts still get a valid empty document.

    Example: ``render_rows(["name", "status"], [("a.txt", "added")], RowFormat.table)``
    """
    if fmt is not RowFormat.table:
        write_rows(fmt, columns, rows, sys.stdout)
        sys.stdout.flush()
        return
    from rich.table import Table

    materialised = [[_cell(v) for v in row] for row in rows]
    if not materialised and empty:
        note(empty)
        return
    table = Table(title=title, show_lines=False, header_style="bold")
    for col in columns:
        table.add_column(col, overflow="fold")
    from rich.markup import escape

    for row in materialised:
        table.add_row(*(escape(cell) for cell in row))  # "[doc.txt]" is data, not markup
    stdout_console().print(table)


@dataclass(frozen=True)
class Output:
    """What a query command prints, for every row format: built once, drawn by :func:`show`.

    ``columns`` and ``rows`` are the flat form (CSV, TSV, the plain table, and JSON when
    there is no ``document``). ``document`` builds the richer JSON of docs/cli-json.md, and
    ``draw`` the people's view when it is not a plain table (a tree, a card, path lines);
    both are called only for the format that needs them.
    """

    columns: Sequence[str]
    rows: Iterable[Sequence[Any]]
    document: Callable[[], Any] | None = None
    draw: Callable[[], None] | None = None
    title: str | None = None
    empty: str | None = None


def show(output: Output, fmt: RowFormat) -> None:
    """Print ``output`` in ``fmt``: the one output layer of the query commands.

    Example: ``show(Output(["label"], [["Ruijin Hospital"]]), RowFormat.csv)``
    """
    if fmt is RowFormat.json and output.document is not None:
        render_json(output.document())
    elif fmt is RowFormat.table and output.draw is not None:
        output.draw()
    else:
        render_rows(output.columns, output.rows, fmt, title=output.title, empty=output.empty)


def render_json(obj: Any) -> None:
    """Print a JSON document (UTF-8, indented) on stdout."""
    json.dump(obj, sys.stdout, indent=2, ensure_ascii=False, default=_cell)
    sys.stdout.write("\n")
    sys.stdout.flush()


def binary_stdout() -> BinaryIO:
    """stdout as a binary stream, for RDF and SPARQL results written by pyoxigraph.

    The text layer is flushed first so the bytes land after anything printed before.
    """
    sys.stdout.flush()
    buffer: BinaryIO = sys.stdout.buffer
    return buffer


def note(message: str) -> None:
    """A line for people on stderr (not data)."""
    print(message, file=sys.stderr)


def error_line(message: str) -> None:
    """An ``Error: ...`` line on stderr, in the form kg_cli.main uses for raised errors."""
    print(f"Error: {message}", file=sys.stderr)
