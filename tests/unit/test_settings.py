"""Is praxishub.yaml validated on every load, with errors that name the place and the fix?"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from praxishub.errors import SettingsError
from praxishub.settings import load_settings, parse_settings, schema

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "hub_config" / "praxishub.example.yaml"
BIN = Path(sys.prefix) / "bin"

BASE = """\
programme:
  name: Test programme
cohorts:
  - id: c1
    name: Cohort one
people:
  - username: s.orlova
    full_name: Светлана Орлова
    email: s.orlova@example.org
    role: supervisor
  - username: a.ivanova
    full_name: Анна Иванова
    email: a.ivanova@example.org
    role: trainee
    cohort: c1
    supervisor: s.orlova
"""


def problems_of(text: str) -> str:
    with pytest.raises(SettingsError) as info:
        parse_settings(text, Path("praxishub.yaml"))
    return str(info.value)


def test_example_sets_every_option_and_is_valid():
    """Does the example file pass the schema and set every option the schema has?"""
    settings = load_settings(EXAMPLE)
    raw = yaml.safe_load(EXAMPLE.read_text("utf-8"))

    def missing(node: dict, value: object, path: str) -> list[str]:
        out = []
        for key, sub in node.get("properties", {}).items():
            if not isinstance(value, dict) or key not in value:
                out.append(f"{path}{key}")
            elif sub.get("type") == "object" and "properties" in sub:
                out += missing(sub, value[key], f"{path}{key}.")
        return out

    assert missing(schema(), raw, "") == []
    assert settings.people[0]["username"] == "coordinator"


def test_defaults_are_filled_in():
    """Are options left out given their schema defaults?"""
    settings = parse_settings(BASE, Path("/srv/p/praxishub.yaml"))
    assert settings["spawner"]["isolation"] == "unix-users"
    assert settings["ports"]["public"] == 8000
    assert settings.data_dir == Path("/srv/p/var")
    assert settings["programme"]["languages"] == ["ru", "en"]


def test_unknown_key_names_line_key_and_a_suggestion():
    """Does a misspelt key give its line, its path and the likely intended key?"""
    text = BASE.replace("  name: Test programme", "  name: Test programme\n  langauges: [ru]")
    message = problems_of(text)
    assert "praxishub.yaml, line 3, programme.langauges" in message
    assert "unknown key 'langauges'" in message
    assert "did you mean 'languages'" in message


def test_unknown_role_lists_the_roles():
    """Does an unknown role name the person's key path, the value and the allowed roles?"""
    message = problems_of(BASE.replace("role: trainee", "role: student"))
    assert "people[1].role" in message
    assert "'student' is not allowed" in message
    assert "trainee, supervisor, trainer, coordinator" in message


def test_supervisor_who_does_not_exist():
    """Is a supervisor who is nobody in the programme refused, with the line?"""
    message = problems_of(BASE.replace("supervisor: s.orlova", "supervisor: n.nobody"))
    assert "line 16, people[1].supervisor" in message
    assert "'n.nobody' is not a person in this programme" in message
    assert "s.orlova" in message  # the fix lists who can supervise


def test_supervisor_who_is_a_trainee():
    """Is a trainee named as someone's supervisor refused?"""
    text = BASE + (
        "  - username: b.petrov\n    full_name: Борис Петров\n    email: b@example.org\n"
        "    role: trainee\n    supervisor: a.ivanova\n"
    )
    assert "has role 'trainee', which cannot supervise" in problems_of(text)


def test_duplicate_username_and_email():
    """Are a duplicate username and a duplicate e-mail each refused?"""
    text = BASE + (
        "  - username: a.ivanova\n    full_name: Другая Иванова\n"
        "    email: S.Orlova@example.org\n    role: trainee\n"
    )
    message = problems_of(text)
    assert "people[2].username: duplicate username 'a.ivanova' (also people[1])" in message
    assert "duplicate e-mail" in message


def test_unknown_cohort():
    """Is a person in an undefined cohort refused, naming the defined ones?"""
    message = problems_of(BASE.replace("cohort: c1", "cohort: c9"))
    assert "unknown cohort 'c9'" in message
    assert "c1" in message


def test_a_course_for_unknown_cohorts_or_on_the_folder_exchange():
    """Is a course listed for an undefined cohort refused, and a course kept to some
    cohorts on the folder exchange (which cannot keep anyone out)?"""
    course = "courses:\n  - id: w1\n    cohorts: [c1, c7]\n"
    message = problems_of(BASE + course)
    assert "courses[0].cohorts[1]: unknown cohort 'c7'" in message
    assert "c1" in message
    message = problems_of(BASE + course.replace("c7", "c1x") + "exchange:\n  mode: filesystem\n")
    assert "courses[0].cohorts: course 'w1' is for some cohorts only" in message
    assert "exchange.mode: api" in message
    settings = parse_settings(BASE + course.replace(", c7", ""), Path("praxishub.yaml"))
    assert settings["courses"][0]["cohorts"] == ["c1"]


def test_an_authenticator_that_cannot_be_loaded_is_named_with_the_fix():
    """Is a sign-in class that is not installed, or not an authenticator, refused at
    `settings check` with its line and the fix, while oauthenticator's is taken?"""
    auth = "authentication:\n  class: {}\n"
    message = problems_of(BASE + auth.format("nosuchpackage.auth.SomeAuthenticator"))
    assert "authentication.class: cannot import 'nosuchpackage.auth.SomeAuthenticator'" in message
    assert "pip install oauthenticator" in message
    message = problems_of(BASE + auth.format("praxishub.settings.Settings"))
    assert "is not a JupyterHub authenticator" in message
    generic = "oauthenticator.generic.GenericOAuthenticator"
    settings = parse_settings(BASE + auth.format(generic), Path("praxishub.yaml"))
    assert settings["authentication"]["class"] == generic


def test_unisolated_real_programme_is_refused():
    """May a real (non-demo) programme turn per-user isolation off? (No.)"""
    message = problems_of(BASE + "spawner:\n  isolation: none\n")
    assert "spawner.isolation" in message
    assert "programme.demo: true" in message


def test_broken_yaml_names_the_line():
    """Does a YAML syntax error name its line?"""
    message = problems_of(BASE.replace("  name: Test programme", "  name: [Test"))
    assert "not valid YAML" in message
    assert "line" in message


def test_cli_check_exits_nonzero_and_changes_nothing(tmp_path):
    """Does `praxishub settings check` exit 2 with the message, leaving the file as it was?"""
    bad = tmp_path / "praxishub.yaml"
    bad.write_text(BASE.replace("role: trainee", "role: admin"), "utf-8")
    before = bad.read_bytes()
    result = subprocess.run(
        [BIN / "praxishub", "settings", "check", bad], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert f"{bad}, line 14, people[1].role" in result.stderr
    assert "fix: use one of" in result.stderr
    assert bad.read_bytes() == before
    assert list(tmp_path.iterdir()) == [bad]


def test_cli_check_accepts_the_example():
    """Does `praxishub settings check` accept the example file?"""
    result = subprocess.run(
        [BIN / "praxishub", "settings", "check", EXAMPLE], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "ok (5 people, 2 cohorts" in result.stdout
