"""Store commands: ingest, import, sparql, docs, remove, stats, migrate (export: export_cmds).

Each command parses its options, calls one :mod:`kg` function and renders the result with
:mod:`kg_cli.render`. Errors are raised as :mod:`kg.errors` classes and mapped to one
``Error:`` line by :mod:`kg_cli.main`; the one exception is ``ingest``, which reports every
bad file (one line each) and still keeps the good ones, then exits 3 (1 when every file
failed). Writers (ingest, import, remove) wait for another writer's lock up to ``--wait``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from kg import config
from kg.errors import InputError, PartialIngestError, UsageError
from kg.formats import GraphFormat, RdfFormat, RowFormat
from kg.records import IngestResult

from . import render
from .app import FormatOption, app, opened, state

_INGEST_COLUMNS = ["name", "status", "entities", "facts", "agreements", "message"]


# One --wait option for every command that writes: only one process can write a store.
WaitOption = Annotated[
    float,
    typer.Option("--wait", min=0, metavar="SECONDS",
                 help="If another kg process is writing the store, wait this long for it."),
]
DEFAULT_WAIT = 30.0
# Without a terminal for a bar, a line of progress every this many files (big folders only).
PROGRESS_EVERY = 500


def _waiting(message: str) -> None:
    render.note(f"Waiting: {message}")


def _ingest_row(r: IngestResult) -> list[object]:
    return [r.name, r.status, r.entities, r.facts, r.agreements, r.message]


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(help="Article files (.txt, .html), folders of them, or - for stdin.",
                       metavar="PATH..."),
    ],
    extractor: Annotated[
        str, typer.Option("--extractor", help="Registered extractor name.")
    ] = config.DEFAULT_EXTRACTOR,
    name: Annotated[
        str | None, typer.Option("--name", help="Article name for text read from stdin.")
    ] = None,
    fmt: FormatOption = RowFormat.table,
    wait: WaitOption = DEFAULT_WAIT,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, metavar="N",
                          help="Worker processes for the NLP (0: one per core); this "
                               "process still resolves and writes, in order.")
    ] = 1,
) -> None:
    """Read news articles and add what they say to the graph (one graph per article).

    PATH is a .txt or .html file, a folder (its .txt/.html files, recursively) or - for stdin.
    Unchanged articles (same sha256) are skipped; a changed one replaces its old graph in one
    transaction. A bad file gets one Error line and the others are still ingested; exit code
    3 when some files failed, 1 when all did. --jobs N reads the articles in N worker
    processes (each loads the model once) and writes the same store as --jobs 1.

    Example: kg ingest seeds/ --jobs 2 && kg ingest - --name note.txt < note.txt
    """
    from kg.ingest import expand_sources
    from kg.ingest import ingest as run_ingest

    if name is not None and "-" not in paths:
        raise UsageError("--name names text read from stdin; add - to the paths or drop --name")
    if name is not None and ("/" in name or not name.strip()):
        raise UsageError(f"--name {name!r} must be a plain file name such as note.txt")
    total = len(expand_sources(paths))
    show_bar = total > 3 and sys.stderr.isatty()

    def call(progress: Callable[[IngestResult], None] | None) -> list[IngestResult]:
        if state.endpoint:  # opening a server sends nothing: open it here to count requests
            with opened(read_only=False) as server:
                return run_ingest(paths, server, extractor=extractor, stdin_name=name or "stdin",
                                  reraise=state.debug, progress=progress, jobs=jobs)
        return run_ingest(paths, state.store, extractor=extractor, stdin_name=name or "stdin",
                          reraise=state.debug, wait=wait, on_wait=_waiting, progress=progress,
                          jobs=jobs)

    if show_bar:
        from rich.progress import Progress

        with Progress(console=render.stderr_console(), transient=True) as bar:
            task = bar.add_task("ingesting", total=total)
            results = call(lambda r: bar.update(task, advance=1, description=r.name))
    else:
        count = 0

        def lines(_: IngestResult) -> None:
            nonlocal count
            count += 1
            if count % PROGRESS_EVERY == 0:
                render.note(f"ingest: {count:,} of {total:,} files done")

        results = call(lines if total >= PROGRESS_EVERY * 2 else None)
    render.render_rows(_INGEST_COLUMNS, [_ingest_row(r) for r in results], fmt)
    for r in results:
        if r.status != "failed" and r.message:
            render.note(f"Warning: {r.message}")
    bad = [r for r in results if r.status == "failed"]
    for r in bad:
        render.error_line(r.message or f"{r.name}: failed")
    if bad and len(bad) == len(results):
        raise typer.Exit(1)
    if bad:
        raise PartialIngestError(
            f"{len(bad)} of {len(results)} files failed (listed above); the other "
            f"{len(results) - len(bad)} are in the store. Fix them and run the same "
            "`kg ingest` again: unchanged files are skipped"
        )


@app.command("import")
def import_(
    files: Annotated[list[Path], typer.Argument(help="RDF files to load.", metavar="FILE...")],
    rdf_format: Annotated[
        RdfFormat | None,
        typer.Option("--rdf-format", help="RDF format (default: from each file's extension)."),
    ] = None,
    fmt: FormatOption = RowFormat.table,
    wait: WaitOption = DEFAULT_WAIT,
) -> None:
    """Load RDF files (Turtle, N-Triples, N-Quads, TriG, JSON-LD) into the store.

    Triples outside a named graph go to the graph named after the file, so `kg remove
    FILE-NAME` undoes the import; every graph a file writes is replaced. A malformed file
    stops the command with the parser's line and leaves the store as it was.

    Example: kg import tests/data/mini.trig
    """
    from kg.store import import_rdf

    rows = []
    with opened(read_only=False, wait=wait, on_wait=_waiting) as store:
        for f in files:
            result = import_rdf(store, f, rdf_format)
            rows.append([result.path, result.format.value, len(result.graphs), result.quads])
    render.render_rows(["file", "format", "graphs", "quads"], rows, fmt)


@app.command()
def sparql(
    query: Annotated[str | None, typer.Argument(help="The SPARQL query text.")] = None,
    file: Annotated[
        Path | None, typer.Option("--file", help="Read the query from FILE (- for stdin).")
    ] = None,
    fmt: FormatOption = RowFormat.table,
    graph_format: Annotated[
        GraphFormat,
        typer.Option("--graph-format", help="Format of CONSTRUCT/DESCRIBE results: any of "
                     "`kg export --format` (RDF or a view such as graphml or html)."),
    ] = GraphFormat.ttl,
    allow_update: Annotated[
        bool, typer.Option("--allow-update", help="Allow INSERT/DELETE/... (changes the store).")
    ] = False,
    wait: WaitOption = DEFAULT_WAIT,
) -> None:
    """Run SPARQL over the union of all article graphs (kg prefixes predeclared).

    SELECT/ASK print a table, or SPARQL 1.1 JSON/CSV/TSV results; CONSTRUCT/DESCRIBE print
    RDF (--graph-format). Named graphs stay reachable with GRAPH. An update (INSERT, DELETE,
    DROP, ...; a request of several operations counts as one) is refused unless
    --allow-update; it then acts on the stored graphs, all operations in one transaction:
    write GRAPH ?g { ... } to reach articles.

    Example: kg sparql "SELECT ?e ?l WHERE { ?e a kgo:Hospital ; rdfs:label ?l }"
    """
    from kg.sparql import is_update, run_sparql, write_result

    if (query is None) == (file is None):
        raise UsageError("give the query as an argument or with --file, not both or neither")
    if file is not None:
        try:
            text = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise InputError(f"cannot read the query file {file}: {err}") from None
    else:
        text = query or ""
    writable = allow_update and is_update(text)
    with opened(read_only=not writable, wait=wait, on_wait=_waiting) as store:
        outcome = run_sparql(store, text, allow_update=allow_update)
        if outcome.result is None:
            render.note("Update done.")
            return
        if fmt is RowFormat.table and outcome.kind.value in ("select", "ask"):
            columns, rows = outcome.table()
            render.render_rows(columns, rows, fmt, empty="No results.")
            return
        if outcome.kind.value in ("construct", "describe"):
            from .export_cmds import write_construct

            write_construct(outcome, graph_format, render.binary_stdout())
            return
        write_result(outcome, fmt, render.binary_stdout())


@app.command()
def docs(fmt: FormatOption = RowFormat.table) -> None:
    """List the articles in the store with their counts of entities, facts and agreements.

    Example: kg docs --format json
    """
    from kg.store import articles

    with opened() as store:
        infos = articles(store)
    if fmt is RowFormat.table:
        render.render_rows(
            ["name", "title", "published", "entities", "facts", "agreements"],
            [[a.name, a.title, a.published, a.entities, a.facts, a.agreements] for a in infos],
            fmt, empty="The store holds no articles; run `kg ingest`.",
        )
        return
    columns = ["name", "iri", "sha256", "title", "published", "ingested_at",
               "entities", "facts", "agreements"]
    render.render_rows(columns, [[asdict(a)[c] for c in columns] for a in infos], fmt)


@app.command()
def remove(
    doc: Annotated[str, typer.Argument(help="Article file name, kgdoc:NAME or graph IRI.")],
    wait: WaitOption = DEFAULT_WAIT,
) -> None:
    """Remove an article's graph; what other articles also state stays.

    Example: kg remove 000_c032ba86166e02d5.txt
    """
    from kg.store import doc_name, remove_article, resolve_doc

    with opened(read_only=False, wait=wait, on_wait=_waiting) as store:
        iri = resolve_doc(store, doc)
        remove_article(store, iri)
    render.note(f"Removed {doc_name(iri)}.")


@app.command()
def stats(fmt: FormatOption = RowFormat.table) -> None:
    """Sizes of the graph: articles, triples, entities by class, facts by relation.

    Example: kg stats --format json
    """
    from kg.store import stats as store_stats

    with opened() as store:
        s = store_stats(store)
    if fmt is RowFormat.json:
        render.render_json(asdict(s))
        return
    rows: list[list[object]] = [
        ["total", "articles", s.articles], ["total", "quads", s.quads],
        ["total", "triples", s.triples], ["total", "entities", s.entities],
        ["total", "agreements", s.agreements],
    ]
    rows += [["class", k, v] for k, v in s.by_type.items()]
    rows += [["relation", k, v] for k, v in s.by_relation.items()]
    render.render_rows(["group", "name", "count"], rows, fmt)


@app.command()
def migrate(wait: WaitOption = DEFAULT_WAIT) -> None:
    """Convert the store to the layout this kg writes (after an upgrade says so).

    Each step is recorded as it finishes, so an interrupted migration resumes. Back the
    store folder up first.

    Example: kg --store ~/kg-store migrate
    """
    from kg.store import migrate as run_migrate

    if state.endpoint:
        raise UsageError("migrate converts a store folder's layout; a SPARQL server keeps its "
                         "own data: drop --endpoint / KG_ENDPOINT to migrate a folder")
    result = run_migrate(state.store, wait=wait, on_wait=_waiting)
    if result.steps:
        render.note(f"Migrated {result.path} from layout {result.from_layout} to "
                    f"{result.to_layout} ({', '.join(result.steps)}).")
    else:
        render.note(f"{result.path} is already at layout {result.to_layout}; nothing to do.")
