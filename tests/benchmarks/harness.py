"""The measurements. Each function returns plain figures; ``__main__`` prints them.

Everything runs on loopback: the dashboard is started with ``brain-circuits
serve`` in a subprocess, pages are loaded in Debian's Chromium, and nilearn's
``view_connectome`` page is served from a temporary folder.
"""

from __future__ import annotations

import gzip
import http.server
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import requests

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader"]
FIRST_3D_SCRIPT = Path(__file__).with_name("first_3d.js").read_text()
SERVE = [sys.executable, "-c", "from dashboard.cli import run; run()"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cold_build(cache: Path) -> float:
    """Seconds for ``brain-circuits build-atlas`` into an empty cache folder."""
    env = {**os.environ, "BRAIN_CIRCUITS_CACHE": str(cache)}
    start = time.perf_counter()
    subprocess.run([*SERVE, "build-atlas"], env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


@contextmanager
def dashboard_server(cache: Path):
    """Start ``brain-circuits serve``; yield (url, process, seconds to the first HTTP 200)."""
    port = free_port()
    env = {**os.environ, "BRAIN_CIRCUITS_CACHE": str(cache)}
    start = time.perf_counter()
    process = subprocess.Popen([*SERVE, "serve", "--port", str(port)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError("brain-circuits serve exited before answering")
            try:
                if requests.get(url + "/", timeout=1).status_code == 200:
                    break
            except requests.ConnectionError:
                time.sleep(0.02)
        yield url, process, time.perf_counter() - start
    finally:
        process.terminate()
        process.wait(timeout=10)


def rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def _launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def record_first_view(url: str) -> tuple[list[dict], list[dict]]:
    """Load the dashboard once; return what the browser fetched and the selection's callbacks.

    The selection is a click on the first entry of the region list; its
    callback requests are recorded so they can be replayed without a browser.
    """
    from playwright.sync_api import sync_playwright

    fetched, selection = [], []
    with sync_playwright() as playwright:
        browser = _launch(playwright)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("request", lambda request: fetched.append({"url": request.url, "method": request.method, "body": request.post_data}))
        page.goto(url + "/")
        page.wait_for_selector("#brain3d-graph .gl-container", state="attached", timeout=60_000)
        page.wait_for_function("() => document.getElementById('brain3d-caption').textContent.length > 0")
        _wait_until_quiet(page, fetched)
        first_view = list(fetched)
        fetched.clear()
        page.locator(".region-item").first.click()
        page.wait_for_function("() => location.search.includes('select=')")
        _wait_until_quiet(page, fetched)
        selection = [item for item in fetched if "_dash-update-component" in item["url"]]
        browser.close()
    return first_view, selection


def _wait_until_quiet(page, fetched: list, quiet_ms: int = 800) -> None:
    """Wait until no request has started for ``quiet_ms`` (the callback chain is over)."""
    seen, quiet_since = len(fetched), time.perf_counter()
    while (time.perf_counter() - quiet_since) * 1000 < quiet_ms:
        page.wait_for_timeout(50)
        if len(fetched) != seen:
            seen, quiet_since = len(fetched), time.perf_counter()


# What Chromium asks for. Flask-Compress answers static files (our assets)
# with zstd or brotli only, never gzip, so a gzip-only client gets them raw.
BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd"


def transfer(session: requests.Session, item: dict, accept: str = "gzip") -> tuple[int, int | None]:
    """(bytes as sent compressed, bytes decoded; None unless gzip) for one recorded request."""
    headers = {"Accept-Encoding": accept}
    if item["method"] == "POST":
        headers["Content-Type"] = "application/json"
        response = session.post(item["url"], data=item["body"], headers=headers, stream=True)
    else:
        response = session.get(item["url"], headers=headers, stream=True)
    raw = response.raw.read(decode_content=False)
    response.raise_for_status()
    encoded = len(raw)
    encoding = response.headers.get("Content-Encoding")
    decoded = len(gzip.decompress(raw)) if encoding == "gzip" else None if encoding else encoded
    return encoded, decoded


def page_bytes(url: str, first_view: list[dict]) -> dict:
    """Everything the first view downloads, compressed as served to Chromium, and the 3D figure alone."""
    session = requests.Session()
    total = sum(transfer(session, item, BROWSER_ACCEPT_ENCODING)[0] for item in first_view if item["url"].startswith(url))
    layout = session.get(url + "/_dash-layout").json()
    figure = json.dumps(_find_figure(layout, "brain3d-graph"), separators=(",", ":")).encode()
    return {
        "page_bytes_gzip": total,
        "figure_bytes": len(figure),
        "figure_bytes_gzip": len(gzip.compress(figure, 6)),
    }


def _find_figure(node, graph_id: str):
    if isinstance(node, dict):
        if node.get("props", {}).get("id") == graph_id:
            return node["props"]["figure"]
        for value in node.values():
            found = _find_figure(value, graph_id)
            if found is not None:
                return found
    elif isinstance(node, list):
        for value in node:
            found = _find_figure(value, graph_id)
            if found is not None:
                return found
    return None


def selection_timing(selection: list[dict], repeats: int) -> dict:
    """Replay the recorded selection callbacks ``repeats`` times, in order, as the browser sends them."""
    session = requests.Session()
    encoded = decoded = 0
    for item in selection:
        sent, body = transfer(session, item)
        encoded, decoded = encoded + sent, decoded + body
    chains = []
    for _ in range(repeats):
        start = time.perf_counter()
        for item in selection:
            transfer(session, item)
        chains.append((time.perf_counter() - start) * 1000)
    quantiles = statistics.quantiles(chains, n=100)
    return {
        "select_requests": len(selection),
        "select_bytes": decoded,
        "select_bytes_gzip": encoded,
        "select_ms_p50": statistics.median(chains),
        "select_ms_p95": quantiles[94],
    }


def first_3d_ms(urls: list[str], loads: int) -> list[list[float]]:
    """Milliseconds from navigation to the first drawn 3D scene, per URL.

    Each round loads every URL once, in turn (the order alternating between
    rounds), each in a fresh browser context: on a shared machine a busy
    moment then falls on all pages alike, not on whichever ran during it.
    """
    from playwright.sync_api import sync_playwright

    times: list[list[float]] = [[] for _ in urls]
    with sync_playwright() as playwright:
        browser = _launch(playwright)
        for round_number in range(loads):
            order = list(range(len(urls)))[:: 1 if round_number % 2 == 0 else -1]
            for index in order:
                context = browser.new_context(viewport={"width": 1400, "height": 900})
                page = context.new_page()
                page.add_init_script(FIRST_3D_SCRIPT)
                page.goto(urls[index])
                page.wait_for_function("() => window.firstDrawAt !== undefined", timeout=120_000)
                times[index].append(page.evaluate("() => window.firstDrawAt - performance.timeOrigin"))
                context.close()
        browser.close()
    return times


def nilearn_connectome_page(folder: Path, resources) -> Path:
    """nilearn's ``view_connectome`` for the dashboard's regions and pathways, as one HTML file."""
    import numpy as np
    from nilearn.plotting import view_connectome

    from dashboard.app import scene_data

    scene = scene_data(resources)
    regions = [region.id for region in resources.content.regions]
    coords = np.array([scene.region_anchor(region) for region in regions])
    adjacency = np.zeros((len(regions), len(regions)))
    for row in resources.content.tables["connections"].itertuples(index=False):
        i, j = regions.index(row.from_region), regions.index(row.to_region)
        adjacency[i, j] = adjacency[j, i] = 1.0
    view = view_connectome(adjacency, coords, edge_threshold=None, node_size=6, colorbar=False)
    path = folder / "connectome.html"
    view.save_as_html(str(path))
    return path


@contextmanager
def static_server(folder: Path):
    """Serve a folder on loopback (as nilearn's page would be opened from a web server)."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


def temporary_folder():
    return tempfile.TemporaryDirectory(prefix="brain-circuits-bench-")
