// Wires the page together: the painting surface, the live preview, the
// Colorize call, the downloads and recolouring a result's regions by click.
import { ColorizerClient } from "./colorizer-client.js";
import { StatusCode } from "./grpc-web.js";
import { HintCanvas, hexToColor } from "./hint-canvas.js";
import { LivePreview } from "./live-preview.js";
import { RegionRecolour, imagePixelAt } from "./region-recolour.js";

const PREVIEW_MAX_SIDE = 384;
const MODEL_POLL_MS = 2000;
const MAX_GAP_SIZE = 64; // the widest gap the server closes (options.gap_size)

const $ = (id) => document.getElementById(id);
const ui = {
  serverState: $("server-state"),
  token: $("token"),
  file: $("file"),
  dropZone: $("drop-zone"),
  stack: $("canvas-stack"),
  canvasEmpty: $("canvas-empty"),
  brushColor: $("brush-color"),
  brushSize: $("brush-size"),
  brushSizeValue: $("brush-size-value"),
  swatches: [...document.querySelectorAll(".swatch")],
  undo: $("undo"),
  clear: $("clear"),
  model: $("model"),
  mode: $("mode"),
  live: $("live"),
  layers: $("layers"),
  gapSize: $("gap-size"),
  colorize: $("colorize"),
  progress: $("progress"),
  status: $("status"),
  downloadsSection: $("downloads-section"),
  downloads: $("downloads"),
  outputHeading: $("output-heading"),
  output: $("output"),
  outputEmpty: $("output-empty"),
  outputHint: $("output-hint"),
};

const client = new ColorizerClient();
const canvas = new HintCanvas($("line-art"), $("hints"), $("brush-cursor"), () => ({
  color: hexToColor(ui.brushColor.value),
  width: Number(ui.brushSize.value),
}));
let lineArtName = "line-art";
let colorizing = null;
let previewLineArt = null; // {png, scale} of the current line art at preview size
// Blob URLs in use: the one on show and the downloads of the last result.
// Any other is revoked as soon as nothing shows or offers it.
let downloadUrls = new Set();
// The downloads of the last result, in order: {url, fileName, label, layer}.
let downloads = [];
const recolour = new RegionRecolour();

function setStatus(text, { error = false } = {}) {
  ui.status.textContent = text;
  ui.status.classList.toggle("error", error);
}

function pngUrl(image) {
  if (!image?.png) throw new Error("the server sent an image that is not a PNG");
  return URL.createObjectURL(new Blob([image.png], { type: "image/png" }));
}

function showOutput(url, title, { result = false } = {}) {
  const old = ui.output.src;
  ui.output.src = url;
  ui.output.alt = title;
  ui.output.hidden = false;
  ui.outputEmpty.hidden = true;
  ui.outputHeading.textContent = title;
  // Only a result with its layers on show can be clicked to recolour (not a preview).
  const pickable = result && recolour.loaded;
  ui.output.classList.toggle("pickable", pickable);
  ui.outputHint.hidden = !pickable;
  if (old.startsWith("blob:") && !downloadUrls.has(old)) URL.revokeObjectURL(old);
}

// ---------------------------------------------------------------- models

async function loadModels() {
  try {
    const { models, defaultModel } = await client.listModels();
    const chosen = ui.model.value || defaultModel; // a reload keeps the user's choice
    ui.model.replaceChildren();
    for (const model of models) {
      const option = new Option(`${model.name} ${model.version} (${model.kind})`, model.name);
      option.disabled = model.state !== "ready";
      if (model.state !== "ready") option.textContent += ` — ${model.state}`;
      option.title = model.error || model.description;
      option.selected = model.name === chosen;
      ui.model.append(option);
    }
    ui.token.setAttribute("aria-invalid", "false");
    const ready = models.filter((m) => m.state === "ready").length;
    ui.serverState.textContent = `Server ready · ${ready} of ${models.length} models loaded`;
    // Large models take a while to load after the server starts: look again.
    if (models.some((m) => m.state === "loading")) setTimeout(loadModels, MODEL_POLL_MS);
  } catch (error) {
    const needsToken = error.code === StatusCode.UNAUTHENTICATED;
    ui.token.setAttribute("aria-invalid", String(needsToken));
    ui.serverState.textContent = needsToken
      ? `Access token needed (top right): ${error.detail}`
      : `Server unavailable: ${error.message}`;
  }
  updateButtons();
}

// --------------------------------------------------------------- line art

async function openLineArt(file) {
  if (!file.type.startsWith("image/")) {
    setStatus(`${file.name} is not an image.`, { error: true });
    return;
  }
  try {
    const bitmap = await createImageBitmap(file);
    lineArtName = file.name.replace(/\.[^.]+$/, "") || "line-art";
    previewLineArt = null;
    canvas.loadLineArt(bitmap);
    bitmap.close();
    ui.stack.hidden = false;
    ui.canvasEmpty.hidden = true;
    fitCanvas();
    setStatus(`${file.name}: ${canvas.width} × ${canvas.height}. Paint colour hints on it.`);
    $("hints").focus({ preventScroll: true });
  } catch (error) {
    setStatus(`Cannot open ${file.name}: ${error.message}`, { error: true });
  }
  updateButtons();
}

