"""The hint-guided U-Net generator of Ci et al. 2018 (training/RESULTS.md, "Method"): two conv blocks in
front, hints joined at 1/4 resolution, four decoder sub-networks ("tunnels") of
ResNeXt blocks (dilated in the two deep ones), pixel-shuffle upsampling, no
normalisation, LeakyReLU 0.2, tanh out.

The Illustration2Vec local-features branch of the paper is left out: its
pretrained weights cannot be obtained here (issue 4, item 4; RESULTS.md)."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Tuple

import torch
import torch.nn.functional as F
from torch import nn

from training.networks.blocks import LEAK, ResNeXtBlock, conv_act
from training.networks.hint_prior import PRIOR_CHANNELS, REGION_FILL_CHANNELS, HintPrior, NoRegionFill, RegionFill

# Training targets include pure white (+1), which tanh only reaches at infinity:
# with L1 and Adam the pre-activations then grow without bound until every
# output saturates at white and the gradients die (seen in the first CPU run:
# pre-tanh values ~1e5 after 250 iterations). A gain slightly above 1 gives
# white a finite optimum; outside training the result is clamped to [-1, 1].
# The loop also penalises logits beyond SATURATION_LIMIT (losses/saturation.py),
# which no target needs: 1.05 * tanh(2.5) > 1.
OUTPUT_GAIN = 1.05
SATURATION_LIMIT = 2.5
DEEP_DILATIONS = (1, 1, 2, 2, 4, 4, 2, 1)  # cycled over the blocks of the deep tunnels
ALIGNMENT = 32  # four stride-2 stages, and the hint prior's 1/32 level
HINT_SCALE = 4


@dataclass(frozen=True)
class GeneratorConfig:
    ngf: int = 64  # base width; the paper uses 64
    tunnel_blocks: tuple[int, int, int, int] = (20, 8, 8, 8)  # ResNeXt blocks at 1/16, 1/8, 1/4, 1/2
    cardinality: int = 32  # ResNeXt groups (reduced automatically for narrow layers)
    hint_prior: bool = True  # feed the fixed multi-scale hint spread (networks/hint_prior.py); False = the paper's raw hints
    region_fill: bool = True  # feed the fixed paint-bucket guess (networks/hint_prior.py RegionFill) at 1/4 and at full size
    fill_gate: bool = True  # a learned per-pixel gate that may take the region fill's colour as it is (needs region_fill)

    def to_json(self) -> dict[str, object]:
        return {**asdict(self), "tunnel_blocks": list(self.tunnel_blocks)}

    @staticmethod
    def from_json(data: dict[str, object]) -> GeneratorConfig:
        # A config written before a field existed means the network without it:
        # runs and models from before the region fill load as they were trained.
        return GeneratorConfig(int(data["ngf"]), tuple(int(b) for b in data["tunnel_blocks"]), int(data["cardinality"]), bool(data.get("hint_prior", True)), bool(data.get("region_fill", False)), bool(data.get("fill_gate", False)))  # type: ignore[arg-type, union-attr]


GENERATOR_VARIANTS: dict[str, GeneratorConfig] = {
    "full": GeneratorConfig(ngf=64, tunnel_blocks=(20, 8, 8, 8)),
    "small": GeneratorConfig(ngf=32, tunnel_blocks=(8, 4, 2, 1)),  # the shipped CPU-trained default
    "tiny": GeneratorConfig(ngf=8, tunnel_blocks=(1, 1, 1, 1)),  # for tests
}


def generator_config(variant: str) -> GeneratorConfig:
    if variant not in GENERATOR_VARIANTS:
        raise ValueError(f"unknown generator variant {variant!r}; known: {sorted(GENERATOR_VARIANTS)}")
    return GENERATOR_VARIANTS[variant]


def tunnel(in_channels: int, channels: int, out_channels: int, blocks: int, cardinality: int, dilations: tuple[int, ...]) -> nn.Sequential:
    """Decoder sub-network: squeeze the skip-concatenation, ResNeXt blocks, then
    pixel-shuffle x2 to ``out_channels``."""
    layers: list[nn.Module] = [conv_act(in_channels, channels)]
    layers += [ResNeXtBlock(channels, cardinality, dilations[i % len(dilations)]) for i in range(blocks)]
    layers += [nn.Conv2d(channels, out_channels * 4, 3, padding=1), nn.PixelShuffle(2), nn.LeakyReLU(LEAK, inplace=True)]
    return nn.Sequential(*layers)


class Generator(nn.Module):
    """line [N,1,H,W] in [-1,1] (white = +1) + hints [N,4,ceil(H/4),ceil(W/4)]
    -> rgb [N,3,H,W] in [-1,1]. Any H, W: pads internally to a multiple of 32
    (white paper for the line art, no hint for the hints), crops the result."""

    __constants__ = ["alignment", "hint_scale", "output_gain", "fill_channels", "gated"]

    def __init__(self, config: GeneratorConfig) -> None:
        super().__init__()
        self.config = config
        self.alignment, self.hint_scale, self.output_gain = ALIGNMENT, HINT_SCALE, OUTPUT_GAIN
        ngf, card = config.ngf, config.cardinality
        b4, b3, b2, b1 = config.tunnel_blocks
        self.enc0 = conv_act(1, ngf // 2)  # H
        self.enc1 = conv_act(ngf // 2, ngf, 4, 2)  # H/2
        self.hint_prior: nn.Module = HintPrior() if config.hint_prior else nn.Identity()
        self.region_fill: nn.Module = RegionFill(HINT_SCALE) if config.region_fill else NoRegionFill()
        self.fill_channels = REGION_FILL_CHANNELS if config.region_fill else 0
        prior = (PRIOR_CHANNELS if config.hint_prior else 4) + self.fill_channels
        self.enc2 = conv_act(ngf + prior, ngf * 2, 4, 2)  # H/4, hints join here
        self.enc3 = conv_act(ngf * 2 + prior, ngf * 4, 4, 2)  # H/8
        self.enc4 = conv_act(ngf * 4, ngf * 8, 4, 2)  # H/16
        self.tunnel4 = tunnel(ngf * 8, ngf * 8, ngf * 4, b4, card, DEEP_DILATIONS)
        self.tunnel3 = tunnel(ngf * 8, ngf * 4, ngf * 2, b3, card, DEEP_DILATIONS)
        self.tunnel2 = tunnel(ngf * 4 + prior, ngf * 2, ngf, b2, card, (1,))
        self.tunnel1 = tunnel(ngf * 2, ngf, ngf // 2, b1, card, (1,))
        self.exit = nn.Conv2d(ngf + self.fill_channels, 3, 3, padding=1)
        # The gate starts closed (zero weights: alpha = 0 everywhere), so a generator
        # that gains it computes what it did before, and learns where to open it.
        self.gated = config.region_fill and config.fill_gate
        self.gate = nn.Conv2d(ngf + self.fill_channels, 1, 3, padding=1) if self.gated else nn.Identity()
        if self.gated:
            nn.init.zeros_(self.gate.weight)
            nn.init.zeros_(self.gate.bias)

    @torch.jit.unused
    def config_json(self) -> dict[str, object]:
        return self.config.to_json()

    def forward(self, line: torch.Tensor, hints: torch.Tensor) -> torch.Tensor:
        return self.to_rgb(self.logits(line, hints))

    def to_rgb(self, logits: torch.Tensor) -> torch.Tensor:
        rgb = self.output_gain * torch.tanh(logits)
        if not self.training:
            rgb = rgb.clamp(-1.0, 1.0)
        return rgb

    def logits(self, line: torch.Tensor, hints: torch.Tensor) -> torch.Tensor:
        """Pre-tanh output [N,3,H,W]; training penalises its saturation."""
        x0, x1, x2, x3 = self.encode(line, hints)
        y = self.tunnel4(self.enc4(x3))
        y = self.tunnel3(torch.cat([y, x3], 1))
        y = self.tunnel2(torch.cat([y, x2], 1))
        y = self.tunnel1(torch.cat([y, x1], 1))
        return self.exit_logits(y, x0, x2, hints)[:, :, : line.shape[2], : line.shape[3]]

    def exit_logits(self, y: torch.Tensor, x0: torch.Tensor, x2: torch.Tensor, hints: torch.Tensor) -> torch.Tensor:
        """The exit layer on the last tunnel's output and the full-size skip. Gated:
        logits move towards those of the region fill's colour by alpha in [0, 1]
        (a learned gate, 0 without any hint), so where the network trusts the fill
        it can hand back exactly the hinted colour instead of an average of guesses."""
        z = torch.cat([y, self.full_size_skip(x0, x2)], 1)
        if not self.gated:
            return self.exit(z)
        # The exit and the gate read the same full-size input: one convolution with
        # both kernels (4 output channels) costs what either alone does on the CPU,
        # where a full-size convolution with so few outputs is bound by reading z.
        exit_bias, gate_bias = self.exit.bias, self.gate.bias
        assert exit_bias is not None and gate_bias is not None
        both = F.conv2d(z, torch.cat([self.exit.weight, self.gate.weight], 0), torch.cat([exit_bias, gate_bias], 0), padding=1)
        logits, gate = both[:, :3], both[:, 3:4]
        # The fill's logits at hint resolution, then brought to full size as the
        # fill itself is (nearest): the same numbers, a sixteenth of the work.
        fill = x2[:, x2.shape[1] - self.fill_channels : x2.shape[1] - self.fill_channels + 3]
        target = F.interpolate(torch.atanh((fill / self.output_gain).clamp(-0.999, 0.999)), scale_factor=float(self.hint_scale), mode="nearest")
        any_hint = (hints[:, 3:4].amax(dim=(2, 3), keepdim=True) > 0).to(logits.dtype)
        alpha = gate.clamp(0.0, 1.0) * any_hint
        return logits + alpha * (target - logits)

    def full_size_skip(self, x0: torch.Tensor, x2: torch.Tensor) -> torch.Tensor:
        """x0, with the region fill (the last channels of x2) beside it at full size, so
        the exit layer can copy a flat colour up to the line art's edge."""
        if self.fill_channels == 0:
            return x0
        return torch.cat([x0, F.interpolate(x2[:, x2.shape[1] - self.fill_channels :], scale_factor=float(self.hint_scale), mode="nearest")], 1)

    def encode(self, line: torch.Tensor, hints: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        """Checks the shapes, pads to the alignment (white paper, no hints) and runs
        the encoder up to 1/8: the skips x0 (H), x1 (H/2), x2 (H/4, hints joined), x3 (H/8).
        The caller crops its output back to the line art's size."""
        n, _, height, width = line.shape
        hint_h, hint_w = (height + self.hint_scale - 1) // self.hint_scale, (width + self.hint_scale - 1) // self.hint_scale
        assert line.shape[1] == 1, "line must have 1 channel"
        assert hints.shape[0] == n and hints.shape[1] == 4, "hints must be [N,4,h,w]"
        assert hints.shape[2] == hint_h and hints.shape[3] == hint_w, "hints must be ceil(H/4) x ceil(W/4)"
        pad_h, pad_w = (-height) % self.alignment, (-width) % self.alignment
        line = F.pad(line, [0, pad_w, 0, pad_h], value=1.0)
        hints = F.pad(hints, [0, (width + pad_w) // self.hint_scale - hint_w, 0, (height + pad_h) // self.hint_scale - hint_h], value=0.0)

        x0 = self.enc0(line)
        x1 = self.enc1(x0)
        prior = self.hint_prior(hints)
        if self.fill_channels > 0:
            prior = torch.cat([prior, self.region_fill(line, hints)], 1)
        if x1.is_contiguous(memory_format=torch.channels_last):
            # An exported (channels-last) model: the hints arrive NCHW, and a
            # concatenation of mixed layouts would make each full-size tensor
            # after it be copied back to channels-last.
            prior = prior.contiguous(memory_format=torch.channels_last)
        x2 = self.enc2(torch.cat([x1, F.interpolate(prior, scale_factor=2.0, mode="nearest")], 1))
        x2 = torch.cat([x2, prior], 1)
        return x0, x1, x2, self.enc3(x2)


def build_generator(variant: str = "small", **overrides: object) -> Generator:
    """Factory by variant name; keyword overrides (ngf, tunnel_blocks, cardinality) win."""
    base = generator_config(variant).to_json()
    base.update(overrides)
    return Generator(GeneratorConfig.from_json(base))
