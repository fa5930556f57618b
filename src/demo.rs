//! Demo data for `serve --demo`: the `demo` brand with multilingual settings,
//! open to any browser origin, and a fresh merchant API key.

use std::collections::BTreeMap;

use crate::db::Db;
use crate::domain::settings::{
    AddressKind, ConditionCode, ReturnAddress, ReturnFee, ReturnMethodSetting, ReturnMethodType,
    ReturnsSettings,
};
use crate::error::ApiError;
use crate::routes::merchant::brands::{CreateBrand, create_brand};

/// Slug of the demo brand.
pub const DEMO_BRAND: &str = "demo";

/// What seeding produced.
pub struct Seeded {
    /// A new merchant key for the demo brand (shown once).
    pub merchant_key: String,
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
    s
}

/// Creates the demo brand (once) and a merchant key for it (every time).
pub async fn seed(db: &Db) -> Result<Seeded, ApiError> {
    let exists = db
        .read(|conn| crate::db::brands::by_slug(conn, DEMO_BRAND))
        .await?
        .is_some();
    if !exists {
        let brand = create_brand(
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
        let settings = demo_settings();
        db.write(move |conn| crate::db::settings::replace(conn, &brand.id, &settings, None))
            .await?;
    }
    let key = db
        .write(|conn| {
            crate::db::api_keys::create(
                conn,
                "demo",
                crate::auth::Role::Merchant,
                &[DEMO_BRAND.to_string()],
            )
        })
        .await?;
    Ok(Seeded {
        merchant_key: key.key,
    })
}
