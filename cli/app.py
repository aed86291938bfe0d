"""The Typer application, its global options and the shared per-command options.

Command modules (``ingest_cmds``, ``query_cmds``, ...) import :data:`app` and register
their commands on it; the group (:class:`kg_cli.lazy.LazyGroup`) imports only the module of
the command being run, and :mod:`kg_cli.main` maps errors to exit codes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kg import __version__
from kg.formats import RowFormat

from .lazy import LazyTyper

if TYPE_CHECKING:
    from kg.store import Store, StoreLocation

app = LazyTyper(
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
    endpoint: str | None = None
    update_endpoint: str | None = None
    debug: bool = False

    def location(self) -> StoreLocation:
        """The store the options name: the endpoint if given, else the folder."""
        from kg.store import StoreLocation

        return StoreLocation(self.store, self.endpoint, self.update_endpoint)


state = State()


@contextmanager
def opened(
    *, read_only: bool = True, wait: float = 0.0, on_wait: Callable[[str], None] | None = None
) -> Iterator[Store]:
    """The store of the global options, open for one command.

    With ``--debug`` and an endpoint, the number of HTTP requests the command made is
    printed on stderr when it ends (the benchmarks read it).
    """
    from kg.store import open_store

    store = open_store(state.location(), read_only=read_only, wait=wait, on_wait=on_wait)
    try:
        with store:
            yield store
    finally:
        if state.debug and state.endpoint:
            from kg.store.remote import RemoteStore

            if isinstance(store, RemoteStore):
                http = store.http
                typer.echo(f"debug: {http.requests} HTTP requests ({http.queries} queries, "
                           f"{http.updates} updates) to {store.where}", err=True)


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
    endpoint: Annotated[
        str | None,
        typer.Option(
            "--endpoint",
            envvar="KG_ENDPOINT",
            metavar="URL",
            help="SPARQL 1.1 query URL of a server to use as the store instead of --store "
            "(credentials: $KG_ENDPOINT_USER, $KG_ENDPOINT_PASSWORD). Nothing is written locally.",
        ),
    ] = None,
    update_endpoint: Annotated[
        str | None,
        typer.Option(
            "--update-endpoint",
            envvar="KG_UPDATE_ENDPOINT",
            metavar="URL",
            help="SPARQL 1.1 update URL of that server (default: the --endpoint URL).",
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks for errors, and HTTP request counts.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """A knowledge graph of health-industry events built from news articles.

    Example: kg ingest seeds/ && kg ask "who signed with Ruijin Hospital"
    """
    state.store = store
    state.endpoint = endpoint or None
    state.update_endpoint = update_endpoint or None
    state.debug = debug


# One --format option, defined once, reused by every command that returns rows.
FormatOption = Annotated[
    RowFormat,
    typer.Option("--format", "-f", help="table for people; json, csv or tsv for scripts."),
]
