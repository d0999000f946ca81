"""The data options of every command that reads the image cache (training,
evaluation, mode evaluation), declared once so their names, defaults and help
agree, and the cache they name."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from training.data.cache import CACHE_ROOT, build_cache
from training.data.sources import DEFAULT_IMAGE_ROOT


def add_data_options(parser: argparse._ActionsContainer) -> None:
    """--data, --cache-dir, --cache-side and --validation-percent on a parser or group."""
    parser.add_argument("--data", type=Path, default=DEFAULT_IMAGE_ROOT, help="folder of colour illustrations (searched recursively)")
    parser.add_argument("--cache-dir", type=Path, default=CACHE_ROOT, help="where the preprocessed image cache is kept")
    parser.add_argument("--cache-side", type=int, default=160, help="shortest side of the cached, resized images (an evaluation takes its run's value)")
    parser.add_argument("--validation-percent", type=float, default=5.0,
                        help="share of images held out (by file-name hash); never trained on, what an evaluation scores (take the run's value)")
    parser.add_argument("--packed-cache", type=Path,
                        help="a ready cache folder (train.npz, val.npz, manifest.json) made by `python3 -m training.gpu.pack`; replaces --data and --cache-side (a GPU run carries it)")


def packed_cache_folder(folder: Path) -> Path:
    if not (folder / "manifest.json").is_file() or not (folder / "train.npz").is_file() or not (folder / "val.npz").is_file():
        raise SystemExit(f"--packed-cache {folder}: not a packed cache (train.npz, val.npz and manifest.json); make one with python3 -m training.gpu.pack")
    return folder


def packed_tile_side(folder: Path) -> int:
    """The side of a packed cache's square tiles (what --crop may not exceed)."""
    return int(json.loads((folder / "manifest.json").read_text())["shortest_side"])


def cache_from_options(options: argparse.Namespace) -> Path:
    """The preprocessed cache folder the data options name (built on first use),
    or the packed one --packed-cache names as it is."""
    packed = getattr(options, "packed_cache", None)
    if packed:
        return packed_cache_folder(Path(packed))
    return build_cache(Path(options.data), options.cache_side, options.validation_percent, Path(options.cache_dir))
