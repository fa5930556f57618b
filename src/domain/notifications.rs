//! Customer e-mail notifications: which steps of a return mail the
//! customer (per brand, per kind), the subject and body templates per
//! locale, and rendering them.
//!
//! Templates are [minijinja](https://docs.rs/minijinja) (Jinja2 syntax):
//! `{{ return.rma }}`, `{% if label_url %}…{% endif %}`, filters such as
//! `upper`. The subject is plain text (line breaks are folded into spaces);
//! the body is HTML and every value is HTML-escaped unless marked `|safe`.
//! Rendering has no loader (`include`, `extends` and `import` find
//! nothing), so a template reads nothing but its context ([`MailContext`]).
//!
//! A template is the merchant's code, run at `PUT` (with sample values) and
//! in the mail job, so its rendering has hard bounds, each of which holds
//! on its own:
//!
//! - **Fuel** ([`FUEL`]): minijinja charges one fuel per instruction and one
//!   per 64 bytes of data it produces (strings, list slots, output,
//!   captured output), and checks the size of a repetition (`'x' * 10**8`)
//!   or a concatenation before it allocates. A template thus runs at most
//!   50,000 instructions and makes at most about 3 MB of data in the paths
//!   the engine counts.
//! - **Length** ([`MAX_RENDERED`]): a list or map printed with `{{ }}` is
//!   written through a counter that stops at 256 KiB (the engine would
//!   otherwise build the whole text before charging it: `["x" * 40000] *
//!   40000` prints 1.6 GB from 40 KB of data), and a rendered part longer
//!   than 256 KiB is refused.
//! - **A process of its own** ([`sandbox`]): the rendering runs in a forked
//!   child whose address space may grow by 32 MiB ([`RENDER_MEMORY`]) and
//!   which is killed after one second ([`RENDER_TIME`]). This bound does not
//!   depend on the engine counting everything right: a path the fuel
//!   misses (joining a huge lazy list, printing it with `~`) ends the child
//!   at its memory cap, and the node's resident memory does not move.
//!
//! A template hitting a bound is refused at `PUT` (422 `invalid_template`
//! at its field) and fails its notification at send time.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};
use std::time::Duration;

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, ErrorKind, HtmlEscape, Output, State, UndefinedBehavior};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::events::EventType;
use crate::domain::return_status::ReturnStatus;
use crate::domain::sandbox::{self, Exceeded, Limits};
use crate::error::{ErrorCode, FieldError};

/// Longest subject template (bytes).
pub const MAX_SUBJECT: usize = 500;
/// Longest body template (bytes).
pub const MAX_BODY: usize = 20_000;
/// Longest rendered subject (characters); longer ones are cut.
const MAX_RENDERED_SUBJECT: usize = 250;
/// Fuel of one rendering: one per instruction, one per 64 bytes of data
/// the engine produces.
pub const FUEL: u64 = 50_000;
/// Longest rendered subject or body (bytes), and longest text one `{{ }}`
/// may print.
pub const MAX_RENDERED: usize = 256 * 1024;
/// Memory a rendering's process may map beyond the node's.
pub const RENDER_MEMORY: usize = 32 << 20;
/// Wall-clock time a rendering's process may run.
pub const RENDER_TIME: Duration = Duration::from_secs(1);

/// Status of a notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NotificationStatus {
    /// Waiting for its (next) attempt.
    Queued,
    /// The SMTP server accepted it.
    Sent,
    /// Not sent, for the reason in `error`: `smtp_not_configured` (no
    /// `SMTP_URL`), `no_recipient` (the order has no e-mail, the vendor no
    /// `contact_email`), `disabled` (turned off since the event, or the
    /// staff address removed), `answered` (a vendor's reminder, once the
    /// vendor answered).
    Skipped,
    /// Given up: the server refused it, or every attempt failed.
    Failed,
}

impl NotificationStatus {
    /// Every status.
    pub const ALL: [NotificationStatus; 4] = [
        NotificationStatus::Queued,
        NotificationStatus::Sent,
        NotificationStatus::Skipped,
        NotificationStatus::Failed,
    ];

    /// The stored and wire form, e.g. `queued`.
    pub fn as_str(self) -> &'static str {
        match self {
            NotificationStatus::Queued => "queued",
            NotificationStatus::Sent => "sent",
            NotificationStatus::Skipped => "skipped",
            NotificationStatus::Failed => "failed",
        }
    }

    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<NotificationStatus> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// Who a notification is for.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    ToSchema,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Audience {
    /// The order's customer (`notifications`).
    Customer,
    /// One of the merchant's staff addresses (`staff_notifications`).
    Staff,
    /// The vendor of a part, at its `contact_email` (`vendor_notifications`).
    Vendor,
}

impl Audience {
    /// The stored and wire form, e.g. `staff`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<Audience> {
        s.parse().ok()
    }
}

/// A kind of e-mail: a step of a return the customer is mailed about, or
/// what the merchant's staff or a vendor is told.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    ToSchema,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum NotificationKind {
    /// The return was approved (`return.approved`); the mail links the label.
    ReturnApproved,
    /// The return was rejected (`return.rejected`), with reason and note.
    ReturnRejected,
    /// The parcel arrived and was counted (`return.received`).
    ReturnReceived,
    /// The refund, store credit or exchange was given (`return.completed`).
    ReturnCompleted,
    /// A vendor approved its part (`return.vendor_approved`): where that
    /// parcel goes, the vendor's instructions and its label.
    VendorApproved,
    /// A vendor rejected its part (`return.vendor_rejected`), with reason
    /// and note.
    VendorRejected,
    /// A vendor released the refund of its part, or raised its exchange
    /// (`return_part.completed`).
    PartCompleted,
    /// The return waits for the customer's payment of what dearer
    /// exchanges cost (`return.payment_required`), with the amount due.
    PaymentDue,
    /// The replacement of an exchange was ordered and is on its way
    /// (`exchange.ordered`), with the new sale's reference.
    ExchangeOrdered,
    /// Staff: a return waits for the merchant's review (`return.requested`
    /// without an approval).
    ReturnAwaitsReview,
    /// Staff: a vendor rejected its part (`return.vendor_rejected`).
    PartRejectedByVendor,
    /// Staff: a vendor let its deadline pass (`return_part.overdue`).
    VendorOverdue,
    /// Staff: a label could not be made (`label.failed`).
    LabelFailed,
    /// Staff: an instant exchange's original was not scanned in transit
    /// by its deadline (`exchange.overdue`).
    ExchangeOverdue,
    /// Staff: a webhook endpoint failed for days and was disabled
    /// (`webhook_endpoint.disabled`).
    WebhookEndpointDisabled,
    /// Vendor: one of its parts waits for its answer
    /// (`return_part.awaiting_vendor`).
    PartAwaitingVendor,
    /// Vendor: a part still waits for its answer, a set number of hours
    /// before its deadline.
    PartReminder,
    /// Vendor: its parcel was scanned by the carrier (`return_part.in_transit`).
    PartInTransit,
    /// Vendor: its parcel was delivered (`return.delivered` of its part).
    PartDelivered,
}

impl NotificationKind {
    /// The customer's kinds, in settings order.
    pub const CUSTOMER: [NotificationKind; 9] = [
        NotificationKind::ReturnApproved,
        NotificationKind::ReturnRejected,
        NotificationKind::ReturnReceived,
        NotificationKind::ReturnCompleted,
        NotificationKind::VendorApproved,
        NotificationKind::VendorRejected,
        NotificationKind::PartCompleted,
        NotificationKind::PaymentDue,
        NotificationKind::ExchangeOrdered,
    ];

    /// The staff's kinds, in settings order.
    pub const STAFF: [NotificationKind; 6] = [
        NotificationKind::ReturnAwaitsReview,
        NotificationKind::PartRejectedByVendor,
        NotificationKind::VendorOverdue,
        NotificationKind::LabelFailed,
        NotificationKind::WebhookEndpointDisabled,
        NotificationKind::ExchangeOverdue,
    ];

    /// A vendor's kinds, in settings order.
    pub const VENDOR: [NotificationKind; 4] = [
        NotificationKind::PartAwaitingVendor,
        NotificationKind::PartReminder,
        NotificationKind::PartInTransit,
        NotificationKind::PartDelivered,
    ];

    /// The stored and wire form, e.g. `return_approved`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The kind named `s`, if it is one.
    pub fn parse(s: &str) -> Option<NotificationKind> {
        s.parse().ok()
    }

    /// Who mail of this kind goes to.
    pub fn audience(self) -> Audience {
        if Self::STAFF.contains(&self) {
            Audience::Staff
        } else if Self::VENDOR.contains(&self) {
            Audience::Vendor
        } else {
            Audience::Customer
        }
    }

