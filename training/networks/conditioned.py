"""Generators for the hint modes of issue 8, built around the hint generator
(networks/generator.py) so a mode starts from the trained hint model: every
new layer that touches the U-Net is zero-initialised, so at step 0 a mode
model colours exactly like its parent and fine-tuning only has to learn to
use the new condition.

- auto: the hint generator with no hint input (hints are always empty).
- palette: a 512-bin histogram -> MLP -> FiLM (scale, shift) on the bottleneck
  and on the output of every decoder tunnel.
- reference: a small CNN encodes the reference image (no pretrained VGG can be
  had here) -> FiLM on the bottleneck and the two deep tunnels (the middle of
  the U-Net, style2paints V1); two guide decoders on the bottleneck, before
  and after the injection, predict greyscale and colour (deep supervision).
- tags: multi-hot colour tags -> embedding -> SECat (squeeze, concatenate the
  tag embedding, excite) on the bottleneck and every tunnel output (Tag2Pix);
  one guide decoder on the bottleneck before the injection.

Guide decoders are training-only and live outside the generator
(GuideDecoders), so the exported model holds only what serving needs."""
from __future__ import annotations

from typing import List, Tuple

import torch
import torch.nn.functional as F
from torch import nn

from training.networks.blocks import LEAK
from training.networks.generator import Generator, GeneratorConfig

EMBEDDING = 256


def _zero(layer: nn.Linear) -> nn.Linear:
    nn.init.zeros_(layer.weight)
    nn.init.zeros_(layer.bias)
    return layer


class FiLM(nn.Module):
    """x * (1 + scale(e)) + shift(e); zero-initialised = identity."""

    def __init__(self, embedding: int, channels: int) -> None:
        super().__init__()
        self.project = _zero(nn.Linear(embedding, 2 * channels))

    def forward(self, x: torch.Tensor, embedding: torch.Tensor) -> torch.Tensor:
        scale, shift = self.project(embedding).chunk(2, dim=1)
        return x * (1.0 + scale[:, :, None, None]) + shift[:, :, None, None]


class SECat(nn.Module):
    """Squeeze-and-excitation with the tag embedding concatenated to the squeezed
    features (Tag2Pix). The excitation is 2*sigmoid so the zero-initialised last
    layer is the identity (the parent's behaviour) rather than a halving."""

    def __init__(self, embedding: int, channels: int, reduction: int = 4) -> None:
        super().__init__()
        hidden = max(16, channels // reduction)
        self.squeeze = nn.Linear(channels + embedding, hidden)
        self.excite = _zero(nn.Linear(hidden, channels))

    def forward(self, x: torch.Tensor, embedding: torch.Tensor) -> torch.Tensor:
        pooled = x.mean(dim=(2, 3))
        weights = 2.0 * torch.sigmoid(self.excite(F.leaky_relu(self.squeeze(torch.cat([pooled, embedding], 1)), 0.2)))  # 0.2 = LEAK; TorchScript needs a literal
        return x * weights[:, :, None, None]


class PaletteEncoder(nn.Module):
    def __init__(self, bins: int = 512) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(2 * bins, 512), nn.LeakyReLU(LEAK), nn.Linear(512, EMBEDDING), nn.LeakyReLU(LEAK))

    def forward(self, histogram: torch.Tensor) -> torch.Tensor:
        # sqrt lifts small shares (a colour on 3 % of the picture still matters)
        return self.net(torch.cat([histogram, histogram.clamp(min=0.0).sqrt()], 1))


class ReferenceEncoder(nn.Module):
    """[N,3,128,128] -> [N,EMBEDDING]: strided convs, then mean and max pooling
    (colour statistics and the strongest local patterns)."""

    def __init__(self) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        channels = [3, 32, 64, 128, 128]
        for a, b in zip(channels[:-1], channels[1:]):
            layers += [nn.Conv2d(a, b, 4, 2, 1), nn.LeakyReLU(LEAK)]
        self.features = nn.Sequential(*layers)
        self.project = nn.Sequential(nn.Linear(2 * channels[-1], EMBEDDING), nn.LeakyReLU(LEAK))

    def forward(self, reference: torch.Tensor) -> torch.Tensor:
        x = self.features(reference)
        return self.project(torch.cat([x.mean(dim=(2, 3)), x.amax(dim=(2, 3))], 1))


class TagEncoder(nn.Module):
    def __init__(self, tags: int) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(tags, EMBEDDING), nn.LeakyReLU(LEAK), nn.Linear(EMBEDDING, EMBEDDING), nn.LeakyReLU(LEAK))

    def forward(self, tags: torch.Tensor) -> torch.Tensor:
        return self.net(tags)


