"""Does the programme service serve the case library to the right people, and record who read what?"""

from __future__ import annotations

import pwd
import stat
import subprocess

import pytest
import yaml

from harness import REPO, TEST_PREFIX, submit_case
from praxishub import unixusers
from praxishub.settings import load_settings

pytestmark = pytest.mark.integration

RAW = REPO / "tests" / "fixtures" / "cases" / "raw"
LIBRARY = REPO / "case_library" / "cases"


def published_ids() -> set[str]:
    return {p.name for p in LIBRARY.iterdir() if (p / "case.yaml").exists()}


def test_trainee_browses_and_filters_the_published_library(hub):
    """Does a trainee see every published case, and only Kazakh ones when filtering by kk?"""
    trainee = hub.people("trainee")[0]
    cases = hub.api(trainee, "GET", "/services/praxis/api/cases").json()["cases"]
    # The repo's library, plus any case other tests published through the review app.
    assert published_ids() <= {c["id"] for c in cases}
    assert all("names" not in c and "contributor" not in c for c in cases)
    kazakh = hub.api(trainee, "GET", "/services/praxis/api/cases?language=kk").json()["cases"]
    assert kazakh and all(c["language"] == "kk" for c in kazakh)
    bullying = hub.api(
        trainee, "GET", "/services/praxis/api/cases?topic=bullying&setting=school"
    ).json()["cases"]
    assert bullying and all(
        "bullying" in c["topics"] and c["setting"] == "school" for c in bullying
    )


def test_each_opening_is_in_the_audit_log_that_only_coordinators_read(hub):
    """Is a trainee's opening of a case recorded, readable by the coordinator and nobody else?"""
    trainee = hub.people("trainee")[2]
    case_id = sorted(published_ids())[0]
    opened = hub.api(trainee, "GET", f"/services/praxis/api/cases/{case_id}")
    assert opened.status_code == 200
    assert opened.json()["notebook"]["cells"]
    coordinator = hub.people("coordinator")[0]
    views = hub.api(coordinator, "GET", f"/services/praxis/api/cases/views?case={case_id}").json()[
        "views"
    ]
    assert any(v["username"] == trainee and v["case"] == case_id for v in views)
    for nosy in (trainee, hub.people("supervisor")[0], hub.people("trainer")[0]):
        assert hub.api(nosy, "GET", "/services/praxis/api/cases/views").status_code == 403


def test_unknown_and_malformed_case_ids_are_not_found(hub):
    """Do an unknown id and a path-traversal attempt both get 404, and no file?"""
    trainee = hub.people("trainee")[0]
    for path in ("no-such-case", "..%2F..%2Fhub%2Fjupyterhub.sqlite", "../praxishub.yaml"):
        r = hub.api(trainee, "GET", f"/services/praxis/api/cases/{path}")
        assert r.status_code == 404, path


def test_review_queue_needs_the_publish_scope_and_publishing_serves_the_case(hub):
    """Can a trainer (cases:publish) review and publish a submitted case, and a trainee not?"""
    case = "en-school-grief-after-fathers-death"
    submit_case(hub, case, "api-review-case")
    trainer, trainee = hub.people("trainer")[0], hub.people("trainee")[0]
    assert hub.api(trainee, "GET", "/services/praxis/api/review/cases").status_code == 403
    assert (
        hub.api(trainee, "GET", "/services/praxis/api/review/cases/api-review-case").status_code
        == 403
    )
    queue = hub.api(trainer, "GET", "/services/praxis/api/review/cases").json()["queue"]
    assert "api-review-case" in {c["id"] for c in queue}
    draft = hub.api(trainer, "GET", "/services/praxis/api/review/cases/api-review-case").json()
    assert draft["replacements"], "the reviewer sees each replaced span"
    intake = yaml.safe_load((RAW / case / "intake.yaml").read_text("utf-8"))
    client = intake["names"]["client"][0]
    assert client.split()[0] in {r["original"] for r in draft["replacements"]} | {
        w for r in draft["replacements"] for w in r["original"].split()
    }
    post = hub.api(
        trainee,
        "POST",
        "/services/praxis/api/review/cases/api-review-case",
        json={"action": "approve"},
    )
    assert post.status_code == 403
    for bad in ({"action": "edit", "cell": "two"}, ["not", "a", "mapping"]):
        r = hub.api(trainer, "POST", "/services/praxis/api/review/cases/api-review-case", json=bad)
        assert r.status_code == 400 and "send JSON like" in r.json()["message"]
    early = hub.api(
        trainer,
        "POST",
        "/services/praxis/api/review/cases/api-review-case",
        json={"action": "publish"},
    )
    assert early.status_code == 409 and "review status" in early.json()["message"]
    keep = [
        item["text"] for item in draft["leftovers"]
    ]  # in this test, the reviewer keeps what is left
    approved = hub.api(
        trainer,
        "POST",
        "/services/praxis/api/review/cases/api-review-case",
        json={"action": "approve", "keep": keep},
    )
    assert approved.status_code == 200, approved.text
    assert approved.json()["meta"]["review"]["reviewer"] == trainer
    done = hub.api(
        trainer,
        "POST",
        "/services/praxis/api/review/cases/api-review-case",
        json={"action": "publish"},
    )
    assert done.status_code == 200, done.text
    served = hub.api(trainee, "GET", "/services/praxis/api/cases").json()["cases"]
    assert "api-review-case" in {c["id"] for c in served}


@pytest.mark.root
def test_raw_notes_and_intake_names_are_the_programme_services_alone(hub):
    """Can a trainee's Unix user read a raw note, its names or the report? (No: praxis, 0700.)"""
    submit_case(hub, "zh-adolescent-leukaemia-parental-anxiety", "isolation-case")
    trainee = hub.people("trainee")[3]
    hub.start_server(trainee)
    store = hub.settings_path.parent / "praxis" / "cases"
    service_user = load_settings(hub.settings_path)["service"]["unix_user"]
    for path in (store, store / "intake" / "isolation-case", store / "review" / "isolation-case"):
        info = path.stat()
        assert pwd.getpwuid(info.st_uid).pw_name == service_user
        assert stat.S_IMODE(info.st_mode) == 0o700, path
    unix = unixusers.unix_name(TEST_PREFIX, trainee)
    for target in (
        store / "intake" / "isolation-case" / "raw.md",
        store / "intake" / "isolation-case" / "intake.yaml",
        store / "review" / "isolation-case" / "report.json",
        store / "deny-list.txt",
    ):
        assert target.exists()
        tried = subprocess.run(
            ["runuser", "-u", unix, "--", "cat", str(target)], capture_output=True, text=True
        )
        assert tried.returncode != 0 and "Permission denied" in tried.stderr, target
