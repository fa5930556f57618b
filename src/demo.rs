//! Demo data for `serve --demo`: the `demo` brand with multilingual settings,
//! open to any browser origin, orders that show every eligibility case, a
//! return, generated service points, and a fresh merchant API key. Seeded
//! through the same services the API uses.

use std::collections::BTreeMap;

use crate::app::AppState;
use crate::app::brands::CreateBrand;
use crate::domain::settings::{
    AddressKind, ConditionCode, ReturnAddress, ReturnFee, ReturnMethodSetting, ReturnMethodType,
    ReturnsSettings,
};
use crate::error::ApiError;

/// Slug of the demo brand.
pub const DEMO_BRAND: &str = "demo";

/// What seeding produced.
pub struct Seeded {
    /// A new merchant key for the demo brand (shown once).
    pub merchant_key: String,
    /// A new key of the demo's vendor, Nordic Knits (shown once).
    pub vendor_key: String,
}

fn labels(en: &str, nl: &str, de: &str) -> BTreeMap<String, String> {
    BTreeMap::from([
        ("en".into(), en.into()),
        ("nl".into(), nl.into()),
        ("de".into(), de.into()),
    ])
}

/// Settings of the demo brand: English, Dutch and German; every method.
pub fn demo_settings() -> ReturnsSettings {
    let mut s = ReturnsSettings {
        locales: vec!["en".into(), "nl".into(), "de".into()],
        lookup_methods: vec![
            crate::domain::settings::LookupMethod::PostalCode,
            crate::domain::settings::LookupMethod::Email,
            crate::domain::settings::LookupMethod::Phone,
        ],
        phone_region: Some("NL".into()),
        ..ReturnsSettings::default()
    };
    let translations: &[(&str, &str, &str)] = &[
        ("too_small", "Te klein", "Zu klein"),
        ("too_large", "Te groot", "Zu groß"),
        ("changed_mind", "Ik heb me bedacht", "Meinung geändert"),
        (
            "not_as_described",
            "Niet zoals beschreven",
            "Nicht wie beschrieben",
        ),
        ("damaged", "Beschadigd aangekomen", "Beschädigt angekommen"),
        (
            "wrong_item",
            "Verkeerd artikel ontvangen",
            "Falscher Artikel erhalten",
        ),
        ("other", "Anders", "Sonstiges"),
    ];
    for reason in &mut s.reasons {
        // A wrong item is the shop's mistake and its photo shows it: the
        // demo approves it at once (a reason with a photo that gets a label).
        reason.auto_approve |= reason.code == "wrong_item";
        if let Some((_, nl, de)) = translations.iter().find(|(c, _, _)| *c == reason.code) {
            let en = reason.labels["en"].clone();
            reason.labels = labels(&en, nl, de);
        }
    }
    s.condition_codes = vec![
        ConditionCode {
            code: "unopened".into(),
            labels: labels("Unopened", "Ongeopend", "Ungeöffnet"),
        },
        ConditionCode {
            code: "like_new".into(),
            labels: labels("Like new", "Als nieuw", "Wie neu"),
        },
        ConditionCode {
            code: "used".into(),
            labels: labels("Used", "Gebruikt", "Gebraucht"),
        },
        ConditionCode {
            code: "damaged".into(),
            labels: labels("Damaged", "Beschadigd", "Beschädigt"),
        },
    ];
    s.return_methods.push(ReturnMethodSetting {
        method: ReturnMethodType::Pickup,
        enabled: true,
        carriers: vec!["dhl".into()],
        max_pickup_days: Some(7),
    });
    s.return_methods.push(ReturnMethodSetting {
        method: ReturnMethodType::InStore,
        enabled: true,
        carriers: vec![],
        max_pickup_days: None,
    });
    s.return_fee = Some(ReturnFee {
        amount: crate::domain::money::Money::new(295, crate::domain::money::Currency::EUR),
        waived_for: vec![
            crate::domain::settings::ResolutionType::StoreCredit,
            crate::domain::settings::ResolutionType::Exchange,
        ],
    });
    s.return_addresses = vec![
        ReturnAddress {
            id: "main-warehouse".into(),
            kind: AddressKind::Warehouse,
            vendor: None,
            is_default: true,
            name: "Demo Store Returns".into(),
            company: Some("Demo Store B.V.".into()),
            line1: "Hoogoorddreef 60".into(),
            line2: None,
            postal_code: "1101 BE".into(),
            city: "Amsterdam".into(),
            country: "NL".into(),
            phone: Some("+31201234567".into()),
            email: Some("returns@demo.example".into()),
        },
        ReturnAddress {
            id: "nordic-knits".into(),
            kind: AddressKind::Vendor,
            vendor: Some("Nordic Knits".into()),
            is_default: false,
            name: "Nordic Knits Returns".into(),
            company: Some("Nordic Knits GmbH".into()),
            line1: "Speicherstraße 12".into(),
            line2: None,
            postal_code: "20457".into(),
            city: "Hamburg".into(),
            country: "DE".into(),
            phone: None,
            email: None,
        },
    ];
    let en = s.strings["en"].clone();
    let nl: &[(&str, &str)] = &[
        ("portal_title", "Artikel retourneren"),
        (
            "lookup_intro",
            "Zoek je bestelling om een retour te starten.",
        ),
        ("identifier_label", "Bestelnummer of trackingnummer"),
        ("postal_code_label", "Postcode"),
        ("email_label", "E-mailadres"),
        ("phone_label", "Telefoonnummer"),
        ("lookup_submit", "Zoek mijn bestelling"),
        (
            "order_not_found",
            "We konden geen bestelling met deze gegevens vinden.",
        ),
        ("select_items", "Welke artikelen wil je retourneren?"),
        ("reason_label", "Reden"),
        ("comment_label", "Opmerking"),
        ("photos_label", "Foto's"),
        ("condition_label", "Staat"),
        ("return_method_title", "Hoe wil je het terugsturen?"),
        ("resolution_title", "Wat wil je ervoor terug?"),
        ("submit_return", "Retour bevestigen"),
        ("confirmation_title", "Je retour is geregistreerd"),
        ("label_pending", "Je label wordt aangemaakt…"),
        ("label_ready", "Je label is klaar"),
        (
            "not_returnable",
            "Dit artikel kan niet geretourneerd worden",
        ),
    ];
    let de: &[(&str, &str)] = &[
        ("portal_title", "Artikel zurücksenden"),
        (
            "lookup_intro",
            "Finde deine Bestellung, um eine Rücksendung zu starten.",
        ),
        ("identifier_label", "Bestellnummer oder Sendungsnummer"),
        ("postal_code_label", "Postleitzahl"),
        ("email_label", "E-Mail-Adresse"),
        ("phone_label", "Telefonnummer"),
        ("lookup_submit", "Bestellung finden"),
        (
            "order_not_found",
            "Wir konnten keine Bestellung mit diesen Angaben finden.",
        ),
        ("select_items", "Welche Artikel möchtest du zurücksenden?"),
        ("reason_label", "Grund"),
        ("comment_label", "Kommentar"),
        ("photos_label", "Fotos"),
        ("condition_label", "Zustand"),
        ("return_method_title", "Wie möchtest du es zurücksenden?"),
        ("resolution_title", "Was möchtest du dafür?"),
        ("submit_return", "Rücksendung bestätigen"),
        ("confirmation_title", "Deine Rücksendung ist registriert"),
        ("label_pending", "Dein Etikett wird erstellt…"),
        ("label_ready", "Dein Etikett ist fertig"),
        (
            "not_returnable",
            "Dieser Artikel kann nicht zurückgesendet werden",
        ),
    ];
    let to_map = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
        en.keys()
            .map(|k| {
                let v = pairs
                    .iter()
                    .find(|(key, _)| key == k)
                    .map(|(_, v)| *v)
                    .unwrap_or(&en[k]);
                (k.clone(), v.to_string())
            })
            .collect()
    };
    s.strings.insert("nl".into(), to_map(nl));
    s.strings.insert("de".into(), to_map(de));
    s.policy_url = Some("https://demo.example/returns-policy".into());
    s.hosted_portal = true;
    s
}