/** Sizes the canvas stack to the largest box of the line art's shape that fits its pane. */
function fitCanvas() {
  if (!canvas.hasLineArt) return;
  const box = ui.dropZone.getBoundingClientRect();
  const scale = Math.min(box.width / canvas.width, box.height / canvas.height);
  ui.stack.style.width = `${Math.floor(canvas.width * scale)}px`;
  ui.stack.style.height = `${Math.floor(canvas.height * scale)}px`;
}

ui.file.addEventListener("change", () => {
  if (ui.file.files.length > 0) openLineArt(ui.file.files[0]);
  ui.file.value = "";
});
ui.dropZone.addEventListener("dragover", (event) => {
  event.preventDefault();
  ui.dropZone.classList.add("drag-over");
});
ui.dropZone.addEventListener("dragleave", () => ui.dropZone.classList.remove("drag-over"));
ui.dropZone.addEventListener("drop", (event) => {
  event.preventDefault();
  ui.dropZone.classList.remove("drag-over");
  const [file] = event.dataTransfer.files;
  if (file) openLineArt(file);
});
new ResizeObserver(fitCanvas).observe(ui.dropZone);

// ------------------------------------------------------------------ brush

function selectColor(hex) {
  ui.brushColor.value = hex;
  for (const swatch of ui.swatches) swatch.setAttribute("aria-pressed", String(swatch.dataset.color === hex));
}

for (const swatch of ui.swatches) swatch.addEventListener("click", () => selectColor(swatch.dataset.color));
ui.brushColor.addEventListener("input", () => selectColor(ui.brushColor.value));
ui.brushSize.addEventListener("input", () => {
  ui.brushSizeValue.textContent = `${ui.brushSize.value} px`;
});
ui.undo.addEventListener("click", () => canvas.undo());
ui.clear.addEventListener("click", () => canvas.clear());
document.addEventListener("keydown", (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key === "z" && !event.target.matches("input, select")) {
    event.preventDefault();
    canvas.undo();
  }
});
selectColor(ui.brushColor.value);

// ---------------------------------------------------------------- preview

const preview = new LivePreview(client, async () => {
  if (!canvas.hasLineArt || ui.model.value === "") return null;
  previewLineArt ??= { scale: canvas.scaleFor(PREVIEW_MAX_SIDE), png: await canvas.lineArtPng(PREVIEW_MAX_SIDE) };
  return {
    model: ui.model.value,
    lineArtPng: previewLineArt.png,
    strokes: canvas.scaledStrokes(previewLineArt.scale),
    lineComposite: Number(ui.mode.value),
    maxSide: PREVIEW_MAX_SIDE,
  };
});
preview.addEventListener("frame", (event) => {
  if (colorizing === null) showOutput(pngUrl(event.detail.image), "Preview");
});
preview.addEventListener("error", (event) => setStatus(`Preview failed: ${event.detail.message}`, { error: true }));

canvas.addEventListener("change", () => {
  updateButtons();
  preview.schedule();
});
for (const control of [ui.model, ui.mode]) control.addEventListener("change", () => preview.schedule());
ui.live.addEventListener("change", () => {
  preview.enabled = ui.live.checked;
  if (ui.live.checked) preview.schedule();
  else preview.cancel();
});

// --------------------------------------------------------------- colorize

function renderDownloads() {
  ui.downloads.replaceChildren();
  for (const { url, fileName, label } of downloads) {
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.textContent = label;
    const item = document.createElement("li");
    item.append(link);
    ui.downloads.append(item);
  }
  ui.downloadsSection.hidden = downloads.length === 0;
}

/** Puts a new PNG in place of the download of that layer ("" for the result). */
function replaceDownload(layer, blob) {
  const entry = downloads.find((d) => d.layer === layer);
  const url = URL.createObjectURL(blob);
  if (ui.output.src !== entry.url) URL.revokeObjectURL(entry.url);
  downloadUrls.delete(entry.url);
  downloadUrls.add(url);
  entry.url = url;
  return url;
}

function describe(update) {
  if (update.queued) return update.queued.position === 0 ? "Starting…" : `Queued: ${update.queued.position} ahead`;
  if (update.progress) return `Working: ${update.progress.stage} (${Math.round(update.progress.fraction * 100)}%)`;
  return null;
}

/** The "Close gaps" field as options.gap_size, or null (said in the status) when it is not 0 to 64 whole pixels. */
function gapSize() {
  const value = Number(ui.gapSize.value === "" ? 0 : ui.gapSize.value);
  if (!Number.isInteger(value) || value < 0 || value > MAX_GAP_SIZE) {
    setStatus(`Close gaps takes a whole number of pixels from 0 (the server's default, 3) to ${MAX_GAP_SIZE}; it is ${ui.gapSize.value}.`, { error: true });
    ui.gapSize.focus();
    return null;
  }
  return value;
}

