from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import onnx
import torch

from training.export import export_model, golden_condition, golden_inputs, main, mode_inputs, random_inputs, sha256_of, write_golden
from training.modes.registry import MODES
from training.networks.conditioned import AutoGenerator, build_conditioned
from training.networks.generator import build_generator
from training.onnx_weights import module_state_from_onnx, onnx_state_dict


def _graph_inputs(path: Path) -> dict[str, list[str | int]]:
    """Each graph input's dimensions: the name of a dynamic one, the size of a fixed one."""
    model = onnx.load(str(path))
    return {i.name: [d.dim_param or d.dim_value for d in i.type.tensor_type.shape.dim] for i in model.graph.input}


def test_export_writes_onnx_with_dynamic_sizes_the_flood_loop_and_every_weight(tmp_path: Path) -> None:
    torch.manual_seed(0)
    generator = build_generator("tiny").eval()

    manifest_path = export_model(generator, tmp_path / "m", {"name": "m"})

    model_file = tmp_path / "m" / "model.onnx"
    manifest = json.loads(manifest_path.read_text())
    assert manifest["file"] == "model.onnx" and manifest["format"] == "onnx" and manifest["sha256"] == sha256_of(model_file)
    assert manifest["kind"] == "hints" and manifest["size_rules"]["multiple_of"] == 32
    assert [i["name"] for i in manifest["inputs"]] == ["line", "hints"]
    assert _graph_inputs(model_file) == {"line": ["batch", 1, "height", "width"], "hints": ["batch", 4, "hint_height", "hint_width"]}
    graph = onnx.load(str(model_file)).graph
    assert [d.dim_param or d.dim_value for d in graph.output[0].type.tensor_type.shape.dim] == ["batch", 3, "height", "width"]
    assert sum(node.op_type == "Loop" for node in graph.node) == 2, "the region fill's two floods stay loops, not unrolled steps"
    stored = onnx_state_dict(model_file)
    for name, tensor in generator.state_dict().items():
        assert torch.equal(stored[name], tensor), name


def test_weights_read_back_from_onnx_rebuild_the_same_module(tmp_path: Path) -> None:
    torch.manual_seed(0)
    generator = build_generator("tiny").eval()
    export_model(generator, tmp_path / "m", {"name": "m"})
    rebuilt = build_generator("tiny").eval()

    rebuilt.load_state_dict(module_state_from_onnx(rebuilt, tmp_path / "m" / "model.onnx"), strict=True)

    line, hints = random_inputs(64, seed=5, batch=2)
    with torch.no_grad():
        assert torch.equal(rebuilt(line, hints), generator(line, hints))


def test_weights_from_onnx_of_another_architecture_are_refused(tmp_path: Path) -> None:
    export_model(build_generator("tiny").eval(), tmp_path / "m", {"name": "m"})

    with pytest.raises(ValueError, match="shape|initializer"):
        module_state_from_onnx(build_generator("small"), tmp_path / "m" / "model.onnx")


def test_reexport_of_a_torchscript_release_keeps_its_weights_and_raises_the_patch(tmp_path: Path) -> None:
    torch.manual_seed(0)
    generator = build_generator("tiny").eval()
    folder = tmp_path / "models" / "m"
    export_model(generator, folder, {"name": "m", "version": "1.2.3", "default": True})
    (folder / "model.onnx").unlink()
    torch.jit.script(generator).save(str(folder / "model.pt"))
    manifest = json.loads((folder / "model.json").read_text())
    (folder / "model.json").write_text(json.dumps({**manifest, "file": "model.pt", "sha256": sha256_of(folder / "model.pt")}))

    main(["--reexport", str(folder), "--fixtures-dir", str(tmp_path / "fixtures")])

    manifest = json.loads((folder / "model.json").read_text())
    assert manifest["version"] == "1.2.4" and manifest["default"] is True and "1.2.3" in manifest["notes"]
    assert manifest["file"] == "model.onnx" and not (folder / "model.pt").exists()
    assert manifest["sha256"] == sha256_of(folder / "model.onnx")
    stored = onnx_state_dict(folder / "model.onnx")
    assert all(torch.equal(stored[name], tensor) for name, tensor in generator.state_dict().items())
    golden = json.loads((tmp_path / "fixtures" / "m" / "golden.json").read_text())
    expected = np.fromfile(tmp_path / "fixtures" / "m" / "out0.f32", dtype="<f4").reshape(golden["outputs"][0]["shape"])
    with torch.no_grad():
        assert np.array_equal(expected, generator(*golden_inputs()).numpy())


def test_reexport_of_an_onnx_release_rebuilds_it_from_its_own_initializers(tmp_path: Path) -> None:
    torch.manual_seed(0)
    folder = tmp_path / "m"
    export_model(build_conditioned("palette", build_generator("tiny"), MODES["palette"].shape[0]).eval(), folder, {"name": "m", "version": "2.0.0"}, "palette")
    before = onnx_state_dict(folder / "model.onnx")

    main(["--reexport", str(folder), "--fixtures-dir", str(tmp_path / "fixtures")])

    after = onnx_state_dict(folder / "model.onnx")
    assert json.loads((folder / "model.json").read_text())["version"] == "2.0.1"
    assert before.keys() == after.keys() and all(torch.equal(before[name], after[name]) for name in before)


def test_reexport_without_a_manifest_says_what_it_needs(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="no model.json"):
        main(["--reexport", str(tmp_path)])


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
    assert list(_graph_inputs(tmp_path / "m" / "model.onnx")) == names, "the graph's inputs are model.json's, in its order"
