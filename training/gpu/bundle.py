"""A run folder <-> the few files a device machine brings back: weight shards
(shards.py), run.json (options, progress, loss history, the shard index),
losses.png and the last sample grid. ``pack_run`` runs there; ``unpack_run``
rebuilds a run folder here that export.py exports and train.py resumes
(with fresh Adam moments: the optimiser state is twice the weights and does not fit)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import torch

from training.gpu.shards import load_shards, save_shards

RUN_FILE = "run.json"
WEIGHTS_PREFIX = "weights"


def module_weights(folder: Path) -> dict[str, torch.Tensor]:
    """Every <module>.npz of a checkpoint folder as "<module>/<tensor>" entries."""
    state: dict[str, torch.Tensor] = {}
    for path in sorted(folder.glob("*.npz")):
        with np.load(path) as arrays:
            state.update({f"{path.stem}/{name}": torch.from_numpy(arrays[name]) for name in arrays.files})
    return state


def pack_run(run_dir: Path, out: Path) -> list[Path]:
    """Writes the run's weights (the generator of the held-out best when there is
    one, the rest as last saved) and its record to ``out``; returns the files."""
    checkpoint = run_dir / "checkpoint"
    state = module_weights(checkpoint)
    best_file = run_dir / "best" / "generator.npz"
    best = json.loads((run_dir / "best" / "best.json").read_text()) if best_file.is_file() else None
    if best_file.is_file():
        state = {name: tensor for name, tensor in state.items() if not name.startswith("generator/")}
        with np.load(best_file) as arrays:
            state.update({f"generator/{name}": torch.from_numpy(arrays[name]) for name in arrays.files})
    training_state = torch.load(checkpoint / "training_state.pt", map_location="cpu")
    record = {
        "options": json.loads((run_dir / "options.json").read_text()),
        "iteration": int(training_state["iteration"]),
        "trained_seconds": float(training_state["trained_seconds"]),
        "history": training_state["history"],
        "generator_from": "held-out best" if best else "last checkpoint",
        "best": best,
        "torch": torch.__version__,
        "device_name": torch.cuda.get_device_name() if torch.cuda.is_available() else "cpu",
        "index": save_shards(state, out, WEIGHTS_PREFIX),
    }
    (out / RUN_FILE).write_text(json.dumps(record) + "\n")
    written = [out / str(name) for name in record["index"]["files"]] + [out / RUN_FILE]  # type: ignore[index]
    samples = sorted((run_dir / "samples").glob("*.png"))
    for source, name in ((run_dir / "losses.png", "losses.png"), (samples[-1] if samples else None, "samples.png")):
        if source is not None and source.is_file():
            shutil.copyfile(source, out / name)
            written.append(out / name)
    return written


def unpack_run(source: Path, run_dir: Path) -> Path:
    """A run folder (options.json, checkpoint/<module>.npz in float32,
    training_state.pt without optimiser state) from the files ``pack_run`` wrote."""
    record_path = source / RUN_FILE
    if not record_path.is_file():
        raise SystemExit(f"{source}: no {RUN_FILE}; pass the folder a GPU run's files came back to")
    record = json.loads(record_path.read_text())
    state = load_shards(source, record["index"])
    checkpoint = run_dir / "checkpoint"
    checkpoint.mkdir(parents=True, exist_ok=True)
    (run_dir / "samples").mkdir(exist_ok=True)
    modules = sorted({name.split("/", 1)[0] for name in state})
    for module in modules:
        arrays = {name.split("/", 1)[1]: tensor.numpy() for name, tensor in state.items() if name.startswith(module + "/")}
        with open(checkpoint / f"{module}.npz", "wb") as handle:
            np.savez(handle, **arrays)
    options = json.dumps(record["options"], indent=2, sort_keys=True)
    (run_dir / "options.json").write_text(options)
    (checkpoint / "options.json").write_text(options)
    torch.save({"iteration": record["iteration"], "history": record["history"], "trained_seconds": record["trained_seconds"],
                "best_val_l1": (record["best"] or {}).get("val_l1", float("inf")), "g_optimizer": None, "d_optimizer": None},
               checkpoint / "training_state.pt")
    for name in ("losses.png", "samples.png"):
        if (source / name).is_file():
            shutil.copyfile(source / name, run_dir / name)
    return run_dir
