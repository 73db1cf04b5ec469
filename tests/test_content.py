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


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("effects.csv", "acute-amygdala-bloodflow,mdma-acute,amygdala,", "acute-amygdala-bloodflow,mdma-acute,amygdalla,",
         "effects.csv:4:region: 'amygdalla' is not an id in regions.csv"),
        ("effects.csv", "hippocampus,blood-flow,down", "hippocampus,blood-flow,sideways",
         "effects.csv:5:direction: 'sideways' fails isin"),
        ("facts.csv", "serotonin-dopamine-ratio,neurochemistry,Serotonin rise relative to dopamine rise,血清素升幅相对多巴胺升幅,,3,8,",
         "serotonin-dopamine-ratio,neurochemistry,Serotonin rise relative to dopamine rise,血清素升幅相对多巴胺升幅,,8,3,",
         "facts.csv:2:low: range is reversed: 8 > 3"),
        ("glossary.csv", "amygdala,Amygdala,杏仁核,", "amygdala,Amygdala,,", "glossary.csv:2:term_zh: value is required"),
        ("scenarios.csv", "mdma-overview,what-mdma-is\nlsd", "mdma-overview,what-is-mdma\nlsd",
         "scenarios.csv:6:section: 'what-is-mdma' is not a section of 'mdma-overview' in sections.csv"),
        ("connection_changes.csv", "ptsd-amygdala-insula,amygdala-insula,ptsd,", "ptsd-amygdala-insula,amygdala-insula,ptsdd,",
         "connection_changes.csv:2:scenario: 'ptsdd' is not an id in scenarios.csv"),
        ("effects.csv", "acute-vta-dopamine,mdma-acute,vta,transmitter-release,up,,",
         "acute-vta-dopamine,mdma-acute,vta,transmitter-release,up,,2",
         "effects.csv:10:low: anatomical context never carries a number"),
        ("tour.csv", ",region:amygdala,left,3d,", ",region:amygdale,left,3d,",
         "tour.csv:4:select: 'amygdale' is not an id in regions.csv"),
        ("risks.csv", "Combining MDMA with caffeine amplified neurotoxic effects in animal studies.,",
         "Combining MDMA, with caffeine amplified neurotoxic effects in animal studies.,",
         "risks.csv:4:: row has 12 cells but the header has 11 (unquoted comma?)"),
    ],
)
def test_each_content_corruption_names_file_row_and_column(data_copy, file, old, new, expected):
    edit(data_copy / file, old, new)
    problems = problems_of(data_copy)
    assert any(problem.startswith(expected) for problem in problems), problems


def test_missing_column_in_a_content_table(data_copy):
    edit(data_copy / "effects.csv", ",evidence_stated,", ",evidence_said,")
    assert "effects.csv:1:evidence_stated: required column is missing" in problems_of(data_copy)


def test_chinese_text_must_be_chinese(data_copy):
    edit(data_copy / "glossary.csv", "杏仁核,", "amygdala,")
    assert any(p.startswith("glossary.csv:2:term_zh:") for p in problems_of(data_copy))


def test_check_data_and_serve_report_problems_without_a_traceback(data_copy):
    import os
    import subprocess
    import sys

    edit(data_copy / "effects.csv", "mdma-acute,amygdala,blood-flow", "mdma-acute,amygdalla,blood-flow")
    command = [sys.executable, "-m", "dashboard.cli"]
    checked = subprocess.run([*command, "check-data", "--data", str(data_copy)], capture_output=True, text=True)
    assert checked.returncode == 1
    assert "effects.csv:4:region: 'amygdalla' is not an id in regions.csv" in checked.stdout
    env = {**os.environ, "BRAIN_CIRCUITS_DATA": str(data_copy)}
    from tests.conftest import free_port

    served = subprocess.run(
        [*command, "serve", "--port", str(free_port())], capture_output=True, text=True, env=env, timeout=120
    )
    assert served.returncode == 1 and "Traceback" not in served.stderr
    assert "effects.csv:4:region" in served.stderr and "check-data" in served.stderr
    ok = subprocess.run([*command, "check-data"], capture_output=True, text=True)
    assert ok.returncode == 0 and "data OK" in ok.stdout
