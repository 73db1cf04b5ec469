"""Pure mesh helpers on tiny synthetic volumes."""

import numpy as np
import pytest

from atlas.meshes import Mesh, MeshParameters, isosurface, smooth_and_decimate


def ball(radius: float, size: int = 31) -> np.ndarray:
    grid = np.indices((size,) * 3) - size // 2
    return (np.sqrt((grid**2).sum(axis=0)) <= radius).astype(np.uint8)


def translation(x, y, z, flip_x=False):
    affine = np.eye(4)
    affine[:3, 3] = (x, y, z)
    if flip_x:
        affine[0, 0] = -1
    return affine


@pytest.mark.parametrize("flip_x", [False, True])
def test_isosurface_is_closed_outward_and_placed_by_the_affine(flip_x):
    volume = ball(8)
    mesh = isosurface(volume, 0.5, translation(10, -20, 30, flip_x), MeshParameters(), binary=True)
    surface = mesh.to_trimesh()
    assert surface.is_watertight
    assert surface.volume > 0, "faces must wind outward"
    assert surface.volume == pytest.approx(4 / 3 * np.pi * 8**3, rel=0.15)
    centre_x = 10 - 15 if flip_x else 10 + 15
    np.testing.assert_allclose(mesh.vertices.mean(axis=0), [centre_x, -5, 45], atol=0.5)


def test_small_structures_are_upsampled_to_more_vertices():
    small = ball(2.5)
    coarse = isosurface(small, 0.5, np.eye(4), MeshParameters(upsample=1), binary=True)
    fine = isosurface(small, 0.5, np.eye(4), MeshParameters(upsample=2), binary=True)
    assert fine.n_vertices > 2 * coarse.n_vertices
    # Upsampling refines the surface; it must not move it.
    np.testing.assert_allclose(fine.vertices.mean(axis=0), coarse.vertices.mean(axis=0), atol=0.2)


def test_empty_volume_is_a_clear_error():
    with pytest.raises(ValueError, match="empty"):
        isosurface(np.zeros((5, 5, 5)), 0.5, np.eye(4))


def test_decimation_respects_the_budget_and_keeps_the_shape():
    mesh = isosurface(ball(12, 41), 0.5, np.eye(4), MeshParameters(upsample=1), binary=True)
    budget = MeshParameters(max_vertices=400)
    reduced = smooth_and_decimate(mesh, budget)
    assert reduced.n_vertices <= 440
    assert reduced.to_trimesh().is_watertight
    assert reduced.to_trimesh().volume == pytest.approx(mesh.to_trimesh().volume, rel=0.1)


def test_mesh_arrays_are_compact_types():
    mesh = Mesh(np.zeros((3, 3)), np.array([[0, 1, 2]]))
    assert mesh.vertices.dtype == np.float32
    assert mesh.faces.dtype == np.uint16
    big = Mesh(np.zeros((70000, 3)), np.array([[0, 1, 69999]]))
    assert big.faces.dtype == np.uint32
