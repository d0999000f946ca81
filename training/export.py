"""Export a trained generator to ONNX (model.onnx) for the server, with its manifest
and golden input/output files:

    /usr/bin/python3 -m training.export --run training/runs/alac-hints-small --name alac-hints-small

or rebuild a shipped model from its own weights (the initializers of its model.onnx,
or a model.pt of an older release), with its version's patch number raised:

    /usr/bin/python3 -m training.export --reexport models/alac-hints-small

The nn.Module is rebuilt from the architecture and the weights loaded as plain
tensors, so the run may have been trained with any torch version; Debian's 1.13
exports it."""
from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np
import torch

from training.modes import palette, reference, tags
from training.networks.conditioned import AutoGenerator
from training.networks.factory import generator_for_mode, load_generator
from training.networks.generator import Generator, GeneratorConfig
from training.onnx_weights import module_state_from_onnx

REPO_ROOT = Path(__file__).resolve().parents[1]
SIZE_RULES = {"multiple_of": 32, "min_side": 64, "max_side": 2048, "preferred_side": 512}
# The mode models' global condition spreads paint over blank paper when they
# work far above their 128-160 px training scale (seen on samples/lineart.png
# at 512: blotches in the background; at 320 the paper stays white), so they
# work at 320 by default; the colour is brought back to the canvas size and the
# user's line art composited at full resolution either way.
MODE_PREFERRED_SIDE = 320
MAX_BATCH = 4
GOLDEN_SIDE = 64
OPSET = 17
MODEL_FILE = "model.onnx"
RGB_CHANNELS = 3
# The input and output names model.json lists, and the dimensions that vary per call:
# the server binds inputs by these names and sizes its output buffer from them.
IMAGE_AXES = {0: "batch", 2: "height", 3: "width"}
HINT_AXES = {0: "batch", 2: "hint_height", 3: "hint_width"}


def _atanh(g: object, value: object) -> object:
    """torch 1.13 has no ONNX symbolic for aten::atanh (the fill gate's logits); ONNX has Atanh."""
    return g.op("Atanh", value)  # type: ignore[attr-defined]


torch.onnx.register_custom_op_symbolic("aten::atanh", _atanh, OPSET)


def export_onnx(generator: torch.nn.Module, path: Path, mode: str) -> None:
    """Traces ``generator`` (NCHW, eval) into ONNX with dynamic batch, height and width.
    The region fill's flood is scripted inside the trace (networks/hint_prior.py), so it
    is an ONNX Loop that stops when nothing changes, not the traced size's step count.
    No constant folding: the initializers stay the state_dict, by name (onnx_weights.py);
    ONNX Runtime folds constants itself when it loads the file."""
    inputs = mode_inputs(mode, *random_inputs(GOLDEN_SIDE, seed=1), random_condition(mode, seed=1))
    names = [entry["name"] for entry in manifest_inputs(mode)]
    axes = {name: IMAGE_AXES if name == "line" else HINT_AXES if name == "hints" else {0: "batch"} for name in names}
    with torch.no_grad():
        torch.onnx.export(generator.eval(), inputs, str(path), opset_version=OPSET, input_names=names, output_names=["rgb"],
                          dynamic_axes={**axes, "rgb": IMAGE_AXES}, do_constant_folding=False)
    complete_onnx(path, RGB_CHANNELS)
    check_exported_weights(generator, path)


def complete_onnx(path: Path, channels: int) -> None:
    """Declares the output's channel count, which torch 1.13's shape inference loses
    behind the flood Loop (it names the dimension, e.g. "Cliprgb_dim_1"). Declared, the
    output's whole shape follows from the inputs' named dimensions, so the server sizes
    it before the run and ONNX Runtime writes it straight into the server's buffer."""
    import onnx

    model = onnx.load(str(path))
    model.graph.output[0].type.tensor_type.shape.dim[1].dim_value = channels
    onnx.save(model, str(path))


