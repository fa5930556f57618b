# Objects for Schemathesis, sourced by scripts/contract.sh: a fresh order
# (an in-house line and a line of the demo vendor, Nordic Knits), its
# lookup, and one return in the right state for each operation that changes
# a return, so that every operation can succeed at least once whatever the
# order in which the fuzzer calls them. Exports CONTRACT_* variables that
# scripts/contract/schemathesis.toml and scripts/contract/hooks.py read.
#
# Needs BASE_URL, BRAND, API_KEY, VENDOR_KEY (may be empty), ADMIN_KEY (may
# be empty), WORK and, for the vendor deadline, DB_FILE (the SQLite file of
# a server this script started; empty for --base-url).
# shellcheck shell=bash

# api METHOD PATH BEARER [BODY]: prints the status; the body is in $WORK/out.json.
api() {
    local method=$1 path=$2 bearer=$3 body=${4-}
    local args=(-sS -o "$WORK/out.json" -w '%{http_code}' -X "$method" "$BASE_URL$path")
    [[ -n "$bearer" ]] && args+=(-H "Authorization: Bearer $bearer")
    [[ -n "$body" ]] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
    curl "${args[@]}"
}

# must STATUS METHOD PATH BEARER [BODY]: api, failing unless it answers STATUS.
must() {
    local want=$1 got
    shift
    got="$(api "$@")"
    [[ "$got" == "$want" ]] && return 0
    echo "fixtures: $1 $2 answered $got, not $want: $(cat "$WORK/out.json")" >&2
    return 1
}

# new_return LINE REASON: a return of one unit of LINE, created by the
# customer; prints its id. `too_small` is approved at once, `other` waits
# for review.
new_return() {
    local comment=""
    [[ "$2" == other ]] && comment=',"comment":"does not fit"'
    must 201 POST "/v1/portal/$BRAND/returns" "$CONTRACT_ACCESS_TOKEN" \
        "{\"items\":[{\"order_line_id\":\"$1\",\"quantity\":1,\"reason_code\":\"$2\"$comment}],
          \"return_method\":{\"type\":\"drop_off\",\"carrier\":\"postnl\"},\"resolution\":{\"type\":\"refund\"}}" || return 1
    jq -r .id "$WORK/out.json"
}

# item_of RETURN_ID: the id of the return's (only) item.
item_of() {
    must 200 GET "/v1/brands/$BRAND/returns/$1" "$API_KEY" || return 1
    jq -r '.items[0].id' "$WORK/out.json"
}

# demo_tshirt: the demo's T-shirt product (its sizes in stock; XL dearer).
demo_tshirt() {
    local size price
    for size in S M L XL; do
        price=1999
        [[ "$size" == XL ]] && price=2499
        printf '{"sku":"TSHIRT-%s","option_values":{"size":"%s"},"prices":[{"amount":%s,"currency":"EUR"}],"available":25}\n' "$size" "$size" "$price"
    done | jq -s '{id: "tshirt", title: "T-shirt", options: ["size"], variants: .}'
}

# vendor_part_of RETURN_ID: the id of the return's part that goes to the vendor.
vendor_part_of() {
    must 200 GET "/v1/brands/$BRAND/returns/$1" "$API_KEY" || return 1
    jq -r '[.shipments[] | select(.vendor != null)][0].id' "$WORK/out.json"
}

# receive_as PATH BEARER RETURN_ID: receives the return's one unit.
receive_as() {
    local item
    item="$(item_of "$3")" || return 1
    must 200 POST "$1" "$2" "{\"items\":[{\"return_item_id\":\"$item\",\"quantity\":1}]}"
}

