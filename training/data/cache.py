"""One-off preprocessing: decode, composite over white, filter, resize and store
every image as uint8 RGB so training never decodes a PNG again."""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path

import numpy as np
from PIL import Image

from training.data.filters import measure, rejection_reason
from training.data.sources import is_validation, list_images

CACHE_ROOT = Path(__file__).resolve().parents[1] / "cache"
MIN_SOURCE_SIDE = 96  # smaller images would be upscaled into blur
MAX_ASPECT = 2.5  # longer images are centre-cropped to this aspect before resizing
MAX_SOURCE_PIXELS = 40_000_000  # a few posters are 15k x 15k; decoding them costs minutes


@dataclass(frozen=True)
class ImageStore:
    """Images of one split kept in a flat uint8 buffer (cheap to load and slice)."""

    pixels: np.ndarray
    offsets: np.ndarray
    shapes: np.ndarray
    names: list[str]

    def __len__(self) -> int:
        return len(self.names)

    def image(self, index: int) -> np.ndarray:
        height, width = (int(v) for v in self.shapes[index])
        start = int(self.offsets[index])
        return self.pixels[start : start + height * width * 3].reshape(height, width, 3)

    @staticmethod
    def from_images(images: list[np.ndarray], names: list[str]) -> ImageStore:
        sizes = [im.size for im in images]
        offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64) if images else np.zeros(0, np.int64)
        pixels = np.concatenate([im.reshape(-1) for im in images]) if images else np.zeros(0, np.uint8)
        shapes = np.array([im.shape[:2] for im in images], dtype=np.int32).reshape(-1, 2)
        return ImageStore(pixels, offsets, shapes, list(names))

    def save(self, path: Path) -> None:
        np.savez(path, pixels=self.pixels, offsets=self.offsets, shapes=self.shapes, names=np.array(self.names))

    @staticmethod
    def load(path: Path) -> ImageStore:
        with np.load(path) as data:
            return ImageStore(data["pixels"], data["offsets"], data["shapes"], [str(n) for n in data["names"]])


def composite_over_white(image: Image.Image) -> np.ndarray:
    """RGB uint8 of any PIL image; transparent pixels become white paper."""
    rgba = np.asarray(image.convert("RGBA"), dtype=np.float32)
    alpha = rgba[..., 3:4] / 255.0
    rgb = rgba[..., :3] * alpha + 255.0 * (1.0 - alpha)
    return np.clip(rgb + 0.5, 0, 255).astype(np.uint8)


def fit_shortest_side(rgb: np.ndarray, shortest_side: int) -> np.ndarray:
    """Centre-crop over-long images to MAX_ASPECT, then resize (area filter) so the
    shortest side equals ``shortest_side``."""
    height, width = rgb.shape[:2]
    if max(height, width) > MAX_ASPECT * min(height, width):
        long_side = int(MAX_ASPECT * min(height, width))
        if height > width:
            top = (height - long_side) // 2
            rgb = rgb[top : top + long_side]
        else:
            left = (width - long_side) // 2
            rgb = rgb[:, left : left + long_side]
        height, width = rgb.shape[:2]
    scale = shortest_side / min(height, width)
    size = (max(shortest_side, round(width * scale)), max(shortest_side, round(height * scale)))
    resample = Image.Resampling.BOX if scale < 1 else Image.Resampling.BICUBIC
    return np.asarray(Image.fromarray(rgb).resize(size, resample))


def _prepare(job: tuple[str, str, int]) -> tuple[str, np.ndarray | None, str | None]:
    path, relative_name, shortest_side = job
    try:
        with Image.open(path) as image:
            if min(image.size) < MIN_SOURCE_SIDE:
                return relative_name, None, "too small"
            if image.size[0] * image.size[1] > MAX_SOURCE_PIXELS:
                return relative_name, None, "too large to decode"
            image.load()
            rgb = composite_over_white(image)
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        return relative_name, None, f"unreadable ({type(error).__name__})"
    rgb = fit_shortest_side(rgb, shortest_side)
    reason = rejection_reason(relative_name, measure(rgb))
    return relative_name, (rgb if reason is None else None), reason


def cache_dir_for(source: Path, shortest_side: int, validation_percent: float, cache_root: Path) -> Path:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", str(source.resolve())).strip("-")
    return cache_root / f"{slug}-{shortest_side}-val{validation_percent:g}"


def build_cache(source: Path, shortest_side: int, validation_percent: float, cache_root: Path = CACHE_ROOT, workers: int = 2) -> Path:
    """Preprocess ``source`` once into ``train.npz``, ``val.npz`` and ``manifest.json``.
    Returns the cache folder; an existing complete cache is reused."""
    folder = cache_dir_for(source, shortest_side, validation_percent, cache_root)
    manifest_path = folder / "manifest.json"
    if manifest_path.exists():
        return folder
    files = list_images(source)
    jobs = [(str(p), p.relative_to(source).as_posix(), shortest_side) for p in files]
    kept: dict[str, list[tuple[str, np.ndarray]]] = {"train": [], "val": []}
    dropped: Counter[str] = Counter()
    with Pool(workers) as pool:
        for name, rgb, reason in pool.imap(_prepare, jobs, chunksize=16):
            if rgb is None:
                dropped[reason or "unknown"] += 1
                continue
            kept["val" if is_validation(name, validation_percent) else "train"].append((name, rgb))
    folder.mkdir(parents=True, exist_ok=True)
    for split, items in kept.items():
        ImageStore.from_images([rgb for _, rgb in items], [n for n, _ in items]).save(folder / f"{split}.npz")
    manifest = {
        "source": str(source),
        "shortest_side": shortest_side,
        "validation_percent": validation_percent,
        "found": len(files),
        "kept": {split: len(items) for split, items in kept.items()},
        "dropped": dict(sorted(dropped.items(), key=lambda kv: -kv[1])),
    }
    manifest_path.write_text(json.dumps(manifest, indent=2))
    return folder


def load_split(folder: Path, split: str) -> ImageStore:
    if split not in ("train", "val"):
        raise ValueError(f"unknown split {split!r}; expected 'train' or 'val'")
    return ImageStore.load(folder / f"{split}.npz")


def validation_images(source: Path, shortest_side: int, validation_percent: float, limit: int) -> tuple[list[np.ndarray], list[str]]:
    """The first ``limit`` held-out images of ``source`` (sorted by name, the same
    file-name-hash split training uses, the same filters), resized to
    ``shortest_side``, without building a whole cache: what an evaluation at
    canvas size reads."""
    images, names = [], []
    for path in list_images(source):
        name = path.relative_to(source).as_posix()
        if not is_validation(name, validation_percent):
            continue
        _, rgb, _ = _prepare((str(path), name, shortest_side))
        if rgb is None:
            continue
        images.append(rgb)
        names.append(name)
        if len(images) == limit:
            break
    return images, names
