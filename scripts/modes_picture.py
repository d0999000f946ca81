#!/usr/bin/python3
"""Colours the sample line art with every shipped model kind through the CLI
(in-process, the same engine the server runs) and puts the results side by
side for the README: docs/images/modes.png. Run scripts/demo.sh first (it
builds the CLI); outputs also stay in out/modes/."""
from __future__ import annotations

import subprocess
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
CLI = ROOT / "clients/ColorizeBridge.Cli/bin/Release/net10.0/ColorizeBridge.Cli.dll"
LABEL_HEIGHT = 28
RUNS = [
    ("hints: samples/hints.png", "alac-hints-small", ["--hints", "samples/hints.png"]),
    ("auto: no hints", "alac-auto-small", []),
    ("palette: red, blue", "alac-palette-small", ["--palette", "#d23c3c,#2d50c8"]),
    ("palette: green, yellow", "alac-palette-small", ["--palette", "#46a03c,#f5d73c"]),
    ("reference: samples/reference.png", "alac-reference-small", ["--reference", "samples/reference.png"]),
    ("tags: red", "alac-tags-small", ["--tags", "red"]),
    ("tags: blue", "alac-tags-small", ["--tags", "blue"]),
]


def main() -> None:
    out = ROOT / "out/modes"
    out.mkdir(parents=True, exist_ok=True)
    panels = [("line art", Image.open(ROOT / "samples/lineart.png").convert("RGB"))]
    for index, (label, model, flags) in enumerate(RUNS):
        target = out / f"{index}-{model}.png"
        subprocess.run(["dotnet", str(CLI), "colorize", "samples/lineart.png", "--model", model, *flags, "-o", str(target)], cwd=ROOT, check=True)
        panels.append((label, Image.open(target).convert("RGB")))
    width, height = panels[0][1].size
    columns = 4
    rows = (len(panels) + columns - 1) // columns
    sheet = Image.new("RGB", (width * columns, (height + LABEL_HEIGHT) * rows), "white")
    draw = ImageDraw.Draw(sheet)
    for index, (label, image) in enumerate(panels):
        x, y = (index % columns) * width, (index // columns) * (height + LABEL_HEIGHT)
        sheet.paste(image.resize((width, height)), (x, y + LABEL_HEIGHT))
        draw.text((x + 8, y + 8), label, fill="black")
    sheet.save(ROOT / "docs/images/modes.png", optimize=True)
    print(ROOT / "docs/images/modes.png")


if __name__ == "__main__":
    main()
