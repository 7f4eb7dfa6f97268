"""The case library: metadata, the review queue, publishing, the library check, retention.

Rule: a case reaches the library only through ``submit`` (de-identify into the
review queue) → a reviewer's decision → ``publish``, and publish refuses while the
case has an unresolved leftover. Raw notes, intake names and reports stay under the
data dir (``praxis/cases/``, owned by the programme service, mode 0700); the library
holds only ``case.ipynb`` and ``case.yaml``. Every write is atomic.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from praxishub.cases import files, structured
from praxishub.cases.engine import Deidentifier
from praxishub.cases.intake import names_of
from praxishub.cases.notebooks import markdown_notebook, notebook_texts
from praxishub.errors import PraxisError, Problem, not_utf8_problem, yaml_problem

CASE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{2,62}$")
PUBLIC_KEYS = (
    "title",
    "language",
    "topics",
    "age_band",
    "setting",
    "risk_level",
    "consent",
    "contributor_role",
    "retention_until",
)
RETENTION_YEARS = 5


class CaseError(PraxisError):
    """A case cannot be submitted, reviewed or published as it is."""


@functools.cache
def case_schema() -> dict[str, Any]:
    text = resources.files("praxishub").joinpath("schema/case.schema.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def meta_problems(meta: Any, where: str) -> list[Problem]:
    if not isinstance(meta, dict):
        return [
            Problem(
                where, "expected a mapping of keys", "see src/praxishub/schema/case.schema.yaml"
            )
        ]
    validator = jsonschema.Draft202012Validator(
        case_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return [
        Problem(
            f"{where}, {'.'.join(map(str, e.absolute_path)) or 'top level'}",
            e.message,
            "see src/praxishub/schema/case.schema.yaml",
        )
        for e in sorted(validator.iter_errors(meta), key=lambda e: list(map(str, e.path)))
    ]


def read_yaml(path: Path) -> Any:
    text = ""
    try:
        data = path.read_bytes()
        text = data.decode("utf-8-sig")
        return yaml.safe_load(text)
    except FileNotFoundError:
        raise CaseError(
            f"{path} does not exist", [Problem(str(path), "missing", "check the path")]
        ) from None
    except UnicodeDecodeError as exc:
        raise CaseError(f"{path} is not UTF-8 text", [not_utf8_problem(path, data, exc)]) from None
    except yaml.YAMLError as exc:
        raise CaseError(f"{path} is not valid YAML", [yaml_problem(path, exc, text)]) from None


# --- leftovers ---------------------------------------------------------------------------

_TAG = re.compile(r"\[[A-ZА-ЯЁ_]+_\d+\]")
_CAPITALISED = re.compile(r"(?<![\w\[])[A-ZА-ЯЁÀ-ŽӘҒҚҢӨҰҮҺІ][a-zа-яёà-žәғқңөұүһі]{2,}")


@dataclass(frozen=True)
class Leftover:
    where: str
    start: int
    text: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"where": self.where, "start": self.start, "text": self.text, "reason": self.reason}


@functools.cache
def _name_words() -> frozenset[str]:
    from praxishub.cases import ner

    words = set(ner.latin_names("en")) | set(ner.latin_names("cs")) | set(ner.kk_names())
    from faker import Faker

    person = Faker("ru_RU").provider("faker.providers.person")
    for attr in ("first_names_male", "first_names_female", "last_names_male", "last_names_female"):
        words.update(n.casefold() for n in getattr(person, attr))
    return frozenset(words)


def blank_tags(text: str) -> str:
    """text with the engine's tags blanked (same length), so they are not scanned."""
    return _TAG.sub(lambda m: " " * len(m.group()), text)


def leftovers(nb: dict[str, Any], kept: list[str] | tuple[str, ...] = ()) -> list[Leftover]:
    """What a reviewer must resolve: long digit runs, @ and links, capitalised words that are
    in a name list, outside the engine's tags, unless the reviewer kept that word."""
    from praxishub.cases.ner import allowed

    keep = {k.casefold() for k in kept}
    names = _name_words()
    found = []
    for where, text in notebook_texts(nb):
        scan = blank_tags(text)
        for start, end, reason in structured.leftovers(scan):
            if scan[start:end].casefold() not in keep:
                found.append(Leftover(where, start, scan[start:end], reason))
        for m in _CAPITALISED.finditer(scan):
            word = m.group()
            if word.casefold() in names and word.casefold() not in keep and not allowed(word):
                found.append(Leftover(where, m.start(), word, "a word in the name lists"))
    return found


# --- the store under the data dir ------------------------------------------------------------


