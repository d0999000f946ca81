"""The GPU run end to end on the CPU at tiny scale: pack, train with critic and
feature loss, bring back shards, rebuild the run here, export it, continue it."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from training.export import main as export_main
from training.gpu.bundle import unpack_run
from training.gpu.pack import build_pack
from training.gpu.run import main as run_main
from training.networks.factory import load_generator

REPO_ROOT = Path(__file__).resolve().parents[2]


def _art(folder: Path, count: int, side: int, seed: int) -> Path:
    folder.mkdir(parents=True)
    rng = np.random.default_rng(seed)
    for i in range(count):
        image = np.full((side, side + 8, 3), 255, np.uint8)
        for _ in range(5):
            top, left = rng.integers(0, side - 24, 2)
            image[top : top + 24, left : left + 24] = rng.integers(0, 256, 3)
        Image.fromarray(image).save(folder / f"art_{i}.png")
    return folder


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pack")
    roots = {"openclipart": _art(root / "clip", 10, 104, 0), "twemoji": _art(root / "emoji", 10, 104, 1)}
    Image.new("RGB", (98, 98), "red").save(root / "clip" / "small.png")
    manifest = build_pack(["openclipart", "twemoji"], root / "out", min_side=100, side=96, tile=64, tiles_per_image=2, max_images=None,
                          validation_percent=20.0, allow_unshippable=False, roots=roots)
    assert manifest["dropped"].get("shorter than 100 px") == 1
    assert manifest["kept"]["train"] + manifest["kept"]["val"] == 2 * 20
    assert [s["name"] for s in manifest["sources"]] == ["openclipart", "twemoji"]
    return root / "out"


def _run(pack: Path, tmp_path: Path, *extra: str) -> None:
    run_main(["--minutes", "1", "--pack", str(pack), "--out", str(tmp_path / "out"), "--runs-dir", str(tmp_path / "runs"),
              "--variant", "tiny", "--crop", "48", "--crop-curriculum", "32", "--batch", "2", "--sample-every", "2", "--warmup", "1",
              "--threads", "2", "--ndf", "8", *extra])


def test_the_gpu_run_brings_back_plain_tensors_that_export_here(pack: Path, tmp_path: Path) -> None:
    _run(pack, tmp_path, "--iterations", "3")

    files = sorted((tmp_path / "out").iterdir())
    assert len(files) <= 8 and all(f.stat().st_size < 16 * 2**20 for f in files)
    record = json.loads((tmp_path / "out" / "run.json").read_text())
    assert record["iteration"] == 3 and record["generator_from"] == "held-out best"
    assert record["options"]["adversarial_weight"] > 0 and record["options"]["feature_weight"] > 0
    assert record["options"]["feature_loss"].endswith("feature-encoder.npz")
    run_dir = unpack_run(tmp_path / "out", tmp_path / "back")
    generator = load_generator(run_dir)
    assert generator.config.ngf == 8
    export_main(["--run", str(run_dir), "--name", "gpu-tiny", "--models-dir", str(tmp_path / "models"), "--fixtures-dir", str(tmp_path / "fixtures")])
    manifest = json.loads((tmp_path / "models" / "gpu-tiny" / "model.json").read_text())
    assert [entry["license"] for entry in manifest["training"]["data"]][0].startswith("CC0")
    assert "Twemoji" in manifest["training"]["data"][1]["attribution"]
    assert (tmp_path / "models" / "gpu-tiny" / "model.onnx").is_file()


def test_a_run_brought_back_continues_on_the_next_machine(pack: Path, tmp_path: Path) -> None:
    _run(pack, tmp_path / "first", "--iterations", "2")
    _run(pack, tmp_path / "second", "--iterations", "4", "--precision", "bf16", "--resume-from", str(tmp_path / "first" / "out"))

    record = json.loads((tmp_path / "second" / "out" / "run.json").read_text())
    assert record["iteration"] == 4
    assert [entry["iteration"] for entry in record["history"] if "train_reconstruction" in entry] == [1, 2, 3, 4]


def test_the_gpu_run_needs_somewhere_to_write(pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OUT", raising=False)
    with pytest.raises(SystemExit, match="--out is required"):
        run_main(["--pack", str(pack)])


def test_a_pack_refuses_art_whose_licence_forbids_shipping(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="may not ship"):
        build_pack(["live2d"], tmp_path / "out", 64, 64, 48, 1, None, 5.0, allow_unshippable=False, roots={"live2d": tmp_path})
    with pytest.raises(ValueError, match="unknown art source 'openmoji'"):
        build_pack(["openmoji"], tmp_path / "out", 64, 64, 48, 1, None, 5.0, allow_unshippable=True)


def test_export_refuses_a_run_trained_on_unshippable_art() -> None:
    from training.data.art_sources import art_source
    from training.export import data_licences

    with pytest.raises(SystemExit, match="live2d"):
        data_licences({"data": "x", "data_sources": [art_source("openclipart").to_json(), art_source("live2d").to_json()]})
