"""Colour tags (Tag2Pix's colour-variant tags). Our data has no annotations, so
tags are derived from the image itself: every painted pixel (not ink, not
paper) takes the name of the nearest of ten prototype colours in CIELAB, and
an image carries a tag when at least TAG_SHARE of its painted pixels have that
name. "blue" therefore means "a sizeable blue area", not "blue hair"."""
from __future__ import annotations

import numpy as np

from training.colour import painted_mask, srgb_to_lab

PROTOTYPES: dict[str, tuple[int, int, int]] = {
    "red": (210, 40, 40),
    "orange": (240, 140, 40),
    "yellow": (245, 215, 60),
    "green": (70, 160, 60),
    "cyan": (60, 190, 205),
    "blue": (45, 80, 200),
    "purple": (125, 65, 170),
    "pink": (240, 150, 185),
    "brown": (125, 80, 45),
    "grey": (128, 128, 128),
}
VOCABULARY = tuple(PROTOTYPES)
TAG_SHARE = 0.12


def _prototype_lab() -> np.ndarray:
    return srgb_to_lab(np.asarray(list(PROTOTYPES.values()), np.uint8))


def name_pixels(rgb: np.ndarray) -> np.ndarray:
    """Index into VOCABULARY of the nearest prototype of each uint8 colour (n x 3)."""
    if len(rgb) == 0:
        return np.zeros(0, np.int64)
    lab = srgb_to_lab(rgb)
    distances = ((lab[:, None, :] - _prototype_lab()[None]) ** 2).sum(axis=2)
    return distances.argmin(axis=1)


def tag_shares(truth: np.ndarray, line: np.ndarray) -> np.ndarray:
    """Share of the painted pixels named by each tag (zeros when nothing is painted)."""
    painted = truth[painted_mask(truth, line)]
    if len(painted) > 4096:  # a fixed subsample keeps this cheap and deterministic
        painted = painted[:: len(painted) // 4096]
    counts = np.bincount(name_pixels(painted), minlength=len(VOCABULARY)).astype(np.float32)
    return counts / counts.sum() if counts.sum() > 0 else counts


def derive_tags(truth: np.ndarray, line: np.ndarray) -> np.ndarray:
    """Multi-hot [len(VOCABULARY)] float32: the tags of the image."""
    return (tag_shares(truth, line) >= TAG_SHARE).astype(np.float32)


def encode_tags(names: list[str]) -> np.ndarray:
    vector = np.zeros(len(VOCABULARY), np.float32)
    for name in names:
        key = name.strip().lower()
        if key not in PROTOTYPES:
            raise ValueError(f"unknown tag {name!r}; known: {', '.join(VOCABULARY)}")
        vector[VOCABULARY.index(key)] = 1.0
    return vector


def training_condition(truth: np.ndarray, line: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    tags = derive_tags(truth, line)
    # Users name some colours, rarely all: drop each tag with p 0.2 (never all).
    keep = rng.random(len(tags)) >= 0.2
    if (tags * keep).sum() > 0:
        tags = tags * keep
    return tags.astype(np.float32)
