"""What a cold ``kg`` process loads: only the command it runs, no pydantic, no networkx for GraphML.

Not timed (benchmarks/bench_foreign.py and bench_export.py time it): these check the causes
structurally. A fresh process per command lists the modules it imported; the lazy group's
table is checked against what the command modules register, help and "Did you mean" still
see every command, and the pydantic-free option converter (kg_cli.coercion) is checked
against typer's own converter: it returns the same value, or leaves the value to typer.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kg_cli import coercion
from kg_cli.app import app
from kg_cli.lazy import COMMAND_MODULES

DATA = Path(__file__).parent / "data"
MODULES = set(COMMAND_MODULES.values())

# Runs kg in this fresh process, then prints the top-level packages and kg_cli/kg.views
# modules it imported.
_PROBE = (
    "import sys\nfrom kg_cli.main import run\n"
    "try:\n    run(sys.argv[1:])\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
    "finally:\n"
    "    print('LOADED', sorted({m.split('.')[0] for m in sys.modules} | "
    "{m for m in sys.modules if m.startswith(('kg_cli.', 'kg.views.', 'kg.validate'))}),"
    " file=sys.stderr)\n"
)


def _loaded(*args: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True,
                          timeout=120)
    line = next((ln for ln in proc.stderr.splitlines() if ln.startswith("LOADED")), None)
    assert proc.returncode == 0 and line is not None, (args, proc.stderr)
    loaded: set[str] = set(ast.literal_eval(line[len("LOADED "):]))
    return loaded


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from kg_cli.main import run; run()", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("startup") / "store"
    assert _kg("--store", str(folder), "import", str(DATA / "mini.trig")).returncode == 0
    return folder


def _registered() -> Iterator[tuple[str, str]]:
    """(command name, module) of every command the command modules register."""
    import importlib

    from typer.main import get_command_name

    for module in sorted(MODULES):
        importlib.import_module(f"kg_cli.{module}")
    for info in app.registered_commands:
        assert info.callback is not None
        yield info.name or get_command_name(info.callback.__name__), info.callback.__module__


def test_the_table_names_each_commands_module() -> None:
    registered = dict(_registered())
    assert registered == {name: f"kg_cli.{module}" for name, module in COMMAND_MODULES.items()}


@pytest.mark.parametrize("args", [
    ["neighbors", "Harbor Medical Expo 2022", "--depth", "2", "-f", "json"],
    ["path", "Harbor Medical Expo 2022", "Lakeside City"],
    ["show", "Lakeside City"],
    ["search", "harbor", "--type", "Event"],
])
def test_a_query_imports_only_its_own_command_module(store: Path, args: list[str]) -> None:
    loaded = _loaded("--store", str(store), *args)
    assert {f"kg_cli.{m}" for m in MODULES} & loaded == {"kg_cli.query_cmds"}
    assert not loaded & {"pydantic", "networkx", "rdflib", "spacy", "kg.validate"}


def test_a_graphml_cut_down_imports_neither_networkx_nor_pydantic(store: Path,
                                                                  tmp_path: Path) -> None:
    out = tmp_path / "around.graphml"
    loaded = _loaded("--store", str(store), "export", "--format", "graphml", "--around",
                     "Harbor Medical Expo 2022", "--depth", "2", "-o", str(out))
    assert "<node " in out.read_text(encoding="utf-8")
    assert {f"kg_cli.{m}" for m in MODULES} & loaded == {"kg_cli.export_cmds"}
    assert not loaded & {"pydantic", "networkx", "rdflib", "spacy"}
    # a view drawn with networkx still gets it
    assert "networkx" in _loaded("--store", str(store), "export", "--format", "gexf",
                                 "-o", str(tmp_path / "all.gexf"))


def test_version_imports_no_command_module() -> None:
    loaded = _loaded("--version")
    assert not loaded & {f"kg_cli.{m}" for m in MODULES}
    assert not loaded & {"pydantic", "networkx"}


def test_help_lists_every_command_in_order_from_a_fresh_process() -> None:
    proc = _kg("--help")
    assert proc.returncode == 0, proc.stderr
    listed = proc.stdout.split("Commands:")[1].splitlines()
    names = [line.split()[0] for line in listed if line.startswith("  ") and line.split()]
    assert names == list(COMMAND_MODULES)
    for line in listed:
        if line.strip():
            assert len(line.split()) > 1, line  # each name with its one-line help


def test_a_misspelt_command_is_still_matched_against_every_command() -> None:
    proc = _kg("neighbour")
    assert proc.returncode == 2
    assert "No such command 'neighbour'. Did you mean 'neighbors'?" in proc.stderr
    proc = _kg("valdate")
    assert "Did you mean 'validate'?" in proc.stderr


def test_a_bad_option_value_keeps_typers_message(store: Path) -> None:
    proc = _kg("--store", str(store), "neighbors", "Lakeside City", "--depth", "0")
    assert proc.returncode == 2
    assert ("Invalid value for '--depth' / '-d': Input should be greater than or equal to 1"
            in proc.stderr)
    proc = _kg("--store", str(store), "neighbors", "Lakeside City", "-f", "xml")
    assert proc.returncode == 2
    assert "'xml' is not one of 'table', 'json', 'csv', 'tsv'." in proc.stderr


# --- the converter against typer's own ------------------------------------------------------


def _parameters() -> list[Any]:
    """Every typer parameter of the group and of every command, with a context for it."""
    import typer.main
    from typer._click import Context
    from typer.core import _TyperParameter

    dict(_registered())  # every module imported
    group = typer.main.get_command(app)
    found = []
    commands = [group, *(group.commands[name] for name in COMMAND_MODULES)]
    for command in commands:
        ctx = Context(command)
        found += [(p, ctx) for p in command.get_params(ctx) if isinstance(p, _TyperParameter)]
    return found


PARAMETERS = _parameters()


def _values(param: Any) -> st.SearchStrategy[Any]:
    """Text like what a command line holds, the choices in several cases, and defaults."""
    annotation = param.type_descriptor.annotation
    choices: list[str] = []
    for kind in (annotation, *getattr(annotation, "__args__", ())):
        if isinstance(kind, type) and issubclass(kind, Enum):
            choices += [str(c.value) for c in kind] + [str(c.value).upper() for c in kind]
    text = st.text(alphabet="0123456789-.eE_ +abcxyzJSONtable/", max_size=8)
    single = st.one_of(text, st.sampled_from(choices or ["x"]), st.just(param.default),
                       st.integers(-3, 3), st.floats(-3, 3, allow_nan=False), st.booleans())
    return st.one_of(single, st.lists(single, max_size=3).map(tuple))


@settings(max_examples=60, deadline=None)
@given(data=st.data())
@pytest.mark.parametrize("index", range(len(PARAMETERS)))
def test_the_fast_converter_agrees_with_typers(index: int, data: st.DataObject) -> None:
    from typer._click.exceptions import BadParameter
    from typer._coercion import build_runtime_param

    param, ctx = PARAMETERS[index]
    value = data.draw(_values(param))
    fast = coercion.FastRuntimeParam(
        parameter_info=param.type_descriptor.parameter_info,
        annotation=param.type_descriptor.annotation, descriptor=param.type_descriptor)
    typer_own = build_runtime_param(param.type_descriptor)
    try:
        expected: Any = typer_own.coerce(value, param=param, ctx=ctx)
    except BadParameter as err:
        expected = err
    try:
        got: Any = fast.coerce(value, param=param, ctx=ctx)
    except BadParameter as err:
        got = err
    if isinstance(expected, BadParameter):
        assert isinstance(got, BadParameter), (param.name, value, got)
        assert got.message == expected.message
    else:
        assert (got, type(got)) == (expected, type(expected)), (param.name, value)


def test_plain_values_skip_typers_converter_and_unusual_ones_use_it() -> None:
    by_name = {p.name: (p, c) for p, c in PARAMETERS}

    def fast_for(name: str) -> tuple[coercion.FastRuntimeParam, Any, Any]:
        param, ctx = by_name[name]
        descriptor = param.type_descriptor
        return coercion.FastRuntimeParam(parameter_info=descriptor.parameter_info,
                                         annotation=descriptor.annotation,
                                         descriptor=descriptor), param, ctx

    for name, text, value in (("depth", "3", 3), ("wait", "2.5", 2.5), ("store", "s", Path("s")),
                              ("entity", "X", "X"), ("relations", ("a", "b"), ["a", "b"])):
        fast, param, ctx = fast_for(name)
        assert fast.coerce(text, param=param, ctx=ctx) == value
        assert not fast.built, name  # typer's (pydantic) converter never built
    fast, param, ctx = fast_for("depth")
    assert fast.coerce(" 3", param=param, ctx=ctx) == 3  # pydantic strips the blank ...
    assert fast.built  # ... and it is typer's converter that did
