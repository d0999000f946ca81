from __future__ import annotations

import configparser
from pathlib import Path

import colorize_bridge
from colorize_bridge.ui.docker import ColorizeBridgeDocker
from mock_krita import MockKrita

PLUGIN_ROOT = Path(__file__).resolve().parents[1]


def test_importing_the_package_registers_the_docker():
    factories = MockKrita.instance().dock_widget_factories
    assert any(f.docker_id == colorize_bridge.DOCKER_ID and f.docker_class is ColorizeBridgeDocker for f in factories)


def test_desktop_file_names_the_package_as_a_krita_python_plugin():
    desktop = configparser.ConfigParser()
    desktop.read(PLUGIN_ROOT / "colorize_bridge.desktop")
    entry = desktop["Desktop Entry"]
    assert entry["ServiceTypes"] == "Krita/PythonPlugin"
    assert entry["X-KDE-Library"] == "colorize_bridge"
    assert (PLUGIN_ROOT / entry["X-KDE-Library"] / "__init__.py").is_file()


def test_docker_reads_address_from_krita_settings(qapp):
    MockKrita.instance().settings["colorize_bridge/address"] = "saved:1"
    docker = ColorizeBridgeDocker()
    assert docker.panel.address.text() == "saved:1"
    assert docker.widget() is docker.panel
