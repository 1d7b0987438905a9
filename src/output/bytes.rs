//! Byte tools both encoders share: finding the bytes a format must treat specially eight
//! at a time, and writing numbers without a formatter.
//!
//! Almost every cell and string holds no byte that CSV must quote or JSON must escape, so
//! the question "is there one?" is asked of a whole 64-bit word at once with the classic
//! zero-byte bit hacks, and only a word that says yes is looked at byte by byte. A byte at
//! a time, and `write!` for the offsets, cost most of the rendering before this. The tests
//! of `csv` and `json` hold both encoders to the crates they replace, byte for byte.
//!
//! Everything here is `#[inline]`: the encoders live in other modules now, which rustc may
//! put in other codegen units, and these run once per cell.

/// The first byte of `bytes` that `is` takes, looked for 8 bytes at a time with `word_has`
/// (which must find a word with such a byte, and only such a word): most cells and
/// strings have none, and a byte at a time cost most of the rendering.
#[inline]
pub(super) fn find_byte(
    bytes: &[u8],
    word_has: impl Fn(u64) -> bool,
    is: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut from = 0;
    while let Some(next) = bytes.get(from..from + 8) {
        if word_has(word(next)) {
            break;
        }
        from += 8;
    }
    if from + 8 > bytes.len() && bytes.len() >= 8 {
        // The bytes left, as the last 8: what they overlap is known to be clean.
        from = bytes.len() - 8;
        if !word_has(word(&bytes[from..])) {
            return None;
        }
    }
    bytes[from..]
        .iter()
        .position(|&b| is(b))
        .map(|at| from + at)
}

pub(super) const ONES: u64 = u64::from_le_bytes([1; 8]);
pub(super) const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);

#[inline]
pub(super) fn word(bytes: &[u8]) -> u64 {
    u64::from_le_bytes(bytes.try_into().expect("a word of 8 bytes"))
}

/// `b` in each of the 8 bytes.
#[inline]
pub(super) const fn splat(b: u8) -> u64 {
    ONES * b as u64
}

/// High bits set in the bytes of `x` below `n` (at most 128), and maybe in bytes above
/// such a byte (the classic bit hack): never when there is none, so exact for "any".
#[inline]
pub(super) fn bytes_below(x: u64, n: u8) -> u64 {
    x.wrapping_sub(splat(n)) & !x
}

#[inline]
pub(super) fn zero_bytes(x: u64) -> u64 {
    bytes_below(x, 1)
}

/// `n` in decimal, written into `buf` without allocating: offsets are half the cells of a
/// row.
#[inline]
pub(super) fn decimal(mut n: usize, buf: &mut [u8; 20]) -> &[u8] {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[at..];
        }
    }
}
