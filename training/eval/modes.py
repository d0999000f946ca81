"""Held-out evaluation of the hint modes (issue 8):

    /usr/bin/python3 -m training.eval.modes --run training/runs/alac-palette-small --parent training/runs/alac-hints-small

Same cases as training.eval.evaluate (held-out split, centre crops, XDoG line
art, seeded dot hints). Per mode:

1. CIEDE2000 on painted pixels and PSNR, with 0 and 4 dot hints, for: the mode
   model given the condition derived from the held-out truth exactly as in
   training (palette: the painted-pixel histogram, and a 4-colour palette made
   of its largest bins; reference: the truth scrambled; tags: the derived
   colour tags), its parent hint model (same dots, no condition: what the
   condition adds), the hint baselines, and a flat fill of every painted pixel
   in the condition's dominant colour.
2. Steering: each held-out image coloured twice with 0 hints, once with a red
   condition and once with a blue one (and green vs purple); the mode steers
   when the output's painted pixels move towards the named colour, measured
   as the projection of their mean CIELAB (a*, b*) on the direction from the
   second colour to the first. Reported: the share of images that move the
   right way.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Callable

import numpy as np
import torch

from training.colour import painted_mask, srgb_to_lab
from training.data.cache import load_split
from training.data.options import add_data_options, cache_from_options
from training.eval.baselines import BASELINES, composite_line_art
from training.eval.evaluate import RESULTS_DIR, EvaluationCase, evaluation_cases, markdown_table, model_colouriser, to_uint8
from training.eval.metrics import METRICS
from training.modes import palette, reference, tags
from training.networks.conditioned import AutoGenerator
from training.networks.factory import load_generator
from training.visualise import sample_grid

HINT_COUNTS = (0, 4)
STEERING_PAIRS = (("red", "blue"), ("green", "purple"))
Condition = Callable[[EvaluationCase, int], np.ndarray]
Method = Callable[[EvaluationCase, int], np.ndarray]  # (case, hint count) -> HxWx3 colour in [0, 1]


def _tinted(image: np.ndarray, line: np.ndarray, colour: tuple[int, int, int]) -> np.ndarray:
    """A reference illustration in one hue: painted pixels of ``image`` become
    ``colour`` shaded by their lightness; paper stays white."""
    grey = image.astype(np.float32).mean(axis=2, keepdims=True) / 255.0
    tinted = np.asarray(colour, np.float32)[None, None] * (0.45 + 0.55 * grey)
    paper = painted_mask(image, line) == 0
    return np.where(paper[..., None], image.astype(np.float32), tinted).clip(0, 255).astype(np.uint8)


def truth_condition(mode: str) -> Condition:
    def condition(case: EvaluationCase, index: int) -> np.ndarray:
        if mode == "palette":
            return palette.painted_histogram(case.truth, case.line)
        if mode == "palette4":
            return palette.thin_histogram(palette.painted_histogram(case.truth, case.line), 4)
        if mode == "reference":
            return reference.training_condition(case.truth, case.line, np.random.default_rng([77, index]))
        return tags.derive_tags(case.truth, case.line)

    return condition


def named_condition(mode: str, colour_name: str, cases: list[EvaluationCase]) -> Condition:
    rgb = tags.PROTOTYPES[colour_name]

    def condition(case: EvaluationCase, index: int) -> np.ndarray:
        if mode == "palette":
            return palette.palette_histogram([rgb])
        if mode == "reference":
            other = cases[(index + 1) % len(cases)]  # an unrelated held-out illustration, in one hue
            return reference.to_reference_tensor(_tinted(other.truth, other.line, rgb))
        return tags.encode_tags([colour_name])

    return condition


def dominant_colour(mode: str, condition: np.ndarray) -> np.ndarray:
    if mode in ("palette", "palette4"):
        return palette.dominant_colour(condition)
    if mode == "reference":
        rgb = ((condition.transpose(1, 2, 0) + 1.0) * 127.5).round().clip(0, 255).astype(np.uint8).reshape(-1, 3)
        rgb = rgb[rgb.min(axis=1) <= 240] if (rgb.min(axis=1) <= 240).any() else rgb
        return palette.dominant_colour(np.bincount(palette.colour_bins(rgb), minlength=palette.BINS).astype(np.float32))
    present = np.nonzero(condition)[0]
    return np.asarray(tags.PROTOTYPES[tags.VOCABULARY[int(present[0])]], np.float32) / 255.0 if len(present) else np.ones(3, np.float32)


def conditioned_method(model: torch.nn.Module, condition: Condition, cases: list[EvaluationCase]) -> Method:
    model.eval()
    index_of = {id(case): i for i, case in enumerate(cases)}

    def run(case: EvaluationCase, count: int) -> np.ndarray:
        cond = torch.from_numpy(condition(case, index_of[id(case)])[None]).float()
        with torch.no_grad():
            output = model(torch.from_numpy(case.line[None, None] * 2.0 - 1.0).float(), torch.from_numpy(case.hints[count][None]).float(), cond)
        return ((output[0].numpy().transpose(1, 2, 0) + 1.0) / 2.0).clip(0.0, 1.0)

    return run


def auto_method(model: torch.nn.Module) -> Method:
    model.eval()

    def run(case: EvaluationCase, count: int) -> np.ndarray:
        with torch.no_grad():
            output = model(torch.from_numpy(case.line[None, None] * 2.0 - 1.0).float())
        return ((output[0].numpy().transpose(1, 2, 0) + 1.0) / 2.0).clip(0.0, 1.0)

    return run


def flat_method(mode: str, condition: Condition, cases: list[EvaluationCase]) -> Method:
    index_of = {id(case): i for i, case in enumerate(cases)}

    def run(case: EvaluationCase, count: int) -> np.ndarray:
        colour = dominant_colour(mode, condition(case, index_of[id(case)]))
        return np.broadcast_to(colour, (*case.line.shape, 3)).astype(np.float32)

    return run


def score(cases: list[EvaluationCase], methods: dict[str, Method], counts: tuple[int, ...]) -> dict[int, dict[str, dict[str, float]]]:
    table: dict[int, dict[str, dict[str, float]]] = {}
    for count in counts:
        table[count] = {}
        for name, method in methods.items():
            values: dict[str, list[float]] = {m: [] for m in METRICS}
            for case in cases:
                output = to_uint8(composite_line_art(method(case, count), case.line))
                painted = painted_mask(case.truth, case.line)
                for metric, function in METRICS.items():
                    values[metric].append(function(output, case.truth, painted))
            table[count][name] = {m: float(np.nanmean(v)) for m, v in values.items()}
    return table


def steering(model: torch.nn.Module, mode: str, cases: list[EvaluationCase]) -> dict[str, dict[str, float]]:
    """Share of images whose painted pixels move towards the first colour of each pair."""
    results: dict[str, dict[str, float]] = {}
    for first, second in STEERING_PAIRS:
        direction = srgb_to_lab(np.asarray(tags.PROTOTYPES[first], np.uint8))[1:] - srgb_to_lab(np.asarray(tags.PROTOTYPES[second], np.uint8))[1:]
        direction /= np.linalg.norm(direction)
        run_first = conditioned_method(model, named_condition(mode, first, cases), cases)
        run_second = conditioned_method(model, named_condition(mode, second, cases), cases)
        moves, shifts = [], []
        for case in cases:
            painted = painted_mask(case.truth, case.line)
            if not painted.any():
                continue
            ab = [srgb_to_lab(to_uint8(run(case, 0))[painted])[:, 1:].mean(axis=0) for run in (run_first, run_second)]
            shift = float((ab[0] - ab[1]) @ direction)
            moves.append(shift > 0)
            shifts.append(shift)
        results[f"{first}_vs_{second}"] = {"share_right_way": float(np.mean(moves)), "mean_shift_ab": float(np.mean(shifts)), "images": len(moves)}
    return results


def save_grid(cases: list[EvaluationCase], columns: dict[str, Method], path: Path) -> None:
    def tensor(case: EvaluationCase, method: Method) -> torch.Tensor:
        image = to_uint8(composite_line_art(method(case, 0), case.line))
        return torch.from_numpy(image.transpose(2, 0, 1).astype(np.float32) / 127.5 - 1.0)

    line = torch.stack([torch.from_numpy(c.line[None] * 2.0 - 1.0) for c in cases])
    hints = torch.stack([torch.from_numpy(c.hints[0]) for c in cases])
    images = [torch.stack([tensor(c, m) for c in cases]) for m in columns.values()]
    images.append(torch.stack([torch.from_numpy(c.truth.transpose(2, 0, 1).astype(np.float32) / 127.5 - 1.0) for c in cases]))
    sample_grid(line, hints, images).save(path, optimize=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--run", type=Path, required=True, help="run folder of a palette, reference, tags or auto model")
    parser.add_argument("--parent", type=Path, required=True, help="run folder of the hint model it started from")
    parser.add_argument("--as-auto", action="store_true", help="score a hint run as an auto model (its generator fed empty hints)")
    add_data_options(parser)
    parser.add_argument("--side", type=int, default=160, help="evaluation crop side (multiple of 16)")
    parser.add_argument("--seed", type=int, default=2024, help="seed of the simulated hints (as training.eval.evaluate)")
    parser.add_argument("--limit", type=int, help="score only the first N held-out images (quick checks)")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR, help="where evaluation_MODE.json, its table and grid go")
    parser.add_argument("--threads", type=int, default=2, help="CPU threads for torch")
    options = parser.parse_args(argv)
    torch.set_num_threads(options.threads)

    mode = json.loads((options.run / "options.json").read_text()).get("mode", "hints")
    if mode == "hints" and options.as_auto:
        mode = "auto"
    elif mode == "hints":
        raise SystemExit("this run is a hint model: score it with python3 -m training.eval.evaluate (or as an auto model with --as-auto)")
    store = load_split(cache_from_options(options), "val")
    count = len(store) if options.limit is None else min(options.limit, len(store))
    cases = evaluation_cases([store.image(i) for i in range(count)], store.names[:count], options.side, HINT_COUNTS, "xdog", options.seed)
    model = load_generator(options.run)
    if options.as_auto:
        model = AutoGenerator(model)
    parent = model_colouriser(load_generator(options.parent))
    methods: dict[str, Method] = {}
    if mode == "auto":
        methods["model"] = auto_method(model)
    else:
        methods["model"] = conditioned_method(model, truth_condition(mode), cases)
        if mode == "palette":
            methods["model (4 colours)"] = conditioned_method(model, truth_condition("palette4"), cases)
        methods["flat dominant"] = flat_method(mode, truth_condition(mode), cases)
    methods["hint model"] = lambda case, n: parent(case.line, case.hints[n])
    for name, baseline in BASELINES.items():
        methods[name] = (lambda b: lambda case, n: b(case.line, case.hints[n]))(baseline)
    counts = (0,) if mode == "auto" else HINT_COUNTS
    table = score(cases, methods, counts)
    result: dict[str, object] = {"mode": mode, "images": len(cases), "side": options.side, "line_style": "xdog", "table": table}
    if mode != "auto":
        result["steering"] = steering(model, mode, cases)
    options.out.mkdir(parents=True, exist_ok=True)
    (options.out / f"evaluation_{mode}.json").write_text(json.dumps(result, indent=2))
    lines = [markdown_table(table)]
    if "steering" in result:
        lines += ["", "| steering (0 hints) | moves the right way | mean shift in a*b* | images |", "|---|---|---|---|"]
        lines += [f"| {pair.replace('_vs_', ' vs ')} | {v['share_right_way'] * 100:.1f} % | {v['mean_shift_ab']:.1f} | {v['images']} |" for pair, v in result["steering"].items()]  # type: ignore[union-attr]
    (options.out / f"evaluation_{mode}.md").write_text("\n".join(lines) + "\n")
    grid_cases = cases[:: max(1, len(cases) // 5)][:5]
    columns = {"model": methods["model"], "hint model": methods["hint model"]}
    if mode != "auto":
        columns.update({f"model, {first}": conditioned_method(model, named_condition(mode, first, cases), cases) for first, _ in STEERING_PAIRS[:1]})
        columns.update({f"model, {second}": conditioned_method(model, named_condition(mode, second, cases), cases) for _, second in STEERING_PAIRS[:1]})
    save_grid(grid_cases, columns, options.out / f"grid_{mode}.png")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