def check_exported_weights(generator: torch.nn.Module, path: Path) -> None:
    """Every weight of ``generator`` is in the file unchanged (and so readable back)."""
    import onnx

    onnx.checker.check_model(str(path))
    stored = module_state_from_onnx(generator, path)
    for name, tensor in generator.state_dict().items():
        if not torch.equal(stored[name], tensor.contiguous()):
            raise RuntimeError(f"{path}: {name} differs from the module's")


def mode_inputs(mode: str, line: torch.Tensor, hints: torch.Tensor, condition: torch.Tensor | None) -> tuple[torch.Tensor, ...]:
    """Forward arguments of a model of ``mode`` (the manifest's input order)."""
    if mode == "auto":
        return (line,)
    if mode == "hints":
        return (line, hints)
    assert condition is not None
    return (line, hints, condition)


def random_condition(mode: str, seed: int, batch: int = 1) -> torch.Tensor | None:
    generator = torch.Generator().manual_seed(seed)
    if mode == "palette":
        histogram = torch.rand(batch, palette.BINS, generator=generator) ** 8
        return histogram / histogram.sum(dim=1, keepdim=True)
    if mode == "reference":
        return torch.rand(batch, 3, reference.REFERENCE_SIDE, reference.REFERENCE_SIDE, generator=generator) * 2.0 - 1.0
    if mode == "tags":
        return (torch.rand(batch, len(tags.VOCABULARY), generator=generator) < 0.3).float()
    return None


def manifest_inputs(mode: str) -> list[dict[str, object]]:
    inputs: list[dict[str, object]] = [{"name": "line", "channels": 1, "scale": 1, "range": [-1, 1]}]
    if mode != "auto":
        inputs.append({"name": "hints", "channels": 4, "scale": 0.25, "range": [-1, 1]})
    if mode == "palette":
        inputs.append({"name": "palette", "channels": palette.BINS, "shape": [palette.BINS], "range": [0, 1]})
    elif mode == "reference":
        side = reference.REFERENCE_SIDE
        inputs.append({"name": "reference", "channels": 3, "shape": [3, side, side], "range": [-1, 1]})
    elif mode == "tags":
        inputs.append({"name": "tags", "channels": len(tags.VOCABULARY), "shape": [len(tags.VOCABULARY)], "range": [0, 1]})
    return inputs


