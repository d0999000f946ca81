"""A result's separate layers (docs/LAYERS.md) as a Krita group: which
layers, in which order, how they blend; and finding that group again."""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional

from PyQt5.QtCore import QSize

from ..document.krita_document import MULTIPLY_BLENDING, NORMAL_BLENDING, KritaDocument, LayerInfo, NewLayer, SelectionArea
from ..image_transfer import ImageDecodeError, from_wire_image, masked
from ..protocol.messages import ColorizeResult

# Layer names in ColorizeResult.layers (the contract's words) ...
SERVER_REGIONS, SERVER_FLATS, SERVER_SHADING, SERVER_LINES = "regions", "flats", "shading", "lines"
SERVER_MATCH = "match"  # only with a reference page (issue 17)
# ... and in the document, bottom to top.
REGIONS_LAYER, FLATS_LAYER, SHADING_LAYER, LINES_LAYER = "Regions", "Flats", "Shading", "Lines"
MATCH_LAYER = "Match confidence"

_SELECTED = bytes([0] + [255] * 255)  # bytes.translate table: any selection at all counts fully


@dataclass(frozen=True)
class _Slot:
    server_name: str
    layer_name: str
    blending: str = NORMAL_BLENDING
    visible: bool = True
    locked: bool = False


# Regions is a tool layer for Click to recolour: hidden and locked. The lines
# are the user's, so locked too; the shading multiplies over the flats.
_STACK = (
    _Slot(SERVER_REGIONS, REGIONS_LAYER, visible=False, locked=True),
    _Slot(SERVER_FLATS, FLATS_LAYER),
    _Slot(SERVER_SHADING, SHADING_LAYER, blending=MULTIPLY_BLENDING),
    _Slot(SERVER_LINES, LINES_LAYER, locked=True),
)
# Layers a result has only sometimes, above the stack. The match layer (how
# sure each region's match to the reference page is, docs/LAYERS.md) is a
# tool to look at: hidden and locked, on top so that showing it shows it.
_OPTIONAL = (
    _Slot(SERVER_MATCH, MATCH_LAYER, visible=False, locked=True),
)


def has_separate_layers(result: ColorizeResult) -> bool:
    """Whether the server sent the layers of docs/LAYERS.md. Older servers
    send none, or only "colour" and "line art": their result stays one layer."""
    names = {layer.name for layer in result.layers if layer.image is not None}
    return all(slot.server_name in names for slot in _STACK)


def separate_layers(result: ColorizeResult, size: QSize, selection: Optional[SelectionArea]) -> List[NewLayer]:
    """The group's layers, bottom first, each limited to the selection as the
    single result layer is. The Regions layer is cut hard (any selected pixel
    keeps its exact colour, the others become transparent): a soft edge would
    change the colours that name its regions."""
    images = {layer.name: layer.image for layer in result.layers if layer.image is not None}
    stack = []
    for slot in _STACK + tuple(slot for slot in _OPTIONAL if slot.server_name in images):
        image = from_wire_image(images[slot.server_name])
        if image.size() != size:
            raise ImageDecodeError(f"layer “{slot.server_name}” is {image.width()}x{image.height()}, "
                                   f"expected {size.width()}x{size.height()}")
        if selection is not None:
            mask = selection.mask.translate(_SELECTED) if slot.server_name == SERVER_REGIONS else selection.mask
            image = masked(image, mask)
        stack.append(NewLayer(slot.layer_name, image, slot.blending, slot.visible, slot.locked))
    return stack


@dataclass(frozen=True)
class ResultGroup:
    group: LayerInfo
    regions: LayerInfo
    flats: LayerInfo


def result_group_of_active_layer(document: KritaDocument) -> Optional[ResultGroup]:
    """The result group holding the active layer (or being it), if any."""
    groups = {group.group.id.toString(): group for group in _result_groups(document)}
    for layer_id in document.active_layer_and_parents():
        if layer_id.toString() in groups:
            return groups[layer_id.toString()]
    return None


def current_result_group(document: KritaDocument) -> Optional[ResultGroup]:
    """The result group the user works in: the one holding the active layer,
    else the topmost (the newest result lies over older ones)."""
    active = result_group_of_active_layer(document)
    if active is not None:
        return active
    groups = _result_groups(document)
    return groups[0] if groups else None


def _result_groups(document: KritaDocument) -> List[ResultGroup]:
    """Every result group, top first: a group with a Regions and a Flats layer in it."""
    groups = []
    for group in document.group_layers():
        children = {child.name: child for child in document.child_layers(group.id)}
        if REGIONS_LAYER in children and FLATS_LAYER in children:
            groups.append(ResultGroup(group, children[REGIONS_LAYER], children[FLATS_LAYER]))
    return groups
