//! Labels: the job that has a carrier produce a shipment's label, and the
//! self-authenticating label URLs (poll, PDF download, QR code).
//!
//! Producing a label twice yields one label: the label row is unique per
//! shipment, adapters are idempotent per label id, and only a pending label
//! moves to ready (the label state machine in `domain::labels`).

use serde::Serialize;
use utoipa::ToSchema;

use super::AppState;
use super::returns::views::Renderer;
use crate::auth::tokens::{LABEL_AUDIENCE, Scope};
use crate::db::rows::LabelRow;
use crate::domain::labels::LabelKind;
pub use crate::domain::labels::LabelStatus;
use crate::domain::settings::ReturnAddress;
use crate::error::{ApiError, ErrorCode};
use crate::jobs::JobError;
use crate::labels::carrier::{AddressJson, CarrierError, LabelRequest};
use crate::storage::Storage;

/// Runs the label job of `label_id`: asks the carrier, keeps the PDF,
/// marks the label ready with its event. A label that is no longer pending
/// is left alone.
pub async fn produce(state: &AppState, label_id: &str) -> Result<(), JobError> {
    let id = label_id.to_string();
    let Some(ctx) = state
        .db
        .read(move |conn| Ok(crate::db::labels::context(conn, &id)?))
        .await?
    else {
        return Ok(());
    };
    if ctx.label.status != LabelStatus::Pending {
        return Ok(());
    }
    let request = label_request(&ctx)?;
    let adapter = state.carriers.get(&request.carrier);
    let result = match adapter.create_label(&request).await {
        Ok(result) => result,
        Err(CarrierError::Temporary(message)) => return Err(JobError::Retry(message)),
        Err(CarrierError::Permanent(message)) => return Err(JobError::Permanent(message)),
    };
    let key = match &result.pdf {
        Some(pdf) => {
            let key = Storage::label_key(&ctx.label.id);
            state
                .storage
                .put(&key, pdf.clone(), "application/pdf")
                .await
                .map_err(|e| JobError::Retry(e.to_string()))?;
            Some(key)
        }
        None => None,
    };
    let (ret, label_id, shipment_id) = (
        ctx.ret.clone(),
        ctx.label.id.clone(),
        ctx.label.shipment_id.clone(),
    );
    let render = Renderer::new(state);
    state
        .db
        .write(move |conn| {
            let event = crate::db::labels::mark_ready(
                conn,
                &ret,
                (&label_id, &shipment_id),
                &result.tracking_number,
                result.dropoff_code.as_deref(),
                key.as_deref(),
            )?;
            publish_label_event(conn, &render, &ret, event)
        })
        .await?;
    Ok(())
}

/// Sends the webhook of a label's event with its return as it now is.
fn publish_label_event(
    conn: &mut crate::db::DbConn,
    render: &Renderer,
    ret: &crate::db::rows::ReturnRow,
    event: Option<crate::db::rows::EventRow>,
) -> Result<(), ApiError> {
    let Some(event) = event else {
        return Ok(());
    };
    let full = crate::db::returns::load(conn, &ret.brand_id, &ret.id)?
        .ok_or_else(super::return_not_found)?;
    super::returns::publish(conn, render, &full, &[event])?;
    Ok(())
}

/// What the carrier is asked for: from the customer's shipping address to
/// the shipment's return address, via the chosen service point.
fn label_request(ctx: &crate::db::labels::LabelContext) -> Result<LabelRequest, ApiError> {
    let address: ReturnAddress =
        serde_json::from_str(&ctx.shipment.address).map_err(ApiError::internal)?;
    let ship_to = &ctx.order.shipping_address;
    Ok(LabelRequest {
        reference: ctx.label.id.clone(),
        carrier: ctx.label.carrier.clone(),
        kind: ctx.label.kind.clone(),
        rma_number: ctx.ret.rma_number.clone(),
        sender: AddressJson {
            name: ship_to
                .name
                .clone()
                .or_else(|| ctx.order.customer.name.clone())
                .unwrap_or_else(|| "Customer".into()),
            company: None,
            line1: ship_to.line1.clone(),
            line2: ship_to.line2.clone(),
            postal_code: ship_to.postal_code.clone(),
            city: ship_to.city.clone(),
            country: ship_to.country.clone(),
        },
        recipient: AddressJson {
            name: address.name.clone(),
            company: address.company.clone(),
            line1: address.line1.clone(),
            line2: address.line2.clone(),
            postal_code: address.postal_code.clone(),
            city: address.city.clone(),
            country: address.country.clone(),
        },
        service_point_id: ctx.service_point.as_ref().map(|p| p.id.clone()),
        service_point_line: ctx.service_point.as_ref().map(|p| {
            format!(
                "{}, {} {}, {}",
                p.name,
                p.street,
                p.house_number.as_deref().unwrap_or(""),
                p.city
            )
        }),
    })
}

/// Records that the label of a job failed for good (after its last attempt).
pub async fn give_up(state: &AppState, label_id: &str, reason: &str) -> Result<(), ApiError> {
    let (id, reason) = (label_id.to_string(), reason.to_string());
    let render = Renderer::new(state);
    state
        .db
        .write(move |conn| {
            let Some(label) = crate::db::labels::by_id(conn, &id)? else {
                return Ok(());
            };
            let ret = crate::db::returns::load(conn, &label.brand_id, &label.return_id)?
                .ok_or_else(super::return_not_found)?;
            let event =
                crate::db::labels::mark_failed(conn, &ret.ret, (&id, &label.shipment_id), &reason)?;
            publish_label_event(conn, &render, &ret.ret, event)
        })
        .await
}

