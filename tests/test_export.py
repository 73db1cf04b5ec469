"""Figure export: every view, every format, from Python, the command line and the dashboard."""

import io
import xml.etree.ElementTree as ElementTree

import numpy as np
import pytest
from PIL import Image

from dashboard.app import scene_data, slice_data
from dashboard.export import VIEWS, ExportError, ExportRequest, file_name, publication_figure, render
from dashboard.state import Selection, ViewState

STATES = {
    "brain3d": ViewState(scenario="mdma-acute", select=Selection("region", "amygdala")),
    "compare": ViewState(scenario="ptsd", compare="mdma-therapy", lang="zh"),
    "slices": ViewState(scenario="mdma-therapy", select=Selection("region", "amygdala")),
    "circuit": ViewState(scenario="mdma-acute", lang="zh"),
    "neurochem": ViewState(),
    "drugs": ViewState(scenario="mdma-acute", compare="ketamine"),
    "protocol": ViewState(lang="zh"),
}


@pytest.fixture(scope="module")
def parts(resources):
    return resources.content, scene_data(resources), slice_data(resources)


def figure_for(parts, view, **options):
    content, scene, slices = parts
    return publication_figure(ExportRequest(view, STATES[view], **options), content, scene, slices)


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_has_a_title_a_caption_with_sources_and_a_white_page(parts, view):
    figure = figure_for(parts, view)
    assert figure.layout.title.text
    notes = " ".join(annotation.text for annotation in figure.layout.annotations)
    assert ("Sources:" in notes) or ("来源：" in notes)
    assert figure.layout.paper_bgcolor == "#FFFFFF"
    spatial = view in ("brain3d", "compare", "slices", "circuit")
    assert (("increased" in notes) or ("升高" in notes)) == spatial  # the colour legend where colours mean change


def test_transparent_and_dark_backgrounds(parts):
    assert figure_for(parts, "circuit", transparent=True).layout.paper_bgcolor == "rgba(0,0,0,0)"
    assert figure_for(parts, "neurochem", theme="dark").layout.paper_bgcolor == "#111827"
    with pytest.raises(ExportError, match="light, dark"):
        figure_for(parts, "neurochem", theme="sepia")


def test_file_names_say_what_they_show():
    request = ExportRequest("compare", STATES["compare"])
    assert file_name(request, "pdf") == "brain-circuits_compare_ptsd-vs-mdma-therapy_zh.pdf"
    assert file_name(ExportRequest("brain3d", STATES["brain3d"]), "png") == "brain-circuits_brain3d_mdma-acute_amygdala_en.png"


@pytest.mark.parametrize("view", VIEWS)
def test_png_has_the_requested_size_and_is_not_blank(parts, view):
    data = render(figure_for(parts, view), "png", 700, 500, 1)
    image = np.asarray(Image.open(io.BytesIO(data)).convert("L"), dtype=float)
    assert image.shape == (500, 700)
    assert image.std() > 10, "the image is (nearly) blank"


def test_png_scale_multiplies_the_pixels(parts):
    data = render(figure_for(parts, "circuit"), "png", 600, 400, 3)
    assert Image.open(io.BytesIO(data)).size == (1800, 1200)


@pytest.mark.parametrize("view", ["slices", "circuit", "protocol"])
def test_svg_parses_and_keeps_text_as_text(parts, view):
    figure = figure_for(parts, view)
    root = ElementTree.fromstring(render(figure, "svg", 900, 700, 1))
    texts = " ".join("".join(node.itertext()) for node in root.iter("{http://www.w3.org/2000/svg}text"))
    assert figure.layout.title.text.split("：")[0].split(":")[0][:8] in texts


@pytest.mark.parametrize("view", ["neurochem", "brain3d"])
def test_pdf_has_a_page(parts, view):
    data = render(figure_for(parts, view), "pdf", 900, 700, 1)
    assert data.startswith(b"%PDF") and b"/Page" in data


def test_html_is_one_offline_file_that_draws_the_3d_scene(parts, tmp_path, browser):
    path = tmp_path / "brain3d.html"
    path.write_bytes(render(figure_for(parts, "brain3d"), "html", 900, 700))
    html = path.read_text()
    assert "<script src=\"http" not in html and "cdn." not in html.split("</head>")[0]
    context = browser.new_context(offline=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    page.wait_for_selector(".gl-container canvas", state="attached", timeout=60_000)
    meshes = page.evaluate("() => document.querySelector('.js-plotly-plot').data.filter(t => t.type === 'mesh3d').length")
    context.close()
    assert meshes >= 15 and errors == []


def test_no_browser_gives_a_clear_error(parts, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    with pytest.raises(ExportError, match="apt-get install chromium"):
        render(figure_for(parts, "circuit"), "png", 600, 400)
    with pytest.raises(ExportError, match="png, svg, pdf, html"):
        render(figure_for(parts, "circuit"), "tiff", 600, 400)
