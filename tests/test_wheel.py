"""A wheel built from the checkout works in a fresh virtual environment outside it."""

import json
import os
import subprocess
import sys
import time
import urllib.request
import venv
import zipfile

import pytest

from tests.conftest import free_port

pytestmark = pytest.mark.slow

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(out), ROOT],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return next(out.glob("brain_circuits-*.whl"))


def test_wheel_ships_data_and_assets(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "dashboard/_data/regions.csv" in names
    assert "dashboard/_assets/style.css" in names
    assert "dashboard/_assets/glass-pick.js" in names
    assert "dashboard/i18n/strings.yaml" in names
    assert any(name.startswith("atlas/") for name in names)


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory):
    """A venv that sees the already-installed dependencies, with our wheel on top."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.create(env_dir, system_site_packages=True, with_pip=False)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return env_dir


def run_outside(installed, *args, **kwargs):
    # Run from a folder that is not the checkout, so nothing is found by accident.
    return subprocess.run(
        [str(installed / "bin" / "brain-circuits"), *args],
        cwd=installed,
        capture_output=True,
        text=True,
        timeout=300,
        **kwargs,
    )


def test_installed_package_reads_its_own_data(installed):
    probe = subprocess.run(
        [str(installed / "bin" / "python"), "-c", "import dashboard.paths as p; print(p.data_dir()); print(p.assets_dir())"],
        cwd=installed,
        capture_output=True,
        text=True,
        check=True,
    )
    data, assets = probe.stdout.split()
    assert data.startswith(str(installed)) and data.endswith("_data")
    assert assets.startswith(str(installed)) and assets.endswith("_assets")
    rows = json.loads(run_outside(installed, "regions", "--json").stdout)
    assert {row["id"] for row in rows} >= {"amygdala", "vta", "locus-coeruleus"}


def test_installed_package_serves_the_dashboard(installed, store):
    port = free_port()
    server = subprocess.Popen(
        [str(installed / "bin" / "brain-circuits"), "serve", "--port", str(port)],
        cwd=installed,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "server did not answer"
                time.sleep(0.5)
        assert "brain-circuits" in page and "glass-pick.js" in page
        css = urllib.request.urlopen(f"http://127.0.0.1:{port}/assets/style.css", timeout=5)
        assert css.status == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
