"""Checkpoints that survive torch upgrades: weights as plain .npz tensors (DESIGN.md
decision 3); optimizer state via torch.save, which only has to load in the
same torch that wrote it (resuming a run)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import torch
from torch import nn


def save_weights(module: nn.Module, path: Path) -> None:
    arrays = {name: tensor.detach().cpu().numpy() for name, tensor in module.state_dict().items()}
    with open(path, "wb") as handle:
        np.savez(handle, **arrays)


def load_weights(module: nn.Module, path: Path) -> None:
    """Strict load: a missing or unexpected tensor is an error, not a silent partial load."""
    with np.load(path) as arrays:
        state = {name: torch.from_numpy(arrays[name]) for name in arrays.files}
    module.load_state_dict(state, strict=True)


def save_checkpoint(folder: Path, modules: dict[str, nn.Module], training_state: dict[str, object], options: dict[str, object]) -> None:
    """Writes <folder> atomically (a temporary sibling renamed into place), so an
    interrupted run always leaves the previous complete checkpoint."""
    staging = folder.with_name(folder.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for name, module in modules.items():
        save_weights(module, staging / f"{name}.npz")
    torch.save(training_state, staging / "training_state.pt")
    (staging / "options.json").write_text(json.dumps(options, indent=2, sort_keys=True))
    previous = folder.with_name(folder.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if folder.exists():
        folder.rename(previous)
    staging.rename(folder)
    shutil.rmtree(previous, ignore_errors=True)


def load_checkpoint(folder: Path, modules: dict[str, nn.Module]) -> dict[str, object]:
    for name, module in modules.items():
        load_weights(module, folder / f"{name}.npz")
    return torch.load(folder / "training_state.pt", map_location="cpu")
