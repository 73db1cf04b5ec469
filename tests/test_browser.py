"""The dashboard in headless Chromium, driven as a user drives it."""

import re
import time

import pytest

pytestmark = pytest.mark.browser

PLOT = "document.querySelector('#brain3d-graph .js-plotly-plot')"


def open_dashboard(page, url, query=""):
    page.goto(url + "/" + query)
    page.wait_for_selector("#brain3d-graph .gl-container", state="attached", timeout=60_000)
    page.wait_for_function(f"() => {PLOT} && {PLOT}._fullLayout !== undefined")
    # the callbacks the URL started are over (a URL asking for the defaults starts few)
    page.wait_for_load_state("networkidle")


def click_chart_point(page, plot, meta, key):
    """Move to and click the point of trace ``meta`` whose customdata is ``key``, in the 2D chart ``plot``."""
    point = page.evaluate(
        """([plot, meta, key]) => {
            const gd = document.querySelector(plot);
            const data = gd.data.find(t => t.meta === meta);
            const i = data.customdata.indexOf(key);
            const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, box = gd.getBoundingClientRect();
            return [box.left + xa._offset + xa.d2p(data.x[i]), box.top + ya._offset + ya.d2p(data.y[i])];
        }""",
        [plot, meta, key],
    )
    page.mouse.move(*point)
    page.wait_for_timeout(300)
    page.mouse.click(*point)


def trace(page, meta):
    return page.evaluate(f"() => {PLOT}.data.find(t => t.meta === '{meta}')")


def test_page_loads_with_every_region_and_no_console_errors(page, live_server, content, scene):
    open_dashboard(page, live_server)
    assert page.title() == "brain-circuits"
    listed = page.locator(".region-item .region-name").all_inner_texts()
    assert listed == [region.name_en for region in content.regions]
    metas = page.evaluate(f"() => {PLOT}.data.map(t => t.meta)")
    assert set(scene.keys) <= set(metas)
    assert page.console_log.problems() == []


def test_first_load_uses_our_plotly_bundle_and_draws_the_3d_scene_once(page, live_server):
    from plotly.offline import get_plotlyjs_version

    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.add_init_script(
        """(() => {
            let plotly;
            window.draws = {};
            Object.defineProperty(window, "Plotly", {configurable: true, get() { return plotly; }, set(value) {
                plotly = value;
                const react = value.react;
                value.react = function (div, ...rest) {
                    const id = (div.parentNode && div.parentNode.id) || "?";
                    window.draws[id] = (window.draws[id] || 0) + 1;
                    return react.call(this, div, ...rest);
                };
            }});
        })()"""
    )
    open_dashboard(page, live_server)
    assert any("/assets/vendor/plotly-custom-" in url for url in fetched)
    assert not any(url.endswith("plotly.min.js") or "package_data" in url for url in fetched)
    # Dash's components run on the regenerator runtime alone (console checked below)
    assert not any("polyfill@" in url for url in fetched)
    assert page.evaluate("() => typeof regeneratorRuntime.mark") == "function"
    assert page.evaluate("() => Plotly.version") == get_plotlyjs_version()
    # a URL that asks for nothing but the defaults redraws nothing the page was built with
    assert page.evaluate("() => window.draws['brain3d-graph']") == 1
    # the layout is the default state's: the URL check is the only round trip at load
    assert sum("_dash-update-component" in url for url in fetched) == 1
    # what Dash fetches after its scripts is preloaded with them, and fetched once
    for name in ("/_dash-layout", "/_dash-dependencies", "/async-graph.js", "/async-dropdown.js", "/async-slider.js"):
        assert sum(url.endswith(name) for url in fetched) == 1, name
    assert "Select a region" in page.locator("#panel-body").inner_text()
    # the axes gave plotly no titles or tick labels to turn into WebGL text (0.3 s of the draw)
    vectorised = page.evaluate(f"() => {{ const text = {PLOT}._fullLayout.scene._scene.glplot.axes._text; return [...text.labelCount, ...text.tickCount]; }}")
    assert vectorised == [0] * 6
    assert page.console_log.problems() == []


