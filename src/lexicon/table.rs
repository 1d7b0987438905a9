//! How a word is looked up without allocating: ASCII case folded into a stack buffer, a
//! shape filter in front of every table, and a small hasher for keys fixed at build time.
//!
//! Nearly every word of an article is looked up in some list, and nearly every lookup fails.
//! So the cost that matters is the failing one: [`Filtered`] keeps, for each list, a 32 x 32
//! table of 64-bit masks indexed by the first two bytes of a word (case aside) with one bit
//! for its length and last byte, and most words fail there, before any folding or hashing.
//! A word that passes is folded by [`fold`] (borrowed when it has no capital) and hashed by
//! [`WordHasher`], a multiply-rotate hash: the keys are the grammar's own, so there is no
//! table an attacker could fill, and SipHash would cost more than the rest of the lookup.
//!
//! The filter may let a word through that is in no list (that only costs a hash lookup) but
//! must never stop an entry: `lexicon::tests::shape_filters_pass_every_entry` checks every
//! entry of every list in three casings.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The longest word, in bytes, that a case-insensitive lookup folds; longer queries are
/// never found (the loader rejects longer entries).
pub const MAX_WORD: usize = 40;

/// Where a word falls in the shape table: the row and column of its first two bytes, and
/// one bit for its length and last byte together. The low five bits of a byte tell ASCII
/// letters apart in either case; another byte shares its slot with a letter, which only lets
/// a few more words through to the hash lookup. With the last byte in, most words that
/// share their first letters and length with a verb form ("vote", "been", "deal") still
/// fail; 17 is odd, so every length (mod 64) starts at a bit of its own.
pub(super) fn shape(word: &[u8]) -> Option<(usize, usize, u64)> {
    let slot = |b: &u8| usize::from(b & 31);
    let (first, second, last) = (word.first()?, word.get(1)?, word.last()?);
    let bit = (word.len() % 64 * 17 + slot(last)) % 64;
    Some((slot(first), slot(second), 1 << bit))
}

/// `word` in ASCII lowercase: borrowed when it has no ASCII capital, else copied into `buf`;
/// `None` when it is longer than [`MAX_WORD`], since no entry is.
pub(super) fn fold<'a>(word: &'a str, buf: &'a mut [u8; MAX_WORD]) -> Option<&'a [u8]> {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_WORD {
        return None;
    }
    if !bytes.iter().any(u8::is_ascii_uppercase) {
        return Some(bytes);
    }
    // A byte loop rather than `copy_from_slice`: the compiler unrolls it, where a copy of
    // variable length becomes a `memcpy` call.
    for (to, from) in buf.iter_mut().zip(bytes) {
        *to = from.to_ascii_lowercase();
    }
    Some(&buf[..bytes.len()])
}

pub(super) fn contains_folded(set: &Filtered<WordSet>, word: &str) -> bool {
    let mut buf = [0; MAX_WORD];
    set.may_hold(word) && fold(word, &mut buf).is_some_and(|w| set.contains(w))
}

/// A word list behind the shape test of [`shape`]: most words of a text are in no list, and
/// fail one table lookup before any folding or hashing. Words too short for a shape always
/// pass to the list.
#[derive(Debug)]
pub(super) struct Filtered<T> {
    list: T,
    shapes: Box<[[u64; 32]; 32]>,
}

impl Filtered<WordSet> {
    pub(super) fn set(list: WordSet) -> Self {
        let shapes = shapes_of(list.iter().copied());
        Filtered { list, shapes }
    }
}

impl<V> Filtered<WordMap<V>> {
    pub(super) fn map(list: WordMap<V>) -> Self {
        let shapes = shapes_of(list.keys().copied());
        Filtered { list, shapes }
    }
}

/// The shape table of `words`: the bit of each word's [`shape`] set.
pub(super) fn shapes_of(words: impl Iterator<Item = &'static [u8]>) -> Box<[[u64; 32]; 32]> {
    let mut shapes = Box::new([[0u64; 32]; 32]);
    for (a, b, bit) in words.filter_map(shape) {
        shapes[a][b] |= bit;
    }
    shapes
}

impl<T> Filtered<T> {
    /// Whether `word` may be in the list, ASCII case aside.
    pub(super) fn may_hold(&self, word: &str) -> bool {
        shape(word.as_bytes()).is_none_or(|(a, b, bit)| self.shapes[a][b] & bit != 0)
    }
}

impl<T> std::ops::Deref for Filtered<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.list
    }
}

/// A multiply-rotate hasher (the FxHash recipe) for short keys fixed at build time.
#[derive(Clone, Copy, Default)]
pub(super) struct WordHasher(u64);

impl WordHasher {
    const K: u64 = 0xf135_7aea_2e62_a9c5;

    fn add(&mut self, word: u64) {
        self.0 = (self.0 ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let tail = chunks.remainder();
        if !tail.is_empty() {
            self.add(load_tail(tail));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // The product's high bits are its best mixed; hashbrown takes the bucket from the
        // low bits, so bring the high ones down.
        self.0.rotate_left(26)
    }
}

/// Up to 7 bytes as one integer without a variable-length copy (a `memcpy` call would cost
/// more than the rest of the hash): two overlapping 4-byte loads, or the first, middle and
/// last byte. Different tails may collide; the length, hashed first, and the table's key
/// comparison keep that harmless.
pub(super) fn load_tail(tail: &[u8]) -> u64 {
    let n = tail.len();
    if n >= 4 {
        let (mut lo, mut hi) = ([0; 4], [0; 4]);
        lo.copy_from_slice(&tail[..4]);
        hi.copy_from_slice(&tail[n - 4..]);
        u64::from(u32::from_le_bytes(lo)) | u64::from(u32::from_le_bytes(hi)) << 32
    } else if n > 0 {
        u64::from(tail[0]) | u64::from(tail[n / 2]) << 8 | u64::from(tail[n - 1]) << 16
    } else {
        0
    }
}

pub(super) type WordHash = BuildHasherDefault<WordHasher>;
pub(super) type WordSet = HashSet<&'static [u8], WordHash>;
pub(super) type WordMap<V> = HashMap<&'static [u8], V, WordHash>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_borrows_lowercase_and_rejects_long_words() {
        let mut buf = [0; MAX_WORD];
        assert_eq!(fold("said", &mut buf), Some(&b"said"[..]));
        assert_eq!(fold("SaId", &mut buf), Some(&b"said"[..]));
        assert_eq!(fold("Élysée", &mut buf), Some("Élysée".as_bytes()));
        assert_eq!(
            fold(&"a".repeat(MAX_WORD), &mut buf).map(<[u8]>::len),
            Some(MAX_WORD)
        );
        assert_eq!(fold(&"A".repeat(MAX_WORD + 1), &mut buf), None);
    }
}
