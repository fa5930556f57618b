// A small client for the portal endpoints of the returns API. Every call
// resolves with the spec's response type or rejects with an ApiError that
// carries the problem document (RFC 9457) the API answered with.

/** @typedef {import('./types.js').PortalSettings} PortalSettings */
/** @typedef {import('./types.js').LookupRequest} LookupRequest */
/** @typedef {import('./types.js').LookupResponse} LookupResponse */
/** @typedef {import('./types.js').ServicePointList} ServicePointList */
/** @typedef {import('./types.js').Upload} Upload */
/** @typedef {import('./types.js').ExchangeOptions} ExchangeOptions */
/** @typedef {import('./types.js').CreateReturn} CreateReturn */
/** @typedef {import('./types.js').Preview} Preview */
/** @typedef {import('./types.js').ReturnView} ReturnView */
/** @typedef {import('./types.js').CustomerReturns} CustomerReturns */
/** @typedef {import('./types.js').LabelPoll} LabelPoll */
/** @typedef {import('./types.js').Problem} Problem */

/** A 503 is retried when the server asks to wait at most this long (seconds). */
const MAX_AUTOMATIC_WAIT = 10;
const MAX_ATTEMPTS = 3;

export class ApiError extends Error {
  /**
   * @param {number} status HTTP status, 0 when the server could not be reached
   * @param {Problem | null} problem the problem document, when there was one
   * @param {number | null} retryAfter seconds from `Retry-After`
   */
  constructor(status, problem, retryAfter) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** The stable error code: the problem's, or one derived from the status. */
  get code() {
    if (this.problem?.code) return this.problem.code;
    if (this.status === 401) return "invalid_token";
    if (this.status === 429) return "rate_limited";
    if (this.status === 503) return "service_unavailable";
    return this.status === 0 ? "network" : "internal_error";
  }

  get fieldErrors() {
    return this.problem?.errors ?? [];
  }
}

/** @param {Response} response */
function retryAfter(response) {
  const value = response.headers.get("Retry-After");
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}

