//! FNV-1a, 64 bits: the one hash whosaid writes down or compares across runs.
//!
//! `compare` keys words by it and `extract --snapshot` names files with it, so it must give
//! the same number on every run, platform and release: std's `DefaultHasher` promises none
//! of that, and a crate for eight lines is not worth its weight. FNV-1a is fast on the short
//! strings it sees (words, document ids) and spreads them well enough for both uses.
//!
//! ```
//! assert_eq!(whosaid::hash::fnv1a(b""), 0xcbf2_9ce4_8422_2325);
//! assert_eq!(whosaid::hash::fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
//! ```

/// The FNV-1a hash of `bytes`.
#[inline]
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
