"""Fixed (not learned) guesses of where the hint colours go, fed to the generator
beside the raw hints: HintPrior (below) and RegionFill (further down).

HintPrior: a multi-scale spread of the hint colours. Normalised convolution (Knutsson & Westin 1993):
at each coarser level a cell holds the mean colour of the hints inside it, plus
a flag that it has any. It hands the network a dense, Voronoi-like colour guess
from the first iteration, so a short CPU run does not have to learn hint
propagation from scratch (a deviation from Ci et al. 2018; RESULTS.md)."""
from __future__ import annotations

from typing import Tuple

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


REGION_FILL_CHANNELS = 4  # colour where any hint reaches (RGB, 0 elsewhere) + flag "reached inside its region"
INK_LEVEL = 0.0  # line values (in [-1, 1]) below this are ink: walls for the fill, as the bucket baseline's 0.5 in [0, 1]


class NoRegionFill(nn.Module):
    """Stands in for RegionFill in a generator without it (no channels), so the
    generator scripts whichever it has: TorchScript compiles the call either way."""

    def forward(self, line: torch.Tensor, hints: torch.Tensor) -> torch.Tensor:
        return hints[:, :0]


# Scripted when traced (torch.onnx.export traces the generator), so the data-dependent
# early stop stays a loop (an ONNX Loop) instead of being unrolled to the traced size.
@torch.jit.script_if_tracing
def flood(colour: torch.Tensor, reached: torch.Tensor, open_cells: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
    """Grows ``reached`` one 4-connected step at a time into ``open_cells`` until
    nothing changes; each new cell takes the mean colour of its reached neighbours."""
    steps = colour.shape[2] + colour.shape[3]
    height, width = colour.shape[2], colour.shape[3]
    for _ in range(steps):
        # The sum over the 4 neighbours, as four shifted slices of a zero-padded
        # copy: the same sums as a 3x3 cross convolution, a fraction of its cost.
        state = F.pad(torch.cat([colour, reached], 1), (1, 1, 1, 1))
        around = (state[:, :, 0:height, 1 : width + 1] + state[:, :, 2 : height + 2, 1 : width + 1]
                  + state[:, :, 1 : height + 1, 0:width] + state[:, :, 1 : height + 1, 2 : width + 2])
        new = (around[:, 3:4] > 0).to(colour.dtype) * (1.0 - reached) * open_cells
        if not bool(new.any()):
            break
        colour = colour + new * around[:, :3] / around[:, 3:4].clamp(min=1.0)
        reached = reached + new
    return colour, reached


class RegionFill(nn.Module):
    """A fixed (not learned) paint-bucket guess at hint resolution, fed to the
    generator beside HintPrior (RESULTS.md, "Region fill"). A 4x4 cell that holds
    any ink is a wall. Phase 1 floods every hint's colour through 4-connected open
    cells (first arrival; cells reached at once take the mean), so a region enclosed
    by the line art takes the colour of the hints inside it. Phase 2 goes on through
    the walls and into regions without hints, so every cell ends with the colour of
    its nearest (in steps) hint. Channels: that colour (0 where there is no hint at
    all) and a flag for the cells phase 1 reached.

    line [N,1,H,W] in [-1, 1] (white = +1), hints [N,4,H/4,W/4] -> [N,4,H/4,W/4]."""

    __constants__ = ["hint_scale", "ink_level"]

    def __init__(self, hint_scale: int = 4) -> None:
        super().__init__()
        self.hint_scale, self.ink_level = hint_scale, INK_LEVEL

    def forward(self, line: torch.Tensor, hints: torch.Tensor) -> torch.Tensor:
        mask = hints[:, 3:4]
        wall = F.max_pool2d((line < self.ink_level).to(line.dtype), self.hint_scale)
        open_cells = (1.0 - wall + mask).clamp(0.0, 1.0)
        colour, inside = flood(hints[:, :3] * mask, mask, open_cells)
        colour, _ = flood(colour, inside, torch.ones_like(open_cells))
        return torch.cat([colour, inside], 1)
