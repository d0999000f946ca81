"""Held-out evaluation of colouring a sequence alike (issue 17, item 4):
``/usr/bin/python3 -m training.eval.sequence``.

Each held-out openclipart drawing (the file-name-hash split no model trains or
is tuned on; never OpenMoji or Ren'Py) is centre-cropped to --side square and
is the **reference page**: its colours (the truth) and its XDoG line art (the
training's sigma 0.4 at 160 px, scaled to the canvas). The next pages are the
same drawing

- ``moved`` (shifted 32-72 px each way at 512²), ``scaled`` (x0.8-0.9 or
  x1.1-1.2), ``rotated`` (8-15 degrees either way), ``warped`` (a smooth random
  displacement of up to 12 px at 512²),
- ``edited`` (a disc of the figure erased to paper or repainted one new colour),
- ``restyled`` (unmoved, its lines redrawn by a bolder pen: XDoG at sigma 0.7
  at 160 px, colour edges 3 px wide),

each with its truth the transformed colour image (paper stays white) and its
line art drawn from that truth. Line art here is XDoG together with the edges
between colours (styles.colour_edges, threshold 0.2, 1 px), as an inker
closes every colour area: XDoG alone leaves edges between colours of equal
brightness open, the figure's parts run into each other and into the paper,
and there are no regions to carry a colour from page to page. Methods, each given a new page's line art:

- ``ours``: the CLI with ``--reference-lines``/``--reference-colours`` (the
  reference page's line art and truth) and no hints;
- ``reference kind``: the ``reference`` kind of today, ``--model
  alac-reference-small --reference REF_TRUTH.png``, its flats as the product
  returns them;
- ``bucket``: the paint bucket (regions without a hint stay paper) fed the
  reference's colours as hints at the same places: the reference truth's colour
  at the centre (the pixel deepest inside) of each reference region, as a 4x4
  dot at that pixel position on the new page;
- ``dots + model``: the default model with those same dots (``--hints-dir``),
  its flats.

Scored on every page (pooled over the images, per transform):

- ``regions``: share of the new page's regions (its own line art's enclosed
  areas of >= 50 px that are not paper in the truth) whose colour, the median
  of the method's colour layer (flats) over the region, is within CIEDE2000 5 of
  the truth's median there;
- ``de00``: mean CIEDE2000 to the truth over painted pixels of the composite a
  user sees, as training/eval/flats.py;
- ``confidence`` (ours only): mean over the page's regions of the match layer
  (OUT.match.png, 255 = sure).

Writes evaluation.json, evaluation.md and grid.png to --out."""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
from PIL import Image
from scipy import ndimage

from training.colour import PAPER_WHITE, ciede2000, painted_mask, srgb_to_lab
from training.data.cache import validation_images
from training.data.sources import DEFAULT_IMAGE_ROOT
from training.eval.baselines import LINE_THRESHOLD, bucket_fill_white, composite_line_art
from training.eval.flats import CLI, OBEYED_DE00, TRAINING_SIDE, TRAINING_SIGMA, hint_layer, read_regions, read_rgb, run_cli, to_uint8
from training.hints.simulate import HINT_SCALE
from training.linework.styles import colour_edges, to_grey
from training.linework.xdog import xdog

RESULTS_DIR = Path(__file__).resolve().parents[1] / "results" / "sequence"
REFERENCE_MODEL = "alac-reference-small"  # the `reference` kind shipped today
RESTYLED_SIGMA = 0.7  # bolder lines for the "restyled" page, at the training's 160 px
COLOUR_EDGE = 0.2  # colour step (0..1, any channel) an inker draws a line along: middle of styles' colour-edges range
BACKGROUND_BORDER = 0.1  # a region holding this share of the canvas border is the background (as the server's FlatPainter)
MIN_REGION_PIXELS = 50  # smaller enclosed areas are specks, not parts a colourist names
MIN_REGIONS = 4  # a drawing with fewer regions is not a sequence worth colouring alike
PAPER = 255
METHODS = ("ours", "reference kind", "bucket", "dots + model")

