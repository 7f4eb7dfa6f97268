"""The grading desk at scale: a supervisor's queue and every trainee's progress, ours against
nbgrader's Gradebook API.

Synthetic gradebooks in nbgrader's own schema on SQLite (praxishub.synthetic_gradebook:
30 assignments, 3 autograded checks and 2 open answers each, ~90% submitted, ~30% of
submissions waiting for a person) at 440 and 4,400 trainees. At each size, in the same
run, two figures:
- a supervisor's queue: the submissions of one supervisor's ~15 supervisees that need
  manual grading, over every assignment;
- the progress summary (total score) of every trainee, two ways: the whole list in one
  answer, and as the programme API pages it (`?limit=50`: the first page a coordinator's
  table shows, with the totals over every trainee).
Baseline, "nbgrader Gradebook API": the queue as `find_submission(a, t).needs_manual_grade`
for each supervisee and assignment (the fastest of nbgrader's ways we found:
`submission_dicts(a)` per assignment is timed once for one assignment, and is far
slower), progress as `student_dicts()`. Ours: `praxishub.desk.queue` and `desk.progress`
on the programme database, after the one-off `desk.gradebook_rows` + `desk.sync` of the
whole gradebook (timed and reported, as is building the gradebooks). Each figure is the
median of --repeats runs (at least 3; fewer than asked when one run is slow). Prints the
ratios and growth against the targets; writes bench/results/gradebook.json.

    .venv/bin/python bench/gradebook.py [--quick] [--repeats 5]

--quick (44 and 440 trainees) is a smoke run and writes nothing.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import results_file
from rich.console import Console
from rich.table import Table
from sqlalchemy import insert

from praxishub import db, desk, synthetic_gradebook

SIZES, QUICK_SIZES = (440, 4400), (44, 440)
ASSIGNMENTS = 30
COURSE = "school-cases"
PAGE = 50  # rows on the first page of the coordinators' progress table
SUPERVISOR = "s001"  # about 15 supervisees at every size
BASELINE = "nbgrader Gradebook API"
TARGETS = {"ratio": 10.0, "growth": 2.0}
SLOW_RUN_S = 20.0  # past this, a figure gets 3 runs whatever --repeats says
console = Console()


def timed(fn: Callable[[], Any], repeats: int) -> tuple[dict[str, Any], Any]:
    """Median wall time of max(3, repeats) runs of fn (3 if the first is slow); its last result."""
    runs: list[float] = []
    while len(runs) < (3 if runs and runs[0] > SLOW_RUN_S else max(3, repeats)):
        started = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - started)
    return {"median_s": statistics.median(runs), "runs_s": [round(r, 4) for r in runs]}, result


def nbgrader_figures(url: str, facts: dict, repeats: int, dicts_everywhere: bool) -> dict:
    from nbgrader.api import Gradebook, MissingEntry

    mine = [s["id"] for s in facts["students"] if s["supervisor"] == SUPERVISOR]
    out: dict[str, Any] = {}
    with Gradebook(url, course_id=COURSE) as gb:

        def queue() -> set[tuple[str, str]]:
            gb.db.expire_all()  # every run loads afresh, as a new request would
            waiting = set()
            for a in facts["assignments"]:
                for t in mine:
                    try:
                        if gb.find_submission(a, t).needs_manual_grade:
                            waiting.add((a, t))
                    except MissingEntry:  # not submitted
                        pass
            return waiting

        def progress() -> dict[str, float]:
            gb.db.expire_all()
            return {d["id"]: d["score"] for d in gb.student_dicts()}

        out["queue"], out["queue_items"] = timed(queue, repeats)
        out["progress"], out["progress_scores"] = timed(progress, repeats)
        if dicts_everywhere:
            # one call, one assignment: its cost grows with submissions x waiting grades
            # of the whole gradebook (see notes), so 30 calls x repeats would take hours
            started = time.perf_counter()
            rows = gb.submission_dicts(facts["assignments"][0])
            out["submission_dicts_one_assignment_s"] = round(time.perf_counter() - started, 3)
            first = {(r["name"], r["student"]) for r in rows if r["needs_manual_grade"]}
            out["submission_dicts_agrees"] = first == {
                w for w in facts["waiting"] if w[0] == facts["assignments"][0]
            }
    return out


def people_rows(facts: dict) -> tuple[list[dict], list[dict]]:
    def email(pid: str) -> str:
        return f"{pid}@people.example"

    sups = [
        {
            "username": s["id"],
            "full_name": f"{s['first_name']} {s['last_name']}",
            "email": email(s["id"]),
            "role": "supervisor",
        }
        for s in facts["supervisors"]
    ]
    trainees = [
        {
            "username": s["id"],
            "full_name": f"{s['first_name']} {s['last_name']}",
            "email": email(s["id"]),
            "role": "trainee",
            "supervisor": s["supervisor"],
        }
        for s in facts["students"]
    ]
    return sups, trainees


def our_figures(url: str, facts: dict, base: Path, repeats: int) -> dict:
    engine = db.make_engine(f"sqlite:///{base / 'programme.sqlite'}")
    try:
        db.migrate(engine)
        with db.session_scope(engine) as session:
            for rows in people_rows(facts):  # supervisors first: trainees point at them
                session.execute(insert(db.Person), rows)
        out: dict[str, Any] = {}
        started = time.perf_counter()
        rows = desk.gradebook_rows(url)
        out["gradebook_rows_s"] = round(time.perf_counter() - started, 3)
        started = time.perf_counter()
        with db.session_scope(engine) as session:
            out["synced"] = desk.sync(session, COURSE, rows, complete=True)
        out["sync_s"] = round(time.perf_counter() - started, 3)

        def queue() -> set[tuple[str, str]]:
            with db.session_scope(engine) as session:
                items = desk.queue(session, SUPERVISOR, course=COURSE)
            return {(i["assignment"], i["trainee"]) for i in items}

        def progress() -> dict[str, float]:
            with db.session_scope(engine) as session:
                return {r["trainee"]: r["score"] for r in desk.progress(session)}

        def progress_page() -> dict[str, Any]:
            with db.session_scope(engine) as session:
                return desk.progress_page(session, limit=PAGE, offset=0)

        out["queue"], out["queue_items"] = timed(queue, repeats)
        out["progress"], out["progress_scores"] = timed(progress, repeats)
        out["progress_page"], out["page"] = timed(progress_page, repeats)
        return out
    finally:
        engine.dispose()


def same_scores(a: dict[str, float], b: dict[str, float]) -> bool:
    return a.keys() == b.keys() and all(abs(a[k] - b[k]) < 0.01 for k in a)


def run_size(base: Path, trainees: int, repeats: int, dicts_everywhere: bool) -> dict:
    folder = base / str(trainees)
    folder.mkdir()
    url = f"sqlite:///{folder / 'gradebook.db'}"
    console.print(f"[bold]{trainees} trainees[/bold]: building the gradebook …")
    started = time.perf_counter()
    facts = synthetic_gradebook.build(url, trainees, ASSIGNMENTS, progress=True)
    build_s = time.perf_counter() - started
    console.print(f"  built in {build_s:.1f} s; {BASELINE} …")
    theirs = nbgrader_figures(url, facts, repeats, dicts_everywhere)
    console.print("  ours (praxishub.desk) …")
    ours = our_figures(url, facts, folder, repeats)
    expected = {
        w
        for w in facts["waiting"]
        if w[1] in {s["id"] for s in facts["students"] if s["supervisor"] == SUPERVISOR}
    }
    parity = {
        "queue": theirs.pop("queue_items") == ours.pop("queue_items") == expected,
        "progress": same_scores(theirs["progress_scores"], ours["progress_scores"]),
    }
    # nbgrader has no pages: its first page and totals cost a read of every trainee.
    theirs["progress_page"] = theirs["progress"]
    page = ours.pop("page")
    theirs_scores = theirs.pop("progress_scores")
    ours.pop("progress_scores")
    first = sorted(theirs_scores)[:PAGE]
    parity["progress_page"] = (
        [r["trainee"] for r in page["progress"]] == first
        and same_scores(
            {r["trainee"]: r["score"] for r in page["progress"]},
            {t: theirs_scores[t] for t in first},
        )
        and page["total"] == len(theirs_scores)
        and abs(page["summary"]["score"] - sum(theirs_scores.values())) < 0.01 * len(theirs_scores)
    )
    shutil.rmtree(folder, ignore_errors=True)
    return {
        "trainees": trainees,
        "supervisees": sum(1 for s in facts["students"] if s["supervisor"] == SUPERVISOR),
        "queue_length": len(expected),
        "rows": facts["counts"],
        "build_s": round(build_s, 2),
        "nbgrader": theirs,
        "ours": ours,
        "parity": parity,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_SIZES} trainees, a smoke run")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument(
        "--submission-dicts-everywhere",
        action="store_true",
        help="also time nbgrader's submission_dicts at the larger size (about an hour)",
    )
    args = parser.parse_args()
    small, large = QUICK_SIZES if args.quick else SIZES
    base = Path(tempfile.mkdtemp(prefix="praxishub-bench-gb-"))
    try:
        at = {
            small: run_size(base, small, args.repeats, True),
            large: run_size(base, large, args.repeats, args.submission_dicts_everywhere),
        }
    finally:
        shutil.rmtree(base, ignore_errors=True)
    figures = ("queue", "progress", "progress_page")

    def med(n: int, side: str, fig: str) -> float:
        return at[n][side][fig]["median_s"]

    ratios = {f: round(med(large, "nbgrader", f) / med(large, "ours", f), 1) for f in figures}
    growths = {f: round(med(large, "ours", f) / med(small, "ours", f), 2) for f in figures}
    nb_growths = {
        f: round(med(large, "nbgrader", f) / med(small, "nbgrader", f), 1) for f in figures
    }
    # Headline ratio: the like-for-like figures (every row, as nbgrader returns them).
    # Headline growth: what a person's screen asks for, a queue and a page with totals;
    # the whole list's growth is reported beside it (its answer is 10x longer).
    ratio = min(ratios["queue"], ratios["progress"])
    growth = max(growths["queue"], growths["progress_page"])

    table = Table(title=f"Gradebook, {ASSIGNMENTS} assignments: ours against the {BASELINE}")
    for col in ("figure", "trainees", f"{BASELINE}, ms", "ours, ms", "ratio", "our growth"):
        table.add_column(col, justify="left" if col == "figure" else "right")
    for f, label in (
        ("queue", "a supervisor's queue"),
        ("progress", "every trainee's progress, whole list"),
        ("progress_page", f"every trainee's progress, page of {PAGE} + totals"),
    ):
        for n in (small, large):
            theirs, ours = med(n, "nbgrader", f), med(n, "ours", f)
            growth_cell = f"{growths[f]}x" if n == large else ""
            table.add_row(
                label,
                f"{n:,}",
                f"{1000 * theirs:,.1f}",
                f"{1000 * ours:,.1f}",
                f"{theirs / ours:,.1f}x",
                growth_cell,
            )
    console.print(table)
    for n in (small, large):
        r = at[n]
        console.print(
            f"{n:,} trainees, one-off: build {r['build_s']} s, gradebook_rows "
            f"{r['ours']['gradebook_rows_s']} s, sync {r['ours']['sync_s']} s "
            f"({r['ours']['synced']:,} submissions); parity {r['parity']}"
        )
    console.print(
        f"ratio (worst figure) {ratio}x, target >= {TARGETS['ratio']}x; "
        f"growth (worst figure) {growth}x, target <= {TARGETS['growth']}x"
    )
    dicts_s = at[small]["nbgrader"]["submission_dicts_one_assignment_s"]
    notes = [
        f"baseline queue: find_submission(a, t).needs_manual_grade for each of the "
        f"{at[large]['supervisees']} supervisees and {ASSIGNMENTS} assignments; each lookup reads "
        "nbgrader's needs_manual_grade EXISTS subquery, which SQLite runs as a scan of the "
        "grade table (nbgrader has no index on grade.notebook_id), so it grows with the gradebook",
        f"submission_dicts(assignment), as formgrader's submissions page calls it, took "
        f"{dicts_s} s for ONE assignment at {small:,} trainees: SQLite {sqlite3.sqlite_version} plans "
        "its needs_manual_grade subquery as a scan of every waiting grade per submitted "
        "assignment of the whole gradebook (quadratic), so the queue that way (one call per "
        "assignment) was not used as the baseline; it would flatter us",
        f"growth is the worse of the queue and the paged progress (GET api/desk/progress?limit="
        f"{PAGE}: the first {PAGE} trainees in username order and the totals over all of them, "
        "as a coordinator's table asks; nbgrader's baseline for it is student_dicts(), since "
        "it has no pages). growth_whole_list is the whole list in one answer, reported beside "
        "it; ratio is the worse of the queue and the whole list (like for like)",
        "progress: nbgrader's student_dicts() against desk.progress() over every trainee; both "
        "return one row per trainee, so 10x the trainees is 10x the rows: growth <= 2x holds "
        "only while the per-row cost stays small next to the fixed cost. Ours reads one row "
        "per trainee kept up to date by every sync (trainee_totals), so its cost is per "
        "trainee returned, not per submission: "
        f"{at[large]['ours']['progress']['median_s'] / large * 1e6:.1f} us per trainee at {large:,}",
        "ours is timed after the one-off gradebook_rows + sync of the whole gradebook (times above); "
        "each run opens a fresh session, as nbgrader's runs start with expired objects",
    ]
    result = {
        "baseline": BASELINE,
        "sizes": [small, large],
        "assignments": ASSIGNMENTS,
        "repeats": args.repeats,
        "targets": TARGETS,
        "ratio": ratio,
        "growth": growth,
        "growth_whole_list": growths["progress"],
        "page_rows": PAGE,
        "ratios": ratios,
        "growths": growths,
        "nbgrader_growths": nb_growths,
        "targets_met": {"ratio": ratio >= TARGETS["ratio"], "growth": growth <= TARGETS["growth"]},
        "times": {str(n): at[n] for n in (small, large)},
        "notes": notes,
    }
    if args.quick:  # a smoke run must not replace the real result
        console.print("--quick: bench/results/gradebook.json not written")
        return
    out = results_file.write("gradebook", result)
    console.print(f"written {out}")


if __name__ == "__main__":
    main()
