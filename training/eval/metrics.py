"""Image metrics, registered by decorator (stylegan2-ada's metric_main habit).
Each takes (output, truth) HxWx3 uint8 and the painted-pixel mask."""
from __future__ import annotations

from typing import Callable

import numpy as np

from training.colour import ciede2000, srgb_to_lab
from training.registry import Registry

Metric = Callable[[np.ndarray, np.ndarray, np.ndarray], float]
METRICS: Registry[Metric] = Registry("metric")
metric = METRICS.register


@metric("ciede2000_painted")
def ciede2000_painted(output: np.ndarray, truth: np.ndarray, painted: np.ndarray) -> float:
    """Mean CIEDE2000 over painted pixels (NaN when an image has none)."""
    if not painted.any():
        return float("nan")
    return float(ciede2000(srgb_to_lab(output[painted]), srgb_to_lab(truth[painted])).mean())


@metric("psnr")
def psnr(output: np.ndarray, truth: np.ndarray, painted: np.ndarray) -> float:
    """PSNR in dB over the whole image (0..255 scale)."""
    mse = float(np.mean((output.astype(np.float64) - truth.astype(np.float64)) ** 2))
    return float("inf") if mse == 0 else 10.0 * np.log10(255.0**2 / mse)
