"""Command-line options of the training run; every option has help text and the
resolved set is saved as options.json beside each checkpoint."""
from __future__ import annotations

import argparse
from pathlib import Path

from training.data.options import add_data_options, packed_cache_folder, packed_tile_side
from training.linework.styles import LINE_STYLES
from training.losses.reconstruction import RECONSTRUCTION_LOSSES
from training.modes.registry import MODES
from training.networks.generator import GENERATOR_VARIANTS

RUNS_ROOT = Path(__file__).resolve().parent / "runs"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python3 -m training.train",
        description="Train a hint-guided line art colorization model (Ci et al. 2018).",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    data = parser.add_argument_group("data")
    add_data_options(data)
    data.add_argument("--crop", type=int, default=128, help="training crop side in pixels (multiple of 16, <= cache side)")
    data.add_argument("--crop-curriculum", type=int, nargs="+", default=[], metavar="SIDE",
                      help="smaller crop sides trained before --crop, in order, each for an equal share of the first --curriculum-share of the run (small to large, issue 18)")
    data.add_argument("--curriculum-share", type=float, default=0.5, help="share of the run's progress spent on the --crop-curriculum sides")
    data.add_argument("--line-styles", nargs="+", default=sorted(LINE_STYLES), choices=sorted(LINE_STYLES), help="synthetic line art styles to draw from")
    data.add_argument("--stroke-probability", type=float, default=0.3, help="share of simulated hints drawn as strokes rather than dots")
    data.add_argument("--max-hints", type=int, default=64, help="upper end of the log-uniform simulated hint count")
    data.add_argument("--workers", type=int, default=0, help="DataLoader worker processes (0 = make samples in the training process)")

    model = parser.add_argument_group("model")
    model.add_argument("--variant", default="small", choices=sorted(GENERATOR_VARIANTS), help="generator width/depth preset")
    model.add_argument("--ngf", type=int, help="override the variant's base width")
    model.add_argument("--tunnel-blocks", type=int, nargs=4, help="override the ResNeXt blocks per decoder tunnel (1/16, 1/8, 1/4, 1/2)")
    model.add_argument("--region-fill", choices=["on", "off"], help="feed the generator the fixed paint-bucket guess (default: on, or as the --init-from run had it)")
    model.add_argument("--fill-gate", choices=["on", "off"], help="let a learned gate take the region fill's colour as it is (default: on, or as the --init-from run had it)")
    model.add_argument("--mode", default="hints", choices=sorted(MODES), help="what steers the colours: dots/strokes (hints), nothing (auto), a palette, a reference image or colour tags (issue 8)")
    model.add_argument("--init-from", type=Path, help="run folder of a trained hint model, or a shipped one (models/NAME), whose generator weights a new run starts from (new mode layers start as identity)")
    model.add_argument("--ndf", type=int, default=32, help="critic base width (used when --adversarial-weight > 0)")

    loss = parser.add_argument_group("loss and optimisation")
    loss.add_argument("--reconstruction-loss", default="l1", choices=sorted(RECONSTRUCTION_LOSSES), help="pixel loss replacing the VGG perceptual loss")
    loss.add_argument("--feature-loss", type=Path, help="reference-mode run or model (models/NAME), or an encoder .npz, whose trained encoder gives a feature loss (losses/features.py; the stand-in for VGG)")
    loss.add_argument("--feature-weight", type=float, default=0.0, help="weight of that feature loss (0: off)")
    loss.add_argument("--adversarial-weight", type=float, default=0.0, help="weight of the WGAN-GP generator term (paper: 1e-4; 0 disables the critic)")
    loss.add_argument("--saturation-weight", type=float, default=0.1, help="weight of the penalty on tanh logits beyond +-2.5 (keeps gradients alive)")
    loss.add_argument("--warmup", type=int, default=300, help="iterations of linear learning-rate warm-up")
    loss.add_argument("--batch", type=int, default=16, help="batch size")
    loss.add_argument("--lr", type=float, default=2e-4, help="Adam learning rate")
    loss.add_argument("--lr-final", type=float, default=2e-5, help="learning rate after the step decay (paper: 1e-4 then 1e-5)")
    loss.add_argument("--decay-at", type=float, default=0.85, help="fraction of --iterations after which --lr-final applies")
    loss.add_argument("--precision", default="fp32", choices=["fp32", "bf16"], help="bf16: autocast the forward passes in bfloat16 (CUDA with bf16 support; weights and optimiser stay fp32)")
    loss.add_argument("--iterations", type=int, default=20000, help="planned length of the run (sets the decay point)")

    run = parser.add_argument_group("run")
    run.add_argument("--name", default="alac-hints-small", help="run name; checkpoints go to <runs-dir>/<name>")
    run.add_argument("--runs-dir", type=Path, default=RUNS_ROOT, help="folder of runs")
    run.add_argument("--stop-after-minutes", type=float, help="stop (with a checkpoint) after this much wall time in this session")
    run.add_argument("--device", default="auto", help="auto, cpu, cuda or cuda:N")
    run.add_argument("--threads", type=int, help="CPU threads for torch (default: torch's choice)")
    run.add_argument("--seed", type=int, default=0, help="seed of every random stream")
    run.add_argument("--compile", action="store_true", help="torch.compile the generator and critic (torch >= 2.0; costs a minute or two of compiling up front)")
    run.add_argument("--fresh", action="store_true", help="ignore an existing checkpoint and start over")
    run.add_argument("--checkpoint-minutes", type=float, default=4.0, help="wall time between checkpoints")
    run.add_argument("--sample-every", type=int, default=250, help="iterations between sample grids, validation loss and curves")
    return parser


def parse_options(argv: list[str] | None = None) -> argparse.Namespace:
    options = build_parser().parse_args(argv)
    if options.packed_cache:
        options.cache_side = packed_tile_side(packed_cache_folder(options.packed_cache))
    for crop in [*options.crop_curriculum, options.crop]:
        if crop % 16 or crop > options.cache_side:
            raise SystemExit(f"--crop and --crop-curriculum sides must be multiples of 16 and <= --cache-side ({options.cache_side}), got {crop}")
    if any(side >= options.crop for side in options.crop_curriculum):
        raise SystemExit(f"--crop-curriculum sides come before --crop and must be smaller than it ({options.crop}), got {options.crop_curriculum}")
    if not 0.0 <= options.curriculum_share < 1.0:
        raise SystemExit(f"--curriculum-share must be in [0, 1), got {options.curriculum_share}")
    return options


def options_to_json(options: argparse.Namespace) -> dict[str, object]:
    return {key: (str(value) if isinstance(value, Path) else value) for key, value in vars(options).items()}
