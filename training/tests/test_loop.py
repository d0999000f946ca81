from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from training.checkpoint import load_weights
from training.export import export_model
from training.loop import learning_rate, training_loop
from training.networks.conditioned import AutoGenerator
from training.networks.generator import build_generator
from training.options import parse_options


@pytest.fixture
def art_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "art"
    folder.mkdir()
    rng = np.random.default_rng(0)
    for i in range(8):
        image = np.full((96, 96, 3), 255, np.uint8)
        for _ in range(4):
            top, left = rng.integers(0, 60, 2)
            image[top : top + 30, left : left + 30] = rng.integers(0, 256, 3)
        Image.fromarray(image).save(folder / f"art_{i}.png")
    return folder


def _options(art_folder: Path, tmp_path: Path, iterations: int) -> list[str]:
    return ["--data", str(art_folder), "--name", "smoke", "--runs-dir", str(tmp_path / "runs"), "--cache-dir", str(tmp_path / "cache"),
            "--variant", "tiny", "--crop", "32", "--cache-side", "48", "--batch", "2", "--iterations", str(iterations),
            "--sample-every", "2", "--validation-percent", "30", "--device", "cpu", "--warmup", "1"]


def test_run_writes_checkpoint_samples_curves_and_resumes(art_folder: Path, tmp_path: Path) -> None:
    run_dir = training_loop(parse_options(_options(art_folder, tmp_path, 2)))

    assert (run_dir / "checkpoint" / "generator.npz").exists() and (run_dir / "losses.png").exists()
    assert sorted(p.name for p in (run_dir / "samples").iterdir())[-1] == "0000002.png"
    assert json.loads((run_dir / "options.json").read_text())["generator_config"]["ngf"] == 8

    training_loop(parse_options(_options(art_folder, tmp_path, 3)))

    saved = json.loads((run_dir / "checkpoint" / "options.json").read_text())
    assert saved["iterations"] == 3
    assert (run_dir / "samples" / "0000003.png").exists()


def test_learning_rate_warms_up_then_steps_down() -> None:
    options = parse_options(["--lr", "1e-3", "--lr-final", "1e-4", "--warmup", "10", "--iterations", "100", "--decay-at", "0.5"])

    assert learning_rate(options, 0) == pytest.approx(1e-4)
    assert learning_rate(options, 20) == pytest.approx(1e-3)
    assert learning_rate(options, 60) == pytest.approx(1e-4)


def test_crop_must_fit_the_cache() -> None:
    with pytest.raises(SystemExit):
        parse_options(["--crop", "200", "--cache-side", "160"])


def test_adversarial_run_trains_and_checkpoints_the_critic(art_folder: Path, tmp_path: Path) -> None:
    options = parse_options(_options(art_folder, tmp_path, 2) + ["--adversarial-weight", "1e-4", "--ndf", "8", "--name", "adversarial"])

    run_dir = training_loop(options)

    assert (run_dir / "checkpoint" / "critic.npz").exists()
    saved_options = json.loads((run_dir / "checkpoint" / "options.json").read_text())
    assert saved_options["adversarial_weight"] == 1e-4


def test_a_run_gains_the_region_fill_and_its_gate_from_a_parent_without_them(art_folder: Path, tmp_path: Path) -> None:
    parent = training_loop(parse_options(_options(art_folder, tmp_path, 1) + ["--name", "parent", "--region-fill", "off"]))
    child = training_loop(parse_options(_options(art_folder, tmp_path, 1) + ["--name", "child", "--init-from", str(parent), "--region-fill", "on", "--fill-gate", "on", "--lr", "0"]))
    same = training_loop(parse_options(_options(art_folder, tmp_path, 1) + ["--name", "same", "--init-from", str(parent), "--lr", "0"]))

    assert json.loads((parent / "options.json").read_text())["generator_config"]["region_fill"] is False
    assert {k: v for k, v in json.loads((child / "options.json").read_text())["generator_config"].items() if k in ("region_fill", "fill_gate")} == {"region_fill": True, "fill_gate": True}
    assert json.loads((same / "options.json").read_text())["generator_config"]["region_fill"] is False, "without --region-fill the parent's architecture is kept"
    widened, trained = build_generator("tiny"), build_generator("tiny")
    load_weights(widened, parent / "checkpoint" / "generator.npz", widen_inputs=True, new_layers=("gate.",))
    load_weights(trained, child / "checkpoint" / "generator.npz")
    for key, value in widened.state_dict().items():
        assert np.array_equal(trained.state_dict()[key].numpy(), value.numpy()), key
    assert not trained.gate.weight.any(), "the gate the parent lacked starts closed"


def test_a_run_starts_from_a_shipped_model_read_back_from_its_onnx_file(art_folder: Path, tmp_path: Path) -> None:
    parent = training_loop(parse_options(_options(art_folder, tmp_path, 1) + ["--name", "parent"]))
    shipped = build_generator("tiny")
    load_weights(shipped, parent / "checkpoint" / "generator.npz")
    export_model(shipped.eval(), tmp_path / "models" / "parent", {"name": "parent"})

    child = training_loop(parse_options(_options(art_folder, tmp_path, 1) + ["--name", "child", "--init-from", str(tmp_path / "models" / "parent"), "--lr", "0"]))

    trained = build_generator("tiny")
    load_weights(trained, child / "checkpoint" / "generator.npz")
    for key, value in shipped.state_dict().items():
        assert torch.equal(trained.state_dict()[key], value), key
    export_model(AutoGenerator(shipped).eval(), tmp_path / "models" / "auto", {"name": "auto"}, "auto")
    with pytest.raises(SystemExit, match="kind 'auto'"):
        training_loop(parse_options(_options(art_folder, tmp_path, 1) + ["--name", "wrongkind", "--init-from", str(tmp_path / "models" / "auto")]))


def test_a_run_with_the_feature_loss_records_it_and_needs_a_reference_run(art_folder: Path, tmp_path: Path) -> None:
    reference = training_loop(parse_options(_options(art_folder, tmp_path, 1) + ["--name", "reference", "--mode", "reference"]))

    run = training_loop(parse_options(_options(art_folder, tmp_path, 2) + ["--name", "features", "--feature-loss", str(reference), "--feature-weight", "0.5"]))

    history = torch.load(run / "checkpoint" / "training_state.pt")["history"]
    assert any("train_features" in record for record in history)
    with pytest.raises(SystemExit, match="--feature-loss"):
        training_loop(parse_options(_options(art_folder, tmp_path, 1) + ["--name", "nofeatures", "--feature-weight", "0.5"]))
    with pytest.raises(SystemExit, match="--mode reference"):
        training_loop(parse_options(_options(art_folder, tmp_path, 1) + ["--name", "wrongrun", "--feature-loss", str(run), "--feature-weight", "0.5"]))
    with pytest.raises(SystemExit, match="No such file"):
        training_loop(parse_options(_options(art_folder, tmp_path, 1) + ["--name", "norun", "--feature-loss", str(tmp_path / "missing"), "--feature-weight", "0.5"]))
