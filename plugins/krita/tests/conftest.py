"""Test set-up: the mock Krita stands in for the `krita` module, and Qt runs
off screen so widgets and QtNetwork work without a display."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Callable

import pytest

PLUGIN_ROOT = Path(__file__).resolve().parents[1]
TESTS_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(PLUGIN_ROOT))
sys.path.insert(0, str(TESTS_DIR))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import mock_krita  # noqa: E402

sys.modules["krita"] = mock_krita

from PyQt5.QtWidgets import QApplication  # noqa: E402


@pytest.fixture(scope="session")
def qapp() -> QApplication:
    return QApplication.instance() or QApplication(["pytest"])


@pytest.fixture
def process_events(qapp: QApplication) -> Callable[..., None]:
    """Runs the Qt event loop until `condition()` holds (or the timeout)."""

    def run(condition: Callable[[], bool] = lambda: False, timeout_s: float = 5.0) -> None:
        deadline = time.monotonic() + timeout_s
        while not condition() and time.monotonic() < deadline:
            qapp.processEvents()
            time.sleep(0.002)

    return run
