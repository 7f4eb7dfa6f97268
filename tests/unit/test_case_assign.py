"""Is a published case turned into a sound nbgrader case-analysis assignment?"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import nbformat
import pytest
import yaml

from praxishub import courses
from praxishub.cases.assign import (
    ANSWER_STUB,
    assign,
    build_notebook,
    load_rubric,
    read_published,
    rubric_problems,
)
from praxishub.errors import PraxisError
from praxishub.settings import Settings

PUBLISHED = Path(__file__).resolve().parents[1] / "fixtures" / "cases" / "published"
CASE_ID = "ru-bullying-class-chat"
SECTIONS = ["presenting-problem", "history", "formulation", "risk", "plan", "supervision"]


def tiny_case(language: str = "ru") -> tuple[dict, dict]:
    """A two-section synthetic case, already de-identified."""
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# [ИМЯ_1], 15: тревога перед экзаменами"),
            nbformat.v4.new_markdown_cell("## Запрос\n\nМама [ИМЯ_1] просит помочь с тревогой."),
            nbformat.v4.new_markdown_cell("## Анамнез\n\nСон нарушен с [ДАТА_1]."),
        ]
    )
    meta = {"id": "tiny-case", "title": "Тревога перед экзаменами", "language": language}
    return nbformat.from_dict(nb), meta


def nbgrader_meta(cell) -> dict:
    return cell["metadata"]["nbgrader"]


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A case library holding the published synthetic case."""
    shutil.copytree(PUBLISHED, tmp_path / "library" / "cases")
    return tmp_path / "library"


def test_the_shipped_rubric_has_one_criterion_per_section_with_levels_0_to_3():
    """Does the shipped rubric tie one criterion to each analysis section, levels 0–3,
    every text in Russian and English?"""
    rubric = load_rubric()
    assert rubric_problems(rubric) == []
    assert [c["section"] for c in rubric["criteria"]] == SECTIONS
    assert all(sorted(c["descriptors"]) == [0, 1, 2, 3] for c in rubric["criteria"])


def test_rubric_problems_name_what_is_missing():
    """Are a missing level and a missing English text each named?"""
    rubric = copy.deepcopy(load_rubric())
    del rubric["criteria"][0]["descriptors"][1]
    del rubric["criteria"][1]["task"]["en"]
    problems = rubric_problems(rubric)
    assert "criteria.presenting-problem.descriptors: levels must be 0, 1, ... n" in problems
    assert "criteria.history.task: needs ru, en" in problems


def test_case_text_is_locked_and_kept_word_for_word():
    """Is the case text locked, never graded, and kept word for word, in order?"""
    case_nb, meta = tiny_case()
    nb = build_notebook(case_nb, meta, load_rubric(), "ru")
    case_cells = [c for c in nb.cells if c.id.startswith("case-")]
    assert [c.source for c in case_cells] == [c.source for c in case_nb.cells]
    assert nb.cells[1:4] == case_cells  # right after the intro
    for cell in [nb.cells[0], *case_cells]:
        assert cell.cell_type == "markdown"
        assert nbgrader_meta(cell) == {
            "grade": False,
            "grade_id": cell.id,
            "locked": True,
            "schema_version": 3,
            "solution": False,
            "task": False,
        }


def test_every_section_carries_the_rubric_max_points():
    """Does every analysis section get one manually graded Markdown answer worth its
    criterion's top level?"""
    rubric = load_rubric()
    nb = build_notebook(*tiny_case(), rubric, "ru")
    answers = [c for c in nb.cells if nbgrader_meta(c)["grade"]]
    assert [c.id for c in answers] == SECTIONS
    for cell, criterion in zip(answers, rubric["criteria"], strict=True):
        assert cell.cell_type == "markdown" and cell.source == ANSWER_STUB
        meta = nbgrader_meta(cell)
        assert (meta["solution"], meta["locked"]) == (True, False)
        assert meta["points"] == max(criterion["descriptors"]) == 3


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ru", "ru"), ("kk", "ru"), ("en", "en"), ("zh", "en"), ("cs", "en")],
)
def test_each_answer_follows_a_locked_prompt_with_its_levels(language, expected):
    """Is each answer preceded by a locked prompt showing its criterion and every level's
    descriptor, in Russian for ru and kk cases and in English otherwise?"""
    rubric = load_rubric()
    nb = build_notebook(*tiny_case(language), rubric, language)
    for criterion in rubric["criteria"]:
        i = next(i for i, c in enumerate(nb.cells) if c.id == criterion["section"])
        prompt = nb.cells[i - 1]
        assert prompt.id == f"{criterion['section']}-prompt"
        assert nbgrader_meta(prompt)["locked"] and not nbgrader_meta(prompt)["grade"]
        assert criterion["criterion"][expected] in prompt.source
        for descriptor in criterion["descriptors"].values():
            assert descriptor[expected] in prompt.source


