"""The console script, run as a user runs it."""

import json
import socket
import subprocess
import sys

import pytest

COMMANDS = ["serve", "regions", "where", "build-atlas", "export"]


def run(*args, check=True):
    result = subprocess.run(
        [sys.executable, "-m", "dashboard.cli", *args], capture_output=True, text=True, timeout=300
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_command_has_help(command):
    result = run(*([command] if command else []), "--help")
    assert "Usage:" in result.stdout


def test_serve_defaults_are_safe():
    text = run("serve", "--help").stdout
    assert "127.0.0.1" in text and "8050" in text and "--debug" in text


def test_regions_json_has_every_field(store, content):
    rows = json.loads(run("regions", "--json").stdout)
    fields = {"id", "hemisphere", "name_en", "atlas", "atlas_label", "voxels", "volume_mm3", "centroid_mni", "vertices", "faces"}
    assert all(set(row) == fields for row in rows)
    assert {(row["id"], row["hemisphere"]) for row in rows} == {
        (spec.region_id, spec.hemisphere) for spec in content.structure_specs()
    }
    assert all(row["hemisphere"] in {"left", "right", "midline"} and len(row["centroid_mni"]) == 3 for row in rows)


def test_regions_table_lists_every_region(content):
    text = run("regions").stdout
    for region in content.regions:
        assert region.id in text


def test_where_with_negative_coordinates(store):
    payload = json.loads(run("where", "-23", "-5", "-18", "--json").stdout)
    assert "amygdala:left" in payload["structures"]
    assert payload["aal3"] == "Amygdala_L"
    assert payload["harvard_oxford"][0]["label"] == "Left_Amygdala"
    text = run("where", "-23", "-5", "-18").stdout
    assert "Left_Amygdala" in text and "amygdala:left" in text


def test_where_outside_the_atlas_is_a_clear_answer(store):
    result = run("where", "300", "0", "0")
    assert "outside" in result.stdout and "Traceback" not in result.stderr


def test_where_rejects_a_non_number():
    result = run("where", "left", "0", "0", check=False)
    assert result.returncode == 2 and "is not a valid float" in result.stderr and "Traceback" not in result.stderr


def test_build_atlas_says_where_the_cache_is(store):
    result = run("build-atlas")
    assert str(store.directory) in result.stdout


def test_serve_on_a_busy_port_is_one_clear_line(store):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("serve", "--port", str(port), check=False)
    assert result.returncode == 1
    assert f"port {port} on 127.0.0.1 is already in use" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_builds_the_app_without_the_optional_imports_it_never_uses(store):
    # What `serve` does before it builds the app, in a fresh process: Dash and pandera
    # import IPython and hypothesis (here installed, 0.2-0.5 s each) only when they can.
    code = (
        "import sys; from dashboard import cli; cli._skip_unused_optional_imports(); "
        "from dashboard.app import create_app; app = create_app(); "
        "assert app.server.test_client().get('/_dash-layout').status_code == 200; "
        "print([name for name in cli.UNUSED_OPTIONAL_IMPORTS if sys.modules[name] is not None])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    # and without the skip, this environment would have imported hypothesis
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from dashboard.content import load_content; load_content(); print('hypothesis' in sys.modules)"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.stdout.strip() == "True", result.stderr


def test_export_writes_the_figure_it_is_asked_for(tmp_path, store):
    out = tmp_path / "figure.png"
    result = run("export", "--view", "circuit", "--scenario", "ptsd", "--region", "amygdala", "--lang", "zh",
                 "--width", "800", "--height", "600", "--scale", "2", "--out", str(out))
    assert "wrote" in result.stdout
    from PIL import Image

    assert Image.open(out).size == (1600, 1200)
    html = tmp_path / "brain.html"
    run("export", "--view", "brain3d", "--scenario", "mdma-acute", "--out", str(html))
    assert html.read_text().lower().startswith("<!doctype html>") and "plotly" in html.read_text()[:20000].lower()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--view", "circuit", "--scenario", "ecstasy"], "unknown scenario 'ecstasy'; choose one of: baseline, ptsd"),
        (["--view", "slices", "--region", "thalamus"], "unknown region 'thalamus'; choose one of: amygdala"),
        (["--view", "compare"], "--view compare needs --compare ID"),
        (["--view", "circuit", "--format", "tiff"], "'tiff' is not one of 'png', 'svg', 'pdf', 'html'"),
        (["--view", "sideways"], "'sideways' is not one of 'brain3d', 'compare'"),
    ],
)
def test_export_rejects_bad_input_with_the_valid_values(tmp_path, args, message):
    result = run("export", *args, "--out", str(tmp_path / "x.png"), check=False)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
