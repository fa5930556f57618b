/**
 * What the two journeys share and no generated client provides: settings
 * from the environment, the fresh order a shop would send, label URLs.
 */

export const env = process.env;
export const baseUrl = (env.BASE_URL ?? "http://127.0.0.1:8080").replace(/\/+$/, "");
export const brand = env.BRAND ?? "demo";
export const apiKey = env.API_KEY ?? env.RETURNS_API_KEY ?? "";
export const reasonCode = env.REASON ?? "other";
export const labelTimeoutMs = Number(env.LABEL_TIMEOUT ?? "60") * 1000;

/** Ends the journey with a message. */
export function fail(message: string): never {
  console.error(`failed: ${message}`);
  process.exit(1);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The seconds of a `Retry-After` header, between 1 and 10. */
export const retryAfterMs = (value: string | null) => Math.min(Math.max(Number(value) || 1, 1), 10) * 1000;

/** An order as a shop sends it after delivery: two T-shirts, delivered two days ago. */
export function freshOrder(number: string) {
  const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  return {
    number,
    placed_at: ago(4),
    currency: "EUR" as const,
    customer: { email: "ana@example.com", phone: "+31612345678", name: "Ana de Vries" },
    shipping_address: {
      line1: "Stationsplein 1",
      city: "Amsterdam",
      postal_code: "1012 AB",
      country: "NL" as const,
      latitude: 52.3791,
      longitude: 4.9003,
    },
    lines: [
      {
        id: "L1",
        sku: "TSHIRT-M",
        name: "T-shirt M",
        quantity: 2,
        unit_price: { amount: 1999, currency: "EUR" as const },
        returnable: true,
      },
    ],
    shipments: [
      {
        tracking_number: `${number}-1`,
        carrier: "postnl",
        status: "delivered" as const,
        shipped_at: ago(3),
        delivered_at: ago(2),
        lines: [{ line_id: "L1", quantity: 2 }],
      },
    ],
  };
}

/** The label id and token of a label URL the API handed out. */
export function labelRef(url: string): { id: string; token: string } {
  const parsed = new URL(url);
  const id = /^\/v1\/labels\/([^/]+)/.exec(parsed.pathname)?.[1];
  const token = parsed.searchParams.get("token");
  if (!id || !token) fail(`unexpected label URL ${url}`);
  return { id: decodeURIComponent(id), token };
}

/** Checks that bytes are a PDF and says how many there are. */
export function checkPdf(bytes: Uint8Array): number {
  if (Buffer.from(bytes.subarray(0, 4)).toString("latin1") !== "%PDF") fail("the download is not a PDF");
  return bytes.length;
}
