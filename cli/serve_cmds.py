"""``kg serve``: the store as a local SPARQL 1.1 Protocol endpoint (behaviour in kg.serve)."""

from __future__ import annotations

from typing import Annotated

import typer

from . import render
from .app import app, state
from .ingest_cmds import DEFAULT_WAIT, WaitOption


@app.command()
def serve(
    bind: Annotated[
        str, typer.Option("--bind", metavar="HOST:PORT",
                          help="Address to listen on (0.0.0.0:PORT exposes it to the network; "
                               "port 0 picks a free one).")
    ] = "127.0.0.1:7878",
    allow_update: Annotated[
        bool, typer.Option("--allow-update",
                           help="Accept SPARQL updates at /update (holds the write lock).")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Do not log each request on stderr.")
    ] = False,
    wait: WaitOption = DEFAULT_WAIT,
) -> None:
    """Serve the store as a SPARQL 1.1 endpoint at /query, for YASGUI and other clients.

    GET /query?query=... or POST /query (application/sparql-query or a form); the result
    format follows Accept (SPARQL JSON/XML/CSV/TSV, Turtle, N-Triples, N-Quads, RDF/XML,
    JSON-LD). Read-only, and queries see what `kg ingest` writes meanwhile, unless
    --allow-update: then POST /update runs updates and ingest waits. Ctrl-C stops it.

    Example: kg serve --bind 127.0.0.1:7878
    """
    from kg.errors import UsageError
    from kg.serve import make_server

    if state.endpoint:
        raise UsageError(f"kg serve serves a store folder; {state.endpoint} is already a SPARQL "
                         "endpoint: point clients at it, or drop --endpoint / KG_ENDPOINT")
    server = make_server(state.store, bind, allow_update=allow_update, wait=wait,
                         log=None if quiet else render.note)
    mode = "read-write: POST /update accepted" if allow_update else "read-only"
    render.note(f"Serving {server.endpoint.path} at {server.url} ({mode}); Ctrl-C stops.")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        render.note("Stopped.")
    finally:
        server.server_close()
        server.endpoint.close()