Transform = Callable[[np.ndarray, np.random.Generator], np.ndarray]


def _resample(rgb: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """``rgb`` sampled (bilinear) at the source coordinates of every output pixel;
    what falls outside the page is paper."""
    channels = [ndimage.map_coordinates(rgb[..., c].astype(np.float32), [rows, cols], order=1, mode="constant", cval=PAPER) for c in range(3)]
    return np.stack(channels, axis=-1).round().clip(0, 255).astype(np.uint8)


def _affine(rgb: np.ndarray, matrix: np.ndarray, shift: np.ndarray) -> np.ndarray:
    """Output pixel p takes the source at centre + matrix @ (p - centre) - shift."""
    height, width = rgb.shape[:2]
    centre = np.array([(height - 1) / 2.0, (width - 1) / 2.0])
    rows, cols = np.mgrid[0:height, 0:width].astype(np.float32)
    offset = np.stack([rows - centre[0], cols - centre[1]])
    source = np.tensordot(matrix, offset, axes=1) + (centre - shift)[:, None, None]
    return _resample(rgb, source[0], source[1])


def _signed(rng: np.random.Generator, low: float, high: float) -> float:
    return float(rng.uniform(low, high) * rng.choice([-1.0, 1.0]))


def moved(rgb: np.ndarray, rng: np.random.Generator, reach: tuple[float, float] = (0.0625, 0.140625)) -> np.ndarray:
    """Shifted by ``reach`` of the side each way (32-72 px at 512²)."""
    side = min(rgb.shape[:2])
    return _affine(rgb, np.eye(2), np.array([_signed(rng, *reach) * side, _signed(rng, *reach) * side]))


def scaled(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    factor = rng.uniform(0.8, 0.9) if rng.random() < 0.5 else rng.uniform(1.1, 1.2)
    return _affine(rgb, np.eye(2) / factor, np.zeros(2))


def rotated(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    angle = np.radians(_signed(rng, 8, 15))
    return _affine(rgb, np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]]), np.zeros(2))


def warped(rgb: np.ndarray, rng: np.random.Generator, amplitude: float = 0.0234375, smoothness: float = 0.08) -> np.ndarray:
    """A smooth random displacement: white noise blurred over ``smoothness`` of the
    side, scaled so the largest shift is ``amplitude`` of the side (12 px at 512²)."""
    height, width = rgb.shape[:2]
    amplitude *= max(height, width)
    fields = [ndimage.gaussian_filter(rng.standard_normal((height, width)), smoothness * max(height, width)) for _ in range(2)]
    fields = [f * amplitude / max(np.abs(f).max(), 1e-12) for f in fields]
    rows, cols = np.mgrid[0:height, 0:width].astype(np.float32)
    return _resample(rgb, rows + fields[0], cols + fields[1])


