"""Can a submission cheat, snoop, escape or break the autograder? Each attack earns 0 points.

Every hostile answer sets ``minutes = 30`` (the right answer) only if its attack worked,
so a score of 1 would mean the attack succeeded. The set is run, counted and checked (an
honest submission between them still graded, no sandbox process left) by the attack
catalogue, tests/integration/test_attack_catalogue.py; formgrader's own button is here.
"""

from __future__ import annotations

import pytest

from courseloop import (
    ASSIGNMENT,
    COURSE,
    answer,
    assignment_action,
    release,
    score_of,
    wait_for_score,
)

pytestmark = pytest.mark.integration


def attacks(hub) -> dict[str, str]:
    course_dir = hub.settings_path.parent / "courses" / COURSE
    port = hub.values["ports"]["public"]
    gradebook = course_dir / "gradebook.db"
    solution = course_dir / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    return {
        "read the gradebook": f"open({str(gradebook)!r}, 'rb').read(1)\nminutes = 30",
        "write the gradebook": f"open({str(gradebook)!r}, 'ab').write(b'x')\nminutes = 30",
        "read the solution": f"open({str(solution)!r}).read()\nminutes = 30",
        "reach the network": (
            f"import socket\nsocket.create_connection(('127.0.0.1', {port}), timeout=3)\nminutes = 30"
        ),
        "allocate 8 GB": "b = bytearray(8 * 1024**3)\nminutes = 30",
        "loop for ever": "while True:\n    pass",
        "fork bomb": (
            "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass"
        ),
        # the grading services hold hub tokens (the exchange goes through the programme API)
        "find a hub token in the environment": (
            "import os\nfound = any('TOKEN' in k for k in os.environ)\n"
            "for pid in os.listdir('/proc'):\n"
            "    try:\n"
            "        found = found or b'TOKEN' in open(f'/proc/{pid}/environ', 'rb').read()\n"
            "    except Exception:\n"
            "        pass\n"
            "minutes = 30 if found else 0"
        ),
        "patch the tests' verdict": (
            "import IPython\nIPython.get_ipython().showtraceback = lambda *a, **k: None\nminutes = 31"
        ),
    }


def hostile_round(hub, people: list[str]) -> dict[str, bool]:
    """Each hostile answer submitted by one of PEOPLE; whether each attack worked (a score
    above 0, graded after any score the person had before)."""
    tried = attacks(hub)
    before = {}
    for person, code in zip(people, tried.values(), strict=True):
        hub.start_server(person)
        before[person] = score_of(hub, person)
        assignment_action(hub, person, "fetch")
        answer(hub, person, {1: code})
        assert assignment_action(hub, person, "submit").json()["success"]
    return {
        name: wait_for_score(hub, person, timeout=300, after=before[person])["auto_score"] != 0
        for person, name in zip(people, tried, strict=True)
    }


@pytest.mark.timeout(300)
def test_formgrader_autograde_button_runs_no_trainee_code(hub):
    """Does formgrader's own Autograde (which runs as the course grader, not as root) refuse to
    run a submission at all, rather than run trainee code with the grader's rights?"""
    from courseloop import GRADER, course_trainer, wait_for_grader

    release(hub)
    trainer = course_trainer(hub)
    assert wait_for_grader(hub, trainer).status_code == 200
    trainee = hub.people("trainee")[31]
    course_dir = hub.settings_path.parent / "courses" / COURSE
    marker = course_dir / "ran-as-grader"  # only the grader itself may write here
    hub.start_server(trainee)
    assignment_action(hub, trainee, "fetch")
    answer(hub, trainee, {1: f"open({str(marker)!r}, 'w').write('x')\nminutes = 30"})
    assert assignment_action(hub, trainee, "submit").json()["success"]
    assert wait_for_score(hub, trainee, timeout=300)["auto_score"] == 0  # the sandbox: no rights

    r = hub.api(
        trainer, "POST", f"{GRADER}/formgrader/api/submission/{ASSIGNMENT}/{trainee}/autograde"
    )
    assert r.status_code == 200
    outcome = r.json()
    assert outcome["success"] is False
    assert "sandbox" in (outcome.get("error", "") + outcome.get("log", ""))
    assert not marker.exists()
