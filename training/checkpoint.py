"""Checkpoints that survive torch upgrades: weights as plain .npz tensors (training/README.md,
"Train on your own folder"); optimizer state via torch.save, which only has to load in the
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


def load_weights(module: nn.Module, path: Path, widen_inputs: bool = False, new_layers: tuple[str, ...] = ()) -> None:
    """Loads the .npz at ``path`` into ``module``; see load_state."""
    with np.load(path) as arrays:
        state = {name: torch.from_numpy(arrays[name]) for name in arrays.files}
    load_state(module, state, path, widen_inputs, new_layers)


def load_state(module: nn.Module, state: dict[str, torch.Tensor], source: Path, widen_inputs: bool = False, new_layers: tuple[str, ...] = ()) -> None:
    """Strict load: a missing or unexpected tensor is an error, not a silent partial load.
    ``widen_inputs``: a weight the module has more input channels for (dim 1) than the
    file gets the file's values in its first channels and zeros after them, so new
    inputs appended to a layer start switched off and the module computes what the
    file's did (a generator gaining the region fill from a trained one); and the
    layers listed in ``new_layers`` (prefixes), which the file may lack, keep the
    module's own initialisation (the fill gate, which starts closed)."""
    if widen_inputs:
        own = module.state_dict()
        for name, tensor in state.items():
            target = own.get(name)
            if target is None or target.shape == tensor.shape:
                continue
            if target.dim() < 2 or target.shape[0] != tensor.shape[0] or target.shape[2:] != tensor.shape[2:] or target.shape[1] < tensor.shape[1]:
                raise ValueError(f"{source}: {name} has shape {tuple(tensor.shape)}, which cannot widen to {tuple(target.shape)}")
            widened = torch.zeros_like(target)
            widened[:, : tensor.shape[1]] = tensor
            state[name] = widened
        for name, tensor in own.items():
            if name not in state and name.startswith(new_layers):
                state[name] = tensor
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
