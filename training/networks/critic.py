"""SRGAN-like critic, conditioned on the line art (the paper conditions on the
Illustration2Vec local features, which cannot be obtained here). No
normalisation, as WGAN-GP requires per-sample gradients."""
from __future__ import annotations

import torch
from torch import nn

from training.networks.blocks import ResNeXtBlock, conv_act


class Critic(nn.Module):
    """(rgb [N,3,H,W], line [N,1,H,W]) -> score [N]; higher = more real."""

    def __init__(
        self,
        ndf: int = 64,  # base width
        stages: int = 4,  # stride-2 stages, width doubling up to ndf * 8
        blocks_per_stage: int = 1,  # ResNeXt blocks after each stride-2 conv
    ) -> None:
        super().__init__()
        layers: list[nn.Module] = [conv_act(4, ndf)]
        channels = ndf
        for stage in range(stages):
            out = min(ndf * 2 ** (stage + 1), ndf * 8)
            layers.append(conv_act(channels, out, 4, 2))
            layers += [ResNeXtBlock(out) for _ in range(blocks_per_stage)]
            channels = out
        self.features = nn.Sequential(*layers)
        self.score = nn.Linear(channels, 1)

    def forward(self, rgb: torch.Tensor, line: torch.Tensor) -> torch.Tensor:
        assert rgb.shape[1] == 3 and line.shape[1] == 1 and rgb.shape[2:] == line.shape[2:]
        pooled = self.features(torch.cat([rgb, line], 1)).mean(dim=(2, 3))
        return self.score(pooled).squeeze(1)