def edited(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A disc (radius 8-14 % of the side) centred on the figure erased to paper,
    or repainted one colour the reference does not know (half the time each)."""
    height, width = rgb.shape[:2]
    figure = np.argwhere(rgb.min(axis=2) <= PAPER_WHITE * 255.0)
    centre = figure[rng.integers(len(figure))] if len(figure) else np.array([height // 2, width // 2])
    radius = rng.uniform(0.08, 0.14) * min(height, width)
    rows, cols = np.mgrid[0:height, 0:width]
    disc = (rows - centre[0]) ** 2 + (cols - centre[1]) ** 2 <= radius**2
    out = rgb.copy()
    out[disc] = PAPER if rng.random() < 0.5 else rng.integers(30, 226, size=3).astype(np.uint8)
    return out


def restyled(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The page unmoved; only its lines change (see ``page_line_art``)."""
    return rgb.copy()


TRANSFORMS: dict[str, Transform] = {f.__name__: f for f in (moved, scaled, rotated, warped, edited, restyled)}


def page_line_art(truth: np.ndarray, transform: str) -> np.ndarray:
    """Line art of a page (1 = paper): XDoG at the training's sigma scaled to the
    canvas, with the colour edges inked in; for the ``restyled`` page a bolder
    XDoG and colour edges grown to 3 px."""
    restyle = transform == "restyled"
    sigma = RESTYLED_SIGMA if restyle else TRAINING_SIGMA
    edges = colour_edges(truth, COLOUR_EDGE)
    if restyle:
        edges = ndimage.binary_dilation(edges)
    return np.where(edges, 0.0, xdog(to_grey(truth), sigma * truth.shape[0] / TRAINING_SIDE)).astype(np.float32)


def line_regions(line: np.ndarray, truth: np.ndarray) -> tuple[np.ndarray, int]:
    """The parts a colourist names on a page: areas enclosed by its line art
    (paper pixels 4-connected once the ink is grown by one pixel, as the bucket
    closes 1-2 px gaps) of at least MIN_REGION_PIXELS that are not paper in the
    truth (their median colour is not blank) and not the background (holding a
    tenth of the canvas border, where lines left the figure open to the paper).
    Labels 1..n, 0 elsewhere."""
    labels, count = ndimage.label(~ndimage.binary_dilation(line < LINE_THRESHOLD))
    sizes = np.bincount(labels.reshape(-1), minlength=count + 1)
    border = np.concatenate([labels[0], labels[-1], labels[1:-1, 0], labels[1:-1, -1]])
    on_border = np.bincount(border, minlength=count + 1)
    keep = np.zeros(count + 1, bool)
    for label in np.nonzero((sizes >= MIN_REGION_PIXELS) & (on_border < BACKGROUND_BORDER * border.size))[0]:
        if label and np.median(truth[labels == label], axis=0).min() <= PAPER_WHITE * 255.0:
            keep[label] = True
    relabel = np.zeros(count + 1, np.int64)
    relabel[keep] = np.arange(1, int(keep.sum()) + 1)
    return relabel[labels], int(keep.sum())


def region_medians(image: np.ndarray, labels: np.ndarray, count: int) -> np.ndarray:
    """Per-channel median colour of every region 1..count: count x 3."""
    order = np.argsort(labels, axis=None, kind="stable")
    sorted_labels = labels.reshape(-1)[order]
    starts = np.searchsorted(sorted_labels, np.arange(1, count + 2))
    pixels = image.reshape(-1, 3)[order]
    return np.stack([np.median(pixels[starts[i] : starts[i + 1]], axis=0) for i in range(count)]) if count else np.zeros((0, 3))


def regions_matching(colour: np.ndarray, truth: np.ndarray, labels: np.ndarray, count: int) -> int:
    """How many of the regions 1..count the colour layer paints within CIEDE2000 5
    of the truth (median against median)."""
    if count == 0:
        return 0
    got, want = (srgb_to_lab(region_medians(x, labels, count).round().astype(np.uint8)) for x in (colour, truth))
    return int((ciede2000(got, want) < OBEYED_DE00).sum())


def reference_dots(truth: np.ndarray, line: np.ndarray) -> np.ndarray:
    """The reference's colours as a user would dot them: for each region of the
    reference page, a 4x4 hint cell at its centre (the pixel deepest inside it)
    of the truth's colour there, as the hint tensor [4, H/4, W/4]."""
    labels, count = line_regions(line, truth)
    depth = ndimage.distance_transform_edt(labels > 0)
    height, width = line.shape
    hints = np.zeros((4, height // HINT_SCALE, width // HINT_SCALE), np.float32)
    for row, col in ndimage.maximum_position(depth, labels, np.arange(1, count + 1)):
        hints[:3, row // HINT_SCALE, col // HINT_SCALE] = truth[row, col] / 127.5 - 1.0
        hints[3, row // HINT_SCALE, col // HINT_SCALE] = 1.0
    return hints


@dataclass(frozen=True)
class Page:
    truth: np.ndarray  # side x side x 3 uint8
    line: np.ndarray  # side x side in [0, 1]


@dataclass(frozen=True)
class Sequence:
    name: str  # file stem in the work folders
    reference: Page
    hints: np.ndarray  # the reference's colours as dots [4, side/4, side/4]
    pages: dict[str, Page]  # transform -> page


def make_sequences(images: list[np.ndarray], side: int, transforms: tuple[str, ...], seed: int, limit: int) -> tuple[list[Sequence], list[int]]:
    """The first ``limit`` images with at least MIN_REGIONS regions, as sequences;
    also the indices (into ``images``) used."""
    sequences, used = [], []
    for index, rgb in enumerate(images):
        top, left = (rgb.shape[0] - side) // 2, (rgb.shape[1] - side) // 2
        truth = np.ascontiguousarray(rgb[top : top + side, left : left + side])
        line = page_line_art(truth, "reference")
        if line_regions(line, truth)[1] < MIN_REGIONS:
            continue
        pages = {}
        for number, transform in enumerate(transforms):
            page_truth = TRANSFORMS[transform](truth, np.random.default_rng([seed, index, number]))
            pages[transform] = Page(page_truth, page_line_art(page_truth, transform))
        sequences.append(Sequence(f"{index:03d}", Page(truth, line), reference_dots(truth, line), pages))
        used.append(index)
        if len(sequences) == limit:
            break
    return sequences, used


def write_inputs(sequences: list[Sequence], work: Path) -> None:
    """work/ref/NAME.lines.png and NAME.png (the reference page), work/pages/NAME/T.png
    (a folder per sequence, for the runs steered by its reference) and
    work/all/NAME_T.png with work/hints/NAME_T.png (one folder for the dot runs)."""
    for folder in ("ref", "all", "hints"):
        (work / folder).mkdir(parents=True, exist_ok=True)
    for sequence in sequences:
        Image.fromarray(to_uint8(sequence.reference.line), "L").save(work / "ref" / f"{sequence.name}.lines.png")
        Image.fromarray(sequence.reference.truth).save(work / "ref" / f"{sequence.name}.png")
        (work / "pages" / sequence.name).mkdir(parents=True, exist_ok=True)
        dots = Image.fromarray(hint_layer(sequence.hints), "RGBA")
        for transform, page in sequence.pages.items():
            lines = Image.fromarray(to_uint8(page.line), "L")
            lines.save(work / "pages" / sequence.name / f"{transform}.png")
            lines.save(work / "all" / f"{sequence.name}_{transform}.png")
            dots.save(work / "hints" / f"{sequence.name}_{transform}.png")


def colour_runs(cli: Path, work: Path, sequences: list[Sequence], models: Path | None) -> dict[str, float]:
    """Per sequence: ours and the reference kind on its pages; then one run of the
    default model with the dots on every page. Seconds per method, summed."""
    extra = ["--models", str(models)] if models else []
    seconds = {"ours": 0.0, "reference kind": 0.0}
    for number, sequence in enumerate(sequences, 1):
        pages, ref = str(work / "pages" / sequence.name), work / "ref" / sequence.name
        seconds["ours"] += run_cli(cli, ["colorize", pages, "--reference-lines", f"{ref}.lines.png", "--reference-colours", f"{ref}.png", "--layers", "-o", str(work / "ours" / sequence.name), *extra])
        seconds["reference kind"] += run_cli(cli, ["colorize", pages, "--model", REFERENCE_MODEL, "--reference", f"{ref}.png", "--layers", "-o", str(work / "reference kind" / sequence.name), *extra])
        print(f"  sequence {number}/{len(sequences)} coloured", file=sys.stderr)
    seconds["dots + model"] = run_cli(cli, ["colorize", str(work / "all"), "--hints-dir", str(work / "hints"), "--layers", "-o", str(work / "dots"), *extra])
    return seconds


def method_outputs(work: Path, sequence: Sequence, transform: str) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """method -> (colour layer, composite) for one page, uint8 RGB."""
    page = sequence.pages[transform]
    bucket = bucket_fill_white(page.line, sequence.hints)
    outputs = {"bucket": (to_uint8(bucket), to_uint8(composite_line_art(bucket, page.line)))}
    for method, stem in (("ours", work / "ours" / sequence.name / transform), ("reference kind", work / "reference kind" / sequence.name / transform), ("dots + model", work / "dots" / f"{sequence.name}_{transform}")):
        outputs[method] = (read_rgb(stem.with_name(stem.name + ".flats.png")), read_rgb(stem.with_name(stem.name + ".png")))
    return outputs


def match_confidence(work: Path, sequence: Sequence, transform: str) -> float:
    """Mean match confidence (0..1) over the regions the server cut on the page
    (its regions layer, paper excluded)."""
    stem = work / "ours" / sequence.name / transform
    regions = read_regions(stem.with_name(stem.name + ".regions.png"))
    with Image.open(stem.with_name(stem.name + ".match.png")) as image:
        match = np.asarray(image.convert("L"), np.float64) / 255.0
    labels = np.unique(regions[regions > 0])
    return float(np.mean(ndimage.median(match, regions, labels))) if labels.size else float("nan")


def score(sequences: list[Sequence], work: Path, transforms: tuple[str, ...]) -> dict[str, dict[str, dict[str, float]]]:
    """transform -> method -> {regions (pooled share), de00 (mean over pages)}, plus
    ours' confidence and the region count."""
    table: dict[str, dict[str, dict[str, float]]] = {}
    for transform in transforms:
        matched = {m: 0 for m in METHODS}
        de00: dict[str, list[float]] = {m: [] for m in METHODS}
        total, confidences = 0, []
        for sequence in sequences:
            page = sequence.pages[transform]
            labels, count = line_regions(page.line, page.truth)
            painted = painted_mask(page.truth, page.line)
            total += count
            for method, (colour, composite) in method_outputs(work, sequence, transform).items():
                matched[method] += regions_matching(colour, page.truth, labels, count)
                if painted.any():
                    de00[method].append(float(ciede2000(srgb_to_lab(composite[painted]), srgb_to_lab(page.truth[painted])).mean()))
            confidences.append(match_confidence(work, sequence, transform))
        table[transform] = {m: {"regions": matched[m] / total if total else float("nan"), "de00": float(np.mean(de00[m])) if de00[m] else float("nan")} for m in METHODS}
        table[transform]["ours"]["confidence"] = float(np.nanmean(confidences))
        table[transform]["ours"]["region_count"] = total
    return table


def markdown(table: dict[str, dict[str, dict[str, float]]]) -> str:
    """Two tables, transforms down, methods across: the share of regions coloured
    right (with ours' match confidence), then ΔE00 on painted pixels; best in bold."""
    out = []
    for metric, title, better in (("regions", "regions coloured as the truth (ΔE00 < 5) ↑", max), ("de00", "mean ΔE00 on painted pixels ↓", min)):
        confidence = metric == "regions"
        out += [f"**{title}**", "", "| page | regions | " + " | ".join(METHODS) + (" | ours' match confidence |" if confidence else " |"), "|---|---|" + "---|" * (len(METHODS) + confidence)]
        for transform, methods in table.items():
            best = better(methods[m][metric] for m in METHODS)
            cells = []
            for m in METHODS:
                value = f"{100 * methods[m][metric]:.1f} %" if metric == "regions" else f"{methods[m][metric]:.2f}"
                cells.append(f"**{value}**" if methods[m][metric] == best else value)
            extra = f" | {methods['ours']['confidence']:.2f}" if confidence else ""
            out.append(f"| {transform} | {methods['ours']['region_count']} | {' | '.join(cells)}{extra} |")
        out.append("")
    return "\n".join(out)


def save_grid(sequences: list[Sequence], work: Path, transforms: tuple[str, ...], path: Path, tile: int = 160) -> None:
    """One row per transform (each from the next sequence): reference | new line art |
    ours | reference kind | bucket | truth; stored with a 256-colour palette."""
    rows = []
    for number, transform in enumerate(transforms):
        sequence = sequences[number % len(sequences)]
        page = sequence.pages[transform]
        outputs = method_outputs(work, sequence, transform)
        tiles = [sequence.reference.truth, np.repeat(to_uint8(page.line)[..., None], 3, 2), outputs["ours"][1], outputs["reference kind"][1], outputs["bucket"][1], page.truth]
        tiles = [np.asarray(Image.fromarray(t).resize((tile, tile), Image.Resampling.BOX)) for t in tiles]
        spacer = np.full((tile, 2, 3), 255, np.uint8)
        rows.append(np.concatenate([x for t in tiles for x in (t, spacer)][:-1], axis=1))
    gap = np.full((2, rows[0].shape[1], 3), 255, np.uint8)
    grid = Image.fromarray(np.concatenate([x for r in rows for x in (r, gap)][:-1], axis=0))
    grid.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_IMAGE_ROOT, help="folder of colour illustrations (held-out split by file-name hash)")
    parser.add_argument("--validation-percent", type=float, default=5.0, help="held-out share, as in training")
    parser.add_argument("--images", type=int, default=30, help=f"sequences scored: the first N held-out images (by name) with at least {MIN_REGIONS} regions")
    parser.add_argument("--side", type=int, default=512, help="canvas side (multiple of 4)")
    parser.add_argument("--transforms", nargs="+", choices=list(TRANSFORMS), default=list(TRANSFORMS), help="pages made from each reference")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the transforms")
    parser.add_argument("--cli", type=Path, default=CLI, help="ColorizeBridge.Cli.dll (built by scripts/setup.sh)")
    parser.add_argument("--models", type=Path, help="models folder for the CLI (default: the checkout's)")
    parser.add_argument("--work", type=Path, help="keep the inputs and the CLI's outputs here (default: a folder under --out, removed at the end)")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR, help="where evaluation.json, evaluation.md and grid.png go")
    options = parser.parse_args(argv)
    if options.side % HINT_SCALE:
        parser.error(f"--side must be a multiple of {HINT_SCALE}")
    if options.images < 1:
        parser.error("--images must be at least 1")
    if not options.cli.is_file():
        parser.error(f"--cli {options.cli} not found: build it with scripts/setup.sh test (or dotnet build clients/ColorizeBridge.Cli -c Release)")

    started = time.monotonic()
    transforms = tuple(dict.fromkeys(options.transforms))
    # Some drawings have too few regions: read a few more than asked for.
    images, names = validation_images(options.data, options.side, options.validation_percent, 3 * options.images)
    sequences, used = make_sequences(images, options.side, transforms, options.seed, options.images)
    if not sequences:
        raise SystemExit(f"no held-out image under {options.data} has {MIN_REGIONS} regions")
    options.out.mkdir(parents=True, exist_ok=True)
    work = options.work or options.out / "work"
    if work.exists():
        shutil.rmtree(work)
    write_inputs(sequences, work)
    print(f"{len(sequences)} sequences of {len(transforms)} pages at {options.side}²; colouring with the CLI ...", file=sys.stderr)
    seconds = colour_runs(options.cli, work, sequences, options.models)
    table = score(sequences, work, transforms)
    report = {
        "images": [names[i] for i in used], "side": options.side, "transforms": list(transforms), "seed": options.seed,
        "min_region_pixels": MIN_REGION_PIXELS, "cli_seconds": seconds, "total_seconds": time.monotonic() - started, "table": table,
    }
    (options.out / "evaluation.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    (options.out / "evaluation.md").write_text(markdown(table))
    save_grid(sequences, work, transforms, options.out / "grid.png")
    if options.work is None:
        shutil.rmtree(work)
    print(markdown(table))
    print(f"{report['total_seconds']:.0f} s in all", file=sys.stderr)


if __name__ == "__main__":
    main()
