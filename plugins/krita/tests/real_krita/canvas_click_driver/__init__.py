"""A helper Krita plugin for tests/test_real_krita.py, never shipped: Click to
recolour in a real Krita window (kritarunner has no views, so no canvas).

Once the window is up it makes a page of four compartments at 150 ppi,
colorizes it with separate layers through the ColorizeBridge docker, turns
Click to recolour on and clicks three compartments at three zooms, rotations
and mirrorings. Where to click is found on the screen, not computed: a magenta
marker is painted at the target, the canvas widget is grabbed, and the click
goes to the marker's centre there, so the plugin's own view transform is put
to the test. Then two undos, a click on the paper, a click with nothing
selected and Esc. The outcome goes
to the JSON file named by CB_E2E_REPORT.
"""
import collections
import json
import os
import time
import traceback

from krita import Extension, Krita, ManagedColor, Selection
from PyQt5.QtCore import QEvent, QPointF, Qt, QTimer
from PyQt5.QtGui import QColor, QKeyEvent, QMouseEvent
from PyQt5.QtWidgets import QApplication, QDockWidget

REPORT = os.environ.get("CB_E2E_REPORT", "/tmp/canvas_clicks.json")
SERVER = os.environ.get("CB_E2E_SERVER", "127.0.0.1:50052")
WIDTH, HEIGHT, PPI = 240, 160, 150.0
CROSS_X, CROSS_Y = 120, 80
INK, PAPER = bytes([0, 0, 0, 255]), bytes([255, 255, 255, 255])
COMPARTMENTS = {  # name: (a point inside, off centre; the hint dot's colour B G R A)
    "top left": ((40, 30), bytes([40, 40, 220, 255])),
    "top right": ((200, 40), bytes([220, 60, 30, 255])),
    "bottom left": ((45, 125), bytes([50, 180, 40, 255])),
    "bottom right": ((180, 120), bytes([30, 200, 230, 255])),
}
# (zoom level or None for Krita's own, rotation, mirror, compartment clicked)
VIEWS = [(None, 0.0, False, "top left"), (1.6, 30.0, False, "bottom right"), (0.9, -45.0, True, "top right")]
PAPER_POINT = (4, 150)
RECOLOUR = QColor(150, 30, 170)
USER_SELECTION = (2, 2, 6, 4)  # x, y, w, h: the user's own selection, kept across recolours


def wait_until(condition, timeout_s=30.0):
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        QApplication.processEvents()
        time.sleep(0.005)
    return True


def settle(seconds=0.4):
    wait_until(lambda: False, seconds)


def line_art():
    rows = []
    for y in range(HEIGHT):
        row = bytearray()
        for x in range(WIDTH):
            inside = 10 <= x < WIDTH - 10 and 10 <= y < HEIGHT - 10
            on_line = x in (10, 11, WIDTH - 12, WIDTH - 11, CROSS_X) or y in (10, 11, HEIGHT - 12, HEIGHT - 11, CROSS_Y)
            row += INK if inside and on_line else PAPER
        rows.append(bytes(row))
    return b"".join(rows)


def pixel(node, point):
    return list(bytes(node.pixelData(point[0], point[1], 1, 1)))


def find_child(parent, name):
    return next(child for child in parent.childNodes() if child.name() == name)