fuzz_fixtures() {
    local number now day=86400 name
    # Every variable the configuration names has a value, "none" where a
    # fixture cannot be made (no vendor key against a running server).
    for name in VENDOR_APPROVE_RETURN VENDOR_REJECT_RETURN VENDOR_RECEIVE_RETURN \
        VENDOR_COMPLETE_RETURN VENDOR_APPROVE_ITEM VENDOR_RECEIVE_ITEM PART_APPROVE_RETURN \
        PART_APPROVE_PART PART_APPROVE_ITEM PART_REJECT_RETURN PART_REJECT_PART \
        PART_COMPLETE_RETURN PART_COMPLETE_PART VENDOR_ID VENDOR_KEY_ID RETIRE_VENDOR_ID \
        VENDOR_ENDPOINT_ID VENDOR_DELETE_ENDPOINT_ID VENDOR_DELIVERY_ID VENDOR_EXCHANGE_ORDER_RETURN; do
        export "CONTRACT_$name=none"
    done
    number="CT-$(date +%s)-$RANDOM"
    now="$(date -u +%s)"
    # The vendor's lines of this order carry a name of their own, given to
    # the demo vendor and its return address now: the fuzzer may have
    # changed the vendor's name for order lines, or registered another
    # vendor under the demo's.
    local vendor_line="Nordic Knits"
    if [[ -n "${VENDOR_KEY:-}" ]]; then
        vendor_line="Nordic Knits $number"
        must 200 PATCH "/v1/brands/$BRAND/vendors/nordic-knits" "$API_KEY" \
            "{\"order_line_vendor\":\"$vendor_line\",\"auto_approve\":false,\"response_hours\":48}" || return 1
    fi
    jq -n --arg n "$number" --arg vendor "$vendor_line" --arg placed "$(date -u -d "@$((now - 4 * day))" +%FT%TZ)" \
        --arg shipped "$(date -u -d "@$((now - 3 * day))" +%FT%TZ)" \
        --arg delivered "$(date -u -d "@$((now - 2 * day))" +%FT%TZ)" '{
        number: $n, placed_at: $placed, currency: "EUR",
        customer: { email: "ana@example.com", phone: "+31612345678", name: "Ana de Vries" },
        shipping_address: { line1: "Stationsplein 1", city: "Amsterdam", postal_code: "1012 AB",
                            country: "NL", latitude: 52.3791, longitude: 4.9003 },
        lines: [ { id: "L1", sku: "TSHIRT-M", name: "T-shirt M", quantity: 40,
                   unit_price: { amount: 1999, currency: "EUR" }, returnable: true },
                 { id: "L3", sku: "SWEATER-WOOL", name: "Wool sweater", quantity: 40,
                   unit_price: { amount: 8900, currency: "EUR" }, returnable: true, vendor: $vendor } ],
        shipments: [ { tracking_number: ($n + "-1"), carrier: "postnl", status: "delivered",
                       shipped_at: $shipped, delivered_at: $delivered,
                       lines: [ { line_id: "L1", quantity: 40 }, { line_id: "L3", quantity: 40 } ] } ] }' >"$WORK/order.json"
    # The brand's settings as they were before the first run (the fuzzer
    # replaces them, and the fixtures need the brand's reasons, methods and
    # return addresses), the vendor's address under this round's name.
    if [[ ! -f "$WORK/settings.json" ]]; then
        must 200 GET "/v1/brands/$BRAND/returns-settings" "$API_KEY" || return 1
        cp "$WORK/out.json" "$WORK/settings.json"
    fi
    # The customer pays for a dearer exchange (the payment fixture).
    jq --arg vendor "$vendor_line" \
        '.return_addresses |= map(if .vendor == "Nordic Knits" then .vendor = $vendor else . end)
         | .exchange_price_difference = "charge"' \
        "$WORK/settings.json" >"$WORK/round-settings.json"
    local put
    put="$(curl -sS -o "$WORK/out.json" -w '%{http_code}' -X PUT "$BASE_URL/v1/brands/$BRAND/returns-settings" \
        -H "Authorization: Bearer $API_KEY" -H 'If-Match: *' -H 'Content-Type: application/json' \
        --data-binary @"$WORK/round-settings.json")"
    [[ "$put" == 200 ]] || { echo "fixtures: restoring the settings answered $put: $(cat "$WORK/out.json")" >&2; return 1; }
    must 201 POST "/v1/brands/$BRAND/orders" "$API_KEY" "$(cat "$WORK/order.json")" || return 1
    # The catalogue's T-shirt (L1's product) as the demo has it, whatever
    # the fuzzer did to it: the product read and the variant whose stock
    # changes.
    export CONTRACT_PRODUCT_ID="tshirt" CONTRACT_SKU="TSHIRT-L"
    local product
    product="$(api POST "/v1/brands/$BRAND/products" "$API_KEY" "$(demo_tshirt)")"
    [[ "$product" == 200 || "$product" == 201 ]] ||
        { echo "fixtures: the T-shirt product answered $product: $(cat "$WORK/out.json")" >&2; return 1; }
    must 200 POST "/v1/portal/$BRAND/lookup" "" "{\"identifier\":\"$number\",\"postal_code\":\"1012 AB\"}" || return 1
    cp "$WORK/out.json" "$WORK/lookup.json"
    export CONTRACT_BASE_URL="$BASE_URL" CONTRACT_BRAND="$BRAND" CONTRACT_API_KEY="$API_KEY"
    export CONTRACT_ORDER_NUMBER="$number"
    CONTRACT_ACCESS_TOKEN="$(jq -r .access_token "$WORK/lookup.json")"
    CONTRACT_SERVICE_POINTS_TOKEN="$(jq -r .service_points_token "$WORK/lookup.json")"
    export CONTRACT_ACCESS_TOKEN CONTRACT_SERVICE_POINTS_TOKEN
    # Keys the fuzzer may not use up: without them the operations that need
    # them are only checked for refusing the wrong caller.
    export CONTRACT_VENDOR_KEY="${VENDOR_KEY:-none}" CONTRACT_ADMIN_KEY="${ADMIN_KEY:-$API_KEY}"

    # The return the reading operations see, and one whose label they poll.
    CONTRACT_RETURN_ID="$(new_return L1 too_small)" || return 1
    local labelled poll
    labelled="$(new_return L1 too_small)" || return 1
    poll="$(jq -r '.shipments[0].label.poll_url' "$WORK/out.json")"
    CONTRACT_LABEL_ID="$(sed -E 's#.*/v1/labels/([^/?]+).*#\1#' <<<"$poll")"
    CONTRACT_LABEL_TOKEN="$(sed -E 's#.*[?&]token=([^&]+).*#\1#' <<<"$poll")"
    export CONTRACT_RETURN_ID CONTRACT_LABEL_ID CONTRACT_LABEL_TOKEN
    # A label-less return: its label is a QR code.
    must 201 POST "/v1/portal/$BRAND/returns" "$CONTRACT_ACCESS_TOKEN" \
        '{"items":[{"order_line_id":"L1","quantity":1,"reason_code":"too_small"}],
          "return_method":{"type":"labelless","carrier":"postnl"},"resolution":{"type":"refund"}}' || return 1
    poll="$(jq -r '.shipments[0].label.poll_url' "$WORK/out.json")"
    export CONTRACT_QR_LABEL_ID CONTRACT_QR_LABEL_TOKEN
    CONTRACT_QR_LABEL_ID="$(sed -E 's#.*/v1/labels/([^/?]+).*#\1#' <<<"$poll")"
    CONTRACT_QR_LABEL_TOKEN="$(sed -E 's#.*[?&]token=([^&]+).*#\1#' <<<"$poll")"

    # The merchant's actions, each on a return in a state that allows it.
    export CONTRACT_APPROVE_RETURN CONTRACT_REJECT_RETURN CONTRACT_CANCEL_RETURN \
        CONTRACT_PORTAL_CANCEL_RETURN CONTRACT_TRANSIT_RETURN CONTRACT_RECEIVE_RETURN \
        CONTRACT_COMPLETE_RETURN
    CONTRACT_APPROVE_RETURN="$(new_return L1 other)" || return 1
    CONTRACT_REJECT_RETURN="$(new_return L1 other)" || return 1
    CONTRACT_CANCEL_RETURN="$(new_return L1 too_small)" || return 1
    CONTRACT_PORTAL_CANCEL_RETURN="$(new_return L1 too_small)" || return 1
    CONTRACT_TRANSIT_RETURN="$(new_return L1 too_small)" || return 1
    CONTRACT_RECEIVE_RETURN="$(new_return L1 too_small)" || return 1
    CONTRACT_COMPLETE_RETURN="$(new_return L1 too_small)" || return 1
    receive_as "/v1/brands/$BRAND/returns/$CONTRACT_COMPLETE_RETURN/receive" "$API_KEY" "$CONTRACT_COMPLETE_RETURN" || return 1
    # An exchange whose parcel arrived: its replacement waits for its sale.
    export CONTRACT_EXCHANGE_ORDER_RETURN
    must 201 POST "/v1/portal/$BRAND/returns" "$CONTRACT_ACCESS_TOKEN" \
        '{"items":[{"order_line_id":"L1","quantity":1,"reason_code":"too_small",
                    "resolution":{"type":"exchange","variant_sku":"TSHIRT-L"}}],
          "return_method":{"type":"drop_off","carrier":"postnl"},"resolution":{"type":"refund"}}' || return 1
    CONTRACT_EXCHANGE_ORDER_RETURN="$(jq -r .id "$WORK/out.json")"
    receive_as "/v1/brands/$BRAND/returns/$CONTRACT_EXCHANGE_ORDER_RETURN/receive" "$API_KEY" \
        "$CONTRACT_EXCHANGE_ORDER_RETURN" || return 1
    # An exchange for the dearer XL: it waits for the customer's payment.
    export CONTRACT_PAYMENT_RETURN CONTRACT_PAYMENT_AMOUNT
    must 201 POST "/v1/portal/$BRAND/returns" "$CONTRACT_ACCESS_TOKEN" \
        '{"items":[{"order_line_id":"L1","quantity":1,"reason_code":"too_small",
                    "resolution":{"type":"exchange","variant_sku":"TSHIRT-XL"}}],
          "return_method":{"type":"drop_off","carrier":"postnl"},"resolution":{"type":"refund"}}' || return 1
    CONTRACT_PAYMENT_RETURN="$(jq -r .id "$WORK/out.json")"
    CONTRACT_PAYMENT_AMOUNT="$(jq -r .payment.amount_due.amount "$WORK/out.json")"
    [[ "$CONTRACT_PAYMENT_AMOUNT" =~ ^[1-9][0-9]*$ ]] ||
        { echo "fixtures: the dearer exchange owes nothing: $(cat "$WORK/out.json")" >&2; return 1; }
    export CONTRACT_APPROVE_ITEM CONTRACT_RECEIVE_ITEM
    CONTRACT_APPROVE_ITEM="$(item_of "$CONTRACT_APPROVE_RETURN")" || return 1
    CONTRACT_RECEIVE_ITEM="$(item_of "$CONTRACT_RECEIVE_RETURN")" || return 1

    if [[ -n "${VENDOR_KEY:-}" ]]; then vendor_fixtures || return 1; fi
    warehouse_fixtures || return 1
    photo_fixtures || return 1
    webhook_fixtures || return 1
    echo "fixtures: order $number, returns for reading ($CONTRACT_RETURN_ID) and for each action, label $CONTRACT_LABEL_ID"
}

