// The colorizebridge.v1 messages the page sends and reads
// (proto/colorizebridge/v1/colorizer.proto). Field numbers are the
// contract's; keep them in step with it.
import { ProtoWriter, readFields } from "./protobuf.js";

export const LineComposite = Object.freeze({ MULTIPLY: 1, NONE: 2 });
const OUTPUT_FORMAT_PNG = 1;

export const ModelState = Object.freeze({ 0: "unknown", 1: "loading", 2: "ready", 3: "failed" });

function pngImage(png) {
  return new ProtoWriter().bytes(1, png);
}

function color({ r, g, b }) {
  return new ProtoWriter().uint(1, r).uint(2, g).uint(3, b);
}

/** Hints from strokes: {points: [{x, y}], color: {r, g, b}, width}. */
function hints(strokes) {
  const writer = new ProtoWriter();
  for (const stroke of strokes) {
    const message = new ProtoWriter();
    for (const point of stroke.points) {
      // A point at 0,0 is an empty message, which is still a point.
      message.message(1, new ProtoWriter().float(1, point.x).float(2, point.y));
    }
    message.message(2, color(stroke.color)).float(3, stroke.width);
    writer.message(2, message);
  }
  return writer;
}

export function encodeListModelsRequest() {
  return new Uint8Array();
}

/**
 * ColorizeRequest. `lineArtPng`: PNG bytes; `strokes`: see hints();
 * `lineComposite`: a LineComposite value; `gapSize`: gaps in the lines up to
 * this many pixels are closed for the flats (0 or absent = the server's default).
 */
export function encodeColorizeRequest({ model, lineArtPng, strokes, lineComposite, returnLayers, gapSize = 0 }) {
  const options = new ProtoWriter()
    .uint(1, OUTPUT_FORMAT_PNG)
    .uint(2, lineComposite)
    .bool(5, returnLayers)
    .uint(8, gapSize);
  return new ProtoWriter()
    .string(1, model)
    .message(2, pngImage(lineArtPng))
    .message(3, hints(strokes))
    .message(4, options)
    .finish();
}

/** PreviewRequest carrying `start`: the whole state of one preview. */
export function encodePreviewStart({ revision, model, lineArtPng, strokes, lineComposite, maxSide }) {
  const options = new ProtoWriter().uint(1, maxSide).uint(2, OUTPUT_FORMAT_PNG).uint(3, lineComposite);
  const start = new ProtoWriter()
    .string(1, model)
    .message(2, pngImage(lineArtPng))
    .message(3, hints(strokes))
    .message(4, options);
  return new ProtoWriter().uint(1, revision).message(2, start).finish();
}

/** Image: {png: Uint8Array} or {raw: {width, height, format, pixels}}. */
function decodeImage(bytes) {
  const image = {};
  for (const field of readFields(bytes)) {
    if (field.number === 1) {
      image.png = field.bytes;
    } else if (field.number === 2) {
      const raw = { width: 0, height: 0, format: 0, pixels: new Uint8Array() };
      for (const f of readFields(field.bytes)) {
        if (f.number === 1) raw.width = f.value;
        else if (f.number === 2) raw.height = f.value;
        else if (f.number === 3) raw.format = f.value;
        else if (f.number === 4) raw.pixels = f.bytes;
      }
      image.raw = raw;
    }
  }
  return image;
}

function decodeModelInfo(bytes) {
  const model = { name: "", version: "", kind: "", device: "", state: "unknown", error: "", description: "" };
  for (const field of readFields(bytes)) {
    switch (field.number) {
      case 1: model.name = field.string; break;
      case 2: model.version = field.string; break;
      case 3: model.kind = field.string; break;
      case 5: model.device = field.string; break;
      case 6: model.state = ModelState[field.value] ?? "unknown"; break;
      case 7: model.error = field.string; break;
      case 8: model.description = field.string; break;
      default: break;
    }
  }
  return model;
}

export function decodeListModelsResponse(bytes) {
  const response = { models: [], defaultModel: "" };
  for (const field of readFields(bytes)) {
    if (field.number === 1) response.models.push(decodeModelInfo(field.bytes));
    else if (field.number === 2) response.defaultModel = field.string;
  }
  return response;
}

function decodeResult(bytes) {
  const result = { image: null, layers: [], recipe: { model: "", version: "", seed: 0 } };
  for (const field of readFields(bytes)) {
    if (field.number === 1) {
      result.image = decodeImage(field.bytes);
    } else if (field.number === 2) {
      const layer = { name: "", image: null };
      for (const f of readFields(field.bytes)) {
        if (f.number === 1) layer.name = f.string;
        else if (f.number === 2) layer.image = decodeImage(f.bytes);
      }
      result.layers.push(layer);
    } else if (field.number === 3) {
      for (const f of readFields(field.bytes)) {
        if (f.number === 1) result.recipe.model = f.string;
        else if (f.number === 2) result.recipe.version = f.string;
        else if (f.number === 3) result.recipe.seed = f.value;
      }
    }
  }
  return result;
}

/** ColorizeUpdate: exactly one of {queued}, {progress}, {preview}, {result}. */
export function decodeColorizeUpdate(bytes) {
  for (const field of readFields(bytes)) {
    switch (field.number) {
      case 1: {
        let position = 0;
        for (const f of readFields(field.bytes)) if (f.number === 1) position = f.value;
        return { queued: { position } };
      }
      case 2: {
        const progress = { fraction: 0, stage: "" };
        for (const f of readFields(field.bytes)) {
          if (f.number === 1) progress.fraction = f.value;
          else if (f.number === 2) progress.stage = f.string;
        }
        return { progress };
      }
      case 3: return { preview: decodeImage(field.bytes) };
      case 4: return { result: decodeResult(field.bytes) };
      default: break;
    }
  }
  return {};
}

export function decodePreviewFrame(bytes) {
  const frame = { revision: 0, image: null, width: 0, height: 0 };
  for (const field of readFields(bytes)) {
    switch (field.number) {
      case 1: frame.revision = field.value; break;
      case 2: frame.image = decodeImage(field.bytes); break;
      case 3: frame.width = field.value; break;
      case 4: frame.height = field.value; break;
      default: break;
    }
  }
  return frame;
}
