"""Component ids, in one place so views and tests agree on them.

Plain strings for single components; pattern-matching dicts (``type`` plus
a key) for families, so callbacks never decode ids by splitting strings.
"""

PAGE_HEADER = "page-header"
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

BRAIN3D_GRAPH = "brain3d-graph"
COMPARE_GRAPH = "brain3d-compare-graph"
COMPARE_LOADED = "compare-loaded"
COMPARE_VIEW = "compare-view"
MAIN_CAPTION = "brain3d-caption"
COMPARE_CAPTION = "compare-caption"

REGION_LIST = "region-list"
PANEL_TABS = "panel-tabs"
PANEL_BODY = "panel-body"


def text(key: str) -> dict:
    """A component whose children are the i18n string ``key``."""
    return {"type": "text", "key": key}


def region_button(region_id: str) -> dict:
    """A region in the region list; clicking it selects the region."""
    return {"type": "select-region", "region": region_id}


def select_link(target: str, index: int = 0) -> dict:
    """A link inside a panel that selects ``region:ID`` or ``connection:ID``."""
    return {"type": "select-link", "target": target, "index": index}

PANE = "pane-select"
VIEW_3D = "view-3d"
SLICES_VIEW = "view-slices"
CIRCUIT_VIEW = "view-circuit"
CIRCUIT_GRAPH = "circuit-graph"
RADIOLOGICAL = "radiological-toggle"
WHERE_READOUT = "where-readout"
SLICE_PLANES = ("axial", "coronal", "sagittal")


def slice_graph(plane: str) -> dict:
    return {"type": "slice-graph", "plane": plane}


def slice_slider(plane: str) -> dict:
    return {"type": "slice-slider", "plane": plane}
