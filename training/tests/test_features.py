from __future__ import annotations

from pathlib import Path

import pytest
import torch

from training.checkpoint import save_weights
from training.losses.features import FeatureLoss
from training.networks.conditioned import build_conditioned
from training.networks.generator import build_generator


def _reference_run(tmp_path: Path) -> Path:
    torch.manual_seed(0)
    run = tmp_path / "reference-run"
    (run / "checkpoint").mkdir(parents=True)
    save_weights(build_conditioned("reference", build_generator("tiny"), 3), run / "checkpoint" / "generator.npz")
    return run


def test_feature_loss_is_zero_for_the_truth_and_pulls_an_output_towards_it(tmp_path: Path) -> None:
    loss = FeatureLoss.from_run(_reference_run(tmp_path))
    truth = torch.rand(2, 3, 32, 32) * 2 - 1
    output = torch.zeros(2, 3, 32, 32, requires_grad=True)

    assert float(loss(truth, truth)) == 0.0
    value = loss(output, truth)
    value.backward()

    assert float(value) > 0 and output.grad is not None and output.grad.abs().sum() > 0
    assert all(not p.requires_grad for p in loss.parameters()), "the feature network stays frozen"
    assert not loss.train().features.training


def test_feature_loss_refuses_a_run_without_a_reference_encoder(tmp_path: Path) -> None:
    run = tmp_path / "hints-run"
    (run / "checkpoint").mkdir(parents=True)
    save_weights(build_generator("tiny"), run / "checkpoint" / "generator.npz")

    with pytest.raises(ValueError, match="--mode reference"):
        FeatureLoss.from_run(run)
