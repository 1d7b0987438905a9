//! Choosing the article: the scoring of a reader mode, over the [`Tree`] of a page.
//!
//! Each paragraph of 25 characters or more scores `1 + commas + min(chars / 100, 3)`, and
//! gives it to the five elements above its block: all of it to the first two, a third of it
//! per level above. An element starts from a score of its tag (`<div>` +5, lists -3,
//! headings -5) and its class, id or `itemprop` (+25 for `article-body`, `story`, `content`,
//! -25 for `related`, `promo`, `comment`, `share`, ...; +50 for schema.org `articleBody`),
//! and its total is scaled by the share of its text that is not link text. The best element
//! wins; the container goes up a level when its parent scores higher or holds several of
//! the other good candidates (a story split in sections), or when it is its parent's only
//! child; siblings that score well, or are long paragraphs with few links, join it.
//!
//! Inside the chosen container, blocks that look like cards or rails are left out: a class
//! that says boilerplate, a block with few commas and many links, a block too short to be a
//! paragraph. Paragraphs that are mostly link text ("READ MORE: ...") go too.

use super::reference;
use super::tree::{Item, Kind, Tree, NONE};
use std::ops::Range;

/// A paragraph of the page: text runs between two breaks.
#[derive(Clone, Debug)]
pub struct Paragraph {
    /// Its runs in [`Tree::items`].
    pub items: Range<usize>,
    /// The block element it is in.
    pub block: u32,
    /// Characters, white space collapsed and references counted as one.
    pub chars: usize,
    /// Characters inside links.
    pub link: usize,
    pub commas: usize,
}

/// The paragraphs of `tree`, in page order, empty ones left out.
pub fn paragraphs(page: &str, tree: &Tree) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, item) in tree.items.iter().chain([&Item::Break]).enumerate() {
        if let Item::Break = item {
            if let Some(p) = measure(page, tree, start..i) {
                out.push(p);
            }
            start = i + 1;
        }
    }
    out
}

fn measure(page: &str, tree: &Tree, items: Range<usize>) -> Option<Paragraph> {
    let bytes = page.as_bytes();
    let (mut chars, mut link, mut commas, mut block) = (0, 0, 0, NONE);
    for item in &tree.items[items.clone()] {
        let Item::Text { start, end, node } = *item else {
            continue;
        };
        let node = &tree.nodes[node as usize];
        block = node.block;
        let (mut n, mut space, mut i) = (0, false, start);
        while i < end {
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                space = true;
                i += 1;
                continue;
            }
            if space {
                n += 1;
                space = false;
            }
            if b == b'&' {
                if let Some((_, len)) = reference::decode(&bytes[i..end]) {
                    n += 1;
                    i += len;
                    continue;
                }
            }
            // Count characters by their first byte.
            if b & 0xC0 != 0x80 {
                n += 1;
            }
            if b == b',' {
                commas += 1;
            } else if b >= 0xD8 {
                // `،` (U+060C), `、` (U+3001) and `，` (U+FF0C) count as commas too.
                let c = page[i..].chars().next().unwrap_or(' ');
                if matches!(c, '\u{060C}' | '\u{3001}' | '\u{FF0C}' | '\u{FE50}') {
                    commas += 1;
                }
            }
            i += 1;
        }
        chars += n;
        if node.in_link {
            link += n;
        }
    }
    (chars > 0).then_some(Paragraph {
        items,
        block,
        chars,
        link,
        commas,
    })
}

/// Per element, summed over its descendants.
#[derive(Clone, Copy, Debug, Default)]
struct Stats {
    chars: usize,
    link: usize,
    commas: usize,
    heading: usize,
    paragraphs: usize,
}

impl Stats {
    fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link as f64 / self.chars as f64
        }
    }
}

