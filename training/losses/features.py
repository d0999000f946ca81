"""A feature loss from a network trained here, standing in for the paper's VGG16
perceptual loss (whose ImageNet weights cannot be downloaded; issue 4, item 4).

The network is the reference encoder of a trained reference-mode run
(networks/conditioned.py ReferenceEncoder: four strided convs learned on this
project's clip art, to tell the generator an illustration's colours). Its
weights are frozen; the loss is the mean L1 distance between its activations
for the output and for the truth, layer by layer, each layer's term divided by
its mean activation size on the truth so no layer dominates."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from training.networks.conditioned import ReferenceEncoder
from training.onnx_weights import onnx_state_dict

ENCODER_PREFIX = "encoder.features."


class FeatureLoss(nn.Module):
    def __init__(self, features: nn.Sequential) -> None:
        super().__init__()
        self.features = features.eval()
        for parameter in self.features.parameters():
            parameter.requires_grad_(False)

    @staticmethod
    def from_run(run_dir: Path) -> FeatureLoss:
        """The frozen encoder of ``run_dir``: a reference-mode run (its
        checkpoint/generator.npz), a shipped reference model (models/NAME, whose
        model.onnx initializers are its weights), or an .npz of the encoder's
        tensors alone (what a GPU pack carries: gpu/pack.py)."""
        if run_dir.suffix == ".npz":
            path = run_dir
            with np.load(path) as arrays:
                weights = {name: torch.from_numpy(arrays[name]) for name in arrays.files}
        elif (run_dir / "model.json").is_file():
            path = run_dir / str(json.loads((run_dir / "model.json").read_text())["file"])
            weights = onnx_state_dict(path)
        else:
            path = run_dir / "checkpoint" / "generator.npz"
            with np.load(path) as arrays:
                weights = {name: torch.from_numpy(arrays[name]) for name in arrays.files}
        state = {name[len(ENCODER_PREFIX) :]: tensor for name, tensor in weights.items() if name.startswith(ENCODER_PREFIX)}
        if not state:
            raise ValueError(f"{path} has no reference encoder ({ENCODER_PREFIX}*): --feature-loss takes a run trained with --mode reference")
        features = ReferenceEncoder().features
        features.load_state_dict(state, strict=True)
        return FeatureLoss(features)

    def train(self, mode: bool = True) -> FeatureLoss:
        super().train(mode)
        self.features.eval()  # always frozen
        return self

    def forward(self, output: torch.Tensor, truth: torch.Tensor) -> torch.Tensor:
        total = output.new_zeros(())
        x, y = output, truth
        count = 0
        for layer in self.features:
            x, y = layer(x), layer(y)
            if isinstance(layer, nn.LeakyReLU):
                total = total + F.l1_loss(x, y) / y.abs().mean().detach().clamp(min=1e-3)
                count += 1
        return total / max(count, 1)
