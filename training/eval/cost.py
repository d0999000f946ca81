"""Generator cost: parameters, multiply-accumulates of every convolution (counted
by forward hooks), and CPU latency of the TorchScript module."""
from __future__ import annotations

import statistics
import time

import torch
from torch import nn


def parameter_count(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


def conv_macs(module: nn.Module, side: int) -> int:
    """Conv multiply-accumulates for one side x side input with a full hint tensor
    (FLOPs ~ 2 x MACs). Activations, shuffles and padding are not counted."""
    total = 0

    def count(layer: nn.Conv2d, _inputs: object, output: torch.Tensor) -> None:
        nonlocal total
        kh, kw = layer.kernel_size
        total += output.numel() // output.shape[0] * (layer.in_channels // layer.groups) * kh * kw

    hooks = [m.register_forward_hook(count) for m in module.modules() if isinstance(m, nn.Conv2d)]
    try:
        with torch.no_grad():
            module(torch.ones(1, 1, side, side), torch.zeros(1, 4, side // 4, side // 4))
    finally:
        for hook in hooks:
            hook.remove()
    return total


def scripted_latency(module: nn.Module, side: int, threads: int = 2, repeats: int = 3) -> float:
    """Median seconds of one side x side forward of the scripted module on CPU."""
    previous = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        scripted = torch.jit.script(module.eval())
        line, hints = torch.ones(1, 1, side, side), torch.zeros(1, 4, side // 4, side // 4)
        timings = []
        with torch.no_grad():
            scripted(line, hints)  # warm-up: profiling executor specialises here
            for _ in range(repeats):
                start = time.perf_counter()
                scripted(line, hints)
                timings.append(time.perf_counter() - start)
        return statistics.median(timings)
    finally:
        torch.set_num_threads(previous)


def main(argv: list[str] | None = None) -> None:
    """``python3 -m training.eval.cost``: parameters, GMACs and latency of each variant."""
    import argparse
    import json
    from pathlib import Path

    from training.networks.generator import build_generator

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--variants", nargs="+", default=["small", "full"], help="generator variants to measure")
    parser.add_argument("--side", type=int, default=512, help="square input side")
    parser.add_argument("--threads", type=int, default=2, help="CPU threads (the target machine has 2 cores)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "results" / "cost.json", help="JSON output")
    options = parser.parse_args(argv)
    rows = {}
    for variant in options.variants:
        generator = build_generator(variant).eval()
        macs = conv_macs(generator, options.side)
        rows[variant] = {"parameters": parameter_count(generator), "gmacs": macs / 1e9, "gflops": 2 * macs / 1e9,
                         "latency_s": scripted_latency(generator, options.side, options.threads), "side": options.side, "threads": options.threads}
        print(variant, rows[variant], flush=True)
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
