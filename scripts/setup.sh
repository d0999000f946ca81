#!/usr/bin/env bash
# Installs what ColorizeBridge needs on Debian 12 (apt packages; the .NET SDK is
# assumed) and builds the solution. Idempotent: it
# installs only what is missing and lets MSBuild skip what is up to date.
#
#   scripts/setup.sh [run|test]   run: what the server and CLI need (default)
#                                 test: also what the test suites need
set -euo pipefail
cd "$(dirname "$0")/.."

purpose=${1:-run}
case "$purpose" in run|test) ;; *) echo "usage: scripts/setup.sh [run|test]" >&2; exit 2 ;; esac
# Build + run needs no apt package: gRPC, ONNX Runtime and SkiaSharp come from
# NuGet (no C++ toolchain, no libtorch).
packages=()
if [ "$purpose" = test ]; then
  # Debian's grpc protos (the official interop contract) and third-party gRPC peers, the training pipeline's dependencies (torch, and
  # onnx for export.py and reading weights back from model.onnx), the
  # public-domain clip art the PNG decoder and training tests read, and a
  # real Krita (run headless under Xvfb) for the plugin's end-to-end test,
  # Chromium for the browser page's Playwright tests, and nginx for the
  # scale-out test (two servers behind grpc_pass).
  packages+=(grpc-proto python3-grpcio python3-grpc-tools python3-protobuf python3-pytest
             python3-torch python3-onnx
             python3-numpy python3-scipy python3-pil python3-matplotlib python3-tqdm
             openclipart-png
             krita python3-pyqt5 xvfb xauth chromium nginx)
  # pypng writes the imaging tests' synthetic PNGs (every colour type, depth, interlace).
  packages+=(python3-png)
  # rsvg-convert renders npm's emoji SVGs into training art (training/data/npm_art.py and its test).
  packages+=(librsvg2-bin)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 1; }
echo "setup: building (Release)" >&2
if [ "$purpose" = test ]; then
  dotnet build ColorizeBridge.sln -c Release -nologo -v quiet -clp:ErrorsOnly >&2
else
  # The server and the console client (which runs the engine in-process).
  for project in server/ColorizeBridge.Server clients/ColorizeBridge.Cli; do
    dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
  done
fi
