"""The programme-scale demo, planned: who, which webinars, who attended, who was supervised.

The published capacity-building track this mirrors ran 29 webinars with 4,433
participants (docs: mission). Rule: everything here is pure and seeded (a plan and a
seed in, plain rows out), so the same seed gives the same programme and a test can
build a small one; writing it into a data dir is ``praxishub.demo_scale_write``.
Only synthetic people: names from Faker (ru_RU, en_US, cs_CZ, zh_CN) and, since Faker
has no Kazakh, from the short invented lists below; every e-mail is @example.org.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from anyascii import anyascii

COURSE_ID = "capacity-track"
PRESENT_SHARE = 0.75  # the settings default (attendance.present_share)
MSK = timezone(timedelta(hours=3))
FIRST_WEBINAR = datetime(2025, 11, 12, 18, 0, tzinfo=MSK)  # a Wednesday
# Weeks between webinars: fortnightly, weekly in four busy spells; 52 weeks in all.
GAPS = (2, 2, 1, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 2)

# (id, name, language, share of trainees, name languages and their weights)
COHORTS: tuple[tuple[str, str, str, int, dict[str, int]], ...] = (
    ("msk-school", "Москва · школьные психологи", "ru", 16, {"ru": 95, "kk": 2, "en": 3}),
    ("spb-crisis", "Санкт-Петербург · телефон доверия", "ru", 12, {"ru": 97, "kk": 3}),
    ("kazan-school", "Казань · школьные психологи", "ru", 8, {"ru": 100}),
    ("nsk-onco", "Новосибирск · онкопсихология", "ru", 7, {"ru": 95, "kk": 5}),
    ("ru-online-peer", "Онлайн · равные консультанты", "ru", 9, {"ru": 90, "kk": 5, "en": 5}),
    ("almaty-school", "Алматы · мектеп психологтары", "kk", 10, {"kk": 65, "ru": 35}),
    ("astana-crisis", "Астана · дағдарыс желісі", "kk", 7, {"kk": 60, "ru": 40}),
    ("praha-onco", "Praha · psychoonkologie", "cs", 6, {"cs": 100}),
    ("brno-school", "Brno · školní psychologové", "cs", 4, {"cs": 95, "ru": 5}),
    ("intl-crisis", "International · crisis line", "en", 8, {"en": 80, "ru": 10, "zh": 10}),
    ("beijing-school", "北京 · 学校心理咨询", "zh", 7, {"zh": 100}),
    ("shanghai-hospital", "上海 · 医院社工与心理", "zh", 6, {"zh": 100}),
)

# (id tail, ru title, en title, minutes): the track's webinars, in order.
WEBINARS = (
    ("pfa-principles", "Принципы психологической первой помощи", "Principles of PFA", 90),
    ("active-listening", "Активное слушание", "Active listening", 90),
    ("suicide-risk", "Оценка суицидального риска", "Assessing suicide risk", 120),
    ("safety-planning", "План безопасности", "Safety planning", 90),
    ("crisis-call", "Структура кризисного звонка", "The structure of a crisis call", 60),
    ("grief-loss", "Горе и утрата", "Grief and loss", 90),
    ("child-assessment", "Оценка ребёнка в школе", "Assessing a child at school", 120),
    ("bullying", "Травля в школе", "Bullying at school", 90),
    ("self-harm", "Самоповреждение у подростков", "Self-harm in adolescents", 90),
    ("parents-teachers", "Работа с родителями и учителями", "Working with parents, teachers", 75),
    ("case-formulation", "Формулировка случая", "Case formulation", 120),
    ("trauma-informed", "Травма-информированный подход", "Trauma-informed care", 90),
    ("onco-diagnosis", "Сообщение диагноза и психолог", "Breaking bad news", 90),
    ("onco-family", "Семья онкологического пациента", "The family of a cancer patient", 75),
    ("peer-support", "Равная поддержка: роли и границы", "Peer support: roles, limits", 60),
    ("group-facilitation", "Ведение групп поддержки", "Facilitating support groups", 90),
    ("anxiety-screening", "Скрининг тревоги (GAD-7)", "Screening for anxiety (GAD-7)", 60),
    ("depression-screening", "Скрининг депрессии (PHQ-9)", "Screening for depression", 60),
    ("motivational", "Мотивационное интервьюирование", "Motivational interviewing", 120),
    ("domestic-violence", "Домашнее насилие: оценка риска", "Domestic violence: risk", 90),
    ("hospital-social", "Социальная координация в больнице", "Hospital social coordination", 75),
    ("ethics", "Этические дилеммы", "Ethical dilemmas", 90),
    ("cultural", "Культурный контекст случая", "The cultural formulation", 75),
    ("online-counselling", "Онлайн-консультирование", "Counselling online", 60),
    ("supervision-use", "Как использовать супервизию", "Making use of supervision", 60),
    ("burnout", "Выгорание у помогающих специалистов", "Burnout in helpers", 90),
    ("self-care", "Забота о себе", "Self-care", 60),
    ("case-write-up", "Письменный анализ случая", "Writing up a case", 120),
    ("closing", "Итоги программы", "Closing the programme", 90),
)

# Invented Kazakh names (Faker has no kk_KZ): given names and surname stems.
KK_FEMALE = ("Айгерім", "Әлия", "Динара", "Жанар", "Гүлнар", "Мөлдір", "Аружан", "Сәуле",
             "Ақерке", "Назерке", "Балжан", "Меруерт")  # fmt: skip
KK_MALE = ("Нұрлан", "Ерлан", "Асхат", "Дәурен", "Бауыржан", "Ерболат", "Серік", "Мұрат",
           "Қайрат", "Жандос", "Талғат", "Арман")  # fmt: skip
KK_SURNAME = ("Сәрсенов", "Жұмабаев", "Оспанов", "Ахметов", "Қасымов", "Омаров", "Нұрланов",
              "Бекмұратов", "Тоқтаров", "Әбдірахманов", "Сейітов", "Мұқанов")  # fmt: skip
LOCALES = {"ru": "ru_RU", "en": "en_US", "cs": "cs_CZ", "zh": "zh_CN"}
GROUP_NOTES = (
    "Разбор случаев группы: границы, риск, следующий шаг.",
    "Case review: risk, boundaries and the next step.",
    "Разбор трудного звонка; упражнение на активное слушание.",
)


@dataclass(frozen=True)
class Plan:
    """How big the demo programme is. ``programme`` is the published size; tests shrink it."""

    trainees: int = 4433
    webinars: int = 29
    trainees_per_supervisor: int = 15
    trainers: int = 12
    coordinators: int = 3
    supervision_months: tuple[str, ...] = ("2026-07", "2026-08", "2026-09", "2026-10")
    sessions_per_trainee_month: int = 2  # one individual, one in a group
    group_size: int = 5
    # who gets a password in demo-logins.json (bcrypt costs ~60 ms each: not 4,433 of them)
    logins: tuple[tuple[str, int], ...] = (
        ("coordinator", 1),
        ("trainer", 2),
        ("supervisor", 3),
        ("trainee", 5),
    )

    def cohort_sizes(self) -> list[int]:
        """Trainees per cohort: their shares of ``trainees``, adding up exactly."""
        total = sum(c[3] for c in COHORTS)
        exact = [self.trainees * c[3] / total for c in COHORTS]
        sizes = [int(x) for x in exact]
        by_rest = sorted(range(len(exact)), key=lambda i: sizes[i] - exact[i])
        for i in by_rest[: self.trainees - sum(sizes)]:
            sizes[i] += 1
        return sizes

    def supervisors_per_cohort(self) -> list[int]:
        return [max(1, round(n / self.trainees_per_supervisor)) for n in self.cohort_sizes()]

    @property
    def supervisors(self) -> int:
        return sum(self.supervisors_per_cohort())

    def expected_attendance_rows(self) -> float:
        return sum(join_rate(k, self.webinars) for k in range(self.webinars)) * self.trainees

    def supervision_sessions(self) -> int:
        """Per supervisor and month: one individual session per supervisee and one group
        session per ``group_size`` of them."""
        per_month = 0
        for size, sups in zip(self.cohort_sizes(), self.supervisors_per_cohort(), strict=True):
            for s in range(sups):
                mine = len(range(s, size, sups))
                per_month += mine + -(-mine // self.group_size)
        return per_month * len(self.supervision_months)


PLANS = {"programme": Plan()}


def plan_for(scale: str, trainees: int | None = None, webinars: int | None = None) -> Plan:
    """The plan of a named scale, optionally shrunk (tests) or grown."""
    plan = PLANS[scale]
    if webinars is not None and not 1 <= webinars <= len(WEBINARS):
        raise ValueError(f"webinars must be 1..{len(WEBINARS)}")
    return replace(
        plan,
        trainees=plan.trainees if trainees is None else trainees,
        webinars=plan.webinars if webinars is None else webinars,
    )


# --- people ---


def _username(first: str, last: str, lang: str, used: set[str]) -> str:
    first_l, last_l = (anyascii(x).lower() for x in (first, last))
    stem = f"{last_l}.{first_l}" if lang == "zh" else f"{first_l[:1]}.{last_l}"
    stem = "".join(ch for ch in stem if ch.isascii() and (ch.isalnum() or ch in ".-"))[:24]
    username, n = stem, 1
    while username in used:
        n += 1
        username = f"{stem}{n}"
    used.add(username)
    return username


class _Names:
    """Synthetic names in the programme's languages; one generator per locale, seeded."""

    def __init__(self, seed: int) -> None:
        from faker import Faker

        self.rng = random.Random(f"names:{seed}")  # noqa: S311 (synthetic people)
        self.fakes = {}
        for lang, locale in LOCALES.items():
            fake = Faker(locale)
            fake.seed_instance(f"{seed}:{lang}")
            self.fakes[lang] = fake

    def pick(self, mix: dict[str, int]) -> str:
        return self.rng.choices(list(mix), weights=list(mix.values()))[0]

    def name(self, lang: str) -> tuple[str, str, str]:
        """(given name, surname, full name as written in that language)."""
        female = self.rng.random() < 0.75  # the helping professions are mostly women
        if lang == "kk":
            first = self.rng.choice(KK_FEMALE if female else KK_MALE)
            last = self.rng.choice(KK_SURNAME) + ("а" if female else "")
            return first, last, f"{first} {last}"
        fake = self.fakes[lang]
        first = fake.first_name_female() if female else fake.first_name_male()
        last = fake.last_name_female() if female else fake.last_name_male()
        return first, last, f"{last}{first}" if lang == "zh" else f"{first} {last}"


