"""The searches behind ``kg path``: a bidirectional breadth-first search for one shortest path,
and a bounded depth-first listing of all simple paths. Kept apart from the results they feed.
"""

from __future__ import annotations

from kg.query.edges import Edge
from kg.query.walk import Walker


def _reverse(edge: Edge) -> Edge:
    flipped = {"out": "in", "in": "out"}.get(edge.direction, edge.direction)
    return Edge(edge.target, edge.relation, flipped, edge.source, edge.via, edge.predicate)


def shortest_path(walker: Walker, a: str, b: str, max_length: int) -> list[Edge] | None:
    """Bidirectional BFS: expand the smaller frontier one whole level at a time until they meet.

    A level is always finished before choosing where the two searches meet, and the meeting
    node with the least total distance wins, so the path is a shortest one.
    """
    if a == b:
        return []
    fwd: dict[str, Edge | None] = {a: None}  # node -> edge that reached it from a's side
    bwd: dict[str, Edge | None] = {b: None}  # node -> edge (towards b) that reached it
    f_dist, b_dist = {a: 0}, {b: 0}
    f_front, b_front = [a], [b]
    while f_front and b_front:
        forward = len(f_front) <= len(b_front)
        front, seen, dist = (f_front, fwd, f_dist) if forward else (b_front, bwd, b_dist)
        other_dist = b_dist if forward else f_dist
        nxt: list[str] = []
        meets: list[str] = []
        walker.expand(front)  # the whole frontier in one query
        for node in front:
            for edge in walker.edges(node, endpoint=b if forward else a):
                if edge.target in other_dist:
                    meets.append(edge.target)
                if edge.target in seen:
                    continue
                seen[edge.target] = edge
                dist[edge.target] = dist[node] + 1
                nxt.append(edge.target)
        if meets:
            meet = min(meets, key=lambda n: f_dist[n] + b_dist[n])
            if f_dist[meet] + b_dist[meet] > max_length:
                return None
            return _join(fwd, bwd, meet)
        if forward:
            f_front = nxt
        else:
            b_front = nxt
        if min(f_dist[n] for n in f_front or [a]) + min(b_dist[n] for n in b_front or [b]) + 1 \
                > max_length:
            return None
    return None


def _join(fwd: dict[str, Edge | None], bwd: dict[str, Edge | None], meet: str) -> list[Edge]:
    left: list[Edge] = []
    node = meet
    while (e := fwd[node]) is not None:
        left.append(e)
        node = e.source
    right: list[Edge] = []
    node = meet
    while (e := bwd[node]) is not None:
        right.append(_reverse(e))
        node = e.source
    return list(reversed(left)) + right


def _distances(walker: Walker, b: str, max_length: int, a: str) -> dict[str, int]:
    """Hop distances to ``b`` up to ``max_length``, breadth first, one query per level."""
    dist = {b: 0}
    level = [b]
    for d in range(max_length):
        walker.expand(level)
        nxt: list[str] = []
        for node in level:
            for edge in walker.edges(node, endpoint=a):
                if edge.target not in dist:
                    dist[edge.target] = d + 1
                    nxt.append(edge.target)
        level = nxt
    return dist


def all_simple_paths(
    walker: Walker, a: str, b: str, max_length: int, limit: int
) -> tuple[list[list[Edge]], bool]:
    """Simple paths up to ``max_length``, shortest first, at most ``limit`` (then truncated)."""
    dist = _distances(walker, b, max_length, a)
    if a not in dist:
        return [], False
    found: list[list[Edge]] = []
    for length in range(dist[a], max_length + 1):
        stack: list[tuple[str, list[Edge], frozenset[str]]] = [(a, [], frozenset({a}))]
        while stack:
            node, hops, visited = stack.pop()
            if node == b:
                if len(hops) == length:
                    found.append(hops)
                    if len(found) >= limit:
                        return found, True
                continue
            left = length - len(hops)
            for edge in reversed(walker.edges(node, endpoint=b)):
                t = edge.target
                if t in visited or edge.via in visited or dist.get(t, max_length + 1) > left - 1:
                    continue
                stack.append((t, [*hops, edge], visited | {t, edge.via or t}))
    return found, False
