"""The grading desk app's answer box: rubric levels as points, as the API sends the rubric."""

from __future__ import annotations

import json

from praxishub import desk
from praxishub.apps.grading_desk import AnswerBox


def cell(**extra: object) -> dict:
    return {
        "key": "nb/history",
        "name": "history",
        "max_score": 3,
        "manual_score": None,
        "answer_html": "<p>answer</p>",
        "comment": None,
        **extra,
    }


def test_level_sets_points_and_descriptor_with_a_json_rubric():
    """Does picking a level show its descriptor and fill the points, with the rubric's
    level keys as strings (as JSON brings them)?"""
    rubric = json.loads(json.dumps(desk.rubric_for("case-x")))
    box = AnswerBox(cell(), rubric, {"rubric": {}, "comments": {}})
    assert box.level.value is None and box.descriptor.value == ""
    box.level.value = 2
    assert box.points.value == 2.0 and "relevant and ordered" in box.descriptor.value
    assert not box.touched  # points from a level are not typed points


def test_saved_state_is_shown_again():
    """Does a reopened submission show the saved level and comment?"""
    rubric = json.loads(json.dumps(desk.rubric_for("webinar")))
    box = AnswerBox(
        cell(max_score=2, manual_score=2.0),
        rubric,
        {"rubric": {"nb/history": 3}, "comments": {"nb/history": "Хорошо"}},
    )
    assert box.level.value == 3 and box.points.value == 2.0 and box.comment.value == "Хорошо"
    box.points.value = 1.5
    assert box.touched


def test_agreement_table_colours_kappa_and_escapes_names():
    """Is good agreement green, poor red, undefined grey, and every text escaped?"""
    from praxishub.apps.calibration_view import agreement_table

    result = {
        "raters": ["<b>R1</b>", "you"],
        "items": 3,
        "criteria": [
            {
                "criterion": {"en": "Risk <script>", "ru": "Риск"},
                "kappa": 0.91,
                "exact": 2 / 3,
                "within_one": 1.0,
                "levels": {"<b>R1</b>": {"1": 3, "2": 1}, "you": {"1": 3, "2": 2}},
            },
            {
                "criterion": {"en": "Plan", "ru": "План"},
                "kappa": 0.1,
                "exact": 0.0,
                "within_one": 0.5,
                "levels": {},
            },
        ],
        "overall": {"kappa": None, "exact": None, "within_one": None},
    }
    page = agreement_table(result)
    assert "<script>" not in page and "&lt;b&gt;R1&lt;/b&gt;" in page
    assert "background:#b7e4c7'>0.91" in page and "background:#ffb3b3'>0.10" in page
    assert "67%" in page and "background:#eee'>—" in page
