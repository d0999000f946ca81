"""Mode name -> how training derives its condition and the condition's shape."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from training.modes import palette, reference, tags

Condition = Callable[[np.ndarray, np.ndarray, np.random.Generator], np.ndarray]


@dataclass(frozen=True)
class Mode:
    name: str  # the model kind in model.json
    condition: Condition | None  # (truth uint8, line [0,1], rng) -> condition array; None = no condition input
    shape: tuple[int, ...]  # condition shape without the batch dimension
    hint_zero_probability: float  # share of training samples with no dots/strokes
    input_name: str = ""


MODES: dict[str, Mode] = {
    "hints": Mode("hints", None, (), 0.1),
    "auto": Mode("auto", None, (), 1.0),
    "palette": Mode("palette", palette.training_condition, (palette.BINS,), 0.5, "palette"),
    "reference": Mode("reference", reference.training_condition, (3, reference.REFERENCE_SIDE, reference.REFERENCE_SIDE), 0.5, "reference"),
    "tags": Mode("tags", tags.training_condition, (len(tags.VOCABULARY),), 0.5, "tags"),
}


def get_mode(name: str) -> Mode:
    if name not in MODES:
        raise ValueError(f"unknown mode {name!r}; known: {sorted(MODES)}")
    return MODES[name]
