"""Load and validate ``praxishub.yaml``, the one settings file of a programme.

Rule: settings are validated against the one schema on *every* load, and a
problem is reported with the file, the line, the key path, the bad value and
the fix. Nothing here starts, writes or changes anything.
"""

from __future__ import annotations

import copy
import difflib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from praxishub.errors import Problem, SettingsError, not_utf8_problem, yaml_problem

SUPERVISING_ROLES = ("supervisor", "trainer")


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of praxishub.yaml (shipped inside the package)."""
    text = resources.files("praxishub").joinpath("schema/praxishub.schema.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@dataclass(frozen=True)
class Settings:
    """Validated settings with every default filled in."""

    path: Path
    values: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    @property
    def data_dir(self) -> Path:
        return (self.path.parent / self.values["data_dir"]).resolve()

    @property
    def is_demo(self) -> bool:
        return bool(self.values["programme"]["demo"])

    @property
    def people(self) -> list[dict[str, Any]]:
        return self.values["people"]


def load_settings(path: str | Path) -> Settings:
    """Read, validate and complete a settings file, or raise SettingsError."""
    path = Path(path)
    try:
        data = path.read_bytes()
        text = data.decode("utf-8")
    except FileNotFoundError:
        raise SettingsError(
            f"Settings file {path} does not exist.",
            [
                Problem(
                    str(path), "no such file", "create it from hub_config/praxishub.example.yaml"
                )
            ],
        ) from None
    except UnicodeDecodeError as exc:
        raise SettingsError(
            f"Settings file {path} is not UTF-8 text.", [not_utf8_problem(path, data, exc)]
        ) from None
    return parse_settings(text, path)


def parse_settings(text: str, path: Path) -> Settings:
    """Validate settings given as YAML text; ``path`` names the file in errors."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SettingsError(
            f"Settings file {path} is not valid YAML.", [yaml_problem(path, exc, text)]
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SettingsError(
            f"Settings file {path} must be a mapping of keys to values.",
            [
                Problem(
                    f"{path}, line 1", "the top level is not a mapping", "start with `programme:`"
                )
            ],
        )
    lines = _LineFinder(node)
    # YAML keeps the last of two equal keys: the first block would vanish without a word.
    problems = _duplicate_keys(node, path) or [
        _schema_problem(err, path, lines) for err in _schema_errors(data)
    ]
    if not problems:
        data = _with_defaults(data, schema())
        problems = [
            Problem(f"{path}, line {lines.line(keys)}, {_dotted(keys)}", message, fix)
            for keys, message, fix in consistency_problems(data)
        ]
    if problems:
        raise SettingsError(f"Settings file {path} has {len(problems)} problem(s).", problems)
    return Settings(path=path.resolve(), values=data)


