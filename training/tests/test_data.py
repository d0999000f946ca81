from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from training.data.cache import ImageStore, build_cache, composite_over_white, fit_shortest_side, load_split
from training.data.filters import measure, rejection_reason
from training.data.pairs import PairSettings, make_sample, random_crop
from training.data.sources import ForbiddenSourceError, is_validation, list_images
from training.tests.conftest import boxes_image


def _colourful(side: int = 128) -> np.ndarray:
    ys, xs = np.mgrid[0:side, 0:side]
    image = np.full((side, side, 3), 255, np.uint8)
    for index, colour in enumerate([(230, 40, 40), (40, 160, 60), (40, 60, 220), (240, 200, 40)]):
        inside = np.hypot(ys - 30 - 20 * index, xs - 30 - 20 * (index % 2)) < 18
        image[inside] = colour
    return image


def test_colourful_illustration_is_kept() -> None:
    assert rejection_reason("animals/cat.png", measure(_colourful())) is None


def test_greyscale_drawing_is_dropped_as_monochrome() -> None:
    grey = _colourful().mean(axis=2, keepdims=True).repeat(3, axis=2).astype(np.uint8)

    assert rejection_reason("people/sketch.png", measure(grey)) == "near-monochrome"


def test_single_colour_shape_is_dropped() -> None:
    image = np.full((64, 64, 3), 255, np.uint8)
    image[16:48, 16:48] = (200, 20, 20)

    assert rejection_reason("misc/square.png", measure(image)) == "flat shape (<= 2 colours)"


def test_folder_rules_drop_arrows_and_gradients() -> None:
    stats = measure(_colourful())

    assert rejection_reason("shapes/arrows/left.png", stats) == "arrow (folder)"
    assert rejection_reason("special/gradients/sunset.png", stats) == "gradient (folder)"


def test_validation_split_is_deterministic_and_roughly_sized() -> None:
    names = [f"folder/image_{i}.png" for i in range(4000)]

    held_out = [n for n in names if is_validation(n, 5.0)]

    assert held_out == [n for n in names if is_validation(n, 5.0)]
    assert 120 < len(held_out) < 280


def test_reserved_evaluation_sets_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "openmoji-72x72"
    folder.mkdir()
    Image.fromarray(_colourful()).save(folder / "1F600.png")

    with pytest.raises(ForbiddenSourceError):
        list_images(tmp_path)


def test_transparent_pixels_become_white() -> None:
    rgba = np.zeros((4, 4, 4), np.uint8)
    rgba[0, 0] = (255, 0, 0, 255)

    rgb = composite_over_white(Image.fromarray(rgba, "RGBA"))

    assert rgb[0, 0].tolist() == [255, 0, 0] and rgb[3, 3].tolist() == [255, 255, 255]


def test_fit_shortest_side_keeps_aspect_up_to_the_limit() -> None:
    assert fit_shortest_side(np.zeros((200, 300, 3), np.uint8), 100).shape == (100, 150, 3)
    assert fit_shortest_side(np.zeros((100, 1000, 3), np.uint8), 50).shape == (50, 125, 3)


def test_cache_round_trip_and_split(tmp_path: Path) -> None:
    source = tmp_path / "art"
    source.mkdir()
    for i in range(6):
        Image.fromarray(np.roll(_colourful(), 7 * i, axis=1)).save(source / f"picture_{i}.png")

    folder = build_cache(source, 64, validation_percent=50.0, cache_root=tmp_path / "cache", workers=1)

    train, val = load_split(folder, "train"), load_split(folder, "val")
    assert len(train) + len(val) == 6
    assert all(min(store.image(i).shape[:2]) == 64 for store in (train, val) for i in range(len(store)))


def test_image_store_slices_back_each_image() -> None:
    images = [np.full((2, 3, 3), 1, np.uint8), np.full((4, 2, 3), 2, np.uint8)]

    store = ImageStore.from_images(images, ["a", "b"])

    assert np.array_equal(store.image(1), images[1]) and len(store) == 2


def test_sample_tensors_follow_the_model_convention() -> None:
    settings = PairSettings(crop=48, max_upscale=1.2)

    sample = make_sample(boxes_image(64), np.random.default_rng(0), settings)

    assert sample["line"].shape == (1, 48, 48) and sample["hints"].shape == (4, 12, 12) and sample["truth"].shape == (3, 48, 48)
    assert sample["line"].min() >= -1 and sample["line"].max() <= 1 and sample["truth"].abs().max() <= 1


def test_random_crop_has_crop_size() -> None:
    crop = random_crop(np.zeros((70, 90, 3), np.uint8), np.random.default_rng(1), PairSettings(crop=64, max_upscale=1.1))

    assert crop.shape == (64, 64, 3)
