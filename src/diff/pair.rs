//! Pairing the rows of one document: the three passes of [`pair_rows`] (same span and
//! text, same text, overlap) and the class of each pair. See the [`diff`](super) essay.

use super::{Change, Pair, Row};
use std::collections::{HashMap, VecDeque};

/// Pairs the rows of one document in OLD with those in NEW and classifies each pair (see
/// the module documentation for the passes), in text order.
///
/// ```
/// use whosaid::diff::{pair_rows, Change, Row};
///
/// let row = |speaker: &str, quote: &str, start| Row {
///     speaker: speaker.into(), kind: "direct".into(), quote: quote.into(), start, end: start + quote.len(),
/// };
/// let old = [row("Ann", "Yes", 0), row("Bo", "No way", 10)];
/// let new = [row("Ann", "Yes", 0), row("Bo", "No", 10)];
/// let changes: Vec<_> = pair_rows(&old, &new).iter().map(|p| p.change).collect();
/// assert_eq!(changes, [Change::Same, Change::Reshaped]);
/// ```
pub fn pair_rows(old: &[Row], new: &[Row]) -> Vec<Pair> {
    if old == new {
        // The common case in a regression run: nothing to search.
        return (0..old.len())
            .map(|i| Pair {
                change: Change::Same,
                old: Some(i),
                new: Some(i),
            })
            .collect();
    }
    // partner[i]: the NEW row paired with OLD row i, and whether by overlap only.
    let mut partner: Vec<Option<(usize, bool)>> = vec![None; old.len()];
    let mut taken = vec![false; new.len()];

    // Pass 1: the same span and text.
    let mut by_span: HashMap<(usize, usize, &str), VecDeque<usize>> = HashMap::new();
    for (j, r) in new.iter().enumerate() {
        by_span
            .entry((r.start, r.end, r.quote.as_str()))
            .or_default()
            .push_back(j);
    }
    for (i, r) in old.iter().enumerate() {
        let key = (r.start, r.end, r.quote.as_str());
        if let Some(j) = by_span.get_mut(&key).and_then(VecDeque::pop_front) {
            partner[i] = Some((j, false));
            taken[j] = true;
        }
    }

    // Pass 2: the same text where the offsets moved, occurrences in order.
    let mut by_text: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (j, r) in new.iter().enumerate().filter(|&(j, _)| !taken[j]) {
        by_text.entry(r.quote.as_str()).or_default().push_back(j);
    }
    for (i, r) in old.iter().enumerate() {
        if partner[i].is_some() {
            continue;
        }
        if let Some(j) = by_text
            .get_mut(r.quote.as_str())
            .and_then(VecDeque::pop_front)
        {
            partner[i] = Some((j, false));
            taken[j] = true;
        }
    }

    // Pass 3: overlapping spans; the largest overlap wins, the earliest row on a tie.
    for (i, r) in old.iter().enumerate() {
        if partner[i].is_some() {
            continue;
        }
        let mut best: Option<(usize, usize)> = None;
        for (j, n) in new.iter().enumerate() {
            if taken[j] || n.start >= r.end || r.start >= n.end {
                continue;
            }
            let overlap = r.end.min(n.end) - r.start.max(n.start);
            if best.is_none_or(|(_, most)| overlap > most) {
                best = Some((j, overlap));
            }
        }
        if let Some((j, _)) = best {
            partner[i] = Some((j, true));
            taken[j] = true;
        }
    }

    let mut pairs: Vec<Pair> = partner
        .iter()
        .enumerate()
        .map(|(i, p)| match *p {
            Some((j, reshaped)) => Pair {
                change: if reshaped {
                    Change::Reshaped
                } else {
                    classify(&old[i], &new[j])
                },
                old: Some(i),
                new: Some(j),
            },
            None => Pair {
                change: Change::Lost,
                old: Some(i),
                new: None,
            },
        })
        .collect();
    pairs.extend((0..new.len()).filter(|&j| !taken[j]).map(|j| Pair {
        change: Change::Gained,
        old: None,
        new: Some(j),
    }));
    // Text order: by OLD's span where there is one, else NEW's; stable, so ties keep OLD's
    // order with gained rows after.
    pairs.sort_by_key(|p| match (p.old, p.new) {
        (Some(i), _) => (old[i].start, old[i].end),
        (None, Some(j)) => (new[j].start, new[j].end),
        (None, None) => (0, 0),
    });
    pairs
}

