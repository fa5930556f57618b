/**
 * The customer's journey through a returns portal with openapi-fetch and the
 * types openapi-typescript generates from openapi/openapi.json: portal
 * settings → parcel lookup → nearby drop-off points → photo upload →
 * preview → return creation (with an Idempotency-Key) → label polling → PDF.
 *
 *   npm ci && npm run check                  # generate schema.d.ts, type-check
 *   API_KEY=rk_… BASE_URL=http://127.0.0.1:8080 npm start
 *
 * Environment: BASE_URL (http://127.0.0.1:8080), BRAND (demo), API_KEY or
 * RETURNS_API_KEY (ingest a fresh order first and return that one),
 * ORDER_NUMBER (1001, without an API key), POSTAL_CODE | EMAIL | PHONE (one
 * verifier; POSTAL_CODE "1012 AB"), REASON (too_small), OUTPUT (label.pdf),
 * LABEL_TIMEOUT (60 seconds).
 */
import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import createClient from "openapi-fetch";
import type { components, paths } from "./schema.js";

type Schemas = components["schemas"];

const env = process.env;
const baseUrl = (env.BASE_URL ?? "http://127.0.0.1:8080").replace(/\/+$/, "");
const brand = env.BRAND ?? "demo";
const apiKey = env.API_KEY ?? env.RETURNS_API_KEY;
const reasonCode = env.REASON ?? "too_small";
const output = env.OUTPUT ?? "label.pdf";
const labelTimeoutMs = Number(env.LABEL_TIMEOUT ?? "60") * 1000;

const api = createClient<paths>({ baseUrl });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Ends the journey with a message (for a response: the request and the problem document). */
function fail(message: string): never {
  console.error(`portal-flow failed: ${message}`);
  process.exit(1);
}

/** Insists on one status and a body, or fails with what the server said. */
function expect<T>(
  what: string,
  want: number,
  result: { data?: T; error?: unknown; response: Response },
): T {
  const { data, error, response } = result;
  if (response.status !== want || data === undefined) {
    fail(`${what} answered ${response.status}, expected ${want}: ${JSON.stringify(error ?? data)}`);
  }
  return data;
}

/** An order as a shop would send it after delivery: two T-shirts, delivered two days ago. */
function freshOrder(number: string): Schemas["Order"] {
  const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  return {
    number,
    placed_at: ago(4),
    currency: "EUR",
    customer: { email: "ana@example.com", phone: "+31612345678", name: "Ana de Vries" },
    shipping_address: {
      line1: "Stationsplein 1",
      city: "Amsterdam",
      postal_code: "1012 AB",
      country: "NL",
      latitude: 52.3791,
      longitude: 4.9003,
    },
    lines: [
      {
        id: "L1",
        sku: "TSHIRT-M",
        name: "T-shirt M",
        quantity: 2,
        unit_price: { amount: 1999, currency: "EUR" },
        returnable: true,
      },
    ],
    shipments: [
      {
        tracking_number: `${number}-1`,
        carrier: "postnl",
        status: "delivered",
        shipped_at: ago(3),
        delivered_at: ago(2),
        lines: [{ line_id: "L1", quantity: 2 }],
      },
    ],
  };
}

/** A 1×1 PNG standing in for the customer's photo. */
const PHOTO = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC",
  "base64",
);

/** The label id and token of a label URL the API handed out. */
function labelRef(url: string): { id: string; token: string } {
  const parsed = new URL(url);
  const id = /^\/v1\/labels\/([^/]+)/.exec(parsed.pathname)?.[1];
  const token = parsed.searchParams.get("token");
  if (!id || !token) fail(`unexpected label URL ${url}`);
  return { id: decodeURIComponent(id), token };
}

