"""Lecture mode in headless Chromium: the tour by keyboard, presentation, Chinese, offline."""

import re

import pytest

from tests.test_browser import open_dashboard

pytestmark = pytest.mark.browser


def step_in_url(page, step):
    page.wait_for_function(f"() => new URLSearchParams(location.search).get('step') === '{step}'")


def test_the_whole_tour_by_keyboard_and_back(page, live_server, content):
    steps = content.tables["tour"].sort_values("step")
    open_dashboard(page, live_server)
    page.get_by_role("button", name="▶ Guided tour").click()
    step_in_url(page, 1)
    for index, row in enumerate(steps.itertuples(index=False), start=1):
        step_in_url(page, index)
        page.wait_for_function(f"() => document.querySelector('.tour-title')?.textContent === {row.title_en!r}")
        assert f"step {index} of {len(steps)}" in page.locator(".tour-progress").text_content()
        assert f"pane={row.pane}" in page.evaluate("location.search") or row.pane == "3d"
        assert f"scenario={row.scenario}" in page.evaluate("location.search") or row.scenario == "baseline"
        page.keyboard.press("ArrowRight" if index % 2 else "PageDown")
    step_in_url(page, len(steps))  # the last step stays the last
    page.keyboard.press("PageUp")
    step_in_url(page, len(steps) - 1)
    page.keyboard.press("ArrowLeft")
    step_in_url(page, len(steps) - 2)
    page.get_by_role("button", name="Leave the tour").click()
    page.wait_for_function("() => !location.search.includes('step=')")
    page.wait_for_selector("#tour-panel", state="hidden")
    assert page.console_log.problems() == []


def test_a_step_url_restores_the_step_in_presentation_mode(page, live_server):
    open_dashboard(page, live_server, "?step=4&present=1&theme=dark")
    page.wait_for_selector(".app-shell.presenting.theme-dark")
    assert page.locator(".tour-title").inner_text() == "The amygdala–insula circuit in PTSD"
    assert not page.locator(".control-bar").is_visible()
    assert not page.locator(".region-panel").is_visible()
    assert page.locator("#compare-caption").inner_text() == "After MDMA-assisted therapy"
    size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.tour-text')).fontSize)")
    assert size >= 28, size  # reads from the back of a room
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('.app-shell').classList.contains('presenting')")
    assert page.locator(".control-bar").is_visible()
    assert page.console_log.problems() == []


# Acronyms, format names and "English" (the language switch names each language in itself) are allowed.
ENGLISH_WORD = re.compile(r"\b(?!English|MDMA|PTSD|VTA|SERT|DAT|LSD|SSRI|NMDA|MNI|AAL|PNG|SVG|PDF|HTML|FSL|DnA|Page|Up|Down)[A-Za-z]{4,}\b")


def test_chinese_leaves_no_english_in_the_main_panels(page, live_server):
    open_dashboard(page, live_server, "?step=2&lang=zh&select=amygdala")
    page.wait_for_function("() => document.querySelector('.tour-title')?.textContent.includes('血清素')")
    for selector in (".tour-panel .tour-title", ".tour-panel .tour-text", ".control-bar", ".view-bar", "#panel-tabs",
                     ".view-neurochem .document-head", ".view-neurochem .steps", ".region-panel .region-name"):
        text = " ".join(page.locator(selector).all_inner_texts())
        assert text.strip(), selector
        assert not ENGLISH_WORD.search(text), (selector, ENGLISH_WORD.search(text).group())
    assert page.console_log.problems() == []


def test_everything_is_served_by_the_app_itself(page, live_server):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    # any request leaving the machine would fail: the page must not need one
    page.route(re.compile(r"^(?!" + re.escape(live_server) + ").*"), lambda route: route.abort())
    open_dashboard(page, live_server, "?pane=neurochem")
    page.wait_for_selector(".view-neurochem .js-plotly-plot")
    outside = [url for url in requested if not url.startswith(live_server) and not url.startswith("data:")]
    assert outside == []
    assert any("plotly" in url for url in requested)
    assert page.console_log.problems() == []


def test_switching_to_chinese_retranslates_every_main_panel(page, live_server):
    open_dashboard(page, live_server, "?step=3&select=amygdala")
    page.wait_for_function("() => document.querySelector('.tour-title')?.textContent === 'The amygdala and threat'")
    page.get_by_text("中文", exact=True).click()
    page.wait_for_function("() => document.querySelector('.tour-title')?.textContent.includes('杏仁核')")
    page.wait_for_function("() => document.querySelector('#panel-body h3')?.textContent === '杏仁核'")
    for selector in (".tour-panel .tour-title", ".tour-panel .tour-text", ".control-bar", ".view-bar", "#panel-tabs",
                     "#panel-body h4", ".region-panel .region-name", ".legend", "#brain3d-caption"):
        text = " ".join(page.locator(selector).all_inner_texts())
        assert text.strip(), selector
        assert re.search(r"[\u4e00-\u9fff]", text), selector
        assert not ENGLISH_WORD.search(text), (selector, ENGLISH_WORD.search(text).group())
    labels = page.evaluate("() => document.querySelector('#brain3d-graph .js-plotly-plot').layout.scene.annotations.map(a => a.text)")
    assert any("杏仁核" in label for label in labels)
    assert page.console_log.problems() == []
