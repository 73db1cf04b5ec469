"""The neurochemistry, drug, protocol and risk views: figures and text, without a browser."""

import json

import pandas as pd
import pytest

from dashboard.figures.drugs import HIGHLIGHT, drug_matrix_figure
from dashboard.figures.neurochem import neurochem_figure
from dashboard.figures.protocol import protocol_figure
from dashboard.figures.style import format_fact
from dashboard.state import Selection, ViewState
from dashboard.views import drugs, neurochem, protocol, risks
from dashboard.views.url_state import Drugs, choose_drug


def texts(component) -> str:
    """Every string in a component tree, joined."""
    return json.dumps(component.to_plotly_json() if hasattr(component, "to_plotly_json") else component, default=lambda o: o.to_plotly_json(), ensure_ascii=False)


def trace(figure, meta):
    return next(t for t in figure.data if t.meta == meta)


def fact(**row):
    base = {"value": None, "low": float("nan"), "high": float("nan"), "approximate": "false", "unit": "mg"}
    return pd.Series({**base, **row})


@pytest.mark.parametrize(
    ("row", "lang", "expected"),
    [
        (fact(low=3.0, high=8.0, unit="times"), "en", "3–8 ×"),
        (fact(low=1.0, high=1.5, unit="mg/kg"), "en", "1.0–1.5 mg/kg"),
        (fact(low=0.75, high=1.5, unit="mg/kg"), "zh", "每公斤 0.75–1.5 毫克"),
        (fact(value="83.7", approximate="true", unit="pg/mL"), "en", "≈ 83.7 pg/mL"),
        (fact(value="2023", unit="mid-year"), "zh", "2023 年年中"),
    ],
)
def test_numbers_keep_their_range_and_approximation(row, lang, expected):
    assert format_fact(row, lang) == expected


def citations(content):
    return content.row_citations("facts", "en")


def test_serotonin_rise_is_a_band_from_the_documents_range(content):
    figure = neurochem_figure(content.tables["facts"], citations(content), "en")
    band = trace(figure, "ratio-serotonin")
    assert (band.base[0], band.base[0] + band.x[0]) == (3.0, 8.0)
    assert trace(figure, "ratio-dopamine").x[0] == 1
    assert "Mechanism" not in band.hovertemplate and "Key Takeaways" in band.hovertemplate


def test_oxytocin_levels_are_the_documents_approximate_figures(content):
    figure = neurochem_figure(content.tables["facts"], citations(content), "zh")
    oxytocin = trace(figure, "oxytocin")
    assert list(oxytocin.y) == [18.6, 83.7]
    assert all(text.startswith("≈") for text in oxytocin.text)
    assert "1.5" in figure.layout.annotations[1].text  # the dose is in the panel title
    assert any("催产素" in a.text for a in figure.layout.annotations)


def test_drug_matrix_marks_what_the_documents_say_and_highlights_the_chosen_drug(content):
    targets = content.tables["drug_targets"]
    names = {d: d.upper() for d in content.tables["drug_profiles"]["scenario"]}
    figure = drug_matrix_figure(targets, names, ["cite"] * len(targets), "ketamine", "en")
    primary = trace(figure, "primary")
    assert ("NMDA<br>block", "KETAMINE") in set(zip(primary.x, primary.y))
    said_no = set(zip(trace(figure, "no").x, trace(figure, "no").y))
    assert ("5-HT2A<br>receptor", "MDMA-ACUTE") in said_no
    # silence is not "no": nothing is drawn where the documents say nothing
    drawn = {(t.customdata[i], x) for t in figure.data[1:] for i, x in enumerate(t.x)}
    assert ("ketamine", "SERT<br>block") not in drawn
    (shape,) = figure.layout.shapes
    assert shape.fillcolor == HIGHLIGHT and shape.y0 < list(names).index("ketamine") < shape.y1
    assert set(trace(figure, "rows").customdata) == set(names)


