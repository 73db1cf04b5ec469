"""Publication figures: every view as PNG, SVG, PDF or standalone HTML.

``publication_figure`` dresses a view's figure for a paper or a slide: a
title, a legend saying what the colours mean, a caption with the sources,
no UI chrome, a white (or transparent, or dark) background. ``render``
turns it into bytes: static formats through kaleido and the system's
Chromium (nothing is downloaded: MathJax is off and plotly.js is the one
inside the plotly package), HTML as one offline file with plotly.js inline.
Used by the dashboard's export button and by ``brain-circuits export``.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from dataclasses import dataclass
from functools import lru_cache

import plotly.graph_objects as go

from dashboard.content import Content
from dashboard.figures.brain3d import SceneData, brain_figure
from dashboard.figures.circuit import circuit_figure
from dashboard.figures.drugs import drug_matrix_figure, highlighted_drug
from dashboard.figures.neurochem import neurochem_figure
from dashboard.figures.protocol import protocol_figure
from dashboard.figures.scenario import DIRECTION_STYLE
from dashboard.figures.slices import SliceData, slice_colors, slice_figure
from dashboard.i18n import translate
from dashboard.state import ViewState

__all__ = [
    "VIEWS",
    "FORMATS",
    "THEMES",
    "ExportError",
    "ExportRequest",
    "publication_figure",
    "render",
    "file_name",
    "view_for_pane",
]

VIEWS = ("brain3d", "compare", "slices", "circuit", "neurochem", "drugs", "protocol")
FORMATS = ("png", "svg", "pdf", "html")
THEMES = {
    "light": {"background": "#FFFFFF", "ink": "#111111", "muted": "#4B5563", "grid": "#E3E7EC"},
    "dark": {"background": "#111827", "ink": "#F3F4F6", "muted": "#C4CAD3", "grid": "#374151"},
}
DEFAULT_SIZE = {"brain3d": (1600, 1100), "compare": (2200, 1100), "slices": (2100, 900), "circuit": (1600, 1150),
                "neurochem": (1600, 900), "drugs": (1600, 1000), "protocol": (1400, 1500)}
TITLE_SIZE = 28
EXPORT_ZOOM = 0.72
CAPTION_SIZE = 15
LEGEND_DIRECTIONS = ("up", "down", "unchanged", "mixed", "none")
INSTALL_HINT = "install Chromium (Debian: `sudo apt-get install chromium`) or set BROWSER_PATH to a Chrome binary"


_BROWSER_LOCK = threading.Lock()


class ExportError(RuntimeError):
    """An export that cannot be made, with what to do about it."""


@dataclass(frozen=True)
class ExportRequest:
    """What to export."""

    view: str
    state: ViewState
    theme: str = "light"
    transparent: bool = False


def view_for_pane(state: ViewState) -> str | None:
    """The export view that matches what the dashboard shows (None for text-only views)."""
    if state.pane == "3d":
        return "compare" if state.compare else "brain3d"
    return {"slices": "slices", "circuit": "circuit", "neurochem": "neurochem", "drugs": "drugs", "protocol": "protocol"}.get(
        state.pane
    )


def file_name(request: ExportRequest, fmt: str) -> str:
    """``brain-circuits_VIEW_SCENARIO[-vs-COMPARE][_REGION]_LANG.FMT``."""
    state = request.state
    parts = ["brain-circuits", request.view, state.scenario + (f"-vs-{state.compare}" if state.compare else "")]
    if state.select:
        parts.append(state.select.id)
    parts.append(state.lang)
    return "_".join(parts) + f".{fmt}"


def _cited_sections(content: Content, request: ExportRequest) -> list[tuple[str, str]]:
    """The document sections the exported view draws on, in table order."""
    state, tables = request.state, content.tables
    if request.view in ("brain3d", "compare", "slices", "circuit"):
        scenarios = {state.scenario, state.compare} - {None}
        rows = [tables["effects"], tables["connection_changes"]]
        cited = [(r["source"], r["section"]) for table in rows for r in table.to_dict("records") if r["scenario"] in scenarios]
        cited += [(r["source"], r["section"]) for r in tables["scenarios"].to_dict("records") if r["id"] in scenarios]
    elif request.view == "drugs":
        cited = [(r["source"], r["section"]) for r in tables["drug_targets"].to_dict("records")]
    else:
        topic = "protocol" if request.view == "protocol" else "neurochemistry"
        cited = [(r["source"], r["section"]) for r in tables["facts"].to_dict("records") if r["topic"] == topic]
    return list(dict.fromkeys(cited))


def _caption(content: Content, request: ExportRequest) -> str:
    lang = request.state.lang
    sections = _cited_sections(content, request)
    sources = "; ".join(content.citation(source, section, lang) for source, section in sections)
    lines = [translate("export.sources", lang, sources=sources)]
    if request.view in ("brain3d", "compare", "slices"):
        lines.append(translate("atlas.credit", lang))
    advice = "protocol.not_advice" if request.view == "protocol" else "app.disclaimer"
    lines.append(translate(advice, lang))
    return "<br>".join(_wrap(line, 150 if lang == "en" else 80) for line in lines)


def _wrap(text: str, width: int) -> str:
    """Break a long caption line at spaces (plotly does not wrap annotations)."""
    if len(text) <= width:
        return text
    words, lines, line = text.split(" "), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(lines)


def _legend(lang: str) -> str:
    items = []
    for direction in LEGEND_DIRECTIONS:
        style = DIRECTION_STYLE[direction]
        glyph = style.glyph or "·"
        items.append(f"<span style='color:{style.color}'>■</span> {glyph} {translate(f'direction.{direction}', lang)}")
    lines = f"{translate('legend.line_up', lang)} · {translate('legend.line_down', lang)} · {translate('legend.arrow', lang)}"
    return "    ".join(items) + "<br>" + lines


def _view_figure(request: ExportRequest, content: Content, scene: SceneData, slices: SliceData) -> go.Figure:
    state, lang = request.state, request.state.lang
    if request.view == "brain3d":
        return brain_figure(scene, state)
    if request.view == "compare":
        return _side_by_side_3d(scene, state)
    if request.view == "slices":
        colors, outlined = slice_colors(scene, state)
        planes = [slice_figure(slices, plane, state.cursor, colors, outlined, state.radiological, lang)
                  for plane in ("axial", "coronal", "sagittal")]
        return _side_by_side_2d(planes)
    if request.view == "circuit":
        return circuit_figure(scene, state)
    facts = content.tables["facts"]
    citations = content.row_citations("facts", lang)
    if request.view == "neurochem":
        return neurochem_figure(facts, citations, lang)
    if request.view == "protocol":
        return protocol_figure(facts, citations, lang)
    targets = content.tables["drug_targets"]
    names = {drug: content.scenario_name(drug, lang) for drug in content.tables["drug_profiles"]["scenario"]}
    cited = [content.citation(r["source"], r["section"], lang) for r in targets.to_dict("records")]
    return drug_matrix_figure(targets, names, cited, highlighted_drug(content.tables["drug_profiles"], state), lang)


def _side_by_side_3d(scene: SceneData, state: ViewState) -> go.Figure:
    """The main scenario and the comparison as two scenes with one camera."""
    left = brain_figure(scene, state)
    right = brain_figure(scene, state.with_(scenario=state.compare))
    figure = go.Figure(left)
    for trace in right.data:
        figure.add_trace(trace.update(scene="scene2"))
    scene_layout = left.layout.scene.to_plotly_json()
    figure.update_layout(
        scene={**scene_layout, "domain": {"x": [0, 0.49], "y": [0, 1]}},
        scene2={**right.layout.scene.to_plotly_json(), "domain": {"x": [0.51, 1], "y": [0, 1]}},
    )
    return figure


def _remap(item: dict, index: int) -> dict:
    """Move a shape or annotation from a one-plot figure to subplot ``index``."""
    suffix = "" if index == 1 else str(index)
    item = dict(item)
    for key, axis in (("xref", "x"), ("yref", "y")):
        ref = item.get(key, axis)
        item[key] = f"{axis}{suffix} domain" if ref == "paper" else f"{axis}{suffix}"
    return item


def _side_by_side_2d(figures: list[go.Figure]) -> go.Figure:
    """One-plot figures as subplots in a row, with their shapes, annotations and titles."""
    combined = go.Figure()
    gap = 0.02
    width = (1 - gap * (len(figures) - 1)) / len(figures)
    shapes, annotations = [], []
    for index, figure in enumerate(figures, start=1):
        suffix = "" if index == 1 else str(index)
        for trace in figure.data:
            if trace.type == "heatmap":  # the invisible hover grid has no place on paper
                continue
            combined.add_trace(trace.update(xaxis=f"x{suffix}", yaxis=f"y{suffix}"))
        low = (index - 1) * (width + gap)
        xaxis = figure.layout.xaxis.to_plotly_json()
        yaxis = {**figure.layout.yaxis.to_plotly_json(), "scaleanchor": f"x{suffix}"}
        combined.update_layout({f"xaxis{suffix}": {**xaxis, "domain": [low, low + width]}, f"yaxis{suffix}": {**yaxis, "domain": [0, 0.9]}})
        shapes += [_remap(shape.to_plotly_json(), index) for shape in figure.layout.shapes]
        annotations += [_remap(note.to_plotly_json(), index) for note in figure.layout.annotations]
        annotations.append({"text": figure.layout.title.text, "xref": f"x{suffix} domain", "yref": f"y{suffix} domain", "x": 0, "y": 1,
                            "xanchor": "left", "yanchor": "bottom", "showarrow": False, "font": {"size": 18}})
    combined.update_layout(shapes=shapes, annotations=annotations, font=figures[0].layout.font,
                           paper_bgcolor=figures[0].layout.paper_bgcolor, plot_bgcolor=figures[0].layout.plot_bgcolor)
    return combined


def publication_figure(request: ExportRequest, content: Content, scene: SceneData, slices: SliceData) -> go.Figure:
    """The view's figure with a title, a legend, a caption and the chosen background.

    Parameters
    ----------
    request : ExportRequest
    content, scene, slices
        What the dashboard draws from.

    Returns
    -------
    go.Figure
    """
    if request.view not in VIEWS:
        raise ExportError(f"unknown view {request.view!r}; choose one of: {', '.join(VIEWS)}")
    if request.theme not in THEMES:
        raise ExportError(f"unknown theme {request.theme!r}; choose one of: {', '.join(THEMES)}")
    state, lang, theme = request.state, request.state.lang, THEMES[request.theme]
    figure = go.Figure(_view_figure(request, content, scene, slices))
    if request.view == "compare":
        if not state.compare:
            raise ExportError("the compare view needs a scenario to compare with (--compare ID)")
        title = translate("export.title.compare", lang, scenario=content.scenario_name(state.scenario, lang),
                          compare=content.scenario_name(state.compare, lang))
    else:
        title = translate(f"export.title.{request.view}", lang, scenario=content.scenario_name(state.scenario, lang))
    if state.select and request.view in ("brain3d", "compare", "slices", "circuit"):
        name = content.region(state.select.id).name(lang) if state.select.kind == "region" else (
            content.tables["connections"].set_index("id").loc[state.select.id, "name_zh" if lang == "zh" else "name_en"]
        )
        title += translate("export.selected", lang, name=name)
    spatial = request.view in ("brain3d", "compare", "slices", "circuit")
    caption = _caption(content, request)
    # the caption sits in the bottom margin, sized to its lines; the legend under the title
    own = figure.layout.margin.b if figure.layout.margin.b is not None else 20
    bottom = own + 16 + (caption.count("<br>") + 1) * (CAPTION_SIZE + 6)
    top = 150 if spatial else 80
    background = "rgba(0,0,0,0)" if request.transparent else theme["background"]
    notes = [
        {"text": caption, "xref": "paper", "yref": "paper", "x": 0, "y": 0, "yshift": -bottom + 10,
         "xanchor": "left", "yanchor": "bottom", "align": "left", "showarrow": False,
         "font": {"size": CAPTION_SIZE, "color": theme["muted"]}},
    ]
    if spatial:
        notes.append({"text": _legend(lang), "xref": "paper", "yref": "paper", "x": 0, "y": 1, "yshift": 8,
                      "xanchor": "left", "yanchor": "bottom", "align": "left", "showarrow": False,
                      "font": {"size": 17, "color": theme["ink"]}})
    if request.view in ("brain3d", "compare"):
        # closer than on screen: a figure has no zoom, the brain should fill it
        for name in ("scene", "scene2"):
            if name in figure.layout and figure.layout[name].camera.eye.x is not None:
                eye = figure.layout[name].camera.eye
                figure.layout[name].camera.eye = {"x": eye.x * EXPORT_ZOOM, "y": eye.y * EXPORT_ZOOM, "z": eye.z * EXPORT_ZOOM}
    figure.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left", "y": 1, "yref": "container", "yanchor": "top", "pad": {"t": 18},
               "font": {"size": TITLE_SIZE, "color": theme["ink"]}},
        annotations=[*figure.layout.annotations, *notes],
        paper_bgcolor=background,
        margin={"l": 40, "r": 40, "t": top, "b": bottom},
        font={"color": theme["ink"]},
        showlegend=figure.layout.showlegend,
    )
    if request.view not in ("slices",):
        figure.update_layout(plot_bgcolor=background)
    if request.theme == "dark":
        figure.update_xaxes(gridcolor=theme["grid"], linecolor=theme["muted"])
        figure.update_yaxes(gridcolor=theme["grid"], linecolor=theme["muted"])
    return figure


def _browser_path() -> str:
    """The Chromium kaleido will drive: ``BROWSER_PATH``, else one on the PATH."""
    chosen = os.environ.get("BROWSER_PATH")
    if chosen:
        if not os.path.isfile(chosen):
            raise ExportError(f"BROWSER_PATH={chosen} is not a file: {INSTALL_HINT}")
        return chosen
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise ExportError(f"static export needs a Chromium browser: {INSTALL_HINT}")


@lru_cache(maxsize=1)
def _start_browser() -> None:
    """One kaleido browser for the life of the process: 0.2 s an image instead of 3 s.

    Offline: no MathJax from a CDN; plotly.js comes from the plotly package.
    """
    import kaleido

    kaleido.start_sync_server(mathjax=False, silence_warnings=True)


def render(figure: go.Figure, fmt: str, width: int, height: int, scale: float = 1.0) -> bytes:
    """The figure as ``fmt`` bytes.

    Raises
    ------
    ExportError
        For an unknown format, or when no Chromium is there to draw a static image.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if fmt == "html":
        html = figure.to_html(
            include_plotlyjs=True, full_html=True, default_width="100%", default_height="100vh",
            config={"displaylogo": False, "responsive": True},
        )
        return html.encode("utf-8")
    browser = _browser_path()
    import kaleido
    from kaleido.errors import ChromeNotFoundError

    os.environ["BROWSER_PATH"] = browser
    try:
        with _BROWSER_LOCK:
            _start_browser()
        return kaleido.calc_fig_sync(
            json.loads(figure.to_json()), opts={"format": fmt, "width": width, "height": height, "scale": scale}
        )
    except ChromeNotFoundError as error:
        raise ExportError(f"static export could not start Chromium ({browser}): {INSTALL_HINT}") from error