def people(plan: Plan, seed: int) -> dict[str, Any]:
    """Cohorts and every person: coordinators, trainers, supervisors (each with the
    trainees of one cohort), trainees. A person is a dict as in praxishub.yaml, plus
    ``first_name`` and ``last_name`` (for the course gradebooks)."""
    names = _Names(seed)
    used: set[str] = set()

    def person(lang: str, role: str, **extra: Any) -> dict[str, Any]:
        first, last, full = names.name(lang)
        username = _username(first, last, lang, used)
        return {
            "username": username,
            "full_name": full,
            "email": f"{username}@example.org",
            "role": role,
            **extra,
            "first_name": first,
            "last_name": last,
        }

    cohorts = [{"id": f"{c[0]}-2026", "name": c[1], "language": c[2]} for c in COHORTS]
    coordinators = [person("ru", "coordinator") for _ in range(plan.coordinators)]
    trainers = [
        person(names.pick({"ru": 6, "en": 2, "kk": 2}), "trainer") for _ in range(plan.trainers)
    ]
    supervisors: list[dict[str, Any]] = []
    trainees: list[dict[str, Any]] = []
    sizes, sups = plan.cohort_sizes(), plan.supervisors_per_cohort()
    for (_, _, _, _, mix), cohort, size, n_sup in zip(COHORTS, cohorts, sizes, sups, strict=True):
        mine = [person(names.pick(mix), "supervisor", cohort=cohort["id"]) for _ in range(n_sup)]
        supervisors += mine
        for i in range(size):
            sup = mine[i % n_sup]["username"]
            trainees.append(person(names.pick(mix), "trainee", cohort=cohort["id"], supervisor=sup))
    return {
        "cohorts": cohorts,
        "coordinators": coordinators,
        "trainers": trainers,
        "supervisors": supervisors,
        "trainees": trainees,
    }


