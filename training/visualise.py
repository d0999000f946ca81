"""Pictures for people: sample grids (line art | hints | output | truth) and loss curves."""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402
from PIL import Image  # noqa: E402

HINT_BACKDROP = 0.85  # light grey where no hint, so white hints stay visible


def to_uint8(image: torch.Tensor) -> np.ndarray:
    """[C,H,W] in [-1,1] -> HxWx3 uint8."""
    array = ((image.detach().cpu().float().clamp(-1, 1) + 1.0) * 127.5 + 0.5).byte().numpy()
    array = np.repeat(array, 3, axis=0) if array.shape[0] == 1 else array
    return array.transpose(1, 2, 0)


def hints_picture(hints: torch.Tensor, height: int, width: int) -> np.ndarray:
    """Hint colours on a grey backdrop, upsampled 4x with nearest neighbour."""
    mask = hints[3:4]
    colour = (hints[:3] + 1.0) / 2.0 * mask + HINT_BACKDROP * (1.0 - mask)
    big = torch.nn.functional.interpolate(colour[None], size=(height, width), mode="nearest")[0]
    return to_uint8(big * 2.0 - 1.0)


def sample_grid(line: torch.Tensor, hints: torch.Tensor, columns: list[torch.Tensor], gap: int = 2) -> Image.Image:
    """One row per sample: line art | hints | each of ``columns`` (e.g. output, truth)."""
    rows = []
    for i in range(line.shape[0]):
        height, width = line.shape[2:]
        tiles = [to_uint8(line[i]), hints_picture(hints[i], height, width), *(to_uint8(c[i]) for c in columns)]
        spacer = np.full((height, gap, 3), 255, np.uint8)
        rows.append(np.concatenate([x for tile in tiles for x in (tile, spacer)][:-1], axis=1))
    row_gap = np.full((gap, rows[0].shape[1], 3), 255, np.uint8)
    return Image.fromarray(np.concatenate([x for row in rows for x in (row, row_gap)][:-1], axis=0))


def plot_losses(history: list[dict[str, float]], path: Path, smoothing: int = 20) -> None:
    """Training curves (moving average) and validation L1 against iterations."""
    figure, axis = plt.subplots(figsize=(7, 4))
    keys = sorted({k for record in history for k in record} - {"iteration", "seconds"})
    for key in keys:
        points = [(r["iteration"], r[key]) for r in history if key in r]
        if not points:
            continue
        its, values = np.array(points).T
        if key.startswith("train") and len(values) > smoothing:
            values = np.convolve(values, np.ones(smoothing) / smoothing, mode="valid")
            its = its[smoothing - 1 :]
        axis.plot(its, values, label=key, marker="o" if key.startswith("val") else None, markersize=3)
    axis.set_xlabel("iteration")
    axis.set_ylabel("loss")
    axis.set_yscale("log")
    axis.grid(alpha=0.3)
    axis.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=90)
    plt.close(figure)
