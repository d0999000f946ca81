"""Runs inside a real Krita (kritarunner): the plugin's colorize and live
preview code paths against a running server, on a document made here, and a
reference page taken from one document steering another (issue 17).

kritarunner exits 0 even when a script fails, so the outcome goes to the
JSON file named by CB_E2E_REPORT; the pytest side reads it.
"""
from __future__ import annotations

import json
import os
import time
import traceback

SERVER = os.environ.get("CB_E2E_SERVER", "127.0.0.1:50052")
REPORT = os.environ.get("CB_E2E_REPORT", "/tmp/colorize_in_krita.json")
WIDTH, HEIGHT = 96, 64
PAPER = bytes([255, 255, 255, 255])
INK = bytes([0, 0, 0, 255])
RED_DOT = bytes([40, 40, 220, 255])    # B G R A
BLUE_DOT = bytes([220, 60, 30, 255])
RECOLOUR = (150, 30, 170)               # R G B
RECOLOUR_BGRA = bytes([170, 30, 150, 255])


def wait_until(condition, timeout_s: float = 30.0) -> bool:
    from PyQt5.QtWidgets import QApplication
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        QApplication.processEvents()
        time.sleep(0.005)
    return True


def line_art_pixels() -> bytes:
    """White paper with a black frame and a cross: closed regions to fill."""
    rows = []
    for y in range(HEIGHT):
        row = bytearray()
        for x in range(WIDTH):
            on_line = x in (4, 5, WIDTH - 5, WIDTH - 6, WIDTH // 2) or y in (4, 5, HEIGHT - 5, HEIGHT - 6, HEIGHT // 2)
            inside = 4 <= x < WIDTH - 4 and 4 <= y < HEIGHT - 4
            row += INK if on_line and inside else PAPER
        rows.append(bytes(row))
    return b"".join(rows)


# The reference scenario's figure: a frame with an off-centre cross, so its
# four compartments differ in size and no turn of the figure maps one onto another.
FIGURE_W, FIGURE_H, CROSS_X, CROSS_Y = 88, 56, 30, 22
COMPARTMENTS = {  # name: centre inside the figure, hint colour (B G R A)
    "top left": ((15, 11), bytes([40, 40, 220, 255])),
    "top right": ((59, 11), bytes([220, 60, 30, 255])),
    "bottom left": ((15, 39), bytes([50, 180, 40, 255])),
    "bottom right": ((59, 39), bytes([30, 200, 230, 255])),
}
PAGE_B_SIZE, PAGE_B_OFFSET = (128, 96), (20, 18)  # page A's figure sits at (4, 4) of 96x64


def figure_pixels(width: int, height: int, left: int, top: int) -> bytes:
    """White paper with the reference scenario's figure at (left, top)."""
    rows = []
    for y in range(height):
        row = bytearray()
        fy = y - top
        for x in range(width):
            fx = x - left
            inside = 0 <= fx < FIGURE_W and 0 <= fy < FIGURE_H
            on_line = fx in (0, 1, FIGURE_W - 2, FIGURE_W - 1, CROSS_X) or fy in (0, 1, FIGURE_H - 2, FIGURE_H - 1,
                                                                                 CROSS_Y)
            row += INK if on_line and inside else PAPER
        rows.append(bytes(row))
    return b"".join(rows)


def at_compartments(node, left: int, top: int) -> dict:
    """The layer's B, G, R, A at the centre of each compartment of the figure placed at (left, top)."""
    return {name: list(bytes(node.pixelData(left + x, top + y, 1, 1))) for name, ((x, y), _) in COMPARTMENTS.items()}


def paint_dot(node, x: int, y: int, colour: bytes, size: int = 6) -> None:
    node.setPixelData(colour * (size * size), x, y, size, size)


def node_by_id(parent, layer_id):
    for child in parent.childNodes():
        if child.uniqueId() == layer_id:
            return child
        found = node_by_id(child, layer_id)
        if found is not None:
            return found
    return None


def is_coloured(bgra: bytes) -> bool:
    """Any pixel whose channels differ clearly: not grey, so the model coloured it."""
    for i in range(0, len(bgra), 4):
        b, g, r = bgra[i], bgra[i + 1], bgra[i + 2]
        if max(b, g, r) - min(b, g, r) > 24:
            return True
    return False


def run_scenario() -> dict:
    from krita import Krita, Selection
    from PyQt5.QtGui import QColor

    from colorize_bridge.document.krita_document import KritaDocument
    from colorize_bridge.model.colorize_job import ColorizeJob, JobState
    from colorize_bridge.model.connection import Connection, ConnectionState
    from colorize_bridge.model.layer_choice import LayerChoice
    from colorize_bridge.model.live_preview import PREVIEW_LAYER_NAME, LivePreview
    from colorize_bridge.model.region_recolour import RegionRecolour

    krita = Krita.instance()
    doc = krita.createDocument(WIDTH, HEIGHT, "e2e", "RGBA", "U8", "", 72.0)
    root = doc.rootNode()
    line_node = doc.createNode("Line art", "paintlayer")
    root.addChildNode(line_node, None)
    line_node.setPixelData(line_art_pixels(), 0, 0, WIDTH, HEIGHT)
    document = KritaDocument(doc)
    # Without a view (kritarunner) Krita has no active node, so the line art
    # is chosen as in the panel's list rather than taken from the active layer.
    choice = LayerChoice(line_art=line_node.uniqueId())
    hints_info = choice.create_hints_layer(document)
    hints_node = node_by_id(root, hints_info.id)
    paint_dot(hints_node, 16, 14, RED_DOT)
    paint_dot(hints_node, 70, 44, BLUE_DOT)
    doc.refreshProjection()
    line_before = bytes(line_node.pixelData(0, 0, WIDTH, HEIGHT))

    connection = Connection()
    connection.connect_to(SERVER)
    wait_until(lambda: connection.state in (ConnectionState.CONNECTED, ConnectionState.ERROR))
    report = {"connection": connection.state.value, "connection_error": connection.error,
              "models": [m.name for m in connection.models]}
    if connection.state != ConnectionState.CONNECTED:
        return report

    # Colorize the whole canvas.
    job = ColorizeJob(connection)
    job.start(document, choice, "")
    wait_until(lambda: not job.is_running)
    report["job"] = job.state.value
    report["job_message"] = job.message
    if job.state == JobState.DONE:
        result = node_by_id(root, job.result_layer.id)
        result_pixels = bytes(result.pixelData(0, 0, WIDTH, HEIGHT))
        report["result_layer"] = result.name()
        report["result_coloured"] = is_coloured(result_pixels)
        report["result_opaque"] = all(result_pixels[i] == 255 for i in range(3, len(result_pixels), 4))
        report["layers_bottom_up"] = [node.name() for node in root.childNodes()]

    # Colorize inside a selection only.
    selection = Selection()
    selection.select(10, 8, 30, 20, 255)
    doc.setSelection(selection)
    job.start(document, choice, "")
    wait_until(lambda: not job.is_running)
    report["selection_job"] = job.state.value
    report["selection_job_message"] = job.message
    if job.state == JobState.DONE:
        result = node_by_id(root, job.result_layer.id)
        bounds = result.bounds()
        report["selection_result_bounds"] = [bounds.x(), bounds.y(), bounds.width(), bounds.height()]
        report["selection_outside_transparent"] = bytes(result.pixelData(60, 40, 4, 4)) == bytes(64)
    doc.setSelection(None)

    # Live preview: a first frame, then a new stroke brings a newer one.
    preview = LivePreview(connection)
    preview.start(document, choice, "")
    first = wait_until(lambda: preview.frames_shown >= 1, 20)
    paint_dot(hints_node, 40, 40, RED_DOT, size=8)
    second = wait_until(lambda: preview.frames_shown >= 2, 20)
    preview_layer = [node for node in root.childNodes() if node.name() == PREVIEW_LAYER_NAME]
    report["preview_frames"] = preview.frames_shown
    report["preview_first_and_second"] = [first, second]
    report["preview_message"] = preview.message
    report["preview_round_trip_ms"] = preview.last_round_trip_ms
    report["preview_layer_coloured"] = bool(preview_layer) and is_coloured(
        bytes(preview_layer[0].pixelData(0, 0, WIDTH, HEIGHT)))
    preview.stop()
    report["preview_layer_removed"] = all(node.name() != PREVIEW_LAYER_NAME for node in root.childNodes())

    # Separate layers: the result as a group, then one region recoloured.
    job.start(document, choice, "", separate=True)
    wait_until(lambda: not job.is_running)
    report["group_job"] = job.state.value
    report["group_job_message"] = job.message
    if job.state == JobState.DONE:
        group = node_by_id(root, job.result_layer.id)
        report["group_type"] = group.type()
        report["group_name"] = group.name()
        report["group_children"] = [[node.name(), node.blendingMode(), node.visible(), node.locked()]
                                    for node in group.childNodes()]
        regions_node, flats_node = group.childNodes()[0], group.childNodes()[1]
        flats_before = bytes(flats_node.pixelData(0, 0, WIDTH, HEIGHT))
        hints_before = bytes(hints_node.pixelData(0, 0, WIDTH, HEIGHT))
        selection = Selection()
        selection.select(24, 16, 4, 4, 255)  # inside the top left quarter of the frame
        doc.setSelection(selection)
        recolour = RegionRecolour()
        recolour.recolour(document, choice, QColor(*RECOLOUR))
        doc.setSelection(Selection())
        report["recolour"] = recolour.state.value
        report["recolour_message"] = recolour.message
        regions = bytes(regions_node.pixelData(0, 0, WIDTH, HEIGHT))
        flats_after = bytes(flats_node.pixelData(0, 0, WIDTH, HEIGHT))
        picked = regions[(18 * WIDTH + 26) * 4:(18 * WIDTH + 26) * 4 + 4]
        in_region = [regions[i:i + 4] == picked for i in range(0, len(regions), 4)]
        report["recoloured_pixels"] = sum(in_region)
        report["recolour_exact"] = all(
            flats_after[i * 4:i * 4 + 4] == (RECOLOUR_BGRA if inside else flats_before[i * 4:i * 4 + 4])
            for i, inside in enumerate(in_region))
        hints_after = bytes(hints_node.pixelData(0, 0, WIDTH, HEIGHT))
        dot = [i for i in range(0, len(hints_after), 4) if hints_after[i:i + 4] != hints_before[i:i + 4]]
        report["hint_dot_pixels"] = len(dot)
        report["hint_dot_in_region_and_colour"] = all(
            in_region[i // 4] and hints_after[i:i + 4] == RECOLOUR_BGRA for i in dot)

    report["line_art_unchanged"] = bytes(line_node.pixelData(0, 0, WIDTH, HEIGHT)) == line_before
    report.update(reference_scenario(connection))
    return report


def reference_scenario(connection) -> dict:
    """Page A is coloured from hints and taken as the reference page; page B,
    the same figure moved on a larger canvas and without any hints, is
    coloured with it (and once without, for comparison)."""
    from krita import Krita

    from colorize_bridge.document.krita_document import KritaDocument
    from colorize_bridge.model.colorize_job import ColorizeJob, JobState
    from colorize_bridge.model.layer_choice import LayerChoice
    from colorize_bridge.model.page_reference import PageReferenceState, SequenceReference

    krita = Krita.instance()
    page_a = krita.createDocument(WIDTH, HEIGHT, "page A", "RGBA", "U8", "", 72.0)
    lines_a = page_a.createNode("Line art", "paintlayer")
    page_a.rootNode().addChildNode(lines_a, None)
    lines_a.setPixelData(figure_pixels(WIDTH, HEIGHT, 4, 4), 0, 0, WIDTH, HEIGHT)
    choice_a = LayerChoice(line_art=lines_a.uniqueId())
    hints_a = node_by_id(page_a.rootNode(), choice_a.create_hints_layer(KritaDocument(page_a)).id)
    for (x, y), colour in COMPARTMENTS.values():
        paint_dot(hints_a, 4 + x - 3, 4 + y - 3, colour)
    page_a.refreshProjection()

    job = ColorizeJob(connection)
    job.start(KritaDocument(page_a), choice_a, "", separate=True)
    wait_until(lambda: not job.is_running)
    report = {"reference_a_job": job.state.value, "reference_a_job_message": job.message}
    if job.state != JobState.DONE:
        return report
    flats_a = node_by_id(page_a.rootNode(), job.result_layer.id).childNodes()[1]
    report["reference_a_colours"] = at_compartments(flats_a, 4, 4)

    sequence = SequenceReference()
    sequence.take(KritaDocument(page_a), choice_a)  # no view, no active layer: the newest result group's Flats
    report["reference_state"] = sequence.state.value
    report["reference_message"] = sequence.message
    report["reference_description"] = sequence.description
    if sequence.state != PageReferenceState.SET:
        return report

    width_b, height_b = PAGE_B_SIZE
    left_b, top_b = PAGE_B_OFFSET
    page_b = krita.createDocument(width_b, height_b, "page B", "RGBA", "U8", "", 72.0)
    lines_b = page_b.createNode("Line art", "paintlayer")
    page_b.rootNode().addChildNode(lines_b, None)
    lines_b.setPixelData(figure_pixels(width_b, height_b, left_b, top_b), 0, 0, width_b, height_b)
    page_b.refreshProjection()
    choice_b = LayerChoice(line_art=lines_b.uniqueId())

    def colour_page_b(reference):
        job.start(KritaDocument(page_b), choice_b, "", separate=True, reference=reference)
        wait_until(lambda: not job.is_running)
        if job.state != JobState.DONE:
            return None
        return node_by_id(page_b.rootNode(), job.result_layer.id)

    plain = colour_page_b(None)
    if plain is not None:
        report["page_b_plain_colours"] = at_compartments(plain.childNodes()[1], left_b, top_b)
    group = colour_page_b(sequence.page)
    report["page_b_job"] = job.state.value
    report["page_b_job_message"] = job.message
    if group is None:
        return report
    layers = group.childNodes()
    report["page_b_group_children"] = [[node.name(), node.visible(), node.locked()] for node in layers]
    report["page_b_colours"] = at_compartments(layers[1], left_b, top_b)
    match = [node for node in layers if node.name() == "Match confidence"]
    if match:
        report["page_b_match"] = at_compartments(match[0], left_b, top_b)
    return report


def main(*args) -> None:
    try:
        report = run_scenario()
    except Exception:  # noqa: BLE001 (kritarunner swallows exceptions: report them)
        report = {"exception": traceback.format_exc()}
    with open(REPORT, "w", encoding="utf-8") as out:
        json.dump(report, out, indent=2)
