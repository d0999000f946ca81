"""A fixed (not learned) multi-scale spread of the hint colours, fed to the
generator beside the raw hints. Normalised convolution (Knutsson & Westin 1993):
at each coarser level a cell holds the mean colour of the hints inside it, plus
a flag that it has any. It hands the network a dense, Voronoi-like colour guess
from the first iteration, so a short CPU run does not have to learn hint
propagation from scratch (a deviation from Ci et al. 2018; RESULTS.md)."""
from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

PYRAMID_LEVELS = 3  # 1/8, 1/16, 1/32 of the input; the input must be a multiple of 32
SPREAD_STEPS = 3  # 3x3 normalised blurs at the coarsest level: reach ~3 cells further
PRIOR_CHANNELS = 4 + 4 * PYRAMID_LEVELS + 4  # raw hints, each level, global mean


def _normalised(colour_sum: torch.Tensor, weight: torch.Tensor) -> torch.Tensor:
    has = (weight > 0).to(colour_sum.dtype)
    return torch.cat([colour_sum / weight.clamp(min=1e-6) * has, has], 1)


class HintPrior(nn.Module):
    """hints [N,4,h,w] -> [N,PRIOR_CHANNELS,h,w]; h and w multiples of 8."""

    __constants__ = ["levels", "spread_steps"]

    def __init__(self) -> None:
        super().__init__()
        self.levels, self.spread_steps = PYRAMID_LEVELS, SPREAD_STEPS

    def forward(self, hints: torch.Tensor) -> torch.Tensor:
        size = (hints.shape[2], hints.shape[3])
        colour, weight = hints[:, :3] * hints[:, 3:4], hints[:, 3:4]
        features = [hints]
        for level in range(self.levels):
            colour, weight = F.avg_pool2d(colour, 2), F.avg_pool2d(weight, 2)
            if level == self.levels - 1:
                for _ in range(self.spread_steps):
                    colour = F.avg_pool2d(colour, 3, 1, 1, count_include_pad=False)
                    weight = F.avg_pool2d(weight, 3, 1, 1, count_include_pad=False)
            features.append(F.interpolate(_normalised(colour, weight), size=size, mode="nearest"))
        total = hints[:, 3:4].sum(dim=(2, 3), keepdim=True)
        mean = (hints[:, :3] * hints[:, 3:4]).sum(dim=(2, 3), keepdim=True)
        features.append(_normalised(mean, total).expand(-1, -1, size[0], size[1]))
        return torch.cat(features, 1)
