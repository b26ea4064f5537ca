"""Evidence packages in a real browser: open a case, generate its package, download the zip, check its manifest."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Page

from domain.evidence_bundle import verify
from tests.browser.conftest import Watch, sign_in

pytestmark = pytest.mark.browser


def test_a_force_officer_generates_and_downloads_a_case_package(watched: tuple[Page, Watch], seeded: dict[str, str],
                                                                tmp_path: Path) -> None:
    page, watch = watched
    sign_in(page, seeded["gmp"])
    page.goto(f"/workbench/cases/{quote(seeded['case'], safe='')}", wait_until="networkidle")
    page.get_by_role("link", name="Evidence packages").click()
    page.wait_for_url("**/workbench/packages/**")
    assert page.get_by_text("No package has been generated for this case yet.").is_visible()
    page.get_by_role("button", name="Generate package").click()
    status = page.get_by_role("status")
    status.wait_for()
    assert "Evidence package version 1 generated" in status.inner_text()
    with page.expect_download() as waiting:
        page.get_by_role("link", name="Bundle (zip)").first.click()
    download = waiting.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.suffix == ".zip" and "-v1" in saved.name
    result = verify(saved.read_bytes())
    assert result.intact and result.exhibits >= 1, result.problems
    shown_hash = page.locator("code.hash").first.inner_text()
    assert shown_hash == result.sha256, "the page shows the hash the downloaded manifest has"
    watch.assert_clean("evidence packages")
