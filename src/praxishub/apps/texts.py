"""The apps' interface texts, Russian and English first (English when missing)."""

from __future__ import annotations

import os

TEXTS: dict[str, dict[str, str]] = {
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


def language() -> str:
    lang = os.environ.get("PRAXISHUB_LANGUAGE", "en")
    return lang if lang in ("ru", "en") else "en"


def t(key: str, lang: str | None = None, **values: object) -> str:
    texts = TEXTS[key]
    text = texts.get(lang or language()) or texts["en"]
    return text.format(**values) if values else text
