"""Reconstruction losses, registered by name. They replace the paper's VGG16
perceptual loss, whose ImageNet weights cannot be downloaded here (issue 4);
L1 is what style2paints V1 and Tag2Pix use as their content term."""
from __future__ import annotations

from typing import Callable

import torch
import torch.nn.functional as F

ReconstructionLoss = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]
RECONSTRUCTION_LOSSES: dict[str, ReconstructionLoss] = {}


def reconstruction_loss(name: str) -> Callable[[ReconstructionLoss], ReconstructionLoss]:
    def register(function: ReconstructionLoss) -> ReconstructionLoss:
        RECONSTRUCTION_LOSSES[name] = function
        return function

    return register


def get_reconstruction_loss(name: str) -> ReconstructionLoss:
    if name not in RECONSTRUCTION_LOSSES:
        raise ValueError(f"unknown reconstruction loss {name!r}; known: {sorted(RECONSTRUCTION_LOSSES)}")
    return RECONSTRUCTION_LOSSES[name]


@reconstruction_loss("l1")
def l1(output: torch.Tensor, truth: torch.Tensor) -> torch.Tensor:
    return F.l1_loss(output, truth)


@reconstruction_loss("l1-multiscale")
def l1_multiscale(output: torch.Tensor, truth: torch.Tensor) -> torch.Tensor:
    """L1 at full, 1/2 and 1/4 resolution: the coarse terms reward getting region
    colours right even where the exact edge position is off."""
    total = F.l1_loss(output, truth)
    for factor in (2, 4):
        total = total + F.l1_loss(F.avg_pool2d(output, factor), F.avg_pool2d(truth, factor))
    return total / 3.0
