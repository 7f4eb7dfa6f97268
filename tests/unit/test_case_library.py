"""Does a case reach the library only de-identified, reviewed and clean, and leave it on time?"""

from __future__ import annotations

import json
import logging
import os
import stat
from datetime import date
from pathlib import Path

import pytest
import yaml

from praxishub.cases import check, library
from praxishub.cases.intake import from_names
from praxishub.errors import PraxisError

RAW = Path(__file__).parents[1] / "fixtures" / "cases" / "raw"
CASE = "ru-self-harm-15-year-old-girl"
TODAY = date(2026, 11, 25)


@pytest.fixture
def store(tmp_path: Path) -> library.Store:
    return library.Store(tmp_path / "praxis" / "cases")


def submit(store: library.Store, case: str = CASE) -> str:
    return library.submit(store, RAW / case / "case.md", RAW / case / "intake.yaml", today=TODAY)


def source(nb: dict, index: int) -> str:
    value = nb["cells"][index]["source"]
    return value if isinstance(value, str) else "".join(value)


def all_text(nb: dict) -> str:
    return "\n".join(library.blank_tags(text) for _, text in library.notebook_texts(nb))


def test_submit_puts_a_deidentified_draft_in_the_queue_and_keeps_the_raw_private(store):
    """Is every intake name, in every form, gone from the draft, and the raw note kept 0600?"""
    case_id = submit(store)
    meta, nb = library.load_draft(store, case_id)
    intake = yaml.safe_load((RAW / CASE / "intake.yaml").read_text("utf-8"))
    names, short = library.names_of(intake)
    assert names, "the fixture gives intake names"
    assert list(from_names(names, "ru", short).find(all_text(nb))) == []
    assert meta["review"] == {"status": "pending"}
    assert "names" not in meta and "diminutives" not in meta
    assert sum(meta["deidentified"].values()) > 20
    raw = store.intake(case_id) / "raw.md"
    assert raw.read_text("utf-8") == (RAW / CASE / "case.md").read_text("utf-8")
    for path in (
        raw,
        store.intake(case_id) / "intake.yaml",
        store.draft(case_id) / "report.json",
        store.deny_list,
    ):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for folder in (store.root, store.intake(case_id), store.draft(case_id)):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert set(names) <= set(library.read_deny_list(store.deny_list))
    assert [c["id"] for c in store.queue()] == [case_id]


def test_publish_refuses_an_unreviewed_case_and_a_case_with_a_leftover(store, tmp_path):
    """Is a pending case refused, and an approval refused while a leftover is open?"""
    case_id = submit(store)
    lib = tmp_path / "library"
    with pytest.raises(PraxisError, match="review status is 'pending'"):
        library.publish(store, case_id, lib)
    meta, nb = library.load_draft(store, case_id)
    nb["cells"][1]["source"] = source(nb, 1) + "\nКод доступа 4417 2093 81, см. @"
    library.save_draft(store, case_id, meta, nb)
    with pytest.raises(PraxisError, match="leftover") as refused:
        library.review(store, case_id, "reviewer01", "approve")
    assert "4417 2093 81" in str(refused.value)
    with pytest.raises(PraxisError, match="leftover"):
        library.publish(store, case_id, lib)
    assert not (lib / "cases" / case_id).exists()
    # The reviewer masks the number by hand and approves.
    meta, nb = library.load_draft(store, case_id)
    library.edit_cell(nb, 1, source(nb, 1).replace("4417 2093 81, см. @", "[НОМЕР_9]"))
    library.save_draft(store, case_id, meta, nb)
    library.review(store, case_id, "reviewer01", "approve")
    target = library.publish(store, case_id, lib, today=TODAY)
    assert sorted(p.name for p in target.iterdir()) == ["case.ipynb", "case.yaml"]
    published = yaml.safe_load((target / "case.yaml").read_text("utf-8"))
    assert published["review"]["status"] == "published"
    assert published["review"]["reviewer"] == "reviewer01"
    assert published["published"] == TODAY.isoformat()
    assert check.check(lib, library.read_deny_list(store.deny_list), TODAY) == []


def test_a_kept_word_resolves_its_leftover(store):
    """Can a reviewer keep a name-list word that identifies nobody, and then approve?"""
    case_id = submit(store)
    meta, nb = library.load_draft(store, case_id)
    nb["cells"][1]["source"] = source(nb, 1) + "\nМетодика «Вера в себя»."
    library.save_draft(store, case_id, meta, nb)
    assert any(i.text == "Вера" for i in library.leftovers(nb))
    with pytest.raises(PraxisError):
        library.review(store, case_id, "reviewer01", "approve")
    meta = library.review(store, case_id, "reviewer01", "approve", keep=["Вера"])
    assert meta["review"]["status"] == "approved"
    assert meta["review"]["kept"] == ["Вера"]


def test_check_fails_on_a_deny_listed_name_in_any_form(store, tmp_path):
    """Does the library check find an intake name, inflected, that slipped into a case?"""
    case_id = submit(store)
    library.review(store, case_id, "reviewer01", "approve")
    lib = tmp_path / "library"
    library.publish(store, case_id, lib, today=TODAY)
    deny = library.read_deny_list(store.deny_list)
    nb_path = lib / "cases" / case_id / "case.ipynb"
    nb = json.loads(nb_path.read_text("utf-8"))
    client = yaml.safe_load((RAW / CASE / "intake.yaml").read_text("utf-8"))["names"]["client"][0]
    surname = client.split()[-1]
    nb["cells"][2]["source"] = f"Беседа с {surname[:-1]}ой.".replace("аой", "ой")
    nb_path.write_text(json.dumps(nb, ensure_ascii=False), "utf-8")
    problems = check.check(lib, deny, TODAY)
    assert any("deny-list" in p.message for p in problems), problems
    assert all(surname not in str(p) for p in problems), "the check must not print the name"


