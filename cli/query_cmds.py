"""Query commands: show, search, neighbors, path, ask, entities.

Each command opens the store read-only (never the write lock, so queries run beside an
ingest), resolves its entity arguments with :mod:`kg.lookup`, calls one :mod:`kg` function
and renders the result: rich tables and trees for people, JSON/CSV/TSV for scripts. The JSON
shapes are documented in docs/cli-json.md. Nothing here imports rdflib, networkx or spaCy.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kg.formats import RowFormat

from . import render
from .app import FormatOption, app, opened

if TYPE_CHECKING:
    from kg.query.cards import EntityCard
    from kg.query.neighbors import NeighborRow
    from kg.query.paths import Hop, PathResult


class DirectionChoice(StrEnum):
    """``--direction`` values (kg.query.edges.Direction, spelled for the command line)."""

    out = "out"
    in_ = "in"
    both = "both"


class AskFormat(StrEnum):
    """``kg ask`` prints a table or the JSON document of docs/cli-json.md."""

    table = "table"
    json = "json"


TypeOption = Annotated[
    list[str] | None,
    typer.Option("--type", "-t", help="Keep entities of this type (repeatable): Hospital, "
                 "Company, GovernmentBody, Organization, Person, Place, Venue, Event, ..."),
]
RelationOption = Annotated[
    list[str] | None,
    typer.Option("--relation", "-r", help="Follow only this relation (repeatable): host, "
                 "organizer, participant, exhibitor, party, signedAt, location, ...; on an "
                 "imported graph, a predicate by prefixed or local name (foaf:knows, worksAt)"),
]


def _ev_text(evidence: Sequence[Any]) -> str:
    return " | ".join(f"[{e.doc}] {e.sentence}" for e in evidence)


@app.command()
def show(
    entity: Annotated[str, typer.Argument(help="Name, alias or IRI of the entity.")],
    fmt: FormatOption = RowFormat.table,
) -> None:
    """Show an entity's card: names, types, every fact in and out with its evidence.

    Agreements list their parties by side, the event and date; events their dates, places
    and participants; people their posts.

    Example: kg show "Ruijin Hospital" --format json
    """
    from kg.lookup.resolution import resolve
    from kg.query.cards import show as show_card

    with opened() as store:
        card = show_card(store, resolve(store, entity))
    render.show(render.Output(
        ["direction", "relation", "value", "iri", "doc", "sentence"], _card_rows(card),
        document=card.as_json, draw=lambda: _print_card(card),
    ), fmt)


def _card_rows(card: EntityCard) -> Iterator[list[Any]]:
    for direction, facts in (("out", card.out), ("in", card.in_)):
        for relation, values in facts.items():
            for v in values:
                ev = v.evidence[0] if v.evidence else None
                yield [direction, relation, v.label, v.iri,
                       ev.doc if ev else None, ev.sentence if ev else None]
    for a in card.agreements:
        ev = a.evidence[0] if a.evidence else None
        yield ["agreement", a.kind, a.ref.label, a.ref.iri,
               ev.doc if ev else None, ev.sentence if ev else None]
    for p in card.posts:
        yield ["post", p.role, p.person.label, p.person.iri, None, None]


def _print_card(card: EntityCard) -> None:
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    console = render.stdout_console()
    e = card.entity
    console.print(Text(e.label, style="bold"), Text(f"({', '.join(e.types)})"))
    console.print(escape(f"IRI: {e.iri}"))
    if e.aliases:
        console.print(escape("Also known as: " + "; ".join(e.aliases)))
    if card.articles:
        console.print(escape("Articles: " + ", ".join(card.articles)))
    for title, facts, arrow in (("Facts", card.out, "->"), ("Facts about it", card.in_, "<-")):
        if not facts:
            continue
        table = Table(title=title, header_style="bold", title_justify="left")
        for col in ("relation", "value", "evidence"):
            table.add_column(col, overflow="fold")
        for relation, values in facts.items():
            for v in values:
                table.add_row(f"{arrow} {relation}", escape(v.label), escape(_ev_text(v.evidence)))
        console.print(table)
    if card.agreements:
        table = Table(title="Agreements", header_style="bold", title_justify="left")
        for col in ("agreement", "kind", "sides", "signed at", "date", "evidence"):
            table.add_column(col, overflow="fold")
        for a in card.agreements:
            sides = " | ".join(", ".join(m.label for m in side) for side in a.sides) or ", ".join(
                p.label for p in a.parties)
            cells = [a.ref.label, a.kind, sides, a.signed_at.label if a.signed_at else "",
                     a.signed_on or "", _ev_text(a.evidence)]
            table.add_row(*(escape(c) for c in cells))
        console.print(table)
    if card.posts:
        table = Table(title="Posts", header_style="bold", title_justify="left")
        for col in ("person", "role", "organization"):
            table.add_column(col)
        for p in card.posts:
            cells = [p.person.label, p.role, p.organization.label if p.organization else ""]
            table.add_row(*(escape(c) for c in cells))
        console.print(table)


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Part of a name or alias, typos allowed.")],
    types: TypeOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most results.")] = 20,
    fmt: FormatOption = RowFormat.table,
) -> None:
    """Find entities by name or alias, best match first, with their types.

    Example: kg search "ruijin" --type Hospital
    """
    from kg.lookup.searching import search as run_search
    from kg.terms import check_types

    wanted = check_types(types or [])
    with opened() as store:
        hits = run_search(store, text, types=wanted, limit=limit)
    render.show(render.Output(
        ["label", "types", "matched", "score", "iri"],
        ([h.entity.label, list(h.entity.types), h.matched, h.score, h.entity.iri]
         for h in hits),
        document=lambda: [
            {"label": h.entity.label, "iri": h.entity.iri, "types": list(h.entity.types),
             "matched": h.matched, "score": h.score} for h in hits
        ],
        empty=f"no entity name is like {text!r}",
    ), fmt)


@app.command()
def neighbors(
    entity: Annotated[str, typer.Argument(help="Name, alias or IRI of the entity.")],
    depth: Annotated[int, typer.Option("--depth", "-d", min=1, help="Hops to walk.")] = 1,
    relations: RelationOption = None,
    types: TypeOption = None,
    direction: Annotated[
        DirectionChoice, typer.Option("--direction", help="Edges out of, into, or both.")
    ] = DirectionChoice.both,
    evidence: Annotated[
        bool, typer.Option("--evidence/--no-evidence", help="Look up evidence sentences.")
    ] = True,
    fmt: FormatOption = RowFormat.table,
) -> None:
    """List an entity's neighbours: a tree for people, rows for scripts.

    An agreement between two parties is one hop, shown as the `via` node, so "who signed
    with X" is `kg neighbors X --relation party`.

    Example: kg neighbors "Ruijin Hospital" --relation party --format json
    """
    from kg.lookup.resolution import resolve
    from kg.query.edges import Direction
    from kg.query.neighbors import neighbors as run_neighbors
    from kg.terms import check_types

    wanted = check_types(types or [])
    with opened() as store:
        start = resolve(store, entity)
        rows = run_neighbors(
            store, start, depth=depth, relations=relations or [], types=wanted,
            direction=Direction(direction.value), evidence=evidence,
        )
    render.show(render.Output(
        ["depth", "from", "relation", "direction", "node", "types", "via", "iri", "doc",
         "sentence"],
        ([r.depth, r.parent.label, r.relation, r.direction, r.node.label,
          list(r.node.types), r.via.label if r.via else None, r.node.iri,
          r.evidence[0].doc if r.evidence else None,
          r.evidence[0].sentence if r.evidence else None] for r in rows),
        document=lambda: [r.as_json() for r in rows],
        draw=lambda: _print_tree(start.label, start.type, rows, evidence),
    ), fmt)


def _edge_label(relation: str, direction: str, via: str | None) -> str:
    if via:
        return f"[{relation}] via {via}"
    return f"-[{relation}]->" if direction == "out" else f"<-[{relation}]-"


def _print_tree(label: str, kind: str, rows: Sequence[NeighborRow], evidence: bool) -> None:
    from rich.markup import escape
    from rich.tree import Tree

    tree = Tree(f"[bold]{escape(label)}[/bold] ({escape(kind)})")
    branches: dict[tuple[int, str], list[Tree]] = {}
    for row in rows:
        parents = [tree] if row.depth == 1 else branches.get((row.depth - 1, row.parent.iri), [])
        for parent in parents:
            edge = _edge_label(row.relation, row.direction, row.via.label if row.via else None)
            text = (f"{escape(edge)} [bold]{escape(row.node.label)}[/bold] "
                    f"({escape(row.node.type)})")
            node = parent.add(text)
            if evidence and row.evidence:
                node.add(f"[dim]{escape(_ev_text(row.evidence[:1]))}[/dim]")
            branches.setdefault((row.depth, row.node.iri), []).append(node)
    if not rows:
        render.note(f"{label} has no neighbours with these filters")
    render.stdout_console().print(tree)


@app.command()
def path(
    source: Annotated[str, typer.Argument(help="Entity the path starts from.")],
    target: Annotated[str, typer.Argument(help="Entity the path ends at.")],
    max_length: Annotated[
        int, typer.Option("--max-length", "-k", min=1, help="Longest path, in hops.")
    ] = 4,
    all_paths: Annotated[
        bool, typer.Option("--all", help="Every simple path up to --max-length, not one.")
    ] = False,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Most paths with --all.")] = 20,
    relations: RelationOption = None,
    fmt: FormatOption = RowFormat.table,
) -> None:
    """Show how two entities are connected: the shortest path, or all paths with --all.

    Each hop prints as `A -[relation]-> X <-[relation]- B` with its evidence sentence.
    No path within --max-length is an answer (exit 0), not an error.

    Example: kg path "Ruijin Hospital" "Jiading District" --max-length 3
    """
    from kg.lookup.resolution import resolve
    from kg.query.paths import path as run_path

    with opened() as store:
        a, b = resolve(store, source), resolve(store, target)
        result = run_path(store, a, b, max_length=max_length, all_paths=all_paths,
                          limit=limit, relations=relations or [])
    render.show(render.Output(
        ["path", "hop", "from", "relation", "direction", "via", "to", "doc", "sentence"],
        _path_rows(result.paths), document=result.as_json,
        draw=lambda: _print_paths(result, limit),
    ), fmt)


def _print_paths(result: PathResult, limit: int) -> None:
    from kg.query.paths import path_text

    if not result.paths:
        print(f"No path between {result.start.label} and {result.end.label} "
              f"within {result.max_length} hops.")
        return
    for i, hops in enumerate(result.paths, 1):
        prefix = f"{i}. " if len(result.paths) > 1 else ""
        print(f"{prefix}{path_text(hops)}")
        for hop in hops:
            ev = hop.evidence[0] if hop.evidence else None
            where = f"[{ev.doc}] {ev.sentence}" if ev else "(no evidence recorded)"
            print(f"    {hop.source.label} {hop.arrow()} {hop.target.label}: {where}")
    if result.truncated:
        render.note(f"stopped after {limit} paths; raise --limit or lower --max-length")


def _path_rows(paths: Sequence[Sequence[Hop]]) -> Iterator[list[Any]]:
    for i, hops in enumerate(paths, 1):
        for j, hop in enumerate(hops, 1):
            ev = hop.evidence[0] if hop.evidence else None
            yield [i, j, hop.source.label, hop.relation, hop.direction,
                   hop.via.label if hop.via else None, hop.target.label,
                   ev.doc if ev else None, ev.sentence if ev else None]


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question in English, in quotes.")],
    fmt: Annotated[
        AskFormat, typer.Option("--format", "-f", help="table for people, json for scripts.")
    ] = AskFormat.table,
    evidence: Annotated[
        bool, typer.Option("--evidence", help="Show the sentence behind each answer.")
    ] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show the form read, the words it bound, the "
                           "entities resolved (and how) and the graph query asked.")
    ] = False,
) -> None:
    """Answer a question from the graph.

    Forms it reads: who signed (a KIND) with X; who signed AGREEMENT; when / where was
    AGREEMENT signed; who signed agreements at EVENT; who hosted / co-hosted / sponsored /
    organized / undertook / presided over X; who attended / exhibited at / spoke at X; which
    hospitals / companies took part in X; where and when was X held; when did X start / end;
    where is X located; which events did X host / attend / sign at; who is the ROLE of X
    (exact post: "president" is not "vice president"); what is PERSON's post; what is the
    theme of X; which series is X an edition of; what are the editions of X; which fair
    includes X; what themed exhibitions did X feature; which country is X from; which
    ministry is X under; how is X connected to Y. X may be a description: "the signing
    ceremony between A and B", "the opening of X", "the 6th X 2022". JSON always carries the
    evidence; --explain adds "explain".

    Example: kg ask "who signed with Ruijin Hospital" --format json --explain
    """
    from kg.ask import ask as run_ask

    with opened() as store:
        result = run_ask(store, question)
    if fmt is AskFormat.json:
        render.render_json(result.as_json(explain=explain))
        return
    if explain and result.explanation is not None:
        for line in result.explanation.lines():
            print(line)
    if result.path is not None and result.path.paths:
        from kg.query.paths import path_text

        print(path_text(result.path.paths[0]))
    columns = ["answer", "iri"] + (["evidence"] if evidence else [])
    render.render_rows(
        columns,
        ([a.label, a.iri] + ([_ev_text(a.evidence)] if evidence else [])
         for a in result.answers),
        RowFormat.table,
        empty=f"no answer in the graph ({result.form} of "
              f"{result.entity.label if result.entity else '?'})",
    )


@app.command()
def entities(
    types: TypeOption = None,
    fmt: FormatOption = RowFormat.table,
) -> None:
    """List every entity with its types and number of facts.

    Example: kg entities --type Hospital --format csv
    """
    from kg.query.listing import entities as list_entities
    from kg.terms import check_types

    wanted = check_types(types or [])
    with opened() as store:
        rows = list_entities(store, types=wanted)
    render.show(render.Output(
        ["label", "types", "facts", "iri"],
        ([r.entity.label, list(r.entity.types), r.facts, r.entity.iri] for r in rows),
        document=lambda: [r.as_json() for r in rows], empty="no entities in the store",
    ), fmt)
