"""The messages of proto/colorizebridge/v1/colorizer.proto the plugin uses.

Requests only encode and responses only decode; `Image` does both because it
travels both ways. A oneof is one attribute holding whichever member is set
(the members have distinct Python types). Field numbers match the .proto;
tests/test_messages.py checks every field against Google's protobuf.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import List, Optional, Tuple, Union

from .wire import (
    WIRE_LENGTH_DELIMITED,
    MessageWriter,
    WireFormatError,
    as_bytes,
    as_float,
    as_int,
    as_string,
    read_fields,
)


class PixelFormat(enum.IntEnum):
    UNSPECIFIED = 0
    RGBA8 = 1
    BGRA8 = 2
    GRAY8 = 3

    def bytes_per_pixel(self) -> int:
        return 1 if self is PixelFormat.GRAY8 else 4


class OutputFormat(enum.IntEnum):
    UNSPECIFIED = 0
    PNG = 1
    RAW_RGBA8 = 2


class LineComposite(enum.IntEnum):
    UNSPECIFIED = 0
    MULTIPLY = 1
    NONE = 2


class ModelState(enum.IntEnum):
    UNSPECIFIED = 0
    LOADING = 1
    READY = 2
    FAILED = 3


def _enum_or_unspecified(enum_type, value: int):
    # A newer server may send enum values this plugin does not know yet.
    try:
        return enum_type(value)
    except ValueError:
        return enum_type(0)


# ------------------------------------------------------------------ images

@dataclass(frozen=True)
class RawImage:
    width: int
    height: int
    format: PixelFormat
    pixels: bytes

    def encode(self) -> bytes:
        writer = MessageWriter()
        writer.uint(1, self.width)
        writer.uint(2, self.height)
        writer.uint(3, self.format)
        writer.bytes_field(4, self.pixels)
        return writer.finish()

    @staticmethod
    def decode(data: bytes) -> RawImage:
        width = height = 0
        pixel_format = PixelFormat.UNSPECIFIED
        pixels = b""
        for number, _, value in read_fields(data):
            if number == 1:
                width = as_int(value)
            elif number == 2:
                height = as_int(value)
            elif number == 3:
                pixel_format = _enum_or_unspecified(PixelFormat, as_int(value))
            elif number == 4:
                pixels = as_bytes(value)
        return RawImage(width, height, pixel_format, pixels)


@dataclass(frozen=True)
class Image:
    """oneof data: PNG file bytes, or a RawImage."""

    data: Union[bytes, RawImage]

    def encode(self) -> bytes:
        writer = MessageWriter()
        if isinstance(self.data, RawImage):
            writer.message(2, self.data.encode())
        else:
            writer.length_delimited(1, self.data)
        return writer.finish()

    @staticmethod
    def decode(data: bytes) -> Image:
        content: Optional[Union[bytes, RawImage]] = None
        for number, wire_type, value in read_fields(data):
            if number == 1 and wire_type == WIRE_LENGTH_DELIMITED:
                content = as_bytes(value)
            elif number == 2 and wire_type == WIRE_LENGTH_DELIMITED:
                content = RawImage.decode(as_bytes(value))
        if content is None:
            raise WireFormatError("Image carries neither png nor raw")
        return Image(content)


# ------------------------------------------------------------------- hints

@dataclass(frozen=True)
class Color:
    r: int = 0  # 0..255
    g: int = 0
    b: int = 0

    def encode(self) -> bytes:
        writer = MessageWriter()
        writer.uint(1, self.r)
        writer.uint(2, self.g)
        writer.uint(3, self.b)
        return writer.finish()


@dataclass(frozen=True)
class PaletteEntry:
    color: Color
    weight: float = 0.0  # relative share; 0 = equal shares

    def encode(self) -> bytes:
        writer = MessageWriter()
        writer.message(1, self.color.encode())  # black is an empty Color, still present
        writer.float_field(2, self.weight)
        return writer.finish()


@dataclass(frozen=True)
class Hints:
    """What steers the colours. The plugin sends what the user painted as one
    layer (no strokes); palette, reference and tags are for the models of
    those kinds (docs/MODELS.md, "The other kinds")."""

    hint_layer: Optional[Image] = None
    palette: Tuple[PaletteEntry, ...] = ()
    reference: Optional[Image] = None
    tags: Tuple[str, ...] = ()

    def encode(self) -> bytes:
        writer = MessageWriter()
        if self.hint_layer is not None:
            writer.message(1, self.hint_layer.encode())
        for entry in self.palette:
            writer.message(3, entry.encode())
        if self.reference is not None:
            writer.message(4, self.reference.encode())
        for tag in self.tags:
            writer.length_delimited(5, tag.encode("utf-8"))  # repeated: empty strings travel too
        return writer.finish()


# ---------------------------------------------------------------- Colorize

@dataclass(frozen=True)
class ColorizeOptions:
    output_format: OutputFormat = OutputFormat.UNSPECIFIED
    line_composite: LineComposite = LineComposite.UNSPECIFIED
    work_side: int = 0  # 0 = the model's preferred size
    return_layers: bool = False  # also the separate layers (docs/LAYERS.md)
    # With a reference page: how sure a region's match must be to take its
    # counterpart's colour (0 to 1; 0 = the server's default, 0.5).
    min_match_confidence: float = 0.0
    # Gaps in the lines up to about this many pixels (1 to 64) are closed when
    # the line art is cut into regions for the flats; 0 = the server's default, 3.
    gap_size: int = 0

    def encode(self) -> bytes:
        writer = MessageWriter()
        writer.uint(1, self.output_format)
        writer.uint(2, self.line_composite)
        writer.uint(4, self.work_side)
        writer.uint(5, int(self.return_layers))
        writer.uint(8, self.gap_size)
        writer.float_field(9, self.min_match_confidence)
        return writer.finish()


@dataclass(frozen=True)
class ReferencePage:
    """A finished page or frame whose colours the new line art follows region
    by region (issue 17): its line art and its colours, the same size."""

    line_art: Image
    colours: Image

    def encode(self) -> bytes:
        writer = MessageWriter()
        writer.message(1, self.line_art.encode())
        writer.message(2, self.colours.encode())
        return writer.finish()


@dataclass(frozen=True)
class ColorizeRequest:
    model: str
    line_art: Image
    hints: Hints
    options: ColorizeOptions = ColorizeOptions()
    reference_page: Optional[ReferencePage] = None

    def encode(self) -> bytes:
        writer = MessageWriter()
        writer.string(1, self.model)
        writer.message(2, self.line_art.encode())
        writer.message(3, self.hints.encode())
        writer.message(4, self.options.encode())
        if self.reference_page is not None:
            writer.message(5, self.reference_page.encode())
        return writer.finish()


@dataclass(frozen=True)
class Queued:
    position: int = 0

    @staticmethod
    def decode(data: bytes) -> Queued:
        position = 0
        for number, _, value in read_fields(data):
            if number == 1:
                position = as_int(value)
        return Queued(position)


@dataclass(frozen=True)
class Progress:
    fraction: float = 0.0
    stage: str = ""

    @staticmethod
    def decode(data: bytes) -> Progress:
        fraction, stage = 0.0, ""
        for number, _, value in read_fields(data):
            if number == 1:
                fraction = as_float(value)
            elif number == 2:
                stage = as_string(value)
        return Progress(fraction, stage)


@dataclass(frozen=True)
class Layer:
    name: str
    image: Optional[Image]

    @staticmethod
    def decode(data: bytes) -> Layer:
        name, image = "", None
        for number, _, value in read_fields(data):
            if number == 1:
                name = as_string(value)
            elif number == 2:
                image = Image.decode(as_bytes(value))
        return Layer(name, image)


@dataclass(frozen=True)
class Recipe:
    model: str = ""
    version: str = ""
    seed: int = 0
    work_width: int = 0
    work_height: int = 0

    @staticmethod
    def decode(data: bytes) -> Recipe:
        values = {}
        names = {1: "model", 2: "version", 3: "seed", 4: "work_width", 5: "work_height"}
        for number, _, value in read_fields(data):
            if number in (1, 2):
                values[names[number]] = as_string(value)
            elif number in names:
                values[names[number]] = as_int(value)
        return Recipe(**values)


@dataclass(frozen=True)
class ColorizeResult:
    image: Optional[Image]
    layers: List[Layer] = field(default_factory=list)
    recipe: Recipe = Recipe()

    @staticmethod
    def decode(data: bytes) -> ColorizeResult:
        image: Optional[Image] = None
        layers: List[Layer] = []
        recipe = Recipe()
        for number, _, value in read_fields(data):
            if number == 1:
                image = Image.decode(as_bytes(value))
            elif number == 2:
                layers.append(Layer.decode(as_bytes(value)))
            elif number == 3:
                recipe = Recipe.decode(as_bytes(value))
        return ColorizeResult(image, layers, recipe)


ColorizeUpdateKind = Union[Queued, Progress, Image, ColorizeResult]


@dataclass(frozen=True)
class ColorizeUpdate:
    """oneof update: Queued, Progress, Image (a preview) or ColorizeResult."""

    update: Optional[ColorizeUpdateKind]

    @staticmethod
    def decode(data: bytes) -> ColorizeUpdate:
        update: Optional[ColorizeUpdateKind] = None
        for number, _, value in read_fields(data):
            if number == 1:
                update = Queued.decode(as_bytes(value))
            elif number == 2:
                update = Progress.decode(as_bytes(value))
            elif number == 3:
                update = Image.decode(as_bytes(value))
            elif number == 4:
                update = ColorizeResult.decode(as_bytes(value))
        return ColorizeUpdate(update)


# ------------------------------------------------------------ PreviewHints

@dataclass(frozen=True)
class PreviewOptions:
    max_side: int = 0  # 0 = 256
    output_format: OutputFormat = OutputFormat.UNSPECIFIED
    line_composite: LineComposite = LineComposite.UNSPECIFIED

    def encode(self) -> bytes:
        writer = MessageWriter()
        writer.uint(1, self.max_side)
        writer.uint(2, self.output_format)
        writer.uint(3, self.line_composite)
        return writer.finish()


@dataclass(frozen=True)
class PreviewStart:
    model: str
    line_art: Image
    hints: Hints
    options: PreviewOptions = PreviewOptions()
    reference_page: Optional[ReferencePage] = None

    def encode(self) -> bytes:
        writer = MessageWriter()
        writer.string(1, self.model)
        writer.message(2, self.line_art.encode())
        writer.message(3, self.hints.encode())
        writer.message(4, self.options.encode())
        if self.reference_page is not None:
            writer.message(5, self.reference_page.encode())
        return writer.finish()


@dataclass(frozen=True)
class PreviewRequest:
    """gRPC-Web cannot stream requests over HTTP/1.1, so every preview call
    carries one request with `start` (the `hints` and `reference_page`
    members of the oneof are for the long-lived HTTP/2 sessions other
    clients hold; the plugin sends its reference page in `start`)."""

    revision: int
    start: PreviewStart

    def encode(self) -> bytes:
        writer = MessageWriter()
        writer.uint(1, self.revision)
        writer.message(2, self.start.encode())
        return writer.finish()


@dataclass(frozen=True)
class PreviewFrame:
    revision: int
    image: Optional[Image]
    width: int
    height: int

    @staticmethod
    def decode(data: bytes) -> PreviewFrame:
        revision = width = height = 0
        image: Optional[Image] = None
        for number, _, value in read_fields(data):
            if number == 1:
                revision = as_int(value)
            elif number == 2:
                image = Image.decode(as_bytes(value))
            elif number == 3:
                width = as_int(value)
            elif number == 4:
                height = as_int(value)
        return PreviewFrame(revision, image, width, height)


# -------------------------------------------------------------- ListModels

@dataclass(frozen=True)
class ListModelsRequest:
    def encode(self) -> bytes:
        return b""


@dataclass(frozen=True)
class SizeRules:
    multiple_of: int = 0
    min_side: int = 0
    max_side: int = 0
    preferred_side: int = 0

    @staticmethod
    def decode(data: bytes) -> SizeRules:
        values = [0, 0, 0, 0]
        for number, _, value in read_fields(data):
            if 1 <= number <= 4:
                values[number - 1] = as_int(value)
        return SizeRules(*values)


@dataclass(frozen=True)
class ModelInfo:
    name: str = ""
    version: str = ""
    kind: str = ""
    size_rules: SizeRules = SizeRules()
    device: str = ""
    state: ModelState = ModelState.UNSPECIFIED
    error: str = ""
    description: str = ""
    tags: Tuple[str, ...] = ()  # the vocabulary of a "tags" model

    @staticmethod
    def decode(data: bytes) -> ModelInfo:
        strings = {1: "name", 2: "version", 3: "kind", 5: "device", 7: "error", 8: "description"}
        values: dict = {}
        tags: List[str] = []
        for number, _, value in read_fields(data):
            if number == 9:
                tags.append(as_string(value))
            elif number in strings:
                values[strings[number]] = as_string(value)
            elif number == 4:
                values["size_rules"] = SizeRules.decode(as_bytes(value))
            elif number == 6:
                values["state"] = _enum_or_unspecified(ModelState, as_int(value))
        return ModelInfo(**values, tags=tuple(tags))


@dataclass(frozen=True)
class ListModelsResponse:
    models: List[ModelInfo] = field(default_factory=list)
    default_model: str = ""

    @staticmethod
    def decode(data: bytes) -> ListModelsResponse:
        models: List[ModelInfo] = []
        default_model = ""
        for number, _, value in read_fields(data):
            if number == 1:
                models.append(ModelInfo.decode(as_bytes(value)))
            elif number == 2:
                default_model = as_string(value)
        return ListModelsResponse(models, default_model)
