#!/usr/bin/env bash
# Configures and builds the native bridge (Release) into build/native/ at the
# repository root; ninja/make rebuild only what changed.
#
#   server/native/build.sh [extra cmake -D options]
#
# libtorch is found by CMake: Debian's libtorch-dev by default, another one
# (e.g. a CUDA build from pip torch) through CMAKE_PREFIX_PATH or Torch_DIR,
# in the environment or as -D options.
#
# Exit status 3 means "no libtorch here": the .NET build turns it into a
# warning so that machines without libtorch still build the managed code.
set -euo pipefail
native_dir="$(cd "$(dirname "$0")" && pwd)"
repo_root="$(cd "$native_dir/../.." && pwd)"
build_dir="$repo_root/build/native"

no_libtorch() {
  echo "build.sh: $1; the native bridge is not built" >&2
  exit 3
}

command -v cmake >/dev/null || no_libtorch "cmake is not installed"
command -v c++ >/dev/null || no_libtorch "no C++ compiler (c++) is installed"
if [ -z "${CMAKE_PREFIX_PATH:-}${Torch_DIR:-}" ] && [[ " $* " != *" -DCMAKE_PREFIX_PATH="* ]] && [[ " $* " != *" -DTorch_DIR="* ]]; then
  compgen -G "/usr/lib/*/cmake/Torch/TorchConfig.cmake" >/dev/null \
    || compgen -G "/usr/local/lib*/cmake/Torch/TorchConfig.cmake" >/dev/null \
    || no_libtorch "libtorch not found (install libtorch-dev, or set CMAKE_PREFIX_PATH to a libtorch)"
fi

# Several projects (and Debug/Release builds) may run this at once; one CMake run at a time per tree.
mkdir -p "$build_dir"
exec 9>"$build_dir/.build.lock"
flock 9

generator=()
if [ ! -f "$build_dir/CMakeCache.txt" ] && command -v ninja >/dev/null; then
  generator=(-G Ninja)
fi
cmake -S "$native_dir" -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release "$@"
cmake --build "$build_dir" --parallel "$(nproc)"
