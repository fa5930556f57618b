//! The events the API sends, as OpenAPI 3.1 `webhooks`: what a merchant's
//! receiver gets (the envelope, its `data`, the signature headers) and what
//! it should answer. Three kinds of event: those of a return (`data` is the
//! return), those of a vendor's part as the vendor's endpoints get them
//! (`data` is the part as the vendor API shows it), those of the warehouse
//! (`data` is the receipt) and those of a webhook endpoint (`data` is the
//! endpoint).

use serde_json::{Value, json};
use strum::IntoEnumIterator;

use crate::domain::events::EventType;

/// What an event's `data` is.
#[derive(PartialEq, Eq, Clone, Copy)]
enum About {
    Return,
    Receipt,
    Endpoint,
}

fn about(t: EventType) -> About {
    if matches!(t, EventType::Ping | EventType::WebhookEndpointDisabled) {
        About::Endpoint
    } else if t.about_receipt() {
        About::Receipt
    } else {
        About::Return
    }
}

fn envelope(types: &[&str], data: &str, description: &str) -> Value {
    json!({
        "type": "object",
        "description": description,
        "required": ["id", "type", "created_at", "data"],
        "properties": {
            "id": {
                "type": "string",
                "description": "Event id (`evt_…`), also the `webhook-id` header: the same on every retry, so a receiver can ignore repeats.",
                "examples": ["evt_01a2327a9e3872ee81fad9669d3f7c8c"]
            },
            "type": { "type": "string", "enum": types, "description": "Event type." },
            "created_at": {
                "type": "string",
                "format": "date-time",
                "description": "When it happened (events can arrive out of order)."
            },
            "data": { "$ref": format!("#/components/schemas/{data}") }
        }
    })
}

fn header(name: &str, description: &str, example: &str) -> Value {
    json!({
        "name": name,
        "in": "header",
        "required": true,
        "description": description,
        "schema": { "type": "string" },
        "example": example
    })
}

fn operation(id: &str, summary: &str, schema: &str) -> Value {
    json!({
        "post": {
            "operationId": id,
            "tags": ["webhooks"],
            "summary": summary,
            "description": format!("{summary} Verify the signature before trusting the body: HMAC-SHA256, keyed with the base64-decoded part of the endpoint's `whsec_` secret, of `{{webhook-id}}.{{webhook-timestamp}}.{{raw body}}`, compared in constant time with each `v1,` signature of `webhook-signature`; refuse timestamps more than five minutes away (the Standard Webhooks scheme; `examples/webhook_receiver.rs` does it). Deliveries are at least once: skip an `id` already handled."),
            "security": [],
            "parameters": [
                header("webhook-id", "The event id (the same on every retry).", "evt_01a2327a9e3872ee81fad9669d3f7c8c"),
                header("webhook-timestamp", "Unix time of this attempt (seconds).", "1796140997"),
                header(
                    "webhook-signature",
                    "`v1,` and the base64 signature; during a secret rotation a second one with the old secret, space-separated.",
                    "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="
                ),
            ],
            "requestBody": {
                "required": true,
                "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{schema}") } } }
            },
            "responses": {
                "200": { "description": "Any 2xx within the timeout (10 s by default) accepts the event." },
                "400": { "description": "Anything else (or no answer) is a failure: the event is sent again, with the same id, after 5 s, 5 min, 30 min, 2 h, 5 h and every 10 h, for about three days." }
            }
        }
    })
}

/// Adds the `webhooks` section and the envelope schemas to `spec`.
pub fn add(spec: &mut Value) {
    let names = |of: About| -> Vec<&'static str> {
        EventType::iter()
            .filter(|t| about(*t) == of)
            .map(EventType::as_str)
            .collect()
    };
    let schemas = &mut spec["components"]["schemas"];
    schemas["ReturnEvent"] = envelope(
        &names(About::Return),
        "ReturnView",
        "An event of a return: `data` is the return as the merchant API showed it right after the change.",
    );
    schemas["VendorPartEvent"] = envelope(
        &names(About::Return),
        "VendorPartView",
        "An event of a vendor's part, as that vendor's endpoints get it: `data` is the part as the vendor API showed it right after the change (its items, address, label, tracking; never the customer's contact details nor another part). `id` is this copy's own (the merchant's copy of the same event has another). A vendor hears only of events that concern its own part.",
    );
    schemas["ReceiptEvent"] = envelope(
        &names(About::Receipt),
        "ReceiptView",
        "An event of the warehouse: units received (`inventory.adjusted`, one per receipt) or a unit's disposition changed (`receipt.unit_overridden`, followed by `inventory.adjusted`): `data` is the receipt as the merchant API showed it right after the change, with its units and every ledger movement it made.",
    );
    schemas["EndpointEvent"] = envelope(
        &names(About::Endpoint),
        "EndpointView",
        "An event of a webhook endpoint (`ping` from the test operation, `webhook_endpoint.disabled`): `data` is the endpoint.",
    );
    spec["webhooks"] = json!({
        "return-event": operation(
            "webhook_return_event",
            "A return changed: requested, approved, rejected, cancelled, its label ready or failed, in transit, delivered, received, completed.",
            "ReturnEvent"
        ),
        "vendor-part-event": operation(
            "webhook_vendor_part_event",
            "A vendor's part changed (to a vendor's own endpoints only): awaiting the vendor, approved or rejected by it, its label ready or failed, in transit, delivered, received, completed.",
            "VendorPartEvent"
        ),
        "receipt-event": operation(
            "webhook_receipt_event",
            "Units were received into the warehouse, or a received unit's disposition changed: the inventory moved.",
            "ReceiptEvent"
        ),
        "endpoint-event": operation(
            "webhook_endpoint_event",
            "A webhook endpoint was tested (`ping`) or disabled after failing every attempt for days.",
            "EndpointEvent"
        ),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_type_is_in_exactly_one_envelope() {
        let mut spec = json!({ "components": { "schemas": {} } });
        add(&mut spec);
        let types =
            |s: &str| spec["components"]["schemas"][s]["properties"]["type"]["enum"].clone();
        let kinds = [
            types("ReturnEvent"),
            types("ReceiptEvent"),
            types("EndpointEvent"),
        ];
        for t in EventType::iter() {
            let name = json!(t.as_str());
            let found = kinds
                .iter()
                .filter(|k| k.as_array().unwrap().contains(&name))
                .count();
            assert_eq!(found, 1, "{}", t.as_str());
        }
    }
}
