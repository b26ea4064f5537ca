"""Browser tests: the real app under uvicorn on a free port, Debian's Chromium driven by Playwright.

No browser is downloaded: `make tools` installs the `chromium` package. Every request to another host is
aborted and recorded, as is every failed request, every error response and every console error.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, Request, Route, sync_playwright

from api.app import create_app
from core.settings import Settings
from domain.access import Role
from graph.embedded import free_port
from graph.port import GraphPort
from tests.integration.api_helpers import GMP, JUSTIFICATION, token_for
from tests.integration.test_graphql_reads import case_of
from tests.integration.test_workbench import workbench_data

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture(scope="session")
def server(neo4j_settings: Settings) -> Iterator[str]:
    """The real application served by uvicorn in a thread; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(create_app(neo4j_settings), host="127.0.0.1", port=port, log_level="warning",
                            lifespan="on")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, name="workbench-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the workbench server did not start within 30 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=15)


@pytest.fixture(scope="module")
def seeded(session_port: GraphPort, neo4j_settings: Settings) -> Iterator[dict[str, str]]:
    """The workbench test data and tokens, built once for a module of browser tests."""
    session_port.write_autocommit("testing/delete_data")
    workbench_data(session_port)
    yield {
        "hub": token_for(session_port, neo4j_settings, Role.HUB_OFFICER),
        "gmp": token_for(session_port, neo4j_settings, Role.FORCE_OFFICER, force=GMP),
        "case": case_of(session_port, "D1"),
    }
    session_port.write_autocommit("testing/delete_data")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make tools` (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield launched
        launched.close()


@dataclass
class Watch:
    """What went wrong while a page loaded: blocked or failed requests, error responses, console errors."""

    failures: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)

    def clear(self) -> None:
        self.failures.clear()
        self.console.clear()

    def assert_clean(self, where: str) -> None:
        assert not self.failures, f"{where}: failed requests {self.failures}"
        assert not self.console, f"{where}: console errors {self.console}"


@pytest.fixture
def watched(browser: Browser, server: str) -> Iterator[tuple[Page, Watch]]:
    """A fresh browser context at laptop size, every other host blocked, everything that fails recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=server)
    page = context.new_page()
    watch = Watch()
    here = urlsplit(server).netloc

    def only_this_server(route: Route, request: Request) -> None:
        if urlsplit(request.url).netloc != here and not request.url.startswith(("data:", "blob:", "about:")):
            watch.failures.append(f"blocked request to another host: {request.url}")
            route.abort()
        else:
            route.continue_()

    page.route("**/*", only_this_server)
    def failed(request: Request) -> None:
        # Leaving a page cancels what it was still fetching (a favicon, say): Chromium reports that as
        # ERR_ABORTED. A request to this server cancelled so is not a failure; one to another host was
        # recorded above when it was blocked.
        if request.failure == "net::ERR_ABORTED" and urlsplit(request.url).netloc == here:
            return
        watch.failures.append(f"{request.url}: {request.failure}")

    page.on("requestfailed", failed)
    page.on("response", lambda response: response.status >= 400
            and watch.failures.append(f"{response.url}: HTTP {response.status}"))
    page.on("console", lambda message: message.type == "error" and watch.console.append(message.text))
    page.on("pageerror", lambda error: watch.console.append(str(error)))
    yield page, watch
    context.close()


def sign_in(page: Page, token: str, purpose: str = JUSTIFICATION) -> None:
    """Sign in through the sign-in form, as a person would, and land on the case queue."""
    page.goto("/workbench/cases")
    page.get_by_label("Access token or API key").fill(token)
    page.get_by_label("Purpose of this session").fill(purpose)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/workbench/cases")
