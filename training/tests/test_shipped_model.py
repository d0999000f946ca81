"""The default model in models/ is what its manifest and golden files say it is: the
network model.json describes, with the weights read back from model.onnx, gives the
golden output (ONNX Runtime's own output is checked against it by the C# tests)."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import torch

from training.export import SIZE_RULES, generator_for_manifest
from training.onnx_weights import module_state_from_onnx

REPO_ROOT = Path(__file__).resolve().parents[2]
MODEL_DIR = REPO_ROOT / "models" / "alac-hints-small"
GOLDEN_DIR = REPO_ROOT / "tests" / "fixtures" / "models" / "alac-hints-small"


def _load_f32(entry: dict[str, object]) -> torch.Tensor:
    shape = [int(v) for v in entry["shape"]]  # type: ignore[union-attr]
    return torch.from_numpy(np.fromfile(GOLDEN_DIR / str(entry["file"]), dtype="<f4").reshape(shape))


def test_manifest_matches_the_model_file() -> None:
    manifest = json.loads((MODEL_DIR / "model.json").read_text())

    assert manifest["sha256"] == hashlib.sha256((MODEL_DIR / manifest["file"]).read_bytes()).hexdigest()
    assert manifest["kind"] == "hints" and manifest["size_rules"] == SIZE_RULES and manifest["format"] == "onnx"
    assert (MODEL_DIR / manifest["file"]).stat().st_size < 40 * 2**20


def test_shipped_model_reproduces_its_golden_output() -> None:
    golden = json.loads((GOLDEN_DIR / "golden.json").read_text())
    manifest = json.loads((MODEL_DIR / "model.json").read_text())
    model = generator_for_manifest(manifest).eval()
    model.load_state_dict(module_state_from_onnx(model, MODEL_DIR / manifest["file"]), strict=True)

    with torch.no_grad():
        output = model(*(_load_f32(entry) for entry in golden["inputs"]))

    expected = _load_f32(golden["outputs"][0])
    assert output.shape == expected.shape and output.abs().max() <= 1.0
    assert torch.allclose(output, expected, atol=1e-4)
