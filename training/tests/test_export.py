from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch

from training.export import export_model, golden_condition, golden_inputs, mode_inputs, random_inputs, sha256_of, write_golden
from training.modes.registry import MODES
from training.networks.conditioned import AutoGenerator, build_conditioned
from training.networks.generator import build_generator


def test_exported_module_matches_eager_module(tmp_path: Path) -> None:
    torch.manual_seed(0)
    generator = build_generator("tiny").eval()

    manifest_path = export_model(generator, tmp_path / "m", {"name": "m"})
    scripted = torch.jit.load(str(tmp_path / "m" / "model.pt"))

    line, hints = random_inputs(64, seed=5, batch=2)
    with torch.no_grad():
        assert torch.allclose(scripted(line, hints), generator(line, hints), atol=1e-5)
    odd_line, odd_hints = torch.ones(1, 1, 45, 70), torch.zeros(1, 4, 12, 18)
    with torch.no_grad():
        assert scripted(odd_line, odd_hints).shape == (1, 3, 45, 70)
    convolutions = [p for p in scripted.parameters() if p.dim() == 4]
    assert convolutions and all(p.is_contiguous(memory_format=torch.channels_last) for p in convolutions), "saved channels-last for oneDNN"
    manifest = json.loads(manifest_path.read_text())
    assert manifest["sha256"] == sha256_of(tmp_path / "m" / "model.pt")
    assert manifest["kind"] == "hints" and manifest["size_rules"]["multiple_of"] == 32
    assert [i["name"] for i in manifest["inputs"]] == ["line", "hints"]


def test_golden_files_are_raw_little_endian_float32(tmp_path: Path) -> None:
    torch.manual_seed(0)
    generator = build_generator("tiny").eval()
    line, hints = golden_inputs()

    description = json.loads(write_golden(generator, (line, hints), tmp_path).read_text())

    output_entry = description["outputs"][0]
    assert output_entry["shape"] == [1, 3, 64, 64]
    stored = np.fromfile(tmp_path / output_entry["file"], dtype="<f4").reshape(output_entry["shape"])
    with torch.no_grad():
        assert np.allclose(stored, generator(line, hints).numpy())
    assert [e["shape"] for e in description["inputs"]] == [[1, 1, 64, 64], [1, 4, 16, 16]]


@pytest.mark.parametrize("mode", ["auto", "palette", "reference", "tags"])
def test_mode_models_export_with_their_inputs_and_goldens(mode: str, tmp_path: Path) -> None:
    torch.manual_seed(0)
    base = build_generator("tiny")
    generator = (AutoGenerator(base) if mode == "auto" else build_conditioned(mode, base, MODES[mode].shape[0])).eval()

    manifest = json.loads(export_model(generator, tmp_path / "m", {"name": "m"}, mode).read_text())
    line, hints = golden_inputs()
    inputs = mode_inputs(mode, line, hints, golden_condition(mode))
    description = json.loads(write_golden(generator, inputs, tmp_path / "golden").read_text())

    names = [i["name"] for i in manifest["inputs"]]
    assert manifest["kind"] == mode
    assert names == {"auto": ["line"], "palette": ["line", "hints", "palette"], "reference": ["line", "hints", "reference"], "tags": ["line", "hints", "tags"]}[mode]
    assert [e["shape"][1:] for e in description["inputs"]][len(names) - 1:] == [[*MODES[mode].shape] if mode != "auto" else [1, 64, 64]]
    if mode == "tags":
        assert manifest["tags"][:2] == ["red", "orange"] and manifest["inputs"][2]["shape"] == [len(manifest["tags"])]
    scripted = torch.jit.load(str(tmp_path / "m" / "model.pt"))
    with torch.no_grad():
        assert torch.allclose(scripted(*inputs), generator(*inputs), atol=1e-5)