def _tunnel_channels(config: GeneratorConfig) -> List[int]:
    ngf = config.ngf
    return [ngf * 8, ngf * 4, ngf * 2, ngf, ngf // 2]  # bottleneck, then each tunnel's output


class ConditionedGenerator(nn.Module):
    """line [N,1,H,W], hints [N,4,H/4,W/4], condition [N,...] -> rgb [N,3,H,W].

    ``injection`` is "film" or "secat"; ``depth`` how many of the five points
    (bottleneck, tunnel 4, 3, 2, 1 outputs) receive the condition."""

    __constants__ = ["alignment", "hint_scale", "output_gain", "depth"]

    def __init__(self, base: Generator, encoder: nn.Module, injection: str, depth: int) -> None:
        super().__init__()
        self.base = base
        self.encoder = encoder
        self.alignment, self.hint_scale, self.output_gain, self.depth = base.alignment, base.hint_scale, base.output_gain, depth
        block = FiLM if injection == "film" else SECat
        self.inject = nn.ModuleList([block(EMBEDDING, c) for c in _tunnel_channels(base.config)[:depth]])

    @torch.jit.unused
    def config_json(self) -> dict[str, object]:
        return self.base.config_json()

    def forward(self, line: torch.Tensor, hints: torch.Tensor, condition: torch.Tensor) -> torch.Tensor:
        return self.to_rgb(self.features(line, hints, condition)[0])

    def to_rgb(self, logits: torch.Tensor) -> torch.Tensor:
        rgb = self.output_gain * torch.tanh(logits)
        if not self.training:
            rgb = rgb.clamp(-1.0, 1.0)
        return rgb

    def logits(self, line: torch.Tensor, hints: torch.Tensor, condition: torch.Tensor) -> torch.Tensor:
        return self.features(line, hints, condition)[0]

    def features(self, line: torch.Tensor, hints: torch.Tensor, condition: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """(logits, bottleneck before injection, bottleneck after), the last two for guide decoders."""
        g = self.base
        assert condition.shape[0] == line.shape[0], "condition must have the batch size of line"
        x0, x1, x2, x3 = g.encode(line, hints)
        embedding = self.encoder(condition)
        before = g.enc4(x3)
        after = self._inject(before, 0, embedding)
        y = g.tunnel4(after)
        y = self._inject(y, 1, embedding)
        y = g.tunnel3(torch.cat([y, x3], 1))
        y = self._inject(y, 2, embedding)
        y = g.tunnel2(torch.cat([y, x2], 1))
        y = self._inject(y, 3, embedding)
        y = g.tunnel1(torch.cat([y, x1], 1))
        y = self._inject(y, 4, embedding)
        logits = g.exit_logits(y, x0, x2, hints)[:, :, : line.shape[2], : line.shape[3]]
        return logits, before, after

    def _inject(self, y: torch.Tensor, point: int, embedding: torch.Tensor) -> torch.Tensor:
        for index, inject in enumerate(self.inject):
            if index == point:
                y = inject(y, embedding)
        return y


class AutoGenerator(nn.Module):
    """The hint generator fed empty hints: forward(line) only."""

    __constants__ = ["hint_scale"]

    def __init__(self, base: Generator) -> None:
        super().__init__()
        self.base = base
        self.hint_scale = base.hint_scale

    @torch.jit.unused
    def config_json(self) -> dict[str, object]:
        return self.base.config_json()

    def empty_hints(self, line: torch.Tensor) -> torch.Tensor:
        height, width = line.shape[2], line.shape[3]
        return torch.zeros(line.shape[0], 4, (height + self.hint_scale - 1) // self.hint_scale, (width + self.hint_scale - 1) // self.hint_scale,
                           dtype=line.dtype, device=line.device)

    def forward(self, line: torch.Tensor) -> torch.Tensor:
        return self.base(line, self.empty_hints(line))


class GuideDecoder(nn.Module):
    """Bottleneck [N,C,H/16,W/16] -> [N,out,H,W] (pixel-shuffle x16), training only."""

    def __init__(self, channels: int, out_channels: int) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        for _ in range(4):
            nxt = max(16, channels // 2)
            layers += [nn.Conv2d(channels, nxt * 4, 3, padding=1), nn.PixelShuffle(2), nn.LeakyReLU(LEAK)]
            channels = nxt
        layers += [nn.Conv2d(channels, out_channels, 3, padding=1), nn.Tanh()]
        self.net = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


MODE_LAYOUT = {
    # mode: (injection, depth, guides: list of (name, source feature, channels out, loss weight))
    "palette": ("film", 5, []),
    # style2paints V1: guide 1 (greyscale, before the reference) alpha 0.3, guide 2 (colour, after) beta 0.9
    "reference": ("film", 3, [("grey", "before", 1, 0.3), ("colour", "after", 3, 0.9)]),
    # Tag2Pix: a guide decoder on the encoder's output (before the tags)
    "tags": ("secat", 5, [("colour", "before", 3, 0.9)]),
}


def build_conditioned(mode: str, base: Generator, condition_size: int) -> ConditionedGenerator:
    if mode not in MODE_LAYOUT:
        raise ValueError(f"no conditioned generator for mode {mode!r}; known: {sorted(MODE_LAYOUT)}")
    injection, depth, _ = MODE_LAYOUT[mode]
    encoder: nn.Module
    if mode == "palette":
        encoder = PaletteEncoder(condition_size)
    elif mode == "reference":
        encoder = ReferenceEncoder()
    else:
        encoder = TagEncoder(condition_size)
    return ConditionedGenerator(base, encoder, injection, depth)


class GuideDecoders(nn.Module):
    def __init__(self, mode: str, bottleneck_channels: int) -> None:
        super().__init__()
        self.layout = MODE_LAYOUT[mode][2]
        self.decoders = nn.ModuleDict({name: GuideDecoder(bottleneck_channels, out) for name, _, out, _ in self.layout})

    def loss(self, before: torch.Tensor, after: torch.Tensor, truth: torch.Tensor) -> tuple[torch.Tensor, dict[str, float]]:
        """Weighted L1 of every guide against the truth (grey guide: against its luma)."""
        total = truth.new_zeros(())
        parts: dict[str, float] = {}
        for name, source, out, weight in self.layout:
            prediction = self.decoders[name](before if source == "before" else after)[:, :, : truth.shape[2], : truth.shape[3]]
            target = truth if out == 3 else (0.299 * truth[:, 0:1] + 0.587 * truth[:, 1:2] + 0.114 * truth[:, 2:3])
            value = (prediction - target).abs().mean()
            parts[f"guide_{name}"] = float(value)
            total = total + weight * value
        return total, parts
