//! Word alignment: dynamic programming over token keys, for two jobs.
//!
//! [`Scoring::Diff`] is a longest common subsequence of two lists of keys: the word diff of a
//! pair, whose hunks [`classify`](super::classify) names. [`Scoring::Fit`] aligns all of the
//! words sought against the best stretch of a window of the other text (the words before and
//! after the stretch are free, unmatched ones inside it cost): that is how a search places a
//! quotation. Both give [`Op`]s, kept pairs, cuts from the first side and additions from the
//! second; [`tidy`] puts each hunk's cuts before its additions, as a diff reads best.
//!
//! The work is bounded by the quotation, never by the text: a table larger than
//! [`FULL_CELLS`] cells is banded around its diagonal. Quotations are many and short, so
//! each thread keeps its tables for the next call.
//!
//! ```text
//! a b c d  with a x c d e      (Diff): Keep(0,0) Cut(1) Add(1) Keep(2,2) Keep(3,3) Add(4)
//! c d x e  in   a b c d e f g  (Fit):  Keep(0,2) Keep(1,3) Cut(2) Keep(3,4)
//! ```

/// Alignments larger than this many cells are banded around their diagonal.
const FULL_CELLS: usize = 1 << 22;

/// A step of an alignment of `a` with `b`: indices into each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Op {
    Keep(usize, usize),
    Cut(usize),
    Add(usize),
}

const STOP: u8 = 0;
const DIAG: u8 = 1;
const UP: u8 = 2;
const LEFT: u8 = 3;

/// How [`align`] scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Scoring {
    /// A longest common subsequence of the two sides: a word diff.
    Diff,
    /// All of `a` against the best stretch of `b`: a match scores the first number, a word
    /// of `b` inside the stretch left unmatched costs the second, words of `b` before and
    /// after the stretch are free.
    Fit(i32, i32),
}

/// Aligns `a` with `b` by dynamic programming over the tokens (see [`Scoring`]); a fitting
/// alignment's ops cover only the stretch of `b`. Tables larger than [`FULL_CELLS`] are
/// banded around the diagonal, which keeps a pathological quotation linear.
///
/// The steps: the band of cells worked out ([`Band`]); the table filled row by row
/// ([`Scratch::fill`]); where the alignment ends ([`Scratch::best_end`] for a fit, the
/// corner for a diff); the ops traced back from there ([`Scratch::trace`]).
pub(super) fn align(a: &[u64], b: &[u64], scoring: Scoring) -> Vec<Op> {
    let (fit, matched, gap) = match scoring {
        Scoring::Diff => (false, 1, 0),
        Scoring::Fit(matched, gap) => (true, matched.max(1), -gap.max(0)),
    };
    let band = Band::new(a.len(), b.len(), fit);
    // Quotations are many and short: reuse the tables rather than allocate them each time.
    let mut scratch = SCRATCH.take();
    scratch.fill(a, b, &band, matched, gap);
    let end = if fit {
        scratch.best_end(&band)
    } else {
        b.len()
    };
    let ops = scratch.trace(&band, end);
    // Keep the tables for the next call, unless a huge quotation made them huge.
    if scratch.ptr.capacity() <= SCRATCH_KEPT {
        SCRATCH.set(scratch);
    }
    ops
}

/// The cells of the table worked out: in row `i` (a word of `a`), the columns
/// `lo(i)..=hi(i)` (words of `b`); all of them when the table is small enough, else a band
/// around the diagonal (for a fit, around the middle of `b`).
struct Band {
    n: usize,
    m: usize,
    fit: bool,
    half: usize,
}

impl Band {
    fn new(n: usize, m: usize, fit: bool) -> Band {
        let half = if (n + 1) * (m + 1) <= FULL_CELLS {
            m + 1
        } else {
            (FULL_CELLS / (2 * (n + 1))).max(32)
        };
        Band { n, m, fit, half }
    }

    #[inline]
    fn centre(&self, i: usize) -> usize {
        if self.fit {
            i + self.m.saturating_sub(self.n) / 2
        } else {
            i * self.m / self.n.max(1)
        }
    }

    #[inline]
    fn lo(&self, i: usize) -> usize {
        self.centre(i).saturating_sub(self.half).min(self.m)
    }

    #[inline]
    fn hi(&self, i: usize) -> usize {
        (self.centre(i) + self.half).min(self.m)
    }
}

/// The tables of [`align`], kept between calls on each thread.
#[derive(Default)]
struct Scratch {
    ptr: Vec<u8>,
    row_at: Vec<usize>,
    prev: Vec<i32>,
    cur: Vec<i32>,
}

