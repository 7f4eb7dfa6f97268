"""Reliability figures: the attack catalogue, the fault tests and the bad-input corpus, run
for real by pytest, counted into bench/results/reliability.json.

Each of the three test modules writes its own counts when ``PRAXIS_RELIABILITY_DIR`` is set
(attacks.json, faults.json, corpus.json); this script runs them in one pytest session (they
share one hub) and adds the counts up. A module that did not write its counts, or a test
that failed, is reported as such: the figures are never filled in by hand.

    python bench/reliability.py            # as root, on a machine not running the tests
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from results_file import write

REPO = Path(__file__).resolve().parents[1]
MODULES = {
    "attacks": "tests/integration/test_attack_catalogue.py",
    "faults": "tests/integration/test_faults.py",
    "corpus": "tests/unit/test_bad_input_corpus.py",
}
KEYS = {
    "attacks": ("attacks_attempted", "attacks_succeeded"),
    "faults": ("faults_injected", "items_lost"),
    "corpus": ("bad_inputs_tried", "bad_inputs_accepted"),
}


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="praxis-reliability-") as tmp:
        env = {
            **os.environ,
            "PRAXIS_RELIABILITY_DIR": tmp,
            "PRAXISHUB_HUB_CONFIG": str(REPO / "hub_config" / "jupyterhub_config.py"),
        }
        present = [m for m in MODULES.values() if (REPO / m).exists()]
        print(f"running {len(present)} test modules (minutes: they start a real hub)")
        done = subprocess.run(
            [sys.executable, "-m", "pytest", *present, "-q", "-p", "no:cacheprovider"],
            cwd=REPO,
            env=env,
            check=False,
        )
        figures: dict[str, object] = {}
        missing = []
        for part, keys in KEYS.items():
            path = Path(tmp) / f"{part}.json"
            if not path.exists():
                missing.append(part)
                figures.update(dict.fromkeys(keys))
                continue
            counts = json.loads(path.read_text("utf-8"))
            figures.update({k: counts[k] for k in keys})
            figures[f"{part}_detail"] = {k: v for k, v in counts.items() if k not in keys}
    result = {
        **figures,
        "tests_passed": done.returncode == 0,
        "missing": missing,
        "modules": present,
    }
    out = write("reliability", result)
    for part, (tried, bad) in KEYS.items():
        print(f"{part:8s} {tried} = {figures.get(tried)}, {bad} = {figures.get(bad)}")
    print(f"wrote {out.relative_to(REPO)}")
    zero = all(figures.get(bad) == 0 for _, bad in KEYS.values())
    return 0 if done.returncode == 0 and zero and not missing else 1


if __name__ == "__main__":
    sys.exit(main())
