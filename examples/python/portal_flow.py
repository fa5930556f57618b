"""The customer's journey and the merchant's review through a Python client
that openapi-python-client generates from openapi/openapi.json, as a
merchant's developer would use it: portal settings → parcel lookup (and a
wrong one, read as a typed problem) → nearby drop-off points → return
creation with an Idempotency-Key → the merchant's list (two statuses) and
approval → label polling → the PDF.

    pip install -r examples/python/requirements.txt
    openapi-python-client generate --meta none --config examples/python/generator.yml \\
        --path openapi/openapi.json --output-path /tmp/client/returns_api_client
    PYTHONPATH=/tmp/client API_KEY=rk_… python3 examples/python/portal_flow.py

scripts/contract.sh does exactly this against a demo server (step
python-client). Environment: BASE_URL (http://127.0.0.1:8080), BRAND (demo),
API_KEY or RETURNS_API_KEY (merchant key; required: the journey ingests its
own order and the merchant approves the return), REASON (other: a reason
that needs the merchant's review), OUTPUT (label.pdf), LABEL_TIMEOUT (60 s).
"""

import os
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, unquote, urlparse

from returns_api_client import AuthenticatedClient, Client
from returns_api_client.api.labels import label_download_pdf, label_poll
from returns_api_client.api.orders import merchant_upsert_order
from returns_api_client.api.portal import (
    portal_create_return,
    portal_get_settings,
    portal_lookup,
    portal_search_service_points,
)
from returns_api_client.api.returns import (
    merchant_approve_return,
    merchant_list_return_events,
    merchant_list_returns,
)
from returns_api_client.models import (
    ApproveInput,
    CreateReturn,
    LabelPoll,
    LookupRequest,
    LookupResponse,
    Order,
    PortalLookupResponse404,
    PortalSettings,
    ReturnList,
    ReturnStatus,
    ReturnView,
    ServicePointList,
)
from returns_api_client.types import Response

env = os.environ
BASE_URL = env.get("BASE_URL", "http://127.0.0.1:8080").rstrip("/")
BRAND = env.get("BRAND", "demo")
API_KEY = env.get("API_KEY") or env.get("RETURNS_API_KEY")
REASON = env.get("REASON", "other")
OUTPUT = env.get("OUTPUT", "label.pdf")
LABEL_TIMEOUT = float(env.get("LABEL_TIMEOUT", "60"))


def fail(message: str) -> None:
    print(f"portal_flow.py failed: {message}", file=sys.stderr)
    sys.exit(1)


def expect(what: str, want: int, response: Response, kind: type):
    """The parsed body of a `want` answer of type `kind`, or the end of the journey."""
    if response.status_code != want or not isinstance(response.parsed, kind):
        fail(f"{what} answered {int(response.status_code)}, expected {want}: {response.content[:500]!r}")
    return response.parsed


def label_ref(url: str) -> tuple[str, str]:
    """The label id and token of a label URL the API handed out."""
    parsed = urlparse(url)
    parts = parsed.path.split("/")
    token = parse_qs(parsed.query).get("token", [""])[0]
    if len(parts) < 4 or parts[1:3] != ["v1", "labels"] or not token:
        fail(f"unexpected label URL {url}")
    return unquote(parts[3]), token


def fresh_order(number: str) -> Order:
    """An order as a shop sends it after delivery: two T-shirts, delivered two days ago."""

    def ago(days: int) -> str:
        return (datetime.now(timezone.utc) - timedelta(days=days)).isoformat()

    return Order.from_dict(
        {
            "number": number,
            "placed_at": ago(4),
            "currency": "EUR",
            "customer": {"email": "ana@example.com", "phone": "+31612345678", "name": "Ana de Vries"},
            "shipping_address": {
                "line1": "Stationsplein 1",
                "city": "Amsterdam",
                "postal_code": "1012 AB",
                "country": "NL",
                "latitude": 52.3791,
                "longitude": 4.9003,
            },
            "lines": [
                {
                    "id": "L1",
                    "sku": "TSHIRT-M",
                    "name": "T-shirt M",
                    "quantity": 2,
                    "unit_price": {"amount": 1999, "currency": "EUR"},
                    "returnable": True,
                }
            ],
            "shipments": [
                {
                    "tracking_number": f"{number}-1",
                    "carrier": "postnl",
                    "status": "delivered",
                    "shipped_at": ago(3),
                    "delivered_at": ago(2),
                    "lines": [{"line_id": "L1", "quantity": 2}],
                }
            ],
        }
    )


