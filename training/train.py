"""Entry point: ``/usr/bin/python3 -m training.train --data DIR --name NAME``.
Resumes NAME's checkpoint when there is one (see --fresh)."""
from __future__ import annotations

from training.loop import training_loop
from training.options import parse_options


def main(argv: list[str] | None = None) -> None:
    run_dir = training_loop(parse_options(argv))
    print(f"run folder: {run_dir}")


if __name__ == "__main__":
    main()
