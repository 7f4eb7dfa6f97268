"""Calibration in the programme service: set up by a course's trainer, rated blind by the
chosen raters, agreement per criterion (praxishub.calibration).

Rule: thin handlers. Anyone not the calibration's trainer or one of its raters gets 404;
a trainee gets 403 (no ``custom:praxis:grade``). Submissions come from the course's desk
extension without the trainee's name.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from tornado import web

from praxishub import calibration, db, desk
from praxishub.db import Person, SubmissionIndex
from praxishub.service.desk import CourseUnavailable, DeskBase


class CalibrationsHandler(DeskBase):
    def get(self) -> None:
        me = self.grader()
        teaches = self.application.settings["teaching"].get(me, [])
        with db.session_scope(self.engine) as session:
            found = {"calibrations": calibration.listing(session, me)}
            if teaches:
                found["setup"] = setup_options(session, teaches)
        self.write_json(found)

    def post(self) -> None:
        me = self.grader()
        data = self.body()
        teaches = self.application.settings["teaching"].get(me, [])
        try:
            with db.session_scope(self.engine) as session:
                cal_id = calibration.create(
                    session,
                    me,
                    teaches,
                    str(data.get("title", "")),
                    str(data.get("course", "")),
                    str(data.get("assignment", "")),
                    [str(t) for t in data.get("trainees", [])],
                    [str(r) for r in data.get("raters", [])],
                )
                listed = calibration.listing(session, me)
        except desk.DeskError as exc:
            self.write_json({"status": 400, "message": str(exc)}, 400)
            return
        self.write_json({"id": cal_id, "calibrations": listed}, 201)


def setup_options(session: Any, teaches: list[str]) -> dict[str, Any]:
    """What a trainer may choose from: their courses' submitted assignments and trainees,
    and the people who may rate."""
    rows = session.execute(
        select(
            SubmissionIndex.course, SubmissionIndex.assignment, Person.username, Person.full_name
        )
        .join(Person, Person.username == SubmissionIndex.username)
        .where(SubmissionIndex.course.in_(teaches))
        .order_by(SubmissionIndex.course, SubmissionIndex.assignment, Person.full_name)
    )
    assignments: dict[str, list[dict[str, str]]] = {}
    for course, assignment, username, name in rows:
        assignments.setdefault(f"{course}/{assignment}", []).append(
            {"username": username, "full_name": name}
        )
    raters = session.execute(
        select(Person.username, Person.full_name)
        .where(Person.role.in_(calibration.RATER_ROLES), Person.active.is_(True))
        .order_by(Person.full_name)
    )
    return {
        "assignments": assignments,
        "raters": [{"username": u, "full_name": n} for u, n in raters],
    }


class ItemHandler(DeskBase):
    def found(self, cal_id: str, item_id: str) -> tuple[str, dict[str, Any]]:
        me = self.grader()
        try:
            with db.session_scope(self.engine) as session:
                return me, calibration.item_of(session, me, int(cal_id), int(item_id))
        except desk.DeskError as exc:
            raise web.HTTPError(404, str(exc)) from None

    async def get(self, cal_id: str, item_id: str) -> None:
        _, item = self.found(cal_id, item_id)
        trainee = item.pop("trainee")
        try:
            sub = await self.course(
                item["course"], "GET", f"submissions/{item['assignment']}/{trainee}"
            )
        except CourseUnavailable:
            raise web.HTTPError(503, f"course {item['course']} did not answer; try again") from None
        self.write_json(
            {
                **item,
                "cells": sub["cells"],
                "notebooks": sub["notebooks"],
                "rubric": desk.rubric_for(item["assignment"]),
            }
        )

    def post(self, cal_id: str, item_id: str) -> None:
        me, item = self.found(cal_id, item_id)
        levels = self.body().get("levels")
        if not isinstance(levels, dict):
            raise web.HTTPError(400, 'send {"levels": {"<notebook>/<cell>": 2, ...}}')
        try:
            with db.session_scope(self.engine) as session:
                saved = calibration.rate(session, me, item["calibration"], item["item"], levels)
        except desk.DeskError as exc:
            self.write_json({"status": 400, "message": str(exc)}, 400)
            return
        self.write_json({"levels": saved})


class AgreementHandler(DeskBase):
    def get(self, cal_id: str) -> None:
        me = self.grader()
        try:
            with db.session_scope(self.engine) as session:
                result = calibration.agreement(session, me, int(cal_id))
        except desk.DeskError as exc:
            status = 404 if str(exc).startswith("No calibration") else 409
            self.write_json({"status": status, "message": str(exc)}, status)
            return
        self.write_json(result)


def routes(prefix: str, args: dict[str, Any]) -> list[tuple[str, type, dict[str, Any]]]:
    from jupyterhub.utils import url_path_join

    base = url_path_join(prefix, "api/desk/calibrations")
    return [
        (base, CalibrationsHandler, args),
        (url_path_join(base, r"(\d{1,9})/items/(\d{1,9})"), ItemHandler, args),
        (url_path_join(base, r"(\d{1,9})/agreement"), AgreementHandler, args),
    ]
