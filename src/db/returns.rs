//! Returns rows.

use std::collections::HashMap;

use super::DbConn;
use crate::error::ApiError;

/// Units per order line held by the order's active returns.
pub fn active_quantities(_conn: &mut DbConn, _order_id: &str) -> Result<HashMap<String, u32>, ApiError> {
    Ok(HashMap::new())
}