def login_people(plan: Plan, found: dict[str, Any]) -> list[dict[str, Any]]:
    """The few who get a demo password: the first of each role, and trainees of the
    first supervisor (so that the supervisor's queue holds the demo trainees' work)."""
    first_sup = found["supervisors"][0]["username"]
    pool = {
        "coordinator": found["coordinators"],
        "trainer": found["trainers"],
        "supervisor": found["supervisors"],
        "trainee": [t for t in found["trainees"] if t["supervisor"] == first_sup],
    }
    return [p for role, n in plan.logins for p in pool[role][:n]]


# --- the track's course ---


def course_spec(plan: Plan) -> dict[str, Any]:
    """course.yaml of the track: ``plan.webinars`` webinars over a year, each due two
    weeks after it is held."""
    webinars = []
    starts = FIRST_WEBINAR
    for k in range(plan.webinars):
        tail, ru, en, minutes = WEBINARS[k]
        webinars.append(
            {
                "id": f"w{k + 1:02d}-{tail}",
                "title": {"ru": ru, "en": en},
                "starts": starts.isoformat(),
                "duration_minutes": minutes,
                "cpd_hours": round(minutes / 60 * 2) / 2,
                "recording_url": f"https://video.example.org/praxis/{COURSE_ID}/w{k + 1:02d}",
                "deadline": (starts + timedelta(days=14)).replace(hour=23, minute=59).isoformat(),
            }
        )
        starts += timedelta(weeks=GAPS[k % len(GAPS)])
    return {
        "id": COURSE_ID,
        "title": {
            "ru": "Повышение квалификации: 29 вебинаров для помогающих специалистов",
            "en": "Capacity building: 29 webinars for helping professionals",
        },
        "language": "ru",
        "late_penalty": {"percent_per_day": 10, "max_percent": 50, "grace_minutes": 15},
        "webinars": webinars,
    }


