"""Training samples: a random crop of a cached illustration (the truth), its
synthetic line art and simulated hints, as tensors in the model convention."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import numpy as np
import torch
from PIL import Image

from training.data.cache import ImageStore
from training.hints.simulate import downsample_truth, random_hint_count, simulate_hints
from training.linework.styles import synthesise_line_art
from training.modes.registry import get_mode


@dataclass(frozen=True)
class PairSettings:
    crop: int = 128  # square crop side in pixels, a multiple of 16
    max_upscale: float = 1.25  # shortest side resized to crop * U(1, max_upscale)
    line_styles: tuple[str, ...] = ("xdog", "colour-edges", "pencil")
    stroke_probability: float = 0.3  # share of simulated hints that are strokes
    max_hints: int = 64  # upper end of the hint count
    mode: str = "hints"  # training/modes/registry.py: which condition each sample carries


def to_model_tensors(truth: np.ndarray, line: np.ndarray, hints: np.ndarray) -> dict[str, torch.Tensor]:
    """uint8 HxWx3 truth, [0, 1] line art, [4, h, w] hints -> tensors in [-1, 1]."""
    return {
        "line": torch.from_numpy(line[None] * 2.0 - 1.0),
        "hints": torch.from_numpy(hints),
        "truth": torch.from_numpy(truth.transpose(2, 0, 1).astype(np.float32) / 127.5 - 1.0),
    }


def random_crop(rgb: np.ndarray, rng: np.random.Generator, settings: PairSettings) -> np.ndarray:
    """Resize so the shortest side fits the crop (with a little random zoom), crop, flip."""
    height, width = rgb.shape[:2]
    target = settings.crop * rng.uniform(1.0, settings.max_upscale)
    scale = target / min(height, width)
    if abs(scale - 1.0) > 1e-3:
        size = (max(settings.crop, round(width * scale)), max(settings.crop, round(height * scale)))
        rgb = np.asarray(Image.fromarray(rgb).resize(size, Image.Resampling.BILINEAR))
        height, width = rgb.shape[:2]
    top = int(rng.integers(height - settings.crop + 1))
    left = int(rng.integers(width - settings.crop + 1))
    crop = rgb[top : top + settings.crop, left : left + settings.crop]
    return np.ascontiguousarray(crop[:, ::-1] if rng.random() < 0.5 else crop)


def make_sample(rgb: np.ndarray, rng: np.random.Generator, settings: PairSettings) -> dict[str, torch.Tensor]:
    truth = random_crop(rgb, rng, settings)
    line = synthesise_line_art(truth, rng, settings.line_styles)
    mode = get_mode(settings.mode)
    count = random_hint_count(rng, zero_probability=mode.hint_zero_probability, max_count=settings.max_hints)
    hints = simulate_hints(downsample_truth(truth), rng, count, stroke_probability=settings.stroke_probability)
    sample = to_model_tensors(truth, line, hints)
    if mode.condition is not None:
        sample["condition"] = torch.from_numpy(mode.condition(truth, line, rng))
    return sample


class PairStream(torch.utils.data.IterableDataset):
    """Endless random samples; each DataLoader worker gets its own seeded stream, so a
    run is reproducible for a given seed, worker count and start iteration."""

    def __init__(self, store: ImageStore, settings: PairSettings, seed: int) -> None:
        super().__init__()
        if len(store) == 0:
            raise ValueError("no training images left after filtering")
        self.store, self.settings, self.seed = store, settings, seed

    def __iter__(self) -> Iterator[dict[str, torch.Tensor]]:
        info = torch.utils.data.get_worker_info()
        rng = np.random.default_rng([self.seed, info.id if info else 0])
        while True:
            yield make_sample(self.store.image(int(rng.integers(len(self.store)))), rng, self.settings)


def fixed_batch(store: ImageStore, settings: PairSettings, count: int, seed: int) -> dict[str, torch.Tensor]:
    """The same ``count`` samples every call (for grids and validation loss)."""
    rng = np.random.default_rng(seed)
    picks = rng.choice(len(store), size=min(count, len(store)), replace=False)
    samples = [make_sample(store.image(int(i)), rng, settings) for i in picks]
    return {key: torch.stack([s[key] for s in samples]) for key in samples[0]}
