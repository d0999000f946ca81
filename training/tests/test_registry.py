from __future__ import annotations

from typing import Callable

import pytest

from training.registry import Registry


def test_registered_functions_are_kept_unchanged_and_found_by_name() -> None:
    shapes: Registry[Callable[[int], int]] = Registry("shape")

    @shapes.register("square")
    def square(x: int) -> int:
        return x * x

    assert shapes.named("square") is square and square(3) == 9
    assert list(shapes) == ["square"]


def test_unknown_names_raise_listing_the_known_ones() -> None:
    shapes: Registry[Callable[[int], int]] = Registry("shape")
    shapes.register("square")(lambda x: x * x)
    shapes.register("cube")(lambda x: x * x * x)

    with pytest.raises(ValueError, match=r"unknown shape 'circle'; known: \['cube', 'square'\]"):
        shapes.named("circle")