def test_graphs_in_hidden_views_are_drawn_when_shown_and_at_their_size(page, live_server):
    # assets/hidden-graphs.js: the eight graphs of hidden views cost 0.1 s before the first 3D view
    open_dashboard(page, live_server)
    drawn = "() => [...document.querySelectorAll('.js-plotly-plot')].map(div => div.parentNode.id)"
    assert page.evaluate(drawn) == ["brain3d-graph"]
    page.locator("#pane-select label", has_text="Circuit diagram").click()
    page.wait_for_selector("#circuit-graph .js-plotly-plot .scatterlayer .point", state="attached")
    width = page.evaluate(
        "() => { const gd = document.querySelector('#circuit-graph .js-plotly-plot'); return [gd._fullLayout.width, gd.parentNode.clientWidth]; }"
    )
    assert abs(width[0] - width[1]) <= 2, width
    assert sorted(page.evaluate(drawn)) == ["brain3d-graph", "circuit-graph"]
    assert page.console_log.problems() == []


def test_the_3d_scene_draws_the_same_after_its_meshes_and_lines_are_removed_and_redrawn(page, live_server):
    # The bundle's shader cache (assets/vendor/plotly-bundle/build.js, trusted-shader-cache)
    # no longer asks the GPU whether a cached program still exists: when the last mesh goes,
    # its shaders and programs are deleted and must leave the cache with them.
    open_dashboard(page, live_server)
    graph = page.locator("#brain3d-graph")
    before = graph.screenshot()
    page.evaluate(
        f"""async () => {{
            const gd = {PLOT};
            const data = gd.data.map(t => ({{...t}}));
            await Plotly.react(gd, data.filter(t => !['mesh3d', 'scatter3d'].includes(t.type)), gd.layout);
            await Plotly.react(gd, data, gd.layout);
        }}"""
    )
    page.wait_for_timeout(500)
    assert graph.screenshot() == before
    assert page.console_log.problems() == []


def test_a_slow_plotly_bundle_never_makes_dash_fetch_the_full_one(page, live_server):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))

    def slow(route):
        # a classroom network: the bundle arrives after Dash has its layout
        response = route.fetch()
        time.sleep(2)
        route.fulfill(response=response)

    page.route("**/assets/vendor/plotly-custom-*.min.js", slow)
    open_dashboard(page, live_server)
    assert not any(url.endswith("plotly.min.js") or "package_data" in url for url in fetched)
    assert page.console_log.problems() == []


def test_hovering_a_mesh_through_the_glass_brain_names_it(page, live_server):
    open_dashboard(page, live_server)
    page.evaluate(f"() => {{ window.hovered = []; {PLOT}.on('plotly_hover', e => window.hovered.push(e.points[0].data.meta)); }}")
    box = page.locator("#brain3d-graph").bounding_box()
    labels = []
    for dx in (100, -100, 0, 200, -200):
        page.mouse.move(box["x"] + box["width"] / 2 + dx, box["y"] + box["height"] / 2, steps=2)
        page.wait_for_timeout(700)
        labels.append(" ".join(page.locator("#brain3d-graph g.hovertext").all_text_contents()))
    hovered = page.evaluate("() => window.hovered")
    assert hovered, "no region answered hover: the glass brain is swallowing the picks"
    assert "glass-brain" not in hovered
    assert any(re.search(r"\((left|right|midline)\)", label) for label in labels), labels
    assert page.console_log.problems() == []


