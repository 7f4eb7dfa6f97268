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
    # the Voila apps (praxishub.apps)
    "assign": {"ru": "Сделать заданием курса", "en": "Make it a course assignment"},
    "assigned": {
        "ru": "{assignment} добавлено в курс {course}: выдайте его в formgrader.",
        "en": "{assignment} added to {course}: release it in formgrader.",
    },
    "library": {"ru": "Библиотека случаев", "en": "Case library"},
    "topic": {"ru": "Тема", "en": "Topic"},
    "age_band": {"ru": "Возраст", "en": "Age band"},
    "setting": {"ru": "Где", "en": "Setting"},
    "language": {"ru": "Язык", "en": "Language"},
    "any": {"ru": "все", "en": "any"},
    "open": {"ru": "Открыть", "en": "Open"},
    "found": {"ru": "Найдено случаев: {n}", "en": "Cases found: {n}"},
    "none": {"ru": "Нет случаев с такими условиями.", "en": "No case matches."},
    "risk": {"ru": "риск", "en": "risk"},
    "review": {"ru": "Проверка случаев перед публикацией", "en": "Case review before publishing"},
    "queue": {"ru": "Очередь: {n}", "en": "Waiting: {n}"},
    "replaced": {"ru": "Заменено", "en": "Replaced"},
    "leftovers": {"ru": "Подозрительные остатки", "en": "Suspicious leftovers"},
    "no_leftovers": {"ru": "Остатков нет.", "en": "No leftovers."},
    "keep": {"ru": "Оставить отмеченные", "en": "Keep the ticked"},
    "approve": {"ru": "Одобрить", "en": "Approve"},
    "reject": {"ru": "Отклонить", "en": "Reject"},
    "publish": {"ru": "Опубликовать", "en": "Publish"},
    "reason": {"ru": "Причина", "en": "Reason"},
    "cell": {"ru": "Ячейка", "en": "Cell"},
    "save_cell": {"ru": "Сохранить ячейку", "en": "Save cell"},
    "status": {"ru": "Статус", "en": "Status"},
    "type": {"ru": "Тип", "en": "Type"},
    "original": {"ru": "Было", "en": "Original"},
    "tag": {"ru": "Стало", "en": "Now"},
    "done": {"ru": "Готово: {what}", "en": "Done: {what}"},
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
