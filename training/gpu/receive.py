"""Here, after a GPU run: turn the files it brought back into a run folder that
training.export exports and training.train resumes.

    /usr/bin/python3 -m training.gpu.receive --from /work/.device/.../files --name alac-hints-gpu
    /usr/bin/python3 -m training.export --run training/runs/alac-hints-gpu --name alac-hints-gpu"""
from __future__ import annotations

import argparse
from pathlib import Path

from training.gpu.bundle import unpack_run
from training.options import RUNS_ROOT


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="source", type=Path, required=True, help="folder holding the run's run.json and weight shards")
    parser.add_argument("--name", required=True, help="run name the folder gets under --runs-dir")
    parser.add_argument("--runs-dir", type=Path, default=RUNS_ROOT, help="folder of runs")
    options = parser.parse_args(argv)
    run_dir = options.runs_dir / options.name
    if (run_dir / "checkpoint").exists():
        raise SystemExit(f"{run_dir} already has a checkpoint; pick another --name")
    print(unpack_run(options.source, run_dir))


if __name__ == "__main__":
    main()