def test_selecting_from_the_list_updates_panel_highlight_and_url(page, live_server):
    open_dashboard(page, live_server, "?scenario=mdma-acute")
    page.get_by_role("button", name=re.compile("^Amygdala")).click()
    page.wait_for_function("() => location.search.includes('select=amygdala')")
    page.wait_for_selector("#panel-body h3:text('Amygdala')")
    page.wait_for_function(f"() => {PLOT}.data.find(t => t.meta === 'insula:left').opacity < 0.5")
    assert trace(page, "amygdala:left")["opacity"] == 1
    assert page.locator(".region-item.selected .region-name").inner_text() == "Amygdala"
    # a claim in the panel cites its source and evidence
    claims = page.locator("#panel-body .claim")
    assert claims.count() >= 2
    assert "Brain Circuit Effects" in claims.first.inner_text()
    assert page.locator("#panel-body .badge").count() >= 2
    # links inside the panel select what they name
    page.get_by_role("button", name="Amygdala–insula circuit").click()
    page.wait_for_function("() => location.search.includes('select=connection%3Aamygdala-insula')")
    page.wait_for_selector("#panel-body h3:text('Amygdala–insula circuit')")
    assert page.console_log.problems() == []


def test_clicking_a_mesh_selects_its_region(page, live_server):
    open_dashboard(page, live_server)
    page.evaluate(f"() => {{ window.hovered = []; {PLOT}.on('plotly_hover', e => window.hovered.push(e.points[0].data.meta)); }}")
    box = page.locator("#brain3d-graph").bounding_box()
    for dx in (100, -100, 0, 200, -200, 60, -60):
        x, y = box["x"] + box["width"] / 2 + dx, box["y"] + box["height"] / 2
        page.mouse.move(x, y, steps=2)
        page.wait_for_timeout(700)
        hovered = page.evaluate("() => window.hovered.slice(-1)[0]")
        if hovered and ":" in hovered and not hovered.startswith(("connection", "arrow")):
            break
    else:
        pytest.fail("no mesh under the scanned points")
    # plotly's 3D click fires on a press after a pick: press, hold briefly, release
    page.mouse.down()
    page.wait_for_timeout(200)
    page.mouse.up()
    region = hovered.split(":")[0]
    page.wait_for_function(f"() => location.search.includes('select={region}')")
    page.wait_for_function(f"() => {PLOT}.data.find(t => t.meta === '{hovered}').opacity === 1")
    page.wait_for_selector("#panel-body h3")
    assert page.console_log.problems() == []


def test_a_shared_url_restores_the_view_in_chinese(page, live_server):
    open_dashboard(page, live_server, "?scenario=ptsd&select=connection:amygdala-insula&lang=zh&labels=0")
    page.wait_for_selector("#panel-body h3:text('杏仁核—岛叶回路')")
    assert "创伤后应激障碍" in page.locator("#scenario-select").inner_text()
    assert page.locator("#brain3d-caption").inner_text() == "创伤后应激障碍（PTSD）"
    line = trace(page, "connection:amygdala-insula")
    assert line["line"]["dash"] == "solid" and "升高" in line["hovertemplate"]
    assert trace(page, "labels")["visible"] is False
    first = page.locator(".region-item").first
    assert first.locator(".region-name").inner_text() == "杏仁核"
    assert first.locator(".region-name-other").inner_text() == "Amygdala"
    assert first.locator(".region-meta").inner_text().startswith("左 · 右")
    assert page.console_log.problems() == []


def test_a_bad_url_value_shows_a_notice_and_the_default_view(page, live_server):
    open_dashboard(page, live_server, "?scenario=ecstasy&select=thalamus&camera=inside")
    notice = page.locator("#url-notice").inner_text()
    assert "scenario='ecstasy'" in notice and "select='thalamus'" in notice and "camera='inside'" in notice
    assert page.locator("#brain3d-caption").inner_text() == "Healthy baseline"
    assert page.console_log.problems() == []


