"""The GPU run ready to go (issue 18, item 4): on a lent machine, train the
paper-size generator (width 64) with the WGAN-GP critic and the feature loss
for a wall-clock budget, keep the held-out best, and leave its weights as
plain tensors in --out for Debian's torch 1.13 to export.

    bash training/gpu/run.sh              # on the device; writes to $OUT
    /usr/bin/python3 -m training.gpu.receive --from DIR --name NAME   # here

Any other training option (python3 -m training.train --help) may follow and
overrides the defaults below; --resume-from continues a run brought back earlier."""
from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import torch

from training.gpu.bundle import pack_run, unpack_run
from training.gpu.pack import FEATURE_ENCODER_FILE, PACK_ROOT
from training.loop import training_loop
from training.options import RUNS_ROOT, parse_options



def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python3 -m training.gpu.run", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=9.0, help="training wall-clock budget; packing the results adds about half a minute")
    parser.add_argument("--pack", type=Path, default=PACK_ROOT, help="packed training cache (python3 -m training.gpu.pack), carried with the run")
    parser.add_argument("--out", type=Path, default=Path(os.environ["OUT"]) if os.environ.get("OUT") else None, help="folder the results go to (default: $OUT)")
    parser.add_argument("--name", default="alac-hints-gpu", help="run name under --runs-dir")
    parser.add_argument("--runs-dir", type=Path, default=RUNS_ROOT, help="folder of runs on this machine")
    parser.add_argument("--resume-from", type=Path, help="files an earlier GPU run brought back (run.json + shards): continue that run")
    parser.add_argument("--feature-model", type=Path,
                        help="reference encoder for the feature loss, the stand-in for VGG16 whose weights cannot be fetched: "
                             "an .npz, a reference-mode run or model (default: the pack's feature-encoder.npz, from models/alac-reference-small)")
    return parser


def training_arguments(options: argparse.Namespace, extra: list[str]) -> list[str]:
    """The training options of the run: paper-size generator, critic, feature
    loss, crops 128 -> 192 -> 256, bf16 on CUDA; ``extra`` comes last and wins."""
    cuda = torch.cuda.is_available()
    return [
        "--packed-cache", str(options.pack), "--name", options.name, "--runs-dir", str(options.runs_dir),
        "--variant", "full", "--crop", "256", "--crop-curriculum", "128", "192", "--curriculum-share", "0.4",
        "--batch", "16", "--lr", "2e-4", "--lr-final", "2e-4", "--warmup", "200", "--iterations", "1000000",
        "--adversarial-weight", "1e-4", "--ndf", "32",
        "--feature-loss", str(options.feature_model or options.pack / FEATURE_ENCODER_FILE), "--feature-weight", "0.5",
        "--precision", "bf16" if cuda else "fp32", "--workers", str(min(12, (os.cpu_count() or 2) - 2)) if cuda else "0",
        "--device", "cuda" if cuda else "cpu", "--sample-every", "200", "--checkpoint-minutes", "3",
        "--stop-after-minutes", str(options.minutes),
        *extra,
    ]


def main(argv: list[str] | None = None) -> None:
    options, extra = build_parser().parse_known_args(argv)
    if options.out is None:
        raise SystemExit("--out is required where $OUT is not set")
    if options.minutes <= 0:
        raise SystemExit(f"--minutes must be positive, got {options.minutes}")
    started = time.monotonic()
    run_dir = Path(options.runs_dir) / options.name
    if options.resume_from:
        if (run_dir / "checkpoint").exists():
            raise SystemExit(f"{run_dir} already has a checkpoint; --resume-from would overwrite it")
        unpack_run(options.resume_from, run_dir)
        print(f"continuing the run brought back in {options.resume_from}", flush=True)
    training = parse_options(training_arguments(options, extra))
    print(json.dumps({"torch": torch.__version__, "cuda": torch.cuda.get_device_name() if torch.cuda.is_available() else None,
                      "variant": training.variant, "crop": training.crop, "curriculum": training.crop_curriculum, "precision": training.precision}), flush=True)
    training_loop(training)
    options.out.mkdir(parents=True, exist_ok=True)
    for path in pack_run(run_dir, options.out):
        print(f"{path} {path.stat().st_size / 2**20:.1f} MiB")
    print(f"done in {(time.monotonic() - started) / 60:.1f} min", flush=True)


if __name__ == "__main__":
    main()
