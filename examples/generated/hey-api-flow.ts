/**
 * The portal journey through the client @hey-api/openapi-ts generates from
 * openapi/openapi.json (into hey-api/, see openapi-ts.config.mjs): settings →
 * lookup (and a wrong one, read as a typed problem) → service points →
 * return creation with an Idempotency-Key → the merchant's list and approval
 * → label polling → the PDF. scripts/contract.sh runs it (step hey-api).
 */
import { randomUUID } from "node:crypto";
import { createClient, createConfig } from "./hey-api/client";
import * as sdk from "./hey-api";
import {
  apiKey,
  baseUrl,
  brand,
  checkPdf,
  fail,
  freshOrder,
  labelRef,
  labelTimeoutMs,
  reasonCode,
  retryAfterMs,
  sleep,
} from "./common";

const client = createClient(createConfig({ baseUrl }));
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The body of an answer with status `want`, or the end of the journey. */
function expect<T>(what: string, want: number, result: { data?: T; error?: unknown; response?: Response }): T {
  const { data, error, response } = result;
  if (response?.status !== want || data === undefined) {
    fail(`${what} answered ${response?.status}, expected ${want}: ${JSON.stringify(error ?? data)}`);
  }
  return data;
}

async function main() {
  if (!apiKey) fail("set API_KEY (a merchant key of the brand)");
  const identifier = `HA-${randomUUID()}`;
  expect(
    "merchantUpsertOrder",
    201,
    await sdk.merchantUpsertOrder({ client, path: { brand }, headers: bearer(apiKey), body: freshOrder(identifier) }),
  );
  console.log(`0. ingested order ${identifier}`);

  const settings = expect("portalGetSettings", 200, await sdk.portalGetSettings({ client, path: { brand }, query: { locale: "en" } }));
  const reason = settings.reasons.find((r) => r.code === reasonCode);
  if (!reason) fail(`${brand} offers no reason ${reasonCode}`);
  console.log(`1. portal of ${settings.brand.name}: ${reason.code} = ${reason.label}`);

  const wrong = await sdk.portalLookup({ client, path: { brand }, body: { identifier, postal_code: "9999 ZZ" } });
  if (wrong.response.status !== 404 || wrong.error?.code !== "order_not_found") {
    fail(`a wrong postal code answered ${wrong.response.status}: ${JSON.stringify(wrong.error)}`);
  }
  console.log(`2. a wrong postal code: 404 ${wrong.error.code} (${wrong.error.title})`);
  const lookup = expect(
    "portalLookup",
    200,
    await sdk.portalLookup({ client, path: { brand }, body: { identifier, postal_code: "1012 AB" } }),
  );
  const line = lookup.order.lines.find((l) => l.returnable_quantity > 0);
  if (!line) fail(`order ${lookup.order.number} has nothing left to return`);

  const dropOff = lookup.return_methods.find((m) => m.type === "drop_off");
  const destination = lookup.parcel?.destination;
  if (!dropOff || destination?.latitude == null || destination.longitude == null) {
    fail("no drop-off method or no destination coordinates");
  }
  const points = expect(
    "portalSearchServicePoints",
    200,
    await sdk.portalSearchServicePoints({
      client,
      path: { brand },
      headers: bearer(lookup.service_points_token),
      query: {
        country: destination.country,
        latitude: destination.latitude,
        longitude: destination.longitude,
        carrier: dropOff.carriers,
        radius: 5000,
        limit: 5,
      },
    }),
  );
  const point = points.data[0];
  if (!point) fail("no drop-off point within 5 km");
  console.log(`3. nearest drop-off point: ${point.name} (${point.carrier}, ${point.distance} m)`);

  const created = expect(
    "portalCreateReturn",
    201,
    await sdk.portalCreateReturn({
      client,
      path: { brand },
      headers: { ...bearer(lookup.access_token), "Idempotency-Key": randomUUID() },
      body: {
        items: [
          {
            order_line_id: line.id,
            quantity: 1,
            reason_code: reason.code,
            comment: reason.require_comment ? "Returned with hey-api-flow.ts" : null,
            condition_code: reason.require_condition ? (settings.condition_codes[0]?.code ?? null) : null,
          },
        ],
        return_method: { type: "drop_off", carrier: point.carrier, service_point_id: point.id },
        resolution: { type: "refund" },
        locale: settings.locale,
      },
    }),
  );
  console.log(`4. return ${created.rma_number} is ${created.status}`);

  const listed = expect(
    "merchantListReturns",
    200,
    await sdk.merchantListReturns({
      client,
      path: { brand },
      headers: bearer(apiKey),
      query: { status: ["approved", "requested"], order_number: identifier },
    }),
  );
  if (listed.data.map((r) => r.id).join() !== created.id) fail(`the merchant's list has ${listed.data.map((r) => r.id)}`);
  let current = created;
  if (created.status === "requested") {
    current = expect(
      "merchantApproveReturn",
      200,
      await sdk.merchantApproveReturn({
        client,
        path: { brand, id: created.id },
        headers: bearer(apiKey),
        body: { note: "Approved by hey-api-flow.ts" },
      }),
    );
  }
  console.log(`5. listed by the merchant; now ${current.status}`);
  const pollUrl = current.shipments[0]?.label?.poll_url;
  if (current.status !== "approved" || !pollUrl) fail(`return is ${current.status} without a label`);

  const label = labelRef(pollUrl);
  const deadline = Date.now() + labelTimeoutMs;
  for (;;) {
    const polled = await sdk.labelPoll({ client, path: { id: label.id }, query: { token: label.token } });
    if (polled.response.status === 200 && polled.data?.download_url) {
      const download = labelRef(polled.data.download_url);
      const pdf = expect(
        "labelDownloadPdf",
        200,
        await sdk.labelDownloadPdf({ client, path: { id: download.id }, query: { token: download.token } }),
      );
      const size = checkPdf(new Uint8Array(await pdf.arrayBuffer()));
      console.log(`6. label ready (${polled.data.carrier} ${polled.data.tracking_number ?? ""}); PDF of ${size} bytes`);
      return;
    }
    if (polled.response.status !== 202) fail(`labelPoll answered ${polled.response.status}`);
    const wait = retryAfterMs(polled.response.headers.get("Retry-After"));
    if (Date.now() + wait > deadline) fail("label not ready in time");
    await sleep(wait);
  }
}

main().catch((err: unknown) => fail(String(err)));
