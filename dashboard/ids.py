"""Component ids, in one place so views and tests agree on them."""

BRAIN3D_GRAPH = "brain3d-graph"
REGION_LIST = "region-list"
PAGE_HEADER = "page-header"