# The vendor's part: returns of the vendor's line waiting for it (approve,
# reject), approved (receive), received (complete), and for the merchant's
# per-part decision, waiting past the vendor's deadline.
vendor_fixtures() {
    local vendor_path="/v1/brands/$BRAND/vendor/returns"
    export CONTRACT_VENDOR_APPROVE_RETURN CONTRACT_VENDOR_REJECT_RETURN CONTRACT_VENDOR_RECEIVE_RETURN \
        CONTRACT_VENDOR_COMPLETE_RETURN CONTRACT_VENDOR_APPROVE_ITEM CONTRACT_VENDOR_RECEIVE_ITEM \
        CONTRACT_PART_APPROVE_RETURN CONTRACT_PART_APPROVE_PART CONTRACT_PART_APPROVE_ITEM \
        CONTRACT_PART_REJECT_RETURN CONTRACT_PART_REJECT_PART \
        CONTRACT_PART_COMPLETE_RETURN CONTRACT_PART_COMPLETE_PART
    CONTRACT_VENDOR_APPROVE_RETURN="$(new_return L3 too_small)" || return 1
    CONTRACT_VENDOR_APPROVE_ITEM="$(item_of "$CONTRACT_VENDOR_APPROVE_RETURN")" || return 1
    CONTRACT_VENDOR_REJECT_RETURN="$(new_return L3 too_small)" || return 1
    CONTRACT_VENDOR_RECEIVE_RETURN="$(new_return L3 too_small)" || return 1
    must 200 POST "$vendor_path/$CONTRACT_VENDOR_RECEIVE_RETURN/approve" "$VENDOR_KEY" || return 1
    CONTRACT_VENDOR_RECEIVE_ITEM="$(item_of "$CONTRACT_VENDOR_RECEIVE_RETURN")" || return 1
    CONTRACT_VENDOR_COMPLETE_RETURN="$(new_return L3 too_small)" || return 1
    must 200 POST "$vendor_path/$CONTRACT_VENDOR_COMPLETE_RETURN/approve" "$VENDOR_KEY" || return 1
    receive_as "$vendor_path/$CONTRACT_VENDOR_COMPLETE_RETURN/receive" "$VENDOR_KEY" "$CONTRACT_VENDOR_COMPLETE_RETURN" || return 1
    # The vendor's sweater exchanged for an L, its parcel arrived: the
    # replacement waits for the vendor's sale.
    export CONTRACT_VENDOR_EXCHANGE_ORDER_RETURN
    local sweater
    sweater="$(api POST "/v1/brands/$BRAND/products" "$API_KEY" \
        '{"id":"sweater-wool","title":"Wool sweater","options":["size"],"variants":[
          {"sku":"SWEATER-WOOL","option_values":{"size":"M"},"prices":[{"amount":8900,"currency":"EUR"}],"available":25},
          {"sku":"SWEATER-WOOL-L","option_values":{"size":"L"},"prices":[{"amount":8900,"currency":"EUR"}],"available":25}]}')"
    [[ "$sweater" == 200 || "$sweater" == 201 ]] ||
        { echo "fixtures: the sweater product answered $sweater: $(cat "$WORK/out.json")" >&2; return 1; }
    must 201 POST "/v1/portal/$BRAND/returns" "$CONTRACT_ACCESS_TOKEN" \
        '{"items":[{"order_line_id":"L3","quantity":1,"reason_code":"too_small",
                    "resolution":{"type":"exchange","variant_sku":"SWEATER-WOOL-L"}}],
          "return_method":{"type":"drop_off","carrier":"postnl"},"resolution":{"type":"refund"}}' || return 1
    CONTRACT_VENDOR_EXCHANGE_ORDER_RETURN="$(jq -r .id "$WORK/out.json")"
    must 200 POST "$vendor_path/$CONTRACT_VENDOR_EXCHANGE_ORDER_RETURN/approve" "$VENDOR_KEY" || return 1
    receive_as "$vendor_path/$CONTRACT_VENDOR_EXCHANGE_ORDER_RETURN/receive" "$VENDOR_KEY" \
        "$CONTRACT_VENDOR_EXCHANGE_ORDER_RETURN" || return 1

    CONTRACT_PART_APPROVE_RETURN="$(new_return L3 too_small)" || return 1
    CONTRACT_PART_APPROVE_PART="$(vendor_part_of "$CONTRACT_PART_APPROVE_RETURN")" || return 1
    CONTRACT_PART_APPROVE_ITEM="$(item_of "$CONTRACT_PART_APPROVE_RETURN")" || return 1
    CONTRACT_PART_REJECT_RETURN="$(new_return L3 too_small)" || return 1
    CONTRACT_PART_REJECT_PART="$(vendor_part_of "$CONTRACT_PART_REJECT_RETURN")" || return 1
    CONTRACT_PART_COMPLETE_RETURN="$(new_return L3 too_small)" || return 1
    CONTRACT_PART_COMPLETE_PART="$(vendor_part_of "$CONTRACT_PART_COMPLETE_RETURN")" || return 1
    must 200 POST "$vendor_path/$CONTRACT_PART_COMPLETE_RETURN/approve" "$VENDOR_KEY" || return 1
    receive_as "$vendor_path/$CONTRACT_PART_COMPLETE_RETURN/receive" "$VENDOR_KEY" "$CONTRACT_PART_COMPLETE_RETURN" || return 1
    # The merchant decides for a vendor only once its time to answer has
    # run out: the deadline of these two parts is moved into the past.
    if [[ -n "${DB_FILE:-}" ]]; then
        python3 - "$DB_FILE" "$CONTRACT_PART_APPROVE_PART" "$CONTRACT_PART_REJECT_PART" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=10)
