#!/usr/bin/env bash
# The customer's journey through a returns portal with curl and jq:
# portal settings → parcel lookup → nearby drop-off points → photo upload →
# preview → return creation (with an Idempotency-Key) → label polling → PDF.
#
#   API_KEY=rk_… examples/portal_flow.sh
#   BASE_URL=http://127.0.0.1:8080 ORDER_NUMBER=1001 POSTAL_CODE="1012 AB" examples/portal_flow.sh
#
# Environment (all optional):
#   BASE_URL       API base URL                      (http://127.0.0.1:8080)
#   BRAND          brand slug                         (demo)
#   API_KEY        merchant API key (or RETURNS_API_KEY): ingest a fresh order
#                  with a unique number first and return that one, so the
#                  script can run any number of times
#   ORDER_NUMBER   order or tracking number to look up without API_KEY (1001)
#   POSTAL_CODE | EMAIL | PHONE   the one verifier     (POSTAL_CODE="1012 AB")
#   REASON         return reason code                 (too_small: auto-approved)
#   OUTPUT         where to save the label PDF        (label.pdf)
#   LABEL_TIMEOUT  longest wait for the label, seconds (60)
#
# Exits non-zero, printing the request and the server's answer, on any
# unexpected status. Needs bash, curl (7.76+) and jq.
# shellcheck disable=SC2016 # jq programs name their own $variables in single quotes
set -euo pipefail

BASE_URL="${BASE_URL:-http://127.0.0.1:8080}"
BASE_URL="${BASE_URL%/}"
BRAND="${BRAND:-demo}"
API_KEY="${API_KEY:-${RETURNS_API_KEY:-}}"
ORDER_NUMBER="${ORDER_NUMBER:-1001}"
REASON="${REASON:-too_small}"
OUTPUT="${OUTPUT:-label.pdf}"
LABEL_TIMEOUT="${LABEL_TIMEOUT:-60}"
PORTAL="$BASE_URL/v1/portal/$BRAND"

for tool in curl jq; do
    command -v "$tool" >/dev/null || { echo "portal_flow: $tool is required" >&2; exit 2; }
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

die() { echo "portal_flow failed: $*" >&2; exit 1; }

# call EXPECTED_STATUS METHOD URL [curl options…]: the body goes to $WORK/body,
# the headers to $WORK/headers; any other status ends the script.
call() {
    local want="$1" method="$2" url="$3"
    shift 3
    local status
    status="$(curl -sS -X "$method" "$url" -o "$WORK/body" -D "$WORK/headers" \
        -w '%{http_code}' --max-time 30 "$@")" || die "$method $url: request failed"
    if [[ "$status" != "$want" ]]; then
        die "$method ${url%%\?*} answered $status, expected $want: $(head -c 2000 "$WORK/body")"
    fi
}
body() { jq -r "$@" "$WORK/body"; }
header() { tr -d '\r' <"$WORK/headers" | awk -v h="$(tr '[:upper:]' '[:lower:]' <<<"$1")" \
    -F': ' 'tolower($1) == h { print $2 }' | tail -n1; }

# 0. With an API key: a fresh order, so every run has units to return.
if [[ -n "$API_KEY" ]]; then
    ORDER_NUMBER="PF-$(date +%s)-$RANDOM$RANDOM"
    now="$(date -u +%s)"
    ago() { date -u -d "@$((now - $1 * 86400))" +%Y-%m-%dT%H:%M:%SZ; }
    jq -n --arg number "$ORDER_NUMBER" --arg placed "$(ago 4)" --arg shipped "$(ago 3)" \
        --arg delivered "$(ago 2)" '{
        number: $number, placed_at: $placed, currency: "EUR",
        customer: { email: "ana@example.com", phone: "+31612345678", name: "Ana de Vries" },
        shipping_address: { line1: "Stationsplein 1", city: "Amsterdam", postal_code: "1012 AB",
                            country: "NL", latitude: 52.3791, longitude: 4.9003 },
        lines: [ { id: "L1", sku: "TSHIRT-M", name: "T-shirt M", quantity: 2,
                   unit_price: { amount: 1999, currency: "EUR" }, returnable: true } ],
        shipments: [ { tracking_number: ($number + "-1"), carrier: "postnl", status: "delivered",
                       shipped_at: $shipped, delivered_at: $delivered,
                       lines: [ { line_id: "L1", quantity: 2 } ] } ] }' >"$WORK/order.json"
    call 201 POST "$BASE_URL/v1/brands/$BRAND/orders" -H "Authorization: Bearer $API_KEY" \
        -H 'Content-Type: application/json' --data-binary @"$WORK/order.json"
    echo "0. ingested order $ORDER_NUMBER through the merchant API"