/// Demo orders, dated relative to now, that show every eligibility case.
/// Look them up with postal code `1012 AB`, email `ana@example.com` or phone
/// `06 12345678`.
pub fn demo_orders(now: chrono::DateTime<chrono::Utc>) -> Vec<crate::domain::orders::Order> {
    let ago = |days: i64| (now - chrono::Duration::days(days)).to_rfc3339();
    let line = |id: &str, sku: &str, name: &str, qty: u32, price: i64| {
        serde_json::json!({ "id": id, "sku": sku, "name": name, "quantity": qty,
            "unit_price": { "amount": price, "currency": "EUR" },
            "image_url": format!("https://demo.example/images/{}.jpg", sku.to_lowercase()) })
    };
    let order = |number: &str,
                 placed: i64,
                 coords: bool,
                 lines: serde_json::Value,
                 shipments: serde_json::Value| {
        let mut address = serde_json::json!({ "line1": "Stationsplein 1", "city": "Amsterdam",
            "postal_code": "1012 AB", "country": "NL" });
        if coords {
            address["latitude"] = 52.3791.into();
            address["longitude"] = 4.9003.into();
        }
        serde_json::json!({ "number": number, "placed_at": ago(placed), "currency": "EUR",
            "customer": { "email": "ana@example.com", "phone": "+31612345678", "name": "Ana de Vries" },
            "shipping_address": address, "lines": lines, "shipments": shipments })
    };
    let mut gift = line("L2", "GIFTCARD-25", "Gift card €25", 1, 2500);
    gift["returnable"] = false.into();
    let mut sweater = line("L3", "SWEATER-WOOL", "Wool sweater", 1, 8900);
    sweater["vendor"] = "Nordic Knits".into();
    let docs = vec![
        // Returnable lines, a final-sale gift card and a vendor item.
        order(
            "1001",
            6,
            true,
            serde_json::json!([line("L1", "TSHIRT-M", "T-shirt M", 2, 1999), gift, sweater]),
            serde_json::json!([{ "tracking_number": "3SDEMO1001", "carrier": "postnl", "status": "delivered",
                "shipped_at": ago(5), "delivered_at": ago(3),
                "lines": [{ "line_id": "L1", "quantity": 2 }, { "line_id": "L2", "quantity": 1 }, { "line_id": "L3", "quantity": 1 }] }]),
        ),
        // Delivered too long ago; no coordinates (placed by postal code).
        order(
            "1002",
            50,
            false,
            serde_json::json!([line("L1", "JEANS-32", "Jeans 32", 1, 7900)]),
            serde_json::json!([{ "tracking_number": "3SDEMO1002", "carrier": "postnl", "status": "delivered",
                "shipped_at": ago(47), "delivered_at": ago(45), "lines": [{ "line_id": "L1", "quantity": 1 }] }]),
        ),
        // Still on its way.
        order(
            "1003",
            2,
            true,
            serde_json::json!([line("L1", "SNEAKER-42", "Sneakers 42", 1, 9900)]),
            serde_json::json!([{ "tracking_number": "3SDEMO1003", "carrier": "dhl", "status": "in_transit",
                "shipped_at": ago(1), "lines": [{ "line_id": "L1", "quantity": 1 }] }]),
        ),
        // One line delivered, one never shipped.
        order(
            "1004",
            5,
            true,
            serde_json::json!([
                line("L1", "CAP-BLUE", "Cap", 1, 1500),
                line("L2", "SCARF-RED", "Scarf", 1, 2500)
            ]),
            serde_json::json!([{ "tracking_number": "3SDEMO1004", "carrier": "postnl", "status": "delivered",
                "shipped_at": ago(4), "delivered_at": ago(2), "lines": [{ "line_id": "L1", "quantity": 1 }] }]),
        ),
        // Split delivery: the first parcel's window has closed, the second's is open.
        order(
            "1005",
            45,
            true,
            serde_json::json!([line("L1", "SOCKS-3PK", "Socks (3 pack)", 2, 1200)]),
            serde_json::json!([
                { "tracking_number": "3SDEMO1005A", "carrier": "postnl", "status": "delivered",
                  "shipped_at": ago(42), "delivered_at": ago(40), "lines": [{ "line_id": "L1", "quantity": 1 }] },
                { "tracking_number": "3SDEMO1005B", "carrier": "postnl", "status": "delivered",
                  "shipped_at": ago(7), "delivered_at": ago(5), "lines": [{ "line_id": "L1", "quantity": 1 }] }]),
        ),
        // Returned once already (the demo creates that return).
        order(
            "1006",
            8,
            true,
            serde_json::json!([line("L1", "DRESS-S", "Summer dress S", 1, 4900)]),
            serde_json::json!([{ "tracking_number": "3SDEMO1006", "carrier": "postnl", "status": "delivered",
                "shipped_at": ago(6), "delivered_at": ago(4), "lines": [{ "line_id": "L1", "quantity": 1 }] }]),
        ),
    ];
    docs.into_iter()
        .filter_map(|d| serde_json::from_value(d).ok())
        .collect()
}

