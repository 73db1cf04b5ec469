"""The neurochemistry, drug, protocol and risk views in headless Chromium."""

import re

import pytest

from tests.test_browser import click_chart_point, open_dashboard

pytestmark = pytest.mark.browser


def chart_ready(page, pane):
    page.wait_for_function(
        f"""() => {{
            const gd = document.querySelector('.view-{pane} .js-plotly-plot');
            return gd && gd.data && gd.data.length > 0;
        }}"""
    )


def test_a_citation_opens_its_section_in_the_sources_tab(page, live_server):
    open_dashboard(page, live_server, "?pane=neurochem&select=vta")
    chart_ready(page, "neurochem")
    related = page.locator(".view-neurochem .step.related")
    assert related.count() >= 2 and all("dopamine" in text for text in related.all_inner_texts())
    assert page.locator(".view-neurochem .fact-value").first.inner_text() == "3–8 ×"
    page.locator(".view-neurochem .step.related .citation").first.click()
    page.wait_for_function("() => location.search.includes('cite=mdma-overview%2Fmechanism')")
    cited = page.locator("#panel-body .section.cited")
    cited.wait_for()
    assert "Mechanism of Action" in cited.inner_text()
    assert page.locator("#panel-tabs .tab--selected").inner_text() == "Sources"
    # the legend belongs to the anatomical views only
    assert not page.locator("#legend").is_visible()
    assert page.console_log.problems() == []


def test_choosing_a_drug_compares_it_in_the_other_views(page, live_server):
    open_dashboard(page, live_server, "?pane=drugs&scenario=ptsd")
    chart_ready(page, "drugs")
    row = page.locator(".drug-table tbody tr", has_text="Ketamine")
    row.get_by_role("button", name="Compare with MDMA").click()
    page.wait_for_function("() => location.search.includes('compare=ketamine') && location.search.includes('scenario=mdma-acute')")
    page.wait_for_selector(".drug-table tr.current:has-text('Ketamine')")
    assert "Ketamine" in page.locator("#compare-select").inner_text()
    # a click on the chart's LSD row chooses LSD (the button click scrolled the chart away)
    page.locator(".view-drugs .js-plotly-plot").scroll_into_view_if_needed()
    click_chart_point(page, ".view-drugs .js-plotly-plot", "primary", "lsd")
    page.wait_for_function("() => location.search.includes('compare=lsd')")
    page.get_by_text("3D", exact=True).click()
    page.wait_for_selector("#compare-view", state="visible")
    page.wait_for_function("() => document.getElementById('compare-caption').textContent === 'LSD'")
    assert page.console_log.problems() == []


def test_protocol_in_chinese_warns_and_links_to_the_brain(page, live_server):
    open_dashboard(page, live_server, "?pane=protocol&lang=zh")
    chart_ready(page, "protocol")
    warning = page.locator(".view-protocol .advice-warning").inner_text()
    assert "不构成医疗建议" in warning
    head = page.locator(".view-protocol .document-head").inner_text()
    assert not re.search(r"\b(the|and|dose|session)\b", head), head
    svg = page.locator(".view-protocol .js-plotly-plot").inner_html()
    assert "首剂" in svg and "每公斤 1.0–1.5 毫克" in svg
    page.get_by_role("button", name="在脑中查看：疗程结束后").click()
    page.wait_for_function("() => location.search.includes('scenario=mdma-therapy')")
    assert page.console_log.problems() == []


def test_risks_follow_the_selection(page, live_server):
    open_dashboard(page, live_server, "?pane=risks")
    page.wait_for_selector(".view-risks .risk")
    assert page.locator(".view-risks .risk.related").count() == 0
    page.get_by_role("button", name=re.compile("^Locus coeruleus")).click()
    page.wait_for_selector(".view-risks .risk.related")
    assert page.locator(".view-risks .risk.related").all_inner_texts()[0].startswith("Cardiovascular strain")
    assert "as of 2023-06" in page.locator(".view-risks").inner_text()
    assert page.console_log.problems() == []


def test_the_export_button_downloads_the_view_shown(page, live_server, tmp_path):
    open_dashboard(page, live_server, "?pane=circuit&scenario=ptsd&lang=zh")
    with page.expect_download(timeout=60_000) as download:
        page.locator("#export-button").click()
    assert download.value.suggested_filename == "brain-circuits_circuit_ptsd_zh.png"
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    from PIL import Image

    width, height = Image.open(path).size
    assert (width, height) == (1600 * 3, 1150 * 3)
    page.wait_for_function("() => document.getElementById('export-status').textContent.includes('已导出')")
    # a text-only view says so instead of exporting nothing
    page.get_by_text("风险", exact=True).click()
    page.locator("#export-button").click()
    page.wait_for_function("() => document.getElementById('export-status').textContent.includes('没有可导出的图像')")
    assert page.console_log.problems() == []
