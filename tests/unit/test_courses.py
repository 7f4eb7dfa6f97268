"""Are course files validated, and are roster groups and autograder inputs derived right?"""

from __future__ import annotations

import pytest

from praxishub.autograder import new_submissions, parse_inbound
from praxishub.courses import load_course, teaching
from praxishub.errors import PraxisError
from praxishub.exchange import hub_name

GOOD = """\
id: demo
title: {ru: Курс, en: Course}
language: ru
webinars:
  - id: w01-one
    title: {ru: Один, en: One}
    starts: "2027-02-03T16:00:00+03:00"
    duration_minutes: 90
    cpd_hours: 1.5
    deadline: "2027-02-17T23:59:00+03:00"
"""


def test_a_good_course_file_loads(tmp_path):
    """Does a valid course.yaml load with its webinars?"""
    (tmp_path / "course.yaml").write_text(GOOD, "utf-8")
    assert load_course(tmp_path / "course.yaml")["webinars"][0]["cpd_hours"] == 1.5


def test_bad_date_and_unknown_key_are_named(tmp_path):
    """Do a malformed deadline and an unknown key each name their place?"""
    bad = GOOD.replace('deadline: "2027-02-17T23:59:00+03:00"', 'deadline: "17.02.2027"')
    bad += "trainer: nobody\n"
    (tmp_path / "course.yaml").write_text(bad, "utf-8")
    with pytest.raises(PraxisError) as info:
        load_course(tmp_path / "course.yaml")
    text = str(info.value)
    assert "webinars.0.deadline" in text and "date-time" in text
    assert "'trainer' was unexpected" in text


def test_teaching_maps_trainers_to_their_courses():
    """Does each trainer get the list of courses they teach?"""
    values = {"courses": [{"id": "a", "trainers": ["t1"]}, {"id": "b", "trainers": ["t1", "t2"]}]}
    assert teaching(values) == {"t1": ["a", "b"], "t2": ["b"]}


def test_unix_owner_maps_back_to_the_hub_name():
    """Is a Unix owner mapped back to the hub name, and a foreign owner to nobody?"""
    assert hub_name("ph-a_ivanova", "ph-") == "a.ivanova"
    assert hub_name("root", "ph-") is None
    assert hub_name("grader-x", "ph-") is None


def test_new_submissions_skip_graded_and_foreign_names():
    """Are only new, well-formed inbound names picked up, grouped by assignment?"""
    names = [
        "a.ivanova+w01+2027-02-03 10:00:00.000000 UTC+abc",
        "b.petrov+w01+2027-02-03 10:01:00.000000 UTC+def",
        "b.petrov+w02+2027-02-03 10:02:00.000000 UTC+ghi",
        "not-a-submission",
    ]
    graded = {names[0]}
    assert new_submissions(names, graded) == {"w01": {"b.petrov"}, "w02": {"b.petrov"}}
    assert parse_inbound(names[1])[:2] == ("b.petrov", "w01")


def test_sandbox_launcher_refuses_without_root():
    """Does the sandbox launcher refuse to start trainee code when it cannot isolate it?"""
    import pwd
    import subprocess
    import sys

    nobody = pwd.getpwnam("nobody")
    out = subprocess.run(
        [sys.executable, "-m", "praxishub.sandbox", "-f", "/nonexistent.json"],
        capture_output=True,
        text=True,
        user=nobody.pw_uid,
        group=nobody.pw_gid,
        extra_groups=[],
        cwd="/",
    )
    assert out.returncode != 0
    assert "refusing to run trainee code without a sandbox" in out.stderr


@pytest.mark.root
@pytest.mark.parametrize("planted", ["folder", "file", "link"])
def test_a_course_exchange_folder_made_by_a_stranger_is_taken_back(tmp_path, planted):
    """Can a trainee who creates exchange/<course> before the first release (the root is
    world-writable) keep the course's grader from releasing into it? They must not."""
    import os
    import pwd

    from praxishub.courses import claim_exchange
    from praxishub.layout import Layout

    if os.geteuid() != 0:
        pytest.fail("needs root (CI runs as root): it changes file owners")
    stranger, grader = pwd.getpwnam("nobody"), pwd.getpwnam("daemon")
    layout = Layout(tmp_path)
    root = layout.exchange_dir
    root.mkdir(parents=True)
    target = root / "pfa-crisis"
    if planted == "folder":
        (target / "outbound").mkdir(parents=True)
        os.chown(target, stranger.pw_uid, stranger.pw_gid)
    elif planted == "file":
        target.write_text("x")
    else:
        target.symlink_to(tmp_path)
    made = claim_exchange(layout, "pfa-crisis", grader.pw_uid, grader.pw_gid)
    st = made.lstat()
    assert made == target and made.is_dir() and not made.is_symlink()
    assert (st.st_uid, st.st_mode & 0o7777) == (grader.pw_uid, 0o755)
    assert list(made.iterdir()) == []
    # the grader's own folder, with what nbgrader released into it, is kept
    (made / "outbound").mkdir()
    assert claim_exchange(layout, "pfa-crisis", grader.pw_uid, grader.pw_gid) == made
    assert (made / "outbound").is_dir()
