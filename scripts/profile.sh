#!/usr/bin/env bash
# Samples where the time of Colorize calls goes: the benchmark harness's `load`
# verb runs a server on loopback and sends it Colorize calls back to back;
# perf samples that process (with .NET's perf map, so JIT-compiled frames have
# names) and the report is summed up by where the time goes: ONNX Runtime's
# kernels, the managed image path, zlib, gRPC/Kestrel, GC, JIT, kernel.
#   scripts/profile.sh [--side N] [--seconds S] [--device cpu|cuda]   (defaults: 1024, 30, cpu)
# Writes artifacts/profile/{perf.data,report.txt,summary.md,load.log}. Needs
# perf (linux-perf) and perf_event_paranoid <= 2 (or root). Run it on an
# otherwise idle machine, after scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

side=1024 seconds=30 device=cpu
while [ $# -gt 0 ]; do
  case "$1" in
    --side) side=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --device) device=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "profile: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
command -v perf >/dev/null || { echo "profile: perf is not installed (apt-get install linux-perf)" >&2; exit 1; }

out=artifacts/profile
mkdir -p "$out"
dotnet build bench/ColorizeBridge.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly >&2

# PerfMapEnabled=1: the runtime writes /tmp/perf-PID.map (names of JIT-compiled
# code) that perf report reads. EnableWriteXorExecute=0: with W^X the code runs
# from a second mapping of its memory whose addresses the map does not list,
# and every managed sample stays an unnamed address.
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 dotnet bench/ColorizeBridge.Benchmarks/bin/Release/net10.0/ColorizeBridge.Benchmarks.dll \
  load --side "$side" --seconds "$((seconds + 10))" --device "$device" 2>"$out/load.log" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
until grep -q '^load: sending' "$out/load.log" 2>/dev/null; do
  kill -0 "$pid" 2>/dev/null || { cat "$out/load.log" >&2; echo "profile: the load run ended before it was warm" >&2; exit 1; }
  sleep 1
done
echo "profile: sampling pid $pid at 999 Hz for $seconds s" >&2
perf record -F 999 -g -p "$pid" -o "$out/perf.data" -- sleep "$seconds" 2>>"$out/perf-record.log"
wait "$pid"
trap - EXIT
cat "$out/load.log" >&2

perf report -i "$out/perf.data" --no-children --sort dso,sym --stdio -g none 2>/dev/null > "$out/report.txt"
perf report -i "$out/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null > "$out/report-dso.txt"
python3 - "$out/report.txt" "$side" "$seconds" "$out/report-dso.txt" > "$out/summary.md" <<'PY'
import re, sys
from collections import defaultdict

path, side, seconds = sys.argv[1], sys.argv[2], sys.argv[3]
line = re.compile(r'^\s*([\d.]+)%\s+(\[JIT\] tid \d+|\S+(?: \(deleted\))?)\s+\[(.)\]\s+(.*?)\s*$')
rows = []
for text in open(path, encoding='utf-8', errors='replace'):
    m = line.match(text)
    if m:
        rows.append((float(m.group(1)), m.group(2), m.group(4)))

def category(dso, sym):
    d, s = dso.lower(), sym
    if 'libonnxruntime' in d:
        return 'ONNX Runtime: the model\'s kernels and its thread pool'
    if d.startswith('libz') or 'compression.native' in d:
        return 'zlib: PNG deflate/inflate'
    if d.startswith('perf-') or d.startswith('[jit]') or d.startswith('jitted') or d.endswith('.dll') or 'doublemapper' in d:
        if s.startswith('0x'):
            return 'UNNAMED'
        if 'ColorizeBridge.Imaging' in s:
            return 'managed image path (ColorizeBridge.Imaging)'
        if 'ColorizeBridge.Engine' in s or 'ColorizeBridge.Inference' in s or 'Microsoft.ML.OnnxRuntime' in s:
            return 'managed engine and inference (queue, tensors, session calls)'
        if re.search(r'Grpc|Kestrel|AspNetCore|System\.Net|Http2|Pipelines|Google\.Protobuf|ColorizeBridge\.(Grpc|Server|Client|Api)', s):
            return 'gRPC, HTTP/2 (Kestrel), protobuf'
        if 'System.IO.Compression' in s:
            return 'zlib: PNG deflate/inflate'
        return 'other managed code (framework, harness)'
    if 'libcoreclr' in d:
        return 'GC' if re.search(r'\bgc|GC|WKS::|SVR::|memclr|Alloc', s) else '.NET runtime (not GC)'
    if 'libclrjit' in d:
        return 'JIT compiler'
    if 'kernel' in d:
        return 'Linux kernel (page faults, futex, sockets)'
    if d.startswith('libc') or d.startswith('ld-linux') or d.startswith('libm'):
        return 'libc (memcpy, memset, malloc)'
    return 'other: ' + dso

# Per shared object the shares are exact; per symbol, thousands of entries
# below 0.005% print as 0.00%, so the category split of managed code is a
# lower bound and the rest of it shows as "managed, in entries too small to list".
dso_line = re.compile(r'^\s*([\d.]+)%\s+(.*?)\s*$')
dsos = []
for text in open(sys.argv[4], encoding='utf-8', errors='replace'):
    m = dso_line.match(text)
    if m and not text.startswith('#'):
        dsos.append((float(m.group(1)), m.group(2)))
by_category = defaultdict(float)
for pct, dso in dsos:
    managed = category(dso, 'x') == 'other managed code (framework, harness)'
    by_category['managed code' if managed else category(dso, 'x')] += pct
listed = defaultdict(float)
for pct, dso, sym in rows:
    name = category(dso, sym)
    if name.startswith('managed') or name.startswith('gRPC') or name.startswith('other managed') or (name.startswith('zlib') and 'System.IO' in sym):
        listed[name] += pct
# Executable anonymous memory that .NET's map does not name is code generated
# at run time outside .NET (ONNX Runtime's MLAS kernels are precompiled, so
# this should stay small).
managed_total = by_category.pop('managed code', 0.0)
for name, pct in listed.items():
    by_category[name] += pct
by_category['code generated at run time outside .NET (anonymous, not in .NET\'s perf map)'] = max(0.0, managed_total - sum(listed.values()))
print(f'Colorize at {side}², {seconds} s of samples, client and server in one process:\n')
print('| where | share of samples |')
print('|---|---|')
for name, pct in sorted(by_category.items(), key=lambda kv: -kv[1]):
    if pct >= 0.05:
        print(f'| {name} | {pct:.1f}% |')
print('\nTop 25 entries (self time, `--sort dso,sym`):\n')
print('| self | dso | symbol |')
print('|---|---|---|')
for pct, dso, sym in sorted(rows, key=lambda r: -r[0])[:25]:
    sym = sym.replace('|', '\\|')
    if len(sym) > 110:
        sym = sym[:107] + '...'
    print(f'| {pct:.2f}% | {dso} | `{sym}` |')
PY
cat "$out/summary.md"
echo "profile: wrote $out/summary.md and $out/report.txt (perf report -i $out/perf.data for more)" >&2
