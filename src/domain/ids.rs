//! Identifiers: opaque, time-ordered (UUIDv7) strings with a type prefix such
//! as `brd_…` or `ret_…`, and the human-facing RMA numbers of returns.

use rand::Rng;

/// Characters of RMA numbers: no 0/O, 1/I/L, so they can be read aloud.
const RMA_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// A random RMA number, `RET-` and six unambiguous characters. Not unique
/// by itself: the database refuses a taken one and a new one is drawn.
pub fn new_rma() -> String {
    let mut rng = rand::rng();
    let code: String = (0..6)
        .map(|_| RMA_ALPHABET[rng.random_range(0..RMA_ALPHABET.len())] as char)
        .collect();
    format!("RET-{code}")
}

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

    #[test]
    fn rma_numbers_use_only_characters_that_read_aloud_unambiguously() {
        for _ in 0..100 {
            let rma = new_rma();
            assert_eq!(rma.len(), 10);
            assert!(rma.starts_with("RET-"));
            assert!(rma[4..].bytes().all(|b| RMA_ALPHABET.contains(&b)));
        }
    }
}