@dataclass(frozen=True)
class Store:
    """praxis/cases/ under the data dir: intake (raw + names), review queue, reports."""

    root: Path

    def intake(self, case_id: str) -> Path:
        return self.root / "intake" / case_id

    def draft(self, case_id: str) -> Path:
        return self.root / "review" / case_id

    @property
    def deny_list(self) -> Path:
        return self.root / "deny-list.txt"

    def ensure(self) -> None:
        for part in (self.root, self.root / "intake", self.root / "review"):
            part.mkdir(parents=True, exist_ok=True)
            os.chmod(part, 0o700)

    def queue(self) -> list[dict[str, Any]]:
        out = []
        for folder in sorted((self.root / "review").glob("*/case.yaml")):
            meta = yaml.safe_load(folder.read_text("utf-8"))
            nb = json.loads((folder.parent / "case.ipynb").read_text("utf-8"))
            open_items = leftovers(nb, meta.get("review", {}).get("kept", []))
            out.append(
                {
                    "id": folder.parent.name,
                    "title": meta["title"],
                    "status": meta["review"]["status"],
                    "leftovers": len(open_items),
                }
            )
        return out


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60] or "case"


def submit(
    store: Store,
    raw: Path,
    meta_path: Path,
    case_id: str | None = None,
    today: date | None = None,
    replace: bool = False,
) -> str:
    """De-identify raw into the review queue; keep raw and the intake names in intake/.

    A case already submitted is not replaced (a reviewer's edits would be lost) unless
    replace is given.
    """
    today = today or date.today()
    case_id = case_id or slug(raw.parent.name if raw.stem in ("case", "raw") else raw.stem)
    if not CASE_ID.match(case_id):
        raise CaseError(
            f"{case_id!r} is not a case id",
            [Problem("case id", case_id, "use 3-63 lowercase letters, digits and dashes")],
        )
    if not replace and (store.intake(case_id).exists() or store.draft(case_id).exists()):
        raise CaseError(
            f"case {case_id!r} was submitted already",
            [
                Problem(
                    "case id",
                    case_id,
                    "give another --id, or --replace to start its review again "
                    "(the draft and the reviewer's edits are replaced)",
                )
            ],
        )
    intake = read_yaml(meta_path)
    if not isinstance(intake, dict):
        raise CaseError(
            f"{meta_path}: expected a mapping",
            [Problem(str(meta_path), "not a mapping", "see case_library/README.md")],
        )
    unknown = intake_problems(intake, str(meta_path))
    if unknown:
        raise CaseError(f"{meta_path} has {len(unknown)} problem(s)", unknown)
    public = {k: intake[k] for k in PUBLIC_KEYS if k in intake}
    public.setdefault(
        "retention_until", (today + timedelta(days=365 * RETENTION_YEARS)).isoformat()
    )
    public["review"] = {"status": "pending"}
    public = json.loads(json.dumps(public, default=str))
    problems = meta_problems(public, str(meta_path))
    if problems:
        raise CaseError(f"{meta_path} has {len(problems)} problem(s)", problems)
    kind, content = files.read_case(raw)
    names, short = names_of(intake)
    nb = content if kind == "notebook" else markdown_notebook(content)
    tool = Deidentifier(language=public["language"], names=names, diminutives=short)
    cleaned = tool.notebook(nb)
    counts: dict[str, int] = {}
    for item in tool.report():
        counts[item["type"]] = counts.get(item["type"], 0) + 1
    public["deidentified"] = counts
    store.ensure()
    _write_folder(
        store.intake(case_id),
        {
            f"raw{raw.suffix.lower()}": raw.read_text("utf-8-sig"),
            "intake.yaml": meta_path.read_text("utf-8-sig"),
        },
        mode=0o600,
    )
    _write_folder(
        store.draft(case_id),
        {
            "case.ipynb": files.notebook_text(cleaned),
            "case.yaml": _yaml(public),
            "report.json": json.dumps(tool.report(), ensure_ascii=False, indent=1),
        },
        mode=0o600,
    )
    _add_to_deny_list(store, names + short)
    return case_id


INTAKE_KEYS = (*PUBLIC_KEYS, "names", "diminutives")
NAME_GROUPS = ("client", "relatives", "staff", "others")


def intake_problems(intake: dict[str, Any], where: str) -> list[Problem]:
    """Keys of an intake record that would be dropped without a word: a misspelt key, or
    a misspelt group of names, whose names would then not be de-identified."""
    import difflib

    found = []
    groups = intake.get("names")
    for keys, allowed, prefix in (
        (intake, INTAKE_KEYS, ""),
        (groups if isinstance(groups, dict) else {}, NAME_GROUPS, "names."),
    ):
        for key in sorted(map(str, keys)):
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f"did you mean {close[0]!r}? " if close else ""
                found.append(
                    Problem(
                        f"{where}, {prefix}{key}",
                        f"unknown key {key!r}",
                        f"{hint}use one of: {', '.join(allowed)}",
                    )
                )
    return found