/// Poll answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct LabelPoll {
    /// `pending`, `ready`, `failed` or `cancelled`.
    pub status: LabelStatus,
    /// The PDF (printed labels), when ready.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub download_url: Option<String>,
    /// The QR code (label-less returns), when ready.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qr_code_url: Option<String>,
    /// The code the QR encodes, when ready (label-less returns).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dropoff_code: Option<String>,
    /// Tracking number, when ready.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
    /// Carrier.
    pub carrier: String,
    /// `label_failed` or `label_cancelled`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<ErrorCode>,
    /// Why it failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// The label of a label URL: its token must be a label token for this
/// label, of the label's brand; anything else is 401.
async fn authorized(state: &AppState, id: &str, token: Option<&str>) -> Result<LabelRow, ApiError> {
    let invalid = || {
        ApiError::new(
            ErrorCode::InvalidToken,
            "This label link is invalid or expired.",
        )
    };
    let token = token.ok_or_else(invalid)?;
    let claims = state.keys.verify(&state.db, token, LABEL_AUDIENCE).await?;
    if claims.scope != Scope::Label || claims.sub != id {
        return Err(invalid());
    }
    let label_id = id.to_string();
    let label = state
        .db
        .read(move |conn| Ok(crate::db::labels::by_id(conn, &label_id)?))
        .await?;
    label
        .filter(|l| l.brand_id == claims.brand)
        .ok_or_else(invalid)
}

/// The label's state as its poll URL answers it; the caller turns the
/// status into the HTTP status (202 pending, 200 ready, 422 failed, 410
/// cancelled).
pub async fn poll(state: &AppState, id: &str, token: Option<&str>) -> Result<LabelPoll, ApiError> {
    let label = authorized(state, id, token).await?;
    let token = token.unwrap_or_default();
    let base = format!("{}/v1/labels/{}", state.public_url, label.id);
    let mut body = LabelPoll {
        status: label.status,
        download_url: None,
        qr_code_url: None,
        dropoff_code: None,
        tracking_number: None,
        carrier: label.carrier.clone(),
        code: None,
        detail: None,
    };
    match body.status {
        LabelStatus::Ready => {
            body.tracking_number = label.tracking_number.clone();
            match label.kind() {
                LabelKind::Qr => {
                    body.qr_code_url = Some(format!("{base}/qr?token={token}"));
                    body.dropoff_code = label.dropoff_code.clone();
                }
                LabelKind::Pdf => {
                    body.download_url = Some(format!("{base}/download?token={token}"))
                }
            }
        }
        LabelStatus::Failed => {
            body.code = Some(ErrorCode::LabelFailed);
            body.detail = label.error.clone();
        }
        LabelStatus::Cancelled => {
            body.code = Some(ErrorCode::LabelCancelled);
            body.detail = Some("The return was cancelled.".into());
        }
        LabelStatus::Pending => {}
    }
    Ok(body)
}

/// A label's PDF and its file name.
pub async fn pdf(
    state: &AppState,
    id: &str,
    token: Option<&str>,
) -> Result<(Vec<u8>, String), ApiError> {
    let label = authorized(state, id, token).await?;
    if label.kind() != LabelKind::Pdf {
        return Err(ApiError::new(
            ErrorCode::NoPdf,
            "This is a label-less return: show the QR code instead.",
        ));
    }
    label.status.file_available()?;
    let Some(key) = label.file_path.clone() else {
        return Err(ApiError::internal(anyhow::anyhow!(
            "ready label without a file"
        )));
    };
    let bytes = state.storage.get(&key).await?;
    let name = format!(
        "return-label-{}.pdf",
        label.tracking_number.as_deref().unwrap_or(&label.id)
    );
    Ok((bytes, name))
}

/// A rendered QR code.
pub enum QrImage {
    /// PNG bytes.
    Png(Vec<u8>),
    /// SVG text.
    Svg(String),
}

/// The QR code of a label-less return, as SVG or PNG.
pub async fn qr(
    state: &AppState,
    id: &str,
    token: Option<&str>,
    svg: bool,
) -> Result<QrImage, ApiError> {
    let label = authorized(state, id, token).await?;
    if label.kind() != LabelKind::Qr {
        return Err(ApiError::new(
            ErrorCode::NoQrCode,
            "This return uses a printed label: download the PDF instead.",
        ));
    }
    label.status.file_available()?;
    let Some(code) = label.dropoff_code.clone() else {
        return Err(ApiError::internal(anyhow::anyhow!(
            "ready label without a code"
        )));
    };
    let internal = |e: crate::labels::render::RenderError| ApiError::internal(anyhow::anyhow!(e.0));
    Ok(if svg {
        QrImage::Svg(crate::labels::render::qr_svg(&code).map_err(internal)?)
    } else {
        QrImage::Png(crate::labels::render::qr_png(&code, 8).map_err(internal)?)
    })
}
