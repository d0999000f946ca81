from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from training.checkpoint import load_checkpoint, load_weights, save_checkpoint, save_weights
from training.networks.generator import build_generator


def test_weights_round_trip_through_plain_npz(tmp_path: Path) -> None:
    torch.manual_seed(0)
    source, target = build_generator("tiny"), build_generator("tiny")

    save_weights(source, tmp_path / "g.npz")
    load_weights(target, tmp_path / "g.npz")

    with np.load(tmp_path / "g.npz", allow_pickle=False) as arrays:
        assert arrays.files
    for a, b in zip(source.state_dict().values(), target.state_dict().values()):
        assert torch.equal(a, b)


def test_loading_weights_of_another_shape_fails(tmp_path: Path) -> None:
    save_weights(build_generator("tiny"), tmp_path / "g.npz")

    with pytest.raises(RuntimeError):
        load_weights(build_generator("tiny", ngf=16), tmp_path / "g.npz")


def test_checkpoint_replaces_previous_one_and_keeps_options(tmp_path: Path) -> None:
    generator = build_generator("tiny")
    folder = tmp_path / "checkpoint"

    save_checkpoint(folder, {"generator": generator}, {"iteration": 1}, {"lr": 0.1})
    save_checkpoint(folder, {"generator": generator}, {"iteration": 2}, {"lr": 0.1})

    assert load_checkpoint(folder, {"generator": build_generator("tiny")})["iteration"] == 2
    assert (folder / "options.json").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["checkpoint"]


def test_widening_load_starts_the_region_fill_switched_off(tmp_path: Path) -> None:
    torch.manual_seed(0)
    parent = build_generator("tiny", region_fill=False).eval()
    save_weights(parent, tmp_path / "g.npz")
    child = build_generator("tiny", region_fill=True, fill_gate=False).eval()
    line = torch.ones(1, 1, 32, 32)
    line[0, 0, 16, :] = -1.0
    hints = torch.zeros(1, 4, 8, 8)
    hints[0, :, 2, 2] = torch.tensor([1.0, -1.0, 0.0, 1.0])

    with pytest.raises(RuntimeError):
        load_weights(child, tmp_path / "g.npz")
    load_weights(child, tmp_path / "g.npz", widen_inputs=True)

    with torch.no_grad():
        assert torch.equal(child(line, hints), parent(line, hints))
    assert child.exit.weight.shape[1] > parent.exit.weight.shape[1]
    gated = build_generator("tiny", region_fill=True)
    with pytest.raises(RuntimeError, match="gate"):
        load_weights(gated, tmp_path / "g.npz", widen_inputs=True)
    load_weights(gated, tmp_path / "g.npz", widen_inputs=True, new_layers=("gate.",))
    assert not gated.gate.weight.any()


def test_widening_load_refuses_a_narrower_or_reshaped_layer(tmp_path: Path) -> None:
    save_weights(build_generator("tiny", region_fill=True), tmp_path / "g.npz")

    with pytest.raises(ValueError, match="cannot widen"):
        load_weights(build_generator("tiny", region_fill=False), tmp_path / "g.npz", widen_inputs=True)
