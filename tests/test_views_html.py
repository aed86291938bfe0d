"""The HTML export opened in headless Chromium (Debian's chromium, driven by Playwright).

Checks what a person does with the page: nodes are drawn (in their type's colour), the
search box finds a node, a click on a node lists its facts with evidence sentences and
articles, and the page asks nothing of the network.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from external import require

from kg.formats import GraphFormat
from kg.store import KgStore, import_rdf
from kg.views import export
from kg.views.project import project
from kg.views.style import colour, rgb

MINI = Path(__file__).parent / "data" / "mini.trig"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> KgStore:
    path = tmp_path_factory.mktemp("kg") / "store"
    with KgStore.open(path, read_only=False) as st:
        import_rdf(st, MINI)
    return KgStore.open(path, read_only=True)


@pytest.fixture(scope="module")
def page_file(store: KgStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    buf = io.BytesIO()
    export(store, GraphFormat.html, buf)
    out = tmp_path_factory.mktemp("html") / "graph.html"
    out.write_bytes(buf.getvalue())
    return out


@pytest.fixture(scope="module")
def browser_page(page_file: Path) -> Iterator[tuple[Any, list[str]]]:
    chromium = require("chromium", "chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(page_file.as_uri())
        page.wait_for_function("window.cy && window.cy.nodes().length > 0")
        yield page, requests
        browser.close()


def test_nodes_are_drawn_in_their_type_colour(browser_page: tuple[Any, list[str]],
                                              store: KgStore) -> None:
    page, _ = browser_page
    oracle: nx.MultiDiGraph = project(store.quads())
    assert page.evaluate("cy.nodes().length") == oracle.number_of_nodes()
    assert page.evaluate("cy.edges().length") == oracle.number_of_edges()
    # Read the canvas pixel under the Summit Hospital node: it is painted, in green.
    pixel = page.evaluate("""() => {
        const n = cy.getElementById('https://w3id.org/kg-health/id/hospital/summit-hospital');
        const p = n.renderedPosition(), r = window.devicePixelRatio || 1;
        for (const c of document.querySelectorAll('#cy canvas')) {
            const d = c.getContext('2d').getImageData(Math.round(p.x * r), Math.round(p.y * r), 1, 1).data;
            if (d[3] > 0) { return Array.from(d); }
        }
        return null; }""")
    assert pixel is not None, "nothing drawn under the node"
    want = rgb(colour("Hospital"))
    assert all(abs(a - b) <= 12 for a, b in zip(pixel[:3], want, strict=True)), pixel
    legend = page.inner_text("#legend")
    assert "Hospital (2)" in legend and "Agreement" in legend


def test_search_finds_nodes_by_name_or_alias(browser_page: tuple[Any, list[str]],
                                             store: KgStore) -> None:
    page, _ = browser_page
    oracle = project(store.quads())
    want = sorted(d["label"] for _, d in oracle.nodes(data=True)
                  if any("acme" in s.lower() for s in [d["label"], *d["aliases"]]))
    page.fill("#search", "acme")
    assert sorted(page.evaluate("cy.nodes('.hit').map(n => n.data('label'))")) == want
    assert "Acme Devices (Company)" in page.locator("#hits li").all_inner_texts()
    assert len(want) > 1
    page.fill("#search", "HME 2022")  # an alias, one hit: focused and shown
    assert page.inner_text("#details h2") == "Harbor Medical Expo 2022"
    page.fill("#search", "")
    assert page.evaluate("cy.nodes('.hit').length") == 0


def test_clicking_a_node_shows_its_facts_with_evidence(browser_page: tuple[Any, list[str]]) -> None:
    page, _ = browser_page
    # An earlier search may still be panning the view: read the node's place once it stands still.
    page.wait_for_function("!cy.animated()")
    box = page.locator("#cy").bounding_box()
    pos = page.evaluate("""() => cy.getElementById(
        'https://w3id.org/kg-health/id/event/digital-care-pavilion').renderedPosition()""")
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    # The panel may already show another node: wait for this one's heading, not for any heading.
    page.wait_for_function(
        "(document.querySelector('#details h2') || {}).textContent === 'Digital Care Pavilion'")
    facts = page.inner_text("#facts")
    assert "exhibitor Acme Devices" in facts
    assert "[a1_expo.txt]" in facts  # the article of the evidence sentence
    assert page.locator("#facts .ev").count() >= 3


def test_the_page_needs_no_network(browser_page: tuple[Any, list[str]]) -> None:
    _, requests = browser_page
    assert requests and all(u.startswith(("file:", "data:", "about:")) for u in requests), requests


# A point of the canvas no node covers (after a zoom a node may have come under a corner, and a
# drag that starts on a node moves the node, not the view): [x, y] relative to the canvas.
_FREE_POINT = """() => {
  const w = cy.width(), h = cy.height();
  for (const [px, py] of [[15, h - 15], [w - 15, h - 15], [15, 15], [w - 15, 15], [w / 2, h - 15]]) {
    const hit = cy.nodes().some(n => { const b = n.renderedBoundingBox();
      return px >= b.x1 - 12 && px <= b.x2 + 12 && py >= b.y1 - 12 && py <= b.y2 + 12; });
    if (!hit) return [px, py, w, h];
  }
  return null;
}"""


def test_the_wheel_zooms_and_a_drag_pans(browser_page: tuple[Any, list[str]]) -> None:
    page, _ = browser_page
    box = page.locator("#cy").bounding_box()
    x, y = box["x"] + 15, box["y"] + box["height"] - 15  # a corner with no node under it
    zoom = page.evaluate("cy.zoom()")
    page.mouse.move(x, y)
    page.mouse.wheel(0, -400)
    page.wait_for_function(f"cy.zoom() > {zoom}")
    page.wait_for_timeout(300)  # the wheel's zoom settles before the drag
    free = page.evaluate(_FREE_POINT)
    assert free is not None, "every corner of the canvas is under a node"
    px, py, w, h = free
    dx, dy = (80 if px < w / 2 else -80), (-60 if py > h / 2 else 60)  # towards the middle
    x, y = box["x"] + px, box["y"] + py
    pan = page.evaluate("cy.pan()")
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx, y + dy, steps=5)
    page.mouse.up()
    moved = page.evaluate("cy.pan()")
    assert (round(moved["x"] - pan["x"]), round(moved["y"] - pan["y"])) == (dx, dy)