def _yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _write_folder(folder: Path, contents: dict[str, str], mode: int) -> None:
    """Replace folder with exactly contents, atomically (a sibling temp dir renamed in)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        for name, text in contents.items():
            files.write_atomic(tmp / name, text, mode)
        os.chmod(tmp, 0o700 if mode == 0o600 else 0o755)
        old = folder.with_name(f".{folder.name}.old")
        if folder.exists():
            os.replace(folder, old)
        os.replace(tmp, folder)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _add_to_deny_list(store: Store, names: list[str]) -> None:
    known = set(read_deny_list(store.deny_list))
    new = [n for n in names if n.strip() and n not in known]
    if new:
        text = (
            store.deny_list.read_text("utf-8")
            if store.deny_list.exists()
            else "# names given at intake; never in git\n"
        )
        files.write_atomic(store.deny_list, text + "".join(f"{n}\n" for n in new), mode=0o600)


def read_deny_list(path: Path | None) -> list[str]:
    if path is None or not path.exists():
        return []
    return [
        ln.strip()
        for ln in path.read_text("utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]


def load_draft(store: Store, case_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    folder = store.draft(case_id)
    if not (folder / "case.yaml").exists():
        waiting = ", ".join(c["id"] for c in store.queue()) or "none"
        raise CaseError(
            f"no case {case_id!r} in the review queue",
            [Problem("case id", case_id, f"cases waiting: {waiting}")],
        )
    return read_yaml(folder / "case.yaml"), json.loads((folder / "case.ipynb").read_text("utf-8"))


def save_draft(store: Store, case_id: str, meta: dict[str, Any], nb: dict[str, Any]) -> None:
    folder = store.draft(case_id)
    files.write_atomic(folder / "case.ipynb", files.notebook_text(nb), 0o600)
    files.write_atomic(folder / "case.yaml", _yaml(meta), 0o600)


def review(
    store: Store,
    case_id: str,
    reviewer: str,
    decision: str,
    keep: list[str] = (),
    reason: str = "",
    now: str = "",
) -> dict[str, Any]:
    """Record a reviewer's decision: keep words, approve (only with no open leftover), or reject."""
    meta, nb = load_draft(store, case_id)
    record = meta["review"]
    record["kept"] = sorted(set(record.get("kept", [])) | set(keep))
    if decision == "approve":
        open_items = leftovers(nb, record["kept"])
        if open_items:
            raise CaseError(
                f"{case_id}: {len(open_items)} leftover(s) unresolved",
                [
                    Problem(
                        i.where,
                        f"{i.text!r} ({i.reason})",
                        "mask it in the draft, or keep it if it identifies nobody",
                    )
                    for i in open_items
                ],
            )
        record.update(
            status="approved", reviewer=reviewer, reviewed_at=now or date.today().isoformat()
        )
    elif decision == "reject":
        record.update(
            status="rejected",
            reviewer=reviewer,
            reason=reason,
            reviewed_at=now or date.today().isoformat(),
        )
    save_draft(store, case_id, meta, nb)
    return meta


def publish(store: Store, case_id: str, library: Path, today: date | None = None) -> Path:
    """Move an approved draft into the library; refuse while any leftover is unresolved."""
    today = today or date.today()
    meta, nb = load_draft(store, case_id)
    record = meta["review"]
    open_items = leftovers(nb, record.get("kept", []))
    if open_items:
        raise CaseError(
            f"{case_id}: not published, {len(open_items)} leftover(s) unresolved",
            [
                Problem(
                    i.where,
                    f"{i.text!r} ({i.reason})",
                    "resolve it in the review app (mask or keep)",
                )
                for i in open_items
            ],
        )
    if record.get("status") != "approved":
        raise CaseError(
            f"{case_id}: not published, its review status is {record.get('status')!r}",
            [
                Problem(
                    "review.status",
                    str(record.get("status")),
                    f"a reviewer approves it first: praxishub cases review {case_id} --approve",
                )
            ],
        )
    meta["review"]["status"] = "published"
    meta["published"] = today.isoformat()
    problems = meta_problems(meta, f"{case_id}/case.yaml")
    if problems:
        raise CaseError(f"{case_id}: metadata invalid", problems)
    target = library / "cases" / case_id
    _write_folder(
        target, {"case.ipynb": files.notebook_text(nb), "case.yaml": _yaml(meta)}, mode=0o644
    )
    save_draft(store, case_id, meta, nb)
    return target


def edit_cell(nb: dict[str, Any], index: int, source: str) -> None:
    """A reviewer's edit of one cell of a draft (e.g. masking a leftover by hand)."""
    cells = nb.get("cells", [])
    if not 0 <= index < len(cells):
        raise CaseError(
            f"no cell {index}", [Problem("cell", str(index), f"give 0..{len(cells) - 1}")]
        )
    cells[index]["source"] = source