with db:
    db.executemany("UPDATE return_shipments SET vendor_due_at = '2020-01-01 00:00:00' WHERE id = ?",
                   [(part,) for part in sys.argv[2:]])
PY
    fi
    must 200 GET "/v1/brands/$BRAND/vendors/nordic-knits/keys" "$API_KEY" || return 1
    export CONTRACT_VENDOR_ID=nordic-knits CONTRACT_VENDOR_KEY_ID
    # A key of its own for the revocation, never the one the fuzzer uses.
    must 201 POST "/v1/brands/$BRAND/vendors/nordic-knits/keys" "$API_KEY" '{"name":"to revoke"}' || return 1
    CONTRACT_VENDOR_KEY_ID="$(jq -r .id "$WORK/out.json")"
    # A vendor of its own to retire, never the one whose key the fuzzer uses
    # (scripts/contract/hooks.py).
    export CONTRACT_RETIRE_VENDOR_ID
    CONTRACT_RETIRE_VENDOR_ID="retire-$(date +%s)-$RANDOM"
    must 201 POST "/v1/brands/$BRAND/vendors" "$API_KEY" \
        "{\"id\":\"$CONTRACT_RETIRE_VENDOR_ID\",\"name\":\"To retire\",\"order_line_vendor\":\"$CONTRACT_RETIRE_VENDOR_ID\"}" || return 1
}

