//! Identifiers: opaque, time-ordered (UUIDv7) strings with a type prefix such
//! as `brd_…` or `ret_…`.

/// A new id `<prefix>_<uuidv7 as 32 hex digits>`; ids of one type sort by
/// creation time, which cursor pagination relies on.
pub fn new_id(prefix: &str) -> String {
    format!("{prefix}_{}", uuid::Uuid::now_v7().simple())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_carry_their_prefix_and_sort_by_creation() {
        let a = new_id("ret");
        let b = new_id("ret");
        assert!(a.starts_with("ret_"));
        assert_eq!(a.len(), 4 + 32);
        assert!(a < b);
    }
}
