//! Every error code the API sends, in one list.
//!
//! A code names one kind of problem for good: clients branch on it, so a code
//! is never renamed or reused for something else. Each code has one HTTP
//! status ([`ErrorCode::status`]); codes that only ever describe a field
//! (`errors[].code`) are 422 when they head a problem document.

use serde::Serialize;
use utoipa::ToSchema;

/// A stable, machine-readable error code (`Problem.code` and `FieldError.code`).
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
    ToSchema,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ErrorCode {
    // 400: the request cannot be read.
    /// The body could not be read, or a field has the wrong type or is unknown.
    InvalidBody,
    /// The body is not JSON.
    MalformedJson,
    /// The query string is invalid.
    InvalidQuery,
    /// The query string names a parameter the operation does not take.
    UnknownParameter,
    /// The multipart form could not be read.
    InvalidMultipart,
    /// `Idempotency-Key` is not 1–255 visible ASCII characters.
    InvalidIdempotencyKey,

    // 401: credentials.
    /// No credential was sent.
    MissingCredentials,
    /// The API key is invalid or revoked.
    InvalidCredentials,
    /// The token is invalid, expired or for another resource.
    InvalidToken,
    /// A signed request (carrier tracking events) is unsigned, signed with
    /// another secret, stale (timestamp over five minutes away) or from a
    /// carrier without a tracking secret.
    InvalidSignature,

    // 403: valid credentials, not allowed here.
    /// The operation needs an admin API key.
    AdminRequired,
    /// The token's scope does not cover this endpoint.
    InsufficientScope,
    /// The token belongs to another brand.
    WrongBrand,
    /// The browser origin is not among the brand's allowed origins.
    OriginNotAllowed,
    /// The operation needs a vendor API key.
    VendorKeyRequired,

    // 404: not found (also for other tenants' resources).
    /// No resource at this path.
    NotFound,
    /// No route matches the path.
    RouteNotFound,
    /// No such brand, or not the caller's.
    BrandNotFound,
    /// No such order (lookup mismatches all answer this).
    OrderNotFound,
    /// No such return, or not the caller's.
    ReturnNotFound,
    /// A label-less return has no PDF.
    NoPdf,
    /// A printed-label return has no QR code.
    NoQrCode,
    /// No such webhook endpoint, or not the caller's.
    EndpointNotFound,
    /// No such webhook delivery, or not the caller's.
    DeliveryNotFound,
    /// No such vendor, or not the caller's.
    VendorNotFound,
    /// No such part of the return (shipment), or not the caller's.
    PartNotFound,
    /// No such API key, or not the caller's.
    KeyNotFound,
    /// No such product in the brand's catalogue.
    ProductNotFound,
    /// No such variant (SKU) in the brand's catalogue.
    VariantNotFound,
    /// No such order line in the token's order.
    LineNotFound,
    /// No receipt of the brand has this id.
    ReceiptNotFound,
    /// No unit of this receipt has this id.
    UnitNotFound,
    /// No such photo, or its link is wrong, expired or another photo's.
    PhotoNotFound,

    // 405.
    /// The path exists but not with this method (see `Allow`).
    MethodNotAllowed,

    // 408.
    /// The request body did not arrive in time.
    RequestTimeout,

    // 409: state conflicts.
    /// The resource already exists.
    Conflict,
    /// A brand with this slug exists.
    BrandExists,
    /// Another brand uses this custom domain.
    DomainTaken,
    /// The return's status does not allow this action.
    InvalidTransition,
    /// The parcel is travelling; the return can no longer be cancelled.
    NotCancellable,
    /// Other returns took the units meanwhile.
    QuantityConflict,
    /// The label is not ready yet.
    LabelNotReady,
    /// The webhook endpoint is disabled; enable it first.
    EndpointDisabled,
    /// A vendor with this id, or for this order-line vendor name, exists.
    VendorExists,
    /// The vendor's time to answer has not run out; the merchant may
    /// decide for it only after `vendor_due_at`.
    VendorResponsePending,
    /// Another product of the brand has this SKU.
    SkuTaken,
    /// The variant wanted in exchange has fewer units left than asked.
    OutOfStock,

    // 412 / 428: conditional requests.
    /// The resource changed since it was read (`If-Match`).
    PreconditionFailed,
    /// `If-Match` is required.
    PreconditionRequired,

    // 413 / 415: bodies.
    /// The body is over the limit.
    PayloadTooLarge,
    /// The photo is over 5 MB.
    FileTooLarge,
    /// The body's media type is not accepted.
    UnsupportedMediaType,

    // 422: well-formed but invalid. Problem-level codes first.
    /// One or more fields are invalid (see `errors`).
    ValidationFailed,
    /// The brand does not accept this verifier for lookup.
    LookupMethodNotAllowed,
    /// The `Idempotency-Key` was used with another request.
    IdempotencyKeyReused,
    /// An approval that approves no unit.
    NothingApproved,
    /// The order has reached its number of photos.
    TooManyUploads,
    /// The carrier refused the label for good (label poll).
    LabelFailed,
    /// The label was cancelled with its return (label poll, 410 on its
    /// download and QR code).
    LabelCancelled,
    /// The brand has its number of webhook endpoints.
    TooManyEndpoints,

    // 422: field codes (`errors[].code`).
    /// A required field is missing or empty.
    Required,
    /// A field of the body is not known.
    UnknownField,
    /// A field has the wrong JSON type.
    InvalidType,
    /// A field's value is not one of the allowed choices.
    InvalidChoice,
    /// A field's value is invalid.
    InvalidValue,
    /// Too short or too long.
    InvalidLength,
    /// Outside the allowed range.
    OutOfRange,
    /// Not in the expected format.
    InvalidFormat,
    /// Not a number.
    InvalidNumber,
    /// Not `true` or `false`.
    InvalidBoolean,
    /// Appears more than once.
    Duplicate,
    /// Not allowed in this combination.
    NotAllowed,
    /// Not a snake_case code.
    InvalidCode,
    /// Not a valid key.
    InvalidKey,
    /// Not a colour (`#rrggbb`).
    InvalidColor,
    /// Not an ISO 3166-1 alpha-2 country.
    InvalidCountry,
    /// Not a carrier code.
    InvalidCarrier,
    /// Not a valid postal code.
    InvalidPostalCode,
    /// Not a valid e-mail address.
    InvalidEmail,
    /// Not a valid phone number.
    InvalidPhone,
    /// Not an allowed URL.
    InvalidUrl,
    /// A variant's option values do not name exactly the product's options.
    InvalidOptionValues,
    /// A URL whose host is (or resolves to) a loopback, private, link-local
    /// or reserved address.
    UnsafeUrl,
    /// A URL whose host name does not resolve.
    UnresolvableHost,
    /// Not a language tag.
    InvalidLocale,
    /// Not a URL slug.
    InvalidSlug,
    /// Not a domain name.
    InvalidDomain,
    /// Not a browser origin.
    InvalidOrigin,
    /// Not an IANA time zone.
    InvalidTimezone,
    /// Not an opening interval (`HH:MM-HH:MM`).
    InvalidInterval,
    /// Opening intervals overlap.
    OverlappingIntervals,
    /// Too many opening intervals on one day.
    TooManyIntervals,
    /// Not a weekday (0–6).
    UnknownWeekday,
    /// Not a cursor this API issued.
    InvalidCursor,
    /// Not a locale of the brand.
    UnknownLocale,
    /// An e-mail template does not compile or fails on sample data.
    InvalidTemplate,
    /// A default must be chosen.
    DefaultRequired,
    /// Another currency than the order's or return's.
    CurrencyMismatch,
    /// Not the amount the return owes.
    AmountMismatch,
    /// A CSV row could not be read.
    InvalidCsv,
    /// A required CSV column is missing.
    MissingColumn,
    /// A CSV column is not known.
    UnknownColumn,
    /// The import holds no rows.
    EmptyImport,
    /// Shipment quantities exceed the line's.
    ExceedsLineQuantity,
    /// Another order of the brand has this tracking number.
    TrackingNumberTaken,
    /// Lookup needs exactly one verifier.
    ExactlyOneVerifier,
    /// The order has no line with this id.
    UnknownLine,
    /// The same order line appears twice.
    DuplicateLine,
    /// Not a reason of the brand.
    UnknownReason,
    /// Not a condition code of the brand.
    UnknownCondition,
    /// Not a photo uploaded for this order.
    UnknownImage,
    /// Not an item of this return.
    UnknownItem,
    /// The line cannot be returned (see the message).
    NotReturnable,
    /// More units than the line may still return.
    QuantityExceedsReturnable,
    /// More units than were requested.
    QuantityExceedsRequested,
    /// More units than were approved.
    QuantityExceedsApproved,
    /// A scan holds more units of an item than were approved and are still
    /// expected (another scan may have received them).
    ReceiptExceedsApproved,
    /// The reason needs a comment.
    CommentRequired,
    /// The reason needs photos.
    ImagesRequired,
    /// The reason needs the item's condition.
    ConditionRequired,
    /// The brand does not offer this return method.
    ReturnMethodNotAllowed,
    /// The brand does not offer this resolution.
    ResolutionNotAllowed,
    /// An exchange names the SKU wanted.
    ExchangeSkuRequired,
    /// The variant is not an exchange the line is offered (another
    /// product, not exchangeable, no price in the order's currency, or the
    /// ordered variant itself).
    ExchangeNotOffered,
    /// Not a carrier of this return method.
    CarrierNotAllowed,
    /// The method has several carriers; one must be chosen.
    CarrierRequired,
    /// Not a carrier the brand offers here.
    CarrierNotEnabled,
    /// No such service point.
    ServicePointNotFound,
    /// The service point no longer accepts parcels.
    ServicePointInactive,
    /// The service point belongs to another carrier.
    ServicePointCarrierMismatch,
    /// The service point does not accept label-less returns.
    ServicePointNotLabelless,
    /// A pickup needs a date.
    PickupDateRequired,
    /// The pickup date is outside the bookable days.
    PickupDateInvalid,
    /// The brand has no return address yet.
    NoReturnAddress,

    // 429 / 5xx.
    /// Too many attempts; retry after `Retry-After` seconds.
    RateLimited,
    /// Something unexpected failed on our side.
    InternalError,
    /// Temporarily unavailable; retry after `Retry-After` seconds.
    ServiceUnavailable,
    /// The database cannot serve in time (locked, down, read-only); retry
    /// after `Retry-After` seconds.
    DatabaseUnavailable,
    /// Stored files (photos, label PDFs) are temporarily unavailable; retry
    /// after `Retry-After` seconds.
    StorageUnavailable,
}

