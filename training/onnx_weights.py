"""Weights read back from an exported model.onnx: its initializers are the
generator's state_dict under the same names (export.py exports without constant
folding, so none is folded away or renamed); a weight whose values equal another's
the exporter keeps once, and names the other as an Identity of it. Training can so start from a
shipped model, and a shipped model be re-exported from its own file, with only
plain tensors crossing torch versions (DESIGN.md, decision 4)."""
from __future__ import annotations

from pathlib import Path

import onnx
import torch
from onnx import numpy_helper
from torch import nn


def onnx_state_dict(path: Path) -> dict[str, torch.Tensor]:
    """Every initializer of the ONNX file at ``path``, and every Identity of one, by name, as a torch tensor."""
    model = onnx.load(str(path))
    tensors = {initializer.name: torch.from_numpy(numpy_helper.to_array(initializer).copy()) for initializer in model.graph.initializer}
    for node in model.graph.node:
        if node.op_type == "Identity" and node.input[0] in tensors:
            tensors[node.output[0]] = tensors[node.input[0]]
    return tensors


def module_state_from_onnx(module: nn.Module, path: Path) -> dict[str, torch.Tensor]:
    """The entries of ``module``'s state_dict found in the ONNX file; raises naming
    any tensor the file lacks or holds in another shape."""
    stored = onnx_state_dict(path)
    state: dict[str, torch.Tensor] = {}
    for name, own in module.state_dict().items():
        if name not in stored:
            raise ValueError(f"{path} holds no initializer {name!r}: not exported by training/export.py from this architecture")
        if stored[name].shape != own.shape:
            raise ValueError(f"{path}: {name} has shape {tuple(stored[name].shape)}, the module {tuple(own.shape)}")
        state[name] = stored[name]
    return state