def test_compare_mode_shows_two_views_whose_cameras_move_together(page, live_server):
    open_dashboard(page, live_server, "?scenario=ptsd&compare=mdma-therapy")
    compare = "document.querySelector('#brain3d-compare-graph .js-plotly-plot')"
    page.wait_for_function(f"() => {compare} && {compare}._fullLayout && {compare}._fullLayout.scene")
    assert page.locator("#compare-caption").inner_text() == "After MDMA-assisted therapy"
    page.wait_for_timeout(500)
    page.evaluate(f"() => Plotly.relayout({PLOT}, {{'scene.camera': {{eye: {{x: 0, y: 0, z: 1.7}}, up: {{x: 0, y: 1, z: 0}}, center: {{x: 0, y: 0, z: 0}}}}}})")
    page.wait_for_function(f"() => Math.abs({compare}._fullLayout.scene.camera.eye.z - 1.7) < 1e-6")
    line = page.evaluate(f"() => {compare}.data.find(t => t.meta === 'connection:amygdala-insula')")
    assert line["line"]["dash"] == "dash"
    # a selection reaches both views
    page.locator(".region-item").first.click()
    page.wait_for_function(f"() => {compare}.data.find(t => t.meta === 'insula:left').opacity < 1")
    # and without a comparison the second view goes away
    page.locator("#compare-select").click()
    page.get_by_role("option", name="No comparison").click()
    page.wait_for_selector("#compare-view", state="hidden")
    assert "compare=" not in page.url
    assert page.console_log.problems() == []


def test_context_structures_from_the_url_are_drawn_and_named(page, live_server):
    open_dashboard(page, live_server, "?extra=harvard-oxford:Left_Thalamus")
    page.wait_for_function(f"() => {{ const t = {PLOT}.data.find(t => t.meta === 'extra'); return t && t.text && t.text.length > 100; }}")
    context = trace(page, "extra")
    assert set(context["text"]) == {"Left Thalamus (harvard-oxford)"}
    assert "Left Thalamus" in page.locator("#extra-select").inner_text()
    assert page.console_log.problems() == []


def test_the_context_menu_is_filled_after_the_first_draw_and_finds_structures(page, live_server):
    open_dashboard(page, live_server)
    # it starts empty (indexing 265 options would delay the first draw) and is
    # filled once the scene is drawn, with no pointer or focus near it
    page.wait_for_function("() => window.dash_component_api.getLayout('extra-select').props.options.length > 200")
    page.locator("#extra-select").click()
    page.keyboard.type("thalamus")
    page.locator(".dash-dropdown-option", has_text="Left Thalamus").click()
    page.wait_for_function(f"() => {{ const t = {PLOT}.data.find(t => t.meta === 'extra'); return t && t.text && t.text.length > 100; }}")
    assert "Left_Thalamus" in page.url
    assert page.console_log.problems() == []


def test_the_users_camera_survives_a_scenario_change(page, live_server):
    open_dashboard(page, live_server)
    page.evaluate(f"() => Plotly.relayout({PLOT}, {{'scene.camera.eye': {{x: 1.1, y: -1.3, z: 0.4}}}})")
    page.wait_for_timeout(300)
    page.locator("#scenario-select").click()
    page.get_by_role("option", name="MDMA (acute)").click()
    page.wait_for_function("() => document.getElementById('brain3d-caption').textContent === 'MDMA (acute)'")
    page.wait_for_function(f"() => {PLOT}.data.find(t => t.meta === 'amygdala:left').color === '#5D3A9B'")
    eye = page.evaluate(f"() => {PLOT}._fullLayout.scene.camera.eye")
    assert (round(eye["x"], 3), round(eye["y"], 3), round(eye["z"], 3)) == (1.1, -1.3, 0.4)
    assert "scenario=mdma-acute" in page.url
    assert page.console_log.problems() == []


