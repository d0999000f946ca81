from __future__ import annotations

import configparser
from pathlib import Path

import colorize_bridge
from colorize_bridge.ui.docker import ColorizeBridgeDocker
from PyQt5.QtGui import QColor

from mock_krita import MockKrita, MockView, MockWindow

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


def test_docker_adds_the_active_views_foreground_colour_to_the_palette(qapp):
    krita = MockKrita.instance()
    krita.active_window = MockWindow(MockView(QColor(200, 30, 60)))
    try:
        docker = ColorizeBridgeDocker()
        docker.panel.palette.add_button.click()
        krita.active_window = MockWindow(None)  # no canvas open: the colour dialog instead
        docker.panel.palette.pick_color = lambda initial, parent: QColor(1, 2, 3)
        docker.panel.palette.add_button.click()
    finally:
        krita.active_window = None

    assert [(e.color.r, e.color.g, e.color.b) for e in docker.panel.palette.entries()] == [(200, 30, 60), (1, 2, 3)]