/// Which paragraphs make the article; `None` when no element scores (no paragraph is long
/// enough to be one of a story).
pub fn choose(tree: &Tree, paras: &[Paragraph]) -> Option<Vec<usize>> {
    let nodes = &tree.nodes;
    let n = nodes.len();
    let mut stats = vec![Stats::default(); n];
    for p in paras {
        let s = &mut stats[p.block as usize];
        s.chars += p.chars;
        s.link += p.link;
        s.commas += p.commas;
        if matches!(nodes[p.block as usize].props.kind, Kind::Heading | Kind::H1) {
            s.heading += p.chars;
        }
        s.paragraphs += 1;
    }
    // Children come after their parents: one backward pass sums every subtree.
    for i in (1..n).rev() {
        let parent = nodes[i].parent as usize;
        let s = stats[i];
        let t = &mut stats[parent];
        t.chars += s.chars;
        t.link += s.link;
        t.commas += s.commas;
        t.heading += s.heading;
        t.paragraphs += s.paragraphs;
    }

    let mut score: Vec<Option<f64>> = vec![None; n];
    for p in paras {
        let kind = nodes[p.block as usize].props.kind;
        if p.chars < 25 || matches!(kind, Kind::Li | Kind::DdDt | Kind::H1 | Kind::List) {
            continue;
        }
        let content = 1.0 + p.commas as f64 + (p.chars / 100).min(3) as f64;
        let mut at = nodes[p.block as usize].parent;
        for level in 0..5 {
            if at == NONE {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            let s = score[at as usize].get_or_insert_with(|| initial(tree, at));
            *s += content / divider;
            at = nodes[at as usize].parent;
        }
    }
    for (i, s) in score.iter_mut().enumerate() {
        if let Some(s) = s {
            *s *= 1.0 - stats[i].link_density();
        }
    }
    // The five best, the first one in page order on a tie.
    let mut top: Vec<usize> = Vec::with_capacity(6);
    for (i, s) in score.iter().enumerate() {
        let Some(s) = *s else { continue };
        let at = top
            .iter()
            .position(|&t| score[t].is_some_and(|ts| s > ts))
            .unwrap_or(top.len());
        if at < 5 {
            top.insert(at, i);
            top.truncate(5);
        }
    }
    let mut best = *top.first()?;
    let best_score = score[best].unwrap_or(0.0);
    let ancestors = |mut at: usize| {
        let mut out = Vec::new();
        while nodes[at].parent != NONE {
            at = nodes[at].parent as usize;
            out.push(at);
        }
        out
    };

    // A story split in sections: three or more near-best candidates under one element.
    // Counted per element, so a deep page costs its depth once per candidate, not squared.
    let others: Vec<usize> = top[1..]
        .iter()
        .copied()
        .filter(|&t| score[t].unwrap_or(0.0) / best_score >= 0.75)
        .collect();
    if others.len() >= 3 {
        let mut shared = vec![0u8; n];
        for &t in &others {
            for up in ancestors(t) {
                shared[up] += 1;
            }
        }
        for up in ancestors(best) {
            if up == 0 {
                break;
            }
            if shared[up] >= 3 {
                best = up;
                break;
            }
        }
    }
    // Up while the parent scores higher than the container: the story continues there.
    let mut last = score[best].unwrap_or(0.0);
    let threshold = last / 3.0;
    let mut up = nodes[best].parent;
    while up != NONE && up != 0 {
        if let Some(s) = score[up as usize] {
            if s < threshold {
                break;
            }
            if s > last {
                best = up as usize;
                break;
            }
            last = s;
        }
        up = nodes[up as usize].parent;
    }
    // An only child stands for its parent.
    while nodes[best].parent != NONE
        && nodes[best].parent != 0
        && nodes[nodes[best].parent as usize].children == 1
    {
        best = nodes[best].parent as usize;
    }

    let mut chosen = vec![false; n];
    chosen[best] = true;
    let best_score = score[best].unwrap_or(0.0);
    let sibling_threshold = (best_score * 0.2).max(10.0);
    let parent = nodes[best].parent;
    if parent != NONE {
        // Siblings are the elements whose parent is the container's parent: a scan from the
        // container's parent, which is at most the page.
        for i in (parent as usize + 1)..n {
            if nodes[i].parent != parent || i == best || nodes[i].dropped {
                continue;
            }
            let mut bonus = 0.0;
            if !nodes[i].class.is_empty() && nodes[i].class == nodes[best].class {
                bonus = best_score * 0.2;
            }
            let s = &stats[i];
            let same_class = bonus > 0.0;
            let join = match score[i] {
                Some(sc) if sc + bonus >= sibling_threshold => true,
                // A story cut in sections of one class: the other sections' paragraphs
                // scored their own elements, too far below for the sibling to have a score.
                _ if same_class && s.chars >= 140 && s.link_density() < 0.25 => true,
                _ if nodes[i].props.kind == Kind::P => {
                    let ld = s.link_density();
                    (s.chars > 80 && ld < 0.25) || (s.chars > 0 && s.chars <= 80 && ld == 0.0)
                }
                _ => false,
            };
            chosen[i] = join;
        }
    }

    // Inside the article: in[i] says an element is in it, cleaned[i] that it is left out.
    let mut inside = vec![false; n];
    let mut cleaned = vec![false; n];
    let total = stats[best].chars.max(1);
    for i in 0..n {
        let parent = nodes[i].parent;
        let parent_in = parent != NONE && inside[parent as usize];
        inside[i] = chosen[i] || parent_in;
        if parent != NONE {
            cleaned[i] = cleaned[parent as usize];
        }
        if parent_in && !chosen[i] && !cleaned[i] {
            cleaned[i] = clean(tree, &stats[i], i, total);
        }
    }
    let mut kept = Vec::new();
    for (k, p) in paras.iter().enumerate() {
        let b = p.block as usize;
        let links = p.link * 2 > p.chars && p.chars < 400;
        if inside[b] && !cleaned[b] && !links {
            kept.push(k);
        }
    }
    Some(kept)
}

/// The score an element starts from: its tag and its class, id and `itemprop`.
fn initial(tree: &Tree, at: u32) -> f64 {
    let node = &tree.nodes[at as usize];
    let tag = match node.props.kind {
        Kind::Div | Kind::Article | Kind::Main => 5,
        Kind::Pre | Kind::Cell | Kind::Blockquote => 3,
        Kind::List | Kind::Li | Kind::DdDt => -3,
        Kind::Heading | Kind::H1 => -5,
        _ => 0,
    };
    f64::from(tag + node.weight)
}

/// Whether a block inside the article is a card, rail or label rather than the story's.
fn clean(tree: &Tree, s: &Stats, i: usize, total: usize) -> bool {
    let node = &tree.nodes[i];
    let kind = node.props.kind;
    if !matches!(
        kind,
        Kind::Div | Kind::Section | Kind::Article | Kind::List | Kind::Table | Kind::Other
    ) || s.chars == 0
    {
        return false;
    }
    // A block that holds most of the story is the story, whatever its class says.
    if s.chars * 5 >= total * 2 && s.link_density() < 0.3 {
        return false;
    }
    if node.weight < 0 {
        return true;
    }
    if s.commas >= 10 {
        return false;
    }
    let ld = s.link_density();
    let list = kind == Kind::List;
    let heading_density = s.heading as f64 / s.chars as f64;
    (!list && node.weight < 25 && ld > 0.2)
        || (ld > 0.5)
        || (!list && heading_density < 0.9 && s.chars < 25)
}
