#!/usr/bin/env bash
# Sets up (scripts/setup.sh test) and runs every test: the xunit projects and
# the pytest suites. Ends with one line "N passed, N failed, N skipped" summed
# over all runners; exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/setup.sh test || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }

results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
status=0

echo "== dotnet test" >&2
# Every openclipart PNG (8,119) decoded by SkiaSharp and compared with PIL:
# 2 min 13 s on the 2-core VM under load (issue 15); skipped without
# openclipart-png.
export COLORIZEBRIDGE_OPENCLIPART_FULL=1
# --blame: when a test host crashes, its Sequence_*.xml under the results
# names the test that was running.
dotnet test ColorizeBridge.sln -c Release --no-build -nologo --blame \
  --logger "trx" --results-directory "$results/dotnet"
dotnet_rc=$?
if [ $dotnet_rc -ne 0 ]; then
  status=1
  # A crashed test host leaves a TRX with only the tests it finished, all
  # passed: count the aborted run as a failure so the summary says so.
  printf '<testsuite name="dotnet-test" tests="1" failures="1"><testcase name="DotnetTestRun"><failure message="dotnet test exited %d (a failed test, or a test host that crashed: see Sequence_*.xml)"/></testcase></testsuite>\n' \
    "$dotnet_rc" > "$results/dotnet-test-run.xml"
fi

pytest_dirs=()
for d in training/tests plugins/krita/tests tests/python; do
  [ -d "$d" ] && pytest_dirs+=("$d")
done
if [ ${#pytest_dirs[@]} -gt 0 ]; then
  echo "== pytest ${pytest_dirs[*]}" >&2
  /usr/bin/python3 -m pytest -q -p no:cacheprovider --junitxml="$results/pytest.xml" "${pytest_dirs[@]}"
  rc=$?
  # 5 = no tests collected: not a failure of ours, the summary shows 0.
  [ $rc -eq 0 ] || [ $rc -eq 5 ] || status=1
fi

# CI-sized benchmark: fails when Colorize through gRPC at 512² costs more
# than 1.5x a bare forward of the default model, or more than 1.35x the
# server's own forward in the same call (regression guards; the 1.10 target
# is measured by scripts/bench.sh on an idle machine). Recorded
# as one JUnit test case so the summary counts it.
if ls models/*/model.json >/dev/null 2>&1; then
  echo "== benchmark smoke (server overhead at 512²)" >&2
  if dotnet bench/ColorizeBridge.Benchmarks/bin/Release/net10.0/ColorizeBridge.Benchmarks.dll e2e --smoke --device cpu \
       > "$results/bench-smoke.md" 2> "$results/bench-smoke.log"; then
    smoke_failure=""
  else
    smoke_failure="<failure message=\"overhead over target; see bench-smoke.log\"/>"
    status=1
  fi
  tail -n 3 "$results/bench-smoke.log" >&2
  printf '<testsuite name="bench-smoke" tests="1" failures="%d"><testcase name="ColorizeOverheadAt512">%s</testcase></testsuite>\n' \
    "$([ -n "$smoke_failure" ] && echo 1 || echo 0)" "$smoke_failure" > "$results/bench-smoke.xml"
fi

summary=$(/usr/bin/python3 scripts/summarize_results.py "$results") || { summary="0 passed, 1 failed"; status=1; }
case "$summary" in *", 0 failed"*) ;; *) status=1 ;; esac
echo "$summary"
exit $status
