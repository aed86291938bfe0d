"""kg export and kg sparql --graph-format through the CLI: cut-downs, errors, output files.

Cut-downs are checked against the projection of the whole store (networkx as the oracle):
``--type`` keeps the nodes of the types and the edges between them, ``--relation`` the
edges of the relations and their ends, ``--around`` the nodes within ``--depth`` hops.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest
from conftest import Cli

from kg import vocab
from kg.views.project import hop_graph

MINI = Path(__file__).parent / "data" / "mini.trig"
SUMMIT = vocab.ID + "hospital/summit-hospital"


@pytest.fixture
def mini(cli: Cli) -> Cli:
    res = cli("import", str(MINI))
    assert res.exit_code == 0, res.stderr
    return cli


def _graph(cli: Cli, *args: str) -> nx.MultiDiGraph:
    res = cli("export", "--format", "d3", *args)
    assert res.exit_code == 0, res.stderr
    return nx.MultiDiGraph(nx.node_link_graph(json.loads(res.stdout), edges="links"))


def test_type_keeps_nodes_of_the_types_and_edges_between_them(mini: Cli) -> None:
    whole = _graph(mini)
    cut = _graph(mini, "--type", "hospital", "--type", "Company")
    keep = [n for n, d in whole.nodes(data=True) if {"Hospital", "Company"} & set(d["types"])]
    assert sorted(cut.nodes) == sorted(keep)
    assert sorted(cut.edges(keys=True)) == sorted(whole.subgraph(keep).edges(keys=True))


def test_relation_keeps_those_edges_and_their_ends(mini: Cli) -> None:
    whole = _graph(mini)
    cut = _graph(mini, "--relation", "party", "-r", "organizer")
    edges = [(u, v, k) for u, v, k in whole.edges(keys=True) if k in ("party", "organizer")]
    assert sorted(cut.edges(keys=True)) == sorted(edges)
    assert set(cut.nodes) == {n for u, v, _ in edges for n in (u, v)}


@pytest.mark.parametrize("depth", ["1", "2"])
def test_around_keeps_the_nodes_within_depth(mini: Cli, depth: str) -> None:
    whole = _graph(mini)
    cut = _graph(mini, "--around", "Summit Hospital", "--depth", depth)
    near = nx.single_source_dijkstra_path_length(hop_graph(whole), SUMMIT, cutoff=int(depth))
    assert set(cut.nodes) == set(near)
    assert sorted(cut.edges(keys=True)) == sorted(whole.subgraph(near).edges(keys=True))
    for n in cut.nodes:  # the nodes keep their attributes, edges their evidence
        assert cut.nodes[n]["label"] == whole.nodes[n]["label"]
    assert [d["evidence"] for *_, d in cut.edges(keys=True, data=True)] == [
        whole.edges[u, v, k]["evidence"] for u, v, k in cut.edges(keys=True)]


def test_construct_exports_the_query_graph(mini: Cli, tmp_path: Path) -> None:
    query = "CONSTRUCT { ?e kgo:location ?p } WHERE { ?e kgo:location ?p }"
    cut = _graph(mini, "--construct", query)
    whole = _graph(mini)
    assert sorted(cut.edges(keys=True)) == sorted(
        (u, v, k) for u, v, k in whole.edges(keys=True) if k == "location")
    (tmp_path / "q.rq").write_text(query)
    from_file = _graph(mini, "--construct", f"@{tmp_path / 'q.rq'}")
    assert sorted(from_file.edges(keys=True)) == sorted(cut.edges(keys=True))


def test_cut_downs_are_queries_in_the_store_not_a_full_dump(mini: Cli,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """An --around export never reads every quad nor calls the store's dump."""
    from kg.store import KgStore

    real = KgStore.quads
    calls: list[tuple[object, ...]] = []

    def spy(self: KgStore, *pattern: object, **named: object) -> object:
        calls.append((*pattern, *named.values()))
        return real(self, *pattern, **named)  # type: ignore[arg-type]

    def no_dump(*_: object, **__: object) -> None:
        raise AssertionError("a cut-down must not dump the store")

    monkeypatch.setattr(KgStore, "quads", spy)
    monkeypatch.setattr(KgStore, "dump", no_dump)
    monkeypatch.setattr(KgStore, "dump_dataset", no_dump)
    res = mini("export", "--format", "graphml", "--around", "Summit Hospital")
    assert res.exit_code == 0, res.stderr
    assert not [c for c in calls if all(t is None for t in c)]
    assert "Summit Hospital" in res.stdout
    whole = mini("export", "--format", "graphml")  # the spy does see a whole-store read
    assert whole.exit_code == 0 and [c for c in calls if all(t is None for t in c)]


