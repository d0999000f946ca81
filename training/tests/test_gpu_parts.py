"""The parts of the GPU run that the end-to-end test does not pin down: weight
shards, the crop curriculum, version guards, and the npm art recipes."""
from __future__ import annotations

import argparse
import io
import shutil
import tarfile
from pathlib import Path

import numpy as np
import pytest
import torch

from training.acceleration import autocast_factory, maybe_compile
from training.curriculum import crop_for_progress, run_progress
from training.data.npm_art import noto_emoji, spaced
from training.gpu.shards import load_shards, save_shards
from training.options import parse_options


def test_shards_split_under_the_size_limit_and_read_back_as_float32(tmp_path: Path) -> None:
    state = {"b": torch.randn(30, 100), "a": torch.randn(70, 100), "huge": torch.full((10,), 1e6), "c": torch.randn(40, 100)}
    index = save_shards(state, tmp_path, "weights", shard_bytes=20_000)

    # float16: a 14 kB, c 8 kB, b 6 kB; first fit largest first packs a+b and c+huge (in order: a, b, c would need three)
    assert len(index["files"]) == 2 and index["tensors"]["a"] == index["tensors"]["b"]
    back = load_shards(tmp_path, index)
    assert all(back[name].dtype == torch.float32 for name in state)
    assert torch.allclose(back["a"], state["a"], atol=2e-3) and torch.equal(back["huge"], state["huge"])  # beyond float16: kept exact
    with pytest.raises(ValueError, match="alone is"):
        save_shards({"a": torch.zeros(20_000)}, tmp_path, "big", shard_bytes=20_000)
    (tmp_path / index["files"][0]).unlink()
    with pytest.raises(FileNotFoundError, match="missing"):
        load_shards(tmp_path, index)


def test_the_curriculum_goes_from_small_to_large_crops() -> None:
    options = argparse.Namespace(crop=256, crop_curriculum=[128, 192], curriculum_share=0.5, iterations=100, stop_after_minutes=None)
    assert [crop_for_progress(options, run_progress(options, i, 0.0)) for i in (0, 24, 25, 49, 50, 99)] == [128, 128, 192, 192, 256, 256]
    options.stop_after_minutes = 10.0
    assert crop_for_progress(options, run_progress(options, 0, 5 * 60.0)) == 256  # half the time budget used
    assert run_progress(options, 0, 3600.0) == 1.0


def test_curriculum_crops_must_fit_the_cache() -> None:
    with pytest.raises(SystemExit, match="multiples of 16"):
        parse_options(["--crop", "128", "--crop-curriculum", "200"])
    with pytest.raises(SystemExit, match="--curriculum-share"):
        parse_options(["--curriculum-share", "1.5"])
    with pytest.raises(SystemExit, match="smaller than it"):
        parse_options(["--crop", "96", "--crop-curriculum", "64", "128"])


def test_precision_and_compile_guards() -> None:
    with pytest.raises(ValueError, match="unknown precision 'fp8'"):
        autocast_factory("fp8", torch.device("cpu"))
    with autocast_factory("bf16", torch.device("cpu"))():
        assert torch.mm(torch.ones(2, 2), torch.ones(2, 2)).dtype == torch.bfloat16
    assert maybe_compile(torch.relu, False) is torch.relu
    if not hasattr(torch, "compile"):
        with pytest.raises(SystemExit, match="torch >= 2.0"):
            maybe_compile(torch.relu, True)


def test_the_noto_sprite_is_split_into_one_picture_per_emoji(tmp_path: Path) -> None:
    if shutil.which("rsvg-convert") is None:
        pytest.skip("rsvg-convert (librsvg2-bin) is not installed")
    sprite = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2000 2000">'
              '<svg viewBox="0 0 128 128" id="1F600"><circle cx="64" cy="64" r="60" fill="#fc0"/></svg>'
              '<svg viewBox="0 0 128 128" id="1F34E"><rect width="128" height="64" fill="#c00"/></svg></svg>').encode()
    tarball = tmp_path / "noto.tgz"
    with tarfile.open(tarball, "w:gz") as archive:
        info = tarfile.TarInfo("package/sprites/all.svg")
        info.size = len(sprite)
        archive.addfile(info, io.BytesIO(sprite))
    out, work = tmp_path / "out", tmp_path / "work"
    out.mkdir(), work.mkdir()

    assert noto_emoji([tarball], out, 64, None, work) == []
    from PIL import Image
    apple = np.asarray(Image.open(out / "1F34E.png").convert("RGBA"))
    assert apple.shape == (64, 64, 4) and tuple(apple[5, 5]) == (204, 0, 0, 255) and apple[60, 5, 3] == 0  # red top half, clear bottom


def test_a_limit_spreads_over_the_whole_set() -> None:
    items = [Path(f"{i:03d}") for i in range(10)]
    assert spaced(items, 3) == [Path("000"), Path("003"), Path("006")]
    assert spaced(items, None) == items


def test_a_packed_cache_must_be_complete(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text('{"shortest_side": 320}')
    with pytest.raises(SystemExit, match="not a packed cache"):
        parse_options(["--packed-cache", str(tmp_path)])
