"""The dashboard in headless Chromium: what a first-time user sees."""

import pytest

pytestmark = pytest.mark.browser


def open_dashboard(page, url):
    page.goto(url)
    page.wait_for_selector("#brain3d-graph .gl-container", state="attached", timeout=60_000)
    # plotly draws the scene a frame after attaching the canvas
    page.wait_for_function("() => document.querySelector('#brain3d-graph .js-plotly-plot')._fullLayout !== undefined")
    page.wait_for_timeout(500)


def test_page_loads_with_title_regions_and_no_console_errors(page, live_server, content):
    open_dashboard(page, live_server)
    assert page.title() == "brain-circuits"
    listed = page.locator(".region-item .region-name").all_inner_texts()
    assert listed == [region.name_en for region in content.regions]
    traces = page.evaluate(
        "() => document.querySelector('#brain3d-graph .js-plotly-plot').data.map(t => t.meta)"
    )
    assert len(traces) == 1 + len(content.structure_specs())
    assert page.console_log.problems() == []


def test_hovering_a_mesh_through_the_glass_brain_names_it(page, live_server):
    open_dashboard(page, live_server)
    page.evaluate(
        "() => { const gd = document.querySelector('#brain3d-graph .js-plotly-plot');"
        " window.hovered = []; gd.on('plotly_hover', e => window.hovered.push(e.points[0].data.meta)); }"
    )
    box = page.locator("#brain3d-graph").bounding_box()
    centre_x, centre_y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    labels = []
    # The default camera puts the circuit in the middle of the view, inside the glass brain.
    for dx in (100, -100, 0, 200, -200):
        page.mouse.move(centre_x + dx, centre_y, steps=2)
        page.wait_for_timeout(700)
        labels.append(" ".join(page.locator("#brain3d-graph g.hovertext").all_text_contents()))
    hovered = page.evaluate("() => window.hovered")
    assert hovered, "no region answered hover: the glass brain is swallowing the picks"
    assert "glass-brain" not in hovered
    assert any("(left)" in label or "(right)" in label or "(midline)" in label for label in labels), labels
    assert page.console_log.problems() == []