/// Order 1006 has a return, so lookup shows its line as already returned.
async fn seed_return(state: &AppState) -> Result<(), ApiError> {
    let brand = state.portal.require(&state.db, DEMO_BRAND).await?;
    let order_id = crate::app::orders::id_by_number(&state.db, &brand.brand.id, "1006")
        .await?
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("demo order 1006 missing")))?;
    if crate::app::returns::count_for_order(&state.db, &order_id).await? > 0 {
        return Ok(());
    }
    let request: crate::app::returns::CreateReturn = serde_json::from_value(serde_json::json!({
        "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "too_large" } ],
        "return_method": { "type": "drop_off", "carrier": "postnl" },
        "resolution": { "type": "refund" }
    }))
    .map_err(ApiError::internal)?;
    crate::app::returns::create_for_order(state, brand, &order_id, request).await?;
    Ok(())
}

/// Service points loaded by `serve --demo` when the database has none.
pub const DEMO_POINTS: usize = 3000;

/// Creates the demo brand (once), service points and centroids (when there
/// are none), the demo orders and a merchant key for the demo brand (every
/// time), through the same services as the API.
pub async fn seed(state: &AppState) -> Result<Seeded, ApiError> {
    let db = &state.db;
    let brand_id = match crate::app::brands::id_by_slug(db, DEMO_BRAND).await? {
        Some(id) => id,
        None => {
            let brand = crate::app::brands::create(
                db,
                CreateBrand {
                    slug: DEMO_BRAND.into(),
                    name: "Demo Store".into(),
                    theme: None,
                    custom_domain: None,
                    allowed_origins: Some(vec!["*".into()]),
                },
            )
            .await?;
            crate::app::settings::replace_for_brand(db, &brand.id, demo_settings()).await?;
            brand.id
        }
    };
    state.portal.invalidate_all();
    crate::app::service_points::seed_generated(state, DEMO_POINTS, 42).await?;
    crate::app::orders::seed(db, &brand_id, demo_orders(chrono::Utc::now())).await?;
    seed_return(state).await?;
    let key = crate::app::keys::create(
        db,
        "demo",
        crate::app::keys::Role::Merchant,
        &[DEMO_BRAND.to_string()],
    )
    .await?;
    let vendor_key = seed_vendor(db, &key.id, &brand_id).await?;
    seed_catalogue(state, &key.id, &brand_id).await?;
    Ok(Seeded {
        merchant_key: key.key,
        vendor_key,
    })
}

