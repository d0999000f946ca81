"""Every message the plugin writes or reads, checked field by field against
Google's protobuf (classes generated from the contract by grpc_tools.protoc)."""
from __future__ import annotations

import importlib.util
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from colorize_bridge.protocol.messages import (
    Color,
    ColorizeOptions,
    ColorizeRequest,
    ColorizeResult,
    ColorizeUpdate,
    Hints,
    Image,
    LineComposite,
    ListModelsRequest,
    ListModelsResponse,
    ModelState,
    ModelInfo,
    OutputFormat,
    PaletteEntry,
    PixelFormat,
    PreviewFrame,
    PreviewOptions,
    PreviewRequest,
    PreviewStart,
    Progress,
    Queued,
    RawImage,
    ReferencePage,
)
from colorize_bridge.protocol.wire import WireFormatError

PROTO_ROOT = Path(__file__).resolve().parents[3] / "proto"
PROTO_FILE = PROTO_ROOT / "colorizebridge" / "v1" / "colorizer.proto"


@pytest.fixture(scope="module")
def pb(tmp_path_factory):
    """colorizer_pb2, generated for this test run from the contract."""
    out = tmp_path_factory.mktemp("pb2")
    subprocess.run([sys.executable, "-m", "grpc_tools.protoc", f"-I{PROTO_ROOT}", f"--python_out={out}",
                    str(PROTO_FILE)], check=True)
    path = out / "colorizebridge" / "v1" / "colorizer_pb2.py"
    spec = importlib.util.spec_from_file_location("colorizer_pb2", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def raw(width=3, height=2, pixel_format=PixelFormat.BGRA8) -> RawImage:
    return RawImage(width, height, pixel_format, bytes(range(width * height * pixel_format.bytes_per_pixel())))


# ---------------------------------------------------------------- encoding

def test_colorize_request_every_field_parses_in_google_protobuf(pb):
    request = ColorizeRequest(
        model="alac-hints-small",
        line_art=Image(raw()),
        hints=Hints(Image(b"\x89PNG fake")),
        options=ColorizeOptions(OutputFormat.RAW_RGBA8, LineComposite.NONE, work_side=768, return_layers=True,
                                gap_size=12))

    parsed = pb.ColorizeRequest.FromString(request.encode())

    assert parsed.model == "alac-hints-small"
    assert parsed.line_art.WhichOneof("data") == "raw"
    assert (parsed.line_art.raw.width, parsed.line_art.raw.height) == (3, 2)
    assert parsed.line_art.raw.format == pb.PIXEL_FORMAT_BGRA8
    assert parsed.line_art.raw.pixels == raw().pixels
    assert parsed.hints.hint_layer.WhichOneof("data") == "png"
    assert parsed.hints.hint_layer.png == b"\x89PNG fake"
    assert parsed.options.output_format == pb.OUTPUT_FORMAT_RAW_RGBA8
    assert parsed.options.line_composite == pb.LINE_COMPOSITE_NONE
    assert parsed.options.work_side == 768
    assert parsed.options.return_layers
    assert parsed.options.gap_size == 12


def test_colorize_request_defaults_encode_like_google_protobuf(pb):
    request = ColorizeRequest(model="", line_art=Image(raw(1, 1)), hints=Hints())

    expected = pb.ColorizeRequest(line_art=pb.Image(raw=pb.RawImage(width=1, height=1, format=pb.PIXEL_FORMAT_BGRA8,
                                                                    pixels=raw(1, 1).pixels)),
                                  hints=pb.Hints(), options=pb.ColorizeOptions())

    assert request.encode() == expected.SerializeToString()
    assert not pb.ColorizeRequest.FromString(request.encode()).hints.HasField("hint_layer")


def test_image_empty_png_is_still_the_png_member(pb):
    parsed = pb.Image.FromString(Image(b"").encode())
    assert parsed.WhichOneof("data") == "png"


def test_preview_request_every_field_parses_in_google_protobuf(pb):
    request = PreviewRequest(
        revision=2 ** 40 + 7,
        start=PreviewStart(model="m", line_art=Image(raw(2, 2, PixelFormat.GRAY8)), hints=Hints(Image(raw())),
                           options=PreviewOptions(320, OutputFormat.RAW_RGBA8, LineComposite.MULTIPLY)))

    parsed = pb.PreviewRequest.FromString(request.encode())

    assert parsed.revision == 2 ** 40 + 7
    assert parsed.WhichOneof("kind") == "start"
    assert parsed.start.model == "m"
    assert parsed.start.line_art.raw.format == pb.PIXEL_FORMAT_GRAY8
    assert parsed.start.line_art.raw.pixels == bytes(range(4))
    assert parsed.start.hints.hint_layer.raw.pixels == raw().pixels
    assert parsed.start.options.max_side == 320
    assert parsed.start.options.output_format == pb.OUTPUT_FORMAT_RAW_RGBA8
    assert parsed.start.options.line_composite == pb.LINE_COMPOSITE_MULTIPLY


def test_hints_palette_reference_and_tags_parse_in_google_protobuf(pb):
    hints = Hints(hint_layer=Image(b"dots"),
                  palette=(PaletteEntry(Color(255, 128, 0), 0.75), PaletteEntry(Color(0, 0, 0)),
                           PaletteEntry(Color(1, 2, 3), 2.5)),
                  reference=Image(raw(2, 1)),
                  tags=("blue_hair", "red", ""))

    parsed = pb.Hints.FromString(hints.encode())

    assert parsed.hint_layer.png == b"dots"
    assert [(e.color.r, e.color.g, e.color.b, e.weight) for e in parsed.palette] == [
        (255, 128, 0, 0.75), (0, 0, 0, 0.0), (1, 2, 3, 2.5)]
    assert parsed.palette[1].HasField("color")  # black is present, not a missing colour
    assert parsed.reference.raw.pixels == raw(2, 1).pixels
    assert list(parsed.tags) == ["blue_hair", "red", ""]


def test_hints_new_fields_encode_like_google_protobuf(pb):
    hints = Hints(palette=(PaletteEntry(Color(0, 0, 0)), PaletteEntry(Color(10, 20, 30), 1.0)),
                  reference=Image(b"png"), tags=("green",))

    expected = pb.Hints(palette=[pb.PaletteEntry(color=pb.Color()),
                                 pb.PaletteEntry(color=pb.Color(r=10, g=20, b=30), weight=1.0)],
                        reference=pb.Image(png=b"png"), tags=["green"])

    assert hints.encode() == expected.SerializeToString()


def test_colorize_and_preview_requests_carry_the_new_hint_fields(pb):
    hints = Hints(palette=(PaletteEntry(Color(9, 8, 7)),), reference=Image(b"r"), tags=("red",))
    colorize = pb.ColorizeRequest.FromString(ColorizeRequest("m", Image(raw()), hints).encode())
    preview = pb.PreviewRequest.FromString(PreviewRequest(1, PreviewStart("m", Image(raw()), hints)).encode())

    for parsed in (colorize.hints, preview.start.hints):
        assert not parsed.HasField("hint_layer")
        assert parsed.palette[0].color.b == 7
        assert parsed.reference.png == b"r"
        assert list(parsed.tags) == ["red"]


def test_reference_page_and_min_match_confidence_parse_in_google_protobuf(pb):
    page = ReferencePage(line_art=Image(raw(3, 2, PixelFormat.GRAY8)), colours=Image(b"\x89PNG colours"))
    request = ColorizeRequest("m", Image(raw()), Hints(), ColorizeOptions(min_match_confidence=0.75),
                              reference_page=page)

    parsed = pb.ColorizeRequest.FromString(request.encode())

    assert parsed.HasField("reference_page")
    assert parsed.reference_page.line_art.raw.format == pb.PIXEL_FORMAT_GRAY8
    assert parsed.reference_page.line_art.raw.pixels == raw(3, 2, PixelFormat.GRAY8).pixels
    assert parsed.reference_page.colours.png == b"\x89PNG colours"
    assert parsed.options.min_match_confidence == 0.75


def test_reference_page_encodes_like_google_protobuf(pb):
    page = ReferencePage(Image(b"lines"), Image(raw(1, 1)))
    request = ColorizeRequest("", Image(b"new"), Hints(), ColorizeOptions(min_match_confidence=0.25),
                              reference_page=page)

    expected = pb.ColorizeRequest(
        line_art=pb.Image(png=b"new"), hints=pb.Hints(), options=pb.ColorizeOptions(min_match_confidence=0.25),
        reference_page=pb.ReferencePage(line_art=pb.Image(png=b"lines"), colours=pb.Image(
            raw=pb.RawImage(width=1, height=1, format=pb.PIXEL_FORMAT_BGRA8, pixels=raw(1, 1).pixels))))

    assert request.encode() == expected.SerializeToString()


def test_without_reference_page_the_field_is_absent_and_the_confidence_default(pb):
    parsed = pb.ColorizeRequest.FromString(ColorizeRequest("m", Image(raw()), Hints()).encode())

    assert not parsed.HasField("reference_page")
    assert parsed.options.min_match_confidence == 0.0


def test_preview_start_carries_the_reference_page(pb):
    page = ReferencePage(Image(b"l"), Image(b"c"))
    with_page = PreviewRequest(3, PreviewStart("m", Image(raw()), Hints(), reference_page=page))
    without = PreviewRequest(3, PreviewStart("m", Image(raw()), Hints()))

    parsed = pb.PreviewRequest.FromString(with_page.encode())

    assert parsed.WhichOneof("kind") == "start"
    assert (parsed.start.reference_page.line_art.png, parsed.start.reference_page.colours.png) == (b"l", b"c")
    assert not pb.PreviewRequest.FromString(without.encode()).start.HasField("reference_page")


def test_list_models_request_is_empty(pb):
    assert ListModelsRequest().encode() == pb.ListModelsRequest().SerializeToString()


# ---------------------------------------------------------------- decoding

def test_list_models_response_every_field_decodes(pb):
    message = pb.ListModelsResponse(default_model="b", models=[
        pb.ModelInfo(name="a", version="1.2", kind="hints",
                     size_rules=pb.SizeRules(multiple_of=32, min_side=64, max_side=2048, preferred_side=512),
                     device="cuda:0", state=pb.MODEL_STATE_FAILED, error="bad sha256", description="small"),
        pb.ModelInfo(name="b", state=pb.MODEL_STATE_READY),
    ])

    decoded = ListModelsResponse.decode(message.SerializeToString())

    assert decoded.default_model == "b"
    first, second = decoded.models
    assert (first.name, first.version, first.kind, first.device) == ("a", "1.2", "hints", "cuda:0")
    assert (first.size_rules.multiple_of, first.size_rules.min_side, first.size_rules.max_side,
            first.size_rules.preferred_side) == (32, 64, 2048, 512)
    assert first.state == ModelState.FAILED
    assert (first.error, first.description) == ("bad sha256", "small")
    assert second.name == "b" and second.state == ModelState.READY


def test_model_info_tags_field_9_decodes_in_order():
    # ModelInfo{name: "t", kind: "tags", tags: ["red", "blue_hair", "red"]} as protoc writes it.
    data = (b"\x0a\x01t" + b"\x1a\x04tags"
            + b"\x4a\x03red" + b"\x4a\x09blue_hair" + b"\x4a\x03red")
    assert ModelInfo.decode(data) == ModelInfo(name="t", kind="tags", tags=("red", "blue_hair", "red"))
    assert ModelInfo.decode(b"\x0a\x01t").tags == ()


def test_model_info_tags_decode_from_google_protobuf(pb):
    if "tags" not in pb.ModelInfo.DESCRIPTOR.fields_by_name:
        pytest.skip("colorizer.proto has no ModelInfo.tags (field 9) yet")
    message = pb.ListModelsResponse(models=[pb.ModelInfo(name="t", kind="tags", tags=["red", "blue_hair"])])
    assert ListModelsResponse.decode(message.SerializeToString()).models[0].tags == ("red", "blue_hair")


def test_model_info_unknown_enum_value_decodes_as_unspecified(pb):
    message = pb.ListModelsResponse(models=[pb.ModelInfo(name="x", state=42)])
    assert ListModelsResponse.decode(message.SerializeToString()).models[0].state == ModelState.UNSPECIFIED


def test_colorize_update_queued_decodes(pb):
    data = pb.ColorizeUpdate(queued=pb.Queued(position=3)).SerializeToString()
    assert ColorizeUpdate.decode(data).update == Queued(3)


def test_colorize_update_queued_at_position_zero_is_still_queued(pb):
    data = pb.ColorizeUpdate(queued=pb.Queued(position=0)).SerializeToString()
    assert ColorizeUpdate.decode(data).update == Queued(0)


def test_colorize_update_progress_float_decodes(pb):
    data = pb.ColorizeUpdate(progress=pb.Progress(fraction=0.375, stage="model")).SerializeToString()
    assert ColorizeUpdate.decode(data).update == Progress(0.375, "model")


def test_colorize_update_preview_decodes_as_image(pb):
    data = pb.ColorizeUpdate(preview=pb.Image(png=b"png bytes")).SerializeToString()
    assert ColorizeUpdate.decode(data).update == Image(b"png bytes")


def test_colorize_update_result_every_field_decodes(pb):
    message = pb.ColorizeUpdate(result=pb.ColorizeResult(
        image=pb.Image(raw=pb.RawImage(width=3, height=2, format=pb.PIXEL_FORMAT_RGBA8, pixels=bytes(24))),
        layers=[pb.Layer(name="colour", image=pb.Image(png=b"c")), pb.Layer(name="line art")],
        recipe=pb.Recipe(model="m", version="v", seed=2 ** 63 + 1, work_width=512, work_height=384)))

    result = ColorizeUpdate.decode(message.SerializeToString()).update

    assert isinstance(result, ColorizeResult)
    assert result.image == Image(RawImage(3, 2, PixelFormat.RGBA8, bytes(24)))
    assert [layer.name for layer in result.layers] == ["colour", "line art"]
    assert result.layers[0].image == Image(b"c")
    assert result.layers[1].image is None
    assert (result.recipe.model, result.recipe.version, result.recipe.seed) == ("m", "v", 2 ** 63 + 1)
    assert (result.recipe.work_width, result.recipe.work_height) == (512, 384)


def test_colorize_update_without_member_decodes_as_none(pb):
    assert ColorizeUpdate.decode(pb.ColorizeUpdate().SerializeToString()).update is None


def test_preview_frame_every_field_decodes(pb):
    message = pb.PreviewFrame(revision=9, image=pb.Image(png=b"p"), width=320, height=240)
    assert PreviewFrame.decode(message.SerializeToString()) == PreviewFrame(9, Image(b"p"), 320, 240)


def test_decode_ignores_fields_of_every_wire_type_it_does_not_know(pb):
    known = pb.PreviewFrame(revision=1, width=2, height=3).SerializeToString()
    unknown = (b"\xf8\x06\x01"                       # field 111, varint
               + b"\xfa\x06\x02hi"                   # field 111, bytes
               + b"\xfd\x06" + struct.pack("<f", 1)  # field 111, fixed32
               + b"\xf9\x06" + bytes(8))             # field 111, fixed64
    assert PreviewFrame.decode(unknown + known) == PreviewFrame(1, None, 2, 3)


def test_image_without_member_raises():
    with pytest.raises(WireFormatError):
        Image.decode(b"")