def utc(stamp: str) -> datetime:
    """A course.yaml time as naive UTC (as nbgrader and the programme database store it)."""
    return datetime.fromisoformat(stamp).astimezone(UTC).replace(tzinfo=None)


# --- attendance ---


def join_rate(k: int, webinars: int) -> float:
    """Share of trainees in webinar k's report (they joined at all): dropout over time."""
    return 0.998 - 0.05 * (k / max(1, webinars - 1))


def present_rate(k: int, webinars: int) -> float:
    """Share of those who joined who stayed for the threshold: lower as the track goes on."""
    return 0.91 - 0.18 * (k / max(1, webinars - 1))


def report_sha256(seed: int, course: str, webinar: str) -> str:
    """Stands in for the sha256 of an imported report file."""
    return hashlib.sha256(f"synthetic report {seed} {course} {webinar}".encode()).hexdigest()


def attendance(
    webinar: dict[str, Any], k: int, trainees: list[str], plan: Plan, seed: int
) -> Iterator[dict[str, Any]]:
    """The rows of webinar k as an imported Zoom report gives them: one per trainee who
    joined, with join-leave spans (a reconnection sometimes splits them)."""
    rng = random.Random(f"attendance:{seed}:{k}")  # noqa: S311 (synthetic data)
    start = utc(webinar["starts"])
    duration = webinar["duration_minutes"]
    threshold = duration * PRESENT_SHARE
    sha = report_sha256(seed, COURSE_ID, webinar["id"])
    imported = start + timedelta(days=1, hours=2)
    p_join, p_present = join_rate(k, plan.webinars), present_rate(k, plan.webinars)
    for username in trainees:
        draw = rng.random()
        if draw >= p_join:
            continue
        if rng.random() < p_present:
            # most stay to the end; some come late or leave a little early
            minutes = max(int(threshold) + 1, duration - int(rng.expovariate(1 / 6)))
        else:
            minutes = rng.randint(2, int(threshold) - 1)
        joined = start + timedelta(minutes=rng.randint(-5, 8))
        if minutes > 20 and rng.random() < 0.15:  # dropped out and came back
            first = rng.randint(5, minutes - 5)
            back = joined + timedelta(minutes=first + rng.randint(1, 4))
            spans = [(joined, joined + timedelta(minutes=first))]
            spans.append((back, back + timedelta(minutes=minutes - first)))
        else:
            spans = [(joined, joined + timedelta(minutes=minutes))]
        yield {
            "course": COURSE_ID,
            "webinar": webinar["id"],
            "username": username,
            "minutes": minutes,
            "present": minutes >= threshold,
            "matched_by": "email" if rng.random() < 0.93 else "name",
            "source_format": "zoom",
            "sha256": sha,
            "spans": [[a.isoformat(), b.isoformat()] for a, b in spans],
            "untimed_minutes": 0.0,
            "imported_at": imported,
        }