impl ErrorCode {
    /// The stable snake_case form.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The code named `s`, if it is one.
    pub fn parse(s: &str) -> Option<ErrorCode> {
        s.parse().ok()
    }

    /// The HTTP status of a problem document headed by this code.
    pub fn status(self) -> u16 {
        use ErrorCode::*;
        match self {
            InvalidBody
            | MalformedJson
            | InvalidQuery
            | UnknownParameter
            | InvalidMultipart
            | InvalidIdempotencyKey => 400,
            MissingCredentials | InvalidCredentials | InvalidToken | InvalidSignature => 401,
            AdminRequired | InsufficientScope | WrongBrand | OriginNotAllowed
            | VendorKeyRequired => 403,
            NotFound | RouteNotFound | BrandNotFound | OrderNotFound | ReturnNotFound | NoPdf
            | NoQrCode | EndpointNotFound | DeliveryNotFound | VendorNotFound | PartNotFound
            | KeyNotFound | ProductNotFound | VariantNotFound | LineNotFound | ReceiptNotFound
            | UnitNotFound | PhotoNotFound => 404,
            MethodNotAllowed => 405,
            RequestTimeout => 408,
            Conflict
            | BrandExists
            | DomainTaken
            | InvalidTransition
            | NotCancellable
            | QuantityConflict
            | LabelNotReady
            | EndpointDisabled
            | VendorExists
            | VendorResponsePending
            | SkuTaken
            | ReceiptExceedsApproved
            | OutOfStock => 409,
            LabelCancelled => 410,
            PreconditionFailed => 412,
            PayloadTooLarge | FileTooLarge => 413,
            UnsupportedMediaType => 415,
            PreconditionRequired => 428,
            RateLimited => 429,
            InternalError => 500,
            ServiceUnavailable | DatabaseUnavailable | StorageUnavailable => 503,
            _ => 422,
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;

    #[test]
    fn every_code_reads_back_from_its_snake_case_form() {
        for code in ErrorCode::iter() {
            assert_eq!(ErrorCode::parse(code.as_str()), Some(code));
            let json = serde_json::to_value(code).unwrap_or_default();
            assert_eq!(json, serde_json::Value::from(code.as_str()));
        }
    }

    #[test]
    fn every_code_has_a_client_or_server_error_status() {
        for code in ErrorCode::iter() {
            assert!((400..600).contains(&code.status()), "{code}");
        }
    }

    #[test]
    fn field_codes_head_a_problem_as_unprocessable() {
        assert_eq!(ErrorCode::CommentRequired.status(), 422);
        assert_eq!(ErrorCode::QuantityConflict.status(), 409);
        assert_eq!(ErrorCode::OrderNotFound.status(), 404);
    }
}
