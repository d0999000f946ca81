#!/usr/bin/python3
"""Puts the demo's input and output side by side for the README:
samples/lineart.png | the same with samples/hints.png painted on | out/colorized.png
-> docs/images/demo.png. Run scripts/demo.sh first."""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
LABEL_HEIGHT = 28


def main() -> None:
    line = Image.open(ROOT / "samples/lineart.png").convert("RGBA")
    hints = Image.open(ROOT / "samples/hints.png").convert("RGBA")
    result = Image.open(ROOT / "out/colorized.png").convert("RGBA")
    with_hints = line.copy()
    with_hints.alpha_composite(hints)
    panels = [("line art", line), ("+ colour hints", with_hints), ("= ColorizeBridge", result)]
    width, height = line.size
    sheet = Image.new("RGB", (width * len(panels), height + LABEL_HEIGHT), "white")
    draw = ImageDraw.Draw(sheet)
    for index, (label, image) in enumerate(panels):
        sheet.paste(image.convert("RGB"), (index * width, LABEL_HEIGHT))
        draw.text((index * width + 8, 8), label, fill="black")
    sheet.save(ROOT / "docs/images/demo.png", optimize=True)


if __name__ == "__main__":
    main()
