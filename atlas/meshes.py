"""Surface meshes from volumes: marching cubes, smoothing, decimation.

Every function here is pure: arrays in, a :class:`Mesh` out, in MNI mm.
The mesh libraries are imported where meshes are built, not at import:
a server that only reads the cache starts a second faster without them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Mesh", "MeshParameters", "isosurface", "smooth_and_decimate"]


@dataclass(frozen=True)
class MeshParameters:
    """How a volume becomes a mesh; part of the cache key.

    Attributes
    ----------
    upsample : int
        Small structures are resampled by this factor before marching cubes
        so a 50-voxel nucleus is not a handful of cubes.
    small_voxels : int
        Structures with fewer voxels than this are upsampled.
    blur_sigma : float
        Gaussian blur (voxels) of binary masks, so label atlases give a
        smooth field to cut at 0.5 instead of voxel stairs.
    taubin_iterations : int
        Taubin smoothing passes: smooths without shrinking the structure.
    max_vertices : int
        Decimation budget per structure.
    """

    upsample: int = 2
    small_voxels: int = 2000
    blur_sigma: float = 0.4
    taubin_iterations: int = 12
    max_vertices: int = 1300


@dataclass(frozen=True)
class Mesh:
    """A triangle mesh in MNI millimetres.

    ``vertices`` is float32 (n, 3) and ``faces`` the smallest unsigned
    integer type that indexes them, so plotly sends compact typed arrays.
    """

    vertices: np.ndarray
    faces: np.ndarray

    def __post_init__(self):
        vertices = np.ascontiguousarray(self.vertices, dtype=np.float32)
        faces_dtype = np.uint16 if len(vertices) <= np.iinfo(np.uint16).max else np.uint32
        object.__setattr__(self, "vertices", vertices)
        object.__setattr__(self, "faces", np.ascontiguousarray(self.faces, dtype=faces_dtype))

    @property
    def n_vertices(self) -> int:
        return int(len(self.vertices))

    @property
    def n_faces(self) -> int:
        return int(len(self.faces))

    def to_trimesh(self):
        """The mesh as a ``trimesh.Trimesh`` (for measuring and smoothing)."""
        import trimesh

        return trimesh.Trimesh(self.vertices.astype(np.float64), self.faces.astype(np.int64), process=False)


def _crop(field: np.ndarray, pad: int) -> tuple[np.ndarray, np.ndarray]:
    """Crop to the non-zero bounding box plus zero padding; return the offset."""
    from scipy import ndimage

    box = ndimage.find_objects((field > 0).astype(np.uint8))
    if not box or box[0] is None:
        raise ValueError("the structure is empty")
    starts = np.array([s.start for s in box[0]])
    cropped = field[box[0]].astype(np.float32)
    return np.pad(cropped, pad), starts - pad


def isosurface(
    field: np.ndarray,
    level: float,
    affine: np.ndarray,
    parameters: MeshParameters = MeshParameters(),
    binary: bool = False,
) -> Mesh:
    """Marching cubes on a scalar field, returned in world coordinates.

    Parameters
    ----------
    field : ndarray (x, y, z)
        Probability map or label mask.
    level : float
        Isosurface level (a probability threshold, or 0.5 for masks).
    affine : ndarray (4, 4)
        Voxel-to-MNI transform of ``field``.
    parameters : MeshParameters
    binary : bool
        ``field`` is a 0/1 mask: blur it first.

    Returns
    -------
    Mesh
    """
    from scipy import ndimage
    from skimage import measure

    cropped, offset = _crop(field, pad=3)
    factor = parameters.upsample if (field >= level).sum() < parameters.small_voxels else 1
    if factor > 1:
        # Resample on a grid whose sample k sits at old index k / factor, so
        # marching cubes' spacing maps vertices back to voxel indices exactly.
        axes = [np.arange(0.0, size - 1 + 1e-6, 1.0 / factor) for size in cropped.shape]
        cropped = ndimage.map_coordinates(cropped, np.meshgrid(*axes, indexing="ij"), order=1)
    if binary:
        # After upsampling, so thin nuclei (the locus coeruleus is 2 voxels
        # wide) keep their volume instead of being blurred away.
        cropped = ndimage.gaussian_filter(cropped, parameters.blur_sigma * factor)
    vertices, faces, _, _ = measure.marching_cubes(cropped, level=level, spacing=(1.0 / factor,) * 3)
    ijk = vertices + offset
    world = ijk @ affine[:3, :3].T + affine[:3, 3]
    if np.linalg.det(affine[:3, :3]) > 0:
        # marching_cubes winds faces inward for a field that is high inside;
        # a mirrored affine (Harvard-Oxford's x runs right to left) undoes
        # that, so flip only for a right-handed affine: normals face out.
        faces = faces[:, ::-1]
    return Mesh(world, faces)


def smooth_and_decimate(mesh: Mesh, parameters: MeshParameters = MeshParameters()) -> Mesh:
    """Taubin-smooth a mesh, then decimate it to the vertex budget."""
    import fast_simplification
    import trimesh

    surface = mesh.to_trimesh()
    trimesh.smoothing.filter_taubin(surface, iterations=parameters.taubin_iterations)
    vertices, faces = surface.vertices, surface.faces
    if len(vertices) > parameters.max_vertices:
        reduction = 1.0 - parameters.max_vertices / len(vertices)
        vertices, faces = fast_simplification.simplify(
            vertices.astype(np.float32), faces.astype(np.int32), target_reduction=reduction
        )
    return Mesh(vertices, faces)
