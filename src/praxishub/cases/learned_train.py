"""Train the learned layer's CRF (``learned``) on the labelled de-identification sets.

Usage: ``python -m praxishub.cases.learned_train [--exclude SET]... [--out PATH]``. By default
it trains on ``labelled`` and ``tuning`` … ``tuning17`` and writes
``praxishub/cases/data/deid_crf.crfsuite``. ``--exclude`` holds sets out, so the layer can
be measured honestly on notes it has not seen. ``--both`` trains the engine's three models side
by side (the set-up step, ``make models``): that one, ``deid_crf_earlier.crfsuite``
without ``tuning13`` … ``tuning17``, and ``deid_crf_newest.crfsuite`` with ``tuning18`` …
``tuning34`` too. The models are built, not kept in git. Training is
deterministic (L-BFGS on the sets in a fixed order); L1 regularisation and a feature-count
cut-off keep the model small.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from praxishub.cases import evaluate, learned

DEID = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "deid"
SETS = ("labelled", "tuning", *(f"tuning{i}" for i in range(2, 18)))
# NEWEST's sets: every set the rules were tuned on (never the blind tuning35/ or heldout*/)
NEWEST_SETS = (*SETS, *(f"tuning{i}" for i in range(18, 35)))
PARAMS = {
    "c1": 0.1,
    "c2": 0.01,
    "max_iterations": 150,
    "feature.minfreq": 2,
    "feature.possible_transitions": True,
}

Example = tuple[list[list[str]], list[str]]


def examples(docs: Iterable[evaluate.Document]) -> Iterator[Example]:
    """(features, labels) of each line of each document, labels from its gold markers."""
    for doc in docs:
        gold = [(g.start, g.end, g.kind) for g in doc.gold]
        for offset, toks, xseq in learned.sequences(doc.text, doc.language):
            end = offset + (toks[-1][1] if toks else 0)
            local = [(s - offset, e - offset, k) for s, e, k in gold if s < end and offset < e]
            yield xseq, learned.labels_for(toks, local)


# The engine's three models and their sets: the main one; the earlier one, from the sets up to
# tuning12 only (where the two disagree, the layer keeps what either finds); the newest, from
# every spent set (kept only where sure; see ``learned``). The largest is trained first.
BOTH = (
    (learned.MODEL, SETS),
    (learned.EARLIER, tuple(s for s in SETS if s not in {f"tuning{i}" for i in range(13, 18)})),
    (learned.NEWEST, NEWEST_SETS),
)


def train(
    docs: list[evaluate.Document],
    out: Path,
    params: dict[str, object] | None = None,
    position: int = 0,
) -> int:
    """Train on docs and write the model to out; the number of training lines."""
    import pycrfsuite
    from tqdm import tqdm

    iterations = int((params or PARAMS).get("max_iterations", 100))
    bar = tqdm(
        total=iterations, desc=f"L-BFGS {out.name}", unit="it", leave=False, position=position
    )

    class _Trainer(pycrfsuite.Trainer):  # type: ignore[misc]
        def on_iteration(self, log: str, info: dict[str, object]) -> None:
            bar.update(1)
            bar.set_postfix(loss=f"{float(info.get('loss', 0)):.0f}")

    trainer = _Trainer(verbose=False)
    lines = 0
    lines_bar = tqdm(examples(docs), desc="features", unit="line", leave=False, position=position)
    for xseq, yseq in lines_bar:
        trainer.append(xseq, yseq)
        lines += 1
    trainer.set_params({**PARAMS, **(params or {})})
    out.parent.mkdir(parents=True, exist_ok=True)
    # Written beside it, then swapped in whole: a training cut off never leaves a half-written
    # model where the engine reads it.
    partial = out.with_name(f".{out.name}.partial")
    try:
        trainer.train(str(partial))
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    bar.close()
    return lines


def _train_sets(
    root: Path,
    exclude: tuple[str, ...] | list[str],
    out: Path,
    position: int = 0,
    sets: tuple[str, ...] = SETS,
) -> str:
    """Train on the sets (every one of SETS) but the excluded ones; a line saying what was
    trained."""
    sets = tuple(s for s in sets if s not in exclude)
    docs = [d for s in sets for d in evaluate.load(root / s)]
    began = time.perf_counter()
    lines = train(docs, out, position=position)
    size = out.stat().st_size
    return (
        f"trained on {', '.join(sets)}: {len(docs)} documents, {lines} lines, "
        f"{time.perf_counter() - began:.0f} s, model {size / 1e6:.2f} MB → {out}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--exclude", action="append", default=[], choices=SETS, help="a set to hold out"
    )
    parser.add_argument("--out", type=Path, default=learned.MODEL)
    parser.add_argument("--root", type=Path, default=DEID, help="the labelled sets' folder")
    parser.add_argument(
        "--both", action="store_true", help="train the engine's three models, side by side"
    )
    args = parser.parse_args(argv)
    if args.both and (args.exclude or args.out != learned.MODEL):
        parser.error("--both writes the engine's three models; it takes no --exclude or --out")
    wanted = NEWEST_SETS if args.both else SETS
    missing = [s for s in wanted if s not in args.exclude and not (args.root / s).is_dir()]
    if missing:
        parser.error(
            f"--root {args.root}: no labelled set folder {', '.join(missing)}; give the "
            "checkout's tests/fixtures/deid (or hold the set out with --exclude)"
        )
    if not args.both:
        print(_train_sets(args.root, args.exclude, args.out))
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=len(BOTH)) as pool:
        jobs = [
            pool.submit(_train_sets, args.root, (), out, i, sets)
            for i, (out, sets) in enumerate(sorted(BOTH, key=lambda b: -len(b[1])))
        ]
        for job in jobs:
            print(job.result())


if __name__ == "__main__":
    main()
