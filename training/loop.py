"""The training loop: resumable, seeded, with progress bar, sample grids, loss
curves and time-based checkpoints (stylegan2-ada's training_loop, in small)."""
from __future__ import annotations

import argparse
import json
import random
import signal
import time
from pathlib import Path
from typing import Iterator

import numpy as np
import torch
from tqdm import tqdm

from training.acceleration import autocast_factory, configure_backends, maybe_compile
from training.checkpoint import load_checkpoint, load_state, save_checkpoint, save_weights
from training.curriculum import crop_for_progress, run_progress
from training.data.cache import load_split
from training.data.options import cache_from_options
from training.data.pairs import PairSettings, PairStream, fixed_batch
from training.device import resolve_device
from training.losses.features import FeatureLoss
from training.losses.reconstruction import get_reconstruction_loss
from training.losses.saturation import saturation_penalty
from training.losses.wgan_gp import critic_loss, generator_adversarial_loss
from training.networks.conditioned import ConditionedGenerator, GuideDecoders
from training.networks.critic import Critic
from training.networks.factory import generator_for_mode
from training.networks.generator import Generator, GeneratorConfig, build_generator
from training.onnx_weights import onnx_state_dict
from training.options import options_to_json
from training.visualise import plot_losses, sample_grid

GRID_SAMPLES = 6
VALIDATION_SAMPLES = 32


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


NEW_LAYERS = ("gate.",)  # layers a generator may gain over its --init-from parent; they start switched off


def parent_generator(folder: Path) -> tuple[dict[str, object], dict[str, torch.Tensor], Path]:
    """Generator config, weights and their file of an --init-from parent: a training
    run folder (options.json + checkpoint/generator.npz), or a shipped hint model
    (models/NAME: model.json + model.onnx, whose initializers are its weights)."""
    if (folder / "model.json").is_file():
        manifest = json.loads((folder / "model.json").read_text())
        if manifest.get("kind") != "hints":
            raise SystemExit(f"--init-from {folder}: a model of kind {manifest.get('kind')!r}; training starts from a hint model")
        weights = folder / str(manifest["file"])
        return manifest["architecture"]["generator"], onnx_state_dict(weights), weights
    weights = folder / "checkpoint" / "generator.npz"
    with np.load(weights) as arrays:
        state = {name: torch.from_numpy(arrays[name]) for name in arrays.files}
    return json.loads((folder / "options.json").read_text())["generator_config"], state, weights


def generator_from_options(options: argparse.Namespace) -> Generator | ConditionedGenerator:
    """The hint generator (modes hints and auto) or a conditioned one around it;
    --init-from loads a trained hint generator's weights into it first."""
    overrides: dict[str, object] = {}
    if options.init_from:
        parent_config, parent_state, parent_file = parent_generator(Path(options.init_from))
        overrides = GeneratorConfig.from_json(parent_config).to_json()
    if options.ngf:
        overrides["ngf"] = options.ngf
    if options.tunnel_blocks:
        overrides["tunnel_blocks"] = tuple(options.tunnel_blocks)
    for flag in ("region_fill", "fill_gate"):
        if getattr(options, flag, None) is not None:
            overrides[flag] = getattr(options, flag) == "on"
    base = build_generator(options.variant, **overrides)
    if options.init_from:
        # An ONNX file also holds the graph's own constants: only the module's tensors are weights.
        names = base.state_dict().keys()
        load_state(base, {name: tensor for name, tensor in parent_state.items() if name in names}, parent_file, widen_inputs=True, new_layers=NEW_LAYERS)
    return generator_for_mode(getattr(options, "mode", "hints"), base)


def model_inputs(batch: dict[str, torch.Tensor]) -> tuple[torch.Tensor, ...]:
    """The generator's forward arguments for a batch (the condition only in its modes)."""
    if "condition" in batch:
        return batch["line"], batch["hints"], batch["condition"]
    return batch["line"], batch["hints"]


def pair_settings(options: argparse.Namespace, crop: int | None = None) -> PairSettings:
    crop = crop or options.crop
    return PairSettings(
        crop=crop,
        max_upscale=options.cache_side / crop,
        line_styles=tuple(options.line_styles),
        stroke_probability=options.stroke_probability,
        max_hints=options.max_hints,
        mode=getattr(options, "mode", "hints"),
    )


def learning_rate(options: argparse.Namespace, iteration: int) -> float:
    """Linear warm-up (Adam's first steps otherwise throw the un-normalised network
    into tanh saturation), then --lr, then a step down to --lr-final (paper)."""
    if iteration < options.warmup:
        return options.lr * (iteration + 1) / options.warmup
    return options.lr if iteration < options.decay_at * options.iterations else options.lr_final