# A webhook endpoint (deliveries to a closed port on 127.0.0.1 fail, which
# the delivery log records) with one delivery to retry.
webhook_fixtures() {
    export CONTRACT_ENDPOINT_ID CONTRACT_DELETE_ENDPOINT_ID CONTRACT_DELIVERY_ID
    # A brand has at most 20 endpoints: those of earlier rounds go first.
    local id
    must 200 GET "/v1/brands/$BRAND/webhook-endpoints?limit=100" "$API_KEY" || return 1
    for id in $(jq -r '.data[].id' "$WORK/out.json"); do
        must 204 DELETE "/v1/brands/$BRAND/webhook-endpoints/$id" "$API_KEY" || return 1
    done
    must 201 POST "/v1/brands/$BRAND/webhook-endpoints" "$API_KEY" \
        '{"url":"http://127.0.0.1:9/hooks","event_types":["return.approved"],"description":"contract"}' || return 1
    CONTRACT_ENDPOINT_ID="$(jq -r .id "$WORK/out.json")"
    must 202 POST "/v1/brands/$BRAND/webhook-endpoints/$CONTRACT_ENDPOINT_ID/test" "$API_KEY" || return 1
    CONTRACT_DELIVERY_ID="$(jq -r .id "$WORK/out.json")"
    must 201 POST "/v1/brands/$BRAND/webhook-endpoints" "$API_KEY" \
        '{"url":"http://127.0.0.1:9/other","description":"to delete"}' || return 1
    CONTRACT_DELETE_ENDPOINT_ID="$(jq -r .id "$WORK/out.json")"
    if [[ -n "${VENDOR_KEY:-}" ]]; then vendor_webhook_fixtures || return 1; fi
}

