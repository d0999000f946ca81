"""The speed-ups a CUDA run takes, guarded so the same loop runs under Debian's
torch 1.13 on the CPU: bfloat16 autocast, TF32 matrix products, cuDNN's
autotuner and torch.compile (torch >= 2.0 only)."""
from __future__ import annotations

import contextlib
from typing import Callable, ContextManager, TypeVar

import torch

Function = TypeVar("Function", bound=Callable[..., object])


def configure_backends(device: torch.device) -> None:
    """TF32 and cuDNN autotuning on CUDA: fixed crop sizes, so the autotuner's
    first-step search pays back; TF32 keeps fp32 ranges at tensor-core speed."""
    if device.type == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
        torch.backends.cudnn.benchmark = True


def autocast_factory(precision: str, device: torch.device) -> Callable[[], ContextManager[object]]:
    """A factory of the context the forward passes run in: nothing for fp32,
    bfloat16 autocast for bf16 (no loss scaling needed, unlike float16)."""
    if precision == "fp32":
        return contextlib.nullcontext
    if precision != "bf16":
        raise ValueError(f"unknown precision {precision!r}; known: ['bf16', 'fp32']")
    if device.type == "cuda" and not torch.cuda.is_bf16_supported():
        raise SystemExit("--precision bf16: this GPU has no bfloat16 support; use --precision fp32")
    return lambda: torch.autocast(device_type=device.type, dtype=torch.bfloat16)


def maybe_compile(function: Function, enabled: bool) -> Function:
    """torch.compile(function) when asked for; a clear error where torch lacks it."""
    if not enabled:
        return function
    if not hasattr(torch, "compile"):
        raise SystemExit(f"--compile needs torch >= 2.0; this is torch {torch.__version__}")
    return torch.compile(function)  # type: ignore[return-value]
