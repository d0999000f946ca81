from __future__ import annotations

import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import build_zip  # noqa: E402


def test_zip_holds_desktop_file_and_package_at_its_root(tmp_path):
    output = build_zip.build_zip(tmp_path / "plugin.zip")

    names = zipfile.ZipFile(output).namelist()

    assert names[0] == "colorize_bridge.desktop"
    assert "colorize_bridge/__init__.py" in names
    assert "colorize_bridge/protocol/messages.py" in names
    assert "colorize_bridge/ui/docker.py" in names


def test_zip_leaves_out_tests_and_caches(tmp_path):
    (Path(build_zip.PLUGIN_ROOT) / "colorize_bridge" / "__pycache__").mkdir(exist_ok=True)

    names = zipfile.ZipFile(build_zip.build_zip(tmp_path / "plugin.zip")).namelist()

    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc") or "tests/" in name]