# The same for the vendor's own endpoints, under its key.
vendor_webhook_fixtures() {
    export CONTRACT_VENDOR_ENDPOINT_ID CONTRACT_VENDOR_DELETE_ENDPOINT_ID CONTRACT_VENDOR_DELIVERY_ID
    local id base="/v1/brands/$BRAND/vendor/webhook-endpoints"
    must 200 GET "$base?limit=100" "$VENDOR_KEY" || return 1
    for id in $(jq -r '.data[].id' "$WORK/out.json"); do
        must 204 DELETE "$base/$id" "$VENDOR_KEY" || return 1
    done
    must 201 POST "$base" "$VENDOR_KEY" \
        '{"url":"http://127.0.0.1:9/vendor-hooks","event_types":["return.vendor_approved"],"description":"contract"}' || return 1
    CONTRACT_VENDOR_ENDPOINT_ID="$(jq -r .id "$WORK/out.json")"
    must 202 POST "$base/$CONTRACT_VENDOR_ENDPOINT_ID/test" "$VENDOR_KEY" || return 1
    CONTRACT_VENDOR_DELIVERY_ID="$(jq -r .id "$WORK/out.json")"
    must 201 POST "$base" "$VENDOR_KEY" \
        '{"url":"http://127.0.0.1:9/vendor-other","description":"to delete"}' || return 1
    CONTRACT_VENDOR_DELETE_ENDPOINT_ID="$(jq -r .id "$WORK/out.json")"
}

