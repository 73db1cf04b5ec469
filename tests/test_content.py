"""The data tables: the shipped data is valid, and each corruption is reported precisely."""

import shutil
from pathlib import Path

import pytest

from dashboard.content import ContentError, load_content
from dashboard.paths import data_dir


def test_shipped_data_is_valid(content):
    assert content.region_ids[:4] == ("amygdala", "insula", "hippocampus", "nucleus-accumbens")
    assert {"vta", "raphe-dorsal", "raphe-median", "locus-coeruleus"} <= set(content.region_ids)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(data_dir(), target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(directory: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(directory)
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("amygdala,Amygdala,杏仁核,harvard-oxford", "amygdala,Amygdala,,harvard-oxford", "regions.csv:2:name_zh: value is required"),
        ("insula,Insula,岛叶皮层,harvard-oxford", "insula,Insula,岛叶皮层,talairach", "regions.csv:3:atlas: 'talairach' fails isin"),
        ("Left_Hippocampus", "Left_Hippocampos", "regions.csv:4:label_left: 'Left_Hippocampos' is not a structure of harvard-oxford"),
        ("Right_Accumbens,,50", "Right_Accumbens,,fifty", "regions.csv:5:threshold: 'fifty' has the wrong type"),
        ("VTA_R,,,#E69F00", "VTA_R,,,orange", "regions.csv:6:color: 'orange' fails str_matches"),
        ("Right_Amygdala,,50", "Right_Amygdala,,", "regions.csv:2:threshold: a probabilistic atlas needs a threshold"),
    ],
)
def test_each_corruption_names_file_row_and_column(data_copy, old, new, expected):
    edit(data_copy / "regions.csv", old, new)
    assert any(problem.startswith(expected) for problem in problems_of(data_copy)), problems_of(data_copy)


def test_a_missing_column_is_reported(data_copy):
    path = data_copy / "regions.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(",".join(line.split(",")[:-1]) for line in lines) + "\n", encoding="utf-8")
    assert "regions.csv:1:color: required column is missing" in problems_of(data_copy)


def test_a_missing_file_is_reported(data_copy):
    (data_copy / "regions.csv").unlink()
    assert "regions.csv::: file is missing" in problems_of(data_copy)
