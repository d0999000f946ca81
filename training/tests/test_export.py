from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import torch

from training.export import export_model, golden_inputs, random_inputs, sha256_of, write_golden
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
    manifest = json.loads(manifest_path.read_text())
    assert manifest["sha256"] == sha256_of(tmp_path / "m" / "model.pt")
    assert manifest["kind"] == "hints" and manifest["size_rules"]["multiple_of"] == 32
    assert [i["name"] for i in manifest["inputs"]] == ["line", "hints"]


def test_golden_files_are_raw_little_endian_float32(tmp_path: Path) -> None:
    torch.manual_seed(0)
    generator = build_generator("tiny").eval()
    line, hints = golden_inputs()

    description = json.loads(write_golden(generator, line, hints, tmp_path).read_text())

    output_entry = description["outputs"][0]
    assert output_entry["shape"] == [1, 3, 64, 64]
    stored = np.fromfile(tmp_path / output_entry["file"], dtype="<f4").reshape(output_entry["shape"])
    with torch.no_grad():
        assert np.allclose(stored, generator(line, hints).numpy())
    assert [e["shape"] for e in description["inputs"]] == [[1, 1, 64, 64], [1, 4, 16, 16]]