# The warehouse: an approved return whose RMA scans (hooks.py puts it in
# generated receipts), and a receipt with a unit whose disposition can be
# changed.
warehouse_fixtures() {
    export CONTRACT_SCAN_RMA CONTRACT_SCAN_ITEM CONTRACT_RECEIPT_ID CONTRACT_RECEIPT_UNIT
    local scan override rma
    scan="$(new_return L1 too_small)" || return 1
    must 200 GET "/v1/brands/$BRAND/returns/$scan" "$API_KEY" || return 1
    CONTRACT_SCAN_RMA="$(jq -r .rma_number "$WORK/out.json")"
    CONTRACT_SCAN_ITEM="$(jq -r '.items[0].id' "$WORK/out.json")"
    override="$(new_return L1 too_small)" || return 1
    must 200 GET "/v1/brands/$BRAND/returns/$override" "$API_KEY" || return 1
    rma="$(jq -r .rma_number "$WORK/out.json")"
    must 201 POST "/v1/brands/$BRAND/receipts" "$API_KEY" \
        "{\"reference\":\"$rma\",\"items\":[{\"sku\":\"TSHIRT-M\",\"quantity\":1}]}" || return 1
    CONTRACT_RECEIPT_ID="$(jq -r .id "$WORK/out.json")"
    CONTRACT_RECEIPT_UNIT="$(jq -r '.units[0].id' "$WORK/out.json")"
}

# A return with a customer's photo, and the signed links to it and its
# thumbnail.
photo_fixtures() {
    export CONTRACT_PHOTO_ID CONTRACT_PHOTO_TOKEN CONTRACT_THUMBNAIL_TOKEN
    local png="$WORK/photo.png" upload ret url thumb
    python3 - "$png" <<'PY' || return 1
import struct, sys, zlib
w, h = 64, 48
rows = b"".join(b"\x00" + b"".join(bytes((x * 4 % 256, y * 5 % 256, 128)) for x in range(w)) for y in range(h))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
    upload="$(curl -sS -o "$WORK/out.json" -w '%{http_code}' -X POST "$BASE_URL/v1/portal/$BRAND/uploads" \
        -H "Authorization: Bearer $CONTRACT_ACCESS_TOKEN" -F "file=@$png;type=image/png")"
    [[ "$upload" == 201 ]] || { echo "fixtures: the photo upload answered $upload: $(cat "$WORK/out.json")" >&2; return 1; }
    upload="$(jq -r .id "$WORK/out.json")"
    must 201 POST "/v1/portal/$BRAND/returns" "$CONTRACT_ACCESS_TOKEN" \
        "{\"items\":[{\"order_line_id\":\"L1\",\"quantity\":1,\"reason_code\":\"too_small\",\"image_ids\":[\"$upload\"]}],
          \"return_method\":{\"type\":\"drop_off\",\"carrier\":\"postnl\"},\"resolution\":{\"type\":\"refund\"}}" || return 1
    ret="$(jq -r .id "$WORK/out.json")"
    must 200 GET "/v1/brands/$BRAND/returns/$ret/images" "$API_KEY" || return 1
    url="$(jq -r '.data[0].url' "$WORK/out.json")"
    thumb="$(jq -r '.data[0].thumbnail_url' "$WORK/out.json")"
    CONTRACT_PHOTO_ID="$(sed -E 's#.*/v1/photos/([^/?]+).*#\1#' <<<"$url")"
    CONTRACT_PHOTO_TOKEN="$(sed -E 's#.*[?&]token=([^&]+).*#\1#' <<<"$url")"
    CONTRACT_THUMBNAIL_TOKEN="$(sed -E 's#.*[?&]token=([^&]+).*#\1#' <<<"$thumb")"
}
