//! OpenAPI links: how one answer leads to the next call. Lookup's tokens
//! open the portal's return and service-point operations; a created return
//! is read and cancelled by its id. Generators and stateful testers follow
//! them (a link cannot carry the bearer token; its description says which
//! token to send).

use serde_json::{Value, json};

/// `(operation, response status, link name, target operation, parameters, description)`.
type Link = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Value,
    &'static str,
);

fn links() -> Vec<Link> {
    let brand = || json!({ "brand": "$request.path.brand" });
    let with_access = "Send the lookup's `access_token` as `Authorization: Bearer …`.";
    let mut list = vec![
        (
            "portal_lookup",
            "200",
            "PreviewReturn",
            "portal_preview_return",
            brand(),
            with_access,
        ),
        (
            "portal_lookup",
            "200",
            "CreateReturn",
            "portal_create_return",
            brand(),
            with_access,
        ),
        (
            "portal_lookup",
            "200",
            "ListReturns",
            "portal_list_returns",
            brand(),
            with_access,
        ),
        (
            "portal_lookup",
            "200",
            "UploadPhoto",
            "portal_upload_photo",
            brand(),
            with_access,
        ),
        (
            "portal_lookup",
            "200",
            "SearchServicePoints",
            "portal_search_service_points",
            json!({
                "brand": "$request.path.brand",
                "country": "$response.body#/parcel/destination/country",
                "latitude": "$response.body#/parcel/destination/latitude",
                "longitude": "$response.body#/parcel/destination/longitude",
            }),
            "Send the lookup's `service_points_token` as `Authorization: Bearer …`; the position is the parcel's destination.",
        ),
        (
            "portal_create_return",
            "201",
            "GetReturn",
            "portal_get_return",
            json!({ "brand": "$request.path.brand", "id": "$response.body#/id" }),
            with_access,
        ),
        (
            "portal_create_return",
            "201",
            "CancelReturn",
            "portal_cancel_return",
            json!({ "brand": "$request.path.brand", "id": "$response.body#/id" }),
            with_access,
        ),
        (
            "merchant_upsert_order",
            "201",
            "GetOrder",
            "merchant_get_order",
            json!({ "brand": "$request.path.brand", "number": "$response.body#/number" }),
            "With the same API key.",
        ),
        (
            "merchant_list_returns",
            "200",
            "GetReturn",
            "merchant_get_return",
            json!({ "brand": "$request.path.brand", "id": "$response.body#/data/0/id" }),
            "The first return of the page, with the same API key.",
        ),
    ];
    let endpoint = || json!({ "brand": "$request.path.brand", "id": "$response.body#/id" });
    for (name, to) in [
        ("GetEndpoint", "merchant_get_webhook_endpoint"),
        ("UpdateEndpoint", "merchant_update_webhook_endpoint"),
        ("TestEndpoint", "merchant_test_webhook_endpoint"),
        ("RotateSecret", "merchant_rotate_webhook_secret"),
        ("ListDeliveries", "merchant_list_webhook_deliveries"),
        ("DeleteEndpoint", "merchant_delete_webhook_endpoint"),
    ] {
        list.push((
            "merchant_create_webhook_endpoint",
            "201",
            name,
            to,
            endpoint(),
            "With the same API key.",
        ));
    }
    list.push((
        "merchant_test_webhook_endpoint",
        "202",
        "RetryDelivery",
        "merchant_retry_webhook_delivery",
        json!({ "brand": "$request.path.brand", "id": "$response.body#/id" }),
        "With the same API key.",
    ));
    list
}

/// Adds the links to the operations' responses.
pub fn add(spec: &mut Value) {
    let Some(paths) = spec["paths"].as_object_mut() else {
        return;
    };
    for (from, status, name, to, parameters, description) in links() {
        let op = paths
            .values_mut()
            .filter_map(Value::as_object_mut)
            .flat_map(|item| item.values_mut())
            .find(|op| op["operationId"] == from);
        if let Some(op) = op
            && op["responses"][status].is_object()
        {
            op["responses"][status]["links"][name] = json!({
                "operationId": to,
                "parameters": parameters,
                "description": description,
            });
        }
    }
}
