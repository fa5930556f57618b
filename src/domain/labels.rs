//! Labels: which kind a return method needs, and the label's own small state
//! machine. [`LABEL_TRANSITIONS`] is the single source of truth, applied by
//! [`LabelStatus::step`]; the stored form is [`LabelStatus::as_str`].

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::settings::ReturnMethodType;
use crate::error::{ApiError, ErrorCode};

/// What the customer gets to hand the parcel over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LabelKind {
    /// A printable PDF label.
    Pdf,
    /// A QR code shown at a label-less drop-off point.
    Qr,
}

impl LabelKind {
    /// The kind a return method needs; `None` for in-store returns.
    pub fn for_method(method: ReturnMethodType) -> Option<LabelKind> {
        match method {
            ReturnMethodType::DropOff | ReturnMethodType::Pickup => Some(LabelKind::Pdf),
            ReturnMethodType::Labelless => Some(LabelKind::Qr),
            ReturnMethodType::InStore => None,
        }
    }

    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            LabelKind::Pdf => "pdf",
            LabelKind::Qr => "qr",
        }
    }

    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<LabelKind> {
        [LabelKind::Pdf, LabelKind::Qr]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// Status of a shipment's label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LabelStatus {
    /// Being produced.
    Pending,
    /// Ready to download (or show as QR).
    Ready,
    /// The carrier refused it for good.
    Failed,
    /// The return was cancelled first.
    Cancelled,
}

/// What happens to a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelEvent {
    /// The carrier produced it.
    Produced,
    /// The carrier refused it for good (or every attempt failed).
    Refused,
    /// Its return was cancelled: a printed label must not be used any more.
    Voided,
}

use LabelEvent::*;
use LabelStatus::*;

/// Every allowed `(from, event) -> to`.
pub const LABEL_TRANSITIONS: &[(LabelStatus, LabelEvent, LabelStatus)] = &[
    (Pending, Produced, Ready),
    (Pending, Refused, Failed),
    (Pending, Voided, Cancelled),
    (Ready, Voided, Cancelled),
];

impl LabelStatus {
    /// Every status.
    pub const ALL: [LabelStatus; 4] = [Pending, Ready, Failed, Cancelled];

    /// Stored / wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            Pending => "pending",
            Ready => "ready",
            Failed => "failed",
            Cancelled => "cancelled",
        }
    }

    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<LabelStatus> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// The status after `event`, or `None` when the table does not allow it
    /// (a job that runs again after the label moved on changes nothing).
    pub fn step(self, event: LabelEvent) -> Option<LabelStatus> {
        LABEL_TRANSITIONS
            .iter()
            .find(|(f, e, _)| *f == self && *e == event)
            .map(|(_, _, to)| *to)
    }

    /// Whether the label's file (PDF or QR code) can be handed out: only
    /// when ready. The answer otherwise matches the poll URL's: 410
    /// `label_cancelled` (gone for good), 422 `label_failed`, 409
    /// `label_not_ready` while pending.
    pub fn file_available(self) -> Result<(), ApiError> {
        match self {
            Ready => Ok(()),
            Pending => Err(ApiError::new(
                ErrorCode::LabelNotReady,
                "The label is not ready; poll its URL until it is.",
            )),
            Failed => Err(ApiError::new(
                ErrorCode::LabelFailed,
                "The carrier refused this label.",
            )),
            Cancelled => Err(ApiError::new(
                ErrorCode::LabelCancelled,
                "The return was cancelled; its label must not be used.",
            )),
        }
    }

    /// The statuses `event` moves a label out of.
    pub fn sources(event: LabelEvent) -> Vec<LabelStatus> {
        LABEL_TRANSITIONS
            .iter()
            .filter(|(_, e, _)| *e == event)
            .map(|(from, _, _)| *from)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_ready_labels_file_is_handed_out_and_a_cancelled_one_is_gone() {
        assert!(Ready.file_available().is_ok());
        let status = |s: LabelStatus| {
            s.file_available()
                .map_err(|e| (e.code(), e.code().status()))
        };
        assert_eq!(status(Cancelled), Err((ErrorCode::LabelCancelled, 410)));
        assert_eq!(status(Failed), Err((ErrorCode::LabelFailed, 422)));
        assert_eq!(status(Pending), Err((ErrorCode::LabelNotReady, 409)));
    }

    #[test]
    fn printed_and_pickup_returns_get_a_pdf_labelless_a_qr_code_in_store_nothing() {
        assert_eq!(
            LabelKind::for_method(ReturnMethodType::DropOff),
            Some(LabelKind::Pdf)
        );
        assert_eq!(
            LabelKind::for_method(ReturnMethodType::Pickup),
            Some(LabelKind::Pdf)
        );
        assert_eq!(
            LabelKind::for_method(ReturnMethodType::Labelless),
            Some(LabelKind::Qr)
        );
        assert_eq!(LabelKind::for_method(ReturnMethodType::InStore), None);
    }

    #[test]
    fn a_pending_label_becomes_ready_failed_or_cancelled() {
        assert_eq!(Pending.step(Produced), Some(Ready));
        assert_eq!(Pending.step(Refused), Some(Failed));
        assert_eq!(Pending.step(Voided), Some(Cancelled));
    }

    #[test]
    fn a_finished_label_is_never_produced_again() {
        for from in [Ready, Failed, Cancelled] {
            assert_eq!(from.step(Produced), None);
            assert_eq!(from.step(Refused), None);
        }
    }

    #[test]
    fn a_ready_label_is_voided_when_its_return_is_cancelled() {
        assert_eq!(Ready.step(Voided), Some(Cancelled));
        assert_eq!(Failed.step(Voided), None);
        assert_eq!(LabelStatus::sources(Voided), vec![Pending, Ready]);
    }

    #[test]
    fn stored_forms_read_back() {
        for s in [Pending, Ready, Failed, Cancelled] {
            assert_eq!(LabelStatus::parse(s.as_str()), Some(s));
        }
        for k in [LabelKind::Pdf, LabelKind::Qr] {
            assert_eq!(LabelKind::parse(k.as_str()), Some(k));
        }
    }
}
