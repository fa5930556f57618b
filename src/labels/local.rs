//! The built-in carrier: allocates tracking numbers and drop-off codes itself
//! and renders the label PDF locally. Both are derived from the label id, so
//! running a job twice produces the same label.

use sha2::{Digest, Sha256};

use super::carrier::{Carrier, CarrierError, LabelFuture, LabelRequest, LabelResult};
use super::render::{LabelContent, render_pdf};

/// The local carrier.
pub struct LocalCarrier;

/// Unambiguous characters for drop-off codes.
const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

fn digest(reference: &str) -> [u8; 32] {
    Sha256::digest(reference.as_bytes()).into()
}

/// Tracking number of a label: carrier prefix and 12 digits from its id.
pub fn tracking_number(carrier: &str, reference: &str) -> String {
    let d = digest(reference);
    let n =
        u64::from_be_bytes([d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]]) % 1_000_000_000_000;
    let prefix: String = carrier
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(2)
        .collect::<String>()
        .to_ascii_uppercase();
    format!(
        "{}RT{n:012}",
        if prefix.is_empty() {
            "XX".into()
        } else {
            prefix
        }
    )
}

/// Drop-off code of a label-less return: 10 readable characters.
pub fn dropoff_code(reference: &str) -> String {
    let d = digest(&format!("dropoff:{reference}"));
    let code: String = d
        .iter()
        .take(10)
        .map(|b| CODE_ALPHABET[*b as usize % CODE_ALPHABET.len()] as char)
        .collect();
    format!("DRP-{code}")
}

impl Carrier for LocalCarrier {
    fn create_label<'a>(&'a self, request: &'a LabelRequest) -> LabelFuture<'a> {
        Box::pin(async move {
            let tracking = tracking_number(&request.carrier, &request.reference);
            if request.kind == "qr" {
                return Ok(LabelResult {
                    tracking_number: tracking,
                    pdf: None,
                    dropoff_code: Some(dropoff_code(&request.reference)),
                });
            }
            let content = LabelContent {
                carrier: request.carrier.clone(),
                tracking_number: tracking.clone(),
                rma_number: request.rma_number.clone(),
                sender: (&request.sender).into(),
                recipient: (&request.recipient).into(),
                service_point: request.service_point_line.clone(),
            };
            let pdf = render_pdf(&content).map_err(|e| CarrierError::Permanent(e.to_string()))?;
            Ok(LabelResult {
                tracking_number: tracking,
                pdf: Some(pdf),
                dropoff_code: None,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_label_gets_the_same_numbers() {
        assert_eq!(
            tracking_number("postnl", "lbl_1"),
            tracking_number("postnl", "lbl_1")
        );
        assert_ne!(
            tracking_number("postnl", "lbl_1"),
            tracking_number("postnl", "lbl_2")
        );
        assert!(tracking_number("postnl", "lbl_1").starts_with("PORT"));
        let code = dropoff_code("lbl_1");
        assert_eq!(code, dropoff_code("lbl_1"));
        assert_eq!(code.len(), 14);
    }
}