def random_inputs(side: int, seed: int, batch: int = 1) -> tuple[torch.Tensor, torch.Tensor]:
    """Line art in [-1, 1] and a hint tensor with ~10 % hinted cells."""
    generator = torch.Generator().manual_seed(seed)
    line = torch.rand(batch, 1, side, side, generator=generator) * 2.0 - 1.0
    mask = (torch.rand(batch, 1, side // 4, side // 4, generator=generator) < 0.1).float()
    colour = (torch.rand(batch, 3, side // 4, side // 4, generator=generator) * 2.0 - 1.0) * mask
    return line, torch.cat([colour, mask], 1)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_golden(module: torch.nn.Module, inputs: tuple[torch.Tensor, ...], folder: Path) -> Path:
    """Raw little-endian float32 inputs/outputs plus golden.json (model tensor convention)."""
    folder.mkdir(parents=True, exist_ok=True)
    with torch.no_grad():
        output = module(*inputs)
    entries = {"inputs": [], "outputs": []}
    files = [("inputs", f"in{i}.f32", tensor) for i, tensor in enumerate(inputs)] + [("outputs", "out0.f32", output)]
    for stale in folder.glob("in*.f32"):
        stale.unlink()
    for kind, name, tensor in files:
        tensor.detach().cpu().numpy().astype("<f4").tofile(folder / name)
        entries[kind].append({"file": name, "shape": list(tensor.shape)})
    path = folder / "golden.json"
    path.write_text(json.dumps(entries, indent=2) + "\n")
    return path


def export_model(generator: torch.nn.Module, folder: Path, manifest: dict[str, object], mode: str = "hints") -> Path:
    """Exports ``generator`` to <folder>/model.onnx and writes <folder>/model.json
    (``manifest`` supplies name, description, training...). Its output through ONNX
    Runtime is checked against PyTorch's golden files by the server's tests."""
    folder.mkdir(parents=True, exist_ok=True)
    model_path = folder / MODEL_FILE
    export_onnx(generator, model_path, mode)
    document = {
        "name": manifest["name"],
        "version": manifest.get("version", "1.0.0"),
        "kind": mode,
        "description": manifest.get("description", ""),
        "file": model_path.name,
        "format": "onnx",
        "sha256": sha256_of(model_path),
        "inputs": manifest_inputs(mode),
        **({"tags": list(tags.VOCABULARY), "tag_rule": f"a tag names a colour covering >= {tags.TAG_SHARE:.0%} of the painted pixels (training/modes/tags.py)"} if mode == "tags" else {}),
        "outputs": [{"name": "rgb", "channels": RGB_CHANNELS, "scale": 1, "range": [-1, 1]}],
        "size_rules": SIZE_RULES if mode == "hints" else {**SIZE_RULES, "preferred_side": MODE_PREFERRED_SIDE},
        "max_batch": MAX_BATCH,
        **({"default": True} if manifest.get("default") else {}),
        "license": manifest.get("license", "Apache-2.0"),
        "architecture": {"generator": generator.config_json(), "parameters": sum(p.numel() for p in generator.parameters())},
        "training": manifest.get("training", {}),
        "evaluation": manifest.get("evaluation", {}),
        **({"notes": manifest["notes"]} if manifest.get("notes") else {}),
        "exported_with": {"torch": torch.__version__, "onnx_opset": OPSET},
    }
    path = folder / "model.json"
    path.write_text(json.dumps(document, indent=2) + "\n")
    return path


def training_summary(run_dir: Path) -> dict[str, object]:
    options = json.loads((run_dir / "options.json").read_text())
    state = torch.load(run_dir / "checkpoint" / "training_state.pt", map_location="cpu")
    return {
        "data": data_licences(options),
        "hardware": "CPU: 2 shared cores (Debian 12, torch 1.13)" if options.get("device_used") == "cpu" else options.get("device_name", options.get("device_used")),
        "iterations": int(state["iteration"]),
        "batch": options["batch"],
        "crop": options["crop"],
        "wall_time_minutes": round(float(state["trained_seconds"]) / 60.0, 1),
        "losses": {"reconstruction": options["reconstruction_loss"], "adversarial_weight": options["adversarial_weight"],
                   **({"features": Path(str(options["feature_loss"])).name, "feature_weight": options["feature_weight"]} if options.get("feature_weight") else {})},
        "started_from": started_from(run_dir),
    }


def data_licences(options: dict[str, object]) -> list[dict[str, object]]:
    """The data sources and licences model.json records: a packed cache's own
    list (data/art_sources.py), else openclipart's or a placeholder for a folder.
    A source whose licence forbids shipping a model stops the export."""
    sources = options.get("data_sources")
    if sources:
        refused = [str(s["name"]) for s in sources if not s["shippable"]]  # type: ignore[index, union-attr]
        if refused:
            raise SystemExit(f"the run trained on {', '.join(refused)}, whose licence does not allow shipping the model (data/art_sources.py)")
        return [{"source": s["origin"], "license": s["license"], "attribution": s["attribution"]} for s in sources]  # type: ignore[index, union-attr]
    if "openclipart" in str(options["data"]):
        return [{"source": "openclipart-png (Debian package), filtered; see training/RESULTS.md", "license": "public domain (CC0)"}]
    return [{"source": options["data"], "license": "as stated by the data owner"}]


def started_from(run_dir: Path) -> list[dict[str, object]]:
    """The --init-from chain of a run, nearest parent first: each run's name,
    iterations and wall time (what a fine-tune's own figures leave out)."""
    chain: list[dict[str, object]] = []
    parent = json.loads((run_dir / "options.json").read_text()).get("init_from")
    while parent and (Path(parent) / "checkpoint" / "training_state.pt").exists() and len(chain) < 16:
        state = torch.load(Path(parent) / "checkpoint" / "training_state.pt", map_location="cpu")
        chain.append({"run": Path(parent).name, "iterations": int(state["iteration"]), "wall_time_minutes": round(float(state["trained_seconds"]) / 60.0, 1)})
        parent = json.loads((Path(parent) / "options.json").read_text()).get("init_from")
    return chain


def generator_for_manifest(manifest: dict[str, object]) -> torch.nn.Module:
    """The nn.Module a model.json describes (architecture and kind), with fresh weights."""
    base = Generator(GeneratorConfig.from_json(manifest["architecture"]["generator"]))  # type: ignore[index, arg-type]
    kind = str(manifest["kind"])
    if kind == "auto":
        return AutoGenerator(base)
    return generator_for_mode(kind, base)


def shipped_weights(folder: Path, manifest: dict[str, object], module: torch.nn.Module) -> dict[str, torch.Tensor]:
    """The weights of the model in ``folder``: its model.onnx's initializers, or the
    state_dict of a TorchScript model.pt a release before ONNX shipped."""
    path = folder / str(manifest["file"])
    if path.suffix == ".onnx":
        return module_state_from_onnx(module, path)
    return {name: tensor.contiguous() for name, tensor in torch.jit.load(str(path), map_location="cpu").state_dict().items()}


def next_patch(version: str) -> str:
    major, minor, patch = version.split(".")
    return f"{major}.{minor}.{int(patch) + 1}"


def reexport(folder: Path, fixtures_root: Path) -> tuple[Path, Path]:
    """Rebuilds the model in ``folder`` from its own weights into model.onnx (same
    weights, version's patch raised, a note saying so), removes a model.pt it
    replaces, and writes its golden files from PyTorch."""
    old = json.loads((folder / "model.json").read_text())
    generator = generator_for_manifest(old).eval()
    generator.load_state_dict(shipped_weights(folder, old, generator), strict=True)
    mode, version = str(old["kind"]), next_patch(str(old["version"]))
    note = f"{version}: the weights of {old['version']} re-exported by training/export.py --reexport to ONNX (opset {OPSET}) for ONNX Runtime; same weights."
    manifest = {**old, "version": version, "notes": note}
    path = export_model(generator, folder, manifest, mode)
    replaced = folder / str(old["file"])
    if replaced.name != MODEL_FILE:
        replaced.unlink()
    golden = write_golden(generator, mode_inputs(mode, *golden_inputs(), golden_condition(mode)), fixtures_root / str(old["name"]))
    return path, golden


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--run", type=Path, help="training run folder (options.json + checkpoint/generator.npz)")
    source.add_argument("--reexport", type=Path, metavar="MODEL_DIR", help="a shipped model folder (models/NAME) to rebuild from its own weights")
    parser.add_argument("--name", help="model name (with --run): writes models/<name>/ and tests/fixtures/models/<name>/")
    parser.add_argument("--version", default="1.0.0", help="model version recorded in model.json")
    parser.add_argument("--description", help="one line for ListModels (default: one per mode)")
    parser.add_argument("--default", action="store_true", help="mark it the server's default model (\"default\": true in model.json)")
    parser.add_argument("--as-auto", action="store_true", help="export a hint run as an auto model: forward(line), hints always empty")
    parser.add_argument("--evaluation", type=Path, help="evaluation figures to embed (default: training/results/evaluation[_MODE].json)")
    parser.add_argument("--models-dir", type=Path, default=REPO_ROOT / "models", help="model repository root")
    parser.add_argument("--fixtures-dir", type=Path, default=REPO_ROOT / "tests" / "fixtures" / "models", help="golden files root")
    options = parser.parse_args(argv)

    if options.reexport:
        if not (options.reexport / "model.json").is_file():
            raise SystemExit(f"{options.reexport}: no model.json; pass a model folder such as models/alac-hints-small")
        for written in reexport(options.reexport, options.fixtures_dir):
            print(written)
        return
    if not options.name:
        raise SystemExit("--run needs --name")
    generator = load_generator(options.run).eval()
    mode = json.loads((options.run / "options.json").read_text()).get("mode", "hints")
    if options.as_auto:
        if mode != "hints":
            raise SystemExit("--as-auto takes a hint run")
        generator, mode = AutoGenerator(generator).eval(), "auto"
    evaluation_path = options.evaluation or REPO_ROOT / "training" / "results" / ("evaluation.json" if mode == "hints" else f"evaluation_{mode}.json")
    evaluation = json.loads(evaluation_path.read_text()) if evaluation_path.exists() else {}
    description = options.description or DESCRIPTIONS[mode]
    manifest = {"name": options.name, "version": options.version, "description": description, "default": options.default,
                "training": training_summary(options.run), "evaluation": evaluation}
    print(export_model(generator, options.models_dir / options.name, manifest, mode))
    line, hints = golden_inputs()
    print(write_golden(generator, mode_inputs(mode, line, hints, golden_condition(mode)), options.fixtures_dir / options.name))


DESCRIPTIONS = {
    "hints": "Hint-guided line art colorization (Ci et al. 2018 generator with a region fill of the hints, small CPU-trained variant).",
    "auto": "Automatic line art colorization, no hints (the hint generator, trained with 10 % empty hints, fed none; small CPU-trained variant).",
    "palette": "Line art colorization after a colour palette / 512-bin histogram, plus optional dots (small CPU-trained variant).",
    "reference": "Line art colorization after a reference illustration (style2paints V1 style), plus optional dots (small CPU-trained variant).",
    "tags": "Line art colorization from colour tags such as red, blue (Tag2Pix style SECat), plus optional dots (small CPU-trained variant).",
}


def golden_condition(mode: str) -> torch.Tensor | None:
    """A fixed, meaningful condition for the golden files: a red/blue palette, a
    reference of red and blue areas, the tags red and blue."""
    if mode == "palette":
        return torch.from_numpy(palette.palette_histogram([(210, 40, 40), (45, 80, 200)], [2.0, 1.0]))[None]
    if mode == "reference":
        image = np.full((128, 128, 3), 255, np.uint8)
        image[10:60, 10:60], image[70:120, 50:120] = (210, 40, 40), (45, 80, 200)
        return torch.from_numpy(reference.to_reference_tensor(image))[None]
    if mode == "tags":
        return torch.from_numpy(tags.encode_tags(["red", "blue"]))[None]
    return None


def golden_inputs() -> tuple[torch.Tensor, torch.Tensor]:
    """A drawn 64x64 test card (circle and square outlines) with three colour hints,
    so the golden output exercises real colour propagation, not noise."""
    ys, xs = np.mgrid[0:GOLDEN_SIDE, 0:GOLDEN_SIDE]
    ink = (np.abs(np.hypot(ys - 22, xs - 22) - 14) < 1.2) | ((np.abs(ys - 44) < 14) & (np.abs(xs - 44) < 14) & ((np.abs(ys - 44) > 12) | (np.abs(xs - 44) > 12)))
    line = torch.from_numpy(np.where(ink, -1.0, 1.0).astype(np.float32))[None, None]
    hints = torch.zeros(1, 4, GOLDEN_SIDE // 4, GOLDEN_SIDE // 4)
    for (row, col), rgb in (((5, 5), (0.9, 0.1, 0.1)), ((11, 11), (0.1, 0.3, 0.9)), ((2, 13), (0.2, 0.8, 0.2))):
        hints[0, :3, row, col] = torch.tensor(rgb) * 2.0 - 1.0
        hints[0, 3, row, col] = 1.0
    return line, hints


if __name__ == "__main__":
    main()
