//! The label job: ask the shipment's carrier for a label, keep the file,
//! mark the label ready (or failed) with its event. Running it twice
//! produces one label: the label row is unique per shipment, adapters are
//! idempotent per label id, and only the first run moves it out of `pending`.

use std::path::{Path, PathBuf};

use super::carrier::{AddressJson, CarrierError, Carriers, LabelRequest};
use crate::db::Db;
use crate::domain::settings::ReturnAddress;
use crate::error::ApiError;
use crate::jobs::JobError;

/// Where a label's PDF is kept.
pub fn pdf_path(data_dir: &Path, label_id: &str) -> PathBuf {
    data_dir.join("labels").join(format!("{label_id}.pdf"))
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let tmp = path.with_extension(format!("tmp-{}", uuid::Uuid::now_v7().simple()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

/// Runs the label job for `label_id`.
pub async fn run(
    db: &Db,
    carriers: &Carriers,
    data_dir: &Path,
    label_id: &str,
) -> Result<(), JobError> {
    let id = label_id.to_string();
    let Some(ctx) = db
        .read(move |conn| crate::db::labels::context(conn, &id))
        .await?
    else {
        return Ok(());
    };
    if ctx.label.status != "pending" {
        return Ok(());
    }
    let address: ReturnAddress =
        serde_json::from_str(&ctx.shipment.address).map_err(ApiError::internal)?;
    let ship_to = &ctx.order.shipping_address;
    let request = LabelRequest {
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
    };
    let adapter = carriers.get(&request.carrier);
    let ret = ctx.ret.clone();
    match adapter.create_label(&request).await {
        Ok(result) => {
            let file = match &result.pdf {
                Some(pdf) => {
                    let path = pdf_path(data_dir, &ctx.label.id);
                    let bytes = pdf.clone();
                    let target = path.clone();
                    crate::db::blocking(move || {
                        write_atomically(&target, &bytes).map_err(ApiError::internal)
                    })
                    .await?;
                    Some(path.to_string_lossy().into_owned())
                }
                None => None,
            };
            let label_id = ctx.label.id.clone();
            db.write(move |conn| {
                crate::db::labels::mark_ready(
                    conn,
                    &ret,
                    &label_id,
                    &result.tracking_number,
                    result.dropoff_code.as_deref(),
                    file.as_deref(),
                )
            })
            .await?;
            Ok(())
        }
        Err(CarrierError::Temporary(message)) => Err(JobError::Retry(message)),
        Err(CarrierError::Permanent(message)) => Err(JobError::Permanent(message)),
    }
}

/// Records that the label of a job failed for good (after its last attempt).
pub async fn give_up(db: &Db, label_id: &str, reason: &str) -> Result<(), ApiError> {
    let (id, reason) = (label_id.to_string(), reason.to_string());
    db.write(move |conn| {
        let Some(label) = crate::db::labels::by_id(conn, &id)? else {
            return Ok(());
        };
        let ret = crate::db::returns::load(conn, &label.brand_id, &label.return_id)?
            .ok_or_else(crate::db::returns::not_found)?;
        crate::db::labels::mark_failed(conn, &ret.ret, &id, &reason)?;
        Ok(())
    })
    .await
}