/// The demo order 1001's T-shirt in the catalogue, in four sizes (the
/// larger ones dearer), so its line has exchange offers. Written once: the
/// stock is the demo's to change.
async fn seed_catalogue(state: &AppState, key_id: &str, brand_id: &str) -> Result<(), ApiError> {
    let merchant = crate::app::keys::Merchant {
        key_id: key_id.to_string(),
        role: crate::app::keys::Role::Merchant,
        brand_ids: vec![brand_id.to_string()],
    };
    let variant = |size: &str, price: i64, available: i64| {
        serde_json::json!({ "sku": format!("TSHIRT-{size}"), "option_values": { "size": size },
            "prices": [ { "amount": price, "currency": "EUR" } ], "available": available })
    };
    let product: crate::app::catalogue::ProductInput = serde_json::from_value(serde_json::json!({
        "id": "tshirt", "title": "T-shirt", "options": ["size"],
        "image_url": "https://demo.example/images/tshirt-m.jpg",
        "variants": [variant("S", 1999, 0), variant("M", 1999, 12), variant("L", 1999, 5), variant("XL", 2299, 2)]
    }))
    .map_err(ApiError::internal)?;
    match crate::app::catalogue::get(state, &merchant, DEMO_BRAND, "tshirt").await {
        Ok(_) => Ok(()),
        Err(e) if e.code() == crate::error::ErrorCode::ProductNotFound => {
            crate::app::catalogue::upsert(state, &merchant, DEMO_BRAND, product)
                .await
                .map(|_| ())
        }
        Err(e) => Err(e),
    }
}

/// Registers the demo's vendor, Nordic Knits (once), whose lines return to
/// its own address after it approves, and gives it a new key.
async fn seed_vendor(db: &crate::db::Db, key_id: &str, brand_id: &str) -> Result<String, ApiError> {
    let merchant = crate::app::keys::Merchant {
        key_id: key_id.to_string(),
        role: crate::app::keys::Role::Merchant,
        brand_ids: vec![brand_id.to_string()],
    };
    let vendor = crate::app::vendors::CreateVendor {
        id: "nordic-knits".into(),
        name: "Nordic Knits".into(),
        order_line_vendor: "Nordic Knits".into(),
        contact_email: Some("returns@nordicknits.example".into()),
        instructions: Some(labels(
            "Fold the sweater and keep its tags on.",
            "Vouw de trui en laat de labels eraan.",
            "Pullover falten, Etiketten dranlassen.",
        )),
        auto_approve: None,
        response_hours: Some(48),
        on_timeout: Some(crate::domain::vendors::OnTimeout::Escalate),
        locale: None,
    };
    match crate::app::vendors::create(db, &merchant, DEMO_BRAND, vendor).await {
        Ok(_) => {}
        Err(e) if e.code() == crate::error::ErrorCode::VendorExists => {}
        Err(e) => return Err(e),
    }
    let key = crate::app::vendors::create_key_as_operator(
        db,
        DEMO_BRAND,
        "nordic-knits",
        crate::app::vendors::CreateVendorKey {
            name: Some("demo".into()),
        },
    )
    .await?;
    Ok(key.key)
}
