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
