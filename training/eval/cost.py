"""Generator cost: parameters, multiply-accumulates of every convolution (counted
by forward hooks), and CPU latency of the scripted PyTorch module."""
from __future__ import annotations

import copy
import statistics
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn


def parameter_count(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


def conv_macs(module: nn.Module, side: int) -> int:
    """Conv multiply-accumulates for one side x side input with a full hint tensor
    (FLOPs ~ 2 x MACs). Activations, shuffles and padding are not counted. Counted
    from the profiler's FLOPs of every convolution the forward runs, so layers the
    forward calls through F.conv2d (the gated exit's fused kernels) count too."""
    with torch.no_grad(), torch.autograd.profiler.profile(with_flops=True) as profile:
        module(torch.ones(1, 1, side, side), torch.zeros(1, 4, side // 4, side // 4))
    return sum(int(event.flops) for event in profile.function_events if event.name == "aten::conv2d" and event.flops) // 2


def sample_inputs(side: int) -> tuple[torch.Tensor, torch.Tensor]:
    """samples/lineart.png and samples/hints.png centred on a white side x side canvas
    (scaled to fit), as model tensors: the line art in [-1, 1] and the hint layer's
    4x4 cells with any opaque pixel as hints (their mean colour). A real picture,
    because the region fill's cost depends on it (it floods until the hints have spread)."""
    from PIL import Image

    samples = Path(__file__).resolve().parents[2] / "samples"
    line_art, hint_layer = Image.open(samples / "lineart.png").convert("L"), Image.open(samples / "hints.png").convert("RGBA")
    scale = min(side / line_art.width, side / line_art.height)
    size = (int(line_art.width * scale), int(line_art.height * scale))
    offset = ((side - size[0]) // 2, (side - size[1]) // 2)
    canvas, layer = Image.new("L", (side, side), 255), Image.new("RGBA", (side, side), (0, 0, 0, 0))
    canvas.paste(line_art.resize(size, Image.NEAREST), offset)
    layer.paste(hint_layer.resize(size, Image.NEAREST), offset)
    line = torch.from_numpy(np.asarray(canvas, np.float32) / 127.5 - 1.0)[None, None]
    cells = np.asarray(layer, np.float32).reshape(side // 4, 4, side // 4, 4, 4).transpose(0, 2, 1, 3, 4).reshape(side // 4, side // 4, 16, 4)
    opaque = cells[..., 3] > 127
    count = opaque.sum(axis=2)
    colour = (cells[..., :3] * opaque[..., None]).sum(axis=2) / np.maximum(count, 1)[..., None] / 127.5 - 1.0
    mask = (count > 0).astype(np.float32)
    hints = np.concatenate([colour * mask[..., None], mask[..., None]], axis=2).transpose(2, 0, 1)
    return line, torch.from_numpy(np.ascontiguousarray(hints, np.float32))[None]


def scripted_latency(module: nn.Module, line: torch.Tensor, hints: torch.Tensor, threads: int = 2, repeats: int = 5) -> float:
    """Median seconds of one forward on CPU of the module as the server runs it:
    scripted with channels-last weights, legacy executor (libtorch's fastest CPU path;
    the server itself runs the ONNX export through ONNX Runtime, docs/BENCHMARKS.md)."""
    previous, profiling = torch.get_num_threads(), torch._C._jit_set_profiling_mode(False)
    torch.set_num_threads(threads)
    try:
        scripted = torch.jit.script(copy.deepcopy(module).eval().to(memory_format=torch.channels_last))
        timings = []
        with torch.no_grad():
            for _ in range(2):
                scripted(line, hints)  # warm-up: oneDNN settles on its plans
            for _ in range(repeats):
                start = time.perf_counter()
                scripted(line, hints)
                timings.append(time.perf_counter() - start)
        return statistics.median(timings)
    finally:
        torch.set_num_threads(previous)
        torch._C._jit_set_profiling_mode(profiling)


def profile_table(model_dir: Path, side: int, threads: int = 2, rows: int = 15) -> str:
    """Per-operator self time of 3 PyTorch forwards of a shipped hint model (rebuilt
    from its model.json and the weights in its model.onnx, scripted as in
    scripted_latency) on the sample after 2 warm-ups, grouped by input shape, largest first."""
    import json

    from training.export import generator_for_manifest
    from training.onnx_weights import module_state_from_onnx

    if not (model_dir / "model.json").is_file():
        raise SystemExit(f"{model_dir}: no model.json; pass a model folder, e.g. models/alac-hints-small")
    manifest = json.loads((model_dir / "model.json").read_text())
    module = generator_for_manifest(manifest).eval()
    module.load_state_dict(module_state_from_onnx(module, model_dir / manifest["file"]), strict=True)
    torch.set_num_threads(threads)
    torch._C._jit_set_profiling_mode(False)
    model = torch.jit.script(module.to(memory_format=torch.channels_last))
    line, hints = sample_inputs(side)
    with torch.no_grad():
        for _ in range(2):
            model(line, hints)
        with torch.autograd.profiler.profile(record_shapes=True) as profile:
            for _ in range(3):
                model(line, hints)
    return profile.key_averages(group_by_input_shape=True).table(sort_by="self_cpu_time_total", row_limit=rows)


def main(argv: list[str] | None = None) -> None:
    """``python3 -m training.eval.cost``: parameters, GMACs and latency of each variant."""
    import argparse
    import json

    from training.networks.generator import build_generator

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--variants", nargs="+", default=["small", "full"], help="generator variants to measure")
    parser.add_argument("--side", type=int, default=512, help="square input side")
    parser.add_argument("--threads", type=int, default=2, help="CPU threads (the target machine has 2 cores)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "results" / "cost.json", help="JSON output")
    parser.add_argument("--profile", type=Path, metavar="MODEL_DIR",
                        help="instead: where one PyTorch forward of this shipped hint model's time goes, per operator and input shape (the sample at --side, legacy executor)")
    options = parser.parse_args(argv)
    if options.profile:
        print(profile_table(options.profile, options.side, options.threads))
        return
    rows = {}
    for variant in options.variants:
        generator = build_generator(variant).eval()
        macs = conv_macs(generator, options.side)
        rows[variant] = {"parameters": parameter_count(generator), "gmacs": macs / 1e9, "gflops": 2 * macs / 1e9,
                         "latency_s": scripted_latency(generator, *sample_inputs(options.side), threads=options.threads), "input": "samples/lineart.png + samples/hints.png",
                         "side": options.side, "threads": options.threads}
        print(variant, rows[variant], flush=True)
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
