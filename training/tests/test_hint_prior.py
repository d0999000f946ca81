from __future__ import annotations

import torch

from training.networks.hint_prior import PRIOR_CHANNELS, REGION_FILL_CHANNELS, HintPrior, RegionFill


def test_hint_prior_spreads_a_single_hint_over_its_neighbourhood() -> None:
    hints = torch.zeros(1, 4, 32, 32)
    hints[0, :, 10, 10] = torch.tensor([0.5, -0.5, 1.0, 1.0])

    prior = HintPrior()(hints)

    assert prior.shape == (1, PRIOR_CHANNELS, 32, 32)
    coarsest = prior[0, 12:16]
    assert coarsest[3].mean() > 0.5, "the coarsest level reaches most of the image"
    assert torch.allclose(coarsest[:3, 20, 20], torch.tensor([0.5, -0.5, 1.0]))
    assert torch.allclose(prior[0, -4:, 0, 0], torch.tensor([0.5, -0.5, 1.0, 1.0]))


def test_hint_prior_without_hints_is_all_zero() -> None:
    assert not HintPrior()(torch.zeros(2, 4, 16, 16)).any()


def _boxed_line_art() -> torch.Tensor:
    """32x32 white paper with a closed one-pixel ink square from (8, 8) to (23, 23)."""
    line = torch.ones(1, 1, 32, 32)
    line[0, 0, 8, 8:24] = line[0, 0, 23, 8:24] = -1.0
    line[0, 0, 8:24, 8] = line[0, 0, 8:24, 23] = -1.0
    return line


def _hint(hints: torch.Tensor, row: int, col: int, rgb: tuple[float, float, float]) -> None:
    hints[0, :, row, col] = torch.tensor([*rgb, 1.0])


def test_region_fill_keeps_each_hint_inside_the_region_the_line_art_encloses() -> None:
    hints = torch.zeros(1, 4, 8, 8)
    _hint(hints, 3, 3, (1.0, -1.0, -1.0))  # inside the square: red
    _hint(hints, 0, 0, (-1.0, -1.0, 1.0))  # outside: blue

    fill = RegionFill()(_boxed_line_art(), hints)[0]

    assert fill.shape == (REGION_FILL_CHANNELS, 8, 8)
    assert torch.equal(fill[:, 4, 4], torch.tensor([1.0, -1.0, -1.0, 1.0])), "inside the square: the inside hint, reached in its region"
    assert torch.equal(fill[:, 7, 7], torch.tensor([-1.0, -1.0, 1.0, 1.0])), "outside: the outside hint, though the red one is nearer in a straight line"
    assert fill[3, 2, 4] == 0.0 and fill[:3, 2, 4].abs().sum() > 0, "a wall cell is coloured by phase 2 but not flagged"


def test_region_fill_gives_an_unhinted_region_the_nearest_hint_without_the_flag() -> None:
    hints = torch.zeros(1, 4, 8, 8)
    _hint(hints, 0, 0, (0.5, 0.0, -0.5))

    fill = RegionFill()(_boxed_line_art(), hints)[0]

    assert torch.allclose(fill[:3, 4, 4], torch.tensor([0.5, 0.0, -0.5]))
    assert fill[3, 4, 4] == 0.0 and fill[3, 7, 0] == 1.0


def test_region_fill_averages_hints_that_arrive_together_and_is_empty_without_hints() -> None:
    hints = torch.zeros(1, 4, 8, 8)
    _hint(hints, 4, 3, (1.0, 1.0, 1.0))
    _hint(hints, 4, 5, (-1.0, 0.0, 1.0))

    fill = RegionFill()(_boxed_line_art(), hints)[0]

    assert torch.allclose(fill[:3, 4, 4], torch.tensor([0.0, 0.5, 1.0]))
    assert not RegionFill()(torch.ones(2, 1, 16, 16), torch.zeros(2, 4, 4, 4)).any()
