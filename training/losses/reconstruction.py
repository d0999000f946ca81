"""Reconstruction losses, registered by name. They replace the paper's VGG16
perceptual loss, whose ImageNet weights cannot be downloaded here (issue 4);
L1 is what style2paints V1 and Tag2Pix use as their content term."""
from __future__ import annotations

from typing import Callable

import torch
import torch.nn.functional as F

from training.registry import Registry

ReconstructionLoss = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]
RECONSTRUCTION_LOSSES: Registry[ReconstructionLoss] = Registry("reconstruction loss")
reconstruction_loss = RECONSTRUCTION_LOSSES.register
get_reconstruction_loss = RECONSTRUCTION_LOSSES.named


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
