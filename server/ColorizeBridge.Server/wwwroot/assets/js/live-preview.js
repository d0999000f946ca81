// Live preview: after each hint change settles, one PreviewHints call with
// the whole state at preview size. Newest wins: a change aborts the call in
// flight, so a slow answer never overwrites a newer one.

export class LivePreview extends EventTarget {
  #client;
  #request;
  #delayMs;
  #timer = 0;
  #inFlight = null;
  #revision = 0;
  enabled = true;

  /**
   * `request()` returns the PreviewStart fields (model, lineArtPng, strokes,
   * lineComposite, maxSide) for the current state, or null when there is
   * nothing to preview. Dispatches "frame" (detail: PreviewFrame) and
   * "error" (detail: Error).
   */
  constructor(client, request, { delayMs = 250 } = {}) {
    super();
    this.#client = client;
    this.#request = request;
    this.#delayMs = delayMs;
  }

  /** Asks for a preview of the current state once changes pause. */
  schedule() {
    clearTimeout(this.#timer);
    if (this.enabled) {
      this.#timer = setTimeout(() => this.#run(), this.#delayMs);
    }
  }

  cancel() {
    clearTimeout(this.#timer);
    this.#inFlight?.abort();
    this.#inFlight = null;
  }

  async #run() {
    this.#inFlight?.abort();
    const controller = new AbortController();
    this.#inFlight = controller;
    try {
      const request = await this.#request();
      if (request === null || controller.signal.aborted) return;
      const frame = await this.#client.preview({ ...request, revision: ++this.#revision }, { signal: controller.signal });
      if (frame !== null && !controller.signal.aborted) {
        this.dispatchEvent(new CustomEvent("frame", { detail: frame }));
      }
    } catch (error) {
      if (error.name !== "AbortError") {
        this.dispatchEvent(new CustomEvent("error", { detail: error }));
      }
    } finally {
      if (this.#inFlight === controller) this.#inFlight = null;
    }
  }
}
