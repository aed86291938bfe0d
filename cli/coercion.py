"""Option values converted without pydantic, for the kinds of options kg has.

Why: typer (>= 0.29) converts every option value through a pydantic ``TypeAdapter`` built at
run time; importing pydantic and building the adapters cost a cold ``kg neighbors`` about
0.1 s, more than the query itself. kg's options are all plain: text, whole and decimal
numbers with bounds, choices (enums), paths, flags and lists of these. :func:`install`
gives each parameter of a command a :class:`FastRuntimeParam` that converts the values
typer's own converter would accept to the *same* result, and hands every other value (an
out-of-range number, a misspelt choice, anything unusual) to typer's converter, built only
then, so usage errors keep typer's exact messages. ``tests/test_cli_startup.py`` checks
both halves against typer's converter.

This leans on typer internals (``typer._coercion.RuntimeParam``, ``typer._param_types`` and
the parameter's lazily built ``_runtime_param``), so pyproject.toml keeps typer below 0.30
(requirements.lock pins 0.29.2); an upgrade that moves them fails at import, and one that
changes typer's conversion fails the agreement test.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

from typer._click import Context, Parameter
from typer._click.exceptions import BadParameter
from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer._param_types import coerce_cli_choice, coerce_cli_path, routes_to_path
from typer.core import TyperCommand, _TyperParameter
from typer.models import ParameterInfo

_INT = re.compile(r"-?[0-9]+")
_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_NUMBERS: dict[type, re.Pattern[str]] = {int: _INT, float: _DECIMAL}  # the plain forms typer accepts


class _Unhandled(Exception):
    """The value is not one the fast path is sure about: typer's converter decides."""


def _in_bounds(number: int | float, info: ParameterInfo) -> int | float:
    if (info.min is not None and number < info.min) or (info.max is not None and number > info.max):
        raise _Unhandled
    return number


def _leaf(value: Any, annotation: Any, info: ParameterInfo, param: _TyperParameter,
          ctx: Context) -> Any:
    """One value of a plain annotation, as typer's converter would return it."""
    if info.parser is not None:
        raise _Unhandled
    if annotation is str:
        if isinstance(value, str):
            return value
        raise _Unhandled
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        try:
            return coerce_cli_choice(value, choices=list(annotation),
                                     case_sensitive=info.case_sensitive, ctx=ctx)
        except ValueError:
            raise _Unhandled from None
    number = _NUMBERS.get(annotation) if annotation in (int, float) else None
    if number is not None and not info.clamp:
        if type(value) is annotation:
            return _in_bounds(value, info)
        if isinstance(value, str) and number.fullmatch(value):
            return _in_bounds(annotation(value), info)
        raise _Unhandled
    if annotation is bool and type(value) is bool:
        return value
    if routes_to_path(annotation, info) and annotation is Path and info.path_type is None:
        # typer converts text to a Path with pydantic first; Path(text) is the same for
        # any non-empty text, and the existence checks stay typer's own
        # (a refused path goes to typer too, so its message names the text as typed)
        if isinstance(value, str) and value:
            value = Path(value)
        if isinstance(value, Path):
            try:
                return coerce_cli_path(value, info, path_type=Path, param=param, ctx=ctx)
            except BadParameter:
                raise _Unhandled from None
    raise _Unhandled


@dataclass(frozen=True)
class FastRuntimeParam(RuntimeParam):
    """typer's runtime conversion of one parameter, without pydantic for plain values."""

    descriptor: TypeDescriptor
    built: list[RuntimeParam] = field(default_factory=list)

    def _coerce_value(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
        try:
            return self._fast(value, param, ctx)
        except _Unhandled:
            return self.typer_converter()._coerce_value(value, param=param, ctx=ctx)

    def _fast(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
        annotation, info = self.annotation, self.parameter_info
        origin: Any = get_origin(annotation)
        if origin is list:
            (item,) = get_args(annotation)
            items = value if isinstance(value, list | tuple) else [value]
            return [_leaf(v, item, info, param, ctx) for v in items]
        return _leaf(value, annotation, info, param, ctx)

    def typer_converter(self) -> RuntimeParam:
        """typer's own converter for this parameter (pydantic), built on first need."""
        if not self.built:
            self.built.append(build_runtime_param(self.descriptor))
        return self.built[0]


def install(params: Iterable[Parameter]) -> None:
    """Give each typer parameter the fast converter (before it parses a value).

    Parameters typer has already given a converter, and click's own, are left alone.
    """
    for param in params:
        if isinstance(param, _TyperParameter) and param._runtime_param is None:
            descriptor = param.type_descriptor
            param._runtime_param = FastRuntimeParam(
                parameter_info=descriptor.parameter_info, annotation=descriptor.annotation,
                descriptor=descriptor)


class FastCommand(TyperCommand):
    """A typer command whose parameters (its help option too) use the fast converter."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        install(self.get_params(ctx))
        return super().parse_args(ctx, args)
