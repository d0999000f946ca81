"""Takes the docs' screenshots of the ColorizeBridge docker in a real Krita.

Installs the plugin the way a user does (the zip from build_zip.py unpacked
into a fresh pykrita folder), starts the server with the tests' tiny model,
runs Krita on a virtual X display with tools/screenshot_driver driving the
panel, and saves the whole window, the docker alone and the Python Plugin
Manager page to docs/images/.
Needs Debian's krita, xvfb and imagemagick, and a Release build of the server.

    /usr/bin/python3 plugins/krita/tools/screenshot_docker.py
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
PLUGIN_ROOT = TOOLS.parent
REPO = PLUGIN_ROOT.parents[1]
sys.path.insert(0, str(PLUGIN_ROOT))
sys.path.insert(0, str(PLUGIN_ROOT / "tests"))

import build_zip  # noqa: E402
from test_real_krita import SERVER_DLL, free_port, wait_for_port, write_model_folder  # noqa: E402

IMAGES = REPO / "docs" / "images"
DISPLAY_NUMBER = 77
SCREEN = "1440x1080x24"


def wait_for(path: Path, what: str, timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while not path.is_file() and time.monotonic() < deadline:
        time.sleep(0.5)
    if not path.is_file():
        raise SystemExit(f"Krita did not finish {what} within {timeout_s:g} s")


def crop(image: Path, geometry: list, output: Path) -> None:
    x, y, width, height = geometry
    subprocess.run(["convert", str(image), "-crop", f"{width}x{height}+{x}+{y}", "+repage", str(output)], check=True)


def preferred_port(port: int) -> int:
    with socket.socket() as probe:
        return port if probe.connect_ex(("127.0.0.1", port)) != 0 else free_port()


def install_plugin(data_home: Path, config_home: Path) -> None:
    pykrita = data_home / "krita" / "pykrita"
    pykrita.mkdir(parents=True)
    with zipfile.ZipFile(build_zip.build_zip(data_home / "colorize_bridge.zip")) as archive:
        archive.extractall(pykrita)
    shutil.copytree(TOOLS / "screenshot_driver", pykrita / "screenshot_driver")
    (pykrita / "screenshot_driver.desktop").write_text(
        "[Desktop Entry]\nType=Service\nServiceTypes=Krita/PythonPlugin\n"
        "X-KDE-Library=screenshot_driver\nX-Python-2-Compatible=false\nName=Screenshot driver\n")
    config_home.mkdir(parents=True)
    (config_home / "kritarc").write_text(
        "[python]\nenable_colorize_bridge=true\nenable_screenshot_driver=true\n\n"
        "[General]\nshowSplashScreen=false\n")


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="cb-krita-shot-"))
    models = work / "models"
    write_model_folder(models)
    install_plugin(work / "data", work / "config")
    grpc_port, web_port = free_port(), preferred_port(50052)  # the docker's default address, where free
    server = subprocess.Popen(["dotnet", str(SERVER_DLL), "--listen", f"127.0.0.1:{grpc_port}",
                               "--web-listen", f"127.0.0.1:{web_port}", "--models", str(models)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    display = f":{DISPLAY_NUMBER}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", SCREEN, "-nolisten", "tcp"])
    marker = work / "done.json"
    env = {name: value for name, value in os.environ.items() if name != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=display, HOME=str(work), XDG_DATA_HOME=str(work / "data"),
               XDG_CONFIG_HOME=str(work / "config"), CB_SHOT_SERVER=f"127.0.0.1:{web_port}",
               CB_SHOT_MARKER=str(marker), CB_SHOT_CONTINUE=str(work / "continue"))
    krita = None
    try:
        wait_for_port(web_port, server)
        krita = subprocess.Popen(["krita", "--nosplash"], env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        wait_for(marker, "the scripted session")
        time.sleep(1)  # let the last repaint land
        state = json.loads(marker.read_text())
        IMAGES.mkdir(parents=True, exist_ok=True)
        window = IMAGES / "krita-window.png"
        subprocess.run(["import", "-display", display, "-window", "root", str(window)], check=True)
        crop(window, state["docker"], IMAGES / "krita-docker.png")
        (work / "continue").touch()
        dialog_marker = Path(str(marker) + ".dialog")
        wait_for(dialog_marker, "the Python Plugin Manager page")
        screen = work / "screen.png"
        subprocess.run(["import", "-display", display, "-window", "root", str(screen)], check=True)
        crop(screen, json.loads(dialog_marker.read_text())["dialog"], IMAGES / "krita-plugin-manager.png")
        print(json.dumps(state, indent=2))
    finally:
        for process in (krita, xvfb, server):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