    /// The kind of customer mail an event sends, if any.
    pub fn for_event(event: EventType) -> Option<NotificationKind> {
        match event {
            EventType::ReturnApproved => Some(NotificationKind::ReturnApproved),
            EventType::ReturnRejected => Some(NotificationKind::ReturnRejected),
            EventType::ReturnReceived => Some(NotificationKind::ReturnReceived),
            EventType::ReturnCompleted => Some(NotificationKind::ReturnCompleted),
            EventType::ReturnVendorApproved => Some(NotificationKind::VendorApproved),
            EventType::ReturnVendorRejected => Some(NotificationKind::VendorRejected),
            EventType::ReturnPartCompleted => Some(NotificationKind::PartCompleted),
            EventType::ReturnPaymentRequired => Some(NotificationKind::PaymentDue),
            EventType::ExchangeOrdered => Some(NotificationKind::ExchangeOrdered),
            _ => None,
        }
    }

    /// The built-in English template, used when the brand has none for
    /// the customer's locale nor its default locale.
    pub fn default_template(self) -> MailTemplate {
        let (subject, body) = match self {
            NotificationKind::ReturnApproved => (
                "Your return {{ return.rma }} is approved",
                "<p>Hello {{ customer.name or \"there\" }},</p>\n\
                 <p>{{ brand.name }} approved your return {{ return.rma }} (order {{ return.order_number }}).</p>\n\
                 {% if label_url %}<p>Your return label: <a href=\"{{ label_url }}\">{{ label_url }}</a></p>\n{% endif %}\
                 <ul>{% for item in return.items %}<li>{{ item.quantity }} × {{ item.name }}</li>{% endfor %}</ul>",
            ),
            NotificationKind::ReturnRejected => (
                "Your return {{ return.rma }} was not accepted",
                "<p>Hello {{ customer.name or \"there\" }},</p>\n\
                 <p>{{ brand.name }} could not accept your return {{ return.rma }} (order {{ return.order_number }}).</p>\n\
                 <p>Reason: {{ reason }}</p>\n\
                 {% if note %}<p>{{ note }}</p>{% endif %}",
            ),
            NotificationKind::ReturnReceived => (
                "We received your return {{ return.rma }}",
                "<p>Hello {{ customer.name or \"there\" }},</p>\n\
                 <p>{{ brand.name }} received your return {{ return.rma }} (order {{ return.order_number }}) and will process it shortly.</p>",
            ),
            NotificationKind::ReturnCompleted => (
                "Your return {{ return.rma }} is complete",
                "<p>Hello {{ customer.name or \"there\" }},</p>\n\
                 <p>{{ brand.name }} completed your return {{ return.rma }}.</p>\n\
                 {% if resolution.type == \"refund\" %}<p>We refunded {{ resolution.amount }}.</p>\
                 {% elif resolution.type == \"store_credit\" %}<p>You received {{ resolution.amount }} in store credit.</p>\
                 {% elif resolution.type == \"exchange\" %}<p>Your exchange order is {{ resolution.exchange_order_reference }}.</p>{% endif %}\n\
                 {% if resolution.note %}<p>{{ resolution.note }}</p>{% endif %}",
            ),
            NotificationKind::VendorApproved => (
                "{{ part.vendor }} accepted your return {{ return.rma }}",
                "<p>Hello {{ customer.name or \"there\" }},</p>\n\
                 <p>{{ part.vendor }} accepted the items of your return {{ return.rma }} it sold you:</p>\n\
                 <ul>{% for item in part.items %}<li>{{ item.quantity }} × {{ item.name }}</li>{% endfor %}</ul>\n\
                 <p>Send them to:<br>{% for line in part.address %}{{ line }}<br>{% endfor %}</p>\n\
                 {% if part.instructions %}<p>{{ part.instructions }}</p>\n{% endif %}\
                 {% if part.label_url %}<p>Your return label: <a href=\"{{ part.label_url }}\">{{ part.label_url }}</a></p>{% endif %}",
            ),
            NotificationKind::VendorRejected => (
                "{{ part.vendor }} could not accept part of your return {{ return.rma }}",
                "<p>Hello {{ customer.name or \"there\" }},</p>\n\
                 <p>{{ part.vendor }} could not accept these items of your return {{ return.rma }}:</p>\n\
                 <ul>{% for item in part.items %}<li>{{ item.quantity }} × {{ item.name }}</li>{% endfor %}</ul>\n\
                 <p>Reason: {{ reason }}</p>\n\
                 {% if note %}<p>{{ note }}</p>{% endif %}",
            ),
            NotificationKind::PartCompleted => (
                "{{ part.vendor }} completed your return {{ return.rma }}",
                "<p>Hello {{ customer.name or \"there\" }},</p>\n\
                 <p>{{ part.vendor }} received the items of your return {{ return.rma }} it sold you.</p>\n\
                 {% if resolution.type == \"refund\" %}<p>We refunded {{ resolution.amount }}.</p>\
                 {% elif resolution.type == \"store_credit\" %}<p>You received {{ resolution.amount }} in store credit.</p>\
                 {% elif resolution.type == \"exchange\" %}<p>Your exchange order is {{ resolution.exchange_order_reference }}.</p>{% endif %}",
            ),
            NotificationKind::PaymentDue => (
                "Your exchange {{ return.rma }} waits for your payment",
                "<p>Hello {{ customer.name or \"there\" }},</p>\n\
                 <p>The items you chose in exchange for your return {{ return.rma }} (order {{ return.order_number }}) cost more than the ones you send back.</p>\n\
                 <p>Amount due: {{ payment.amount_due }}. {{ brand.name }} goes on with your return once it is paid.</p>",
            ),
            NotificationKind::ExchangeOrdered => (
                "Your exchange for return {{ return.rma }} is on its way",
                "<p>Hello {{ customer.name or \"there\" }},</p>\n\
                 <p>{{ brand.name }} ordered your replacement{% if exchange.reference %} (order {{ exchange.reference }}){% endif %} for your return {{ return.rma }}:</p>\n\
                 <ul>{% for item in exchange.items %}<li>{{ item.quantity }} × {{ item.variant_sku }}</li>{% endfor %}</ul>",
            ),
            NotificationKind::ExchangeOverdue => (
                "Return {{ return.rma }}: the original of an instant exchange was not sent",
                "<p>The replacement of return {{ return.rma }} ({{ return.id }}, order {{ return.order_number }}) went out at approval, \
                 and no carrier scanned the original by {{ exchange.due_at }}.</p>\n\
                 <ul>{% for item in exchange.items %}<li>{{ item.variant_sku }} for {{ item.sku }}</li>{% endfor %}</ul>",
            ),
            NotificationKind::ReturnAwaitsReview => (
                "Return {{ return.rma }} waits for your review",
                "<p>Return {{ return.rma }} (order {{ return.order_number }}, {{ return.id }}) waits for your review.</p>\n\
                 <ul>{% for item in return.items %}<li>{{ item.quantity }} × {{ item.name }} ({{ item.sku }})</li>{% endfor %}</ul>\n\
                 <p>Estimated refund: {{ return.estimated_refund }}</p>",
            ),
            NotificationKind::PartRejectedByVendor => (
                "{{ part.vendor }} rejected its part of return {{ return.rma }}",
                "<p>{{ part.vendor }} rejected these items of return {{ return.rma }} ({{ return.id }}):</p>\n\
                 <ul>{% for item in part.items %}<li>{{ item.quantity }} × {{ item.name }} ({{ item.sku }})</li>{% endfor %}</ul>\n\
                 <p>Reason: {{ reason }}</p>\n\
                 {% if note %}<p>{{ note }}</p>{% endif %}",
            ),
            NotificationKind::VendorOverdue => (
                "{{ part.vendor }} did not answer return {{ return.rma }} in time",
                "<p>{{ part.vendor }} did not answer its part of return {{ return.rma }} ({{ return.id }}) by {{ part.due_at }}.</p>\n\
                 <ul>{% for item in part.items %}<li>{{ item.quantity }} × {{ item.name }} ({{ item.sku }})</li>{% endfor %}</ul>\n\
                 <p>{% if part.on_timeout == \"approve\" %}It was approved for the vendor.\
                 {% elif part.on_timeout == \"reject\" %}It was rejected for the vendor.\
                 {% else %}You may now approve or reject it for the vendor.{% endif %}</p>",
            ),
            NotificationKind::LabelFailed => (
                "No label could be made for return {{ return.rma }}",
                "<p>The label of return {{ return.rma }} ({{ return.id }}, order {{ return.order_number }}) could not be made.</p>\n\
                 {% if note %}<p>{{ note }}</p>{% endif %}",
            ),
            NotificationKind::WebhookEndpointDisabled => (
                "A webhook endpoint of {{ brand.name }} was disabled",
                "<p>The webhook endpoint {{ endpoint.url }} ({{ endpoint.id }}) failed every delivery for too long and was disabled.</p>\n\
                 <p>Fix the receiver, then enable the endpoint again and retry its failed deliveries.</p>",
            ),
            NotificationKind::PartAwaitingVendor => (
                "Return {{ return.rma }} waits for your answer",
                "<p>Hello {{ part.vendor }},</p>\n\
                 <p>A customer of {{ brand.name }} wants to return these items you sold (return {{ return.rma }}, id {{ return.id }}):</p>\n\
                 <ul>{% for item in part.items %}<li>{{ item.quantity }} × {{ item.name }} ({{ item.sku }})</li>{% endfor %}</ul>\n\
                 <p>Please approve or reject them by {{ part.due_at }}.</p>",
            ),
            NotificationKind::PartReminder => (
                "Reminder: return {{ return.rma }} waits for your answer",
                "<p>Hello {{ part.vendor }},</p>\n\
                 <p>Return {{ return.rma }} (id {{ return.id }}) still waits for your answer, until {{ part.due_at }}:</p>\n\
                 <ul>{% for item in part.items %}<li>{{ item.quantity }} × {{ item.name }} ({{ item.sku }})</li>{% endfor %}</ul>",
            ),
            NotificationKind::PartInTransit => (
                "Return {{ return.rma }} is on its way to you",
                "<p>Hello {{ part.vendor }},</p>\n\
                 <p>The parcel of return {{ return.rma }} (id {{ return.id }}) is on its way{% if part.tracking_number %} (tracking {{ part.tracking_number }}){% endif %}:</p>\n\
                 <ul>{% for item in part.items %}<li>{{ item.approved_quantity }} × {{ item.name }} ({{ item.sku }})</li>{% endfor %}</ul>",
            ),
            NotificationKind::PartDelivered => (
                "Return {{ return.rma }} was delivered to you",
                "<p>Hello {{ part.vendor }},</p>\n\
                 <p>The parcel of return {{ return.rma }} (id {{ return.id }}) was delivered{% if part.tracking_number %} (tracking {{ part.tracking_number }}){% endif %}. Please record what arrived.</p>",
            ),
        };
        MailTemplate {
            subject: subject.into(),
            body: body.into(),
        }
    }
}

