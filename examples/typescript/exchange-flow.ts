/**
 * An exchange for another variant with openapi-fetch and the types
 * openapi-typescript generates from openapi/openapi.json: a fresh order of
 * the catalogue's T-shirt → lookup → the line's exchange options → preview
 * (the amounts, and what is due when the brand charges a dearer variant) →
 * creation → the payment when one is due (merchant) → the parcel received →
 * the replacement's sale recorded → the customer sees its reference.
 *
 *   npm ci && npm run check
 *   API_KEY=rk_… BASE_URL=http://127.0.0.1:8080 npx tsc && node dist/exchange-flow.js
 *
 * Environment: BASE_URL (http://127.0.0.1:8080), BRAND (demo), API_KEY or
 * RETURNS_API_KEY (a merchant key of the brand: required), SIZE (the size
 * wanted, L; XL is dearer in the demo's catalogue).
 */
import { randomUUID } from "node:crypto";
import createClient from "openapi-fetch";
import type { components, paths } from "./schema.js";

type Schemas = components["schemas"];

const env = process.env;
const baseUrl = (env.BASE_URL ?? "http://127.0.0.1:8080").replace(/\/+$/, "");
const brand = env.BRAND ?? "demo";
const apiKey = env.API_KEY ?? env.RETURNS_API_KEY;
const size = env.SIZE ?? "L";

const api = createClient<paths>({ baseUrl });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

function fail(message: string): never {
  console.error(`exchange-flow failed: ${message}`);
  process.exit(1);
}

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

const money = (m: Schemas["Money"]) => `${(m.amount / 100).toFixed(2)} ${m.currency}`;

if (!apiKey) fail("set API_KEY to a merchant key of the brand");
const key = apiKey;

// 0. An order whose line names the catalogue's T-shirt.
const number = `EX-${randomUUID()}`;
const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const order: Schemas["Order"] = {
  number,
  placed_at: ago(4),
  currency: "EUR",
  customer: { email: "ana@example.com", name: "Ana de Vries" },
  shipping_address: { line1: "Stationsplein 1", city: "Amsterdam", postal_code: "1012 AB", country: "NL" },
  lines: [
    {
      id: "L1",
      sku: "TSHIRT-M",
      product_id: "tshirt",
      name: "T-shirt M",
      quantity: 1,
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
      lines: [{ line_id: "L1", quantity: 1 }],
    },
  ],
};
expect(
  "POST /v1/brands/{brand}/orders",
  201,
  await api.POST("/v1/brands/{brand}/orders", { params: { path: { brand } }, headers: bearer(key), body: order }),
);

// 1. Lookup: the line says how many variants it may be exchanged for.
const lookup = expect(
  "POST /v1/portal/{brand}/lookup",
  200,
  await api.POST("/v1/portal/{brand}/lookup", {
    params: { path: { brand } },
    body: { identifier: number, postal_code: "1012 AB" },
  }),
);
const line = lookup.order.lines[0];
if (!line || line.exchange_offers === 0) fail("the line has no exchange offers");
console.log(`1. ${line.name}: ${line.exchange_offers} exchange offers`);

// 2. The offers: in stock, what changed, the price difference.
const options = expect(
  "GET /v1/portal/{brand}/exchange-options",
  200,
  await api.GET("/v1/portal/{brand}/exchange-options", {
    params: { path: { brand }, query: { order_line_id: line.id } },
    headers: bearer(lookup.access_token),
  }),
);
const offer = options.offers.find((o) => o.option_values["size"] === size);
if (!offer) fail(`no size ${size} on offer`);
console.log(`2. ${offer.sku}: ${offer.changed.join(", ")} changed, difference ${money(offer.price_difference)}`);

// 3. Preview, then create with an Idempotency-Key.
const body: Schemas["CreateReturn"] = {
  items: [
    {
      order_line_id: line.id,
      quantity: 1,
      reason_code: "too_small",
      resolution: { type: "exchange", variant_sku: offer.sku },
    },
  ],
  return_method: { type: "drop_off", carrier: "postnl" },
  resolution: { type: "refund" },
};
const preview = expect(
  "POST /v1/portal/{brand}/returns/preview",
  200,
  await api.POST("/v1/portal/{brand}/returns/preview", {
    params: { path: { brand } },
    headers: bearer(lookup.access_token),
    body,
  }),
);
console.log(`3. refund ${money(preview.estimated_refund)}, due ${money(preview.payment_due)}`);
let ret = expect(
  "POST /v1/portal/{brand}/returns",
  201,
  await api.POST("/v1/portal/{brand}/returns", {
    params: { path: { brand }, header: { "Idempotency-Key": randomUUID() } },
    headers: bearer(lookup.access_token),
    body,
  }),
);
console.log(`   return ${ret.rma_number}: ${ret.status}`);

// 4. A dearer variant the brand charges for: the merchant's payment system
//    confirms the amount due.
if (ret.status === "payment_required" && ret.payment) {
  ret = expect(
    "POST /v1/brands/{brand}/returns/{id}/payments",
    200,
    await api.POST("/v1/brands/{brand}/returns/{id}/payments", {
      params: { path: { brand, id: ret.id } },
      headers: bearer(key),
      body: { amount: ret.payment.amount_due, reference: `pay-${randomUUID()}` },
    }),
  );
  console.log(`4. paid ${money(ret.payment?.amount_due ?? preview.payment_due)}: ${ret.status}`);
}
if (ret.status === "requested") {
  ret = expect(
    "POST /v1/brands/{brand}/returns/{id}/approve",
    200,
    await api.POST("/v1/brands/{brand}/returns/{id}/approve", {
      params: { path: { brand, id: ret.id } },
      headers: bearer(key),
    }),
  );
}

// 5. The parcel arrives: the replacement is requested (exchange.requested).
const item = ret.items[0];
if (!item) fail("the return has no item");
ret = expect(
  "POST /v1/brands/{brand}/returns/{id}/receive",
  200,
  await api.POST("/v1/brands/{brand}/returns/{id}/receive", {
    params: { path: { brand, id: ret.id } },
    headers: bearer(key),
    body: { items: [{ return_item_id: item.id, quantity: 1 }] },
  }),
);

// 6. The new sale for the replacement, recorded once.
ret = expect(
  "POST /v1/brands/{brand}/returns/{id}/exchange-orders",
  200,
  await api.POST("/v1/brands/{brand}/returns/{id}/exchange-orders", {
    params: { path: { brand, id: ret.id } },
    headers: bearer(key),
    body: { reference: `SO-${number}` },
  }),
);
const mine = expect(
  "GET /v1/portal/{brand}/returns/{id}",
  200,
  await api.GET("/v1/portal/{brand}/returns/{id}", {
    params: { path: { brand, id: ret.id } },
    headers: bearer(lookup.access_token),
  }),
);
const reference = mine.items[0]?.exchange?.order_reference;
if (reference !== `SO-${number}`) fail(`the customer sees ${reference}`);
console.log(`6. the customer sees the new sale ${reference}`);