def test_check_fails_on_stray_files_unpublished_and_expired_cases(tmp_path):
    """Are a report left in the library, a pending case and an expired case each reported?"""
    lib = tmp_path / "library"
    good = {
        "title": "Случай",
        "language": "ru",
        "topics": ["grief"],
        "age_band": "13-15",
        "setting": "school",
        "risk_level": "low",
        "consent": {"given": True, "date": "2026-01-10"},
        "contributor_role": "школьный психолог",
        "review": {"status": "published", "reviewer": "reviewer01"},
        "published": "2026-02-01",
        "retention_until": "2030-01-01",
    }
    nb = library.markdown_notebook("# Случай\n\n## Запрос\n\nТекст без имён.\n")
    for case_id, changes in {
        "clean-case": {},
        "pending-case": {"review": {"status": "pending"}},
        "expired-case": {"retention_until": "2026-11-01"},
    }.items():
        folder = lib / "cases" / case_id
        folder.mkdir(parents=True)
        (folder / "case.yaml").write_text(
            yaml.safe_dump({**good, **changes}, allow_unicode=True), "utf-8"
        )
        (folder / "case.ipynb").write_text(json.dumps(nb), "utf-8")
    (lib / "cases" / "clean-case" / "report.json").write_text("[]", "utf-8")
    problems = [str(p) for p in check.check(lib, [], TODAY)]
    assert any("clean-case" in p and "report.json" in p for p in problems)
    assert any("pending-case" in p and "review.status" in p for p in problems)
    assert any("expired-case" in p and "retention" in p for p in problems)
    assert len(problems) == 3


def test_expire_removes_a_case_past_its_retention_date_with_a_log_line(tmp_path, caplog):
    """Does a case leave the library on its retention date, with a log line, and others stay?"""
    lib = tmp_path / "library"
    for case_id, until in (("old-case", "2026-11-24"), ("new-case", "2026-11-25")):
        folder = lib / "cases" / case_id
        folder.mkdir(parents=True)
        (folder / "case.yaml").write_text(yaml.safe_dump({"retention_until": until}), "utf-8")
        (folder / "case.ipynb").write_text("{}", "utf-8")
    with caplog.at_level(logging.WARNING, logger="praxishub.cases"):
        assert check.expire(lib, TODAY) == ["old-case"]
    assert not (lib / "cases" / "old-case").exists()
    assert (lib / "cases" / "new-case").exists()
    assert "old-case left the library" in caplog.text


def test_bad_metadata_is_refused_naming_the_key_and_nothing_is_written(store, tmp_path):
    """Does an unknown language or missing consent stop the submission before any file is written?"""
    meta = yaml.safe_load((RAW / CASE / "intake.yaml").read_text("utf-8"))
    meta["language"] = "de"
    meta["consent"]["given"] = False
    bad = tmp_path / "intake.yaml"
    bad.write_text(yaml.safe_dump(meta, allow_unicode=True), "utf-8")
    with pytest.raises(PraxisError) as refused:
        library.submit(store, RAW / CASE / "case.md", bad, today=TODAY)
    text = str(refused.value)
    assert "language" in text and "'de' is not one of" in text
    assert "consent.given" in text
    assert not store.root.exists() or not any(store.root.rglob("*.md"))


def test_a_failed_publish_leaves_the_library_case_as_it_was(store, tmp_path, monkeypatch):
    """If writing fails half-way, is the published case still whole (atomic folder swap)?"""
    case_id = submit(store)
    library.review(store, case_id, "reviewer01", "approve")
    lib = tmp_path / "library"
    target = library.publish(store, case_id, lib, today=TODAY)
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    calls = []
    real = library.files.write_atomic

    def failing(path, text, mode=0o644):
        calls.append(path)
        if len(calls) == 2:
            raise OSError("disk full")
        return real(path, text, mode)

    meta, nb = library.load_draft(store, case_id)
    meta["review"]["status"] = "approved"  # publishing marked the draft published
    library.save_draft(store, case_id, meta, nb)
    monkeypatch.setattr(library.files, "write_atomic", failing)
    with pytest.raises(OSError, match="disk full"):
        library.publish(store, case_id, lib, today=TODAY)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert os.listdir(lib / "cases") == [case_id], "no temporary folder is left behind"


def test_submitting_a_case_again_keeps_the_reviewers_work_unless_replaced(store):
    """Is a second submission with the same id refused (edits kept), and accepted with replace?"""
    case_id = submit(store)
    meta, nb = library.load_draft(store, case_id)
    library.edit_cell(nb, 1, "Отредактировано рецензентом.")
    library.save_draft(store, case_id, meta, nb)
    with pytest.raises(PraxisError, match="submitted already") as refused:
        submit(store)
    assert "--replace" in str(refused.value)
    assert source(library.load_draft(store, case_id)[1], 1) == "Отредактировано рецензентом."
    library.submit(
        store, RAW / CASE / "case.md", RAW / CASE / "intake.yaml", today=TODAY, replace=True
    )
    assert source(library.load_draft(store, case_id)[1], 1) != "Отредактировано рецензентом."
