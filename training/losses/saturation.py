"""Keeps the generator's tanh out of saturation, where its gradients vanish and a
no-normalisation network cannot recover (seen on CPU: every output stuck at
white). Zero for every logit a valid colour needs (networks/generator.py)."""
from __future__ import annotations

import torch

from training.networks.generator import SATURATION_LIMIT


def saturation_penalty(logits: torch.Tensor, limit: float = SATURATION_LIMIT) -> torch.Tensor:
    return torch.relu(logits.abs() - limit).pow(2).mean()