class CanvasClickDriver(Extension):
    def setup(self):
        Krita.instance().notifier().windowCreated.connect(lambda: QTimer.singleShot(2000, self.run))

    def createActions(self, window):  # noqa: N802 (Krita's Extension API)
        pass

    def run(self):
        report = {"user_selection": list(USER_SELECTION), "recolour_name": RECOLOUR.name(),
                  "device_pixel_ratio": QApplication.primaryScreen().devicePixelRatio(),
                  "recolour_bgra": [RECOLOUR.blue(), RECOLOUR.green(), RECOLOUR.red(), 255]}
        try:
            self.scenario(report)
        except Exception:  # the report is the verdict: everything goes there
            report["exception"] = traceback.format_exc()
        with open(REPORT + ".part", "w") as out:
            json.dump(report, out, indent=1)
        os.replace(REPORT + ".part", REPORT)

    def scenario(self, report):
        from colorize_bridge.document.krita_canvas import active_canvas
        from colorize_bridge.model.colorize_job import JobState
        from colorize_bridge.model.connection import ConnectionState

        krita = Krita.instance()
        doc = krita.createDocument(WIDTH, HEIGHT, "canvas clicks", "RGBA", "U8", "", PPI)
        window = krita.activeWindow()
        view = window.addView(doc)
        window.qwindow().setGeometry(0, 0, 1400, 1000)
        lines = doc.createNode("Line art", "paintlayer")
        doc.rootNode().addChildNode(lines, None)
        lines.setPixelData(line_art(), 0, 0, WIDTH, HEIGHT)
        doc.setActiveNode(lines)
        doc.refreshProjection()
        settle()

        docker = next(d for d in window.qwindow().findChildren(QDockWidget)
                      if d.objectName() == "colorize_bridge_docker")
        docker.show()
        panel = docker.widget()
        panel.address.setText(SERVER)
        panel.token.setText("")
        panel.connect_button.click()
        wait_until(lambda: panel.connection.state in (ConnectionState.CONNECTED, ConnectionState.ERROR))
        report["connection"] = panel.connection.state.value
        panel.refresh_layers()
        panel.create_hints_button.click()
        settle()
        hints = find_child(doc.rootNode(), "Hints")
        for (x, y), colour in COMPARTMENTS.values():
            hints.setPixelData(colour * 36, x - 3, y - 3, 6, 6)
        doc.refreshProjection()
        # As a user would: pick the line art and the hints in the panel's lists.
        settle(1.0)  # Krita tells the docker of the new view late; that resets the panel's choice
        panel.refresh_layers()
        for combo, layer in ((panel.line_art_combo, lines), (panel.hints_combo, hints)):
            index = combo.findData(layer.uniqueId())
            combo.setCurrentIndex(index)
            combo.activated.emit(index)
        report["line_art_chosen"] = panel.line_art_combo.currentText()
        panel.separate_layers_check.setChecked(True)
        panel.colorize_button.click()
        wait_until(lambda: not panel.job.is_running, 60)
        report["job"] = panel.job.state.value
        report["job_message"] = panel.job.message
        if panel.job.state != JobState.DONE:
            return
        settle()
        group = next(n for n in reversed(doc.rootNode().childNodes()) if n.type() == "grouplayer")
        flats = find_child(group, "Flats")
        report["flats_before"] = {name: pixel(flats, point) for name, (point, _) in COMPARTMENTS.items()}
        hints_before = bytes(hints.pixelData(0, 0, WIDTH, HEIGHT))
        regions = bytes(find_child(group, "Regions").pixelData(0, 0, WIDTH, HEIGHT))
        words = [regions[i:i + 4] for i in range(0, len(regions), 4)]
        report["region_sizes"] = sorted(collections.Counter(words).values())

        # The user's state, which a recolour must leave as it was.
        doc.setActiveNode(hints)
        selection = Selection()
        selection.select(*USER_SELECTION, 255)
        doc.setSelection(selection)
        view.setForeGroundColor(ManagedColor.fromQColor(RECOLOUR, view.canvas()))
        settle()

        panel.click_recolour_button.click()
        report["click_mode_on"] = panel.click_recolour_button.isChecked()
        report["click_mode_status"] = panel.recolour_status.text()
        canvas = active_canvas()
        report["canvas_class"] = canvas.widget.metaObject().className() if canvas is not None else None
        if canvas is None:
            return

        def click_at(point):
            """Finds `point` of the image on the screen and clicks there; returns the widget position."""
            marker = doc.createNode("Marker", "paintlayer")
            doc.rootNode().addChildNode(marker, None)
            marker.setPixelData(bytes([255, 0, 255, 255]) * 25, point[0] - 2, point[1] - 2, 5, 5)
            doc.refreshProjection()
            doc.waitForDone()
            settle(0.6)
            shot = canvas.widget.grab().toImage()
            found = [(x, y) for y in range(shot.height()) for x in range(shot.width())
                     if _magenta(shot.pixel(x, y))]
            marker.remove()
            doc.setActiveNode(hints)
            doc.refreshProjection()
            doc.waitForDone()
            settle()
            if not found:
                return None
            # On a scaled screen (QT_SCALE_FACTOR) the grab has device pixels, events come in logical ones.
            scale = shot.width() / canvas.widget.width()
            at = QPointF((sum(x for x, _ in found) / len(found) + 0.5) / scale,
                         (sum(y for _, y in found) / len(found) + 0.5) / scale)
            for kind in (QEvent.MouseButtonPress, QEvent.MouseButtonRelease):
                buttons = Qt.LeftButton if kind == QEvent.MouseButtonPress else Qt.NoButton
                QApplication.sendEvent(canvas.widget, QMouseEvent(kind, at, Qt.LeftButton, buttons, Qt.NoModifier))
            doc.waitForDone()
            settle()
            mapped = canvas.geometry().image_pixel(at)
            report.setdefault("mapped", []).append([point, [mapped.x(), mapped.y()] if mapped else None])
            return [round(at.x(), 1), round(at.y(), 1)]

        report["clicks"] = []
        for zoom, rotation, mirror, name in VIEWS:
            if zoom is not None:
                view.canvas().setZoomLevel(zoom)
            view.canvas().setRotation(rotation)
            view.canvas().setMirror(mirror)
            settle()
            at = click_at(COMPARTMENTS[name][0])
            current = doc.selection()
            report["clicks"].append({
                "view": [view.canvas().zoomLevel(), rotation, mirror], "compartment": name, "widget_point": at,
                "status": panel.recolour_status.text(),
                "flats": {n: pixel(flats, p) for n, (p, _) in COMPARTMENTS.items()},
                "active_layer": doc.activeNode().name() if doc.activeNode() is not None else None,
                "selection": [current.x(), current.y(), current.width(), current.height()] if current else None,
                "foreground": view.foregroundColor().colorForCanvas(view.canvas()).name(),
            })

        hints_after = bytes(hints.pixelData(0, 0, WIDTH, HEIGHT))
        report["hint_pixels_added"] = sum(1 for i in range(0, len(hints_after), 4)
                                          if hints_after[i:i + 4] != hints_before[i:i + 4])
        undo = krita.action("edit_undo")
        undo.trigger()
        doc.waitForDone()
        settle()
        undo.trigger()
        doc.waitForDone()
        settle()
        report["after_two_undos"] = {n: pixel(flats, p) for n, (p, _) in COMPARTMENTS.items()}
        hints_undone = bytes(hints.pixelData(0, 0, WIDTH, HEIGHT))
        report["hint_pixels_after_undos"] = sum(1 for i in range(0, len(hints_undone), 4)
                                                if hints_undone[i:i + 4] != hints_before[i:i + 4])

        flats_before_paper = bytes(flats.pixelData(0, 0, WIDTH, HEIGHT))
        report["paper_click_point"] = click_at(PAPER_POINT)
        report["paper_click_status"] = panel.recolour_status.text()
        report["paper_click_changed_flats"] = bytes(flats.pixelData(0, 0, WIDTH, HEIGHT)) != flats_before_paper

        # Most users click with nothing selected: the fill's own selection must not stay behind.
        doc.setSelection(None)
        settle()
        report["no_selection_click_point"] = click_at(COMPARTMENTS["bottom left"][0])
        report["no_selection_click_status"] = panel.recolour_status.text()
        report["no_selection_click_flat"] = pixel(flats, COMPARTMENTS["bottom left"][0])
        report["selection_after_no_selection_click"] = doc.selection() is not None

        QApplication.sendEvent(canvas.widget, QKeyEvent(QEvent.KeyPress, Qt.Key_Escape, Qt.NoModifier))
        settle()
        report["click_mode_after_escape"] = panel.click_recolour_button.isChecked()
        doc.setModified(False)


def _magenta(argb):
    red, green, blue = (argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF
    return red > 200 and blue > 200 and green < 60


Krita.instance().addExtension(CanvasClickDriver(Krita.instance()))