def consistency_problems(data: dict[str, Any]) -> list[tuple[list[Any], str, str]]:
    """Checks across keys that a schema cannot express: (key path, message, fix)."""
    found: list[tuple[list[Any], str, str]] = []
    people = data["people"]
    cohorts = {c["id"] for c in data["cohorts"]}
    for key, label in (("username", "username"), ("email", "e-mail")):
        first: dict[str, int] = {}
        for i, person in enumerate(people):
            value = person[key].casefold()
            if value in first:
                found.append(
                    (
                        ["people", i, key],
                        f"duplicate {label} {person[key]!r} (also people[{first[value]}])",
                        f"give each person a unique {label}",
                    )
                )
            else:
                first[value] = i
    roles = {p["username"]: p["role"] for p in people}
    for i, person in enumerate(people):
        cohort = person.get("cohort")
        if cohort is not None and cohort not in cohorts:
            found.append(
                (
                    ["people", i, "cohort"],
                    f"unknown cohort {cohort!r}",
                    _choices_fix("add it under `cohorts:` or use", sorted(cohorts)),
                )
            )
        sup = person.get("supervisor")
        if sup is None:
            continue
        if sup not in roles:
            found.append(
                (
                    ["people", i, "supervisor"],
                    f"supervisor {sup!r} is not a person in this programme",
                    _choices_fix(
                        "add that person under `people:` or use",
                        sorted(u for u, r in roles.items() if r in SUPERVISING_ROLES),
                    ),
                )
            )
        elif sup == person["username"]:
            found.append(
                (
                    ["people", i, "supervisor"],
                    "a person cannot supervise themselves",
                    "name someone else",
                )
            )
        elif roles[sup] not in SUPERVISING_ROLES:
            found.append(
                (
                    ["people", i, "supervisor"],
                    f"{sup!r} has role {roles[sup]!r}, which cannot supervise",
                    "give them role supervisor or trainer, or name a supervisor",
                )
            )
    for i, course in enumerate(data["courses"]):
        for j, trainer in enumerate(course["trainers"]):
            if roles.get(trainer) != "trainer":
                found.append(
                    (
                        ["courses", i, "trainers", j],
                        f"{trainer!r} is not a trainer of this programme",
                        _choices_fix(
                            "add them under `people:` with role trainer, or use",
                            sorted(u for u, r in roles.items() if r == "trainer"),
                        ),
                    )
                )
    for i, course in enumerate(data["courses"]):
        for j, cohort in enumerate(course["cohorts"]):
            if cohort not in cohorts:
                found.append(
                    (
                        ["courses", i, "cohorts", j],
                        f"unknown cohort {cohort!r}",
                        _choices_fix("add it under `cohorts:` or use", sorted(cohorts)),
                    )
                )
        if course["cohorts"] and data["exchange"]["mode"] != "api":
            found.append(
                (
                    ["courses", i, "cohorts"],
                    f"course {course['id']!r} is for some cohorts only, but the folder "
                    "exchange lets every trainee read every course",
                    "set exchange.mode: api, or remove the course's cohorts",
                )
            )
    if data["authentication"]["class"] != "local":
        from praxishub.auth import authenticator_problem

        problem = authenticator_problem(data["authentication"]["class"])
        if problem is not None:
            found.append((["authentication", "class"], *problem))
    course_ids = Counter(c["id"] for c in data["courses"])
    for i, course in enumerate(data["courses"]):
        if course_ids[course["id"]] > 1:
            found.append(
                (["courses", i, "id"], f"course {course['id']!r} listed twice", "list it once")
            )
            course_ids[course["id"]] = 1
    counts = Counter(c["id"] for c in data["cohorts"])
    for i, cohort in enumerate(data["cohorts"]):
        if counts[cohort["id"]] > 1:
            found.append(
                (["cohorts", i, "id"], f"duplicate cohort id {cohort['id']!r}", "make ids unique")
            )
            counts[cohort["id"]] = 1
    if data["spawner"]["isolation"] == "none" and not data["programme"]["demo"]:
        found.append(
            (
                ["spawner", "isolation"],
                "isolation 'none' puts every person's files under one Unix user",
                "use isolation: unix-users (run as root), or mark a synthetic programme with programme.demo: true",
            )
        )
    return found


def _schema_errors(data: dict[str, Any]) -> list[jsonschema.ValidationError]:
    validator = jsonschema.Draft202012Validator(schema())
    return sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))


