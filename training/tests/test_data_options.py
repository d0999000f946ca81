from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from PIL import Image

from training.data.cache import CACHE_ROOT, cache_dir_for
from training.data.options import add_data_options, cache_from_options
from training.data.sources import DEFAULT_IMAGE_ROOT
from training.tests.conftest import boxes_image


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser()
    add_data_options(parser)
    return parser


def test_data_options_default_to_the_shipped_image_folder_and_cache() -> None:
    options = _parser().parse_args([])

    assert (options.data, options.cache_dir, options.cache_side, options.validation_percent) == (DEFAULT_IMAGE_ROOT, CACHE_ROOT, 160, 5.0)


def test_the_cache_named_by_the_data_options_is_built_there(tmp_path: Path) -> None:
    source = tmp_path / "art"
    source.mkdir()
    for i in range(4):
        Image.fromarray(np.roll(boxes_image(), 5 * i, axis=1)).save(source / f"picture_{i}.png")
    options = _parser().parse_args(["--data", str(source), "--cache-dir", str(tmp_path / "cache"), "--cache-side", "64", "--validation-percent", "50"])

    folder = cache_from_options(options)

    assert folder == cache_dir_for(source, 64, 50.0, tmp_path / "cache")
    assert (folder / "manifest.json").is_file()