// 0. With an API key: a fresh order, so every run has units to return.
let identifier = env.ORDER_NUMBER ?? "1001";
if (apiKey) {
  identifier = `PF-${randomUUID()}`;
  expect(
    "POST /v1/brands/{brand}/orders",
    201,
    await api.POST("/v1/brands/{brand}/orders", {
      params: { path: { brand } },
      headers: bearer(apiKey),
      body: freshOrder(identifier),
    }),
  );
  console.log(`0. ingested order ${identifier} through the merchant API`);
}

// 1. Portal settings: reasons and what each one requires.
const settings = expect(
  "GET /v1/portal/{brand}",
  200,
  await api.GET("/v1/portal/{brand}", { params: { path: { brand }, query: { locale: "en" } } }),
);
const reason = settings.reasons.find((r) => r.code === reasonCode);
if (!reason) fail(`${brand} offers no reason ${reasonCode}`);
console.log(`1. portal of ${settings.brand.name} (${settings.locale}): ${reason.code} = ${reason.label}`);

// 2. Lookup: the identifier plus exactly one verifier.
type Verifier = { postal_code: string } | { email: string } | { phone: string };
const verifier: Verifier = env.EMAIL
  ? { email: env.EMAIL }
  : env.PHONE
    ? { phone: env.PHONE }
    : { postal_code: env.POSTAL_CODE ?? "1012 AB" };
const lookup = expect(
  "POST /v1/portal/{brand}/lookup",
  200,
  await api.POST("/v1/portal/{brand}/lookup", {
    params: { path: { brand } },
    body: { identifier, ...verifier },
  }),
);
const line = lookup.order.lines.find((l) => l.returnable_quantity > 0);
if (!line) fail(`order ${lookup.order.number} has nothing left to return`);
console.log(`2. order ${lookup.order.number}: returning 1 × ${line.name} (line ${line.id})`);

// 3. Drop-off points near the parcel's destination, of the drop-off carriers
//    (an email or phone lookup leaves the coordinates out: search around the
//    nearest point the lookup named instead).
const dropOff = lookup.return_methods.find((m) => m.type === "drop_off");
if (!dropOff) fail(`${brand} does not offer drop-off returns`);
const destination =
  lookup.parcel?.destination?.latitude != null ? lookup.parcel.destination : lookup.service_point;
if (destination?.latitude == null || destination.longitude == null) {
  fail("neither the parcel's destination nor a nearby point has coordinates");
}
const points = expect(
  "GET /v1/portal/{brand}/service-points",
  200,
  await api.GET("/v1/portal/{brand}/service-points", {
    params: {
      path: { brand },
      query: {
        country: destination.country,
        latitude: destination.latitude,
        longitude: destination.longitude,
        carrier: dropOff.carriers,
        radius: 5000,
        limit: 5,
      },
    },
    headers: bearer(lookup.service_points_token),
  }),
);
const point = points.data[0];
if (!point) fail("no drop-off point within 5 km");
console.log(`3. nearest drop-off point: ${point.name} in ${point.city} (${point.carrier}, ${point.distance} m)`);

// 4. Photos: as many as the reason asks for, at least one.
const imageIds: string[] = [];
for (let i = 0; i < (reason.require_images ? Math.max(reason.min_images, 1) : 1); i++) {
  const upload = expect(
    "POST /v1/portal/{brand}/uploads",
    201,
    await api.POST("/v1/portal/{brand}/uploads", {
      params: { path: { brand } },
      headers: bearer(lookup.access_token),
      body: { file: new Blob([PHOTO], { type: "image/png" }) },
      bodySerializer(body) {
        const form = new FormData();
        form.append("file", body.file, "photo.png");
        return form;
      },
    }),
  );
  console.log(`4. uploaded ${upload.id} (${upload.content_type}, ${upload.size_bytes} bytes)`);
  imageIds.push(upload.id);
}

