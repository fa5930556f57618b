/**
 * The portal journey through the client openapi-generator's typescript-fetch
 * generator makes from openapi/openapi.json (into typescript-fetch/):
 * settings → lookup (and a wrong one, read as a typed problem) → service
 * points → return creation with an Idempotency-Key → the merchant's list and
 * approval → label polling → the PDF. scripts/contract.sh runs it (step
 * typescript-fetch).
 */
import { randomUUID } from "node:crypto";
import {
  Configuration,
  LabelsApi,
  OrderFromJSON,
  OrdersApi,
  PortalApi,
  type Problem,
  ProblemFromJSON,
  ResponseError,
  ReturnsApi,
} from "./typescript-fetch";
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

const config = (token?: string) => new Configuration({ basePath: baseUrl, accessToken: token });
const portal = new PortalApi(config());
const labels = new LabelsApi(config());

/** The problem document of a failed call, typed. */
async function problemOf(err: unknown): Promise<{ status: number; problem: Problem }> {
  if (!(err instanceof ResponseError)) throw err;
  return { status: err.response.status, problem: ProblemFromJSON(await err.response.json()) };
}

async function main() {
  if (!apiKey) fail("set API_KEY (a merchant key of the brand)");
  const merchantOrders = new OrdersApi(config(apiKey));
  const merchantReturns = new ReturnsApi(config(apiKey));
  const identifier = `TF-${randomUUID()}`;
  // The generated models are camelCase: the JSON form goes through OrderFromJSON.
  await merchantOrders.merchantUpsertOrder({ brand, order: OrderFromJSON(freshOrder(identifier)) });
  console.log(`0. ingested order ${identifier}`);

  const settings = await portal.portalGetSettings({ brand, locale: "en" });
  const reason = settings.reasons.find((r) => r.code === reasonCode);
  if (!reason) fail(`${brand} offers no reason ${reasonCode}`);
  console.log(`1. portal of ${settings.brand.name}: ${reason.code} = ${reason.label}`);

  // The generator turns "exactly one verifier" into three nullable fields.
  const wrong = await portal
    .portalLookup({ brand, lookupRequest: { identifier, postalCode: "9999 ZZ", email: null, phone: null } })
    .then(() => fail("a wrong postal code found the order"), problemOf);
  if (wrong.status !== 404 || wrong.problem.code !== "order_not_found") {
    fail(`a wrong postal code answered ${wrong.status}: ${JSON.stringify(wrong.problem)}`);
  }
  console.log(`2. a wrong postal code: 404 ${wrong.problem.code} (${wrong.problem.title})`);
  const lookup = await portal.portalLookup({
    brand,
    lookupRequest: { identifier, postalCode: "1012 AB", email: null, phone: null },
  });
  const line = lookup.order.lines.find((l) => l.returnableQuantity > 0);
  if (!line) fail(`order ${lookup.order.number} has nothing left to return`);

  const dropOff = lookup.returnMethods.find((m) => m.type === "drop_off");
  const destination = lookup.parcel?.destination;
  if (!dropOff || destination?.latitude == null || destination.longitude == null) {
    fail("no drop-off method or no destination coordinates");
  }
  const points = await new PortalApi(config(lookup.servicePointsToken)).portalSearchServicePoints({
    brand,
    country: destination.country,
    latitude: destination.latitude,
    longitude: destination.longitude,
    carrier: dropOff.carriers,
    radius: 5000,
    limit: 5,
  });
  const point = points.data[0];
  if (!point) fail("no drop-off point within 5 km");
  console.log(`3. nearest drop-off point: ${point.name} (${point.carrier}, ${point.distance} m)`);

  const created = await new PortalApi(config(lookup.accessToken)).portalCreateReturn({
    brand,
    idempotencyKey: randomUUID(),
    createReturn: {
      items: [
        {
          orderLineId: line.id,
          quantity: 1,
          reasonCode: reason.code,
          comment: reason.requireComment ? "Returned with typescript-fetch-flow.ts" : null,
          conditionCode: reason.requireCondition ? (settings.conditionCodes[0]?.code ?? null) : null,
        },
      ],
      returnMethod: { type: "drop_off", carrier: point.carrier, servicePointId: point.id },
      resolution: { type: "refund" },
      locale: settings.locale,
    },
  });
  console.log(`4. return ${created.rmaNumber} is ${created.status}`);

  const listed = await merchantReturns.merchantListReturns({
    brand,
    status: ["approved", "requested"],
    orderNumber: identifier,
  });
  if (listed.data.map((r) => r.id).join() !== created.id) fail(`the merchant's list has ${listed.data.map((r) => r.id)}`);
  const current =
    created.status === "requested"
      ? await merchantReturns.merchantApproveReturn({
          brand,
          id: created.id,
          approveInput: { note: "Approved by typescript-fetch-flow.ts" },
        })
      : created;
  console.log(`5. listed by the merchant; now ${current.status}`);
  const pollUrl = current.shipments[0]?.label?.pollUrl;
  if (current.status !== "approved" || !pollUrl) fail(`return is ${current.status} without a label`);

  const label = labelRef(pollUrl);
  const deadline = Date.now() + labelTimeoutMs;
  for (;;) {
    const polled = await labels.labelPollRaw({ id: label.id, token: label.token });
    const body = await polled.value();
    if (polled.raw.status === 200 && body.downloadUrl) {
      const download = labelRef(body.downloadUrl);
      const pdf = await labels.labelDownloadPdf({ id: download.id, token: download.token });
      const size = checkPdf(new Uint8Array(await pdf.arrayBuffer()));
      console.log(`6. label ready (${body.carrier} ${body.trackingNumber ?? ""}); PDF of ${size} bytes`);
      return;
    }
    if (polled.raw.status !== 202) fail(`labelPoll answered ${polled.raw.status}`);
    const wait = retryAfterMs(polled.raw.headers.get("Retry-After"));
    if (Date.now() + wait > deadline) fail("label not ready in time");
    await sleep(wait);
  }
}

main().catch((err: unknown) => fail(String(err)));