def training_loop(options: argparse.Namespace) -> Path:
    """Trains until --iterations or --stop-after-minutes; returns the run folder."""
    started = time.monotonic()
    run_dir = Path(options.runs_dir) / options.name
    checkpoint_dir = run_dir / "checkpoint"
    (run_dir / "samples").mkdir(parents=True, exist_ok=True)
    if options.threads:
        torch.set_num_threads(options.threads)
    seed_everything(options.seed)
    device = resolve_device(options.device)
    # Tiny gradients early in training (warm-up, small residual branches) underflow
    # into denormal floats, which x86 CPUs process ~10x slower (seen: 9 s/iteration
    # at the start of a fresh run instead of 0.5 s).
    torch.set_flush_denormal(True)
    configure_backends(device)
    autocast = autocast_factory(getattr(options, "precision", "fp32"), device)

    cache = cache_from_options(options)
    train_store, val_store = load_split(cache, "train"), load_split(cache, "val")
    settings = pair_settings(options)

    generator = generator_from_options(options).to(device)
    modules: dict[str, torch.nn.Module] = {"generator": generator}
    guides: GuideDecoders | None = None
    if isinstance(generator, ConditionedGenerator) and GuideDecoders(options.mode, 8).layout:
        guides = GuideDecoders(options.mode, generator.base.config.ngf * 8).to(device)
        modules["guides"] = guides
    g_parameters = list(generator.parameters()) + (list(guides.parameters()) if guides else [])
    g_optimizer = torch.optim.Adam(g_parameters, lr=options.lr, betas=(0.9, 0.99))
    critic: Critic | None = None
    d_optimizer: torch.optim.Optimizer | None = None
    if options.adversarial_weight > 0:
        critic = Critic(ndf=options.ndf).to(device)
        modules["critic"] = critic
        # Paper: Adam with betas (0.5, 0.9) for the WGAN-GP pair.
        d_optimizer = torch.optim.Adam(critic.parameters(), lr=options.lr, betas=(0.5, 0.9))
    reconstruction = get_reconstruction_loss(options.reconstruction_loss)
    feature_loss = None
    if getattr(options, "feature_weight", 0.0) > 0:
        if not options.feature_loss:
            raise SystemExit("--feature-weight needs --feature-loss RUN (a run trained with --mode reference)")
        try:
            feature_loss = FeatureLoss.from_run(Path(options.feature_loss)).to(device)
        except (OSError, ValueError) as error:
            raise SystemExit(f"--feature-loss {options.feature_loss}: {error}") from error

    iteration, history, trained_seconds, best_val = 0, [], 0.0, float("inf")
    if checkpoint_dir.exists() and not options.fresh:
        state = load_checkpoint(checkpoint_dir, modules)
        # A run brought back from a GPU machine has its weights but no optimiser
        # state (too large to bring back): Adam then starts afresh.
        if state.get("g_optimizer") is not None:
            g_optimizer.load_state_dict(state["g_optimizer"])  # type: ignore[arg-type]
        if d_optimizer is not None and state.get("d_optimizer") is not None:
            d_optimizer.load_state_dict(state["d_optimizer"])  # type: ignore[arg-type]
        iteration, history, trained_seconds = int(state["iteration"]), list(state["history"]), float(state["trained_seconds"])  # type: ignore[arg-type]
        best_val = float(state.get("best_val_l1", float("inf")))  # type: ignore[arg-type]
        print(f"resumed {run_dir} at iteration {iteration}", flush=True)
    resolved = {**options_to_json(options), "generator_config": generator.config_json(), "cache": str(cache), "device_used": str(device),
                "device_name": torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu"}
    sources = json.loads((cache / "manifest.json").read_text()).get("sources")
    if sources:
        resolved["data_sources"] = sources  # a packed cache's licences, for export's model.json
    (run_dir / "options.json").write_text(json.dumps(resolved, indent=2, sort_keys=True))

    # The data stream is seeded by (seed, start iteration): a resumed run is
    # deterministic too, without replaying the samples it has already seen.
    def batches(crop: int) -> Iterator[dict[str, torch.Tensor]]:
        stream = PairStream(train_store, pair_settings(options, crop), seed=options.seed * 1_000_003 + iteration)
        return iter(torch.utils.data.DataLoader(stream, batch_size=options.batch, num_workers=options.workers, pin_memory=device.type == "cuda"))

    crop = crop_for_progress(options, run_progress(options, iteration, 0.0))
    loader = batches(crop)
    generator_logits = maybe_compile(generator.logits, getattr(options, "compile", False))
    preview = {k: v.to(device) for k, v in fixed_batch(val_store, settings, VALIDATION_SAMPLES, seed=options.seed + 7).items()}

    def save(reason: str) -> None:
        state = {"iteration": iteration, "history": history, "trained_seconds": trained_seconds + time.monotonic() - session_start, "best_val_l1": best_val,
                 "g_optimizer": g_optimizer.state_dict(), "d_optimizer": d_optimizer.state_dict() if d_optimizer else None}
        save_checkpoint(checkpoint_dir, modules, state, resolved)
        tqdm.write(f"checkpoint at iteration {iteration} ({reason})")

    def report() -> None:
        nonlocal best_val
        generator.eval()
        with torch.no_grad(), autocast():
            output = generator(*model_inputs(preview)).float()
        val_l1 = float((output - preview["truth"]).abs().mean())
        history.append({"iteration": iteration, "val_l1": val_l1})
        generator.train()
        if val_l1 < best_val:
            # The held-out best, kept apart from the latest: what a time-boxed run exports.
            best_val = val_l1
            (run_dir / "best").mkdir(exist_ok=True)
            save_weights(generator, run_dir / "best" / "generator.npz")
            (run_dir / "best" / "best.json").write_text(json.dumps({"iteration": iteration, "val_l1": val_l1}) + "\n")
        grid = sample_grid(preview["line"][:GRID_SAMPLES], preview["hints"][:GRID_SAMPLES], [output[:GRID_SAMPLES], preview["truth"][:GRID_SAMPLES]])
        grid.save(run_dir / "samples" / f"{iteration:07d}.png")
        plot_losses(history, run_dir / "losses.png")

    stop_requested = False

    def request_stop(_signal: int, _frame: object) -> None:
        # SIGTERM / Ctrl-C end the session after the current step, with a checkpoint.
        nonlocal stop_requested
        stop_requested = True

    previous_handlers = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    session_start = last_checkpoint = time.monotonic()
    deadline = started + 60.0 * options.stop_after_minutes if options.stop_after_minutes else float("inf")
    progress = tqdm(total=options.iterations, initial=iteration, dynamic_ncols=True, mininterval=10.0)
    while iteration < options.iterations and time.monotonic() < deadline and not stop_requested:
        wanted = crop_for_progress(options, run_progress(options, iteration, time.monotonic() - session_start))
        if wanted != crop:
            crop, loader = wanted, batches(wanted)
            tqdm.write(f"crop {crop} from iteration {iteration}")
        batch = {k: v.to(device, non_blocking=True) for k, v in next(loader).items()}
        for optimizer in (g_optimizer, d_optimizer):
            for group in optimizer.param_groups if optimizer else []:
                group["lr"] = learning_rate(options, iteration)
        record: dict[str, float] = {"iteration": iteration + 1}
        guide_loss = None
        with autocast():
            if isinstance(generator, ConditionedGenerator):
                logits, before, after = generator.features(*model_inputs(batch))
                if guides is not None:
                    guide_loss, parts = guides.loss(before, after, batch["truth"])
                    record.update(parts)
            else:
                logits = generator_logits(batch["line"], batch["hints"])
            # Losses in fp32: bf16 rounding would swamp an L1 of a few hundredths.
            logits = logits.float()
            fake = generator.to_rgb(logits)
        if critic is not None and d_optimizer is not None:
            # One critic step per generator step (paper). The gradient penalty's
            # double backward stays in fp32 (outside autocast): bf16 gradient norms are too coarse.
            d_loss = critic_loss(critic, batch["truth"], fake, batch["line"])
            d_optimizer.zero_grad(set_to_none=True)
            d_loss.backward()
            d_optimizer.step()
            record["train_critic"] = float(d_loss)
        g_loss = reconstruction(fake, batch["truth"])
        record["train_reconstruction"] = float(g_loss)
        if guide_loss is not None:
            g_loss = g_loss + guide_loss.float()
        if feature_loss is not None:
            with autocast():
                features = feature_loss(fake, batch["truth"]).float()
            record["train_features"] = float(features)
            g_loss = g_loss + options.feature_weight * features
        if options.saturation_weight > 0:
            g_loss = g_loss + options.saturation_weight * saturation_penalty(logits)
        if critic is not None:
            with autocast():
                adversarial = generator_adversarial_loss(critic, fake, batch["line"]).float()
            g_loss = g_loss + options.adversarial_weight * adversarial
        g_optimizer.zero_grad(set_to_none=True)
        g_loss.backward()
        g_optimizer.step()
        iteration += 1
        history.append(record)
        progress.update(1)
        progress.set_postfix(loss=f"{record['train_reconstruction']:.4f}", refresh=False)
        if iteration % options.sample_every == 0:
            report()
        if time.monotonic() - last_checkpoint > 60.0 * options.checkpoint_minutes:
            save("periodic")
            last_checkpoint = time.monotonic()
    progress.close()
    report()
    save("stop requested" if stop_requested else "end of session")
    for sig, handler in previous_handlers.items():
        signal.signal(sig, handler)
    return run_dir