/// The class of two rows that quote the same words.
fn classify(old: &Row, new: &Row) -> Change {
    if old.speaker != new.speaker {
        Change::Respeaker
    } else if old.kind != new.kind {
        Change::Rekind
    } else {
        Change::Same
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(speaker: &str, kind: &str, quote: &str, start: usize) -> Row {
        Row {
            speaker: speaker.into(),
            kind: kind.into(),
            quote: quote.into(),
            start,
            end: start + quote.len(),
        }
    }

    fn direct(speaker: &str, quote: &str, start: usize) -> Row {
        row(speaker, "direct", quote, start)
    }

    /// `change old-index new-index` for each pair, e.g. `lost 1 -`.
    fn show(pairs: &[Pair]) -> Vec<String> {
        let idx = |i: Option<usize>| i.map_or("-".to_string(), |i| i.to_string());
        pairs
            .iter()
            .map(|p| format!("{} {} {}", p.change, idx(p.old), idx(p.new)))
            .collect()
    }

    /// A name, OLD's rows, NEW's rows, and the pairs expected.
    type Case = (&'static str, Vec<Row>, Vec<Row>, &'static [&'static str]);

    #[test]
    fn each_class_from_one_minimal_pair() {
        let yes = direct("Ann Lee", "Yes", 10);
        let cases: [Case; 9] = [
            ("same", vec![yes.clone()], vec![yes.clone()], &["same 0 0"]),
            ("gained", vec![], vec![yes.clone()], &["gained - 0"]),
            ("lost", vec![yes.clone()], vec![], &["lost 0 -"]),
            (
                "respeaker",
                vec![yes.clone()],
                vec![direct("Bo Li", "Yes", 10)],
                &["respeaker 0 0"],
            ),
            (
                "respeaker from unknown",
                vec![direct("", "Yes", 10)],
                vec![yes.clone()],
                &["respeaker 0 0"],
            ),
            (
                "rekind",
                vec![yes.clone()],
                vec![row("Ann Lee", "mixed", "Yes", 10)],
                &["rekind 0 0"],
            ),
            (
                "respeaker wins over rekind",
                vec![yes.clone()],
                vec![row("Bo Li", "mixed", "Yes", 10)],
                &["respeaker 0 0"],
            ),
            (
                "reshaped: longer",
                vec![yes.clone()],
                vec![direct("Ann Lee", "Yes, sir", 10)],
                &["reshaped 0 0"],
            ),
            (
                "moved offsets match by text",
                vec![yes.clone()],
                vec![direct("Ann Lee", "Yes", 42)],
                &["same 0 0"],
            ),
        ];
        for (name, old, new, want) in cases {
            assert_eq!(show(&pair_rows(&old, &new)), want, "{name}");
        }
    }

    #[test]
    fn exact_span_beats_text_and_text_beats_overlap() {
        // "No" at 0 and at 20 in OLD; NEW keeps the one at 20, moves nothing, and adds
        // an overlapping longer quote over the first.
        let old = [direct("A", "No", 0), direct("B", "No", 20)];
        let new = [direct("A", "No, no", 0), direct("B", "No", 20)];
        assert_eq!(
            show(&pair_rows(&old, &new)),
            ["reshaped 0 0", "same 1 1"],
            "the exact span pairs 1 with 1, leaving 0 to overlap"
        );
        // Repeated text pairs occurrences in order.
        let old = [direct("A", "No", 0), direct("B", "No", 20)];
        let new = [direct("A", "No", 5), direct("C", "No", 25)];
        assert_eq!(show(&pair_rows(&old, &new)), ["same 0 0", "respeaker 1 1"]);
    }

    #[test]
    fn overlap_takes_the_largest_and_leaves_the_rest_gained() {
        let old = [direct("A", "0123456789", 0)];
        let new = [direct("A", "012", 0), direct("A", "3456789xyz", 3)];
        assert_eq!(
            show(&pair_rows(&old, &new)),
            ["gained - 0", "reshaped 0 1"],
            "in text order: the gained row at 0 comes first"
        );
    }

    #[test]
    fn duplicate_rows_pair_one_to_one() {
        let yes = direct("A", "Yes", 0);
        let old = [yes.clone(), yes.clone()];
        let new = [yes.clone()];
        assert_eq!(show(&pair_rows(&old, &new)), ["same 0 0", "lost 1 -"]);
    }
}
