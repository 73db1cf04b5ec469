"""Which atlas structures contain an MNI coordinate."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import nibabel as nib
import numpy as np

from atlas.sources import AtlasFiles
from atlas.store import MeshStore
from atlas.volumes import (
    HARVARD_OXFORD,
    StructureSpec,
    read_aal3_labels,
    read_harvard_oxford_labels,
    world_to_voxel,
)

__all__ = ["AtlasLookup", "WhereResult"]


@dataclass(frozen=True)
class WhereResult:
    """What the atlases say about one coordinate.

    Attributes
    ----------
    mni : tuple of float
        The coordinate asked about, in mm.
    in_harvard_oxford, in_aal3 : bool
        Whether it falls inside each atlas's image grid.
    harvard_oxford : list of (str, int)
        Structures with a non-zero probability there (percent), highest first.
    aal3 : str or None
        The AAL3 label there (``None`` when unlabelled or outside).
    structures : list of str
        Keys (``region_id:hemisphere``) of the project's structures that
        contain the coordinate by their own definition (threshold or label).
    """

    mni: tuple[float, float, float]
    in_harvard_oxford: bool
    in_aal3: bool
    harvard_oxford: list[tuple[str, int]] = field(default_factory=list)
    aal3: str | None = None
    structures: list[str] = field(default_factory=list)

    @property
    def outside(self) -> bool:
        """True when the coordinate is outside both atlases."""
        return not (self.in_harvard_oxford or self.in_aal3)


def _voxel(affine: np.ndarray, shape: tuple[int, ...], xyz) -> tuple[int, int, int] | None:
    ijk = np.rint(world_to_voxel(affine, xyz)[0]).astype(int)
    if np.any(ijk < 0) or np.any(ijk >= np.array(shape[:3])):
        return None
    return tuple(int(i) for i in ijk)


class AtlasLookup:
    """Coordinate lookup over a built mesh store and the AAL3 image.

    Parameters
    ----------
    files : AtlasFiles
    store : MeshStore
        Supplies the memory-mapped Harvard-Oxford maps.
    specs : list of StructureSpec
        The project's structures, to say which of them contain a point.
    """

    def __init__(self, files: AtlasFiles, store: MeshStore, specs: list[StructureSpec]):
        self.files = files
        self.store = store
        self.specs = specs

    @cached_property
    def _harvard_oxford(self):
        affine = nib.load(self.files.harvard_oxford).affine  # header only
        names = read_harvard_oxford_labels(self.files.harvard_oxford_labels)
        return self.store.harvard_oxford_probabilities(), affine, {v: k for k, v in names.items()}

    @cached_property
    def _aal3(self):
        image = nib.load(self.files.aal3)  # uncompressed: memory-mapped
        names = read_aal3_labels(self.files.aal3_labels)
        return image.dataobj, image.affine, image.shape, {v: k for k, v in names.items()}

    def where(self, x: float, y: float, z: float) -> WhereResult:
        """Look up one MNI coordinate (mm).

        Returns
        -------
        WhereResult
        """
        xyz = (float(x), float(y), float(z))
        if not all(np.isfinite(xyz)):
            raise ValueError(f"coordinate {xyz} is not finite")
        probabilities, ho_affine, ho_names = self._harvard_oxford
        aal_data, aal_affine, aal_shape, aal_names = self._aal3
        ho_voxel = _voxel(ho_affine, probabilities.shape, xyz)
        aal_voxel = _voxel(aal_affine, aal_shape, xyz)
        ho_values: dict[str, int] = {}
        if ho_voxel is not None:
            column = np.asarray(probabilities[ho_voxel])
            ho_values = {ho_names[int(i)]: int(column[i]) for i in np.flatnonzero(column)}
        aal_label = aal_names.get(int(aal_data[aal_voxel])) if aal_voxel is not None else None
        structures = [
            spec.key
            for spec in self.specs
            if (spec.atlas == HARVARD_OXFORD and ho_values.get(spec.label, 0) >= spec.threshold)
            or (spec.atlas != HARVARD_OXFORD and aal_label == spec.label)
        ]
        return WhereResult(
            mni=xyz,
            in_harvard_oxford=ho_voxel is not None,
            in_aal3=aal_voxel is not None,
            harvard_oxford=sorted(ho_values.items(), key=lambda item: -item[1]),
            aal3=aal_label,
            structures=structures,
        )
