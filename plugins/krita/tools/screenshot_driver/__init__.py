"""A helper Krita plugin for tools/screenshot_docker.py, never shipped.

Once Krita's window is up it draws a small line art document, shows the
ColorizeBridge docker, connects, creates the hints layer, paints a few dots,
colorizes with separate layers, takes the result as the reference page,
turns the live preview on, and then writes the docker's screen
geometry to CB_SHOT_MARKER so the outside script can take the screenshot.
Once CB_SHOT_CONTINUE exists it opens the Python Plugin Manager page of the
preferences and writes CB_SHOT_MARKER.dialog for the second screenshot.
"""
import json
import os

from krita import Extension, Krita
from PyQt5.QtCore import QPointF, QRectF, Qt, QTimer
from PyQt5.QtGui import QColor, QImage, QPainter, QPen
from PyQt5.QtWidgets import QAbstractItemView, QApplication, QDockWidget

from colorize_bridge.image_transfer import bgra_bytes

WIDTH, HEIGHT = 640, 480
DOTS = [((250, 170), QColor(240, 200, 60)), ((200, 330), QColor(60, 120, 220)),
        ((440, 330), QColor(220, 70, 70)), ((320, 420), QColor(80, 170, 90))]


def draw_line_art() -> QImage:
    image = QImage(WIDTH, HEIGHT, QImage.Format_ARGB32)
    image.fill(Qt.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setPen(QPen(Qt.black, 5))
    painter.drawEllipse(QRectF(200, 90, 240, 200))            # head
    painter.drawEllipse(QRectF(260, 160, 30, 36))             # eyes
    painter.drawEllipse(QRectF(350, 160, 30, 36))
    painter.drawArc(QRectF(280, 200, 80, 50), 200 * 16, 140 * 16)
    painter.drawLine(QPointF(120, 460), QPointF(200, 290))    # shoulders
    painter.drawLine(QPointF(520, 460), QPointF(440, 290))
    painter.drawLine(QPointF(200, 290), QPointF(440, 290))
    painter.drawLine(QPointF(320, 290), QPointF(320, 460))
    painter.end()
    return image


class ScreenshotDriver(Extension):
    def setup(self):
        Krita.instance().notifier().windowCreated.connect(lambda: QTimer.singleShot(3000, self.open_document))

    def createActions(self, window):  # noqa: N802 (Krita's Extension API)
        pass

    def open_document(self):
        krita = Krita.instance()
        doc = krita.createDocument(WIDTH, HEIGHT, "Page 1", "RGBA", "U8", "", 72.0)
        window = krita.activeWindow()
        window.addView(doc)
        line_art = doc.createNode("Line art", "paintlayer")
        doc.rootNode().addChildNode(line_art, None)
        line_art.setPixelData(bgra_bytes(draw_line_art()), 0, 0, WIDTH, HEIGHT)
        doc.setActiveNode(line_art)
        doc.refreshProjection()
        self.doc, self.line_art = doc, line_art
        main_window = window.qwindow()
        main_window.setGeometry(0, 0, 1440, 1080)
        for docker in main_window.findChildren(QDockWidget):
            # Only the layers and our panel, so the panel shows in full.
            if docker.objectName() not in ("colorize_bridge_docker", "KisLayerBox"):
                docker.hide()
        self.docker = next(d for d in main_window.findChildren(QDockWidget)
                           if d.objectName() == "colorize_bridge_docker")
        self.docker.show()
        self.docker.raise_()
        main_window.resizeDocks([self.docker], [360], Qt.Horizontal)
        self.panel = self.docker.widget()
        self.panel.address.setText(os.environ["CB_SHOT_SERVER"])
        self.panel.token.setText("")
        QTimer.singleShot(1500, self.connect)

    def connect(self):
        self.panel.connect_button.click()
        QTimer.singleShot(2000, self.paint_hints)

    def paint_hints(self):
        self.panel.refresh_layers()
        self.panel.create_hints_button.click()
        hints = next(n for n in self.doc.rootNode().childNodes() if n.name() == "Hints")
        for (x, y), colour in DOTS:
            dot = QImage(14, 14, QImage.Format_ARGB32)
            dot.fill(colour)
            hints.setPixelData(bgra_bytes(dot), x, y, 14, 14)
        self.doc.refreshProjection()
        self.panel.separate_layers_check.setChecked(True)
        self.panel.colorize_button.click()
        QTimer.singleShot(4000, self.use_as_reference)

    def use_as_reference(self):
        self.panel.use_reference_button.click()  # the hints layer is active: the result group's Flats
        QTimer.singleShot(500, self.start_preview)

    def start_preview(self):
        self.panel.live_preview_check.setChecked(True)
        QTimer.singleShot(4000, self.done)

    def done(self):
        top_left = self.docker.mapToGlobal(self.docker.rect().topLeft())
        geometry = [top_left.x(), top_left.y(), self.docker.width(), self.docker.height()]
        with open(os.environ["CB_SHOT_MARKER"], "w") as marker:
            json.dump({"docker": geometry, "active_layer": self.doc.activeNode().name(),
                       "job": self.panel.job_status.text(), "preview": self.panel.preview_status.text(),
                       "reference": self.panel.reference_page_label.text(),
                       "reference_status": self.panel.reference_page_status.text()}, marker)
        self.wait_for_shot = QTimer()
        self.wait_for_shot.timeout.connect(self.show_plugin_manager_when_shot)
        self.wait_for_shot.start(200)

    def show_plugin_manager_when_shot(self):
        if not os.path.exists(os.environ["CB_SHOT_CONTINUE"]):
            return
        self.wait_for_shot.stop()
        # The preferences dialog is modal: pick its page from inside its event loop.
        QTimer.singleShot(2000, self.select_plugin_manager_page)
        Krita.instance().action("options_configure").trigger()

    def select_plugin_manager_page(self):
        dialog = QApplication.activeModalWidget()
        for view in dialog.findChildren(QAbstractItemView):
            model = view.model()
            matches = model.match(model.index(0, 0), Qt.DisplayRole, "Python Plugin Manager", 1,
                                  Qt.MatchContains | Qt.MatchRecursive) if model is not None else []
            if matches:
                view.setCurrentIndex(matches[0])
                view.clicked.emit(matches[0])
                break
        QTimer.singleShot(1500, lambda: self.write_dialog_marker(dialog))

    def write_dialog_marker(self, dialog):
        top_left = dialog.mapToGlobal(dialog.rect().topLeft())
        with open(os.environ["CB_SHOT_MARKER"] + ".dialog", "w") as marker:
            json.dump({"dialog": [top_left.x(), top_left.y(), dialog.width(), dialog.height()]}, marker)


Krita.instance().addExtension(ScreenshotDriver(Krita.instance()))