impl Scratch {
    /// Fills the table of `a` against `b` over `band`: each cell's best score (only the
    /// last row's is kept, in `prev`) and the step that reached it (`ptr`, row `i` starting
    /// at `row_at[i]`).
    fn fill(&mut self, a: &[u64], b: &[u64], band: &Band, matched: i32, gap: i32) {
        const NEG: i32 = i32::MIN / 2;
        let Scratch {
            ptr,
            row_at,
            prev,
            cur,
        } = self;
        ptr.clear();
        row_at.clear();
        prev.clear();
        prev.resize(band.hi(0) - band.lo(0) + 1, 0);
        row_at.push(0);
        for j in band.lo(0)..=band.hi(0) {
            ptr.push(if band.fit || j == 0 { STOP } else { LEFT });
        }
        for i in 1..=band.n {
            let (plo, phi) = (band.lo(i - 1), band.hi(i - 1));
            let get = |row: &[i32], j: usize| (plo..=phi).contains(&j).then(|| row[j - plo]);
            let (clo, chi) = (band.lo(i), band.hi(i));
            cur.clear();
            row_at.push(ptr.len());
            for j in clo..=chi {
                let mut best = NEG;
                let mut p = STOP;
                if j >= 1 && a[i - 1] == b[j - 1] {
                    if let Some(v) = get(prev, j - 1) {
                        best = v + matched;
                        p = DIAG;
                    }
                }
                if let Some(v) = get(prev, j) {
                    if v > best {
                        best = v;
                        p = UP;
                    }
                }
                if j > clo {
                    let v = cur[j - 1 - clo] + gap;
                    if v > best {
                        best = v;
                        p = LEFT;
                    }
                }
                cur.push(best);
                ptr.push(p);
            }
            std::mem::swap(prev, cur);
        }
    }

    /// Where a fitting alignment ends: the first column of the last row with the best
    /// score, so the stretch ends at its last match.
    fn best_end(&self, band: &Band) -> usize {
        let (nlo, nhi) = (band.lo(band.n), band.hi(band.n));
        let mut at = nlo;
        for k in nlo..=nhi {
            if self.prev[k - nlo] > self.prev[at - nlo] {
                at = k;
            }
        }
        at
    }

    /// The ops from the start to the cell of the last row at column `j`, read back along the
    /// steps `fill` recorded; words of `a` left before the first step are cuts, and, for a
    /// diff, words of `b` additions.
    fn trace(&self, band: &Band, mut j: usize) -> Vec<Op> {
        let mut i = band.n;
        let mut ops = Vec::with_capacity(band.n + band.m);
        loop {
            let p = if (band.lo(i)..=band.hi(i)).contains(&j) {
                self.ptr[self.row_at[i] + j - band.lo(i)]
            } else {
                STOP
            };
            match p {
                DIAG => {
                    ops.push(Op::Keep(i - 1, j - 1));
                    i -= 1;
                    j -= 1;
                }
                UP => {
                    ops.push(Op::Cut(i - 1));
                    i -= 1;
                }
                LEFT => {
                    ops.push(Op::Add(j - 1));
                    j -= 1;
                }
                _ => break,
            }
        }
        ops.extend((0..i).rev().map(Op::Cut));
        if !band.fit {
            ops.extend((0..j).rev().map(Op::Add));
        }
        ops.reverse();
        ops
    }
}

/// Tables larger than this many cells are freed after use.
const SCRATCH_KEPT: usize = 1 << 20;

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::new(Scratch::default());
}

/// The same ops with every hunk's cuts before its additions, as a diff reads best.
pub(super) fn tidy(mut ops: Vec<Op>) -> Vec<Op> {
    let mut at = 0;
    while at < ops.len() {
        let start = at;
        while at < ops.len() && !matches!(ops[at], Op::Keep(..)) {
            at += 1;
        }
        ops[start..at].sort_by_key(|op| match op {
            Op::Cut(i) => (0, *i),
            Op::Add(j) => (1, *j),
            Op::Keep(..) => (2, 0),
        });
        at += 1;
    }
    ops
}

#[cfg(test)]
mod tests {
    use super::super::tokens::hash;
    use super::*;

    fn keys(s: &str) -> Vec<u64> {
        s.split(' ').map(hash).collect()
    }

    #[test]
    fn global_alignment_is_a_longest_common_subsequence() {
        let ops = align(&keys("a b c d"), &keys("a x c d e"), Scoring::Diff);
        use Op::*;
        assert_eq!(
            tidy(ops),
            [Keep(0, 0), Cut(1), Add(1), Keep(2, 2), Keep(3, 3), Add(4)]
        );
    }

    #[test]
    fn fitting_alignment_finds_the_stretch() {
        let ops = align(&keys("c d x e"), &keys("a b c d e f g"), Scoring::Fit(2, 1));
        use Op::*;
        assert_eq!(ops, [Keep(0, 2), Keep(1, 3), Cut(2), Keep(3, 4)]);
    }

    #[test]
    fn fitting_alignment_does_not_bridge_long_gaps() {
        let b = "x y z a b q q q q q q q q c d e";
        let ops = align(&keys("a b c d e"), &keys(b), Scoring::Fit(2, 1));
        let kept: Vec<usize> = ops
            .iter()
            .filter_map(|op| match op {
                Op::Keep(_, j) => Some(*j),
                _ => None,
            })
            .collect();
        assert_eq!(kept, [13, 14, 15]);
    }

    #[test]
    fn banded_alignment_of_a_long_quotation_stays_exact_on_the_diagonal() {
        let a: Vec<u64> = (0..5000).map(|i| i % 97).collect();
        let mut b = a.clone();
        b[2500] = 1000;
        let ops = align(&a, &b, Scoring::Diff);
        let kept = ops.iter().filter(|op| matches!(op, Op::Keep(..))).count();
        assert_eq!(kept, 4999);
    }
}
