"""Any other atlas structure, meshed on demand for context and cached.

The circuit's regions are built with the cache; a user may add any other
Harvard-Oxford or AAL3 structure (thalamus, cingulate, ...). Its mesh is
built the first time it is asked for, from the memory-mapped
Harvard-Oxford maps or the (memory-mapped) AAL3 image, and saved beside the
cache so it is never built twice.
"""

from __future__ import annotations

import os
import tempfile
from functools import cached_property

import nibabel as nib
import numpy as np

from atlas.meshes import Mesh, MeshParameters, isosurface, smooth_and_decimate
from atlas.sources import AtlasFiles
from atlas.store import MeshStore
from atlas.volumes import AAL3, HARVARD_OXFORD, read_aal3_labels, read_harvard_oxford_labels

__all__ = ["ExtraStructures", "EXTRA_THRESHOLD"]

# Same rule as the circuit's Harvard-Oxford regions.
EXTRA_THRESHOLD = 50.0


class ExtraStructures:
    """The catalogue of atlas structures and their on-demand meshes.

    Parameters
    ----------
    files : AtlasFiles
    store : MeshStore
        The built cache: supplies the Harvard-Oxford maps and the folder.
    exclude : iterable of (atlas, label)
        Structures already drawn as regions.
    """

    def __init__(self, files: AtlasFiles, store: MeshStore, exclude=(), parameters: MeshParameters = MeshParameters()):
        self.files = files
        self.store = store
        self.exclude = set(exclude)
        self.parameters = parameters
        self.folder = store.directory / "extra"

    @cached_property
    def _labels(self) -> dict[str, dict[str, int]]:
        return {
            HARVARD_OXFORD: read_harvard_oxford_labels(self.files.harvard_oxford_labels),
            AAL3: read_aal3_labels(self.files.aal3_labels),
        }

    @cached_property
    def catalogue(self) -> list[tuple[str, str]]:
        """Every (atlas, label) that can be added, in atlas order.

        AAL3's label file still lists structures that its image no longer
        draws (the anterior cingulate became three subregions): only labels
        present in the image are offered.
        """
        present = {AAL3: set(np.unique(np.asarray(nib.load(self.files.aal3).dataobj)).astype(int))}
        return [
            (atlas, label)
            for atlas, labels in self._labels.items()
            for label in sorted(labels, key=labels.get)
            if (atlas, label) not in self.exclude and (atlas not in present or labels[label] in present[atlas])
        ]

    @cached_property
    def keys(self) -> frozenset[str]:
        return frozenset(f"{atlas}:{label}" for atlas, label in self.catalogue)

    def mesh(self, key: str) -> Mesh:
        """The mesh of ``"atlas:label"``, built and cached the first time.

        Raises
        ------
        KeyError
            If the key is not in the catalogue.
        """
        if key not in self.keys:
            raise KeyError(f"unknown atlas structure {key!r}")
        path = self.folder / (key.replace(":", "__") + ".npz")
        if path.exists():
            try:
                with np.load(path) as arrays:
                    return Mesh(arrays["vertices"], arrays["faces"])
            except (OSError, ValueError, KeyError):
                pass  # unreadable: rebuilt below and written over
        mesh = self._build(*key.split(":", 1))
        self.folder.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a concurrent reader never sees half a file.
        handle, temporary = tempfile.mkstemp(suffix=".npz", dir=self.folder)
        os.close(handle)
        np.savez(temporary, vertices=mesh.vertices, faces=mesh.faces)
        os.replace(temporary, path)
        return mesh

    def _build(self, atlas: str, label: str) -> Mesh:
        index = self._labels[atlas][label]
        if atlas == HARVARD_OXFORD:
            field = np.asarray(self.store.harvard_oxford_probabilities()[..., index])
            affine = nib.load(self.files.harvard_oxford).affine
            raw = isosurface(field, EXTRA_THRESHOLD - 0.5, affine, self.parameters)
        else:
            image = nib.load(self.files.aal3)
            field = (np.asarray(image.dataobj) == index).astype(np.uint8)
            raw = isosurface(field, 0.5, image.affine, self.parameters, binary=True)
        return smooth_and_decimate(raw, self.parameters)
