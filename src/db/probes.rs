//! The readiness probe's write: each node upserts its own row.

use diesel::prelude::*;

use super::schema::node_probes;
use super::{DbConn, DbResult};

/// Records that `node` wrote just now.
pub fn touch(conn: &mut DbConn, node: &str) -> DbResult<()> {
    let now = super::now();
    let row = (node_probes::node.eq(node), node_probes::probed_at.eq(now));
    crate::per_backend!(conn, c => diesel::insert_into(node_probes::table)
        .values(row)
        .on_conflict(node_probes::node)
        .do_update()
        .set(node_probes::probed_at.eq(now))
        .execute(c))?;
    Ok(())
}
