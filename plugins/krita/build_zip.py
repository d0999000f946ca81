"""Builds the zip for Krita's Tools > Scripts > Import Python Plugin from File.

Krita unpacks such a zip into its pykrita folder, so the zip holds exactly
what a manual install copies there: colorize_bridge.desktop and the
colorize_bridge/ package (no tests, no caches).

    /usr/bin/python3 plugins/krita/build_zip.py [OUTPUT.zip]
"""
from __future__ import annotations

import argparse
import zipfile
from pathlib import Path

PLUGIN_ROOT = Path(__file__).resolve().parent
PACKAGE = "colorize_bridge"
DEFAULT_OUTPUT = PLUGIN_ROOT.parents[1] / "artifacts" / "colorize_bridge-krita.zip"


def plugin_files() -> list:
    """(path on disk, name in the zip), the .desktop file first."""
    files = [(PLUGIN_ROOT / f"{PACKAGE}.desktop", f"{PACKAGE}.desktop")]
    for path in sorted((PLUGIN_ROOT / PACKAGE).rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            files.append((path, path.relative_to(PLUGIN_ROOT).as_posix()))
    return files


def build_zip(output: Path) -> Path:
    output.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, name in plugin_files():
            archive.write(path, name)
    return output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=DEFAULT_OUTPUT,
                        help=f"where to write the zip (default {DEFAULT_OUTPUT})")
    print(build_zip(parser.parse_args().output))


if __name__ == "__main__":
    main()
