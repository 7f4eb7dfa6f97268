"""Case-analysis assignments: a published case becomes an nbgrader assignment of a course.

Rule: the case text is locked and never graded; each analysis section is one Markdown
answer that a trainer grades against one rubric criterion, worth that criterion's top
level in points, so a rubric level *is* the nbgrader score. ``build_notebook`` is pure
(plain data in, notebook out); ``assign`` reads the library and writes the course.
"""

from __future__ import annotations

import json
import os
import pwd
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import nbformat

from praxishub import courses, unixusers
from praxishub.cases import files
from praxishub.cases.library import CASE_ID, meta_problems, read_yaml
from praxishub.errors import PraxisError, Problem
from praxishub.settings import Settings

RUBRIC = "rubric_case_analysis.yaml"
ANSWER_STUB = "YOUR ANSWER HERE"  # what nbgrader puts in a released solution cell anyway
LANGUAGES = ("ru", "en")  # of the prompts; Kazakh cases get Russian, the others English
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

TEXT = {
    "ru": {
        "heading": "Анализ случая",
        "intro": (
            "Прочитайте случай и напишите анализ в {n} ячейках ответа ниже. Перед каждой "
            "ячейкой указаны задание и критерий рубрики с уровнями 0–{top}: тренер "
            "оценивает каждый раздел по этим уровням (всего {total} баллов)."
        ),
        "privacy": (
            "Случай обезличен: метки вида [ИМЯ_1] заменяют имена и другие сведения. Это "
            "учебный материал: не выносите его за пределы хаба и не пытайтесь установить, "
            "о ком идёт речь."
        ),
        "heavy": (
            "> В случае описан высокий риск. Если материал задевает вас лично, сделайте "
            "паузу и поговорите с тренером или супервизором."
        ),
        "criterion": "Критерий",
        "points": "Баллы",
        "level": "Уровень",
        "descriptor": "Что видно в ответе",
    },
    "en": {
        "heading": "Case analysis",
        "intro": (
            "Read the case and write your analysis in the {n} answer cells below. Before "
            "each cell you find the task and its rubric criterion with levels 0–{top}: a "
            "trainer grades each section by these levels ({total} points in all)."
        ),
        "privacy": (
            "The case is de-identified: tags such as [NAME_1] stand for names and other "
            "details. It is training material: do not take it outside the hub, and do not "
            "try to find out who it is about."
        ),
        "heavy": (
            "> The case describes high risk. If the material touches you personally, take "
            "a break and talk to your trainer or supervisor."
        ),
        "criterion": "Criterion",
        "points": "Points",
        "level": "Level",
        "descriptor": "What the answer shows",
    },
}


def assignment_name(case_id: str) -> str:
    return f"case-{case_id}"


def prompt_language(case_language: str) -> str:
    """The language of a case's prompts: Russian for ru and kk cases, English otherwise."""
    return "ru" if case_language in ("ru", "kk") else "en"


def rubric_problems(rubric: dict[str, Any]) -> list[str]:
    """What is wrong with a rubric: each criterion needs a section, texts in every prompt
    language and one descriptor per level 0..top."""
    out = _shape_problems(rubric)
    if out:
        return out
    sections = [c.get("section") for c in rubric.get("criteria", [])]
    if not sections or len(set(sections)) != len(sections) or None in sections:
        out.append("criteria: give each criterion its own section id")
    for level, names in sorted(rubric.get("levels", {}).items()):
        if set(LANGUAGES) - set(names):
            out.append(f"levels.{level}: name this level in {', '.join(LANGUAGES)}")
    for c in rubric.get("criteria", []):
        for key in ("heading", "task", "criterion"):
            if set(LANGUAGES) - set(c.get(key, {})):
                out.append(f"criteria.{c.get('id')}.{key}: needs {', '.join(LANGUAGES)}")
        levels = sorted(c.get("descriptors", {}))
        if levels != list(range(len(levels))) or len(levels) < 2:
            out.append(f"criteria.{c.get('id')}.descriptors: levels must be 0, 1, ... n")
        for level in levels:
            if set(LANGUAGES) - set(c["descriptors"][level]):
                out.append(f"criteria.{c.get('id')}.descriptors.{level}: needs ru and en")
            if level not in rubric.get("levels", {}):
                out.append(f"levels: name level {level} of criteria.{c.get('id')}")
    return out