def attendance_import(webinar: dict[str, Any], seed: int) -> dict[str, Any]:
    """The attendance_imports row of a webinar's (synthetic) report."""
    start = utc(webinar["starts"])
    return {
        "course": COURSE_ID,
        "webinar": webinar["id"],
        "sha256": report_sha256(seed, COURSE_ID, webinar["id"]),
        "file_name": f"zoom-participants-{webinar['id']}.csv",
        "source_format": "zoom",
        "threshold_minutes": webinar["duration_minutes"] * PRESENT_SHARE,
        "imported_at": start + timedelta(days=1, hours=2),
    }


# --- supervision ---


def _workday(rng: random.Random, month: str) -> date:
    year, mon = map(int, month.split("-"))
    while True:
        day = date(year, mon, rng.randint(1, 28))
        if day.weekday() < 5:
            return day


def supervision(
    plan: Plan, found: dict[str, Any], course: dict[str, Any], seed: int, first_id: int = 1
) -> dict[str, list[dict[str, Any]]]:
    """Sessions, participants and discussed cases: each month every trainee has one
    individual session and one group session with their supervisor; most confirm."""
    rng = random.Random(f"supervision:{seed}")  # noqa: S311 (synthetic data)
    by_sup: dict[str, list[str]] = {}
    for t in found["trainees"]:
        by_sup.setdefault(t["supervisor"], []).append(t["username"])
    dues = [(utc(w["deadline"]).date(), w["id"]) for w in course["webinars"]]
    out: dict[str, list[dict[str, Any]]] = {"sessions": [], "participants": [], "cases": []}
    next_id = first_id
    last_month = plan.supervision_months[-1]
    for month in plan.supervision_months:
        confirm_rate = 0.7 if month == last_month else 0.92
        for sup in found["supervisors"]:
            mine = by_sup.get(sup["username"], [])
            groups = [mine[i : i + plan.group_size] for i in range(0, len(mine), plan.group_size)]
            meetings = [("individual", [t]) for t in mine] + [("group", g) for g in groups]
            for kind, who in meetings:
                held = _workday(rng, month)
                stamp = datetime.combine(held, datetime.min.time()) + timedelta(hours=19)
                out["sessions"].append(
                    {
                        "id": next_id,
                        "supervisor": sup["username"],
                        "held_on": held,
                        "minutes": rng.choice((45, 50, 60)) if kind == "individual" else 90,
                        "kind": kind,
                        "group_notes": rng.choice(GROUP_NOTES) if kind == "group" else "",
                        "created_at": stamp,
                        "updated_at": stamp,
                    }
                )
                for trainee in who:
                    confirmed = rng.random() < confirm_rate
                    out["participants"].append(
                        {
                            "session_id": next_id,
                            "trainee": trainee,
                            "confirmed_at": stamp + timedelta(days=rng.randint(1, 6))
                            if confirmed
                            else None,
                            "note": "",
                        }
                    )
                done = [w for d, w in dues if d < held]
                if kind == "individual" and done and rng.random() < 0.4:
                    out["cases"].append(
                        {"session_id": next_id, "course": COURSE_ID, "assignment": done[-1]}
                    )
                next_id += 1
    return out
