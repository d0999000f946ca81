"""The widgets bind to the models only (ui/__init__.py): a ui/ module that
imports the network, protocol or document code, or any other part of the
plugin outside ui/ and model/, fails here. Read from the source, so an import
inside a function or under TYPE_CHECKING counts too."""
from __future__ import annotations

import ast
from pathlib import Path
from typing import List

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "colorize_bridge"
UI_MODULES = sorted((PACKAGE / "ui").glob("*.py"))
ALLOWED_LAYERS = ("ui", "model")


def plugin_imports(module: Path) -> List[str]:
    """The plugin modules `module` imports, as absolute dotted names."""
    package = ["colorize_bridge", *module.relative_to(PACKAGE).parent.parts]
    names = []
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"), str(module))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            names += [target] if node.module else [f"{target}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
    return [name for name in names if name == "colorize_bridge" or name.startswith("colorize_bridge.")]


def layer_of(name: str) -> str:
    """colorize_bridge.model.steering -> "model"; the package itself -> ""."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_the_ui_folder_has_modules_to_check() -> None:
    assert {module.name for module in UI_MODULES} >= {"panel.py", "steering_controls.py"}


@pytest.mark.parametrize("module", UI_MODULES, ids=lambda module: module.name)
def test_ui_modules_import_only_ui_and_model(module: Path) -> None:
    outside = [name for name in plugin_imports(module) if layer_of(name) not in ALLOWED_LAYERS]

    assert outside == [], f"ui/{module.name} reaches past model/: {outside}"


def test_relative_imports_resolve_to_the_modules_they_name() -> None:
    names = plugin_imports(PACKAGE / "ui" / "panel.py")

    assert "colorize_bridge.model.connection" in names
    assert "colorize_bridge.ui.steering_controls" in names
