"""Held-out evaluation: ``/usr/bin/python3 -m training.eval.evaluate --run RUN_DIR``.

Every held-out image is centre-cropped to --side, turned into XDoG line art
(sigma 0.4, no ink augmentation) and given N simulated dot hints on painted
cells (N in --hint-counts, seeded per image and N). The learned model and the
baselines are scored on the same inputs, with the line art multiplied back
over every method's colour, as the server does."""
from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import torch

from training.colour import painted_mask
from training.data.cache import fit_shortest_side, load_split
from training.data.options import add_data_options, cache_from_options
from training.eval.baselines import BASELINES, composite_line_art
from training.eval.metrics import METRICS
from training.hints.simulate import downsample_truth, simulate_hints
from training.linework.styles import get_line_style, to_grey
from training.linework.xdog import xdog
from training.networks.factory import load_generator
from training.networks.generator import Generator
from training.visualise import sample_grid

RESULTS_DIR = Path(__file__).resolve().parents[1] / "results"
EVAL_SIGMA = 0.4  # middle of the paper's {0.3, 0.4, 0.5}
Colouriser = Callable[[np.ndarray, np.ndarray], np.ndarray]


@dataclass(frozen=True)
class EvaluationCase:
    name: str
    truth: np.ndarray  # side x side x 3 uint8
    line: np.ndarray  # side x side in [0, 1]
    hints: dict[int, np.ndarray]  # hint count -> [4, side/4, side/4]


def make_line_art(truth: np.ndarray, style: str) -> np.ndarray:
    if style == "xdog":
        return xdog(to_grey(truth), EVAL_SIGMA)
    return get_line_style(style)(truth, np.random.default_rng(0))


def evaluation_cases(images: list[np.ndarray], names: list[str], side: int, hint_counts: tuple[int, ...], line_style: str, seed: int) -> list[EvaluationCase]:
    cases = []
    for index, (rgb, name) in enumerate(zip(images, names)):
        rgb = fit_shortest_side(rgb, side) if min(rgb.shape[:2]) != side else rgb
        top, left = (rgb.shape[0] - side) // 2, (rgb.shape[1] - side) // 2
        truth = np.ascontiguousarray(rgb[top : top + side, left : left + side])
        small = downsample_truth(truth)
        hints = {n: simulate_hints(small, np.random.default_rng([seed, index, n]), n, stroke_probability=0.0, painted_bias=1.0) for n in hint_counts}
        cases.append(EvaluationCase(name, truth, make_line_art(truth, line_style), hints))
    return cases


def model_colouriser(generator: Generator) -> Colouriser:
    generator.eval()

    def colourise(line: np.ndarray, hints: np.ndarray) -> np.ndarray:
        with torch.no_grad():
            output = generator(torch.from_numpy(line[None, None] * 2.0 - 1.0).float(), torch.from_numpy(hints[None]).float())
        return ((output[0].numpy().transpose(1, 2, 0) + 1.0) / 2.0).clip(0.0, 1.0)

    return colourise


def to_uint8(image: np.ndarray) -> np.ndarray:
    return (image * 255.0 + 0.5).clip(0, 255).astype(np.uint8)


def evaluate(cases: list[EvaluationCase], methods: dict[str, Colouriser]) -> dict[int, dict[str, dict[str, float]]]:
    """Mean of every metric per hint count and method (NaNs from images without
    painted pixels are skipped)."""
    table: dict[int, dict[str, dict[str, float]]] = {}
    for count in cases[0].hints:
        table[count] = {}
        for method, colourise in methods.items():
            scores: dict[str, list[float]] = {m: [] for m in METRICS}
            for case in cases:
                output = to_uint8(composite_line_art(colourise(case.line, case.hints[count]), case.line))
                painted = painted_mask(case.truth, case.line)
                for name, function in METRICS.items():
                    scores[name].append(function(output, case.truth, painted))
            table[count][method] = {name: float(np.nanmean(values)) for name, values in scores.items()}
    return table


def markdown_table(table: dict[int, dict[str, dict[str, float]]]) -> str:
    methods = list(next(iter(table.values())))
    lines = ["| hints | " + " | ".join(f"{m} ΔE00 ↓ | {m} PSNR ↑" for m in methods) + " |", "|---" * (1 + 2 * len(methods)) + "|"]
    for count, row in table.items():
        best_de = min(row[m]["ciede2000_painted"] for m in methods)
        best_psnr = max(row[m]["psnr"] for m in methods)
        cells = []
        for m in methods:
            de, ps = row[m]["ciede2000_painted"], row[m]["psnr"]
            cells += [f"**{de:.2f}**" if de == best_de else f"{de:.2f}", f"**{ps:.2f}**" if ps == best_psnr else f"{ps:.2f}"]
        lines.append(f"| {count} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def save_grid(cases: list[EvaluationCase], methods: dict[str, Colouriser], count: int, path: Path) -> None:
    """Rows: line art | hints | each method | truth."""
    def tensor(image: np.ndarray) -> torch.Tensor:
        return torch.from_numpy(image.transpose(2, 0, 1).astype(np.float32) / 127.5 - 1.0)

    line = torch.stack([torch.from_numpy(c.line[None] * 2.0 - 1.0) for c in cases])
    hints = torch.stack([torch.from_numpy(c.hints[count]) for c in cases])
    columns = [torch.stack([tensor(to_uint8(composite_line_art(fn(c.line, c.hints[count]), c.line))) for c in cases]) for fn in methods.values()]
    columns.append(torch.stack([tensor(c.truth) for c in cases]))
    sample_grid(line, hints, columns).save(path, optimize=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--run", type=Path, help="training run folder (options.json + checkpoint/); omit to score the baselines only")
    add_data_options(parser)
    parser.add_argument("--side", type=int, default=160, help="evaluation crop side (multiple of 16)")
    parser.add_argument("--hint-counts", type=int, nargs="+", default=[0, 4, 12, 40], help="simulated dot hints per image")
    parser.add_argument("--line-style", default="xdog", help="line art used for evaluation")
    parser.add_argument("--grid-images", type=int, default=5, help="held-out images shown in each grid")
    parser.add_argument("--seed", type=int, default=2024, help="seed of the simulated hints")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR, help="where evaluation.json, the table and grids go")
    parser.add_argument("--threads", type=int, default=2, help="CPU threads for torch")
    options = parser.parse_args(argv)
    torch.set_num_threads(options.threads)

    store = load_split(cache_from_options(options), "val")
    images = [store.image(i) for i in range(len(store))]
    cases = evaluation_cases(images, store.names, options.side, tuple(options.hint_counts), options.line_style, options.seed)
    methods: dict[str, Colouriser] = dict(BASELINES)
    if options.run:
        methods["model"] = model_colouriser(load_generator(options.run))
    table = evaluate(cases, methods)

    options.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if options.line_style == "xdog" else f"_{options.line_style}"
    (options.out / f"evaluation{suffix}.json").write_text(json.dumps({"images": len(cases), "line_style": options.line_style, "side": options.side, "table": table}, indent=2))
    (options.out / f"evaluation{suffix}.md").write_text(markdown_table(table) + "\n")
    grid_cases = cases[:: max(1, len(cases) // options.grid_images)][: options.grid_images]
    for count in options.hint_counts:
        save_grid(grid_cases, methods, count, options.out / f"grid{suffix}_hints{count:02d}.png")
    print(markdown_table(table))


if __name__ == "__main__":
    main()
