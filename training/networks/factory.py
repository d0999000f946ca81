"""The one builder of a run's generator, for training (loop.py), evaluation
(eval/) and export alike: the hint generator, wrapped for the run's mode.
Unknown mode names raise ValueError listing the known ones (modes/registry.py)."""
from __future__ import annotations

import json
from pathlib import Path

from torch import nn

from training.checkpoint import load_weights
from training.modes.registry import get_mode
from training.networks.conditioned import AutoGenerator, ConditionedGenerator, build_conditioned
from training.networks.generator import Generator, GeneratorConfig


def generator_for_mode(mode_name: str, base: Generator) -> Generator | ConditionedGenerator:
    """What a run of this mode trains around the hint generator ``base``: ``base``
    itself (modes hints and auto, which take no condition) or a ConditionedGenerator
    (palette, reference, tags) whose encoder takes the mode's condition."""
    mode = get_mode(mode_name)
    if mode.condition is None:
        return base
    return build_conditioned(mode.name, base, mode.shape[0])


def load_generator(run_dir: Path) -> nn.Module:
    """The run's trained generator: a Generator, an AutoGenerator (mode auto, forward(line))
    or a ConditionedGenerator (modes palette/reference/tags, forward(line, hints, condition))."""
    options = json.loads((run_dir / "options.json").read_text())
    base = Generator(GeneratorConfig.from_json(options["generator_config"]))
    mode_name = options.get("mode", "hints")
    generator = generator_for_mode(mode_name, base)
    load_weights(generator, run_dir / "checkpoint" / "generator.npz")
    return AutoGenerator(base) if mode_name == "auto" else generator