if not API_KEY:
    fail("set API_KEY (a merchant key of the brand)")
public = Client(base_url=BASE_URL, raise_on_unexpected_status=True)
merchant = AuthenticatedClient(base_url=BASE_URL, token=API_KEY, raise_on_unexpected_status=True)

# 0. The merchant ingests a fresh order, so every run has units to return.
identifier = f"PY-{uuid.uuid4()}"
response = merchant_upsert_order.sync_detailed(BRAND, client=merchant, body=fresh_order(identifier))
if response.status_code != 201:
    fail(f"POST /v1/brands/{{brand}}/orders answered {int(response.status_code)}: {response.content!r}")
print(f"0. ingested order {identifier} through the merchant API")

# 1. Portal settings: reasons and what each one requires.
settings = expect(
    "GET /v1/portal/{brand}",
    200,
    portal_get_settings.sync_detailed(BRAND, client=public, locale="en"),
    PortalSettings,
)
reason = next((r for r in settings.reasons if r.code == REASON), None)
if reason is None:
    fail(f"{BRAND} offers no reason {REASON}")
print(f"1. portal of {settings.brand.name} ({settings.locale}): {reason.code} = {reason.label}")

# 2. Lookup: the identifier and exactly one verifier. A wrong one is the
#    typed 404 problem `order_not_found`.
wrong = portal_lookup.sync_detailed(
    BRAND, client=public, body=LookupRequest.from_dict({"identifier": identifier, "postal_code": "9999 ZZ"})
)
if not isinstance(wrong.parsed, PortalLookupResponse404) or wrong.parsed.code.value != "order_not_found":
    fail(f"a wrong postal code answered {int(wrong.status_code)}: {wrong.content!r}")
print(f"2. a wrong postal code: {int(wrong.status_code)} {wrong.parsed.code.value} ({wrong.parsed.title})")
lookup = expect(
    "POST /v1/portal/{brand}/lookup",
    200,
    portal_lookup.sync_detailed(
        BRAND, client=public, body=LookupRequest.from_dict({"identifier": identifier, "postal_code": "1012 AB"})
    ),
    LookupResponse,
)
line = next((ln for ln in lookup.order.lines if ln.returnable_quantity > 0), None)
if line is None:
    fail(f"order {lookup.order.number} has nothing left to return")
print(f"   order {lookup.order.number}: returning 1 × {line.name} (line {line.id})")

# 3. Drop-off points near the parcel's destination, of the drop-off carriers.
drop_off = next((m for m in lookup.return_methods if m.type_.value == "drop_off"), None)
if drop_off is None:
    fail(f"{BRAND} does not offer drop-off returns")
destination = lookup.parcel.destination if lookup.parcel else None
if not destination or destination.latitude is None or destination.longitude is None:
    fail("the parcel's destination has no coordinates")
points = expect(
    "GET /v1/portal/{brand}/service-points",
    200,
    portal_search_service_points.sync_detailed(
        BRAND,
        client=AuthenticatedClient(base_url=BASE_URL, token=lookup.service_points_token),
        country=destination.country,
        latitude=destination.latitude,
        longitude=destination.longitude,
        carrier=drop_off.carriers,
        radius=5000,
        limit=5,
    ),
    ServicePointList,
)
if not points.data:
    fail("no drop-off point within 5 km")
point = points.data[0]
print(f"3. nearest drop-off point: {point.name} in {point.city} ({point.carrier}, {point.distance} m)")

