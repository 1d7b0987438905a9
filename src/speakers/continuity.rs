//! Who goes on speaking: the one place continuity between rows is settled.
//!
//! Attribution records facts: a row names its speaker, or stands alone and goes on from
//! whoever spoke last ([`Source::ContinuesLast`]), and some rows are pieces of one quotation
//! over several paragraphs ([`RawAttribution::chain`]). Read in the order the rows were
//! found, these give each row its mention and each continuing row its group:
//!
//! - a quotation standing alone continues the last speaker, and joins their quotation, when
//!   they spoke in its paragraph or the one before, and takes the mention they spoke by
//!   (`she` too), so that both pieces resolve to the same speaker;
//! - the pieces of a multi-paragraph quotation share the attribution of its last piece a
//!   cue attributed, and its pieces without a cue speak with that cue's speaker.

use crate::attribute::{RawAttribution, Source, SpeakerMention};
use crate::attribution::Rule;
use rustc_hash::FxHashMap;

/// The last speaker, and where they spoke.
#[derive(Clone, Copy)]
struct LastSpeaker {
    mention: SpeakerMention,
    para: usize,
    group: usize,
}

/// Each row's speaker mention once continuity is settled, in the order of `rows` (the
/// order they were found); the groups of continuing rows are set to the quotation they go
/// on.
pub(super) fn settle(rows: &mut [RawAttribution]) -> Vec<Option<SpeakerMention>> {
    let mut mentions = Vec::with_capacity(rows.len());
    let mut last: Option<LastSpeaker> = None;
    for row in rows.iter_mut() {
        let mention = match row.source {
            Source::Named(m) => Some(m),
            Source::ContinuesLast => match last {
                Some(l) if row.para <= l.para + 1 => {
                    row.group = l.group;
                    Some(l.mention)
                }
                _ => None,
            },
        };
        // A continuing row carries the very mention it goes on from, a pronoun too, so that
        // it resolves to whom that mention does.
        if let Some(mention) = mention {
            last = Some(LastSpeaker {
                mention,
                para: row.para,
                group: row.group,
            });
        }
        mentions.push(mention);
    }
    link_chains(rows, &mut mentions);
    mentions
}

/// The pieces of a multi-paragraph quotation share the attribution of its last attributed
/// piece; pieces that only continued take its speaker. Two passes over the rows, whatever
/// the number of quotations.
fn link_chains(rows: &mut [RawAttribution], mentions: &mut [Option<SpeakerMention>]) {
    let mut attributed: FxHashMap<usize, (Option<SpeakerMention>, usize)> = FxHashMap::default();
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
