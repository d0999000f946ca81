"""Building blocks shared by the generator and the critic."""
from __future__ import annotations

import torch
from torch import nn

LEAK = 0.2  # LeakyReLU slope used throughout (paper)


def group_count(channels: int, cardinality: int) -> int:
    """Largest group count <= ``cardinality`` that divides ``channels`` with >= 4
    channels per group, so narrow variants keep the ResNeXt shape."""
    groups = max(1, min(cardinality, channels // 4))
    while channels % groups:
        groups -= 1
    return groups


class ResNeXtBlock(nn.Module):
    """Bottleneck ResNeXt block (1x1 reduce, grouped dilated 3x3, 1x1 expand) with an
    identity shortcut and no normalisation (paper)."""

    def __init__(self, channels: int, cardinality: int = 32, dilation: int = 1) -> None:
        super().__init__()
        bottleneck = max(4, channels // 2)
        self.reduce = nn.Conv2d(channels, bottleneck, 1)
        self.grouped = nn.Conv2d(bottleneck, bottleneck, 3, padding=dilation, dilation=dilation, groups=group_count(bottleneck, cardinality))
        self.expand = nn.Conv2d(bottleneck, channels, 1)
        # Without normalisation, stacked residual branches add up their variance;
        # starting each branch small keeps the deep tunnels near identity at first
        # (the idea of Fixup, Zhang et al. 2019).
        with torch.no_grad():
            self.expand.weight.mul_(0.1)
            self.expand.bias.zero_()
        self.act = nn.LeakyReLU(LEAK, inplace=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.expand(self.act(self.grouped(self.act(self.reduce(x)))))


def conv_act(in_channels: int, out_channels: int, kernel: int = 3, stride: int = 1) -> nn.Sequential:
    """Conv + LeakyReLU with 'same' padding for odd kernels and halving for 4x4 / stride 2."""
    padding = kernel // 2 if stride == 1 else (kernel - stride) // 2
    return nn.Sequential(nn.Conv2d(in_channels, out_channels, kernel, stride, padding), nn.LeakyReLU(LEAK, inplace=True))
