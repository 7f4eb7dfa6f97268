"""Does `praxishub cases deidentify` change only the replaced spans, everywhere in a file,
and refuse bad input without writing anything?"""

from __future__ import annotations

import base64
import json
import stat
from types import SimpleNamespace

import nbformat
import pytest
from click.testing import CliRunner

from praxishub.cases.engine import Deidentifier
from praxishub.cases.ner import morph
from praxishub.cli import main

NOTE = (
    "Мама Анастасии Раковой позвонила 12.03.2024 с номера +7 495 198-70-20.\n"
    "  Отступ и    пробелы   сохраняются.\n\n"
    "Настя учится в школе № 23, в 8 «Б». Почта: rakova.i@example.ru\n"
)


def run(*args: str) -> SimpleNamespace:
    """`praxishub cases deidentify ARGS`, in this process (the models load once per session)."""
    result = CliRunner().invoke(main, ["cases", "deidentify", *map(str, args)])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return SimpleNamespace(returncode=result.exit_code, stdout=result.stdout, stderr=result.stderr)


def rebuild(original: str, replacements: list[dict]) -> str:
    """The original with each reported span replaced: must equal the output exactly."""
    out = original
    for item in sorted(replacements, key=lambda r: r["start"], reverse=True):
        assert out[item["start"] : item["end"]] == item["original"]
        out = out[: item["start"]] + item["replacement"] + out[item["end"] :]
    return out


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_text_changes_only_in_the_reported_spans(tmp_path, suffix):
    """Is every character outside a reported span (spaces, blank lines, layout) kept?"""
    source = tmp_path / f"case{suffix}"
    source.write_text(NOTE, "utf-8")
    out, report = tmp_path / f"out{suffix}", tmp_path / "report.json"
    done = run(str(source), "-o", str(out), "--report", str(report))
    assert done.returncode == 0, done.stderr
    items = json.loads(report.read_text("utf-8"))["replacements"]
    assert out.read_text("utf-8") == rebuild(NOTE, items)
    kinds = {i["type"] for i in items}
    assert {"PERSON", "DATE", "PHONE", "SCHOOL", "CLASS", "EMAIL"} <= kinds
    assert stat.S_IMODE(report.stat().st_mode) == 0o600, "the report holds the originals"
    cleaned = out.read_text("utf-8")
    for secret in ("Анастасии", "Раковой", "Настя", "198-70-20", "rakova", "12.03"):
        assert secret not in cleaned
    assert ".2024" in cleaned, "the year is kept by default"


def test_names_file_masks_forms_the_models_miss(tmp_path):
    """Are the intake names' grammatical forms and diminutives masked with one tag?"""
    source = tmp_path / "case.txt"
    source.write_text("Пришла Ракова. Беседовали с Настенькой и её бабушкой.\n", "utf-8")
    names = tmp_path / "names.txt"
    names.write_text("Анастасия Ракова\n", "utf-8")
    out = tmp_path / "out.txt"
    assert run(str(source), "-o", str(out), "--names", str(names)).returncode == 0
    assert out.read_text("utf-8") == "Пришла [ИМЯ_1]. Беседовали с [ИМЯ_1] и её бабушкой.\n"


