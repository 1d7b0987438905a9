//! Who goes on speaking: the one place continuity between rows is settled.
//!
//! Attribution records facts: a row names its speaker, or stands alone and goes on from
//! whoever spoke last ([`Source::ContinuesLast`]), and some rows are pieces of one quotation
//! over several paragraphs ([`RawAttribution::chain`]). Read in the order the rows were
//! found, these give each row its mention and each continuing row its group:
//!
//! - a quotation standing alone continues the last speaker, and joins their quotation, when
//!   they spoke in its paragraph or the one before, and takes the mention they spoke by
//!   (`she` too), so that both pieces resolve to the same speaker; with no one speaking
//!   just before, the person the story was about just before it speaks ([`Said::Near`]);
//! - the pieces of a multi-paragraph quotation share the attribution of its last piece a
//!   cue attributed, and its pieces without a cue speak with that cue's speaker.

use crate::attribute::{RawAttribution, Source, SpeakerMention};
use crate::attribution::Rule;
use rustc_hash::FxHashMap;

/// Who speaks a row, once continuity is settled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Said {
    /// The words of this mention name the speaker.
    By(SpeakerMention),
    /// A quotation with no cue, no one speaking just before it: the person the story was
    /// about right before this byte speaks it (`Draper won in two sets.` then `“It was
    /// hard.”`).
    Near(usize),
}

/// The last speaker, and where they spoke.
#[derive(Clone, Copy)]
struct LastSpeaker {
    said: Said,
    para: usize,
    group: usize,
}

/// Who speaks each row once continuity is settled, in the order of `rows` (the order they
/// were found); the groups of continuing rows are set to the quotation they go on.
pub(super) fn settle(rows: &mut [RawAttribution]) -> Vec<Said> {
    let mut said = Vec::with_capacity(rows.len());
    let mut last: Option<LastSpeaker> = None;
    for row in rows.iter_mut() {
        let by = match row.source {
            Source::Named(m) => Said::By(m),
            // A continuing row is said as the row it goes on (by the very mention, a pronoun
            // too), so that both resolve to the same speaker.
            Source::ContinuesLast => match last {
                Some(l) if row.para <= l.para + 1 => {
                    row.group = l.group;
                    l.said
                }
                _ => Said::Near(row.quote.start),
            },
        };
        last = Some(LastSpeaker {
            said: by,
            para: row.para,
            group: row.group,
        });
        said.push(by);
    }
    link_chains(rows, &mut said);
    said
}

/// The pieces of a multi-paragraph quotation share the attribution of its last attributed
/// piece; pieces that only continued take its speaker. Two passes over the rows, whatever
/// the number of quotations.
fn link_chains(rows: &mut [RawAttribution], mentions: &mut [Said]) {
    let mut attributed: FxHashMap<usize, (Said, usize)> = FxHashMap::default();
    for (r, m) in rows.iter().zip(mentions.iter()) {
        if let Some(chain) = r.chain.filter(|_| r.rule != Rule::Continuation) {
            attributed.insert(chain, (*m, r.group));
        }
    }
    for (r, m) in rows.iter_mut().zip(mentions.iter_mut()) {
        let Some(&(mention, group)) = r.chain.and_then(|c| attributed.get(&c)) else {
            continue;
        };
        if r.rule == Rule::Continuation {
            *m = mention;
        }
        r.group = group;
    }
}