/// The subject and body of a mail in one locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MailTemplate {
    /// Subject template (plain text, at most 500 bytes), e.g.
    /// `Your return {{ return.rma }} is approved`.
    #[schema(min_length = 1, max_length = 500)]
    pub subject: String,
    /// Body template: HTML, every value HTML-escaped (at most 20,000 bytes).
    #[schema(min_length = 1, max_length = 20000)]
    pub body: String,
}

/// Whether one kind of mail goes out, and its templates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotificationSetting {
    /// Whether the customer is mailed at this step (default off).
    #[serde(default)]
    pub enabled: bool,
    /// Templates by locale (each one of the brand's `locales`). A customer
    /// whose locale has none gets the default locale's, else the built-in
    /// English one.
    #[serde(default)]
    #[schema(value_type = BTreeMap<crate::domain::codes::Locale, MailTemplate>)]
    pub templates: BTreeMap<String, MailTemplate>,
}

/// Customer e-mail notifications, per step of a return. Sent over SMTP
/// (`SMTP_URL`) to the order's customer e-mail, one mail per event, as an
/// HTML body (`text/html; charset=utf-8`).
///
/// Templates use minijinja (Jinja2) syntax and see these variables:
/// `return.id`, `return.rma`, `return.status`, `return.order_number`,
/// `return.estimated_refund` (e.g. `12.50 EUR`), `return.items` (each
/// `name`, `sku`, `quantity` (requested), `approved_quantity`,
/// `received_quantity`), `brand.name`, `customer.name` (may be empty),
/// `label_url` (the customer's label page: poll it until the label is
/// ready, then download; `return_approved`), `label_urls` (one per parcel),
/// `reason` and `note` (`return_rejected`), `resolution.type` (`refund`,
/// `store_credit`, `exchange`), `resolution.amount` (e.g. `19.99 EUR`),
/// `resolution.exchange_order_reference` and `resolution.note`
/// (`return_completed`, `part_completed`), and for a vendor's part
/// (`vendor_approved`, `vendor_rejected`, `part_completed`) `part.vendor`
/// (its name), `part.items`, `part.address` (lines), `part.instructions`
/// and `part.label_url`; `reason` and `note` are then the part's. Absent
/// values are empty. The body is
/// HTML-escaped; the subject is plain text.
///
/// Templates are checked on `PUT` by rendering them with sample values: a
/// syntax error, an unknown filter or a runaway loop is a 422
/// `invalid_template` at e.g.
/// `notifications.return_approved.templates.nl.body`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Notifications {
    /// Mail when the return is approved (with the label link).
    #[serde(default)]
    pub return_approved: NotificationSetting,
    /// Mail when the return is rejected (with reason and note).
    #[serde(default)]
    pub return_rejected: NotificationSetting,
    /// Mail when the parcel arrived.
    #[serde(default)]
    pub return_received: NotificationSetting,
    /// Mail when the refund, credit or exchange was given.
    #[serde(default)]
    pub return_completed: NotificationSetting,
    /// Mail when a vendor accepted its part (where to send it, the vendor's
    /// instructions, the label).
    #[serde(default)]
    pub vendor_approved: NotificationSetting,
    /// Mail when a vendor rejected its part.
    #[serde(default)]
    pub vendor_rejected: NotificationSetting,
    /// Mail when a vendor released its part's refund (or raised its exchange).
    #[serde(default)]
    pub part_completed: NotificationSetting,
    /// Mail when the return waits for the payment of what dearer
    /// exchanges cost (with the amount due).
    #[serde(default)]
    pub payment_due: NotificationSetting,
    /// Mail when an exchange's replacement was ordered (with the new
    /// sale's reference).
    #[serde(default)]
    pub exchange_ordered: NotificationSetting,
}

impl Notifications {
    /// The setting of a customer kind, to change it.
    pub fn get_mut(&mut self, kind: NotificationKind) -> Option<&mut NotificationSetting> {
        match kind {
            NotificationKind::ReturnApproved => Some(&mut self.return_approved),
            NotificationKind::ReturnRejected => Some(&mut self.return_rejected),
            NotificationKind::ReturnReceived => Some(&mut self.return_received),
            NotificationKind::ReturnCompleted => Some(&mut self.return_completed),
            NotificationKind::VendorApproved => Some(&mut self.vendor_approved),
            NotificationKind::VendorRejected => Some(&mut self.vendor_rejected),
            NotificationKind::PartCompleted => Some(&mut self.part_completed),
            NotificationKind::PaymentDue => Some(&mut self.payment_due),
            NotificationKind::ExchangeOrdered => Some(&mut self.exchange_ordered),
            _ => None,
        }
    }
}

impl MailSettings for Notifications {
    const PATH: &'static str = "notifications";
    const KINDS: &'static [NotificationKind] = &NotificationKind::CUSTOMER;

    fn setting(&self, kind: NotificationKind) -> Option<&NotificationSetting> {
        match kind {
            NotificationKind::ReturnApproved => Some(&self.return_approved),
            NotificationKind::ReturnRejected => Some(&self.return_rejected),
            NotificationKind::ReturnReceived => Some(&self.return_received),
            NotificationKind::ReturnCompleted => Some(&self.return_completed),
            NotificationKind::VendorApproved => Some(&self.vendor_approved),
            NotificationKind::VendorRejected => Some(&self.vendor_rejected),
            NotificationKind::PartCompleted => Some(&self.part_completed),
            NotificationKind::PaymentDue => Some(&self.payment_due),
            NotificationKind::ExchangeOrdered => Some(&self.exchange_ordered),
            _ => None,
        }
    }
}

/// A group of mail settings (the customer's, the staff's, the vendors'):
/// one [`NotificationSetting`] per kind of the group, and what every group
/// does with them.
pub trait MailSettings {
    /// The group's field in Returns Settings, e.g. `notifications`.
    const PATH: &'static str;
    /// The group's kinds, in settings order.
    const KINDS: &'static [NotificationKind];

    /// The setting of one of the group's kinds (`None` for other kinds).
    fn setting(&self, kind: NotificationKind) -> Option<&NotificationSetting>;

    /// Whether mail of this kind goes out.
    fn enabled(&self, kind: NotificationKind) -> bool {
        self.setting(kind).is_some_and(|s| s.enabled)
    }