def test_notebook_cells_outputs_metadata_and_attachments(tmp_path):
    """Are sources, outputs, metadata and attachments cleaned, images dropped, the rest kept?"""
    nb = nbformat.v4.new_notebook()
    nb.metadata["authors"] = [{"name": "Ирина Ракова"}]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    md = nbformat.v4.new_markdown_cell(
        "Клиентка: Анастасия Ракова, тел. +7 495 198-70-20\n\n![scan](attachment:scan.png)"
    )
    md.attachments = {
        "scan.png": {"image/png": base64.b64encode(b"\x89PNG fake").decode()},
        "note.txt": {"text/plain": base64.b64encode("Звонила Ирина Ракова".encode()).decode()},
    }
    code = nbformat.v4.new_code_cell("print('ok')")
    code.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="Анастасия Ракова, 14 лет\n"),
        nbformat.v4.new_output("display_data", data={"text/plain": "Ракова", "image/png": "AAAA"}),
    ]
    code.metadata["tags"] = ["Ракова"]
    nb.cells = [md, code]
    source = tmp_path / "case.ipynb"
    source.write_text(nbformat.writes(nb), "utf-8")
    out, report = tmp_path / "out.ipynb", tmp_path / "r.json"
    done = run(str(source), "-o", str(out), "--report", str(report), "--lang", "ru")
    assert done.returncode == 0, done.stderr
    text = out.read_text("utf-8")
    assert "Ракова" not in text and "Анастасия" not in text and "198-70-20" not in text
    assert (
        "Ирина"
        not in base64.b64decode(
            json.loads(text)["cells"][0]["attachments"]["note.txt"]["text/plain"]
        ).decode()
    )
    cleaned = nbformat.reads(text, as_version=4)
    nbformat.validate(cleaned)
    assert [c.id for c in cleaned.cells] == [c.id for c in nb.cells], "cell ids are kept"
    assert cleaned.metadata.kernelspec == nb.metadata.kernelspec
    assert "scan.png" not in cleaned.cells[0].attachments
    assert "image/png" not in cleaned.cells[1].outputs[1].data
    assert cleaned.cells[1].source == "print('ok')"
    assert cleaned.cells[1].outputs[0].text.endswith(", 14 лет\n")
    kinds = [r["type"] for r in json.loads(report.read_text("utf-8"))["replacements"]]
    assert kinds.count("IMAGE") == 2


def test_not_json_is_refused_with_line_and_nothing_written(tmp_path):
    """Does a broken notebook get an error naming the line and leave the old output alone?"""
    source = tmp_path / "case.ipynb"
    source.write_text('{"cells": [\n  {"source": "x",\n  oops\n]}', "utf-8")
    out = tmp_path / "out.ipynb"
    out.write_text("previous", "utf-8")
    done = run(str(source), "-o", str(out))
    assert done.returncode == 2
    assert "line 3" in done.stderr and "not valid JSON" in done.stderr and "fix:" in done.stderr
    assert out.read_text("utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.ipynb", "out.ipynb"]


def test_a_10_mb_notebook_is_refused_with_the_fix(tmp_path):
    """Is a 10 MB notebook refused (case notes are text) with what to do, and nothing written?"""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Случай")])
    nb.cells[0].attachments = {"big.png": {"image/png": "A" * (10 * 1024 * 1024)}}
    source = tmp_path / "big.ipynb"
    source.write_text(nbformat.writes(nb), "utf-8")
    out = tmp_path / "out.ipynb"
    done = run(str(source), "-o", str(out))
    assert done.returncode == 2
    assert "10.0 MB" in done.stderr and "clear-output" in done.stderr
    assert not out.exists()


def test_unknown_language_and_wrong_types_are_refused(tmp_path):
    """Do an unknown --lang, a .docx and a .txt → .ipynb output each get a clear error?"""
    source = tmp_path / "case.txt"
    source.write_text("Текст", "utf-8")
    bad_lang = run(str(source), "-o", str(tmp_path / "o.txt"), "--lang", "de")
    assert bad_lang.returncode == 2 and "'de' is not one of" in bad_lang.stderr
    docx = tmp_path / "case.docx"
    docx.write_bytes(b"PK")
    assert "give a .txt, .md or .ipynb" in run(str(docx), "-o", str(tmp_path / "o.docx")).stderr
    assert "same type" in run(str(source), "-o", str(tmp_path / "o.ipynb")).stderr
    with pytest.raises(ValueError, match="unknown language 'de'"):
        Deidentifier(language="de")


def test_russian_surrogates_take_the_case_and_gender_of_the_original():
    """Does "Анастасии Раковой" become a made-up woman's name in the genitive?"""
    tool = Deidentifier(language="ru", surrogates=True)
    out = tool.text("Мама Анастасии Раковой пришла. Анастасия Ракова не пришла.")
    first, second = tool.replacements[0].replacement, tool.replacements[1].replacement
    assert "Анастасии" not in out and "Раков" not in out
    for word in first.split():
        assert any({"gent", "femn"} <= set(p.tag.grammemes) for p in morph().parse(word)), word
    assert second.split()[0][:3] == first.split()[0][:3], "one person keeps one surrogate"
