"""What we ship in assets/vendor: the plotly.js bundle (the installed plotly's version, every trace type we draw) and the regenerator runtime."""

import json
import re

import pytest
from plotly.offline import get_plotlyjs_version

from dashboard.app import create_app, plotly_bundle, regenerator_runtime, scene_data, slice_data
from dashboard.export import VIEWS, ExportRequest, publication_figure
from dashboard.figures.brain3d import brain_figure
from dashboard.figures.slices import PLANES, slice_figure
from dashboard.paths import assets_dir
from dashboard.state import Selection, ViewState

BANNER = re.compile(r"^/\*! plotly\.js v(?P<version>[\w.-]+), custom bundle: (?P<traces>[\w, ]+) \|")


@pytest.fixture(scope="module")
def bundle():
    name = plotly_bundle()
    assert name is not None, (
        f"no assets/vendor bundle for plotly.js {get_plotlyjs_version()}: rebuild it (assets/vendor/plotly-bundle/README.md)"
    )
    banner = BANNER.match((assets_dir() / name).read_text(encoding="utf-8")[:300])
    assert banner, "the bundle has lost its banner"
    return name, banner["version"], {trace.strip() for trace in banner["traces"].split(",")}


def test_the_bundle_is_built_from_the_plotly_js_that_plotly_ships(bundle):
    _, version, _ = bundle
    assert version == get_plotlyjs_version()


def test_the_bundle_carries_build_js_patches(bundle):
    # The browser tests draw, hover, click, restyle and remove the meshes with these
    # patches in; here: the bundle is built from build.js as it stands, each patch in it.
    name, _, _ = bundle
    text = (assets_dir() / name).read_text(encoding="utf-8")
    build = (assets_dir() / "vendor" / "plotly-bundle" / "build.js").read_text(encoding="utf-8")
    patches = re.findall(r"^    name: '([\w-]+)',$", build, flags=re.MULTILINE)
    assert patches == [
        "lazy-mesh-shaders",
        "no-empty-axis-text",
        "trusted-shader-cache",
        "one-reflection-per-shader-pair",
        "no-error-at-load",
    ]
    assert f"patched: {', '.join(patches)} |" in text[:400]
    assert text.count('==="dispose")return function()') == 1  # lazy-mesh-shaders
    assert ".isShader(" not in text and ".isProgram(" not in text  # trusted-shader-cache
    assert text.count('addEventListener("webglcontextlost",function(){') == 1
    assert text.count("._vref.reflections||") == 1  # one-reflection-per-shader-pair
    glerror = r'(\w+)\.prototype=(Object\.create\(Error\.prototype\)|new Error),\1\.prototype\.name="GLError"'
    assert [prototype for _, prototype in re.findall(glerror, text)] == ["Object.create(Error.prototype)"]  # no-error-at-load


def test_the_bundle_has_every_trace_type_the_figures_use(bundle, resources):
    _, _, traces = bundle
    content, scene, slices = resources.content, scene_data(resources), slice_data(resources)
    states = [ViewState(compare="ptsd"), ViewState(scenario="mdma-acute", compare="ketamine", select=Selection("region", "amygdala"))]
    figures = [brain_figure(scene, state) for state in states]
    figures += [slice_figure(slices, plane, (0, 0, 0), {}) for plane in PLANES]
    figures += [publication_figure(ExportRequest(view, state), content, scene, slices) for view in VIEWS for state in states]
    used = {trace.type for figure in figures for trace in figure.data}
    assert {"mesh3d", "scatter3d", "heatmap", "image", "scatter", "bar"} <= used
    assert used <= traces, f"not in the bundle: {sorted(used - traces)}"


def test_the_page_loads_the_bundle_deferred_and_not_plotlys_full_one(bundle, resources):
    name, _, _ = bundle
    index = create_app(resources).server.test_client().get("/").get_data(as_text=True)
    assert f'<script src="/assets/{name}" defer="defer"></script>' in index
    assert "plotly.min.js" not in index


def test_the_page_loads_the_regenerator_runtime_first_instead_of_babels_polyfill(resources):
    runtime = regenerator_runtime()
    assert runtime is not None, "assets/vendor has no regenerator-runtime: rebuild it (assets/vendor/plotly-bundle/README.md)"
    index = create_app(resources).server.test_client().get("/").get_data(as_text=True)
    scripts = re.findall(r'<script src="([^"]+)"', index)
    assert "polyfill@" not in index
    # before React and every Dash bundle, where the polyfill was
    assert scripts[0] == f"/assets/{runtime}", scripts[:2]


def test_the_vendored_runtime_is_the_version_the_recipe_pins():
    recipe = json.loads((assets_dir() / "vendor" / "plotly-bundle" / "package.json").read_text(encoding="utf-8"))
    assert regenerator_runtime() == f"vendor/regenerator-runtime-{recipe['devDependencies']['regenerator-runtime']}.js"
    assert "regeneratorRuntime = runtime" in (assets_dir() / regenerator_runtime()).read_text(encoding="utf-8")



def test_if_dash_renames_its_polyfill_the_scripts_stay_and_the_log_says_so(caplog):
    import dash

    from dashboard.serving import install_regenerator_runtime

    app = dash.Dash(__name__)
    app.layout = dash.html.Div()
    # what a Dash upgrade that renamed the polyfill would list
    dash_scripts = app._generate_scripts_html
    app._generate_scripts_html = lambda: dash_scripts().replace("/deps/polyfill@", "/deps/core-js@")
    install_regenerator_runtime(app, "/assets/runtime.js")
    with caplog.at_level("WARNING", logger="dashboard.serving"):
        index = app.server.test_client().get("/").get_data(as_text=True)
    assert "/deps/core-js@" in index and "/assets/runtime.js" not in index
    assert "Babel polyfill was not found" in caplog.text
