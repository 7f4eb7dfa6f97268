"""Interface texts in the programme's languages.

Rule: every text a person reads comes from here by key, Russian and English
first; a missing translation falls back to English, never to a key.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "my_progress": {"ru": "Мои результаты", "en": "My progress"},
    "login_held": {
        "ru": "Слишком много неверных паролей для этой учётной записи. Попробуйте снова "
        "через {minutes} мин. или попросите координатора задать новый пароль.",
        "en": "Too many wrong passwords for this account. Try again in {minutes} min, "
        "or ask your coordinator to set a new password.",
    },
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
    "ci_title": {"ru": "Отметка на вебинаре", "en": "Webinar check-in"},
    "ci_webinar": {"ru": "Вебинар", "en": "Webinar"},
    "ci_minutes": {"ru": "Минут", "en": "Minutes"},
    "ci_open": {"ru": "Открыть отметку", "en": "Open check-in"},
    "ci_until": {"ru": "Код действует до {until} UTC", "en": "The code works until {until} UTC"},
    "ci_count": {"ru": "Отметились: {n}", "en": "Checked in: {n}"},
    "ci_code": {"ru": "Код с экрана тренера", "en": "The code the trainer shows"},
    "ci_check_in": {"ru": "Отметиться", "en": "Check in"},
    "ci_done": {
        "ru": "Вы отмечены: {course}/{webinar}.",
        "en": "You are checked in: {course}/{webinar}.",
    },
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
    # CPD certificates (praxishub.certificate_pdf) and their check page
    "cert_title": {"ru": "Сертификат", "en": "Certificate"},
    "cert_subtitle": {
        "ru": "о повышении квалификации",
        "en": "of continuing professional development",
    },
    "cert_awarded": {"ru": "Настоящий сертификат выдан", "en": "This certificate is awarded to"},
    "cert_for": {
        "ru": "за успешное освоение курса",
        "en": "for successfully completing the course",
    },
    "cert_webinars": {"ru": "Посещённые вебинары", "en": "Webinars attended"},
    "cert_hours": {"ru": "Часы непрерывного обучения (CPD)", "en": "CPD hours"},
    "cert_date": {"ru": "Дата выдачи", "en": "Date of issue"},
    "cert_code": {"ru": "Код проверки", "en": "Verification code"},
    "cert_check": {"ru": "Проверить подлинность", "en": "Check this certificate at"},
    "cert_revoked": {"ru": "СЕРТИФИКАТ ОТОЗВАН", "en": "THIS CERTIFICATE IS REVOKED"},
    "cert_valid": {"ru": "Сертификат действителен", "en": "The certificate is valid"},
    "cert_superseded": {
        "ru": "Сертификат заменён новым и больше не действует",
        "en": "The certificate was replaced by a newer one and is no longer valid",
    },
    "cert_unknown": {
        "ru": "Сертификата с таким кодом нет. Проверьте, что код введён как напечатан.",
        "en": "No certificate has this code. Check that it was typed as printed.",
    },
    "cert_name": {"ru": "Имя", "en": "Name"},
    "cert_programme": {"ru": "Программа", "en": "Programme"},
    # the funder report (praxishub.reports)
    "rep_title": {"ru": "Отчёт для донора", "en": "Funder report"},
    "rep_period": {"ru": "Период", "en": "Period"},
    "rep_made": {"ru": "Сформирован", "en": "Made"},
    "rep_summary": {"ru": "Итоги по группам", "en": "Summary by cohort"},
    "rep_months": {"ru": "По месяцам", "en": "By month"},
    "rep_webinars": {"ru": "Вебинары", "en": "Webinars"},
    "rep_completions": {"ru": "Завершения курсов", "en": "Course completions"},
    "rep_certificates": {"ru": "Сертификаты", "en": "Certificates"},
    "rep_all": {"ru": "Все группы", "en": "All cohorts"},
    "rep_no_cohort": {"ru": "Без группы", "en": "No cohort"},
    "col_cohort": {"ru": "Группа", "en": "Cohort"},
    "col_cohort_name": {"ru": "Название группы", "en": "Cohort name"},
    "col_month": {"ru": "Месяц", "en": "Month"},
    "col_course": {"ru": "Курс", "en": "Course"},
    "col_webinar": {"ru": "Вебинар", "en": "Webinar"},
    "col_title": {"ru": "Название", "en": "Title"},
    "col_date": {"ru": "Дата", "en": "Date"},
    "col_duration": {"ru": "Длительность, мин", "en": "Duration, min"},
    "col_webinars_held": {"ru": "Проведено вебинаров", "en": "Webinars held"},
    "col_participants": {"ru": "Участников", "en": "Participants"},
    "col_attendances": {"ru": "Посещений", "en": "Attendances"},
    "col_trainees": {"ru": "Слушателей", "en": "Trainees"},
    "col_eligible": {"ru": "Выполнили условия", "en": "Eligible"},
    "col_certificates": {"ru": "Выдано сертификатов", "en": "Certificates issued"},
    "col_eligible_waiting": {
        "ru": "Выполнили, сертификат не выдан",
        "en": "Eligible, not yet issued",
    },
    "col_completions": {"ru": "Завершили", "en": "Completions"},
    "col_cpd_hours": {"ru": "Часы CPD (посещения)", "en": "CPD hours (attended)"},
    "col_certified_hours": {"ru": "Часы CPD в сертификатах", "en": "CPD hours certified"},
    "col_supervision_sessions": {"ru": "Сессий супервизии", "en": "Supervision sessions"},
    "col_supervision_hours": {"ru": "Часы супервизии", "en": "Supervision hours"},
    "col_cpd": {"ru": "Часы CPD", "en": "CPD hours"},
    "col_code": {"ru": "Код", "en": "Code"},
    "col_name": {"ru": "Имя", "en": "Name"},
    "col_status": {"ru": "Статус", "en": "Status"},
    # the programme dashboards (praxishub.dashboard_figures)
    "dash_no_cohort": {"ru": "Без группы", "en": "No cohort"},
    "dash_overview": {"ru": "Обзор программы", "en": "Programme overview"},
    "dash_loading": {"ru": "Загружаем данные…", "en": "Loading the data…"},
    "dash_failed": {
        "ru": "Не удалось показать данные. Обновите страницу; если не поможет, сообщите "
        "координатору код {ref} (подробности в журнале сервера).",
        "en": "The data could not be shown. Reload the page; if that does not help, give "
        "your coordinator the code {ref} (the details are in the server's log).",
    },
    "dash_cohort": {"ru": "Группа", "en": "Cohort"},
    "dash_from": {"ru": "С", "en": "From"},
    "dash_to": {"ru": "По", "en": "To"},
    "dash_webinars_held": {"ru": "вебинаров проведено", "en": "webinars held"},
    "dash_participants": {"ru": "участников", "en": "participants"},
    "dash_trainees": {"ru": "слушателей", "en": "trainees"},
    "dash_oldest_days": {"ru": "дней ждёт самая старая работа", "en": "days the oldest has waited"},
    "dash_cpd_hours": {"ru": "часов ПК (CPD)", "en": "CPD hours"},
    "dash_feedback_returned": {"ru": "отзывов получено", "en": "feedback returned"},
    "dash_next": {"ru": "Что дальше", "en": "What comes next"},
    "dash_export": {"ru": "Таблицы в XLSX", "en": "Tables as XLSX"},
    "dash_supervisor_view": {"ru": "Мои супервизируемые", "en": "My supervisees"},
    "dash_my_view": {"ru": "Мой прогресс", "en": "My progress"},
    "dash_attendance": {"ru": "Посещаемость вебинаров", "en": "Webinar attendance"},
    "dash_present": {"ru": "Присутствовали", "en": "Present"},
    "dash_absent": {"ru": "Не засчитано", "en": "Not present"},
    "dash_share": {"ru": "Доля слушателей", "en": "Share of trainees"},
    "dash_funnel": {"ru": "Воронка завершения", "en": "Completion funnel"},
    "dash_step_enrolled": {"ru": "Зачислены", "en": "Enrolled"},
    "dash_step_attended": {"ru": "Были хотя бы на одном вебинаре", "en": "Attended a webinar"},
    "dash_step_attended_enough": {
        "ru": "Посетили нужную долю вебинаров",
        "en": "Attended enough webinars",
    },
    "dash_step_submitted_all": {"ru": "Сдали все задания", "en": "Submitted every assignment"},
    "dash_step_passed_all": {"ru": "Зачтены все задания", "en": "Passed every assignment"},
    "dash_step_certified": {"ru": "Получили сертификат", "en": "Certified"},
    "dash_grades": {"ru": "Распределение оценок", "en": "Grade distributions"},
    "dash_score_share": {"ru": "Доля от максимума", "en": "Share of the maximum"},
    "dash_graded": {"ru": "оценено", "en": "graded"},
    "dash_waiting": {"ru": "ждут оценки", "en": "waiting"},
    "dash_submissions": {"ru": "Работ", "en": "Submissions"},
    "dash_supervision": {"ru": "Часы супервизии по месяцам", "en": "Supervision hours by month"},
    "dash_hours": {"ru": "Часы", "en": "Hours"},
    "dash_trainee_hours": {"ru": "Часы слушателей", "en": "Trainees' hours"},
    "dash_session_hours": {"ru": "Часы проведённых сессий", "en": "Hours of sessions held"},
    "dash_cohorts": {"ru": "Сравнение групп", "en": "Cohorts compared"},
    "dash_attendance_share": {"ru": "Посещаемость", "en": "Attendance"},
    "dash_completion_share": {"ru": "Завершили", "en": "Completed"},
    "dash_mean_score_share": {"ru": "Средний балл", "en": "Mean score"},
    "dash_supervision_per_trainee": {
        "ru": "Часы супервизии на слушателя",
        "en": "Supervision hours per trainee",
    },
    "dash_supervisees": {"ru": "Мои супервизируемые", "en": "My supervisees"},
    "dash_supervision_hours": {"ru": "Часы супервизии", "en": "Supervision hours"},
    "dash_my_attendance": {"ru": "Моё присутствие на вебинарах", "en": "My webinar attendance"},
    "dash_minutes": {"ru": "Минуты", "en": "Minutes"},
    "dash_my_scores": {"ru": "Мои баллы", "en": "My scores"},
    "dash_no_data_yet": {"ru": "Данных пока нет", "en": "No data yet"},
    "dash_status_passed": {"ru": "зачтено", "en": "passed"},
    "dash_status_failed": {"ru": "не зачтено", "en": "not passed"},
    "dash_status_waiting": {"ru": "ждёт оценки", "en": "waiting for a grade"},
    "dash_status_missing": {"ru": "не сдано", "en": "not submitted"},
    # file imports (praxishub.apps.people, praxishub.apps.report_import)
    "rp_title": {"ru": "Сертификаты и отчёты", "en": "Certificates and reports"},
    "rp_certificates": {"ru": "Сертификаты ПК", "en": "CPD certificates"},
    "rp_issue": {"ru": "Выдать заслуженные", "en": "Issue earned ones"},
    "rp_certificate": {"ru": "Сертификат", "en": "Certificate"},
    "rp_download_pdf": {"ru": "Скачать PDF", "en": "Download PDF"},
    "rp_eligible": {"ru": "заслужил(а) сертификат", "en": "earned the certificate"},
    "rp_present": {"ru": "Присутствие / нужно", "en": "Present / needed"},
    "rp_standing": {"ru": "Статус", "en": "Standing"},
    "rp_code": {"ru": "Код сертификата", "en": "Certificate code"},
    "rp_issued": {
        "ru": "Выдано новых: {new}; без изменений: {unchanged}",
        "en": "Issued: {new} new, {unchanged} unchanged",
    },
    "rp_no_courses": {
        "ru": "Сервис не знает ни одного курса: разверните курсы (praxishub courses deploy)",
        "en": "The service knows no course yet: deploy the courses (praxishub courses deploy)",
    },
    "rp_funder": {"ru": "Отчёт для донора", "en": "Funder report"},
    "rp_from": {"ru": "С", "en": "From"},
    "rp_to": {"ru": "По", "en": "To"},
    "rp_make_report": {"ru": "Сформировать отчёт", "en": "Make the report"},
    "rp_need_dates": {"ru": "Укажите обе даты периода", "en": "Give both dates of the period"},
    "rp_only_coordinators": {
        "ru": "Сертификаты и отчёты доступны координаторам программы",
        "en": "Certificates and reports are for the programme's coordinators",
    },
    "imp_people_title": {"ru": "Люди программы", "en": "Programme people"},
    "imp_people_intro": {
        "ru": "Загрузите список в CSV или XLSX с колонками username, full_name, email, role, "
        "cohort, supervisor. Колонка supervisor назначает слушателю супервизора; пустая "
        "ячейка снимает назначение.",
        "en": "Upload a CSV or XLSX roster with the columns username, full_name, email, role, "
        "cohort, supervisor. The supervisor column assigns each trainee their supervisor; an "
        "empty cell removes the assignment.",
    },
    "imp_only_coordinators": {
        "ru": "Импорт людей доступен координаторам программы.",
        "en": "Importing people is for the programme's coordinators.",
    },
    "imp_choose": {"ru": "Выбрать файл", "en": "Choose file"},
    "imp_file": {"ru": "Файл: {name} ({kb} КБ)", "en": "File: {name} ({kb} KB)"},
    "imp_no_file": {"ru": "Сначала выберите файл.", "en": "Choose a file first."},
    "imp_check": {"ru": "Проверить", "en": "Check"},
    "imp_apply": {"ru": "Импортировать", "en": "Import"},
    "imp_preview": {
        "ru": "Проверка: будет создано {created}, изменено {updated}, без изменений {unchanged}. "
        "Пока ничего не записано.",
        "en": "Check: {created} to create, {updated} to update, {unchanged} unchanged. "
        "Nothing is saved yet.",
    },
    "imp_done": {
        "ru": "Импортировано: создано {created}, изменено {updated}, без изменений {unchanged}.",
        "en": "Imported: {created} created, {updated} updated, {unchanged} unchanged.",
    },
    "imp_problems": {
        "ru": "Ошибки в файле; ничего не изменено:",
        "en": "Problems in the file; nothing was changed:",
    },
    "imp_fix": {"ru": "как исправить", "en": "fix"},
    "imp_line": {"ru": "Строка", "en": "Line"},
    "imp_username": {"ru": "Логин", "en": "Username"},
    "imp_full_name": {"ru": "ФИО", "en": "Full name"},
    "imp_role": {"ru": "Роль", "en": "Role"},
    "imp_email": {"ru": "Эл. почта", "en": "E-mail"},
    "imp_cohort": {"ru": "Группа", "en": "Cohort"},
    "imp_supervisor": {"ru": "Супервизор", "en": "Supervisor"},
    "imp_action": {"ru": "Что будет", "en": "Action"},
    "imp_changes": {"ru": "Изменения", "en": "Changes"},
    "imp_created": {"ru": "новый", "en": "new"},
    "imp_updated": {"ru": "изменится", "en": "updated"},
    "imp_unchanged": {"ru": "без изменений", "en": "unchanged"},
    "imp_supervisors": {"ru": "Назначения супервизоров", "en": "Supervisor assignments"},
    "imp_nobody": {"ru": "нет", "en": "none"},
    "imp_declared": {
        "ru": "Эти люди указаны и в praxishub.yaml, а он применяется заново при каждом запуске: "
        "измените их и там. {names}",
        "en": "praxishub.yaml declares these people too, and it is applied again at every start: "
        "change them there as well. {names}",
    },
    "imp_passwords": {
        "ru": "Новые люди смогут войти, когда у них будет пароль: создайте первые пароли "
        "ниже (или на сервере: praxishub people set-password ЛОГИН --generate).",
        "en": "New people can log in once they have a password: make their first passwords "
        "below (or on the server: praxishub people set-password USERNAME --generate).",
    },
    "imp_first_new": {
        "ru": "Создать первые пароли новым ({n})",
        "en": "First passwords for the new ({n})",
    },
    "imp_first_all": {
        "ru": "Пароли всем, у кого их нет",
        "en": "Passwords for everyone without one",
    },
    "imp_first_shown": {
        "ru": "Пароли показаны один раз и нигде не хранятся в читаемом виде. Передайте "
        "каждому его пароль лично; сохраните файл только на время раздачи.",
        "en": "The passwords are shown once and are kept nowhere readable. Give each person "
        "their own, privately; keep the file only while you hand them out.",
    },
    "imp_first_none": {
        "ru": "Никому не нужен первый пароль.",
        "en": "Nobody needs a first password.",
    },
    "imp_first_skipped": {
        "ru": "Пропущены (пароль уже есть или учётная запись неактивна): {names}",
        "en": "Skipped (a password already, or inactive): {names}",
    },
    "imp_password": {"ru": "Пароль", "en": "Password"},
    "imp_first_file": {"ru": "Скачать CSV", "en": "Download CSV"},
    "imp_roster": {"ru": "Текущий состав: {n}", "en": "Current roster: {n}"},
    "imp_leavers": {
        "ru": "Выбывшие: логины через запятую. Деактивированные не могут войти, их работы "
        "остаются в архиве программы; вернуть можно кнопкой «Вернуть».",
        "en": "People who left: usernames, separated by commas. Deactivated people cannot log "
        "in; their work stays on the programme's record. Reactivate undoes it.",
    },
    "imp_leavers_placeholder": {"ru": "логин, логин, …", "en": "username, username, …"},
    "imp_deactivate": {"ru": "Деактивировать", "en": "Deactivate"},
    "imp_reactivate": {"ru": "Вернуть", "en": "Reactivate"},
    "imp_deactivated": {"ru": "Деактивированы: {names}", "en": "Deactivated: {names}"},
    "imp_reactivated": {"ru": "Возвращены: {names}", "en": "Reactivated: {names}"},
    "imp_active_skipped": {"ru": "Без изменений: {names}", "en": "Unchanged: {names}"},
    "imp_servers_stopped": {
        "ru": "Их серверы Jupyter остановлены: {names}",
        "en": "Their Jupyter servers were stopped: {names}",
    },
    "imp_servers_not_stopped": {
        "ru": "Сервер пока не остановлен (служба повторит попытку в течение минуты): {names}",
        "en": "Server not stopped yet (the service tries again within a minute): {names}",
    },
    "imp_no_usernames": {
        "ru": "Введите хотя бы один логин.",
        "en": "Enter at least one username.",
    },
    "imp_report_title": {
        "ru": "Импорт отчёта Zoom или Teams",
        "en": "Import a Zoom or Teams report",
    },
    "imp_counts": {
        "ru": "Участников: {n}; сопоставлено: {matched}; не сопоставлено: {unmatched}; "
        "присутствовали: {present} (от {threshold:g} мин).",
        "en": "Participants: {n}; matched: {matched}; unmatched: {unmatched}; "
        "present: {present} (from {threshold:g} min).",
    },
    "imp_dry": {"ru": "Проверка: ничего не записано.", "en": "Check only: nothing was saved."},
    "imp_saved": {
        "ru": "Сохранено: новых {created}, обновлено {updated}, без изменений {unchanged}.",
        "en": "Saved: {created} new, {updated} updated, {unchanged} unchanged.",
    },
    "imp_already": {
        "ru": "Этот файл уже импортирован ({when} UTC): ничего не изменено.",
        "en": "This file was imported already ({when} UTC): nothing changed.",
    },
    "imp_unmatched": {"ru": "Не сопоставлены с учётной записью", "en": "Not matched to an account"},
    "imp_minutes": {"ru": "Минуты", "en": "Minutes"},
    "imp_present": {"ru": "Присутствовал(а)", "en": "Present"},
    "imp_yes": {"ru": "да", "en": "yes"},
    "imp_no": {"ru": "нет", "en": "no"},
    "imp_participant": {"ru": "Участник", "en": "Participant"},
    "imp_count_as": {"ru": "Засчитать как (логин)", "en": "Count as (username)"},
    "imp_resolve": {"ru": "Засчитать", "en": "Count"},
    "imp_resolved": {
        "ru": "{name} → {username}: {minutes} мин.",
        "en": "{name} → {username}: {minutes} min.",
    },
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
