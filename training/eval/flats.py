"""Held-out evaluation of the flats (issue 16): ``/usr/bin/python3 -m training.eval.flats``.

Held-out openclipart drawings (the file-name-hash split no model trains on) are
resized to --side on the shortest side and centre-cropped square, turned into
XDoG line art (the training's sigma 0.4 at 160 px, scaled to the canvas:
1.28 at 512), once clean and once with 2-4 px gaps cut into the
lines, and given N dot hints where a user puts them (4x4-pixel dots of the truth's
colour inside flat painted areas, off the lines; N in --hint-counts, seeded
per image and N). The product colours them as
a user's folder run would: the CLI (in-process engine, default model) with
``--hints-dir`` and ``--layers`` for the flats, and ``--raw`` for the model's
own colour. The paint bucket and nearest-hint baselines get the same line art
and hints. Scored per method, on the composite a user sees (lines multiplied
over the colour layer):

- ``de00``: mean CIEDE2000 to the truth over painted pixels;
- ``paper``: share of the truth's blank paper (not ink) left paper (the colour
  layer within CIEDE2000 5 of white);
- ``hints``: share of hints whose colour layer (median over the dot) is within
  CIEDE2000 5 of the hint's colour;
- ``flat``: share of the flats' regions (the ``regions`` layer) that one colour
  covers entirely (>= 99 % of their pixels) in the method's colour layer.

Writes evaluation.json, evaluation.md and picture grids to --out."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
from PIL import Image

from training.colour import PAPER_WHITE, ciede2000, painted_mask, srgb_to_lab
from training.data.cache import validation_images
from training.data.sources import DEFAULT_IMAGE_ROOT
from training.eval.baselines import bucket_fill_nearest, bucket_fill_white, composite_line_art, voronoi_fill
from training.hints.simulate import HINT_SCALE, downsample_truth
from training.linework.gaps import cut_gaps
from training.linework.styles import to_grey
from training.linework.xdog import xdog

REPO = Path(__file__).resolve().parents[2]
RESULTS_DIR = REPO / "training" / "results" / "flats"
CLI = REPO / "clients" / "ColorizeBridge.Cli" / "bin" / "Release" / "net10.0" / "ColorizeBridge.Cli.dll"
TRAINING_SIGMA, TRAINING_SIDE = 0.4, 160  # the XDoG the models were trained with, at their image size
OBEYED_DE00 = 5.0  # a hint is obeyed, a pixel is still paper, below this CIEDE2000
FLAT_SHARE = 0.99  # a region is flat when one colour covers this share of it
VARIANTS = ("clean", "gaps")
# method -> (colour layer from line art and hints). The learned methods are read back from the CLI's files.
BASELINE_METHODS: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "nearest hint": voronoi_fill,
    "bucket": bucket_fill_white,
    "bucket+nearest": bucket_fill_nearest,
}
METHODS = (*BASELINE_METHODS, "model", "flats")


@dataclass(frozen=True)
class Case:
    name: str  # file stem used in the work folders
    truth: np.ndarray  # side x side x 3 uint8
    lines: dict[str, np.ndarray]  # variant -> side x side in [0, 1]
    hints: dict[int, np.ndarray]  # hint count -> [4, side/4, side/4]


def make_cases(images: list[np.ndarray], side: int, hint_counts: tuple[int, ...], seed: int) -> list[Case]:
    cases = []
    for index, rgb in enumerate(images):
        top, left = (rgb.shape[0] - side) // 2, (rgb.shape[1] - side) // 2
        truth = np.ascontiguousarray(rgb[top : top + side, left : left + side])
        clean = xdog(to_grey(truth), TRAINING_SIGMA * side / TRAINING_SIDE)
        gaps = cut_gaps(clean, np.random.default_rng([seed, index, 7]))
        hints = {n: dot_hints(truth, clean, np.random.default_rng([seed, index, n]), n) for n in hint_counts}
        cases.append(Case(f"{index:03d}", truth, {"clean": clean, "gaps": gaps}, hints))
    return cases


def dot_hints(truth: np.ndarray, line: np.ndarray, rng: np.random.Generator, count: int) -> np.ndarray:
    """``count`` dot hints where a user puts them: 4x4 cells inside painted areas
    (every pixel painted, none of them ink, the truth flat there: no channel
    further than 24 levels from the cell's mean), of the truth's colour there,
    as the hint tensor [4, H/4, W/4]. Fewer when the picture has fewer such cells."""
    height, width = line.shape
    cells = lambda a: a.reshape(height // HINT_SCALE, HINT_SCALE, width // HINT_SCALE, HINT_SCALE, *a.shape[2:])
    painted = cells(painted_mask(truth, line)).all(axis=(1, 3))
    small = downsample_truth(truth)
    spread = np.abs(cells(truth.astype(np.float32) / 255.0) - small[:, None, :, None]).max(axis=(1, 3, 4))
    rows, cols = np.nonzero(painted & (spread <= 24 / 255.0))
    hints = np.zeros((4, height // HINT_SCALE, width // HINT_SCALE), np.float32)
    for i in rng.choice(rows.size, size=min(count, rows.size), replace=False):
        hints[:3, rows[i], cols[i]] = small[rows[i], cols[i]] * 2.0 - 1.0
        hints[3, rows[i], cols[i]] = 1.0
    return hints


def hint_layer(hints: np.ndarray) -> np.ndarray:
    """The hint tensor as the RGBA layer a user paints: every hinted 4x4 cell an
    opaque square of its colour, the rest transparent."""
    mask = np.repeat(np.repeat(hints[3] > 0.5, HINT_SCALE, 0), HINT_SCALE, 1)
    colour = np.repeat(np.repeat(((hints[:3] + 1.0) * 127.5).round().clip(0, 255).astype(np.uint8).transpose(1, 2, 0), HINT_SCALE, 0), HINT_SCALE, 1)
    return np.dstack([colour, np.where(mask, 255, 0).astype(np.uint8)])


def to_uint8(image: np.ndarray) -> np.ndarray:
    return (image * 255.0 + 0.5).clip(0, 255).astype(np.uint8)


def write_inputs(cases: list[Case], work: Path) -> None:
    for case in cases:
        for variant, line in case.lines.items():
            folder = work / "lines" / variant
            folder.mkdir(parents=True, exist_ok=True)
            Image.fromarray(to_uint8(line), "L").save(folder / f"{case.name}.png")
        for count, hints in case.hints.items():
            folder = work / "hints" / str(count)
            folder.mkdir(parents=True, exist_ok=True)
            Image.fromarray(hint_layer(hints), "RGBA").save(folder / f"{case.name}.png")


def run_cli(cli: Path, arguments: list[str]) -> float:
    """One folder run of the CLI (in-process engine); seconds it took."""
    started = time.monotonic()
    completed = subprocess.run(["dotnet", str(cli), *arguments], capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    if completed.returncode != 0:
        raise SystemExit(f"CLI failed ({completed.returncode}): dotnet {cli} {' '.join(arguments)}\n{completed.stderr[-2000:]}")
    return time.monotonic() - started


def colour_runs(cli: Path, work: Path, hint_counts: tuple[int, ...], models: Path | None) -> dict[str, float]:
    """The flats (with layers) and the raw model colour for every variant and hint count."""
    seconds: dict[str, float] = {}
    extra = ["--models", str(models)] if models else []
    for variant in VARIANTS:
        for count in hint_counts:
            lines, hints = str(work / "lines" / variant), str(work / "hints" / str(count))
            flats_out, raw_out = work / "flats" / variant / str(count), work / "raw" / variant / str(count)
            seconds[f"flats/{variant}/{count}"] = run_cli(cli, ["colorize", lines, "--hints-dir", hints, "--layers", "-o", str(flats_out), *extra])
            seconds[f"raw/{variant}/{count}"] = run_cli(cli, ["colorize", lines, "--hints-dir", hints, "--raw", "-o", str(raw_out), *extra])
    return seconds


def read_rgb(path: Path) -> np.ndarray:
    with Image.open(path) as image:
        rgba = np.asarray(image.convert("RGBA"), np.float32)
    alpha = rgba[..., 3:] / 255.0
    return (rgba[..., :3] * alpha + 255.0 * (1.0 - alpha) + 0.5).clip(0, 255).astype(np.uint8)


def read_regions(path: Path) -> np.ndarray:
    with Image.open(path) as image:
        rgb = np.asarray(image.convert("RGB"), np.int64)
    return (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]


def paper_kept(colour: np.ndarray, truth: np.ndarray, line: np.ndarray) -> float:
    """Share of the truth's blank paper (away from the ink) the colour layer leaves white."""
    paper = (truth.min(axis=2) > PAPER_WHITE * 255.0) & (line >= 0.75)
    if not paper.any():
        return float("nan")
    white = srgb_to_lab(np.array([255, 255, 255], np.uint8))
    return float((ciede2000(srgb_to_lab(colour[paper]), white) < OBEYED_DE00).mean())


def hints_obeyed(colour: np.ndarray, hints: np.ndarray) -> float:
    """Share of hint dots whose colour layer (median over the dot) is within
    CIEDE2000 5 of the colour asked for."""
    rows, cols = np.nonzero(hints[3] > 0.5)
    if rows.size == 0:
        return float("nan")
    asked = ((hints[:3, rows, cols].T + 1.0) * 127.5).round().clip(0, 255).astype(np.uint8)
    got = np.stack([np.median(colour[r * HINT_SCALE : (r + 1) * HINT_SCALE, c * HINT_SCALE : (c + 1) * HINT_SCALE].reshape(-1, 3), axis=0) for r, c in zip(rows, cols)]).astype(np.uint8)
    return float((ciede2000(srgb_to_lab(asked), srgb_to_lab(got)) < OBEYED_DE00).mean())


def flat_regions(colour: np.ndarray, regions: np.ndarray) -> float:
    """Share of the non-paper regions that one colour covers (>= 99 % of their pixels)."""
    packed = (colour[..., 0].astype(np.int64) << 16) | (colour[..., 1].astype(np.int64) << 8) | colour[..., 2]
    order = np.argsort(regions, axis=None, kind="stable")
    labels, starts = np.unique(regions.reshape(-1)[order], return_index=True)
    flat, total = 0, 0
    for label, start, end in zip(labels, starts, [*starts[1:], order.size]):
        if label == 0:
            continue
        _, counts = np.unique(packed.reshape(-1)[order[start:end]], return_counts=True)
        flat += counts.max() >= FLAT_SHARE * (end - start)
        total += 1
    return float(flat / total) if total else float("nan")


def score(cases: list[Case], work: Path, hint_counts: tuple[int, ...]) -> dict[str, dict[int, dict[str, dict[str, float]]]]:
    """variant -> hint count -> method -> metric -> mean over the images."""
    table: dict[str, dict[int, dict[str, dict[str, float]]]] = {}
    for variant in VARIANTS:
        table[variant] = {}
        for count in hint_counts:
            sums: dict[str, dict[str, list[float]]] = {m: {k: [] for k in ("de00", "paper", "hints", "flat")} for m in METHODS}
            for case in cases:
                line, hints = case.lines[variant], case.hints[count]
                regions = read_regions(work / "flats" / variant / str(count) / f"{case.name}.regions.png")
                painted = painted_mask(case.truth, line)
                layers = {m: to_uint8(fn(line, hints)) for m, fn in BASELINE_METHODS.items()}
                layers["model"] = read_rgb(work / "raw" / variant / str(count) / f"{case.name}.png")
                layers["flats"] = read_rgb(work / "flats" / variant / str(count) / f"{case.name}.flats.png")
                for method, colour in layers.items():
                    if method == "flats":
                        composite = read_rgb(work / "flats" / variant / str(count) / f"{case.name}.png")
                    else:
                        composite = to_uint8(composite_line_art(colour.astype(np.float32) / 255.0, line))
                    if painted.any():
                        sums[method]["de00"].append(float(ciede2000(srgb_to_lab(composite[painted]), srgb_to_lab(case.truth[painted])).mean()))
                    sums[method]["paper"].append(paper_kept(colour, case.truth, line))
                    sums[method]["hints"].append(hints_obeyed(colour, hints))
                    sums[method]["flat"].append(flat_regions(colour, regions))
            table[variant][count] = {m: {k: float(np.nanmean(v)) if v else float("nan") for k, v in metrics.items()} for m, metrics in sums.items()}
    return table


def markdown(table: dict[str, dict[int, dict[str, dict[str, float]]]]) -> str:
    lines = []
    for variant, rows in table.items():
        title = "clean XDoG lines" if variant == "clean" else "the same lines with 2-4 px gaps cut into them"
        lines += [f"**{title}**", "", "| hints | method | ΔE00 painted ↓ | paper kept ↑ | hints obeyed ↑ | flat regions ↑ |", "|---|---|---|---|---|---|"]
        for count, methods in rows.items():
            best = min(m["de00"] for m in methods.values())
            for method, m in methods.items():
                de = f"**{m['de00']:.2f}**" if m["de00"] == best else f"{m['de00']:.2f}"
                lines.append(f"| {count} | {method} | {de} | {100 * m['paper']:.1f} % | {100 * m['hints']:.1f} % | {100 * m['flat']:.1f} % |")
        lines.append("")
    return "\n".join(lines)


def save_grid(cases: list[Case], work: Path, variant: str, count: int, path: Path, tile: int = 160) -> None:
    """Rows: line art | hints | bucket | model | flats composite | truth, tiles downscaled to ``tile``."""
    rows = []
    for case in cases:
        line = case.lines[variant]
        hints_rgba = hint_layer(case.hints[count]).astype(np.float32)
        alpha = hints_rgba[..., 3:] / 255.0
        hints_picture = (hints_rgba[..., :3] * alpha + 255.0 * np.repeat(line[..., None], 3, 2) * 0.35 * (1 - alpha) + 160.0 * (1 - alpha)).clip(0, 255).astype(np.uint8)
        bucket = to_uint8(composite_line_art(bucket_fill_white(line, case.hints[count]), line))
        model = to_uint8(composite_line_art(read_rgb(work / "raw" / variant / str(count) / f"{case.name}.png").astype(np.float32) / 255.0, line))
        flats = read_rgb(work / "flats" / variant / str(count) / f"{case.name}.png")
        tiles = [np.repeat(to_uint8(line)[..., None], 3, 2), hints_picture, bucket, model, flats, case.truth]
        tiles = [np.asarray(Image.fromarray(t).resize((tile, tile), Image.Resampling.BOX)) for t in tiles]
        spacer = np.full((tile, 2, 3), 255, np.uint8)
        rows.append(np.concatenate([x for t in tiles for x in (t, spacer)][:-1], axis=1))
    gap = np.full((2, rows[0].shape[1], 3), 255, np.uint8)
    Image.fromarray(np.concatenate([x for r in rows for x in (r, gap)][:-1], axis=0)).save(path, optimize=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_IMAGE_ROOT, help="folder of colour illustrations (held-out split by file-name hash)")
    parser.add_argument("--validation-percent", type=float, default=5.0, help="held-out share, as in training")
    parser.add_argument("--images", type=int, default=60, help="held-out images scored (the first N by name, after --skip)")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first K held-out images: tune on later ones (e.g. --skip 60) and report on the first 60")
    parser.add_argument("--side", type=int, default=512, help="canvas side (multiple of 4)")
    parser.add_argument("--hint-counts", type=int, nargs="+", default=[4, 12, 40], help="dot hints per image")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the hints and gaps")
    parser.add_argument("--cli", type=Path, default=CLI, help="ColorizeBridge.Cli.dll (built by scripts/setup.sh)")
    parser.add_argument("--models", type=Path, help="models folder for the CLI (default: the checkout's)")
    parser.add_argument("--work", type=Path, help="keep the inputs and the CLI's outputs here (default: a folder under --out, removed at the end)")
    parser.add_argument("--grid-images", type=int, default=5, help="held-out images shown in each grid")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR, help="where evaluation.json, evaluation.md and the grids go")
    options = parser.parse_args(argv)
    if options.side % HINT_SCALE:
        parser.error(f"--side must be a multiple of {HINT_SCALE}")
    if not options.cli.is_file():
        parser.error(f"--cli {options.cli} not found: build it with scripts/setup.sh test (or dotnet build clients/ColorizeBridge.Cli -c Release)")

    counts = tuple(options.hint_counts)
    images, names = validation_images(options.data, options.side, options.validation_percent, options.skip + options.images)
    images, names = images[options.skip:], names[options.skip:]
    if not images:
        raise SystemExit(f"no held-out images under {options.data}")
    cases = make_cases(images, options.side, counts, options.seed)
    options.out.mkdir(parents=True, exist_ok=True)
    work = options.work or options.out / "work"
    if work.exists():
        shutil.rmtree(work)
    write_inputs(cases, work)
    print(f"{len(cases)} held-out images at {options.side}²; colouring with the CLI ...", file=sys.stderr)
    seconds = colour_runs(options.cli, work, counts, options.models)
    table = score(cases, work, counts)
    report = {"images": names, "skip": options.skip, "side": options.side, "hint_counts": list(counts), "seed": options.seed, "cli_seconds": seconds, "table": table}
    (options.out / "evaluation.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    (options.out / "evaluation.md").write_text(markdown(table))
    shown = cases[:: max(1, len(cases) // options.grid_images)][: options.grid_images]
    for variant in VARIANTS:
        save_grid(shown, work, variant, counts[len(counts) // 2], options.out / f"grid_{variant}_hints{counts[len(counts) // 2]:02d}.png")
    if options.work is None:
        shutil.rmtree(work)
    print(markdown(table))


if __name__ == "__main__":
    main()