# 4. Create, with a key that makes a retry of this request safe.
customer = AuthenticatedClient(base_url=BASE_URL, token=lookup.access_token)
request = CreateReturn.from_dict(
    {
        "items": [
            {
                "order_line_id": line.id,
                "quantity": 1,
                "reason_code": reason.code,
                "comment": "Returned with portal_flow.py" if reason.require_comment else None,
                "condition_code": settings.condition_codes[0].code if reason.require_condition else None,
            }
        ],
        "return_method": {"type": "drop_off", "carrier": point.carrier, "service_point_id": point.id},
        "resolution": {"type": "refund"},
        "locale": settings.locale,
    }
)
key = str(uuid.uuid4())
created = expect(
    "POST /v1/portal/{brand}/returns",
    201,
    portal_create_return.sync_detailed(BRAND, client=customer, body=request, idempotency_key=key),
    ReturnView,
)
replay = expect(
    "POST /v1/portal/{brand}/returns (replayed)",
    201,
    portal_create_return.sync_detailed(BRAND, client=customer, body=request, idempotency_key=key),
    ReturnView,
)
if replay.id != created.id:
    fail(f"the replay with the same Idempotency-Key created another return ({replay.id})")
print(f"4. return {created.rma_number} ({created.id}) is {created.status.value}; its replay answered the same return")

# 5. The merchant's review: the return is in the list of approved or
#    requested returns (the client sends `status` repeated), and a
#    requested one is approved.
listed = expect(
    "GET /v1/brands/{brand}/returns",
    200,
    merchant_list_returns.sync_detailed(
        BRAND, client=merchant, status=[ReturnStatus.APPROVED, ReturnStatus.REQUESTED], order_number=identifier
    ),
    ReturnList,
)
if [r.id for r in listed.data] != [created.id]:
    fail(f"the merchant's list of order {identifier} has {[r.id for r in listed.data]}")
print(f"5. the merchant lists {created.rma_number} among approved or requested returns")
if created.status == ReturnStatus.REQUESTED:
    created = expect(
        "POST /v1/brands/{brand}/returns/{id}/approve",
        200,
        merchant_approve_return.sync_detailed(
            BRAND, created.id, client=merchant, body=ApproveInput.from_dict({"note": "Approved by portal_flow.py"})
        ),
        ReturnView,
    )
    print(f"   approved by the merchant: {created.status.value}")
events = merchant_list_return_events.sync_detailed(BRAND, created.id, client=merchant)
if events.status_code != 200:
    fail(f"GET …/returns/{{id}}/events answered {int(events.status_code)}")
print(f"   audit trail: {', '.join(e.type_.value for e in events.parsed.data)}")
poll_url = created.shipments[0].label.poll_url if created.shipments and created.shipments[0].label else None
if created.status != ReturnStatus.APPROVED or not poll_url:
    fail(f"return is {created.status.value} without a label")

# 6. The label is made in the background: poll until it is ready, honouring Retry-After.
label_id, token = label_ref(poll_url)
deadline = time.monotonic() + LABEL_TIMEOUT
while True:
    polled = label_poll.sync_detailed(label_id, client=public, token=token)
    if polled.status_code == 200 and isinstance(polled.parsed, LabelPoll):
        ready = polled.parsed
        break
    if polled.status_code != 202:
        fail(f"GET /v1/labels/{{id}} answered {int(polled.status_code)}: {polled.content!r}")
    wait = min(max(float(polled.headers.get("Retry-After", "1") or 1), 1), 10)
    if time.monotonic() + wait > deadline:
        fail(f"label not ready after {LABEL_TIMEOUT} s")
    print(f"   label pending, polling again in {wait:g} s")
    time.sleep(wait)
if not ready.download_url:
    fail(f"label is {ready.status.value} without a download_url")
print(f"6. label ready: {ready.carrier} {ready.tracking_number or ''}")

# 7. Download the PDF (the URL carries its own token): bytes, not JSON.
download_id, download_token = label_ref(ready.download_url)
pdf = label_download_pdf.sync_detailed(download_id, client=public, token=download_token)
if pdf.status_code != 200:
    fail(f"GET /v1/labels/{{id}}/download answered {int(pdf.status_code)}: {pdf.content[:300]!r}")
data = pdf.parsed.payload.read() if hasattr(pdf.parsed, "payload") else b""
if not data.startswith(b"%PDF"):
    fail(f"the download is not a PDF: {type(pdf.parsed).__name__}")
with open(OUTPUT, "wb") as out:
    out.write(data)
print(f"7. saved the label to {OUTPUT} ({len(data)} bytes)")