fi

# 1. Portal settings: reasons and what each one requires.
call 200 GET "$PORTAL?locale=en"
cp "$WORK/body" "$WORK/settings.json"
reason="$(jq -c --arg code "$REASON" '.reasons[] | select(.code == $code)' "$WORK/settings.json")"
[[ -n "$reason" ]] || die "$BRAND offers no reason $REASON"
echo "1. portal of $(body .brand.name) ($(body .locale)): reason $REASON = $(jq -r .label <<<"$reason")"

# 2. Lookup: the identifier plus exactly one verifier.
if [[ -n "${EMAIL:-}" ]]; then verifier=(email "$EMAIL")
elif [[ -n "${PHONE:-}" ]]; then verifier=(phone "$PHONE")
else verifier=(postal_code "${POSTAL_CODE:-1012 AB}")
fi
call 200 POST "$PORTAL/lookup" -H 'Content-Type: application/json' \
    --data-binary "$(jq -n --arg id "$ORDER_NUMBER" --arg k "${verifier[0]}" --arg v "${verifier[1]}" \
        '{ identifier: $id } + { ($k): $v }')"
cp "$WORK/body" "$WORK/lookup.json"
ACCESS_TOKEN="$(body .access_token)"
SERVICE_POINTS_TOKEN="$(body .service_points_token)"
line_id="$(body '[.order.lines[] | select(.returnable_quantity > 0)][0].id // empty')"
[[ -n "$line_id" ]] || die "order $ORDER_NUMBER has nothing left to return ($(body \
    '[.order.lines[] | "\(.id): \(.non_returnable_reason)"] | join(", ")')); set API_KEY to ingest a fresh order"
echo "2. order $(body .order.number): returning 1 × $(body --arg id "$line_id" \
    '.order.lines[] | select(.id == $id) | .name') (line $line_id)"

# 3. Drop-off points near the parcel's destination, of the drop-off carriers
#    (an email or phone lookup leaves the coordinates out: search around the
#    nearest point the lookup named instead).
carriers="$(body '[.return_methods[] | select(.type == "drop_off") | .carriers[]] | join(",")')"
[[ -n "$carriers" ]] || die "$BRAND does not offer drop-off returns"
read -r country latitude longitude < <(body \
    '(if .parcel.destination.latitude then .parcel.destination else .service_point // {} end)
     | "\(.country // "") \(.latitude // "") \(.longitude // "")"')
[[ -n "${longitude:-}" ]] || die "neither the parcel's destination nor a nearby point has coordinates"
call 200 GET "$PORTAL/service-points" -G -H "Authorization: Bearer $SERVICE_POINTS_TOKEN" \
    --data-urlencode "country=$country" --data-urlencode "latitude=$latitude" \
    --data-urlencode "longitude=$longitude" --data-urlencode "carrier=$carriers" \
    --data-urlencode radius=5000 --data-urlencode limit=5
point_id="$(body '.data[0].id // empty')"
[[ -n "$point_id" ]] || die "no drop-off point within 5 km"
point_carrier="$(body -r '.data[0].carrier')"
echo "3. nearest drop-off point: $(body -r '.data[0] | "\(.name) in \(.city) (\(.carrier), \(.distance) m)"')"

# 4. Photos: as many as the reason asks for, at least one. A 1×1 PNG stands
#    in for the customer's photo.
base64 -d >"$WORK/photo.png" <<<'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC'
image_ids='[]'
for _ in $(seq 1 "$(jq '[.min_images, 1] | max' <<<"$reason")"); do
    call 201 POST "$PORTAL/uploads" -H "Authorization: Bearer $ACCESS_TOKEN" \
        -F "file=@$WORK/photo.png;type=image/png"
    echo "4. uploaded $(body -r '"\(.id) (\(.content_type), \(.size_bytes) bytes)"')"
    image_ids="$(jq -c --arg id "$(body -r .id)" '. + [$id]' <<<"$image_ids")"
done

# 5. Preview: the same body as the creation; creates nothing.
jq -n --arg line "$line_id" --argjson reason "$reason" --argjson images "$image_ids" \
    --arg carrier "$point_carrier" --arg point "$point_id" \
    --arg condition "$(jq -r '.condition_codes[0].code // ""' "$WORK/settings.json")" '{
    items: [ { order_line_id: $line, quantity: 1, reason_code: $reason.code, image_ids: $images }
             + (if $reason.require_comment then { comment: "Returned with portal_flow.sh" } else {} end)
             + (if $reason.require_condition then { condition_code: $condition } else {} end) ],
    return_method: { type: "drop_off", carrier: $carrier, service_point_id: $point },
    resolution: { type: "refund" }, locale: "en" }' >"$WORK/return.json"
