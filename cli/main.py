"""Entry point of ``kg``: runs the command line and maps errors to exit codes.

Command modules are imported by the group when their command runs (kg_cli.lazy), not here,
so a query does not pay for the ingestion, validation and export modules.

Exit codes: 0 ok; 1 an error of ours (one ``Error: ...`` line on stderr saying what to do);
2 a usage error (bad option, unknown question form); 3 the command ran and found problems in
the data (``kg validate``: does not conform; ``kg ingest``: some files failed). Each comes
from the error class's ``exit_code`` (kg.errors). Tracebacks only with ``--debug``.
"""

from __future__ import annotations

import sys

import typer

from kg.errors import KgError

from .app import app, state


def run(argv: list[str] | None = None) -> None:
    """Run the CLI; the console script ``kg`` calls this."""
    try:
        # Without standalone mode, click returns a command's ``typer.Exit(code)`` as the
        # return value instead of exiting: pass it on.
        code = app(args=argv, standalone_mode=False, prog_name="kg")
    except KgError as err:
        if state.debug:
            raise
        typer.echo(f"Error: {err}", err=True)
        sys.exit(err.exit_code)
    except typer.Abort:
        typer.echo("Aborted.", err=True)
        sys.exit(1)
    except typer.Exit as ex:
        sys.exit(ex.exit_code)
    except typer.TyperException as err:
        # typer vendors click (>= 0.29): its usage errors derive from TyperException; importing
        # the separate click package here would only cost start-up time
        show = getattr(err, "show", None)
        if callable(show):
            show()
        else:
            typer.echo(f"Error: {err}", err=True)
        sys.exit(int(getattr(err, "exit_code", 2)))
    except BrokenPipeError:
        sys.exit(0)
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    run()
