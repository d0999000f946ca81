// The painting surface: the line art with the user's hint strokes on top.
// Strokes are kept as vectors (points in line-art pixels, colour, width) and
// sent as Hints.strokes, so a preview can scale them instead of resampling a
// bitmap.

const KEYBOARD_STEP = 1;
const KEYBOARD_BIG_STEP = 10;

export function hexToColor(hex) {
  const value = Number.parseInt(hex.slice(1), 16);
  return { r: (value >> 16) & 0xff, g: (value >> 8) & 0xff, b: value & 0xff };
}

function cssColor({ r, g, b }) {
  return `rgb(${r} ${g} ${b})`;
}

export class HintCanvas extends EventTarget {
  #lineCanvas;
  #hintCanvas;
  #cursorCanvas;
  #strokes = [];
  #active = null;
  // Where the brush is: {x, y} in line-art pixels, shown as the brush's
  // outline (pointer) or a crosshair (keyboard); null when hidden.
  #cursor = null;
  #keyboardCursor = { x: 0, y: 0 };

  /**
   * Three stacked canvases of the line art's size: the line art, the hints
   * (which takes the input) and the brush cursor on top.
   * `brush()` returns the current {color: {r, g, b}, width} in line-art pixels.
   */
  constructor(lineCanvas, hintCanvas, cursorCanvas, brush) {
    super();
    this.#lineCanvas = lineCanvas;
    this.#hintCanvas = hintCanvas;
    this.#cursorCanvas = cursorCanvas;
    this.brush = brush;
    hintCanvas.addEventListener("pointerdown", (event) => this.#onPointerDown(event));
    hintCanvas.addEventListener("pointermove", (event) => this.#onPointerMove(event));
    hintCanvas.addEventListener("pointerup", (event) => this.#onPointerUp(event));
    hintCanvas.addEventListener("pointercancel", (event) => this.#onPointerUp(event));
    hintCanvas.addEventListener("pointerleave", () => this.#showCursor(null));
    hintCanvas.addEventListener("keydown", (event) => this.#onKeyDown(event));
    hintCanvas.addEventListener("blur", () => this.#showCursor(null));
  }

  get hasLineArt() {
    return this.#lineCanvas.width > 0 && this.#lineCanvas.dataset.loaded === "true";
  }

  get width() {
    return this.#lineCanvas.width;
  }

  get height() {
    return this.#lineCanvas.height;
  }

  get strokes() {
    return this.#strokes;
  }

  /** Shows a decoded image as the line art, flattened onto white, and forgets the old hints. */
  loadLineArt(bitmap) {
    for (const canvas of [this.#lineCanvas, this.#hintCanvas, this.#cursorCanvas]) {
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
    }
    const context = this.#lineCanvas.getContext("2d");
    // Transparent line art (lines on nothing) means lines on paper.
    context.fillStyle = "#fff";
    context.fillRect(0, 0, bitmap.width, bitmap.height);
    context.drawImage(bitmap, 0, 0);
    this.#lineCanvas.dataset.loaded = "true";
    this.#strokes = [];
    this.#keyboardCursor = { x: bitmap.width / 2, y: bitmap.height / 2 };
    this.#cursor = null;
    this.#render();
    this.#changed();
  }

  /** The line art as PNG bytes, scaled so its longest side is at most `maxSide` (0 = full size). */
  async lineArtPng(maxSide = 0) {
    const scale = this.scaleFor(maxSide);
    let source = this.#lineCanvas;
    if (scale < 1) {
      source = document.createElement("canvas");
      source.width = Math.max(1, Math.round(this.width * scale));
      source.height = Math.max(1, Math.round(this.height * scale));
      const context = source.getContext("2d");
      context.imageSmoothingQuality = "high";
      context.drawImage(this.#lineCanvas, 0, 0, source.width, source.height);
    }
    const blob = await new Promise((resolve) => source.toBlob(resolve, "image/png"));
    return new Uint8Array(await blob.arrayBuffer());
  }

  scaleFor(maxSide) {
    const longest = Math.max(this.width, this.height);
    return maxSide > 0 && longest > maxSide ? maxSide / longest : 1;
  }

  /** The strokes scaled by `scale` (for a preview of a downsized line art). */
  scaledStrokes(scale) {
    return this.#strokes.map((stroke) => ({
      color: stroke.color,
      width: Math.max(1, stroke.width * scale),
      points: stroke.points.map((p) => ({ x: p.x * scale, y: p.y * scale })),
    }));
  }

  undo() {
    if (this.#strokes.length > 0) {
      this.#strokes.pop();
      this.#render();
      this.#changed();
    }
  }

  clear() {
    if (this.#strokes.length > 0) {
      this.#strokes = [];
      this.#render();
      this.#changed();
    }
  }

  #changed() {
    this.dispatchEvent(new Event("change"));
  }

  #toLineArt(event) {
    const box = this.#hintCanvas.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) / box.width) * this.width,
      y: ((event.clientY - box.top) / box.height) * this.height,
    };
  }

  #onPointerDown(event) {
    if (!this.hasLineArt || event.button !== 0) return;
    this.#hintCanvas.setPointerCapture(event.pointerId);
    const { color, width } = this.brush();
    this.#active = { color, width, points: [this.#toLineArt(event)] };
    this.#strokes.push(this.#active);
    this.#render();
  }

  #onPointerMove(event) {
    if (!this.hasLineArt) return;
    const point = this.#toLineArt(event);
    this.#showCursor({ ...point, keyboard: false });
    if (this.#active === null) return;
    const last = this.#active.points[this.#active.points.length - 1];
    // Points closer than a pixel add nothing but bytes.
    if (Math.hypot(point.x - last.x, point.y - last.y) >= 1) {
      this.#active.points.push(point);
      this.#render();
    }
  }

  #onPointerUp() {
    if (this.#active === null) return;
    this.#active = null;
    this.#changed();
  }

  // Keyboard painting: arrows move a crosshair (Shift: ten pixels at a
  // time), Space or Enter puts a dot of the current colour under it.
  #onKeyDown(event) {
    if (!this.hasLineArt) return;
    const step = event.shiftKey ? KEYBOARD_BIG_STEP : KEYBOARD_STEP;
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const cursor = this.#keyboardCursor;
    if (event.key in moves) {
      // A step is half a percent of the picture, so big line art needs no more key presses than small.
      const [dx, dy] = moves[event.key];
      cursor.x = Math.min(this.width - 1, Math.max(0, cursor.x + dx * Math.max(1, this.width / 200)));
      cursor.y = Math.min(this.height - 1, Math.max(0, cursor.y + dy * Math.max(1, this.height / 200)));
    } else if (event.key === " " || event.key === "Enter") {
      const { color, width } = this.brush();
      this.#strokes.push({ color, width, points: [{ x: cursor.x, y: cursor.y }] });
      this.#render();
      this.#changed();
    } else {
      return;
    }
    event.preventDefault();
    this.#showCursor({ x: cursor.x, y: cursor.y, keyboard: true });
  }

  #showCursor(cursor) {
    this.#cursor = cursor;
    const context = this.#cursorCanvas.getContext("2d");
    context.clearRect(0, 0, this.width, this.height);
    if (cursor === null) return;
    const { x, y } = cursor;
    const radius = Math.max(0.5, this.brush().width / 2);
    // A dark line on a light halo stays visible on any line art or hint colour.
    const thin = Math.max(1, this.width / 600);
    const arm = radius + 6 * thin;
    for (const [style, width] of [["#fff", 3 * thin], ["#000", thin]]) {
      context.strokeStyle = style;
      context.lineWidth = width;
      context.beginPath();
      context.arc(x, y, radius, 0, 2 * Math.PI);
      if (cursor.keyboard) {
        context.moveTo(x - arm, y);
        context.lineTo(x + arm, y);
        context.moveTo(x, y - arm);
        context.lineTo(x, y + arm);
      }
      context.stroke();
    }
  }

  #render() {
    const context = this.#hintCanvas.getContext("2d");
    context.clearRect(0, 0, this.width, this.height);
    context.lineCap = "round";
    context.lineJoin = "round";
    for (const stroke of this.#strokes) {
      context.strokeStyle = context.fillStyle = cssColor(stroke.color);
      if (stroke.points.length === 1) {
        const [p] = stroke.points;
        context.beginPath();
        context.arc(p.x, p.y, Math.max(0.5, stroke.width / 2), 0, 2 * Math.PI);
        context.fill();
      } else {
        context.lineWidth = Math.max(1, stroke.width);
        context.beginPath();
        context.moveTo(stroke.points[0].x, stroke.points[0].y);
        for (const p of stroke.points.slice(1)) context.lineTo(p.x, p.y);
        context.stroke();
      }
    }
  }
}
