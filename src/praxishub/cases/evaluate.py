"""Scoring a de-identifier against a labelled set (``tests/fixtures/deid/labelled/``).

Rule: an identifier counts as found only when every character of it is masked (a
date's 4-digit year may stay, as the engine keeps it by default); a masked span
counts as right when it touches a labelled identifier. The format: documents start
with ``=== id ===``, an optional ``names: a; b`` line follows, identifiers are
marked ``[[TYPE|text]]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

_MARK = re.compile(r"\[\[([A-Z]+)\|([^\]|]+)\]\]")
_HEADER = re.compile(r"^=== (?P<id>[\w.-]+) ===\s*$", re.MULTILINE)


@dataclass
class Gold:
    start: int
    end: int
    kind: str
    text: str


@dataclass
class Document:
    id: str
    language: str
    text: str
    gold: list[Gold]
    names: list[str] = field(default_factory=list)


def parse(text: str, language: str) -> list[Document]:
    docs = []
    heads = list(_HEADER.finditer(text))
    for i, head in enumerate(heads):
        body = text[head.end() : heads[i + 1].start() if i + 1 < len(heads) else len(text)]
        body = body.lstrip("\n")
        names: list[str] = []
        if body.startswith("names:"):
            line, _, body = body.partition("\n")
            names = [n.strip() for n in line.removeprefix("names:").split(";") if n.strip()]
        plain: list[str] = []
        gold: list[Gold] = []
        last = 0
        length = 0
        for m in _MARK.finditer(body):
            plain.append(body[last : m.start()])
            length += m.start() - last
            gold.append(Gold(length, length + len(m.group(2)), m.group(1), m.group(2)))
            plain.append(m.group(2))
            length += len(m.group(2))
            last = m.end()
        plain.append(body[last:])
        docs.append(Document(head.group("id"), language, "".join(plain), gold, names))
    return docs


def load(folder: Path) -> list[Document]:
    docs = []
    for path in sorted(folder.glob("*.txt")):
        docs.extend(parse(path.read_text("utf-8"), path.stem))
    return docs


def masked(gold: Gold, text: str, covered: list[tuple[int, int]]) -> bool:
    """Is every character of gold (but a date's year, and spaces) inside a masked span?"""
    allowed = set()
    if gold.kind == "DATE":
        for m in re.finditer(r"(?<!\d)(?:19|20)\d\d(?!\d)", gold.text):
            allowed.update(range(gold.start + m.start(), gold.start + m.end()))
    for pos in range(gold.start, gold.end):
        if pos in allowed or not text[pos].strip() or text[pos] in ".,-/年":
            continue
        if not any(a <= pos < b for a, b in covered):
            return False
    return True


@dataclass
class Score:
    found: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.found / self.total if self.total else 1.0


@dataclass
class Evaluation:
    recall: dict[str, Score] = field(default_factory=dict)  # by "language/type", "language", "all"
    predicted: int = 0
    correct: int = 0
    characters: int = 0
    missed: list[tuple[str, str, str]] = field(default_factory=list)  # (doc, type, text)
    false: list[tuple[str, str]] = field(default_factory=list)  # (doc, text)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    def add(self, key: str, hit: bool) -> None:
        score = self.recall.setdefault(key, Score())
        score.total += 1
        score.found += hit


Finder = Callable[[Document], Iterable[tuple[int, int]]]


def evaluate(docs: list[Document], find: Finder) -> Evaluation:
    """Score find (a document → masked (start, end) spans) on docs."""
    result = Evaluation()
    for doc in docs:
        covered = sorted(find(doc))
        result.characters += len(doc.text)
        for gold in doc.gold:
            hit = masked(gold, doc.text, covered)
            for key in ("all", doc.language, f"{doc.language}/{gold.kind}", f"type/{gold.kind}"):
                result.add(key, hit)
            if not hit:
                result.missed.append((doc.id, gold.kind, gold.text))
        for start, end in covered:
            result.predicted += 1
            if any(g.start < end and start < g.end for g in doc.gold):
                result.correct += 1
            else:
                result.false.append((doc.id, doc.text[start:end]))
    return result


def engine_finder(keep_year: bool = True) -> Finder:
    """Praxis Hub's engine (auto language, the document's intake names) as a Finder."""
    from praxishub.cases.engine import Deidentifier

    def find(doc: Document) -> list[tuple[int, int]]:
        tool = Deidentifier(names=doc.names, keep_year=keep_year)
        language = tool.language_of(doc.text)
        return [(s.start, s.end) for s in tool.spans(doc.text, language)]

    return find