/** @param {number} seconds */
const sleep = (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/** @param {Response} response */
async function toError(response) {
  /** @type {Problem | null} */
  let problem = null;
  const type = response.headers.get("Content-Type") ?? "";
  if (type.includes("json")) {
    try {
      problem = await response.json();
    } catch {
      // A body that is not JSON after all: the status alone must do.
    }
  }
  return new ApiError(response.status, problem, retryAfter(response));
}

/**
 * Sends a request. A 503 with a short `Retry-After` is retried after that
 * wait: it means the server did not act on the request, so retrying is safe
 * (writes that are not naturally repeatable carry an Idempotency-Key).
 * @param {string} method
 * @param {string} url
 * @param {{ token?: string, body?: unknown, headers?: Record<string, string> }} [options]
 * @returns {Promise<any>} the parsed JSON body; callers give it its type
 */
async function request(method, url, { token, body, headers = {} } = {}) {
  /** @type {Record<string, string>} */
  const allHeaders = { Accept: "application/json", ...headers };
  if (token) allHeaders.Authorization = `Bearer ${token}`;
  if (body !== undefined) allHeaders["Content-Type"] = "application/json";
  for (let attempt = 1; ; attempt++) {
    let response;
    try {
      response = await fetch(url, {
        method,
        headers: allHeaders,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, null, null);
    }
    if (response.ok) return response.json();
    const error = await toError(response);
    const wait = error.retryAfter;
    if (response.status !== 503 || attempt >= MAX_ATTEMPTS || wait === null || wait > MAX_AUTOMATIC_WAIT) {
      throw error;
    }
    await sleep(wait);
  }
}

/**
 * The portal API of one brand. Call `authorize` with the lookup's tokens
 * before the calls that need them.
 * @param {string} brand slug or custom domain
 */
export function createApi(brand) {
  const base = `/v1/portal/${encodeURIComponent(brand)}`;
  let accessToken = "";
  let servicePointsToken = "";

  return {
    /** @param {LookupResponse} lookup */
    authorize(lookup) {
      accessToken = lookup.access_token;
      servicePointsToken = lookup.service_points_token;
    },

    /**
     * @param {string | null} locale
     * @returns {Promise<PortalSettings>}
     */
    settings(locale) {
      const query = locale ? `?${new URLSearchParams({ locale })}` : "";
      return request("GET", `${base}${query}`);
    },

    /**
     * @param {LookupRequest} body
     * @returns {Promise<LookupResponse>}
     */
    lookup(body) {
      return request("POST", `${base}/lookup`, { body });
    },

    /** @returns {Promise<CustomerReturns>} */
    returns() {
      return request("GET", `${base}/returns`, { token: accessToken });
    },

    /**
     * @param {string} id
     * @returns {Promise<ReturnView>}
     */
    getReturn(id) {
      return request("GET", `${base}/returns/${encodeURIComponent(id)}`, { token: accessToken });
    },

    /**
     * @param {{ country: string, latitude: number, longitude: number, labelless: boolean }} near
     * @returns {Promise<ServicePointList>}
     */
    servicePoints({ country, latitude, longitude, labelless }) {
      const query = new URLSearchParams({
        country,
        latitude: String(latitude),
        longitude: String(longitude),
        labelless: String(labelless),
      });
      return request("GET", `${base}/service-points?${query}`, { token: servicePointsToken });
    },

    /**
     * @param {string} orderLineId
     * @returns {Promise<ExchangeOptions>}
     */
    exchangeOptions(orderLineId) {
      const query = new URLSearchParams({ order_line_id: orderLineId });
      return request("GET", `${base}/exchange-options?${query}`, { token: accessToken });
    },

    /**
     * @param {CreateReturn} body
     * @returns {Promise<Preview>}
     */
    preview(body) {
      return request("POST", `${base}/returns/preview`, { token: accessToken, body });
    },

    /**
     * @param {CreateReturn} body
     * @param {string} idempotencyKey the same for every retry of one confirmation
     * @returns {Promise<ReturnView>}
     */
    createReturn(body, idempotencyKey) {
      return request("POST", `${base}/returns`, {
        token: accessToken,
        body,
        headers: { "Idempotency-Key": idempotencyKey },
      });
    },

    /**
     * Uploads one photo. XMLHttpRequest rather than fetch because only it
     * reports upload progress.
     * @param {File} file
     * @param {(fraction: number) => void} onProgress
     * @returns {Promise<Upload>}
     */
    upload(file, onProgress) {
      return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open("POST", `${base}/uploads`);
        xhr.setRequestHeader("Authorization", `Bearer ${accessToken}`);
        xhr.setRequestHeader("Accept", "application/json");
        xhr.upload.addEventListener("progress", (event) => {
          if (event.lengthComputable) onProgress(event.loaded / event.total);
        });
        xhr.addEventListener("error", () => reject(new ApiError(0, null, null)));
        xhr.addEventListener("load", () => {
          /** @type {any} */
          let body = null;
          try {
            body = JSON.parse(xhr.responseText);
          } catch {
            // Not JSON (a proxy's error page, say): the status tells enough.
          }
          if (xhr.status === 201) {
            resolve(body);
          } else {
            const wait = Number(xhr.getResponseHeader("Retry-After"));
            reject(new ApiError(xhr.status, body, Number.isFinite(wait) && wait > 0 ? wait : null));
          }
        });
        const form = new FormData();
        form.append("file", file);
        xhr.send(form);
      });
    },
  };
}

/** @typedef {ReturnType<typeof createApi>} Api */

/**
 * Polls a label's `poll_url` until it is no longer pending, waiting as long
 * as each 202's `Retry-After` asks. Resolves with the final state: ready,
 * failed (422) or cancelled (410).
 * @param {string} pollUrl self-authenticating URL from the return's shipment
 * @param {(state: LabelPoll) => void} [onPending]
 * @returns {Promise<LabelPoll>}
 */
export async function pollLabel(pollUrl, onPending) {
  for (;;) {
    let response;
    try {
      response = await fetch(pollUrl, { headers: { Accept: "application/json" } });
    } catch {
      // Offline for a moment: the label keeps being made, ask again later.
      await sleep(5);
      continue;
    }
    if (response.status === 200 || response.status === 410 || response.status === 422) {
      return response.json();
    }
    const wait = retryAfter(response) ?? 2;
    if (response.status === 202) {
      onPending?.(await response.json());
    } else if (response.status !== 503) {
      throw await toError(response);
    }
    await sleep(Math.min(Math.max(wait, 1), 30));
  }
}
