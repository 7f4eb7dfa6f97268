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
    # the grading desk (praxishub.apps.grading_desk)
    "desk_title": {"ru": "Стол оценивания", "en": "Grading desk"},
    "desk_counts": {"ru": "Ждут оценки: {n}", "en": "Waiting for grading: {n}"},
    "desk_stale": {
        "ru": "курсы {courses} не ответили, список может быть неполным",
        "en": "courses {courses} did not answer; the list may be out of date",
    },
    "desk_trainee": {"ru": "Слушатель", "en": "Trainee"},
    "desk_blind": {"ru": "Слепая оценка", "en": "Blind grading"},
    "desk_refresh": {"ru": "Обновить", "en": "Refresh"},
    "desk_anon": {"ru": "Работа №{n}", "en": "Submission #{n}"},
    "desk_anon_one": {"ru": "Работа (имя скрыто)", "en": "Submission (name hidden)"},
    "desk_open_cells": {"ru": "ответов к оценке: {n}", "en": "{n} to grade"},
    "desk_whole": {"ru": "Вся работа", "en": "Whole submission"},
    "desk_level": {"ru": "Уровень", "en": "Level"},
    "desk_points": {"ru": "Баллы (из {max:g})", "en": "Points (of {max:g})"},
    "desk_comment": {"ru": "Комментарий для слушателя", "en": "Comment for the trainee"},
    "desk_failed": {"ru": "не пройдена", "en": "failed"},
    "desk_follow_up": {"ru": "Вернуться позже", "en": "Follow up"},
    "desk_follow_ups": {"ru": "Только отмеченные «вернуться позже»", "en": "Follow-ups only"},
    "desk_save": {"ru": "Сохранить оценки", "en": "Save grades"},
    "desk_saved": {"ru": "Сохранено: {score:g} из {max:g}.", "en": "Saved: {score:g} of {max:g}."},
    "desk_saved_by": {"ru": "сохранил(а) {who}, {when} UTC", "en": "saved by {who}, {when} UTC"},
    "desk_feedback": {"ru": "Вернуть отзыв", "en": "Return feedback"},
    "desk_feedback_wait": {"ru": "Готовим отзыв…", "en": "Making the feedback…"},
    "desk_feedback_done": {
        "ru": "Отзыв отправлен: слушатель получит его во вкладке «Задания».",
        "en": "Feedback returned: the trainee fetches it in the Assignments tab.",
    },
    "desk_bank": {"ru": "Мои комментарии", "en": "My comments"},
    "desk_into": {"ru": "в ответ", "en": "into"},
    "desk_insert": {"ru": "Вставить", "en": "Insert"},
    "desk_bank_new": {"ru": "Новый комментарий для банка", "en": "A new comment for the bank"},
    "desk_bank_add": {"ru": "В банк", "en": "Add to bank"},
    "desk_queue_tab": {"ru": "Очередь", "en": "Queue"},
    "cal_tab": {"ru": "Калибровка", "en": "Calibration"},
    "cal_overall": {"ru": "Все критерии", "en": "All criteria"},
    "cal_criterion": {"ru": "Критерий", "en": "Criterion"},
    "cal_exact": {"ru": "Совпадение", "en": "Exact"},
    "cal_within_one": {"ru": "±1 уровень", "en": "Within one"},
    "cal_method": {
        "ru": "κ: взвешенная (квадратично) каппа Коэна, среднее по парам оценщиков; работ: {n}. "
        "Для одной работы каппа не определена — смотрите совпадение.",
        "en": "κ: quadratically weighted Cohen's kappa, mean over pairs of raters; {n} "
        "submission(s). With one submission kappa is undefined: look at the exact share.",
    },
    "cal_submission": {"ru": "Работа", "en": "Submission"},
    "cal_number": {"ru": "Работа {n}", "en": "Submission {n}"},
    "cal_rate": {"ru": "Сохранить уровни", "en": "Save my levels"},
    "cal_rated": {"ru": "Уровни сохранены.", "en": "Your levels are saved."},
    "cal_agreement": {"ru": "Согласованность", "en": "Show agreement"},
    "cal_title": {"ru": "Название", "en": "Title"},
    "cal_trainees": {"ru": "Работы", "en": "Submissions"},
    "cal_raters": {"ru": "Оценщики", "en": "Raters"},
    "cal_create": {"ru": "Создать", "en": "Create"},
    "cal_created": {"ru": "Калибровка создана.", "en": "Calibration created."},
    "cal_new": {"ru": "Новая калибровка", "en": "New calibration"},
    "cal_rounds": {"ru": "Калибровки", "en": "Calibrations"},
    "cal_role_rater": {"ru": "вы оцениваете", "en": "you rate"},
    "cal_role_creator": {"ru": "вы создали", "en": "yours"},
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
    # the supervision log app (praxishub.apps.supervision_log)
    "sv_title": {"ru": "Журнал супервизии", "en": "Supervision log"},
    "sv_group_notes": {
        "ru": "Общие заметки группы (их видят все участники)",
        "en": "Group notes (every participant reads them)",
    },
    "sv_note_for": {
        "ru": "Заметка для {name} (видит только этот супервизант)",
        "en": "Note for {name} (only this trainee reads it)",
    },
    "sv_group_label": {"ru": "Группа", "en": "Group"},
    "sv_month": {"ru": "Месяц (ГГГГ-ММ)", "en": "Month (YYYY-MM)"},
    "sv_show": {"ru": "Показать", "en": "Show"},
    "sv_sessions": {"ru": "Сессии: {n}", "en": "Sessions: {n}"},
    "sv_none": {"ru": "В этом месяце сессий нет.", "en": "No sessions this month."},
    "sv_date": {"ru": "Дата", "en": "Date"},
    "sv_minutes": {"ru": "Минуты", "en": "Minutes"},
    "sv_kind": {"ru": "Формат", "en": "Kind"},
    "sv_individual": {"ru": "индивидуальная", "en": "individual"},
    "sv_group": {"ru": "групповая", "en": "group"},
    "sv_participants": {"ru": "Участники", "en": "Participants"},
    "sv_cases": {"ru": "Разборы случаев", "en": "Case analyses"},
    "sv_cases_hint": {
        "ru": "курс/задание, через запятую",
        "en": "course/assignment, comma-separated",
    },
    "sv_notes": {"ru": "Заметки", "en": "Notes"},
    "sv_notes_private": {
        "ru": "Заметки видят только супервизор и супервизант.",
        "en": "Only the supervisor and the trainee see the notes.",
    },
    "sv_log": {"ru": "Записать сессию", "en": "Log the session"},
    "sv_new": {"ru": "Новая сессия", "en": "New session"},
    "sv_session": {"ru": "Сессия", "en": "Session"},
    "sv_delete": {"ru": "Удалить сессию", "en": "Delete the session"},
    "sv_signoff": {"ru": "Подписать месяц", "en": "Sign off the month"},
    "sv_signed": {"ru": "подписан", "en": "signed off"},
    "sv_confirm": {"ru": "Подтвердить участие", "en": "Confirm I took part"},
    "sv_confirmed": {"ru": "подтверждено", "en": "confirmed"},
    "sv_to_confirm": {"ru": "Ждут подтверждения", "en": "Waiting for confirmation"},
    "sv_nothing_to_confirm": {"ru": "Все сессии подтверждены.", "en": "All sessions confirmed."},
    "sv_totals": {"ru": "Итоги месяца", "en": "Month's totals"},
    "sv_trainee": {"ru": "Супервизант", "en": "Trainee"},
    "sv_total": {"ru": "Всего, мин", "en": "Total, min"},
    "sv_unconfirmed": {"ru": "Не подтверждено, мин", "en": "Unconfirmed, min"},
    "sv_your_minutes": {
        "ru": "Ваши часы супервизии: {m} мин",
        "en": "Your supervision time: {m} min",
    },
    "sv_csv": {"ru": "Скачать CSV", "en": "Download CSV"},
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
