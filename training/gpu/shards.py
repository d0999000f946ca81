"""Weights as plain tensors in files small enough to come back from a device
machine (at most 16 MiB a file, 8 files): float16 .npz shards and an index.
float16 halves the paper-size generator (19.5 M weights, 78 MB in float32) to
three shards; a tensor float16 cannot hold (|w| > 60000) stays float32. Read
back as float32, they load into torch 1.13 as into torch 2.x (DESIGN.md:
carry weights between torch versions as plain tensors)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch

SHARD_BYTES = 15 * 2**20  # under the 16 MiB a returned file may have, with room for the npz headers
FLOAT16_LIMIT = 60000.0


def save_shards(state: dict[str, torch.Tensor], folder: Path, prefix: str, shard_bytes: int = SHARD_BYTES) -> dict[str, object]:
    """Writes ``prefix-NN.npz`` files to ``folder``; returns the index
    ({"files": [...], "tensors": {name: file}}) to keep beside them."""
    folder.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, np.ndarray] = {}
    for name, tensor in state.items():
        array = tensor.detach().cpu().float().numpy()
        arrays[name] = array.astype(np.float16) if array.size and np.abs(array).max() <= FLOAT16_LIMIT else array
        if arrays[name].nbytes > shard_bytes:
            raise ValueError(f"{name} alone is {arrays[name].nbytes} bytes, more than a shard ({shard_bytes})")
    # First fit, largest first: fewest files (a device run brings back at most 8).
    shards: list[dict[str, np.ndarray]] = []
    sizes: list[int] = []
    for name in sorted(arrays, key=lambda n: -arrays[n].nbytes):
        room = next((i for i, size in enumerate(sizes) if size + arrays[name].nbytes <= shard_bytes), None)
        if room is None:
            shards.append({})
            sizes.append(0)
            room = len(shards) - 1
        shards[room][name] = arrays[name]
        sizes[room] += arrays[name].nbytes
    index: dict[str, object] = {"files": [], "tensors": {}}
    for number, shard in enumerate(shards):
        file_name = f"{prefix}-{number:02d}.npz"
        with open(folder / file_name, "wb") as handle:
            np.savez(handle, **shard)
        index["files"].append(file_name)  # type: ignore[attr-defined]
        index["tensors"].update({name: file_name for name in shard})  # type: ignore[attr-defined]
    return index


def load_shards(folder: Path, index: dict[str, object]) -> dict[str, torch.Tensor]:
    """The float32 tensors an index names, read from its shards in ``folder``."""
    state: dict[str, torch.Tensor] = {}
    for file_name in index["files"]:  # type: ignore[attr-defined]
        path = folder / str(file_name)
        if not path.is_file():
            raise FileNotFoundError(f"{path}: a weight shard the index names is missing")
        with np.load(path) as arrays:
            state.update({name: torch.from_numpy(arrays[name].astype(np.float32)) for name in arrays.files})
    missing = set(index["tensors"]) - set(state)  # type: ignore[arg-type]
    if missing:
        raise ValueError(f"{folder}: tensors missing from the shards: {sorted(missing)[:5]}")
    return state
