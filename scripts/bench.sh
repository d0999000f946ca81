#!/usr/bin/env bash
# Sets up, then runs the end-to-end benchmark harness against the default
# model and writes docs/BENCHMARKS.md. Run it on an otherwise idle machine.
#   scripts/bench.sh [--iterations N] [--device cpu|cuda] [--smoke]   (--smoke: Colorize at 512² only, exit 1 past 1.5x)
# `scripts/bench.sh micro` runs the BenchmarkDotNet image-path benchmarks instead.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh run
if [ "${1:-}" = micro ]; then
  shift
  exec dotnet bench/ColorizeBridge.Benchmarks/bin/Release/net10.0/ColorizeBridge.Benchmarks.dll micro "$@"
fi
exec dotnet bench/ColorizeBridge.Benchmarks/bin/Release/net10.0/ColorizeBridge.Benchmarks.dll e2e "$@"
