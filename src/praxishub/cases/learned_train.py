"""Train the learned layer's CRF (``learned``) on the labelled de-identification sets.

Usage: ``python -m praxishub.cases.learned_train [--exclude SET]... [--out PATH]``. By default
it trains on ``labelled`` and ``tuning`` … ``tuning17`` and writes
``praxishub/cases/data/deid_crf.crfsuite``. ``--exclude`` holds sets out, so the layer can
be measured honestly on notes it has not seen. ``--both`` trains the engine's two models side
by side (the set-up step, ``make models``): that one, and ``deid_crf_earlier.crfsuite``
without ``tuning13`` … ``tuning17``. The models are built, not kept in git. Training is
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


# The engine's two models: the newer, and the earlier one without the two sets it lacked
# (the layer keeps what either finds; see ``learned``).
# The earlier model learns from the sets up to tuning12 only: where the two disagree, the layer
# keeps what either finds.
BOTH = (
    (learned.MODEL, ()),
    (learned.EARLIER, ("tuning13", "tuning14", "tuning15", "tuning16", "tuning17")),
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
    root: Path, exclude: tuple[str, ...] | list[str], out: Path, position: int = 0
) -> str:
    """Train on every set but the excluded ones; a line saying what was trained."""
    sets = [s for s in SETS if s not in exclude]
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
        "--both", action="store_true", help="train the engine's two models, side by side"
    )
    args = parser.parse_args(argv)
    if args.both and (args.exclude or args.out != learned.MODEL):
        parser.error("--both writes the engine's two models; it takes no --exclude or --out")
    missing = [s for s in SETS if s not in args.exclude and not (args.root / s).is_dir()]
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
            pool.submit(_train_sets, args.root, exclude, out, i)
            for i, (out, exclude) in enumerate(BOTH)
        ]
        for job in jobs:
            print(job.result())


if __name__ == "__main__":
    main()
