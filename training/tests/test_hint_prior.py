from __future__ import annotations

import torch

from training.networks.hint_prior import PRIOR_CHANNELS, HintPrior


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
