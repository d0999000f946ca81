#!/usr/bin/env bash
# The GPU run (training/README.md, "A GPU run"): run from the repository root on
# the device machine, with training/cache/gpu-pack carried. Extra arguments go to
# training/gpu/run.py (and on to the training options). Output and a log go to $OUT.
set -euo pipefail
: "${OUT:?OUT must name the folder the results go to}"
export PYTHONUNBUFFERED=1
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || true
python3 -m training.gpu.run "$@" 2>&1 | tee "$OUT/log.txt"
