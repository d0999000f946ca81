#!/usr/bin/env bash
# Sets up, then runs the end-to-end benchmark harness against the default
# model and writes docs/BENCHMARKS.md. Run it on an otherwise idle machine.
#   scripts/bench.sh [--iterations N] [--device cpu|cuda] [--smoke]   (--smoke: Colorize at 512² only, exit 1 past 1.5x a bare forward or 1.35x the call's own forward)
# The Colorize comparison at 512² runs at least 30 rounds whatever N is (its
# ratio is the overhead target). `scripts/bench.sh micro` runs the
# BenchmarkDotNet image-path benchmarks instead; scripts/profile.sh samples
# where a Colorize's time goes with perf.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = -h ] || [ "${1:-}" = --help ]; then
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi

scripts/setup.sh run
if [ "${1:-}" = micro ]; then
  shift
  exec dotnet bench/ColorizeBridge.Benchmarks/bin/Release/net10.0/ColorizeBridge.Benchmarks.dll micro "$@"
fi
exec dotnet bench/ColorizeBridge.Benchmarks/bin/Release/net10.0/ColorizeBridge.Benchmarks.dll e2e "$@"
