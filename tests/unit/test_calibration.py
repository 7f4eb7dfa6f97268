"""Calibration: set-up checks, blind rating, and agreement per criterion by weighted kappa."""

from __future__ import annotations

import pytest
from sklearn.metrics import cohen_kappa_score

from praxishub import calibration, db, desk
from praxishub.db import Person

A = "case-demo"  # a case analysis: graded with the case-analysis rubric (levels 0-3)
KEYS = (f"{A}/presenting-problem", f"{A}/risk")


@pytest.fixture
def engine(programme_engine):
    engine = programme_engine
    with db.session_scope(engine) as session:
        for name, role in (
            ("tr", "trainer"),
            ("s1", "supervisor"),
            ("s2", "supervisor"),
            ("s3", "supervisor"),
            ("out", "supervisor"),
        ):
            session.add(
                Person(
                    username=name, full_name=name.upper(), email=f"{name}@example.org", role=role
                )
            )
        session.flush()
        for n in range(1, 5):
            session.add(
                Person(
                    username=f"t{n}",
                    full_name=f"Trainee {n}",
                    email=f"t{n}@example.org",
                    role="trainee",
                    supervisor="s1",
                )
            )
        session.flush()
        row = {
            "assignment": A,
            "submitted_at": None,
            "auto_score": 0,
            "auto_max": 0,
            "manual_score": 0,
            "manual_max": 18,
            "max_score": 18,
            "needs_manual": 6,
        }
        desk.sync(session, "c1", [{**row, "student": f"t{n}"} for n in range(1, 5)])
    return engine


def make(engine, trainees=("t1", "t2", "t3", "t4"), raters=("s1", "s2", "s3")) -> int:
    with db.session_scope(engine) as session:
        return calibration.create(
            session, "tr", ["c1"], "Spring round", "c1", A, list(trainees), list(raters)
        )


def test_setup_reports_every_problem_at_once(engine):
    """Are a course not taught, one rater, a trainee as rater and a missing submission
    all named in one refusal, with nothing created?"""
    with db.session_scope(engine) as session, pytest.raises(desk.DeskError) as err:
        calibration.create(session, "tr", ["other"], " ", "c1", A, ["t1", "nobody"], ["t2"])
    fields = [p.where for p in err.value.problems]
    assert fields == ["course", "title", "raters", "raters", "trainees"]
    assert "has no submission" in str(err.value)
    with db.session_scope(engine) as session:
        assert calibration.listing(session, "tr") == []


def test_raters_never_see_whose_work_and_outsiders_find_nothing(engine):
    """Does a rater get a numbered item without the name, and a non-rater nothing at all?"""
    cal = make(engine)
    with db.session_scope(engine) as session:
        listed = calibration.listing(session, "s2")
        assert [c["role"] for c in listed] == ["rater"] and len(listed[0]["items"]) == 4
        assert "t1" not in str(listed)
        item = listed[0]["items"][0]["id"]
        got = calibration.item_of(session, "s2", cal, item)
        assert got["number"] == 1 and got["of"] == 4
        with pytest.raises(desk.DeskError, match="No calibration"):
            calibration.item_of(session, "out", cal, item)
        with pytest.raises(desk.DeskError, match="No calibration"):
            calibration.agreement(session, "out", cal)


def test_levels_are_checked_against_the_rubric(engine):
    """Is a level off the rubric, or a cell with no criterion, refused by name?"""
    cal = make(engine)
    with db.session_scope(engine) as session:
        item = calibration.listing(session, "s1")[0]["items"][0]["id"]
        with pytest.raises(desk.DeskError) as err:
            calibration.rate(session, "s1", cal, item, {KEYS[0]: 4, f"{A}/nonsense": 1})
        assert {p.where for p in err.value.problems} == {
            f"levels.{KEYS[0]}",
            f"levels.{A}/nonsense",
        }
        with pytest.raises(desk.DeskError, match="Only the raters"):
            calibration.rate(session, "tr", cal, item, {KEYS[0]: 1})


def test_agreement_is_weighted_kappa_per_criterion_after_rating_everything(engine):
    """Is a rater kept from the agreement until they rated all, and is each criterion's
    kappa scikit-learn's quadratic kappa averaged over rater pairs?"""
    cal = make(engine)
    given = {  # rater -> per item: (presenting-problem, risk)
        "s1": [(3, 1), (2, 2), (1, 0), (0, 3)],
        "s2": [(3, 1), (2, 2), (1, 1), (1, 3)],
        "s3": [(2, 1), (2, 2), (0, 0), (0, 3)],
    }
    with db.session_scope(engine) as session:
        items = [i["id"] for i in calibration.listing(session, "s1")[0]["items"]]
        for rater, levels in given.items():
            for item, (pp, risk) in zip(items, levels, strict=True):
                if rater == "s3" and item == items[-1]:
                    continue
                calibration.rate(session, rater, cal, item, {KEYS[0]: pp, KEYS[1]: risk})
        with pytest.raises(desk.DeskError, match="Rate every submission"):
            calibration.agreement(session, "s3", cal)
        calibration.rate(session, "s3", cal, items[-1], {KEYS[0]: 0, KEYS[1]: 3})
        seen_by_rater = calibration.agreement(session, "s3", cal)
        result = calibration.agreement(session, "tr", cal)
    assert seen_by_rater["raters"] == ["R1", "R2", "you"]
    assert result["raters"] == ["s1", "s2", "s3"]
    by_key = {c["key"]: c for c in result["criteria"]}
    for index, key in enumerate(KEYS):
        pairs = [("s1", "s2"), ("s1", "s3"), ("s2", "s3")]
        expected = (
            sum(
                cohen_kappa_score(
                    [x[index] for x in given[a]],
                    [x[index] for x in given[b]],
                    weights="quadratic",
                    labels=[0, 1, 2, 3],
                )
                for a, b in pairs
            )
            / 3
        )
        assert by_key[key]["kappa"] == pytest.approx(expected, abs=0.001)
    assert by_key[KEYS[0]]["exact"] == 0.25  # only item 2: all said 2
    assert by_key[KEYS[0]]["within_one"] == 1.0
    assert by_key[KEYS[1]]["levels"]["s2"] == {1: 1, 2: 2, 3: 1, 4: 3}
    assert result["overall"]["kappa"] is not None and 0 < result["overall"]["kappa"] <= 1


def test_kappa_is_none_where_undefined():
    """Are one rating, or no spread at all, reported as undefined rather than a number?"""
    assert calibration.weighted_kappa([2], [2], [0, 1, 2, 3]) is None
    assert calibration.weighted_kappa([2, 2], [2, 2], [0, 1, 2, 3]) is None
    assert calibration.weighted_kappa([0, 3], [0, 3], [0, 1, 2, 3]) == 1.0