def _schema_problem(err: jsonschema.ValidationError, path: Path, lines: _LineFinder) -> Problem:
    keys = list(err.absolute_path)
    where = f"{path}, line {lines.line(keys)}"
    if keys:
        where += f", {_dotted(keys)}"
    sub = err.schema
    if err.validator == "additionalProperties":
        allowed = sorted(err.schema.get("properties", {}))
        unknown = sorted(set(err.instance) - set(allowed))
        problems = []
        for key in unknown:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            problems.append(f"unknown key {key!r}")
            fix = f"{hint}remove it or use one of: {', '.join(allowed)}"
        where = f"{path}, line {lines.line([*keys, unknown[0]])}, {_dotted([*keys, unknown[0]])}"
        return Problem(where, "; ".join(problems), fix)
    if err.validator == "enum":
        return Problem(
            where,
            f"{err.instance!r} is not allowed",
            "use one of: " + ", ".join(map(str, sub["enum"])),
        )
    if err.validator == "required":
        return Problem(where, err.message, f"add the key ({_describe(err, sub)})")
    described = _describe_at(keys)
    if err.validator == "pattern":
        fix = f"write it in the form {sub['pattern']}"
        return Problem(where, f"{err.instance!r} has the wrong form", _joined(described, fix))
    if err.validator == "type":
        kinds = sub["type"] if isinstance(sub["type"], list) else [sub["type"]]
        fix = "write " + " or ".join(_TYPE_WORDS.get(k, k) for k in kinds)
        return Problem(where, err.message, _joined(described, fix))
    return Problem(where, err.message, described or "see the schema reference")


_TYPE_WORDS = {
    "integer": "a whole number",
    "number": "a number",
    "string": "text",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of keys",
    "null": "nothing",
}


def _joined(description: str, fix: str) -> str:
    """The fix, after the key's description (what the value is for) when it has one."""
    return f"{description.rstrip('.')}: {fix}" if description else fix


def _describe(err: jsonschema.ValidationError, sub: dict[str, Any]) -> str:
    missing = err.message.split("'")[1] if "'" in err.message else ""
    return sub.get("properties", {}).get(missing, {}).get("description", "see the schema")


def _describe_at(keys: list[Any]) -> str:
    node: dict[str, Any] = schema()
    for key in keys:
        if isinstance(key, int):
            node = node.get("items", {})
        else:
            node = node.get("properties", {}).get(key, {})
    return node.get("description", "")


def _choices_fix(prefix: str, choices: list[str]) -> str:
    return f"{prefix} one of: {', '.join(choices)}" if choices else prefix.split(" or ")[0]


def _dotted(keys: list[Any]) -> str:
    out = ""
    for key in keys:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out


def _with_defaults(data: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``data`` with every schema default filled in (objects recursively)."""
    out = copy.deepcopy(data)
    for key, sub in node.get("properties", {}).items():
        if key not in out:
            if "default" in sub:
                out[key] = copy.deepcopy(sub["default"])
            elif sub.get("type") == "object":
                out[key] = {}
        if isinstance(out.get(key), dict) and sub.get("type") == "object":
            out[key] = _with_defaults(out[key], sub)
        if isinstance(out.get(key), list) and sub.get("items", {}).get("type") == "object":
            out[key] = [_with_defaults(item, sub["items"]) for item in out[key]]
    return out


def _duplicate_keys(node: yaml.Node | None, path: Path) -> list[Problem]:
    """A problem for each key written twice in one mapping, at the second one's line."""
    found: list[tuple[int, Problem]] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in current.value:
                line = key.start_mark.line + 1
                if isinstance(key, yaml.ScalarNode) and key.value in first:
                    message = (
                        f"key {key.value!r} is written twice (first on line {first[key.value]})"
                    )
                    where = f"{path}, line {line}, {key.value}"
                    found.append((line, Problem(where, message, "merge the two into one")))
                elif isinstance(key, yaml.ScalarNode):
                    first[key.value] = line
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return [problem for _, problem in sorted(found, key=lambda item: item[0])]


class _LineFinder:
    """Maps a key path to the 1-based line where it stands in the YAML text."""

    def __init__(self, root: yaml.Node | None) -> None:
        self.root = root

    def line(self, keys: list[Any]) -> int:
        node = self.root
        best = node.start_mark.line + 1 if node is not None else 1
        for key in keys:
            child = None
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if k.value == str(key):
                        best = k.start_mark.line + 1
                        child = v
                        break
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(key, int)
                and key < len(node.value)
            ):
                child = node.value[key]
                best = child.start_mark.line + 1
            if child is None:
                break
            node = child
        return best
