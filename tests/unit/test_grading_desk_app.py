"""The grading desk app's answer box: rubric levels as points, as the API sends the rubric."""

from __future__ import annotations

import json

from praxishub import desk
from praxishub.apps.client import APIError
from praxishub.apps.grading_desk import AnswerBox, GradingDesk


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


class Service:
    """The programme service's desk answers, as the app reads them (a stand-in for this
    unit test of the widgets alone; tests/browser/test_journey.py drives the real one)."""

    def __init__(self) -> None:
        self.queue = [item("w01-intro"), item("case-x")]
        self.autograding = {"case-x"}

    def get(self, path: str, **_params: object) -> dict:
        if path == "api/desk/queue":
            return {"queue": self.queue, "counts": {"total": len(self.queue)}, "stale": []}
        if path == "api/desk/bank":
            return {"bank": []}
        assignment = path.split("/")[-2]
        if assignment in self.autograding:
            raise APIError(409, "this submission is being autograded; it opens in a moment")
        return submission(assignment)

    def post(self, path: str, body: dict) -> dict:
        assert path == "api/desk/submissions/journey/w01-intro/t.one", path
        self.queue = [i for i in self.queue if i["assignment"] != "w01-intro"]
        row = {"auto_score": 1.0, "manual_score": 2.0, "max_score": 3.0}
        return {"desk": {**submission("w01-intro")["desk"], "version": 1}, "row": row}


def item(assignment: str) -> dict:
    return {
        "course": "journey",
        "assignment": assignment,
        "trainee": "t.one",
        "full_name": "Jana Nováková",
        "submitted_at": "2026-12-04T02:16:00",
        "needs_manual": 1,
    }


def submission(assignment: str) -> dict:
    return {
        **item(assignment),
        "student": "t.one",
        "cells": [{**cell(key=f"{assignment}/open-1", name="open-1", max_score=2), "auto": False}],
        "notebooks": [{"name": assignment, "html": "<p>nb</p>"}],
        "rubric": json.loads(json.dumps(desk.rubric_for("webinar"))),
        "desk": {"version": 0, "rubric": {}, "comments": {}, "follow_up": False},
    }


def test_saved_stays_in_view_when_the_next_one_cannot_open_yet():
    """After a save the queue moves on to the next submission; if that one is still being
    autograded, does "Saved" stay in view with the reason beside it, and does Refresh open
    it once it is ready?"""
    service = Service()
    app = GradingDesk(api=service)  # type: ignore[arg-type]
    app.queue.value = "journey/w01-intro/t.one"
    assert app.current and app.current["assignment"] == "w01-intro"
    app.answers[0].points.value = 2
    app.save()
    assert "Saved: 3 of 3." in app.message.value, app.message.value
    assert app.queue.value == "journey/case-x/t.one"  # the queue moved on by itself
    assert "being autograded" in app.message.value
    assert app.current["assignment"] == "w01-intro"
    service.autograding.clear()
    app.queue.value = "journey/case-x/t.one"
    app.refresh()
    assert app.current["assignment"] == "case-x" and "case-x" in app.header.value
    assert app.message.value == ""
