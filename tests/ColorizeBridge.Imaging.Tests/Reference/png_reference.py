#!/usr/bin/python3
"""Reference decoder and synthetic PNG maker for the imaging tests.

Run by Debian's /usr/bin/python3 (it has PIL, numpy and pypng). Sub-commands:

  hash            read PNG paths from stdin; print one tab-separated line per
                  file: sha256 of PIL's RGBA pixels, width, height, path; or
                  ERROR, message, path when PIL cannot read it
  synth OUTDIR    write PNGs of every colour type, bit depth, interlace and tRNS
                  kind, each with <name>.rgba holding the expected RGBA8 pixels
                  (16-bit samples cut to their high byte, as libpng's
                  png_set_strip_16, Skia and PIL do), checked against PIL
                  first; prints each case's name

PIL cannot write interlaced or most 16-bit PNGs, so synth writes them with
pypng (Debian's python3-png); PIL is the independent reader that checks them.
"""
from __future__ import annotations

import hashlib
import io
import os
import random
import sys

import numpy as np
import png
from PIL import Image

DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
# The inputs are our own test files: PIL's decompression-bomb guard would only
# refuse the largest openclipart images.
Image.MAX_IMAGE_PIXELS = None


def pil_rgba(path: str) -> Image.Image:
    with Image.open(path) as image:
        image.load()
        return image.convert("RGBA")


def command_hash() -> None:
    for line in sys.stdin:
        path = line.rstrip("\n")
        if not path:
            continue
        try:
            rgba = pil_rgba(path)
            digest = hashlib.sha256(rgba.tobytes()).hexdigest()
            print(f"{digest}\t{rgba.width}\t{rgba.height}\t{path}")
        except Exception as error:  # noqa: BLE001 - any PIL failure is reported, not fatal
            print(f"ERROR\t{type(error).__name__}: {error}\t{path}")
    sys.stdout.flush()


def encode(samples: np.ndarray, color_type: int, depth: int, interlace: int,
           palette: list[tuple[int, ...]] | None, key: tuple[int, ...] | None) -> bytes:
    """Writes the samples with pypng; a small chunk_limit splits the image data over several IDAT chunks."""
    height, width, channels = samples.shape
    options: dict[str, object] = {"bitdepth": depth, "interlace": bool(interlace), "chunk_limit": 64}
    if color_type == 3:
        options["palette"] = palette
    else:
        options["greyscale"] = color_type in (0, 4)
        options["alpha"] = color_type in (4, 6)
        if key is not None:
            options["transparent"] = key[0] if color_type == 0 else key
    writer = png.Writer(width, height, **options)
    out = io.BytesIO()
    writer.write(out, samples.reshape(height, width * channels).tolist())
    return out.getvalue()


def to8(values: np.ndarray, depth: int) -> np.ndarray:
    values = values.astype(np.int64)
    if depth == 16:
        return values >> 8
    return values * (255 // ((1 << depth) - 1))


def expected_rgba(samples: np.ndarray, color_type: int, depth: int, palette_rgba: np.ndarray | None,
                  key: tuple[int, ...] | None) -> np.ndarray:
    height, width = samples.shape[:2]
    rgba = np.zeros((height, width, 4), np.int64)
    rgba[..., 3] = 255
    if color_type == 3:
        return palette_rgba[samples[..., 0]]
    if color_type in (0, 4):
        rgba[..., 0:3] = to8(samples[..., 0:1], depth)
    else:
        rgba[..., 0:3] = to8(samples[..., 0:3], depth)
    if color_type in (4, 6):
        rgba[..., 3] = to8(samples[..., -1], depth)
    if key is not None:
        rgba[np.all(samples == np.array(key), axis=-1), 3] = 0
    return rgba


def check_with_pil(path: str, expected: np.ndarray, samples: np.ndarray, color_type: int, depth: int,
                   keyed: bool) -> None:
    with Image.open(path) as image:
        image.load()
        if depth == 16 and color_type == 0:
            # PIL keeps 16-bit grey as mode I/I;16: compare the raw samples.
            assert np.array_equal(np.array(image).astype(np.int64), samples[..., 0]), path
            return
        rgba = np.array(image.convert("RGBA")).astype(np.int64)
    if keyed:
        # PIL drops colour-key transparency for some modes ("1", 16-bit), so the
        # key's alpha is checked by the spec-derived expectation alone.
        rgba[..., 3] = expected[..., 3]
    assert np.array_equal(rgba, expected), path


def command_synth(outdir: str) -> None:
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(20261121)
    sizes = ((13, 11), (1, 1), (3, 2), (37, 9))
    for color_type, depths in DEPTHS.items():
        for depth in depths:
            for interlace in (0, 1):
                for transparency in (False, True):
                    if transparency and color_type in (4, 6):
                        continue
                    for width, height in sizes:
                        name = f"ct{color_type}_d{depth}_i{interlace}_t{int(transparency)}_{width}x{height}"
                        make_case(outdir, name, rng, color_type, depth, interlace, transparency, width, height)


def make_case(outdir: str, name: str, rng: random.Random, color_type: int, depth: int, interlace: int,
              transparency: bool, width: int, height: int) -> None:
    channels = CHANNELS[color_type]
    top = (1 << depth) - 1
    np_rng = np.random.default_rng(rng.randrange(1 << 30))
    palette = None
    palette_rgba = None
    key = None
    if color_type == 3:
        entries = min(top + 1, 200)
        samples = np_rng.integers(0, entries, (height, width, 1))
        palette_rgba = np.zeros((256, 4), np.int64)
        palette_rgba[:, 3] = 255
        palette_rgba[:entries, 0:3] = np_rng.integers(0, 256, (entries, 3))
        alpha_entries = 0
        if transparency:
            alphas = np_rng.integers(0, 256, max(1, entries // 2))
            palette_rgba[:len(alphas), 3] = alphas
            alpha_entries = len(alphas)
        # Entries with alpha first (they become tRNS), as PNG and pypng require.
        palette = [tuple(int(v) for v in palette_rgba[i, 0:4 if i < alpha_entries else 3]) for i in range(entries)]
    else:
        samples = np_rng.integers(0, top + 1, (height, width, channels))
        if transparency:
            key = tuple(int(v) for v in samples[0, 0])
            samples[-1, -1] = key
    data = encode(samples, color_type, depth, interlace, palette, key)
    path = os.path.join(outdir, name + ".png")
    with open(path, "wb") as target:
        target.write(data)
    expected = expected_rgba(samples, color_type, depth, palette_rgba, key)
    check_with_pil(path, expected, samples, color_type, depth, key is not None)
    with open(os.path.join(outdir, name + ".rgba"), "wb") as target:
        target.write(expected.astype(np.uint8).tobytes())
    print(name)


def main(argv: list[str]) -> int:
    if len(argv) >= 1 and argv[0] == "hash":
        command_hash()
    elif len(argv) == 2 and argv[0] == "synth":
        command_synth(argv[1])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
