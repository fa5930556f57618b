//! What a new brand's Returns Settings start with: data, written out once.

use std::collections::BTreeMap;

use super::{
    ConditionCode, LookupMethod, RefundOptionSetting, ResolutionType, ReturnMethodSetting,
    ReturnMethodType, ReturnReason, ReturnsSettings, WindowStart,
};
use crate::domain::notifications::Notifications;

pub const DEFAULT_STRINGS_EN: &[(&str, &str)] = &[
    ("portal_title", "Return an item"),
    ("lookup_intro", "Find your order to start a return."),
    ("identifier_label", "Order number or tracking number"),
    ("postal_code_label", "Postal code"),
    ("email_label", "Email address"),
    ("phone_label", "Phone number"),
    ("lookup_submit", "Find my order"),
    (
        "order_not_found",
        "We could not find an order with these details.",
    ),
    ("select_items", "Which items do you want to return?"),
    ("reason_label", "Reason"),
    ("comment_label", "Comment"),
    ("photos_label", "Photos"),
    ("condition_label", "Condition"),
    ("return_method_title", "How do you want to send it back?"),
    ("resolution_title", "What would you like in return?"),
    ("submit_return", "Confirm return"),
    ("confirmation_title", "Your return is registered"),
    ("label_pending", "Your label is being prepared…"),
    ("label_ready", "Your label is ready"),
    ("not_returnable", "This item cannot be returned"),
];

fn en(label: &str) -> BTreeMap<String, String> {
    BTreeMap::from([("en".to_string(), label.to_string())])
}

fn reason(
    code: &str,
    label: &str,
    comment: bool,
    images: bool,
    condition: bool,
    auto: bool,
) -> ReturnReason {
    ReturnReason {
        code: code.into(),
        labels: en(label),
        require_comment: comment,
        require_images: images,
        min_images: 1,
        require_condition: condition,
        auto_approve: auto,
        suggest_exchange: matches!(code, "too_small" | "too_large"),
    }
}

impl Default for ReturnsSettings {
    /// What a new brand starts with: 30 days from delivery, postal code or
    /// email lookup, common reasons, drop-off and label-less, refund, store
    /// credit and exchange, English texts. No return address yet: the brand
    /// adds its warehouse before returns can be created.
    fn default() -> ReturnsSettings {
        ReturnsSettings {
            return_window_days: 30,
            window_starts_at: WindowStart::Delivery,
            allow_undelivered_items: false,
            lookup_methods: vec![LookupMethod::PostalCode, LookupMethod::Email],
            phone_region: None,
            reasons: vec![
                reason("too_small", "Too small", false, false, false, true),
                reason("too_large", "Too large", false, false, false, true),
                reason("changed_mind", "Changed my mind", false, false, false, true),
                reason(
                    "not_as_described",
                    "Not as described",
                    true,
                    false,
                    false,
                    false,
                ),
                reason("damaged", "Arrived damaged", true, true, true, false),
                reason(
                    "wrong_item",
                    "Wrong item received",
                    false,
                    true,
                    false,
                    false,
                ),
                reason("other", "Other", true, false, false, false),
            ],
            condition_codes: vec![
                ConditionCode {
                    code: "unopened".into(),
                    labels: en("Unopened"),
                },
                ConditionCode {
                    code: "like_new".into(),
                    labels: en("Like new"),
                },
                ConditionCode {
                    code: "used".into(),
                    labels: en("Used"),
                },
                ConditionCode {
                    code: "damaged".into(),
                    labels: en("Damaged"),
                },
            ],
            return_methods: vec![
                ReturnMethodSetting {
                    method: ReturnMethodType::DropOff,
                    enabled: true,
                    carriers: vec!["postnl".into(), "dhl".into()],
                    max_pickup_days: None,
                },
                ReturnMethodSetting {
                    method: ReturnMethodType::Labelless,
                    enabled: true,
                    carriers: vec!["postnl".into()],
                    max_pickup_days: None,
                },
            ],
            refund_options: vec![
                RefundOptionSetting {
                    resolution: ResolutionType::Refund,
                    enabled: true,
                    store_credit_bonus_percent: None,
                },
                RefundOptionSetting {
                    resolution: ResolutionType::StoreCredit,
                    enabled: true,
                    store_credit_bonus_percent: Some(10),
                },
                RefundOptionSetting {
                    resolution: ResolutionType::Exchange,
                    enabled: true,
                    store_credit_bonus_percent: None,
                },
            ],
            return_fee: None,
            return_addresses: Vec::new(),
            default_locale: "en".into(),
            locales: vec!["en".into()],
            strings: BTreeMap::from([(
                "en".to_string(),
                DEFAULT_STRINGS_EN
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            )]),
            policy_url: None,
            notifications: Notifications::default(),
            staff_notifications: Default::default(),
            vendor_notifications: Default::default(),
            exchange_first: false,
            exchange_price_difference: Default::default(),
            payment_within_hours: 72,
            store_credit_on_approval: false,
            instant_exchange: None,
            disposition_rules: crate::domain::dispositions::default_rules(),
            default_disposition: Default::default(),
            hosted_portal: false,
            warnings: Vec::new(),
        }
    }
}
