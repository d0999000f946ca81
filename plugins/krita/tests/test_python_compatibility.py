"""Krita 5.0 and 5.1 ship Python 3.8 on Windows and macOS, so the plugin's
code must not use newer syntax (the tests run on Debian's 3.11)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "colorize_bridge"
SOURCES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_source_parses_as_python_3_8(source):
    ast.parse(source.read_text(encoding="utf-8"), filename=str(source), feature_version=(3, 8))


def test_only_stdlib_pyqt5_and_krita_are_imported():
    allowed = {"PyQt5", "krita", "__future__"}
    stdlib_used = {"argparse", "collections", "dataclasses", "datetime", "enum", "math", "struct", "time", "typing", "urllib", "zlib"}
    foreign = set()
    for source in SOURCES:
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue
            foreign |= {name.split(".")[0] for name in names} - allowed - stdlib_used
    assert foreign == set()