def _shape_problems(rubric: Any) -> list[str]:
    """What is the wrong kind of value, so that the checks of rubric_problems cannot run."""
    if not isinstance(rubric, dict):
        return ["top level: not a mapping; start with `id:`, then `levels:` and `criteria:`"]
    out = []
    if not isinstance(rubric.get("levels", {}), dict):
        out.append("levels: write a mapping of each level (0, 1, ...) to its names")
    criteria = rubric.get("criteria", [])
    if not isinstance(criteria, list) or not all(isinstance(c, dict) for c in criteria):
        return [*out, "criteria: write a list of criteria, each a mapping with id and section"]
    for c in criteria:
        if not isinstance(c.get("descriptors", {}), dict):
            out.append(
                f"criteria.{c.get('id')}.descriptors: write a mapping of each level "
                "(0:, 1:, ...) to its texts, not a list"
            )
    return out


def read_rubric(path: Path) -> dict[str, Any]:
    """Read and check a rubric file; PraxisError names the file, the field and the fix."""
    rubric = read_yaml(path)
    problems = rubric_problems(rubric)
    if problems:
        fields = [p.partition(": ")[::2] for p in problems]
        raise PraxisError(
            f"{path} has {len(problems)} problem(s).",
            [Problem(f"{path}, {field}", text, "correct the rubric") for field, text in fields],
        )
    return rubric


@cache
def load_rubric() -> dict[str, Any]:
    """The case-analysis rubric shipped with the package, checked."""
    return read_rubric(Path(str(resources.files("praxishub").joinpath("cases/data", RUBRIC))))


def max_points(criterion: dict[str, Any]) -> int:
    return max(criterion["descriptors"])


def _cell(source: str, grade_id: str, points: int | None = None) -> nbformat.NotebookNode:
    """A locked Markdown cell, or (with points) a manually graded Markdown answer."""
    answer = points is not None
    meta = {
        "grade": answer,
        "grade_id": grade_id,
        "locked": not answer,
        "schema_version": 3,
        "solution": answer,
        "task": False,
    }
    if answer:
        meta["points"] = points
    cell = nbformat.v4.new_markdown_cell(source, metadata={"nbgrader": meta})
    cell["id"] = grade_id
    return cell


def intro_source(case_meta: dict[str, Any], rubric: dict[str, Any], lang: str) -> str:
    text = TEXT[lang]
    tops = [max_points(c) for c in rubric["criteria"]]
    parts = [
        f"# {text['heading']}: {case_meta['title']}",
        text["intro"].format(n=len(tops), top=max(tops), total=sum(tops)),
        text["privacy"],
    ]
    if case_meta.get("risk_level") == "high":
        parts.append(text["heavy"])
    return "\n\n".join(parts)


def prompt_source(number: int, criterion: dict[str, Any], rubric: dict[str, Any], lang: str) -> str:
    """The task of one section and its criterion's levels, as a Markdown table."""
    text = TEXT[lang]
    rows = [f"| {text['level']} | {text['descriptor']} |", "|---|---|"]
    for level, descriptor in sorted(criterion["descriptors"].items()):
        name = rubric["levels"][level][lang]
        cell = descriptor[lang].replace("|", r"\|")  # a pipe would end the table cell
        rows.append(f"| {level} — {name} | {cell} |")
    return "\n\n".join(
        [
            f"## {number}. {criterion['heading'][lang]}",
            criterion["task"][lang],
            f"**{text['criterion']}:** {criterion['criterion'][lang]} · "
            f"**{text['points']}:** 0–{max_points(criterion)}",
            "\n".join(rows),
        ]
    )


def build_notebook(
    case_nb: dict[str, Any], case_meta: dict[str, Any], rubric: dict[str, Any], language: str
) -> nbformat.NotebookNode:
    """The nbgrader source notebook of a case analysis.

    ``case_meta`` is the case's case.yaml with its ``id`` (the folder name) added;
    ``language`` is the case's language (prompts follow ``prompt_language``).
    """
    lang = prompt_language(language)
    cells = [_cell(intro_source(case_meta, rubric, lang), "intro")]
    for i, cell in enumerate(case_nb.get("cells", [])):
        if cell.get("cell_type") != "markdown":
            raise PraxisError(
                f"Case {case_meta['id']} has a {cell.get('cell_type')} cell.",
                [Problem(f"case.ipynb, cells[{i}]", "not Markdown", "a case holds Markdown only")],
            )
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        locked = _cell(source, f"case-{i:02d}")
        if cell.get("attachments"):
            locked["attachments"] = cell["attachments"]
        cells.append(locked)
    for number, criterion in enumerate(rubric["criteria"], start=1):
        section = criterion["section"]
        cells.append(_cell(prompt_source(number, criterion, rubric, lang), f"{section}-prompt"))
        cells.append(_cell(ANSWER_STUB, section, points=max_points(criterion)))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata.update(
        kernelspec=KERNELSPEC,
        language_info={"name": "python"},
        praxishub={"case_id": case_meta["id"], "rubric": rubric["id"]},
    )
    nbformat.validate(nb)
    return nb


