#!/usr/bin/env bash
# What the README's two commands install, measured on this machine after they
# have run once: the NuGet packages each restores, and the apt packages the
# test set names with everything they pull in (Installed-Size from dpkg; an
# upper bound on a fresh machine, where part of it is already there).
#   scripts/install_size.sh
set -euo pipefail
cd "$(dirname "$0")/.."
nuget=${NUGET_PACKAGES:-$HOME/.nuget/packages}

# The packages a project's restore resolved (obj/project.assets.json), as folders under $nuget.
restored() {
  /usr/bin/python3 - "$nuget" "$@" <<'PY'
import json, sys
from pathlib import Path
root, projects = Path(sys.argv[1]), sys.argv[2:]
folders = set()
for project in projects:
    assets = json.loads((Path(project) / "obj/project.assets.json").read_text())
    folders |= {root / info["path"] for info in assets["libraries"].values() if info["type"] == "package"}
print("\n".join(sorted(str(f) for f in folders if f.exists())))
PY
}

size_of() { xargs -r du -scb 2>/dev/null | tail -1 | cut -f1; }
mib() { echo $(( $1 / 1024 / 1024 )); }

demo=$(restored server/ColorizeBridge.Server clients/ColorizeBridge.Cli)
tests=$(restored $(dirname $(git ls-files '*.csproj')))
echo "demo (scripts/demo.sh): $(echo "$demo" | wc -l) NuGet packages, $(mib "$(echo "$demo" | size_of)") MiB; no apt package"

# The apt packages setup.sh names for the test set (its own lists, evaluated as it does).
named=$(purpose=test bash -c 'eval "$(sed -n "/^packages=()/,/^fi/p" scripts/setup.sh)"; printf "%s\n" "${packages[@]}"')
closure=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces --no-enhances $named 2>/dev/null \
  | grep -E '^[a-z0-9]' | sed 's/:any$//' | sort -u)
# Only what is installed counts: apt-cache also lists alternatives that were not chosen.
installed=$({ dpkg-query -W -f='${db:Status-Abbrev} ${Package} ${Installed-Size}\n' $closure 2>/dev/null || true; } | awk '$1 == "ii"')
kib=$(echo "$installed" | awk '{s += $3} END {print s + 0}')
echo "tests (scripts/test.sh): $(echo "$tests" | wc -l) NuGet packages, $(mib "$(echo "$tests" | size_of)") MiB;" \
     "$(echo "$named" | wc -w) named apt packages, $(echo "$installed" | wc -l) with their dependencies, $(( kib / 1024 )) MiB installed"
