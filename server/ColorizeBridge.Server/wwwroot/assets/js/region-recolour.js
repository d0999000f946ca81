// Click a region of a result with separate layers: its flat takes the brush
// colour, here in the page, without calling the server. The regions layer
// names the regions (one colour each, the paper black; docs/LAYERS.md); the
// new composite is the browser's own stacking of the layers as LAYERS.md
// tells a paint program to: white paper, flats, shading, lines.

const NEEDED = ["flats", "shading", "lines", "regions"];
const PAPER = 0; // the regions layer paints the paper black

async function decode(png) {
  // No colour management and straight alpha: the regions' colours are names, not colours.
  return createImageBitmap(new Blob([png], { type: "image/png" }), {
    colorSpaceConversion: "none",
    premultiplyAlpha: "none",
  });
}

function canvasOf(width, height) {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

export class RegionRecolour {
  #flats = null; // a canvas holding the flats, recoloured in place
  #regions = null; // Uint32 key per pixel: R << 16 | G << 8 | B of the regions layer
  #shading = null;
  #lines = null;

  /** Keeps the layers of a result; false (and nothing kept) when one of them is missing. */
  async load(layers) {
    this.clear();
    const byName = new Map(layers.map((layer) => [layer.name, layer]));
    if (!NEEDED.every((name) => byName.get(name)?.image?.png)) return false;
    const [flats, shading, lines, regions] = await Promise.all(NEEDED.map((name) => decode(byName.get(name).image.png)));
    const { width, height } = flats;
    if ([shading, lines, regions].some((b) => b.width !== width || b.height !== height)) {
      throw new Error("the server sent layers of different sizes");
    }
    this.#flats = canvasOf(width, height);
    this.#flats.getContext("2d").drawImage(flats, 0, 0);
    const ids = canvasOf(width, height).getContext("2d", { willReadFrequently: true });
    ids.drawImage(regions, 0, 0);
    const rgba = ids.getImageData(0, 0, width, height).data;
    this.#regions = new Uint32Array(width * height);
    for (let p = 0, o = 0; p < this.#regions.length; p++, o += 4) {
      this.#regions[p] = (rgba[o] << 16) | (rgba[o + 1] << 8) | rgba[o + 2];
    }
    this.#shading = shading;
    this.#lines = lines;
    return true;
  }

  clear() {
    this.#flats = this.#regions = this.#shading = this.#lines = null;
  }

  get loaded() {
    return this.#flats !== null;
  }

  get width() {
    return this.#flats?.width ?? 0;
  }

  get height() {
    return this.#flats?.height ?? 0;
  }

  /**
   * Fills the region at image pixel (x, y) with the colour ({r, g, b}).
   * Returns how many pixels it took; 0 when (x, y) is on the paper.
   */
  fill(x, y, colour) {
    if (!this.loaded) throw new Error("no result with separate layers to recolour");
    if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= this.width || y >= this.height) {
      throw new RangeError(`(${x}, ${y}) is outside the ${this.width} × ${this.height} result`);
    }
    const key = this.#regions[y * this.width + x];
    if (key === PAPER) return 0;
    const context = this.#flats.getContext("2d", { willReadFrequently: true });
    const image = context.getImageData(0, 0, this.width, this.height);
    const data = image.data;
    let count = 0;
    for (let p = 0, o = 0; p < this.#regions.length; p++, o += 4) {
      if (this.#regions[p] !== key) continue;
      data[o] = colour.r;
      data[o + 1] = colour.g;
      data[o + 2] = colour.b;
      data[o + 3] = 255;
      count++;
    }
    context.putImageData(image, 0, 0);
    return count;
  }

  /** The recoloured flats layer as a PNG blob. */
  flatsPng() {
    return toPng(this.#flats);
  }

  /** White paper, the flats, the shading and the lines stacked: the new result, as a PNG blob. */
  compositePng() {
    const canvas = canvasOf(this.width, this.height);
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    for (const layer of [this.#flats, this.#shading, this.#lines]) context.drawImage(layer, 0, 0);
    return toPng(canvas);
  }
}

function toPng(canvas) {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the browser could not encode a PNG"))), "image/png"));
}

/**
 * The image pixel under a click on an <img> shown with object-fit: contain;
 * null beside the picture (in the letterbox around it).
 */
export function imagePixelAt(img, clientX, clientY) {
  const box = img.getBoundingClientRect();
  const scale = Math.min(box.width / img.naturalWidth, box.height / img.naturalHeight);
  const left = box.left + (box.width - img.naturalWidth * scale) / 2;
  const top = box.top + (box.height - img.naturalHeight * scale) / 2;
  const x = Math.floor((clientX - left) / scale);
  const y = Math.floor((clientY - top) / scale);
  if (x < 0 || y < 0 || x >= img.naturalWidth || y >= img.naturalHeight) return null;
  return { x, y };
}