def test_the_notebook_records_its_case_and_rubric():
    """Does the notebook name its case and its rubric in its metadata?"""
    nb = build_notebook(*tiny_case(), load_rubric(), "ru")
    assert nb.metadata["praxishub"] == {"case_id": "tiny-case", "rubric": "case-analysis"}


def test_a_code_cell_in_a_case_is_refused():
    """Is a case with a code cell refused, naming the cell?"""
    case_nb, meta = tiny_case()
    case_nb.cells.append(nbformat.v4.new_code_cell("print(1)"))
    with pytest.raises(PraxisError) as info:
        build_notebook(case_nb, meta, load_rubric(), "ru")
    assert "case.ipynb, cells[3]" in str(info.value)


def test_nbgrader_accepts_the_source_notebook_and_releases_stubs():
    """Does nbgrader's generate_assignment preprocessing accept the source notebook, keep
    the case locked and leave each answer a stub?"""
    from nbgrader.preprocessors import (
        CheckCellMetadata,
        ClearOutput,
        ClearSolutions,
        ComputeChecksums,
        LockCells,
    )

    nb = build_notebook(*tiny_case(), load_rubric(), "ru")
    resources = {"language": "python"}
    for step in (LockCells, ClearSolutions, ClearOutput, CheckCellMetadata, ComputeChecksums):
        nb, resources = step().preprocess(nb, resources)
    nbformat.validate(nb)
    graded = [c for c in nb.cells if nbgrader_meta(c)["grade"]]
    assert {c.source for c in graded} == {ClearSolutions().text_stub}
    locked = [c for c in nb.cells if c not in graded]
    assert all(c.metadata.get("deletable") is False for c in locked)
    assert all(c.metadata.get("editable") is False for c in locked if c.id.startswith("case-"))
    assert all("checksum" in nbgrader_meta(c) for c in nb.cells)


def test_a_published_case_is_read(library):
    """Is the published fixture read with its metadata?"""
    nb, meta = read_published(library, CASE_ID)
    assert meta["review"]["status"] == "published" and len(nb["cells"]) == 5


def test_an_unknown_case_lists_the_published_ones(library):
    """Does an unknown case (or a path in its place) name the cases there are?"""
    for bad in ("no-such-case", "../cases"):
        with pytest.raises(PraxisError) as info:
            read_published(library, bad)
        assert f"use one of: {CASE_ID}" in str(info.value)


@pytest.mark.parametrize(
    ("review", "expected"),
    [
        (None, "review: missing"),
        ({"status": "approved"}, "review.status: 'approved'"),
    ],
)
def test_an_unpublished_case_is_refused_with_the_fix(library, review, expected):
    """Is a case without a review record, or not yet published, refused with the fix?"""
    path = library / "cases" / CASE_ID / "case.yaml"
    meta = yaml.safe_load(path.read_text("utf-8"))
    if review is None:
        del meta["review"]
    else:
        meta["review"] = review
    path.write_text(yaml.safe_dump(meta, allow_unicode=True), "utf-8")
    with pytest.raises(PraxisError) as info:
        read_published(library, CASE_ID)
    assert expected in str(info.value)
    assert f"praxishub cases publish {CASE_ID}" in str(info.value)


def test_unknown_and_undeployed_courses_are_refused(tmp_path, library):
    """Are a course the programme does not have and one not yet deployed refused?"""
    settings = Settings(
        path=tmp_path / "praxishub.yaml",
        values={
            "data_dir": "var",
            "ports": {"courses": 9000},
            "courses": [{"id": "tiny", "trainers": ["t.one"]}],
        },
    )
    with pytest.raises(PraxisError) as info:
        assign(settings, CASE_ID, "nope", library)
    assert "use one of: tiny" in str(info.value)
    with pytest.raises(PraxisError) as info:
        assign(settings, CASE_ID, "tiny", library)
    assert "praxishub courses deploy" in str(info.value)


def test_assigning_again_replaces_the_listed_assignment(tmp_path):
    """Does recording a case assignment twice keep one entry, the latest?"""
    first = {"id": "case-a", "case_id": "a", "rubric": "case-analysis", "title": "A"}
    courses.record_case_assignment(tmp_path, first)
    courses.record_case_assignment(tmp_path, {"id": "case-b", "case_id": "b"})
    courses.record_case_assignment(tmp_path, {**first, "title": "A2"})
    listed = courses.case_assignments(tmp_path)
    assert [(a["id"], a.get("title")) for a in listed] == [("case-b", None), ("case-a", "A2")]