    /// The template for a recipient's `locale`: the brand's for that
    /// locale, else for its language (`de` for `de-AT`), else for the
    /// default locale, else the built-in English one. Returns the locale
    /// used (`en` for the built-in one).
    fn template(
        &self,
        kind: NotificationKind,
        locale: &str,
        default_locale: &str,
    ) -> (String, MailTemplate) {
        let language = locale.split('-').next().unwrap_or(locale);
        if let Some(templates) = self.setting(kind).map(|s| &s.templates) {
            for candidate in [locale, language, default_locale] {
                if let Some(t) = templates.get(candidate) {
                    return (candidate.to_string(), t.clone());
                }
            }
        }
        ("en".into(), kind.default_template())
    }

    /// Every error of the templates: locales of the brand, sizes, and each
    /// template rendering with sample values (all of them in one bounded
    /// process).
    fn check(&self, locales: &BTreeSet<&str>) -> Vec<FieldError> {
        enum Found<'a> {
            Error(FieldError),
            Render(String, &'a str, &'a str),
        }
        let mut found = Vec::new();
        for &kind in Self::KINDS {
            let Some(setting) = self.setting(kind) else {
                continue;
            };
            for (locale, template) in &setting.templates {
                let at = format!("{}.{}.templates.{locale}", Self::PATH, kind.as_str());
                if !locales.contains(locale.as_str()) {
                    found.push(Found::Error(FieldError::new(
                        at.clone(),
                        ErrorCode::UnknownLocale,
                        "not one of `locales`",
                    )));
                }
                for (part, source, max) in [
                    ("subject", &template.subject, MAX_SUBJECT),
                    ("body", &template.body, MAX_BODY),
                ] {
                    let field = format!("{at}.{part}");
                    if source.trim().is_empty() {
                        found.push(Found::Error(FieldError::new(
                            field,
                            ErrorCode::Required,
                            "must not be empty",
                        )));
                    } else if source.len() > max {
                        found.push(Found::Error(FieldError::new(
                            field,
                            ErrorCode::InvalidLength,
                            format!("at most {max} bytes"),
                        )));
                    } else {
                        found.push(Found::Render(field, part, source));
                    }
                }
            }
        }
        let parts: Vec<(&str, &str)> = found
            .iter()
            .filter_map(|f| match f {
                Found::Render(_, part, source) => Some((*part, *source)),
                Found::Error(_) => None,
            })
            .collect();
        let mut rendered = render_bounded(&parts, &MailContext::sample(), false).into_iter();
        found
            .into_iter()
            .filter_map(|f| match f {
                Found::Error(e) => Some(e),
                Found::Render(field, ..) => match rendered.next() {
                    Some(Ok(_)) => None,
                    Some(Err(e)) => Some(FieldError::new(field, ErrorCode::InvalidTemplate, &e)),
                    None => Some(FieldError::new(
                        field,
                        ErrorCode::InvalidTemplate,
                        "could not be rendered",
                    )),
                },
            })
            .collect()
    }
}

/// Most staff addresses.
pub const MAX_STAFF_RECIPIENTS: usize = 20;

/// E-mail to the merchant's staff: to every address in `recipients`, in
/// `locale` (default: the brand's default locale), for each kind turned
/// on. Templates see what customer templates see (see
/// [`Notifications`]) except `customer`, and also `part.due_at`,
/// `part.on_timeout` (`vendor_overdue`), `note` (the label error,
/// `label_failed`) and `endpoint.id` and `endpoint.url`
/// (`webhook_endpoint_disabled`, where `return` is empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StaffNotifications {
    /// Staff addresses (at most 20), each mailed once per event.
    #[serde(default)]
    #[schema(max_items = 20, example = json!(["returns-team@shop.example"]))]
    pub recipients: Vec<String>,
    /// Locale of staff mail (one of `locales`; default `default_locale`).
    #[serde(default)]
    #[schema(value_type = Option<crate::domain::codes::Locale>)]
    pub locale: Option<String>,
    /// A return waits for the merchant's review.
    #[serde(default)]
    pub return_awaits_review: NotificationSetting,
    /// A vendor rejected its part.
    #[serde(default)]
    pub part_rejected_by_vendor: NotificationSetting,
    /// A vendor did not answer by its deadline (its `on_timeout` acted).
    #[serde(default)]
    pub vendor_overdue: NotificationSetting,
    /// A return's label could not be made.
    #[serde(default)]
    pub label_failed: NotificationSetting,
    /// A webhook endpoint was disabled after failing for days.
    #[serde(default)]
    pub webhook_endpoint_disabled: NotificationSetting,
    /// An instant exchange's original was not scanned by its deadline.
    #[serde(default)]
    pub exchange_overdue: NotificationSetting,
}

impl MailSettings for StaffNotifications {
    const PATH: &'static str = "staff_notifications";
    const KINDS: &'static [NotificationKind] = &NotificationKind::STAFF;

    fn setting(&self, kind: NotificationKind) -> Option<&NotificationSetting> {
        match kind {
            NotificationKind::ReturnAwaitsReview => Some(&self.return_awaits_review),
            NotificationKind::PartRejectedByVendor => Some(&self.part_rejected_by_vendor),
            NotificationKind::VendorOverdue => Some(&self.vendor_overdue),
            NotificationKind::LabelFailed => Some(&self.label_failed),
            NotificationKind::WebhookEndpointDisabled => Some(&self.webhook_endpoint_disabled),
            NotificationKind::ExchangeOverdue => Some(&self.exchange_overdue),
            _ => None,
        }
    }
}

impl StaffNotifications {
    /// The addresses mailed about `kind`: none unless it is turned on.
    pub fn recipients_of(&self, kind: NotificationKind) -> &[String] {
        if self.enabled(kind) {
            &self.recipients
        } else {
            &[]
        }
    }
}

/// Hours before a part's deadline that its vendor is reminded, unless set.
pub const DEFAULT_REMINDER_HOURS: u32 = 24;

/// E-mail to vendors, at each vendor's `contact_email` in its `locale`
/// (default: the brand's default locale), for each kind turned on. A
/// vendor's mail speaks of its own part only and never shows the
/// customer's contact details. Templates see `brand.name`, `return.id`,
/// `return.rma`, `return.order_number`, `return.status`, and `part.vendor`,
/// `part.items`, `part.due_at` (RFC 3339), `part.tracking_number`,
/// `part.address` and `part.instructions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VendorNotifications {
    /// Hours before a part's deadline that `part_reminder` goes out (1–720,
    /// default 24; none when the part started waiting later than that).
    #[serde(default = "default_reminder_hours")]
    #[schema(minimum = 1, maximum = 720, default = 24)]
    pub reminder_hours: u32,
    /// One of its parts waits for its answer (items, deadline, return id).
    #[serde(default)]
    pub part_awaiting_vendor: NotificationSetting,
    /// A part still waits, `reminder_hours` before its deadline.
    #[serde(default)]
    pub part_reminder: NotificationSetting,
    /// Its parcel was scanned in transit.
    #[serde(default)]
    pub part_in_transit: NotificationSetting,
    /// Its parcel was delivered.
    #[serde(default)]
    pub part_delivered: NotificationSetting,
}

fn default_reminder_hours() -> u32 {
    DEFAULT_REMINDER_HOURS
}

impl Default for VendorNotifications {
    fn default() -> VendorNotifications {
        VendorNotifications {
            reminder_hours: DEFAULT_REMINDER_HOURS,
            part_awaiting_vendor: NotificationSetting::default(),
            part_reminder: NotificationSetting::default(),
            part_in_transit: NotificationSetting::default(),
            part_delivered: NotificationSetting::default(),
        }
    }
}

impl MailSettings for VendorNotifications {
    const PATH: &'static str = "vendor_notifications";
    const KINDS: &'static [NotificationKind] = &NotificationKind::VENDOR;

    fn setting(&self, kind: NotificationKind) -> Option<&NotificationSetting> {
        match kind {
            NotificationKind::PartAwaitingVendor => Some(&self.part_awaiting_vendor),
            NotificationKind::PartReminder => Some(&self.part_reminder),
            NotificationKind::PartInTransit => Some(&self.part_in_transit),
            NotificationKind::PartDelivered => Some(&self.part_delivered),
            _ => None,
        }
    }
}