async function colorize() {
  const gaps = gapSize();
  if (gaps === null) return;
  preview.cancel();
  colorizing = new AbortController();
  updateButtons();
  ui.progress.hidden = false;
  ui.progress.removeAttribute("value");
  setStatus("Sending…");
  try {
    const request = {
      model: ui.model.value,
      lineArtPng: await canvas.lineArtPng(),
      strokes: canvas.strokes,
      lineComposite: Number(ui.mode.value),
      returnLayers: ui.layers.checked,
      gapSize: gaps,
    };
    let result = null;
    for await (const update of client.colorize(request, { signal: colorizing.signal })) {
      if (update.progress) ui.progress.value = update.progress.fraction;
      if (update.preview) showOutput(pngUrl(update.preview), "Preview");
      if (update.result) result = update.result;
      const text = describe(update);
      if (text) setStatus(text);
    }
    if (result === null) throw new Error("the server ended the call without a result");
    await showResult(result);
  } catch (error) {
    setStatus(`Colorize failed: ${error.message}`, { error: true });
  } finally {
    colorizing = null;
    ui.progress.hidden = true;
    updateButtons();
  }
}

async function showResult(result) {
  const shown = ui.output.src;
  for (const old of downloadUrls) if (old !== shown) URL.revokeObjectURL(old);
  const url = pngUrl(result.image);
  downloadUrls = new Set([url]);
  downloads = [{ url, fileName: `${lineArtName}-colorized.png`, label: "Result (PNG)", layer: "" }];
  for (const layer of result.layers) {
    const layerUrl = pngUrl(layer.image);
    downloadUrls.add(layerUrl);
    downloads.push({
      url: layerUrl,
      fileName: `${lineArtName}-${layer.name.replace(/\W+/g, "-")}.png`,
      label: `Layer: ${layer.name}`,
      layer: layer.name,
    });
  }
  renderDownloads();
  const recipe = result.recipe;
  let canRecolour = false;
  try {
    canRecolour = await recolour.load(result.layers);
  } catch (error) {
    recolour.clear();
    setStatus(`Done with ${recipe.model} ${recipe.version}, but its layers cannot be recoloured here: ${error.message}`,
      { error: true });
    showOutput(url, "Result", { result: true });
    return;
  }
  showOutput(url, "Result", { result: true });
  setStatus(canRecolour
    ? `Done with ${recipe.model} ${recipe.version}. Click a region of the result to fill it with the brush colour.`
    : `Done with ${recipe.model} ${recipe.version}.`);
}

ui.colorize.addEventListener("click", colorize);

// ------------------------------------------------------- recolour by click

let recolouring = false;

async function recolourAt(event) {
  if (!ui.output.classList.contains("pickable") || recolouring) return;
  const at = imagePixelAt(ui.output, event.clientX, event.clientY);
  if (at === null) {
    setStatus("That click is beside the picture: click inside a coloured area of the result.", { error: true });
    return;
  }
  recolouring = true;
  try {
    const count = recolour.fill(at.x, at.y, hexToColor(ui.brushColor.value));
    if (count === 0) {
      setStatus("That is the paper, not a region: click inside a coloured area of the result.", { error: true });
      return;
    }
    const [composite, flats] = await Promise.all([recolour.compositePng(), recolour.flatsPng()]);
    if (downloads.some((d) => d.layer === "flats")) replaceDownload("flats", flats);
    showOutput(replaceDownload("", composite), "Result", { result: true });
    renderDownloads();
    setStatus(`Recoloured a region (${count} pixels) with ${ui.brushColor.value}; the result and flats downloads have it. ` +
      "Paint a hint dot there to keep it in the next Colorize.");
  } catch (error) {
    setStatus(`Could not recolour the region: ${error.message}`, { error: true });
  } finally {
    recolouring = false;
  }
}

ui.output.addEventListener("click", recolourAt);

function updateButtons() {
  const busy = colorizing !== null;
  ui.colorize.disabled = busy || !canvas.hasLineArt || ui.model.value === "";
  ui.colorize.textContent = busy ? "Colorizing…" : "Colorize";
  ui.undo.disabled = canvas.strokes.length === 0;
  ui.clear.disabled = canvas.strokes.length === 0;
}

// The token lives as long as the tab, never in the page's address or on disk.
const TOKEN_KEY = "colorizebridge.token";
ui.token.value = sessionStorage.getItem(TOKEN_KEY) ?? "";
client.accessToken = ui.token.value;
ui.token.addEventListener("change", () => {
  client.accessToken = ui.token.value.trim();
  sessionStorage.setItem(TOKEN_KEY, client.accessToken);
  loadModels().then(() => preview.schedule());
});

updateButtons();
loadModels();
