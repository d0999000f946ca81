"""The data options of every command that reads the image cache (training,
evaluation, mode evaluation), declared once so their names, defaults and help
agree, and the cache they name."""
from __future__ import annotations

import argparse
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


def cache_from_options(options: argparse.Namespace) -> Path:
    """The preprocessed cache folder the data options name (built on first use)."""
    return build_cache(Path(options.data), options.cache_side, options.validation_percent, Path(options.cache_dir))
