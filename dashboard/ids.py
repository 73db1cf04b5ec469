"""Component ids, in one place so views and tests agree on them.

Plain strings for single components; pattern-matching dicts (``type`` plus
a key) for families, so callbacks never decode ids by splitting strings.
"""

PAGE_HEADER = "page-header"
APP_SHELL = "app-shell"
TOUR_PANEL = "tour-panel"
TOUR_BODY = "tour-body"
TOUR_STATE = "tour-state"
TOUR_PREV = "tour-previous"
TOUR_NEXT = "tour-next"
TOUR_START = "tour-start"
TOUR_END = "tour-end"
PRESENT_TOGGLE = "present-toggle"
THEME = "theme-select"
URL = "url"
VIEW_STATE = "view-state"
CAMERA_REQUEST = "camera-request"
NOTICE = "url-notice"

SCENARIO = "scenario-select"
COMPARE = "compare-select"
CAMERA = "camera-select"
TOGGLES = "view-toggles"
OPACITY = "glass-opacity"
LANGUAGE = "language-select"
EXTRA = "extra-select"
EXTRA_REQUEST = "extra-request"
EXTRA_OPTIONS = "extra-options"
EXTRA_WANTED = "extra-options-wanted"

BRAIN3D_GRAPH = "brain3d-graph"
COMPARE_GRAPH = "brain3d-compare-graph"
COMPARE_LOADED = "compare-loaded"
COMPARE_STATE = "compare-state"
COMPARE_VIEW = "compare-view"
MAIN_CAPTION = "brain3d-caption"
COMPARE_CAPTION = "compare-caption"

REGION_LIST = "region-list"
PANEL_TABS = "panel-tabs"
PANEL_BODY = "panel-body"
PANEL_SCROLLED = "panel-scrolled"


def text(key: str) -> dict:
    """A component whose children are the i18n string ``key``."""
    return {"type": "text", "key": key}


def region_button(region_id: str) -> dict:
    """A region in the region list; clicking it selects the region."""
    return {"type": "select-region", "region": region_id}


def select_link(target: str, index: int | str = 0) -> dict:
    """A link inside a panel that selects ``region:ID`` or ``connection:ID``."""
    return {"type": "select-link", "target": target, "index": index}

PANE = "pane-select"
EXPORT_FORMAT = "export-format"
EXPORT_OPTIONS = "export-options"
EXPORT_BUTTON = "export-button"
EXPORT_STATUS = "export-status"
EXPORT_DOWNLOAD = "export-download"
LEGEND = "legend"
CIRCUIT_GRAPH = "circuit-graph"
RADIOLOGICAL = "radiological-toggle"
WHERE_READOUT = "where-readout"
SLICE_PLANES = ("axial", "coronal", "sagittal")


def slice_graph(plane: str) -> dict:
    return {"type": "slice-graph", "plane": plane}


def slice_slider(plane: str) -> dict:
    return {"type": "slice-slider", "plane": plane}


def pane_view(pane: str) -> dict:
    """The container of one main view (``3d``, ``slices``, ``neurochem``...)."""
    return {"type": "pane-view", "pane": pane}


def cite_link(scope: str, source: str, section: str, index: int) -> dict:
    """A citation drawn by view ``scope``; clicking it opens the cited section."""
    return {"type": "cite", "scope": scope, "source": source, "section": section, "index": index}


def choose_scenario(scenario: str) -> dict:
    """A button that shows an MDMA scenario, or compares MDMA with a drug."""
    return {"type": "choose-scenario", "scenario": scenario}


def document_part(pane: str, part: str) -> dict:
    """The ``head`` or ``body`` text of a document view."""
    return {"type": "document-part", "pane": pane, "part": part}


def document_graph(pane: str) -> dict:
    """The chart of a document view."""
    return {"type": "document-graph", "pane": pane}


def pane_state(pane: str) -> dict:
    """The view state, passed on only while ``pane`` is shown."""
    return {"type": "pane-state", "pane": pane}
