"""The hint modes of issue 8: conditions derived from images, user requests turned
into the same tensors, conditioned generators that start as their parent, and a
training run per mode that starts from a hint run."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch

from training.checkpoint import load_weights
from training.loop import training_loop
from training.modes import palette, reference, tags
from training.modes.registry import MODES
from training.networks.conditioned import AutoGenerator, GuideDecoders, build_conditioned
from training.networks.generator import build_generator
from training.options import parse_options
from training.tests.conftest import boxes_image
from training.tests.test_loop import _options, art_folder  # noqa: F401  (fixture)


def _boxes_line() -> tuple[np.ndarray, np.ndarray]:
    image = boxes_image()
    line = np.ones(image.shape[:2], np.float32)
    line[image.max(axis=2) == 0] = 0.0
    return image, line


def test_painted_histogram_counts_paint_not_paper_or_ink() -> None:
    image, line = _boxes_line()

    histogram = palette.painted_histogram(image, line)

    assert histogram.sum() == pytest.approx(1.0)
    red, blue = palette.colour_bins(np.array([220, 30, 30], np.uint8)), palette.colour_bins(np.array([30, 60, 220], np.uint8))
    assert histogram[red] == pytest.approx(0.5) and histogram[blue] == pytest.approx(0.5)


def test_user_palette_weights_and_shared_bins() -> None:
    equal = palette.palette_histogram([(255, 0, 0), (0, 0, 255)])
    weighted = palette.palette_histogram([(255, 0, 0), (0, 0, 255)], [3.0, 1.0])
    same_bin = palette.palette_histogram([(255, 0, 0), (250, 2, 3)])

    assert sorted(equal[equal > 0]) == pytest.approx([0.5, 0.5])
    assert weighted.max() == pytest.approx(0.75)
    assert same_bin.max() == pytest.approx(1.0)
    with pytest.raises(ValueError):
        palette.palette_histogram([(0, 0, 0)] * 33)


def test_thinned_histogram_keeps_the_largest_bins() -> None:
    histogram = np.zeros(512, np.float32)
    histogram[[1, 2, 3]] = [0.6, 0.3, 0.1]

    thinned = palette.thin_histogram(histogram, 2)

    assert np.nonzero(thinned)[0].tolist() == [1, 2] and thinned.sum() == pytest.approx(1.0)


def test_tags_name_the_large_colour_areas() -> None:
    image, line = _boxes_line()

    derived = tags.derive_tags(image, line)

    assert [tags.VOCABULARY[i] for i in np.nonzero(derived)[0]] == ["red", "blue"]
    assert tags.encode_tags([" Red", "blue"]).tolist() == derived.tolist()
    with pytest.raises(ValueError, match="known: red"):
        tags.encode_tags(["blue_hair"])


def test_reference_view_keeps_colours_but_not_layout() -> None:
    image, line = _boxes_line()
    view = reference.training_condition(image, line, np.random.default_rng(3))
    plain = reference.to_reference_tensor(image)

    assert view.shape == (3, 128, 128) and view.min() >= -1.0 and view.max() <= 1.0
    assert not np.allclose(view, plain)  # pixels moved
    # every colour of the view is one of the image's colours (up to resampling blur)
    colours = {tuple(c) for c in image.reshape(-1, 3)}
    pixels = ((view.transpose(1, 2, 0) + 1.0) * 127.5).round().astype(int).reshape(-1, 3)
    exact = np.mean([tuple(p) in colours for p in pixels])
    assert exact > 0.6


@pytest.mark.parametrize("mode", ["palette", "reference", "tags"])
def test_conditioned_generator_starts_as_its_parent_and_scripts(mode: str) -> None:
    torch.manual_seed(0)
    base = build_generator("tiny").eval()
    model = build_conditioned(mode, base, MODES[mode].shape[0]).eval()
    line, hints = torch.rand(2, 1, 64, 64) * 2 - 1, torch.zeros(2, 4, 16, 16)
    condition = torch.rand(2, *MODES[mode].shape)

    with torch.no_grad():
        assert torch.equal(model(line, hints, condition), base(line, hints))
        scripted = torch.jit.script(model)
        assert torch.allclose(scripted(line, hints, condition), model(line, hints, condition), atol=1e-6)


def test_auto_generator_is_its_parent_without_hints() -> None:
    base = build_generator("tiny").eval()
    line = torch.rand(1, 1, 40, 52) * 2 - 1

    with torch.no_grad():
        assert torch.equal(torch.jit.script(AutoGenerator(base))(line), base(line, torch.zeros(1, 4, 10, 13)))


def test_guide_losses_follow_the_paper_weights() -> None:
    guides = GuideDecoders("reference", 64)
    before, after = torch.zeros(1, 64, 2, 2), torch.zeros(1, 64, 2, 2)

    total, parts = guides.loss(before, after, torch.zeros(1, 3, 32, 32))

    assert set(parts) == {"guide_grey", "guide_colour"}
    assert float(total) == pytest.approx(0.3 * parts["guide_grey"] + 0.9 * parts["guide_colour"], rel=1e-5)


@pytest.mark.parametrize("mode", ["auto", "palette", "reference", "tags"])
def test_a_mode_run_starts_from_a_hint_run(mode: str, art_folder: Path, tmp_path: Path) -> None:  # noqa: F811
    parent = training_loop(parse_options(_options(art_folder, tmp_path, 1) + ["--name", "parent"]))

    run = training_loop(parse_options(_options(art_folder, tmp_path, 2) + ["--name", mode, "--mode", mode, "--init-from", str(parent), "--lr", "0"]))

    saved = json.loads((run / "options.json").read_text())
    assert saved["mode"] == mode
    # with lr 0 the parent's weights are untouched: the run really started from them
    mine, theirs = build_generator("tiny"), build_generator("tiny")
    load_weights(theirs, parent / "checkpoint" / "generator.npz")
    with np.load(run / "checkpoint" / "generator.npz") as arrays:
        prefix = "" if mode == "auto" else "base."
        mine.load_state_dict({k[len(prefix):]: torch.from_numpy(arrays[k]) for k in arrays.files if k.startswith(prefix) and (prefix or True)}, strict=mode == "auto")
    for key, value in theirs.state_dict().items():
        assert torch.equal(mine.state_dict()[key], value), key
    assert (run / "checkpoint" / "guides.npz").exists() == (mode in ("reference", "tags"))