def test_protocol_draws_the_documents_numbers_and_both_booster_readings(content):
    figure = protocol_figure(content.tables["facts"], citations(content), "en")
    first = trace(figure, "first-dose")
    assert (first.base[0], first.base[0] + first.y[0]) == (100.0, 150.0)
    assert list(trace(figure, "booster-example").y) == [75.0, 75.0]
    half = trace(figure, "booster-half")
    assert (min(half.y), max(half.y)) == (50.0, 75.0) and (min(half.x), max(half.x)) == (90.0, 150.0)
    mdma = [t for t in figure.data if t.meta == "course-mdma"]
    assert sorted(t.x[0] for t in mdma) == [2, 3]
    assert all(t.x[0] + other.x[0] == 9 for t, other in zip(mdma, [t for t in figure.data if t.meta == "course-talk"]))
    protocol_band = trace(figure, "dose-range-protocol")
    assert protocol_band.y[0] == pytest.approx(40 * 1.0) and max(protocol_band.y) == pytest.approx(130 * 1.5)
    assert "not medical advice" in figure.layout.annotations[-1].text


def test_protocol_view_shows_both_dose_ranges_and_the_warning(content):
    document = protocol.render(content, ViewState(pane="protocol"))
    head, body = texts(document.head), texts(document.body)
    assert "not medical advice" in head
    assert "0.75–1.5 mg/kg" in body and "1.0–1.5 mg/kg" in body


def test_neurochem_rows_follow_the_selection(content):
    document = neurochem.render(content, ViewState(select=Selection("region", "vta")))
    related = [step for step in document.body[1].children if "related" in step.className]
    assert related and all("dopamine" in texts(step) for step in related)
    assert "Highlighted" in texts(document.head)


def test_neurochem_names_the_compared_drugs_own_action(content):
    document = neurochem.render(content, ViewState(scenario="mdma-acute", compare="ketamine"))
    assert "Blocks NMDA receptors" in texts(document.head)


def test_risks_are_split_by_evidence_and_dated(content):
    document = risks.render(content, ViewState(lang="zh"))
    animal, human = document.body[0].children
    assert "来自动物研究" in texts(animal) and "咖啡因" in texts(animal)
    assert "心血管负担" in texts(human) and "截至 2023-06" in texts(human)
    assert "文献日期 2025-10-28" in texts(human)
    assert "不构成医疗建议" in texts(document.head)


def test_every_citation_in_a_view_opens_a_real_section(content):
    sections = set(zip(content.tables["sections"]["source"], content.tables["sections"]["id"]))
    for view in (neurochem, drugs, protocol, risks):
        document = view.render(content, ViewState(lang="en"))
        found = []

        def walk(node):
            if hasattr(node, "id") and isinstance(getattr(node, "id", None), dict) and node.id.get("type") == "cite":
                found.append((node.id["source"], node.id["section"]))
            children = getattr(node, "children", None)
            for child in children if isinstance(children, list) else [children]:
                if child is not None and not isinstance(child, str):
                    walk(child)

        for part in (*document.head, *document.body):
            walk(part)
        assert found and set(found) <= sections, view.__name__


def test_choosing_a_drug_compares_it_with_mdma(content):
    choices = Drugs.from_content(content)
    assert choose_drug(ViewState(scenario="ptsd"), "lsd", choices).scenario == "mdma-acute"
    assert choose_drug(ViewState(scenario="mdma-therapy"), "lsd", choices).compare == "lsd"
    assert choose_drug(ViewState(scenario="mdma-therapy"), "lsd", choices).scenario == "mdma-therapy"
    assert choose_drug(ViewState(compare="lsd"), "mdma-acute", choices) == ViewState(scenario="mdma-acute")
    assert choose_drug(ViewState(), "not-a-drug", choices) == ViewState()


def test_drug_view_highlights_the_compared_drug(content):
    document = drugs.render(content, ViewState(scenario="mdma-acute", compare="ssri"))
    rows = document.body[0].children[1].children
    current = [row for row in rows if row.className == "current"]
    assert len(current) == 1 and "SSRIs" in texts(current[0])


def test_a_tour_step_sets_the_whole_view(content):
    from dashboard.views.tour import apply_step, tour_card

    state = apply_step(ViewState(scenario="baseline", pane="slices"), content, 4)
    assert (state.scenario, state.compare, state.pane, state.camera) == ("ptsd", "mdma-therapy", "3d", "top")
    assert state.select == Selection("connection", "amygdala-insula")
    card = texts(tour_card(content, state.with_(lang="zh")))
    assert "第 4 步，共 8 步" in card and "杏仁核" in card
    assert apply_step(state, content, None).step is None


def test_every_tour_step_cites_real_sections_and_draws_something(content):
    tour = content.tables["tour"]
    assert list(tour["step"]) == list(range(1, len(tour) + 1))
    assert set(tour["pane"]) >= {"3d", "neurochem", "drugs", "protocol", "risks"}
