"""The acceptance of the workbench in a real browser: pages load cleanly, the network draws, keys work."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import Frame, Page

from tests.browser.conftest import ARTIFACTS, Watch, sign_in
from tests.integration.test_graphql_reads import SHARED, SUBJECT

pytestmark = pytest.mark.browser

# How many distinct colours the canvas holds (a blank canvas has one); sampled, so it is quick.
CANVAS_COLOURS = """() => {
  const canvas = document.querySelector('canvas');
  if (!canvas || !canvas.width || !canvas.height) return 0;
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const seen = new Set();
  for (let i = 0; i < pixels.length && seen.size < 64; i += 4 * 5) {
    seen.add(`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]},${pixels[i + 3]}`);
  }
  return seen.size;
}"""


def _pages(case: str) -> list[str]:
    return ["/workbench/cases", "/workbench/cases?strand=religion&platform=x", f"/workbench/cases/{quote(case, safe='')}",
            f"/workbench/accounts/{quote(SHARED, safe='')}", "/workbench/accounts/x%3Adan_g",
            f"/workbench/people/{quote(SUBJECT, safe='')}", "/workbench/offenders", "/workbench/dashboard"]


def _canvas_drawn(frame: Frame | Page) -> int:
    """Wait for the network's canvas to hold a drawing; return the number of colours seen."""
    frame.wait_for_selector("canvas", state="attached", timeout=15_000)
    colours = 0
    for _ in range(50):
        colours = frame.evaluate(CANVAS_COLOURS)
        if colours > 1:
            break
        frame.wait_for_timeout(200)
    return colours


def test_every_page_loads_with_nothing_failing(watched: tuple[Page, Watch], seeded: dict[str, str]) -> None:
    page, watch = watched
    sign_in(page, seeded["hub"])
    watch.assert_clean("sign-in")
    for path in _pages(seeded["case"]):
        watch.clear()
        answer = page.goto(path, wait_until="networkidle")
        assert answer is not None and answer.status == 200, path
        assert page.locator("main h1").count() == 1, f"{path}: one main heading"
        watch.assert_clean(path)


def test_the_case_page_draws_its_network_and_is_captured(watched: tuple[Page, Watch],
                                                          seeded: dict[str, str]) -> None:
    page, watch = watched
    sign_in(page, seeded["hub"])
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(f"/workbench/cases/{quote(seeded['case'], safe='')}", wait_until="networkidle")
    assert page.get_by_role("button", name="Confirm").count() >= 1, "a hub officer may review duplicates"
    page.locator("iframe.network").scroll_into_view_if_needed()
    frame = page.frame(url=re.compile(r"/networks/case/"))
    assert frame is not None, "the case page embeds its network"
    assert _canvas_drawn(frame) > 1, "the network canvas is blank"
    watch.assert_clean("case page")
    page.screenshot(path=str(ARTIFACTS / "workbench-case.png"), full_page=True)

    watch.clear()
    page.goto(f"/networks/case/{quote(seeded['case'], safe='')}?depth=1", wait_until="networkidle")
    assert _canvas_drawn(page) > 1, "the network page's canvas is blank"
    watch.assert_clean("network page")
    page.screenshot(path=str(ARTIFACTS / "workbench-network.png"))

    watch.clear()
    page.goto("/workbench/dashboard", wait_until="networkidle")
    assert page.locator("svg.chart").count() == 6 and page.locator("svg.chart rect").count() > 0
    watch.assert_clean("dashboard")
    page.screenshot(path=str(ARTIFACTS / "workbench-dashboard.png"), full_page=True)
    assert all((ARTIFACTS / name).stat().st_size > 5000
               for name in ("workbench-case.png", "workbench-network.png", "workbench-dashboard.png"))


def test_the_skip_link_leads_the_keyboard_into_the_main_content(watched: tuple[Page, Watch],
                                                                seeded: dict[str, str]) -> None:
    page, watch = watched
    sign_in(page, seeded["gmp"])
    page.goto("/workbench/cases", wait_until="networkidle")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    assert page.evaluate("getComputedStyle(document.activeElement).left") == "0px", "the skip link shows when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null"), "the next stop is inside <main>"
    assert page.evaluate("document.activeElement.labels && document.activeElement.labels.length > 0"), \
        "the first control in the main content has a label"
    assert page.get_by_role("button", name="Confirm").count() == 0
    watch.assert_clean("keyboard")