/// Every error of the staff and vendor mail settings beyond their
/// templates: addresses, their number, the staff locale, the reminder.
pub fn check_business(
    staff: &StaffNotifications,
    vendors: &VendorNotifications,
    locales: &BTreeSet<&str>,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if staff.recipients.len() > MAX_STAFF_RECIPIENTS {
        errors.push(FieldError::new(
            "staff_notifications.recipients",
            ErrorCode::InvalidLength,
            format!("at most {MAX_STAFF_RECIPIENTS} addresses"),
        ));
    }
    let mut seen = BTreeSet::new();
    for (i, address) in staff.recipients.iter().enumerate() {
        let at = format!("staff_notifications.recipients[{i}]");
        match crate::domain::contact::normalize_email(address) {
            Some(norm) if seen.insert(norm.clone()) => {}
            Some(_) => errors.push(FieldError::new(
                at,
                ErrorCode::Duplicate,
                "appears more than once",
            )),
            None => errors.push(FieldError::new(
                at,
                ErrorCode::InvalidEmail,
                "not an e-mail address",
            )),
        }
    }
    if let Some(locale) = &staff.locale
        && !locales.contains(locale.as_str())
    {
        errors.push(FieldError::new(
            "staff_notifications.locale",
            ErrorCode::UnknownLocale,
            "not one of `locales`",
        ));
    }
    if !(1..=720).contains(&vendors.reminder_hours) {
        errors.push(FieldError::new(
            "vendor_notifications.reminder_hours",
            ErrorCode::OutOfRange,
            "must be between 1 and 720",
        ));
    }
    errors.extend(staff.check(locales));
    errors.extend(vendors.check(locales));
    errors
}

/// An event as the mail rules read it.
#[derive(Debug, Clone, Copy)]
pub struct MailEvent<'a> {
    /// Its type.
    pub event_type: EventType,
    /// Who acted (`customer`, `system`, `merchant:…`, `vendor:…`, `carrier:…`).
    pub actor: &'a str,
    /// Whether it is about a vendor's part.
    pub vendor_part: bool,
}

/// What the merchant's staff are told of an event, given the types of
/// every event of the same change: a return that waits for review (asked
/// for and not approved with it), a vendor's own rejection (not one the
/// merchant made for it), a missed deadline, a failed label, a disabled
/// webhook endpoint.
pub fn staff_kind(event: MailEvent<'_>, change: &[EventType]) -> Option<NotificationKind> {
    let approved = change.contains(&EventType::ReturnApproved);
    let unpaid = change.contains(&EventType::ReturnPaymentRequired);
    let waits = |asked: bool| !(approved || (asked && unpaid));
    match event.event_type {
        // A return that waits for the customer's payment waits for review
        // only once it is paid.
        EventType::ReturnRequested if waits(true) => Some(NotificationKind::ReturnAwaitsReview),
        EventType::ReturnPaymentReceived if waits(false) => {
            Some(NotificationKind::ReturnAwaitsReview)
        }
        EventType::ReturnVendorRejected if event.actor.starts_with("vendor:") => {
            Some(NotificationKind::PartRejectedByVendor)
        }
        EventType::ReturnPartOverdue => Some(NotificationKind::VendorOverdue),
        EventType::LabelFailed => Some(NotificationKind::LabelFailed),
        EventType::WebhookEndpointDisabled => Some(NotificationKind::WebhookEndpointDisabled),
        EventType::ExchangeOverdue => Some(NotificationKind::ExchangeOverdue),
        _ => None,
    }
}

/// What a vendor is told of an event of its own part: that the part waits
/// for it, that its parcel travels, that it was delivered.
pub fn vendor_kind(event: MailEvent<'_>) -> Option<NotificationKind> {
    if !event.vendor_part {
        return None;
    }
    match event.event_type {
        EventType::ReturnPartAwaitingVendor => Some(NotificationKind::PartAwaitingVendor),
        EventType::ReturnPartInTransit => Some(NotificationKind::PartInTransit),
        EventType::ReturnDelivered => Some(NotificationKind::PartDelivered),
        _ => None,
    }
}

/// A rendered mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedMail {
    /// Subject: one line.
    pub subject: String,
    /// HTML body.
    pub html: String,
}

/// Renders a template with its context: the subject as plain text on one
/// line, the body as HTML with every value escaped. Runs within the bounds
/// of the module doc; a template hitting one is an error.
pub fn render(template: &MailTemplate, context: &MailContext) -> Result<RenderedMail, String> {
    let mut parts = render_bounded(
        &[("subject", &template.subject), ("body", &template.body)],
        context,
        true,
    )
    .into_iter();
    let mut next = || {
        parts
            .next()
            .unwrap_or_else(|| Err("could not be rendered".into()))
    };
    let subject = next()?;
    let html = next()?;
    let subject: String = subject
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(MAX_RENDERED_SUBJECT)
        .collect();
    Ok(RenderedMail { subject, html })
}

/// Renders each `(part, source)` in order in a bounded process, and returns
/// one result per part (the rendered text when `keep`, else empty). A part
/// that ends the process (its memory, the time) is an error, and the parts
/// after it are rendered in a new one. All of them share one
/// [`RENDER_TIME`]: the parts left when it is spent are errors too.
fn render_bounded(
    parts: &[(&str, &str)],
    context: &MailContext,
    keep: bool,
) -> Vec<Result<String, String>> {
    let context = Value::from(minijinja::value::Serde(context));
    let deadline = std::time::Instant::now() + RENDER_TIME;
    let mut results: Vec<Result<String, String>> = Vec::with_capacity(parts.len());
    while results.len() < parts.len() {
        let rest = &parts[results.len()..];
        let time = deadline.saturating_duration_since(std::time::Instant::now());
        if time.is_zero() {
            let why = format!(
                "not rendered: the templates took longer than {} ms",
                RENDER_TIME.as_millis()
            );
            results.extend(rest.iter().map(|_| Err(why.clone())));
            break;
        }
        let limits = Limits {
            memory: RENDER_MEMORY,
            time,
            output: rest.len().saturating_mul(MAX_RENDERED + 1024),
        };
        let run = sandbox::run(limits, |answer| {
            for (part, source) in rest {
                let result = render_part(part, source, &context);
                answer.send(&frame(
                    result.map(|text| if keep { text } else { String::new() }),
                ));
            }
        });
        let before = results.len();
        results.extend(unframe(&run.answer).into_iter().take(rest.len()));
        if results.len() < parts.len() {
            let why = match run.exceeded {
                Some(Exceeded::Memory) => format!(
                    "needs more than {} MiB of memory to render",
                    RENDER_MEMORY >> 20
                ),
                Some(Exceeded::Time) => format!(
                    "runs longer than {} ms (with the templates before it)",
                    RENDER_TIME.as_millis()
                ),
                Some(Exceeded::Output) => format!("renders longer than {MAX_RENDERED} bytes"),
                Some(Exceeded::Unavailable) => {
                    "could not be rendered: no process to render it in".into()
                }
                None if results.len() == before => "could not be rendered".into(),
                None => continue,
            };
            results.push(Err(why));
        }
    }
    results
}

/// One result as bytes: `0` and the text, or `1` and the error, after the
/// text's length (4 bytes, little-endian).
fn frame(result: Result<String, String>) -> Vec<u8> {
    let (tag, text) = match result {
        Ok(text) => (0u8, text),
        Err(e) => (1u8, e),
    };
    let len = u32::try_from(text.len()).unwrap_or(u32::MAX);
    let mut bytes = Vec::with_capacity(5 + text.len());
    bytes.push(tag);
    bytes.extend_from_slice(&len.to_le_bytes());
    bytes.extend_from_slice(&text.as_bytes()[..len as usize]);
    bytes
}

/// The whole frames at the start of `bytes`.
fn unframe(mut bytes: &[u8]) -> Vec<Result<String, String>> {
    let mut results = Vec::new();
    while let [tag, a, b, c, d, rest @ ..] = bytes {
        let len = u32::from_le_bytes([*a, *b, *c, *d]) as usize;
        let Some(text) = rest.get(..len) else { break };
        let text = String::from_utf8_lossy(text).into_owned();
        results.push(if *tag == 0 { Ok(text) } else { Err(text) });
        bytes = &rest[len..];
    }
    results
}

