"""The mesh cache: atlas files -> meshes and statistics, built once, on disk.

A cache directory is named by a key that hashes the atlas files' checksums,
the structure definitions and the build parameters, so a change to any of
them builds a new cache and an unchanged start builds nothing. A build is
written to a temporary directory and renamed into place, so an interrupted
build never leaves a half-written cache behind.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import nibabel as nib
import numpy as np
import platformdirs

from atlas.meshes import Mesh, MeshParameters, isosurface, smooth_and_decimate
from atlas.sources import AtlasFiles, atlas_files, file_checksum
from atlas.volumes import AAL3, AtlasVolumes, StructureSpec

__all__ = [
    "CACHE_ENV",
    "GLASS_BRAIN",
    "BUILD_VERSION",
    "GlassBrainParameters",
    "StructureStats",
    "MeshStore",
    "CacheCorruptError",
    "cache_root",
    "cache_key",
    "build_store",
]

log = logging.getLogger(__name__)

CACHE_ENV = "BRAIN_CIRCUITS_CACHE"
GLASS_BRAIN = "glass-brain"
# Bump when the build code changes in a way the parameters do not capture.
BUILD_VERSION = 4
HARVARD_OXFORD_ARRAY = "harvard_oxford.npy"
TEMPLATE_ARRAY = "template.npy"
TEMPLATE_LABELS_ARRAY = "structures_on_template.npy"
MANIFEST = "manifest.json"

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class GlassBrainParameters:
    """How the translucent brain is made from the MNI152 template.

    The template is skull-stripped: voxels above ``threshold`` (as nilearn's
    ``load_mni152_brain_mask``) form the brain, blurred by ``blur_sigma``
    voxels so the surface wraps the gyri instead of following every sulcus.
    """

    threshold: float = 0.2
    blur_sigma: float = 2.0
    step_size: int = 2
    taubin_iterations: int = 10
    # A translucent outline: 6,000 vertices keep its shape; more only cost payload.
    max_vertices: int = 6000


class CacheCorruptError(RuntimeError):
    """A cache directory exists but cannot be read."""


@dataclass(frozen=True)
class StructureStats:
    """Measured facts of one meshed structure."""

    key: str
    region_id: str
    hemisphere: str
    atlas: str
    label: str
    threshold: float | None
    voxels: int
    volume_mm3: float
    centroid_mni: tuple[float, float, float]
    vertices: int
    faces: int


def cache_root() -> Path:
    """Directory holding cache builds: ``$BRAIN_CIRCUITS_CACHE`` or the user cache dir."""
    override = os.environ.get(CACHE_ENV)
    return Path(override) if override else platformdirs.user_cache_path("brain-circuits")


def cache_key(
    files: AtlasFiles,
    specs: Iterable[StructureSpec],
    parameters: MeshParameters = MeshParameters(),
    glass: GlassBrainParameters = GlassBrainParameters(),
) -> str:
    """Hash of everything a build depends on."""
    payload = {
        "version": BUILD_VERSION,
        "files": [file_checksum(path) for path in files.checksummed()],
        "specs": [asdict(spec) for spec in specs],
        "mesh": asdict(parameters),
        "glass": asdict(glass),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


class MeshStore:
    """A built cache: meshes, their statistics and the atlas lookup volume.

    Parameters
    ----------
    directory : Path
        A finished cache build.
    """

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        try:
            manifest = json.loads((self.directory / MANIFEST).read_text())
            self.stats = {
                row["key"]: StructureStats(**{**row, "centroid_mni": tuple(row["centroid_mni"])})
                for row in manifest["structures"]
            }
            self.meshes = {key: self._read_mesh(key) for key in [*self.stats, GLASS_BRAIN]}
            self._template_affine = np.array(manifest["template_affine"])
            self._label_keys = list(manifest["template_label_keys"])
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise CacheCorruptError(f"mesh cache {self.directory} is unreadable: {error}") from error

    def _read_mesh(self, key: str) -> Mesh:
        with np.load(self.directory / _mesh_file(key)) as arrays:
            return Mesh(arrays["vertices"], arrays["faces"])

    @property
    def glass_brain(self) -> Mesh:
        return self.meshes[GLASS_BRAIN]

    def structure_meshes(self) -> dict[str, Mesh]:
        """Meshes of the structures, keyed by ``region_id:hemisphere``."""
        return {key: mesh for key, mesh in self.meshes.items() if key != GLASS_BRAIN}

    def template(self) -> tuple[np.ndarray, np.ndarray]:
        """The MNI152 template as uint8 (0-255) and its affine, for slices."""
        return np.load(self.directory / TEMPLATE_ARRAY, mmap_mode="r"), self._template_affine

    def template_labels(self) -> tuple[np.ndarray, list[str]]:
        """Structures on the template grid: value k is ``keys[k - 1]``, 0 is none."""
        return np.load(self.directory / TEMPLATE_LABELS_ARRAY, mmap_mode="r"), self._label_keys

    def harvard_oxford_probabilities(self) -> np.ndarray:
        """Memory-mapped Harvard-Oxford maps (x, y, z, label), uint8 percent.

        Mapped, not loaded: a lookup touches a few pages, and the serving
        process never holds the 0.5 GB array as private memory.
        """
        return np.load(self.directory / HARVARD_OXFORD_ARRAY, mmap_mode="r")


def _mesh_file(key: str) -> str:
    return key.replace(":", "__") + ".npz"


def _structure_stats(spec: StructureSpec, mask: np.ndarray, affine: np.ndarray, mesh: Mesh) -> StructureStats:
    ijk = np.argwhere(mask)
    centroid = ijk.mean(axis=0) @ affine[:3, :3].T + affine[:3, 3]
    voxel_volume = abs(float(np.linalg.det(affine[:3, :3])))
    return StructureStats(
        key=spec.key,
        region_id=spec.region_id,
        hemisphere=spec.hemisphere,
        atlas=spec.atlas,
        label=spec.label,
        threshold=spec.threshold,
        voxels=int(len(ijk)),
        volume_mm3=round(len(ijk) * voxel_volume, 1),
        centroid_mni=tuple(round(float(c), 2) for c in centroid),
        vertices=mesh.n_vertices,
        faces=mesh.n_faces,
    )


def structure_mesh(volumes: AtlasVolumes, spec: StructureSpec, parameters: MeshParameters) -> Mesh:
    """Mesh one atlas structure (smoothed and decimated)."""
    field, level = volumes.field(spec)
    raw = isosurface(field, level, volumes.affine(spec.atlas), parameters, binary=spec.atlas == AAL3)
    return smooth_and_decimate(raw, parameters)


def structures_on_template(volumes: AtlasVolumes, specs, template: nib.Nifti1Image) -> np.ndarray:
    """Every structure's mask carried onto the template grid (nearest voxel).

    Value k marks ``specs[k - 1]``; the atlases and the template are all
    1 mm grids in MNI space, so voxel centres map one to one.
    """
    labels = np.zeros(template.shape[:3], dtype=np.uint8)
    inverse = np.linalg.inv(template.affine)
    for value, spec in enumerate(specs, start=1):
        ijk = np.argwhere(volumes.mask(spec))
        world = ijk @ volumes.affine(spec.atlas)[:3, :3].T + volumes.affine(spec.atlas)[:3, 3]
        target = np.rint(world @ inverse[:3, :3].T + inverse[:3, 3]).astype(int)
        inside = np.all((target >= 0) & (target < np.array(labels.shape)), axis=1)
        labels[tuple(target[inside].T)] = value
    return labels


def template_bytes(template: nib.Nifti1Image) -> np.ndarray:
    """The template rescaled to uint8, robust to a few bright voxels."""
    data = np.asarray(template.dataobj, dtype=np.float32)
    top = np.percentile(data[data > 0], 99.5)
    return np.clip(data / top * 255, 0, 255).astype(np.uint8)


def glass_brain_field(template: nib.Nifti1Image, parameters: GlassBrainParameters) -> np.ndarray:
    """Blurred brain mask whose 0.5 isosurface is the glass brain."""
    from scipy import ndimage

    data = np.asarray(template.dataobj, dtype=np.float32)
    brain = (data > parameters.threshold * data.max()).astype(np.float32)
    brain = ndimage.binary_fill_holes(brain).astype(np.float32)
    return ndimage.gaussian_filter(brain, parameters.blur_sigma)


def glass_brain_mesh(template: nib.Nifti1Image, parameters: GlassBrainParameters) -> Mesh:
    """The translucent outer brain surface from the MNI152 template."""
    field = glass_brain_field(template, parameters)
    mesh_parameters = MeshParameters(
        upsample=1, taubin_iterations=parameters.taubin_iterations, max_vertices=parameters.max_vertices
    )
    raw = isosurface(field, 0.5, template.affine, mesh_parameters)
    return smooth_and_decimate(raw, mesh_parameters)


def build_store(
    specs: list[StructureSpec],
    *,
    root: Path | None = None,
    force: bool = False,
    progress: Progress | None = None,
    parameters: MeshParameters = MeshParameters(),
    glass: GlassBrainParameters = GlassBrainParameters(),
) -> MeshStore:
    """Build the cache for ``specs`` (or reuse it), and return it.

    Parameters
    ----------
    specs : list of StructureSpec
    root : Path, optional
        Cache root; defaults to :func:`cache_root`.
    force : bool
        Rebuild even when a valid cache exists.
    progress : callable(step, total, message), optional
        Called before each step.

    Returns
    -------
    MeshStore
    """
    files = atlas_files()
    root = Path(root) if root else cache_root()
    target = root / cache_key(files, specs, parameters, glass)
    if target.exists() and not force:
        try:
            return MeshStore(target)
        except CacheCorruptError as error:
            log.warning("%s; rebuilding it", error)
    report = progress or (lambda step, total, message: None)
    total = len(specs) + 3
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=root))
    try:
        volumes = AtlasVolumes(files)
        report(1, total, "reading the Harvard-Oxford probability maps")
        np.save(staging / HARVARD_OXFORD_ARRAY, volumes.harvard_oxford)
        stats = []
        for step, spec in enumerate(specs, start=2):
            report(step, total, f"meshing {spec.key} ({spec.atlas} {spec.label})")
            mesh = structure_mesh(volumes, spec, parameters)
            np.savez(staging / _mesh_file(spec.key), vertices=mesh.vertices, faces=mesh.faces)
            stats.append(_structure_stats(spec, volumes.mask(spec), volumes.affine(spec.atlas), mesh))
        report(total - 1, total, "meshing the glass brain and slicing the MNI152 template")
        template = nib.load(files.mni152_template)
        brain = glass_brain_mesh(template, glass)
        np.savez(staging / _mesh_file(GLASS_BRAIN), vertices=brain.vertices, faces=brain.faces)
        np.save(staging / TEMPLATE_ARRAY, template_bytes(template))
        np.save(staging / TEMPLATE_LABELS_ARRAY, structures_on_template(volumes, specs, template))
        manifest = {
            "build_version": BUILD_VERSION,
            "template_affine": template.affine.tolist(),
            "template_label_keys": [spec.key for spec in specs],
            "mesh_parameters": asdict(parameters),
            "glass_parameters": asdict(glass),
            "structures": [asdict(row) for row in stats],
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=1))
        del volumes  # drop the 4-D array before serving
        report(total, total, f"writing {target}")
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return MeshStore(target)
