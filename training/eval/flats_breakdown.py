"""Where the flats lose to the nearest hint (issue 16): ``/usr/bin/python3 -m training.eval.flats_breakdown --work W``.

Reads a folder ``training.eval.flats --work W`` kept (the same --skip, --images,
--hint-counts and --seed, so the drawings and hints are rebuilt alike) and
splits each drawing's painted pixels (the truth neither paper nor ink) by what
the flats did with the region holding them:

- ``hinted``: a hint fell in the region (it took the hint's colour);
- ``left paper``: no hint, and the flats left it white (the page by rule, or
  the model left it near white);
- ``model``: no hint, coloured from the model.

For each share it prints the flats' and the nearest hint's mean ΔE00 there,
and the share of the truth's paper the flats paint, split the same way
(``paper lost in a hinted page region``: a hinted region touching the canvas
border). Then the share of the hints not obeyed (the flats' median over the
dot more than ΔE00 5 from it, as training.eval.flats counts) and of those the
share whose region holds a rival: another hint more than ΔE00 5 away in
colour. Means over the drawings."""
from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from training.colour import PAPER_WHITE, ciede2000, painted_mask, srgb_to_lab
from training.data.cache import validation_images
from training.data.sources import DEFAULT_IMAGE_ROOT
from training.eval.baselines import voronoi_fill
from training.eval.flats import OBEYED_DE00, VARIANTS, make_cases, read_regions, read_rgb
from training.hints.simulate import HINT_SCALE


def breakdown(truth: np.ndarray, line: np.ndarray, hints: np.ndarray, regions: np.ndarray, flats: np.ndarray) -> dict[str, float]:
    """The shares and errors of one drawing (see the module's docstring)."""
    _, labels = np.unique(regions, return_inverse=True)
    labels = labels.reshape(regions.shape)
    count = int(labels.max()) + 1
    hinted_pixels = np.repeat(np.repeat(hints[3] > 0.5, HINT_SCALE, 0), HINT_SCALE, 1)[: line.shape[0], : line.shape[1]]
    hinted = np.zeros(count, bool)
    hinted[np.unique(labels[hinted_pixels])] = True
    white = ciede2000(srgb_to_lab(flats.reshape(-1, 3)), srgb_to_lab(np.array([[255, 255, 255]], np.uint8))).reshape(line.shape) < OBEYED_DE00
    white_share = np.bincount(labels.ravel(), weights=white.ravel(), minlength=count) / np.maximum(1, np.bincount(labels.ravel(), minlength=count))
    left_paper = ~hinted & (white_share > 0.5)
    border = np.zeros(count, bool)
    border[np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))] = True

    nearest = (voronoi_fill(line, hints) * 255.0 + 0.5).clip(0, 255).astype(np.uint8)
    painted = painted_mask(truth, line)
    truth_lab = srgb_to_lab(truth[painted])
    flats_error = ciede2000(srgb_to_lab(flats[painted]), truth_lab)
    nearest_error = ciede2000(srgb_to_lab(nearest[painted]), truth_lab)
    kind = np.where(hinted[labels], 0, np.where(left_paper[labels], 1, 2))[painted]
    row: dict[str, float] = {}
    for index, name in enumerate(("hinted", "left paper", "model")):
        where = kind == index
        row[f"{name}: share of painted"] = float(where.mean()) if where.size else float("nan")
        row[f"{name}: flats dE00"] = float(flats_error[where].mean()) if where.any() else float("nan")
        row[f"{name}: nearest hint dE00"] = float(nearest_error[where].mean()) if where.any() else float("nan")

    paper = (truth.min(axis=2) > PAPER_WHITE * 255.0) & (line >= 0.75)
    lost = paper & ~white
    total = max(1, int(paper.sum()))
    row["paper lost in a hinted page region"] = float((lost & hinted[labels] & border[labels]).sum() / total)
    row["paper lost elsewhere"] = float((lost & ~(hinted[labels] & border[labels])).sum() / total)
    row.update(unobeyed(hints, labels, flats))
    return row


def unobeyed(hints: np.ndarray, labels: np.ndarray, flats: np.ndarray) -> dict[str, float]:
    """Shares of the hints not obeyed, and not obeyed with a rival hint of another colour in their region."""
    rows, cols = np.nonzero(hints[3] > 0.5)
    if rows.size == 0:
        return {"hints not obeyed": float("nan"), "not obeyed, a rival in the region": float("nan")}
    asked = ((hints[:3, rows, cols].T + 1.0) * 127.5).round().clip(0, 255).astype(np.uint8)
    cells = [(slice(r * HINT_SCALE, (r + 1) * HINT_SCALE), slice(c * HINT_SCALE, (c + 1) * HINT_SCALE)) for r, c in zip(rows, cols)]
    got = np.stack([np.median(flats[cell].reshape(-1, 3), axis=0) for cell in cells]).astype(np.uint8)
    region = np.array([np.bincount(labels[cell].ravel()).argmax() for cell in cells])
    asked_lab = srgb_to_lab(asked)
    missed = ciede2000(asked_lab, srgb_to_lab(got)) >= OBEYED_DE00
    rival = np.array([any(region[j] == region[i] and ciede2000(asked_lab[i:i + 1], asked_lab[j:j + 1])[0] >= OBEYED_DE00
                          for j in range(len(region)) if j != i) for i in range(len(region))])
    return {"hints not obeyed": float(missed.mean()), "not obeyed, a rival in the region": float((missed & rival).mean())}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, required=True, help="the --work folder of a training.eval.flats run")
    parser.add_argument("--data", type=Path, default=DEFAULT_IMAGE_ROOT)
    parser.add_argument("--validation-percent", type=float, default=5.0)
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--images", type=int, default=60)
    parser.add_argument("--side", type=int, default=512)
    parser.add_argument("--hint-counts", type=int, nargs="+", default=[4, 12, 40])
    parser.add_argument("--seed", type=int, default=2026)
    options = parser.parse_args(argv)
    if not (options.work / "flats").is_dir():
        parser.error(f"{options.work} holds no flats/ folder: run training.eval.flats with --work {options.work} first")

    images, _ = validation_images(options.data, options.side, options.validation_percent, options.skip + options.images)
    cases = make_cases(images[options.skip :], options.side, tuple(options.hint_counts), options.seed)
    for variant in VARIANTS:
        for count in options.hint_counts:
            rows = []
            for case in cases:
                folder = options.work / "flats" / variant / str(count)
                rows.append(breakdown(case.truth, case.lines[variant], case.hints[count], read_regions(folder / f"{case.name}.regions.png"),
                                      read_rgb(folder / f"{case.name}.flats.png")))
            means = {key: float(np.nanmean([row[key] for row in rows])) for key in rows[0]}
            print(f"{variant}, {count} hints: " + "; ".join(f"{key} {value:.2f}" if key.endswith("dE00") else f"{key} {100 * value:.1f} %"
                                                          for key, value in means.items()))


if __name__ == "__main__":
    main()