# --- the edge: the library in, the course out --------------------------------------------


def _case_error(summary: str, where: str, message: str, fix: str) -> PraxisError:
    return PraxisError(summary, [Problem(where, message, fix)])


def read_published(library: Path, case_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(case.ipynb, case.yaml) of a published case, or an error naming the fix."""
    folder = library / "cases" / case_id
    if not CASE_ID.match(case_id) or not (folder / "case.yaml").is_file():
        known = sorted(p.parent.name for p in (library / "cases").glob("*/case.yaml"))
        fix = (
            f"use one of: {', '.join(known)}"
            if known
            else "give --library the case library folder (it holds cases/<case_id>/)"
        )
        raise _case_error(f"No case {case_id!r} in {library}.", str(folder), "missing", fix)
    path = folder / "case.yaml"
    meta = read_yaml(path)
    review = meta.get("review") if isinstance(meta, dict) else None
    if review is None:
        raise _case_error(
            f"Case {case_id} has no review record.",
            f"{path}, review",
            "missing",
            f"have it reviewed and published: praxishub cases review {case_id} --approve, "
            f"then praxishub cases publish {case_id}",
        )
    if review.get("status") != "published":
        raise _case_error(
            f"Case {case_id} is not published.",
            f"{path}, review.status",
            repr(review.get("status")),
            f"publish it first: praxishub cases publish {case_id}",
        )
    problems = meta_problems(meta, str(path))
    if problems:
        raise PraxisError(f"{path} has {len(problems)} problem(s).", problems)
    try:
        nb = json.loads((folder / "case.ipynb").read_text("utf-8"))
    except (FileNotFoundError, json.JSONDecodeError) as exc:
        raise _case_error(
            f"Case {case_id} has no readable notebook.",
            str(folder / "case.ipynb"),
            str(exc),
            "publish the case again",
        ) from None
    return nb, meta


def prepare(
    case_nb: dict[str, Any], meta: dict[str, Any], case_id: str
) -> tuple[str, nbformat.NotebookNode, dict[str, Any]]:
    """(assignment name, nbgrader source notebook, the course's list entry) for a case."""
    rubric = load_rubric()
    nb = build_notebook(case_nb, {**meta, "id": case_id}, rubric, meta["language"])
    name = assignment_name(case_id)
    entry = {"id": name, "case_id": case_id, "rubric": rubric["id"], "title": meta["title"]}
    return name, nb, entry


def assign(settings: Settings, case_id: str, course_id: str, library: Path) -> str:
    """Add a published case to a deployed course as a case-analysis assignment.

    Writes ``source/case-<case_id>/case-<case_id>.ipynb`` and lists the assignment in
    the course's case assignments, so ``praxishub courses release`` releases it.
    Assigning again replaces the source notebook. Returns the assignment name.
    """
    course = courses.find(settings, course_id)
    if not (course.directory / "course.yaml").is_file():
        raise _case_error(
            f"Course {course_id} is not deployed.",
            str(course.directory),
            "missing",
            f"run: praxishub courses deploy -c {settings.path}",
        )
    case_nb, meta = read_published(library, case_id)
    name, nb, entry = prepare(case_nb, meta, case_id)
    folder = course.directory / "source" / name
    files.write_atomic(folder / f"{name}.ipynb", nbformat.writes(nb))
    listed = courses.record_case_assignment(course.directory, entry)
    if os.geteuid() == 0:  # the course's files belong to its grader, as after deploy
        owner = pwd.getpwnam(course.service)
        unixusers.chown_tree(folder, owner.pw_uid, owner.pw_gid)
        os.chown(listed, owner.pw_uid, owner.pw_gid)
    return name
