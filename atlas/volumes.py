"""Atlas images and label tables, and the structures defined on them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import nibabel as nib
import numpy as np
import pandas as pd

from atlas.sources import AtlasFiles

__all__ = [
    "HARVARD_OXFORD",
    "AAL3",
    "ATLASES",
    "Hemisphere",
    "StructureSpec",
    "read_harvard_oxford_labels",
    "read_aal3_labels",
    "AtlasVolumes",
    "world_to_voxel",
    "voxel_to_world",
]

HARVARD_OXFORD = "harvard-oxford"
AAL3 = "aal3"
ATLASES = (HARVARD_OXFORD, AAL3)
HEMISPHERES = ("left", "right", "midline")

Hemisphere = str


@dataclass(frozen=True)
class StructureSpec:
    """One atlas structure to mesh: a region in one hemisphere.

    Parameters
    ----------
    region_id : str
        Project-wide region id, e.g. ``"amygdala"``.
    hemisphere : {"left", "right", "midline"}
    atlas : {"harvard-oxford", "aal3"}
    label : str
        The atlas's own label name, e.g. ``"Left_Amygdala"`` or ``"VTA_L"``.
    threshold : float or None
        For probabilistic atlases, the minimum probability (percent) that
        counts as inside the structure; ``None`` for label atlases.
    """

    region_id: str
    hemisphere: Hemisphere
    atlas: str
    label: str
    threshold: float | None = None

    def __post_init__(self):
        if self.atlas not in ATLASES:
            raise ValueError(f"unknown atlas {self.atlas!r}; expected one of {ATLASES}")
        if self.hemisphere not in HEMISPHERES:
            raise ValueError(f"unknown hemisphere {self.hemisphere!r}; expected one of {HEMISPHERES}")
        if self.atlas == HARVARD_OXFORD and not (self.threshold and 0 < self.threshold <= 100):
            raise ValueError(f"{self.label}: a Harvard-Oxford structure needs a threshold in (0, 100]")

    @property
    def key(self) -> str:
        """Unique name of the mesh: ``region_id`` plus hemisphere."""
        return f"{self.region_id}:{self.hemisphere}"


def read_harvard_oxford_labels(path: Path) -> dict[str, int]:
    """Map Harvard-Oxford label names to their volume index."""
    table = pd.read_csv(path)
    return dict(zip(table["name"], table["index"].astype(int)))


def read_aal3_labels(path: Path) -> dict[str, int]:
    """Map AAL3 label names to their value in the label image.

    Lines are ``value name`` with, for some, the value repeated at the end.
    """
    labels = {}
    for line in Path(path).read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].isdigit():
            labels[parts[1]] = int(parts[0])
    return labels


def world_to_voxel(affine: np.ndarray, xyz) -> np.ndarray:
    """MNI millimetres (n, 3) to fractional voxel indices (n, 3)."""
    xyz = np.atleast_2d(np.asarray(xyz, dtype=float))
    inverse = np.linalg.inv(affine)
    return xyz @ inverse[:3, :3].T + inverse[:3, 3]


def voxel_to_world(affine: np.ndarray, ijk) -> np.ndarray:
    """Voxel indices (n, 3) to MNI millimetres (n, 3)."""
    ijk = np.atleast_2d(np.asarray(ijk, dtype=float))
    return ijk @ affine[:3, :3].T + affine[:3, 3]


class AtlasVolumes:
    """Lazy access to the atlas images.

    The 4-D Harvard-Oxford array (about 0.5 GB) is read only when asked for
    and lives as long as this object: build meshes, then drop the object.
    """

    def __init__(self, files: AtlasFiles):
        self.files = files

    @cached_property
    def harvard_oxford_image(self) -> nib.Nifti1Image:
        return nib.load(self.files.harvard_oxford)

    @cached_property
    def harvard_oxford_labels(self) -> dict[str, int]:
        return read_harvard_oxford_labels(self.files.harvard_oxford_labels)

    @cached_property
    def harvard_oxford(self) -> np.ndarray:
        """All probability maps, uint8 percent, shape (x, y, z, labels)."""
        return np.asarray(self.harvard_oxford_image.dataobj)

    @cached_property
    def aal3_image(self) -> nib.Nifti1Image:
        return nib.load(self.files.aal3)

    @cached_property
    def aal3(self) -> np.ndarray:
        return np.asarray(self.aal3_image.dataobj).astype(np.uint8)

    @cached_property
    def aal3_labels(self) -> dict[str, int]:
        return read_aal3_labels(self.files.aal3_labels)

    def affine(self, atlas: str) -> np.ndarray:
        image = self.harvard_oxford_image if atlas == HARVARD_OXFORD else self.aal3_image
        return image.affine

    def field(self, spec: StructureSpec) -> tuple[np.ndarray, float]:
        """The scalar field whose isosurface is the structure, and its level.

        Harvard-Oxford: the probability map (integer percent), cut half a
        percent below the threshold: the same voxels count as inside, and no
        vertex lands exactly on a voxel centre, where marching cubes would
        make degenerate triangles. AAL3: the binary label mask at 0.5.
        """
        if spec.atlas == HARVARD_OXFORD:
            index = self._index(spec, self.harvard_oxford_labels)
            return self.harvard_oxford[..., index], float(spec.threshold) - 0.5
        value = self._index(spec, self.aal3_labels)
        return (self.aal3 == value).astype(np.uint8), 0.5

    def mask(self, spec: StructureSpec) -> np.ndarray:
        field, level = self.field(spec)
        return field >= level

    @staticmethod
    def _index(spec: StructureSpec, labels: dict[str, int]) -> int:
        try:
            return labels[spec.label]
        except KeyError:
            raise KeyError(f"{spec.atlas} has no structure named {spec.label!r}") from None
