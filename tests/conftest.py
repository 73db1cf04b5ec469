"""Shared fixtures: the real atlases, the real app, a real browser, no network."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("BRAIN_CIRCUITS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--enable-unsafe-swiftshader",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
# Messages Chromium's software GL driver prints about itself, not about the page.
BROWSER_NOISE = ("GL Driver Message", "Canvas2D: Multiple readback operations", "GPU stall due to ReadPixels")

_LOOPBACK = ("127.", "::1", "localhost")
# 5xx responses of the live server; every browser test must end with none.
SERVER_ERRORS: list[str] = []


@pytest.fixture(scope="session", autouse=True)
def mesh_cache(tmp_path_factory) -> Path:
    """One mesh cache for the whole run, in a temporary folder, shared with subprocesses."""
    root = Path(os.environ.get("BRAIN_CIRCUITS_TEST_CACHE") or tmp_path_factory.mktemp("mesh-cache"))
    os.environ["BRAIN_CIRCUITS_CACHE"] = str(root)
    return root


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Fail any connection this process makes outside loopback: the app must work offline."""
    real_connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else str(address)
        if self.family in (socket.AF_INET, socket.AF_INET6) and not str(host).startswith(_LOOPBACK):
            raise AssertionError(f"network access attempted: {address}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(scope="session")
def content():
    from dashboard.content import load_content

    return load_content()


@pytest.fixture(scope="session")
def store(content, mesh_cache):
    from atlas.store import build_store

    return build_store(content.structure_specs(), root=mesh_cache)


@pytest.fixture(scope="session")
def resources(content, store):
    from dashboard.resources import Resources

    return Resources(content=content, store=store)


@pytest.fixture(scope="session")
def scene(resources):
    from dashboard.app import scene_data

    return scene_data(resources)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(resources):
    """The real Dash app served by werkzeug in a thread; yields its base URL."""
    from werkzeug.serving import make_server

    from dashboard.app import create_app

    app = create_app(resources)

    @app.server.after_request
    def record_server_errors(response):
        # a 400 on a callback means the page itself sent something the guard refuses: a bug too
        from flask import request

        if response.status_code >= 500 or (response.status_code == 400 and "_dash-update-component" in request.path):
            SERVER_ERRORS.append(f"{response.status_code} {response.get_data(as_text=True)[:500]}")
        return response

    server = make_server("127.0.0.1", free_port(), app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash tests/run`, which installs Debian's chromium")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class ConsoleLog(list):
    """Console messages of a page, minus the GL driver's notes about itself."""

    def problems(self) -> list[str]:
        return [f"{kind}: {text}" for kind, text in self if not any(noise in text for noise in BROWSER_NOISE)]


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.console_log = ConsoleLog()
    page.on("console", lambda message: page.console_log.append((message.type, message.text)))
    page.on("pageerror", lambda error: page.console_log.append(("pageerror", str(error))))
    SERVER_ERRORS.clear()
    yield page
    context.close()
    errors, SERVER_ERRORS[:] = list(SERVER_ERRORS), []
    assert errors == [], f"the server answered {len(errors)} request(s) with an error: {errors[0]}"
