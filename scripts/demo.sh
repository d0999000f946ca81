#!/usr/bin/env bash
# Sets up (scripts/setup.sh) and colours the sample line art with the default
# model, in-process (no server needed): samples/lineart.png + samples/hints.png
# -> out/colorized.png (and its flats, shading, lines and regions layers beside it).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh run
mkdir -p out
dotnet clients/ColorizeBridge.Cli/bin/Release/net10.0/ColorizeBridge.Cli.dll \
  colorize samples/lineart.png --hints samples/hints.png --layers -o out/colorized.png
echo "wrote out/colorized.png (open it beside samples/lineart.png)" >&2
