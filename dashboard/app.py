"""The Dash application factory: server, headers, compression. No figures here."""

from __future__ import annotations

import dash
from dash import html

from dashboard import ids
from dashboard.figures.brain3d import brain_figure
from dashboard.i18n import DEFAULT_LANGUAGE, translate
from dashboard.paths import assets_dir
from dashboard.resources import Resources, load_resources
from dashboard.views import brain3d, regions

__all__ = ["create_app"]


def _layout(resources: Resources, lang: str) -> html.Div:
    content, store = resources.content, resources.store
    figure = brain_figure(store.glass_brain, store.structure_meshes(), store.stats, content.regions, lang)
    return html.Div(
        className="app-shell",
        lang=lang,
        children=[
            html.Header(
                id=ids.PAGE_HEADER,
                className="page-header",
                children=[
                    html.H1(translate("app.title", lang)),
                    html.P(translate("app.tagline", lang), className="tagline"),
                ],
            ),
            html.Main(
                className="workspace",
                children=[regions.layout(content.regions, store.stats, lang), brain3d.layout(figure, lang)],
            ),
            html.Footer(
                className="page-footer",
                children=[
                    html.Span(translate("atlas.credit", lang)),
                    html.Span(translate("app.disclaimer", lang), className="disclaimer"),
                ],
            ),
        ],
    )


def create_app(resources: Resources | None = None) -> dash.Dash:
    """Build the Dash app.

    Parameters
    ----------
    resources : Resources, optional
        Loaded content and meshes; loaded (and the cache built) when omitted.

    Returns
    -------
    dash.Dash
    """
    resources = resources or load_resources()
    app = dash.Dash(
        __name__,
        title=translate("app.title"),
        assets_folder=str(assets_dir()),
        compress=True,
        serve_locally=True,
        update_title=None,
    )
    app.layout = _layout(resources, DEFAULT_LANGUAGE)
    return app
