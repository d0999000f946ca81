"""What steers the colours besides the hints layer, by the model's kind
(docs/MODELS.md, "The other kinds"): a palette, a reference layer or colour
tags. `Steering` is what the panel's controls hold; `resolve` checks it
against the document and turns it into the fields of `Hints`, with a message
that says what to fill in when something the model needs is missing, before
any call goes to the server."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional, Sequence, Tuple

from PyQt5.QtCore import QUuid

from ..document.krita_document import DocumentError, KritaDocument
from ..image_transfer import fit_within, png_bytes, scaled
from ..protocol.messages import Color, Hints, Image, PaletteEntry

KIND_HINTS = "hints"
KIND_AUTO = "auto"
KIND_PALETTE = "palette"
KIND_REFERENCE = "reference"
KIND_TAGS = "tags"

MAX_PALETTE_ENTRIES = 32  # the contract's limit for Hints.palette
# The server shrinks the reference to 128x128; a larger PNG would only cost time.
REFERENCE_SIDE = 512


Palette = Tuple[PaletteEntry, ...]  # what Steering.palette holds: Hints.palette
PaletteColour = Tuple[int, int, int, float]  # one swatch of the panel: red, green, blue (0-255), weight


class SteeringError(ValueError):
    """A control the selected model needs is empty or invalid; the message says what to do."""


def parse_tags(text: str) -> Tuple[str, ...]:
    """Comma-separated tags, trimmed, empty ones dropped, repeats (in any case) once."""
    tags, seen = [], set()
    for part in text.split(","):
        tag = part.strip()
        if tag and tag.lower() not in seen:
            seen.add(tag.lower())
            tags.append(tag)
    return tuple(tags)


def format_tags(tags: Iterable[str]) -> str:
    return ", ".join(tags)


def palette_of(colours: Sequence[PaletteColour]) -> Palette:
    """The palette of the panel's swatches, as Steering takes it."""
    return tuple(PaletteEntry(Color(red, green, blue), float(weight)) for red, green, blue, weight in colours)


@dataclass(frozen=True)
class ResolvedSteering:
    """The steering fields ready for the wire; `hints` adds the hint layer."""

    takes_hints: bool = True
    palette: Palette = ()
    reference: Optional[Image] = None
    tags: Tuple[str, ...] = ()

    def hints(self, hint_layer: Optional[Image]) -> Hints:
        return Hints(hint_layer if self.takes_hints else None, palette=self.palette, reference=self.reference,
                     tags=self.tags)


@dataclass(frozen=True)
class Steering:
    kind: str = KIND_HINTS
    palette: Palette = ()
    reference: Optional[QUuid] = None  # a paint layer of the document
    tags: Tuple[str, ...] = ()
    vocabulary: Tuple[str, ...] = ()   # the tags model's ModelInfo.tags; empty = not checked here

    @property
    def takes_hints(self) -> bool:
        """An `auto` model takes no hints at all; every other kind takes dots too."""
        return self.kind != KIND_AUTO

    def resolve(self, document: KritaDocument, line_art: Optional[QUuid] = None) -> ResolvedSteering:
        """The fields of the selected model's kind (and only those: the server
        refuses a field the model cannot use). Raises SteeringError, or
        DocumentError for a layer that went away."""
        if self.kind == KIND_PALETTE:
            if not self.palette:
                raise SteeringError("Pick at least one palette colour (Add foreground colour).")
            if len(self.palette) > MAX_PALETTE_ENTRIES:
                raise SteeringError(f"A palette holds at most {MAX_PALETTE_ENTRIES} colours; "
                                    f"remove {len(self.palette) - MAX_PALETTE_ENTRIES}.")
            return ResolvedSteering(palette=self.palette)
        if self.kind == KIND_REFERENCE:
            return ResolvedSteering(reference=self._reference_image(document, line_art))
        if self.kind == KIND_TAGS:
            return ResolvedSteering(tags=self._checked_tags())
        return ResolvedSteering(takes_hints=self.takes_hints)

    def _reference_image(self, document: KritaDocument, line_art: Optional[QUuid]) -> Image:
        if self.reference is None:
            raise SteeringError("Choose the reference layer: a colour illustration for the model to follow.")
        if not document.has_layer(self.reference):
            raise DocumentError("The reference layer chosen in the ColorizeBridge panel no longer exists; "
                                "choose another.")
        if self.reference == line_art:
            raise SteeringError("The line art and the reference must be different layers.")
        if document.painted_rect(self.reference).isEmpty():
            raise SteeringError(f"The reference layer “{document.layer_name(self.reference)}” is empty; "
                                "paste or paint a colour illustration on it.")
        # The whole layer, whatever is selected: the model follows its colours and their layout.
        return Image(png_bytes(scaled(document.read_layer(self.reference, document.canvas_rect),
                                      fit_within(document.size, REFERENCE_SIDE))))

    def _checked_tags(self) -> Tuple[str, ...]:
        if not self.tags:
            known = f" (this model knows: {format_tags(self.vocabulary)})" if self.vocabulary else ""
            raise SteeringError(f"Enter at least one colour tag{known}.")
        if not self.vocabulary:
            return self.tags
        by_key = {word.strip().lower(): word for word in self.vocabulary}
        unknown = [tag for tag in self.tags if tag.strip().lower() not in by_key]
        if unknown:
            raise SteeringError(f"Unknown tag{'s' if len(unknown) > 1 else ''} {format_tags(unknown)}; "
                                f"this model knows: {format_tags(self.vocabulary)}.")
        return tuple(by_key[tag.strip().lower()] for tag in self.tags)
