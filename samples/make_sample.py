#!/usr/bin/python3
"""Makes the sample line art and colour hints the README's demo colours.

Source: openclipart "water_fight_ganson1.png" (public domain, Debian's
openclipart-png), chosen from the training pipeline's held-out validation
split (training/data/sources.py), so no shipped model has trained on it.
The line art keeps the clip art's own black outlines (dark, grey pixels);
the hints are a few dots of the original's colours, as an artist would
place them.

    /usr/bin/python3 samples/make_sample.py
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image
from scipy import ndimage

SOURCE = Path("/usr/share/openclipart/png/people/water_fight_ganson1.png")
# A different held-out clip art, as the colour reference for models of kind "reference".
REFERENCE_SOURCE = Path("/usr/share/openclipart/png/people/woman_police_01_gerald_g_01.png")
REFERENCE_SIDE = 320
HERE = Path(__file__).resolve().parent
DOT_RADIUS = 5
DOTS = 32


def main() -> None:
    rgba = np.asarray(Image.open(SOURCE).convert("RGBA"), dtype=np.float32)
    alpha = rgba[..., 3:4] / 255.0
    rgb = rgba[..., :3] * alpha + 255.0 * (1.0 - alpha)  # over white paper
    lum = rgb @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    chroma = rgb.max(axis=2) - rgb.min(axis=2)

    # Ink: dark and grey. Anti-aliased edges fade from black to paper.
    ink = np.clip((150.0 - lum) / 90.0, 0.0, 1.0) * (chroma < 60)
    line = (255.0 * (1.0 - ink)).round().astype(np.uint8)
    Image.fromarray(line, "L").save(HERE / "lineart.png", optimize=True)

    # Hints: dots in the middle of flat, painted, non-ink regions.
    painted = (ink < 0.05) & (lum < 245) & (rgba[..., 3] > 250)
    interior = ndimage.binary_erosion(painted, iterations=DOT_RADIUS + 3)
    labels, count = ndimage.label(interior)
    sizes = ndimage.sum(interior, labels, range(1, count + 1))
    hints = np.zeros((*line.shape, 4), dtype=np.uint8)
    yy, xx = np.mgrid[-DOT_RADIUS:DOT_RADIUS + 1, -DOT_RADIUS:DOT_RADIUS + 1]
    disc = xx * xx + yy * yy <= DOT_RADIUS * DOT_RADIUS
    for region in np.argsort(sizes)[::-1][:DOTS] + 1:
        ys, xs = np.nonzero(labels == region)
        y, x = int(np.median(ys)), int(np.median(xs))
        if labels[y, x] != region:  # a concave region: take one of its own pixels
            y, x = int(ys[len(ys) // 2]), int(xs[len(xs) // 2])
        colour = rgb[y, x].round().astype(np.uint8)
        window = (slice(y - DOT_RADIUS, y + DOT_RADIUS + 1), slice(x - DOT_RADIUS, x + DOT_RADIUS + 1))
        hints[window][disc] = [*colour, 255]
    Image.fromarray(hints, "RGBA").save(HERE / "hints.png", optimize=True)

    original = Image.fromarray(rgb.round().astype(np.uint8), "RGB")
    original.save(HERE / "original.png", optimize=True)

    reference = Image.open(REFERENCE_SOURCE).convert("RGBA")
    reference.thumbnail((REFERENCE_SIDE, REFERENCE_SIDE), Image.Resampling.LANCZOS)
    paper = Image.new("RGBA", reference.size, "white")
    paper.alpha_composite(reference)
    paper.convert("RGB").save(HERE / "reference.png", optimize=True)


if __name__ == "__main__":
    main()