/// Renders the `subject` (no escaping) or `body` (HTML escaping) of a
/// template, on the fuel budget and within [`MAX_RENDERED`].
fn render_part(part: &str, source: &str, context: &Value) -> Result<String, String> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|name| {
        if name == "body" {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    env.set_undefined_behavior(UndefinedBehavior::Lenient);
    env.set_fuel(Some(FUEL));
    env.set_recursion_limit(50);
    env.set_formatter(print);
    let text = env
        .render_named_str(part, source, context.clone())
        .map_err(|e| describe(&e))?;
    if text.len() > MAX_RENDERED {
        return Err(format!("renders longer than {MAX_RENDERED} bytes"));
    }
    Ok(text)
}

/// Prints a `{{ }}` value like minijinja does, except that a list or map
/// is written through a counter which stops at [`MAX_RENDERED`] bytes
/// rather than first turned into one string of any length.
fn print(out: &mut Output, state: &mut State, value: &Value) -> Result<(), minijinja::Error> {
    if value.as_object().is_none() {
        return minijinja::escape_formatter(out, state, value);
    }
    let mut capped = Capped {
        out,
        left: MAX_RENDERED,
        html: matches!(state.auto_escape(), AutoEscape::Html),
    };
    write!(capped, "{value}").map_err(|_| {
        minijinja::Error::new(
            ErrorKind::InvalidOperation,
            format!("a value prints longer than {MAX_RENDERED} bytes"),
        )
    })
}

/// Writes into the output, HTML-escaped or not, until its budget is spent.
struct Capped<'o, 'w> {
    out: &'o mut Output<'w>,
    left: usize,
    html: bool,
}

impl fmt::Write for Capped<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.left = self.left.checked_sub(s.len()).ok_or(fmt::Error)?;
        if self.html {
            write!(self.out, "{}", HtmlEscape(s))
        } else {
            self.out.write_str(s)
        }
    }
}

/// A template error in one line, with its line number.
fn describe(e: &minijinja::Error) -> String {
    let detail: String = e
        .detail()
        .map(|d| format!(": {d}").chars().take(300).collect())
        .unwrap_or_default();
    match e.line() {
        Some(line) => format!("{}{detail} (line {line})", e.kind()),
        None => format!("{}{detail}", e.kind()),
    }
}

/// What a template sees (see [`Notifications`] for the list).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MailContext {
    /// The return.
    #[serde(rename = "return")]
    pub ret: ReturnContext,
    /// The brand.
    pub brand: BrandContext,
    /// The customer.
    pub customer: CustomerContext,
    /// The first parcel's label page (poll, then download).
    pub label_url: Option<String>,
    /// Every parcel's label page.
    pub label_urls: Vec<String>,
    /// Rejection reason code.
    pub reason: Option<String>,
    /// Rejection note to the customer.
    pub note: Option<String>,
    /// The resolution given.
    pub resolution: Option<ResolutionContext>,
    /// The vendor's part the event is about, if any.
    pub part: Option<PartContext>,
    /// The webhook endpoint a staff mail is about, if any.
    pub endpoint: Option<EndpointContext>,
    /// What the customer owes for dearer exchanges, if anything.
    pub payment: Option<PaymentContext>,
    /// The exchange an event is about: the new sale, or the instant
    /// exchange's deadline.
    pub exchange: Option<ExchangeContext>,
}

/// What the customer owes, as a template sees it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PaymentContext {
    /// The amount due, formatted (`10.00 EUR`).
    pub amount_due: String,
}

/// An exchange, as a template sees it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ExchangeContext {
    /// The new sale's reference.
    pub reference: Option<String>,
    /// By when the original must be scanned (RFC 3339), instant exchanges.
    pub due_at: Option<String>,
    /// The replacements.
    pub items: Vec<ExchangeItemContext>,
}

/// One replacement, as a template sees it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ExchangeItemContext {
    /// The SKU sent back.
    pub sku: String,
    /// The variant sent in its place.
    pub variant_sku: String,
    /// Units.
    pub quantity: u32,
}

/// A webhook endpoint, as a staff template sees it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EndpointContext {
    /// Id (`we_…`).
    pub id: String,
    /// Its URL.
    pub url: String,
}

/// A vendor's part of the return, as a template sees it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PartContext {
    /// The vendor's name.
    pub vendor: String,
    /// The part's items.
    pub items: Vec<ItemContext>,
    /// Where it goes, line by line (once approved).
    pub address: Vec<String>,
    /// The vendor's instructions in the customer's locale.
    pub instructions: Option<String>,
    /// The part's label page.
    pub label_url: Option<String>,
    /// Until when the vendor may answer (RFC 3339).
    pub due_at: Option<String>,
    /// The vendor's rule at its deadline (`none`, `approve`, `reject`,
    /// `escalate`).
    pub on_timeout: Option<String>,
    /// The parcel's tracking number.
    pub tracking_number: Option<String>,
}

/// The return, as a template sees it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ReturnContext {
    /// Id (`ret_…`).
    pub id: String,
    /// RMA number.
    pub rma: String,
    /// Status at the event.
    pub status: Option<ReturnStatus>,
    /// Order number.
    pub order_number: String,
    /// Estimated refund, e.g. `12.50 EUR`.
    pub estimated_refund: String,
    /// Items.
    pub items: Vec<ItemContext>,
}

/// An item of the return.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ItemContext {
    /// Name.
    pub name: String,
    /// SKU.
    pub sku: String,
    /// Units requested.
    pub quantity: u32,
    /// Units approved.
    pub approved_quantity: u32,
    /// Units received.
    pub received_quantity: u32,
}

/// The brand.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BrandContext {
    /// Display name.
    pub name: String,
}

/// The customer.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CustomerContext {
    /// Name on the order, if any.
    pub name: Option<String>,
}

/// The resolution given.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ResolutionContext {
    /// `refund`, `store_credit` or `exchange`.
    #[serde(rename = "type")]
    pub resolution: String,
    /// Amount refunded or credited, e.g. `19.99 EUR`.
    pub amount: Option<String>,
    /// The exchange order.
    pub exchange_order_reference: Option<String>,
    /// Note.
    pub note: Option<String>,
}

impl MailContext {
    /// Every variable filled in: what templates are checked with.
    pub fn sample() -> MailContext {
        MailContext {
            ret: ReturnContext {
                id: "ret_sample".into(),
                rma: "RET-SAMPLE".into(),
                status: Some(ReturnStatus::Approved),
                order_number: "1001".into(),
                estimated_refund: "19.99 EUR".into(),
                items: vec![ItemContext {
                    name: "Sample shirt".into(),
                    sku: "SKU-1".into(),
                    quantity: 1,
                    approved_quantity: 1,
                    received_quantity: 1,
                }],
            },
            brand: BrandContext {
                name: "Sample brand".into(),
            },
            customer: CustomerContext {
                name: Some("Sam Sample".into()),
            },
            label_url: Some("https://returns.example/v1/labels/lbl_sample?token=t".into()),
            label_urls: vec!["https://returns.example/v1/labels/lbl_sample?token=t".into()],
            reason: Some("final_sale".into()),
            note: Some("Sale items cannot be returned.".into()),
            resolution: Some(ResolutionContext {
                resolution: "refund".into(),
                amount: Some("19.99 EUR".into()),
                exchange_order_reference: None,
                note: None,
            }),
            part: Some(PartContext {
                vendor: "Sample vendor".into(),
                items: vec![ItemContext {
                    name: "Sample shirt".into(),
                    sku: "SKU-1".into(),
                    quantity: 1,
                    approved_quantity: 1,
                    received_quantity: 0,
                }],
                address: vec![
                    "Sample Returns".into(),
                    "Main street 1".into(),
                    "1000 AA Amsterdam NL".into(),
                ],
                instructions: Some("Keep the tags on.".into()),
                label_url: Some("https://returns.example/v1/labels/lbl_sample?token=t".into()),
                due_at: Some("2026-12-10T12:00:00+00:00".into()),
                on_timeout: Some("escalate".into()),
                tracking_number: Some("3SABC1234567".into()),
            }),
            endpoint: Some(EndpointContext {
                id: "we_sample".into(),
                url: "https://hooks.example/returns".into(),
            }),
            payment: Some(PaymentContext {
                amount_due: "5.00 EUR".into(),
            }),
            exchange: Some(ExchangeContext {
                reference: Some("SO-1001".into()),
                due_at: Some("2026-12-24T12:00:00Z".into()),
                items: vec![ExchangeItemContext {
                    sku: "SKU-1".into(),
                    variant_sku: "SKU-2".into(),
                    quantity: 1,
                }],
            }),
        }
    }
}

