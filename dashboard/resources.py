"""What the app reads once at start-up: validated content and built meshes.

Both are read-only after loading; callbacks share them across users and
workers without holding any per-user state.
"""

from __future__ import annotations

from dataclasses import dataclass

from atlas.store import MeshStore, Progress, build_store
from dashboard.content import Content, load_content

__all__ = ["Resources", "load_resources"]


@dataclass(frozen=True)
class Resources:
    content: Content
    store: MeshStore


def load_resources(progress: Progress | None = None) -> Resources:
    """Validate the data, then load the mesh cache (building it if missing).

    Raises
    ------
    dashboard.content.ContentError
        If the data folder is invalid.
    """
    content = load_content()
    store = build_store(content.structure_specs(), progress=progress)
    return Resources(content=content, store=store)
