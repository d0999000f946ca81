"""The one generator builder: the right network per mode, the names it refuses,
and a saved run loaded back as the kind each mode serves."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from training.checkpoint import save_weights
from training.modes.registry import MODES
from training.networks.conditioned import AutoGenerator, ConditionedGenerator, build_conditioned
from training.networks.factory import generator_for_mode, load_generator
from training.networks.generator import Generator, build_generator


@pytest.mark.parametrize("mode", sorted(MODES))
def test_generator_for_mode_conditions_only_the_modes_with_a_condition(mode: str) -> None:
    base = build_generator("tiny")

    generator = generator_for_mode(mode, base)

    if MODES[mode].condition is None:
        assert generator is base
    else:
        assert isinstance(generator, ConditionedGenerator) and generator.base is base


def test_unknown_mode_names_are_refused_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match="unknown mode 'sepia'.*palette"):
        generator_for_mode("sepia", build_generator("tiny"))
    with pytest.raises(ValueError, match="no conditioned generator for mode 'hints'"):
        build_conditioned("hints", build_generator("tiny"), 1)


def _saved_run(folder: Path, mode: str, generator: torch.nn.Module, config: dict[str, object]) -> Path:
    (folder / "checkpoint").mkdir(parents=True)
    (folder / "options.json").write_text(json.dumps({"mode": mode, "generator_config": config}))
    save_weights(generator, folder / "checkpoint" / "generator.npz")
    return folder


@pytest.mark.parametrize("mode, kind", [("hints", Generator), ("auto", AutoGenerator), ("palette", ConditionedGenerator)])
def test_load_generator_rebuilds_the_run_with_its_weights(mode: str, kind: type, tmp_path: Path) -> None:
    torch.manual_seed(0)
    base = build_generator("tiny")
    trained = generator_for_mode(mode, base)
    run = _saved_run(tmp_path / mode, mode, trained, base.config_json())

    loaded = load_generator(run)

    assert isinstance(loaded, kind)
    weights = loaded.base if isinstance(loaded, AutoGenerator) else loaded
    for key, value in trained.state_dict().items():
        assert torch.equal(weights.state_dict()[key], value), key