/// `1999` minor units of EUR as `19.99 EUR`.
pub fn format_money(amount: i64, exponent: u32, currency: &str) -> String {
    if exponent == 0 {
        return format!("{amount} {currency}");
    }
    let unit = 10i64.pow(exponent);
    let sign = if amount < 0 { "-" } else { "" };
    let abs = amount.unsigned_abs();
    let unit = unit.unsigned_abs();
    format!(
        "{sign}{}.{:0width$} {currency}",
        abs / unit,
        abs % unit,
        width = exponent as usize
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locales<'a>(list: &[&'a str]) -> BTreeSet<&'a str> {
        list.iter().copied().collect()
    }

    #[test]
    fn the_built_in_templates_are_valid_and_mention_the_rma() {
        for kind in NotificationKind::CUSTOMER {
            let mut n = Notifications::default();
            n.get_mut(kind)
                .expect("a customer kind")
                .templates
                .insert("en".into(), kind.default_template());
            assert_eq!(n.check(&locales(&["en"])), vec![], "{kind:?}");
            let mail = render(&kind.default_template(), &MailContext::sample()).unwrap();
            assert!(mail.subject.contains("RET-SAMPLE"), "{kind:?}");
            assert!(mail.html.contains("Sam Sample"), "{kind:?}");
        }
    }

    #[test]
    fn every_kind_belongs_to_exactly_one_audience_and_its_settings() {
        use strum::IntoEnumIterator;
        let staff = StaffNotifications::default();
        let vendors = VendorNotifications::default();
        let customer = Notifications::default();
        for kind in NotificationKind::iter() {
            let found = [
                customer.setting(kind).is_some(),
                staff.setting(kind).is_some(),
                vendors.setting(kind).is_some(),
            ];
            assert_eq!(found.iter().filter(|f| **f).count(), 1, "{kind:?}");
            let expected = match kind.audience() {
                Audience::Customer => 0,
                Audience::Staff => 1,
                Audience::Vendor => 2,
            };
            assert!(found[expected], "{kind:?}");
        }
    }

    #[test]
    fn the_staff_and_vendor_templates_render_the_sample_and_never_name_the_customer() {
        for kind in NotificationKind::STAFF
            .into_iter()
            .chain(NotificationKind::VENDOR)
        {
            let mail = render(&kind.default_template(), &MailContext::sample()).unwrap();
            assert!(!mail.html.contains("Sam Sample"), "{kind:?}");
            if kind != NotificationKind::WebhookEndpointDisabled {
                assert!(mail.subject.contains("RET-SAMPLE"), "{kind:?}");
            }
        }
    }

    #[test]
    fn staff_addresses_are_checked_each_once_and_at_most_twenty() {
        let mut staff = StaffNotifications {
            recipients: vec![
                "Ops@Shop.example".into(),
                "ops@shop.example".into(),
                "nope".into(),
            ],
            locale: Some("fr".into()),
            ..Default::default()
        };
        let vendors = VendorNotifications {
            reminder_hours: 0,
            ..Default::default()
        };
        let fields: Vec<String> = check_business(&staff, &vendors, &locales(&["en"]))
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            vec![
                "staff_notifications.recipients[1]",
                "staff_notifications.recipients[2]",
                "staff_notifications.locale",
                "vendor_notifications.reminder_hours",
            ]
        );
        staff.recipients = (0..21).map(|i| format!("a{i}@shop.example")).collect();
        staff.locale = None;
        let errors = check_business(&staff, &VendorNotifications::default(), &locales(&["en"]));
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "staff_notifications.recipients");
    }

    #[test]
    fn staff_are_mailed_only_about_the_kinds_turned_on() {
        let mut staff = StaffNotifications {
            recipients: vec!["ops@shop.example".into()],
            ..Default::default()
        };
        staff.label_failed.enabled = true;
        assert_eq!(staff.recipients_of(NotificationKind::LabelFailed).len(), 1);
        assert!(
            staff
                .recipients_of(NotificationKind::VendorOverdue)
                .is_empty()
        );
    }

    #[test]
    fn the_body_is_html_escaped_and_the_subject_is_one_plain_line() {
        let mut context = MailContext::sample();
        context.customer.name = Some("<b>Eve</b> & Co".into());
        let template = MailTemplate {
            subject: "Hi {{ customer.name }}\n\r\nBcc: x@example.com".into(),
            body: "<p>{{ customer.name }}</p>".into(),
        };
        let mail = render(&template, &context).unwrap();
        assert_eq!(mail.html, "<p>&lt;b&gt;Eve&lt;&#x2f;b&gt; &amp; Co</p>");
        assert_eq!(mail.subject, "Hi <b>Eve</b> & Co Bcc: x@example.com");
    }

    #[test]
    fn a_syntax_error_or_unknown_filter_is_reported_at_its_field() {
        let mut n = Notifications::default();
        n.return_approved.templates.insert(
            "nl".into(),
            MailTemplate {
                subject: "{{ return.rma | no_such_filter }}".into(),
                body: "{% if label_url %}unclosed".into(),
            },
        );
        let errors = n.check(&locales(&["en", "nl"]));
        let fields: Vec<(&str, ErrorCode)> =
            errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            fields,
            vec![
                (
                    "notifications.return_approved.templates.nl.subject",
                    ErrorCode::InvalidTemplate
                ),
                (
                    "notifications.return_approved.templates.nl.body",
                    ErrorCode::InvalidTemplate
                ),
            ]
        );
    }

    #[test]
    fn a_runaway_loop_runs_out_of_fuel() {
        let template = MailTemplate {
            subject: "x".into(),
            body: "{% for a in range(10000) %}{% for b in range(10000) %}.{% endfor %}{% endfor %}"
                .into(),
        };
        assert!(render(&template, &MailContext::sample()).is_err());
    }

    /// Renders `body` and asserts it is refused within 100 ms.
    /// The bound leaves room for a loaded machine (compilers running next
    /// to the tests); without the limits these templates run for many
    /// seconds and gigabytes.
    fn refused_quickly(body: &str) -> String {
        refused_quickly_within(body, std::time::Duration::from_secs(1))
    }

    /// Renders `body` and asserts it is refused within `bound` (one
    /// rendering at a time: those that spin until the deadline would slow
    /// the others down).
    fn refused_quickly_within(body: &str, bound: std::time::Duration) -> String {
        let _one_at_a_time = sandbox::tests::one_at_a_time();
        let template = MailTemplate {
            subject: "x".into(),
            body: body.into(),
        };
        let started = std::time::Instant::now();
        let error = render(&template, &MailContext::sample()).expect_err(body);
        assert!(started.elapsed() < bound, "{body}: {:?}", started.elapsed());
        error
    }

    #[test]
    fn a_huge_repeated_list_printed_is_refused_quickly() {
        let error = refused_quickly(r#"{{ ["x" * 40000] * 40000 }}"#);
        assert!(error.contains("prints longer than"), "{error}");
    }

    #[test]
    fn a_huge_repeated_string_is_refused_quickly() {
        refused_quickly("{{ 'x' * 10**8 }}");
        refused_quickly("{% set s = 'x' * 10**8 %}{{ s|length }}");
    }

    #[test]
    fn joining_a_huge_repeated_list_is_refused_quickly() {
        refused_quickly("{{ [1] * 10**8 | join }}");
        refused_quickly("{{ ([1] * 10**8) | join }}");
        refused_quickly(r#"{{ (["x" * 40000] * 40000) | join("y" * 40000) | length }}"#);
        // The engine charges this join only once it is done: the process's
        // memory cap stops it, some 30 ms in (more in a debug build).
        let error = refused_quickly_within(
            r#"{{ (["x" * 40000] * 40000) | join | length }}"#,
            std::time::Duration::from_millis(500),
        );
        assert!(error.contains("MiB of memory"), "{error}");
    }

    #[test]
    fn a_huge_list_printed_inside_a_block_is_refused_quickly() {
        for body in [
            r#"{{ {"a": ["x" * 40000] * 40000} }}"#,
            r#"{{ [[["x" * 40000] * 40000] * 40000] }}"#,
            r#"{% filter upper %}{{ ["x" * 40000] * 40000 }}{% endfilter %}"#,
            r#"{% macro m() %}{{ ["x" * 40000] * 40000 }}{% endmacro %}{{ m() | length }}"#,
            r#"{% set s %}{{ ["x" * 40000] * 40000 }}{% endset %}{{ s | length }}"#,
        ] {
            refused_quickly(body);
        }
    }

    #[test]
    fn a_huge_list_turned_into_one_string_is_stopped_by_the_memory_or_the_clock() {
        // `~`, `string`, `e`, `safe`, `pprint` and `format` turn the list
        // into one string before the engine can charge it: only the
        // process's bounds stop them.
        for body in [
            r#"{{ (["x" * 40000] * 40000) ~ "" }}"#,
            r#"{{ (["x" * 40000] * 40000) | string | length }}"#,
            r#"{{ (["x" * 40000] * 40000) | e | length }}"#,
            r#"{{ (["x" * 40000] * 40000) | safe }}"#,
            r#"{{ (["x" * 40000] * 40000) | pprint | length }}"#,
            r#"{{ "%s" | format(["x" * 40000] * 40000) | length }}"#,
        ] {
            refused_quickly_within(body, RENDER_TIME + std::time::Duration::from_millis(500));
        }
    }

    #[test]
    fn concatenation_and_set_accumulation_in_loops_are_refused_quickly() {
        refused_quickly(
            "{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
        );
        refused_quickly(
            "{% set ns = namespace(s='x' * 40000) %}{% for i in range(100000) %}{% set ns.s = ns.s ~ 'x' %}{% endfor %}",
        );
        let doubling = "{% set a = a ~ a %}".repeat(40);
        refused_quickly(&format!(
            "{{% set a = 'xxxxxxxx' %}}{doubling}{{{{ a|length }}}}"
        ));
        refused_quickly(
            "{% set x %}{% for a in range(100000) %}{{ 'x' * 40000 }}{% endfor %}{% endset %}{{ x|length }}",
        );
    }

    #[test]
    fn big_ranges_and_nested_loops_are_refused_quickly() {
        refused_quickly("{% for i in range(10**8) %}{% endfor %}");
        refused_quickly("{{ range(10**8) | join }}");
        refused_quickly(
            "{% for a in range(100000) %}{% for b in range(100000) %}{{ a }}{% endfor %}{% endfor %}",
        );
        refused_quickly("{% for a in ['x' * 40000] * 40000 %}{{ a }}{% endfor %}");
    }

    #[test]
    fn work_the_fuel_does_not_count_is_stopped_by_the_clock_or_the_memory_cap() {
        // Comparing 40,000 strings of 40 KB costs the engine little fuel but
        // seconds of work; which bound it meets first depends on the host.
        let error = refused_quickly_within(
            r#"{{ (["x" * 40000] * 40000) | max | length }}{{ (["x" * 40000] * 40000) | max | length }}"#,
            RENDER_TIME + std::time::Duration::from_millis(500),
        );
        assert!(
            error.contains("runs longer than") || error.contains("of memory to render"),
            "{error}"
        );
    }

    #[test]
    fn a_template_hitting_a_bound_is_refused_at_its_field_and_the_others_are_still_checked() {
        let _one_at_a_time = sandbox::tests::one_at_a_time();
        let mut n = Notifications::default();
        n.return_approved.templates.insert(
            "en".into(),
            MailTemplate {
                subject: r#"{{ (["x" * 40000] * 40000) | join }}"#.into(),
                body: "{{ return.rma | no_such_filter }}".into(),
            },
        );
        let errors = n.check(&locales(&["en"]));
        let fields: Vec<(&str, ErrorCode)> =
            errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            fields,
            vec![
                (
                    "notifications.return_approved.templates.en.subject",
                    ErrorCode::InvalidTemplate
                ),
                (
                    "notifications.return_approved.templates.en.body",
                    ErrorCode::InvalidTemplate
                ),
            ]
        );
        assert!(
            errors[0].message.contains("MiB of memory")
                || errors[0].message.contains("longer than"),
            "{errors:?}"
        );
        assert!(errors[1].message.contains("no_such_filter"), "{errors:?}");
    }

    #[test]
    fn an_ordinary_template_renders_within_the_bounds() {
        let template = MailTemplate {
            subject: "{{ return.rma }}".into(),
            body: "{% for i in range(100) %}{{ return.items }}{{ i }} {% endfor %}".into(),
        };
        let mail = render(&template, &MailContext::sample()).unwrap();
        assert_eq!(mail.subject, "RET-SAMPLE");
        assert!(mail.html.contains("Sample shirt"), "{}", mail.html);
    }

    #[test]
    fn templates_only_for_the_brands_locales_and_bounded_in_size() {
        let mut n = Notifications::default();
        n.return_received.templates.insert(
            "fr".into(),
            MailTemplate {
                subject: "s".repeat(MAX_SUBJECT + 1),
                body: " ".into(),
            },
        );
        let codes: Vec<ErrorCode> = n.check(&locales(&["en"])).iter().map(|e| e.code).collect();
        assert_eq!(
            codes,
            vec![
                ErrorCode::UnknownLocale,
                ErrorCode::InvalidLength,
                ErrorCode::Required
            ]
        );
    }

    #[test]
    fn the_template_falls_back_to_the_language_then_the_default_locale_then_english() {
        let mut n = Notifications::default();
        let t = |s: &str| MailTemplate {
            subject: s.into(),
            body: s.into(),
        };
        n.return_approved.templates.insert("de".into(), t("de"));
        n.return_approved.templates.insert("nl".into(), t("nl"));
        let kind = NotificationKind::ReturnApproved;
        assert_eq!(n.template(kind, "de-AT", "nl").0, "de");
        assert_eq!(n.template(kind, "fr", "nl").0, "nl");
        assert_eq!(n.template(kind, "nl", "en").1, t("nl"));
        let (locale, fallback) = n.template(NotificationKind::ReturnRejected, "nl", "nl");
        assert_eq!(locale, "en");
        assert_eq!(
            fallback,
            NotificationKind::ReturnRejected.default_template()
        );
    }

    #[test]
    fn only_the_customer_steps_and_the_vendors_answers_send_mail() {
        use strum::IntoEnumIterator;
        let mailed: BTreeSet<NotificationKind> = EventType::iter()
            .filter_map(NotificationKind::for_event)
            .collect();
        assert_eq!(mailed, NotificationKind::CUSTOMER.into_iter().collect());
        assert_eq!(
            EventType::iter()
                .filter(|e| NotificationKind::for_event(*e).is_some())
                .count(),
            NotificationKind::CUSTOMER.len()
        );
        assert_eq!(
            NotificationKind::for_event(EventType::ReturnPartReceived),
            None
        );
    }

    #[test]
    fn money_is_written_with_the_currencys_decimals() {
        assert_eq!(format_money(1999, 2, "EUR"), "19.99 EUR");
        assert_eq!(format_money(5, 2, "EUR"), "0.05 EUR");
        assert_eq!(format_money(1200, 0, "JPY"), "1200 JPY");
    }

    fn mail(event_type: EventType, actor: &str, vendor_part: bool) -> MailEvent<'_> {
        MailEvent {
            event_type,
            actor,
            vendor_part,
        }
    }

    #[test]
    fn staff_hear_of_a_return_that_waits_for_review_but_not_of_one_approved_at_once() {
        let requested = mail(EventType::ReturnRequested, "customer", false);
        assert_eq!(
            staff_kind(requested, &[EventType::ReturnRequested]),
            Some(NotificationKind::ReturnAwaitsReview)
        );
        let both = [EventType::ReturnRequested, EventType::ReturnApproved];
        assert_eq!(staff_kind(requested, &both), None);
    }

    #[test]
    fn staff_hear_of_a_return_waiting_for_payment_only_once_it_is_paid_and_not_approved() {
        let requested = mail(EventType::ReturnRequested, "customer", false);
        let unpaid = [EventType::ReturnRequested, EventType::ReturnPaymentRequired];
        assert_eq!(staff_kind(requested, &unpaid), None);
        let paid = mail(EventType::ReturnPaymentReceived, "merchant:key_1", false);
        assert_eq!(
            staff_kind(paid, &[EventType::ReturnPaymentReceived]),
            Some(NotificationKind::ReturnAwaitsReview)
        );
        let approved = [EventType::ReturnPaymentReceived, EventType::ReturnApproved];
        assert_eq!(staff_kind(paid, &approved), None);
    }

    #[test]
    fn staff_hear_of_a_vendors_own_rejection_not_of_one_they_made_for_it() {
        let by_vendor = mail(EventType::ReturnVendorRejected, "vendor:nordic", true);
        assert_eq!(
            staff_kind(by_vendor, &[]),
            Some(NotificationKind::PartRejectedByVendor)
        );
        let by_merchant = mail(EventType::ReturnVendorRejected, "merchant:key_1", true);
        assert_eq!(staff_kind(by_merchant, &[]), None);
        let by_deadline = mail(EventType::ReturnVendorRejected, "system", true);
        assert_eq!(staff_kind(by_deadline, &[]), None);
    }

    #[test]
    fn a_vendor_hears_only_of_its_own_parts_waiting_travelling_and_delivered() {
        for (event_type, kind) in [
            (
                EventType::ReturnPartAwaitingVendor,
                NotificationKind::PartAwaitingVendor,
            ),
            (
                EventType::ReturnPartInTransit,
                NotificationKind::PartInTransit,
            ),
            (EventType::ReturnDelivered, NotificationKind::PartDelivered),
        ] {
            assert_eq!(vendor_kind(mail(event_type, "system", true)), Some(kind));
            assert_eq!(vendor_kind(mail(event_type, "system", false)), None);
        }
        assert_eq!(
            vendor_kind(mail(EventType::ReturnApproved, "system", true)),
            None
        );
    }
}
