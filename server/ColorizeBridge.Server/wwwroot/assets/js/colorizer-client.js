// Typed calls to the colorizebridge.v1.Colorizer service of the server that
// served this page, over gRPC-Web.
import { callStream, callUnary } from "./grpc-web.js";
import {
  decodeColorizeUpdate,
  decodeListModelsResponse,
  decodePreviewFrame,
  encodeColorizeRequest,
  encodeListModelsRequest,
  encodePreviewStart,
} from "./messages.js";

const SERVICE = "/colorizebridge.v1.Colorizer/";

export class ColorizerClient {
  /** Sent as "authorization: Bearer TOKEN" when set (servers started with --token-file need one). */
  accessToken = "";

  constructor(baseUrl = document.baseURI) {
    this.baseUrl = baseUrl;
  }

  #options(signal) {
    return { signal, headers: this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {} };
  }

  async listModels({ signal } = {}) {
    const bytes = await callUnary(this.baseUrl, SERVICE + "ListModels", encodeListModelsRequest(), this.#options(signal));
    return decodeListModelsResponse(bytes);
  }

  /** Yields the decoded ColorizeUpdates: queued, progress, preview, then the result. */
  async *colorize(request, { signal } = {}) {
    for await (const bytes of callStream(this.baseUrl, SERVICE + "Colorize", encodeColorizeRequest(request), this.#options(signal))) {
      yield decodeColorizeUpdate(bytes);
    }
  }

  /**
   * One preview of the current state. Fetch cannot stream a request body
   * over HTTP/1.1, so each change is its own PreviewHints call whose request
   * stream is a single `start`; the caller aborts the older call.
   */
  async preview(request, { signal } = {}) {
    let newest = null;
    for await (const bytes of callStream(this.baseUrl, SERVICE + "PreviewHints", encodePreviewStart(request), this.#options(signal))) {
      newest = decodePreviewFrame(bytes);
    }
    return newest;
  }
}
