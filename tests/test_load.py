"""Load: 50 concurrent clients against ``serve --workers 2`` on loopback.

Realistic callback sequences (a region selection, a scenario change, a tour
step) are recorded from Chromium, then replayed by 50 client threads for at
least 60 s and at least 10,000 callbacks (bounded at 240 s). Zero errors;
worker memory must not grow. The figures are printed (``pytest -s``) and
written to ``load-report.json`` in the test's temporary folder.
"""

import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from tests.conftest import free_port

pytestmark = pytest.mark.slow

CLIENTS = 50
MIN_SECONDS = 60
MIN_CALLBACKS = 10_000
MAX_SECONDS = 240
WARM_UP_CALLBACKS = 1_000
ALLOWED_GROWTH_MB = 40


def worker_rss_mb(master: int) -> float:
    """Resident memory of the gunicorn workers (the master's children), in MB."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    total = 0
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


@pytest.fixture(scope="module")
def production_server(store):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "dashboard.cli", "serve", "--workers", "2", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=os.environ.copy(),
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if requests.get(url + "/", timeout=2).status_code == 200:
                break
        except requests.ConnectionError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail(f"serve --workers 2 did not start: {process.stderr.read()}")
    yield url, process
    process.terminate()
    process.wait(timeout=20)


def record_sequences(browser, url) -> dict[str, list[str]]:
    """The callback request bodies of three user actions, as Chromium sends them."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    bodies: list[str] = []
    page.on("request", lambda r: bodies.append(r.post_data) if "_dash-update-component" in r.url else None)

    def settle():
        count, quiet = -1, 0
        while quiet < 8:
            page.wait_for_timeout(100)
            quiet = quiet + 1 if len(bodies) == count else 0
            count = len(bodies)

    page.goto(url + "/")
    page.wait_for_selector("#brain3d-graph .gl-container", state="attached", timeout=60_000)
    settle()
    sequences = {}
    for name, action in (
        ("select", lambda: page.locator(".region-item").nth(1).click()),
        ("scenario", lambda: (page.locator("#scenario-select").click(), page.get_by_text("PTSD", exact=True).click())),
        ("tour", lambda: page.get_by_role("button", name="▶ Guided tour").click()),
        ("tour-next", lambda: page.keyboard.press("ArrowRight")),
    ):
        bodies.clear()
        action()
        settle()
        assert bodies, name
        sequences[name] = list(bodies)
    page.close()
    return sequences


def test_fifty_clients_for_a_minute_without_errors_or_memory_growth(production_server, browser, tmp_path):
    url, process = production_server
    sequences = record_sequences(browser, url)
    latencies: list[float] = []
    errors: list[str] = []
    done = threading.Event()
    lock = threading.Lock()
    measured = {}

    def client(seed):
        rng = random.Random(seed)
        session = requests.Session()
        session.headers.update({"Content-Type": "application/json", "Accept-Encoding": "gzip"})
        while not done.is_set():
            for body in sequences[rng.choice(list(sequences))]:
                start = time.perf_counter()
                try:
                    response = session.post(url + "/_dash-update-component", data=body, timeout=60)
                    failed = None if response.status_code in (200, 204) else f"HTTP {response.status_code}"
                except requests.RequestException as error:
                    failed = repr(error)
                elapsed = (time.perf_counter() - start) * 1000
                with lock:
                    latencies.append(elapsed)
                    if failed:
                        errors.append(failed)
                    if len(latencies) == WARM_UP_CALLBACKS:
                        measured["rss_before_mb"] = worker_rss_mb(process.pid)

    threads = [threading.Thread(target=client, args=(seed,), daemon=True) for seed in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    while True:
        time.sleep(1)
        elapsed = time.perf_counter() - started
        if (elapsed >= MIN_SECONDS and len(latencies) >= MIN_CALLBACKS) or elapsed >= MAX_SECONDS:
            break
    done.set()
    for thread in threads:
        thread.join(timeout=90)
    duration = time.perf_counter() - started
    measured["rss_after_mb"] = worker_rss_mb(process.pid)
    ordered = sorted(latencies)
    report = {
        "clients": CLIENTS,
        "seconds": round(duration, 1),
        "callbacks": len(latencies),
        "callbacks_per_s": round(len(latencies) / duration, 1),
        "errors": len(errors),
        "p50_ms": round(statistics.median(ordered), 1),
        "p99_ms": round(ordered[int(len(ordered) * 0.99)], 1),
        **{key: round(value, 1) for key, value in measured.items()},
        "sequences": {name: len(bodies) for name, bodies in sequences.items()},
    }
    (tmp_path / "load-report.json").write_text(json.dumps(report, indent=2))
    print("\nload test:", json.dumps(report))
    assert errors == [], errors[:5]
    assert len(latencies) >= MIN_CALLBACKS, report
    assert measured["rss_after_mb"] - measured["rss_before_mb"] < ALLOWED_GROWTH_MB, report