// 5. Preview: the same body as the creation; creates nothing.
const request: Schemas["CreateReturn"] = {
  items: [
    {
      order_line_id: line.id,
      quantity: 1,
      reason_code: reason.code,
      image_ids: imageIds,
      comment: reason.require_comment ? "Returned with portal-flow.ts" : null,
      condition_code: reason.require_condition ? (settings.condition_codes[0]?.code ?? null) : null,
    },
  ],
  return_method: { type: "drop_off", carrier: point.carrier, service_point_id: point.id },
  resolution: { type: "refund" },
  locale: settings.locale,
};
const preview = expect(
  "POST /v1/portal/{brand}/returns/preview",
  200,
  await api.POST("/v1/portal/{brand}/returns/preview", {
    params: { path: { brand } },
    headers: bearer(lookup.access_token),
    body: request,
  }),
);
if (!preview.valid) fail(`preview found problems: ${JSON.stringify(preview.errors)}`);
console.log(
  `5. preview: valid, auto-approved: ${preview.auto_approve}, ` +
    `estimated refund ${preview.estimated_refund.amount} ${preview.estimated_refund.currency}`,
);

// 6. Create, with a key that makes a retry of this request safe.
let created: Schemas["ReturnView"] = expect(
  "POST /v1/portal/{brand}/returns",
  201,
  await api.POST("/v1/portal/{brand}/returns", {
    params: { path: { brand }, header: { "Idempotency-Key": randomUUID() } },
    headers: bearer(lookup.access_token),
    body: request,
  }),
);
console.log(`6. return ${created.rma_number} (${created.id}) is ${created.status}`);
if (created.status === "requested") {
  // The reason needs the merchant's review; the merchant approves it.
  if (!apiKey) fail(`reason ${reason.code} needs the merchant's approval: set API_KEY`);
  created = expect(
    "POST /v1/brands/{brand}/returns/{id}/approve",
    200,
    await api.POST("/v1/brands/{brand}/returns/{id}/approve", {
      params: { path: { brand, id: created.id } },
      headers: bearer(apiKey),
      body: { note: "Approved by portal-flow.ts" },
    }),
  );
  console.log(`   approved by the merchant: ${created.status}`);
}
const pollUrl = created.shipments[0]?.label?.poll_url;
if (created.status !== "approved" || !pollUrl) fail(`return is ${created.status} without a label`);

// 7. The label is made in the background: poll until it is ready, honouring Retry-After.
const label = labelRef(pollUrl);
const deadline = Date.now() + labelTimeoutMs;
let ready: Schemas["LabelPoll"] | undefined;
while (!ready) {
  const { data, error, response } = await api.GET("/v1/labels/{id}", {
    params: { path: { id: label.id }, query: { token: label.token } },
  });
  if (response.status === 200 && data) {
    ready = data;
  } else if (response.status === 202) {
    const waitMs = Math.min(Math.max(Number(response.headers.get("Retry-After")) || 1, 1), 10) * 1000;
    if (Date.now() + waitMs > deadline) fail(`label not ready after ${labelTimeoutMs / 1000} s`);
    console.log(`   label pending, polling again in ${waitMs / 1000} s`);
    await sleep(waitMs);
  } else {
    fail(`GET /v1/labels/{id} answered ${response.status}: ${JSON.stringify(error ?? data)}`);
  }
}
if (!ready.download_url) fail(`label is ${ready.status} without a download_url`);
console.log(`7. label ready: ${ready.carrier} ${ready.tracking_number ?? ""}`);

// 8. Download the PDF (the URL carries its own token).
const download = labelRef(ready.download_url);
const pdf = expect(
  "GET /v1/labels/{id}/download",
  200,
  await api.GET("/v1/labels/{id}/download", {
    params: { path: { id: download.id }, query: { token: download.token } },
    parseAs: "blob",
  }),
);
const bytes = Buffer.from(await pdf.arrayBuffer());
if (bytes.subarray(0, 4).toString("latin1") !== "%PDF") fail("the download is not a PDF");
await writeFile(output, bytes);
console.log(`8. saved the label to ${output} (${bytes.length} bytes)`);