call 200 POST "$PORTAL/returns/preview" -H "Authorization: Bearer $ACCESS_TOKEN" \
    -H 'Content-Type: application/json' --data-binary @"$WORK/return.json"
[[ "$(body .valid)" == true ]] || die "preview found problems: $(body -c .errors)"
echo "5. preview: valid, auto-approved: $(body .auto_approve), estimated refund $(body \
    '"\(.estimated_refund.amount) \(.estimated_refund.currency)"')"

# 6. Create, with a key that makes a retry of this request safe.
idempotency_key="$(cat /proc/sys/kernel/random/uuid 2>/dev/null || echo "pf-$(date +%s%N)-$RANDOM")"
call 201 POST "$PORTAL/returns" -H "Authorization: Bearer $ACCESS_TOKEN" \
    -H "Idempotency-Key: $idempotency_key" \
    -H 'Content-Type: application/json' --data-binary @"$WORK/return.json"
return_id="$(body .id)"
echo "6. return $(body .rma_number) ($return_id) is $(body .status)"
if [[ "$(body .status)" == requested ]]; then
    # The reason needs the merchant's review; the merchant approves it.
    [[ -n "$API_KEY" ]] || die "reason $REASON needs the merchant's approval: set API_KEY, or an auto-approving REASON"
    call 200 POST "$BASE_URL/v1/brands/$BRAND/returns/$return_id/approve" \
        -H "Authorization: Bearer $API_KEY" -H 'Content-Type: application/json' \
        --data-binary '{"note":"Approved by portal_flow.sh"}'
    echo "   approved by the merchant: $(body .status)"
fi
[[ "$(body .status)" == approved ]] || die "return is $(body .status), expected approved"
poll_url="$(body '.shipments[0].label.poll_url // empty')"
[[ -n "$poll_url" ]] || die "the approved return has no label"

# 7. The label is made in the background: poll its URL until it is ready,
#    honouring Retry-After, for at most LABEL_TIMEOUT seconds.
deadline=$((SECONDS + LABEL_TIMEOUT))
while :; do
    status="$(curl -sS "$poll_url" -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' --max-time 30)" ||
        die "label poll failed"
    case "$status" in
        200) break ;;
        202)
            wait="$(header Retry-After)"
            [[ "$wait" =~ ^[0-9]+$ ]] || wait=1
            ((wait >= 1 && wait <= 10)) || wait=1
            ((SECONDS + wait <= deadline)) || die "label not ready after ${LABEL_TIMEOUT}s"
            echo "   label pending, polling again in ${wait}s"
            sleep "$wait"
            ;;
        *) die "GET label answered $status, expected 200 or 202: $(head -c 2000 "$WORK/body")" ;;
    esac
done
download_url="$(body '.download_url // empty')"
[[ -n "$download_url" ]] || die "label is $(body .status) but has no download_url"
echo "7. label ready: $(body -r '"\(.carrier) \(.tracking_number)"')"

# 8. Download the PDF (the URL carries its own token).
call 200 GET "$download_url"
[[ "$(header Content-Type)" == application/pdf* && "$(head -c 4 "$WORK/body")" == %PDF ]] ||
    die "download is not a PDF ($(header Content-Type))"
cp "$WORK/body" "$OUTPUT"
echo "8. saved the label to $OUTPUT ($(wc -c <"$OUTPUT") bytes)"
