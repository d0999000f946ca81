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
dotnet test ColorizeBridge.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results/dotnet" || status=1

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

summary=$(/usr/bin/python3 scripts/summarize_results.py "$results") || { summary="0 passed, 1 failed"; status=1; }
case "$summary" in *", 0 failed"*) ;; *) status=1 ;; esac
echo "$summary"
exit $status
