"""Interface texts in the programme's languages.

Rule: every text a person reads comes from here by key, Russian and English
first; a missing translation falls back to English, never to a key.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "my_progress": {"ru": "Мои результаты", "en": "My progress"},
    "course": {"ru": "Курс", "en": "Course"},
    "assignment": {"ru": "Задание", "en": "Assignment"},
    "autograded": {"ru": "Автопроверка", "en": "Autograded"},
    "total": {"ru": "Максимум с открытыми ответами", "en": "Maximum with open answers"},
    "failed_checks": {"ru": "Не пройдены проверки", "en": "Checks not passed"},
    "all_passed": {"ru": "все проверки пройдены", "en": "all checks passed"},
    "waiting_people": {
        "ru": "Открытые ответы оценит преподаватель.",
        "en": "Open answers are graded by a person.",
    },
    "nothing_yet": {"ru": "Пока нет проверенных работ.", "en": "No graded work yet."},
    "submitted": {"ru": "Сдано", "en": "Submitted"},
    "late": {"ru": "за опоздание", "en": "late"},
}


def pick_language(requested: str | None, accept: str, available: list[str]) -> str:
    """The language to answer in: ?lang=, else the browser's first known, else the programme's."""
    if requested in available:
        return requested  # type: ignore[return-value]
    for part in accept.split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in available:
            return code
    return available[0]


def t(key: str, lang: str) -> str:
    texts = TEXTS[key]
    return texts.get(lang) or texts["en"]
