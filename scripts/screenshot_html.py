"""Take a screenshot of an HTML export in headless Chromium (for docs/).

Why a script: the README's picture of the seed graph must be reproducible. It opens the
page with Debian's Chromium through Playwright (never a downloaded browser), waits for the
layout, optionally clicks a node by label so the details panel shows its facts, and saves
a PNG.

Usage: .venv/bin/python scripts/screenshot_html.py PAGE.html OUT.png [--click LABEL]
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("page", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--click", help="label of a node to click before the screenshot")
    ap.add_argument("--search", help="text to type in the search box")
    a = ap.parse_args()
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 860})
        page.goto(a.page.resolve().as_uri())
        page.wait_for_function("window.cy && window.cy.nodes().length > 0")
        if a.search:
            page.fill("#search", a.search)
        if a.click:
            box = page.locator("#cy").bounding_box()
            pos = page.evaluate(
                "l => cy.nodes().filter(n => n.data('label') === l)[0].renderedPosition()",
                a.click)
            page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
            page.wait_for_timeout(400)
        page.screenshot(path=str(a.out))
        browser.close()
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