def test_camera_presets_move_both_views(page, live_server):
    open_dashboard(page, live_server, "?camera=top&compare=ptsd")
    compare = "document.querySelector('#brain3d-compare-graph .js-plotly-plot')"
    page.wait_for_function(f"() => Math.abs({PLOT}._fullLayout.scene.camera.eye.z - 1.5) < 1e-6")
    page.locator("#camera-select").click()
    page.get_by_role("option", name="left", exact=True).click()
    page.wait_for_function(f"() => Math.abs({PLOT}._fullLayout.scene.camera.eye.x + 1.5) < 1e-6")
    page.wait_for_function(f"() => Math.abs({compare}._fullLayout.scene.camera.eye.x + 1.5) < 1e-6")
    assert "camera=left" in page.url
    assert page.console_log.problems() == []


def click_slice_at(page, plane, x_mm, y_mm):
    point = page.evaluate(
        """([plane, x, y]) => {
            const holder = [...document.querySelectorAll('.slice-graph')]
                .find(el => el.id.includes('"plane":"' + plane + '"'));
            const gd = holder.querySelector('.js-plotly-plot');
            const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
            const box = gd.getBoundingClientRect();
            return [box.left + xa._offset + xa.l2p(x), box.top + ya._offset + ya.l2p(y)];
        }""",
        [plane, x_mm, y_mm],
    )
    page.mouse.click(*point)


def test_clicking_a_slice_identifies_and_selects_everywhere(page, live_server):
    open_dashboard(page, live_server, "?pane=slices&scenario=mdma-acute")
    page.wait_for_selector(".slice-graph .js-plotly-plot image", state="attached")
    page.wait_for_timeout(500)
    click_slice_at(page, "axial", 24, -4)
    page.wait_for_function("() => location.search.includes('select=amygdala') && location.search.includes('at=')")
    at = re.search(r"at=([-0-9]+)%2C([-0-9]+)%2C([-0-9]+)", page.url).groups()
    x, y, z = (int(value) for value in at)
    # a click is read to the nearest millimetre of the pixel under the pointer
    assert abs(x - 24) <= 1 and abs(y + 4) <= 1 and z == -18
    page.wait_for_function(f"() => document.getElementById('where-readout').textContent.includes('MNI ({x}, {y}, -18)')")
    readout = page.locator("#where-readout").inner_text()
    assert "Right Amygdala" in readout and "Amygdala_R" in readout
    page.wait_for_selector("#panel-body h3:text('Amygdala')")
    # the 3D view (hidden) follows the selection
    page.wait_for_function(f"() => {PLOT}.data.find(t => t.meta === 'insula:left').opacity < 0.5")
    # the other slices moved to the clicked point
    assert page.locator(".slice-cell input").nth(1).input_value() == str(y)
    assert page.console_log.problems() == []


def test_selecting_a_region_moves_the_slices_to_it(page, live_server, store):
    open_dashboard(page, live_server, "?pane=slices")
    page.get_by_role("button", name=re.compile("^Locus coeruleus")).click()
    x, y, z = (round(v) for v in store.stats["locus-coeruleus:left"].centroid_mni)
    page.wait_for_function(f"() => location.search.includes('at={x}%2C{y}%2C{z}')")
    page.wait_for_function(f"() => document.getElementById('where-readout').textContent.includes('MNI ({x}, {y}, {z})')")
    assert "LC_L" in page.locator("#where-readout").inner_text()
    assert page.console_log.problems() == []


def test_clicking_the_circuit_diagram_selects_everywhere(page, live_server):
    open_dashboard(page, live_server, "?pane=circuit&scenario=ptsd")
    page.wait_for_selector("#circuit-graph .js-plotly-plot .scatterlayer .point", state="attached")
    click_chart_point(page, "#circuit-graph .js-plotly-plot", "nodes", "region:insula")
    page.wait_for_function("() => location.search.includes('select=insula')")
    page.wait_for_selector("#panel-body h3:text('Insula')")
    page.wait_for_function(f"() => {PLOT}.data.find(t => t.meta === 'amygdala:left').opacity < 0.5")
    assert page.console_log.problems() == []
