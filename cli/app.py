"""The Typer application, its global options and the shared per-command options.

Command modules (``ingest_cmds``, ``query_cmds``, ...) import :data:`app` and register
their commands on it; :mod:`kg_cli.main` imports them all and maps errors to exit codes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg import __version__
from kg.formats import RowFormat

app = typer.Typer(
    name="kg",
    help="A knowledge graph of health-industry events built from news articles.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class State:
    """Global options, set by the callback before any command runs."""

    store: Path | None = None
    debug: bool = False


state = State()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    store: Annotated[
        Path | None,
        typer.Option(
            "--store",
            envvar="KG_STORE",
            help="Folder of the on-disk store (default: $KG_STORE, else ~/.local/share/kg-health/store).",
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """A knowledge graph of health-industry events built from news articles.

    Example: kg ingest seeds/ && kg ask "who signed with Ruijin Hospital"
    """
    state.store = store
    state.debug = debug


# One --format option, defined once, reused by every command that returns rows.
FormatOption = Annotated[
    RowFormat,
    typer.Option("--format", "-f", help="table for people; json, csv or tsv for scripts."),
]
