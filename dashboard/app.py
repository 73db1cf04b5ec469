"""The Dash application factory: server, headers, compression. No figures here."""

from __future__ import annotations

import logging

import dash
from dash import html
from plotly.offline import get_plotlyjs_version

from atlas.extra import ExtraStructures
from atlas.lookup import AtlasLookup
from atlas.sources import atlas_files
from dashboard import ids
from dashboard.figures.brain3d import SceneData
from dashboard.figures.slices import SliceData
from dashboard.i18n import DEFAULT_LANGUAGE, translate
from dashboard.paths import assets_dir
from dashboard.resources import Resources, load_resources
from dashboard.security import install_headers, install_request_guard
from dashboard.serving import install_layout_cache, install_preloads, install_regenerator_runtime
from dashboard.state import ViewState
from dashboard.views import (
    brain3d,
    export,
    circuit,
    controls,
    drugs,
    neurochem,
    panel,
    panes,
    protocol,
    regions,
    risks,
    slices,
    text,
    tour,
    url_state,
)

__all__ = ["create_app", "plotly_bundle", "regenerator_runtime"]

DOCUMENT_VIEWS = (neurochem, drugs, protocol, risks)
VENDOR_FOLDER = "vendor"
log = logging.getLogger(__name__)


def plotly_bundle() -> str | None:
    """The asset path of our plotly.js bundle for the installed plotly, if one is shipped.

    plotly.js built with only the trace types drawn here
    (``assets/vendor/plotly-bundle``): 1.9 MB instead of 4.8, and the
    browser parses it in half the time. Dash's Graph uses ``window.Plotly``
    when it is defined and only otherwise loads the full bundle, which
    remains the fallback when plotly is upgraded without a rebuild.
    """
    name = f"{VENDOR_FOLDER}/plotly-custom-{get_plotlyjs_version()}.min.js"
    return name if (assets_dir() / name).is_file() else None


def regenerator_runtime() -> str | None:
    """The asset path of the vendored regenerator-runtime (built with the plotly bundle), if shipped."""
    found = sorted((assets_dir() / VENDOR_FOLDER).glob("regenerator-runtime-*.js"))
    return f"{VENDOR_FOLDER}/{found[-1].name}" if found else None


def scene_data(resources: Resources) -> SceneData:
    """The read-only bundle the 3D figures are drawn from."""
    content, store = resources.content, resources.store
    return SceneData(
        glass=store.glass_brain,
        meshes=store.structure_meshes(),
        stats=store.stats,
        regions=content.regions,
        effects=content.tables["effects"],
        connections=content.tables["connections"],
        changes=content.tables["connection_changes"],
    )


def extra_structures(resources: Resources) -> ExtraStructures:
    """Every other atlas structure, for context; the circuit's own are left out."""
    drawn = {(spec.atlas, spec.label) for spec in resources.content.structure_specs()}
    return ExtraStructures(atlas_files(), resources.store, exclude=drawn)


def slice_data(resources: Resources) -> SliceData:
    template, affine = resources.store.template()
    labels, keys = resources.store.template_labels()
    return SliceData(template=template, labels=labels, keys=tuple(keys), affine=affine)


def _layout(resources: Resources, scene: SceneData, slices_data: SliceData, extra_menu: list[dict], lang: str) -> html.Div:
    content = resources.content
    return html.Div(
        id=ids.APP_SHELL,
        className="app-shell theme-light",
        children=[
            *url_state.layout(),
            *panes.stores(),
            html.Header(
                id=ids.PAGE_HEADER,
                className="page-header",
                children=[
                    html.H1(translate("app.title", lang)),
                    html.P(translate("app.tagline", lang), className="tagline", id=ids.text("app.tagline")),
                    tour.header_controls(lang),
                ],
            ),
            controls.layout(content, extra_menu, lang),
            url_state.notice_layout(),
            tour.layout(lang),
            html.Main(
                className="workspace",
                children=[
                    regions.layout(content.regions, lang),
                    html.Div(
                        className="center-column",
                        children=[
                            html.Div(className="view-bar", children=[panes.switch(lang), export.layout(lang)]),
                            html.Div(id=ids.pane_view("3d"), className="pane", children=brain3d.layout(scene, content.scenario_name(ViewState().scenario, lang), lang)),
                            slices.layout(slices_data, lang),
                            circuit.layout(),
                            *(view.layout() for view in DOCUMENT_VIEWS),
                            brain3d.legend(lang),
                        ],
                    ),
                    panel.layout(content, lang),
                ],
            ),
            html.Footer(
                className="page-footer",
                children=[
                    html.Span(translate("atlas.credit", lang), id=ids.text("atlas.credit")),
                    html.Span(translate("app.disclaimer", lang), className="disclaimer", id=ids.text("app.disclaimer")),
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
        # loaded below with defer, not as a plain asset script
        assets_path_ignore=[f"^{VENDOR_FOLDER}$"],
    )
    bundle = plotly_bundle()
    if bundle is None:
        log.warning("no plotly.js bundle for plotly.js %s in assets/%s: the full bundle is used", get_plotlyjs_version(), VENDOR_FOLDER)
    else:
        # Deferred: it downloads alongside the other scripts and runs once the page is parsed.
        app.config.external_scripts = [{"src": app.get_asset_url(bundle), "defer": "defer"}]
        # Dash starts from its inline script, before deferred scripts run: when the bundle
        # arrives after the layout (a slow network), its Graph finds no window.Plotly and
        # fetches the full plotly.js too. Starting Dash once the deferred scripts have run
        # (DOMContentLoaded) closes that race.
        app.renderer = f"document.addEventListener('DOMContentLoaded', function () {{ {app.renderer} }});"
    install_preloads(app)
    runtime = regenerator_runtime()
    if runtime is None:
        log.warning("no regenerator-runtime in assets/%s: Dash's Babel polyfill is loaded", VENDOR_FOLDER)
    else:
        install_regenerator_runtime(app, app.get_asset_url(runtime))
    scene, slices_data = scene_data(resources), slice_data(resources)
    extras = extra_structures(resources)
    extra_menu = controls.extra_options(extras.catalogue)
    app.layout = _layout(resources, scene, slices_data, extra_menu, DEFAULT_LANGUAGE)
    lookup = AtlasLookup(atlas_files(), resources.store, resources.content.structure_specs())
    url_state.register_callbacks(app, resources.content, scene, extra_menu, lookup)
    slices.register_callbacks(app, resources.content, scene, slices_data, lookup)
    circuit.register_callbacks(app, scene)
    brain3d.register_callbacks(app, scene, resources.content, extras)
    regions.register_callbacks(app)
    controls.register_callbacks(app)
    panel.register_callbacks(app, resources.content)
    text.register_callbacks(app, resources.content)
    panes.register_callbacks(app)
    tour.register_callbacks(app, resources.content)
    export.register_callbacks(app, resources.content, scene, slices_data)
    for view in DOCUMENT_VIEWS:
        view.register_callbacks(app, resources.content)
    # last: the policy hashes every inline script, clientside callbacks included
    install_headers(app)
    install_request_guard(app)
    install_layout_cache(app)
    return app