def test_output_file_is_written_whole(mini: Cli, tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    res = mini("export", "--format", "html", "-o", str(out))
    assert res.exit_code == 0 and res.stdout == ""
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Summit Hospital" in page
    assert "http://" not in page.split("<script", 1)[0]  # no stylesheet or CDN link
    assert not list(tmp_path.glob(".g.html.*"))


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--around", "Nowhere Clinic"], 1, "Error: no entity named 'Nowhere Clinic'"),
    (["--construct", "CONSTRUCT { ?s ?p }"], 1, "Error: the SPARQL query does not parse"),
    (["--construct", "SELECT * { ?s ?p ?o }"], 2, "Error: --construct needs a CONSTRUCT"),
    (["--construct", "CONSTRUCT WHERE { ?s ?p ?o }", "--around", "Summit Hospital"], 2,
     "Error: --construct is a whole cut-down"),
    (["--type", "Spaceship"], 2, "Error: unknown type 'Spaceship'"),
    (["--relation", "likes"], 2, "Error: unknown relation likes"),
    (["--format", "graphml", "--render", "svg"], 2, "Error: --render draws Graphviz output"),
    (["--construct", "@/nonexistent/q.rq"], 1, "Error: cannot read the query file"),
    (["--depth", "2"], 2, "Error: --depth counts hops from --around ENTITY"),
])
def test_bad_input_is_one_error_line(mini: Cli, args: list[str], code: int, message: str) -> None:
    res = mini("export", *args)
    assert res.exit_code == code
    assert res.stderr.startswith(message), res.stderr
    assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr
    assert res.stdout == ""


def test_unknown_format_is_a_usage_error(mini: Cli) -> None:
    res = mini("export", "--format", "pdf")
    assert res.exit_code == 2
    assert "'pdf' is not one of" in res.stderr and "graphml" in res.stderr
    assert "Traceback" not in res.stderr


def test_render_without_graphviz_says_how_to_install_it(mini: Cli,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    res = mini("export", "--format", "dot", "--render", "png")
    assert res.exit_code == 1
    assert res.stderr.startswith("Error: --render needs Graphviz's dot program")
    assert "apt-get install graphviz" in res.stderr and len(res.stderr.splitlines()) == 1


def test_sparql_construct_uses_the_same_writers(mini: Cli) -> None:
    query = "CONSTRUCT { ?e kgo:organizer ?o } WHERE { ?e kgo:organizer ?o }"
    res = mini("sparql", query, "--graph-format", "graphml")
    assert res.exit_code == 0, res.stderr
    read = nx.read_graphml(io.BytesIO(res.stdout.encode("utf-8")), force_multigraph=True)
    assert read.number_of_edges() == len(_graph(mini, "--relation", "organizer").edges)
    assert {d["relation"] for *_, d in read.edges(data=True)} == {"organizer"}
    nt = mini("sparql", query, "--graph-format", "nt")
    assert nt.exit_code == 0 and len(nt.stdout.splitlines()) == read.number_of_edges()


def test_around_with_types_walks_only_through_those_types(mini: Cli) -> None:
    whole = _graph(mini)
    kinds = {"Company", "Agreement"}
    cut = _graph(mini, "--around", "Summit Hospital", "--depth", "2", "-t", "Company",
                 "-t", "Agreement")
    allowed = [n for n, d in whole.nodes(data=True) if kinds & set(d["types"])] + [SUMMIT]
    near = nx.single_source_dijkstra_path_length(hop_graph(whole.subgraph(allowed)), SUMMIT,
                                                 cutoff=2)
    assert set(cut.nodes) == set(near) and len(near) > 2
    assert {cut.nodes[n]["type"] for n in cut.nodes if n != SUMMIT} <= kinds


@pytest.mark.parametrize(("name", "first"), [
    ("g.graphml", b"<?xml"), ("g.html", b"<!DOCTYPE html>"), ("g.mmd", b"flowchart LR"),
    ("g.nt", b"<https://"), ("g.unknown", b"@prefix"),
])
def test_the_output_extension_picks_the_format(mini: Cli, tmp_path: Path, name: str,
                                               first: bytes) -> None:
    res = mini("export", "-o", str(tmp_path / name))
    assert res.exit_code == 0, res.stderr
    assert (tmp_path / name).read_bytes().startswith(first)
    explicit = mini("export", "-f", "d3", "-o", str(tmp_path / "x.graphml"))
    assert explicit.exit_code == 0 and (tmp_path / "x.graphml").read_bytes().startswith(b"{")
