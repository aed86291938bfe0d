"""The ``kg`` group: a command's module is imported only when that command runs.

Why: each command module pulls in its own kg modules (SHACL validation, ingestion records,
views, ...) and typer turns every registered command's signature into click parameters when
the group is built. A cold ``kg neighbors`` paid for all seventeen commands before it
opened the store. :data:`COMMAND_MODULES` names the module of each command, so the group
imports one module for the command on the command line; ``kg --help``, completion and a
misspelt command name import them all, so help lists every command (in this order) and
"Did you mean ...?" still sees every name. ``tests/test_cli_startup.py`` checks the table
against what the modules register, and that a query command imports no other command's module.

:class:`LazyTyper` is the application class: its group is a :class:`LazyGroup`, which gives
its own options the pydantic-free converter of :mod:`kg_cli.coercion`, and its commands are
:class:`~kg_cli.coercion.FastCommand`, which give theirs the same.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import typer
from typer._click import Command, Context
from typer.core import TyperCommand, TyperGroup
from typer.main import get_command_from_info, get_command_name
from typer.models import CommandFunctionType

from . import coercion

# Command name -> module of kg_cli that registers it, in the order help lists them.
COMMAND_MODULES: dict[str, str] = {
    "export": "export_cmds",
    "ingest": "ingest_cmds",
    "import": "ingest_cmds",
    "sparql": "ingest_cmds",
    "docs": "ingest_cmds",
    "remove": "ingest_cmds",
    "stats": "ingest_cmds",
    "migrate": "ingest_cmds",
    "validate": "ontology_cmds",
    "ontology": "ontology_cmds",
    "show": "query_cmds",
    "search": "query_cmds",
    "neighbors": "query_cmds",
    "path": "query_cmds",
    "ask": "query_cmds",
    "entities": "query_cmds",
    "serve": "serve_cmds",
}


class LazyGroup(TyperGroup):
    """A typer group that builds a command on first use, importing its module then."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        coercion.install(self.get_params(ctx))
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: Context) -> list[str]:
        self.load_all()
        return ([name for name in COMMAND_MODULES if name in self.commands]
                + [name for name in self.commands if name not in COMMAND_MODULES])

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            importlib.import_module(f"{__package__}.{COMMAND_MODULES[cmd_name]}")
            self._add_registered(only=cmd_name)
        return self.commands.get(cmd_name)

    def resolve_command(
        self, ctx: Context, args: list[str]
    ) -> tuple[str | None, Command | None, list[str]]:
        if args and args[0] not in COMMAND_MODULES:
            self.load_all()  # an unknown name: suggestions come from every command
        return super().resolve_command(ctx, args)

    def load_all(self) -> None:
        """Import every command module and build every command (help, completion, suggestions)."""
        for module in dict.fromkeys(COMMAND_MODULES.values()):
            importlib.import_module(f"{__package__}.{module}")
        self._add_registered()

    def _add_registered(self, only: str | None = None) -> None:
        """Build the registered commands not built yet (only the one named ``only``)."""
        from .app import app

        for info in app.registered_commands:
            assert info.callback is not None
            name = info.name or get_command_name(info.callback.__name__)
            if name in self.commands or (only is not None and name != only):
                continue
            self.add_command(get_command_from_info(
                info, pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode), name)

class LazyTyper(typer.Typer):
    """The kg application: the lazy group, and commands with the pydantic-free converter."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cls=LazyGroup, **kwargs)

    def command(
        self, name: str | None = None, *, cls: type[TyperCommand] | None = None, **kwargs: Any
    ) -> Callable[[CommandFunctionType], CommandFunctionType]:
        return super().command(name, cls=cls or coercion.FastCommand, **kwargs)
