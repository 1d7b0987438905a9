//! The page as a reader mode sees it before choosing: a flat list of elements (each knowing
//! its parent) and, in page order, the runs of visible text between them and the breaks
//! that block elements make.
//!
//! Elements are built from the tokens the way a browser's tree builder would in the cases
//! that change a reader's text: void elements (`<br>`, `<img>`) hold nothing, a block that
//! opens closes an open `<p>`, `<li>` closes the `<li>` before it (`<td>`, `<tr>`, `<dd>`
//! likewise), an end tag closes the elements opened after its start tag, and an end tag
//! with no open element of its name is ignored (`</p>` alone is a break, as the standard's
//! empty paragraph is). Nothing here recurses and every search up the stack is bounded or
//! pays for itself by popping, so 100,000 nested `<div>`s or a page of unclosed tags are
//! read in linear time.
//!
//! Elements that never hold the story's text are *dropped* with their content: scripts and
//! styles, navigation, asides, footers, forms, figures and their captions, hidden elements
//! (`hidden`, `aria-hidden="true"`, `display:none`), and those whose class or id says they
//! are comments, menus, share bars, related links or adverts (and says nothing of content).

use super::token::{attributes, Token, Tokenizer};
use rustc_hash::FxHashMap as HashMap;

/// No element: the parent of the root.
pub const NONE: u32 = u32::MAX;

/// What the builder knows of a tag name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Props {
    /// Starts and ends a paragraph of text.
    pub block: bool,
    /// Holds no text of the story, whatever its class.
    pub dropped: bool,
    /// Never has content (`<br>`, `<img>`).
    pub void: bool,
    pub kind: Kind,
}

/// Tags the builder or the scorer treat on their own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kind {
    #[default]
    Other,
    P,
    Li,
    DdDt,
    Cell,
    Row,
    Heading,
    H1,
    Anchor,
    Br,
    Pre,
    Div,
    List,
    Table,
    Article,
    Main,
    Section,
    Blockquote,
    Body,
    /// A scope the `<p>`/`<li>` searches never cross (`<table>`, `<td>`, `<button>`, ...).
    Scope,
}

fn props(name: &[u8]) -> Props {
    let block = |kind| Props {
        block: true,
        kind,
        ..Props::default()
    };
    let dropped = Props {
        block: true,
        dropped: true,
        ..Props::default()
    };
    match name {
        b"p" => block(Kind::P),
        b"li" => block(Kind::Li),
        b"dd" | b"dt" => block(Kind::DdDt),
        b"td" | b"th" => block(Kind::Cell),
        b"tr" => block(Kind::Row),
        b"h1" => block(Kind::H1),
        b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => block(Kind::Heading),
        b"pre" | b"listing" => block(Kind::Pre),
        b"div" | b"center" => block(Kind::Div),
        b"ul" | b"ol" | b"dl" | b"dir" => block(Kind::List),
        b"table" => block(Kind::Table),
        b"article" => block(Kind::Article),
        b"main" => block(Kind::Main),
        b"section" => block(Kind::Section),
        b"blockquote" => block(Kind::Blockquote),
        b"body" | b"html" => block(Kind::Body),
        b"caption" | b"tbody" | b"thead" | b"tfoot" | b"address" | b"details" | b"summary"
        | b"hgroup" | b"header" | b"fieldset" | b"legend" | b"colgroup" => block(Kind::Other),
        b"br" => Props {
            block: true,
            void: true,
            kind: Kind::Br,
            ..Props::default()
        },
        b"hr" => Props {
            block: true,
            void: true,
            ..Props::default()
        },
        b"area" | b"base" | b"col" | b"embed" | b"img" | b"input" | b"link" | b"meta"
        | b"param" | b"source" | b"track" | b"wbr" | b"keygen" => Props {
            void: true,
            ..Props::default()
        },
        b"a" => Props {
            kind: Kind::Anchor,
            ..Props::default()
        },
        b"script" | b"style" | b"noscript" | b"template" | b"svg" | b"math" | b"iframe"
        | b"object" | b"canvas" | b"nav" | b"aside" | b"footer" | b"form" | b"button"
        | b"select" | b"option" | b"textarea" | b"label" | b"figure" | b"figcaption"
        | b"picture" | b"video" | b"audio" | b"head" | b"title" | b"dialog" | b"menu" | b"xmp"
        | b"noembed" | b"noframes" | b"frameset" | b"map" | b"datalist" => dropped,
        _ => Props::default(),
    }
}

/// One element of the page.
#[derive(Clone, Debug)]
pub struct Node {
    pub parent: u32,
    pub name: u32,
    pub props: Props,
    /// Dropped, itself or through an ancestor.
    pub dropped: bool,
    /// Inside a link.
    pub in_link: bool,
    /// The nearest block: itself when it is one.
    pub block: u32,
    /// Score from class, id and `itemprop`: above 0 says content, below 0 boilerplate.
    pub weight: i32,
    /// The class attribute, lowercased, for the sibling test (same class as the story).
    pub class: Box<str>,
    /// Element children not dropped.
    pub children: u32,
}

/// A piece of the page in reading order.
#[derive(Clone, Copy, Debug)]
pub enum Item {
    /// Character data at `start..end`, in element `node`.
    Text { start: usize, end: usize, node: u32 },
    /// A block element opened or closed, or a `<br>`: a paragraph ends.
    Break,
}

/// The elements and the text of a page.
#[derive(Debug, Default)]
pub struct Tree {
    pub nodes: Vec<Node>,
    pub items: Vec<Item>,
}

/// How far up the stack an inline end tag or an implied end looks for its element.
const SEARCH: usize = 64;

struct Builder<'a> {
    page: &'a [u8],
    tree: Tree,
    stack: Vec<u32>,
    /// For each open element, the length of the item list right after the break its start
    /// tag made, if it made one: a block that closes with nothing added since takes its
    /// break back, as an empty `<div>` (an icon, a spacer) inside a sentence splits no
    /// paragraph a reader would see.
    marks: Vec<Option<usize>>,
    names: HashMap<Vec<u8>, u32>,
    name_props: Vec<Props>,
    /// Open elements of each name: an end tag with none open costs nothing.
    open: Vec<u32>,
    lower: Vec<u8>,
    /// Whether class and id may drop an element (off for the second try at a page).
    unlikely: bool,
    /// The name `p`: a block that opens closes an open paragraph.
    p: u32,
}

/// Builds the tree of `page`; `unlikely` drops elements whose class or id says boilerplate.
pub fn build(page: &str, unlikely: bool) -> Tree {
    let mut b = Builder {
        page: page.as_bytes(),
        tree: Tree::default(),
        stack: vec![0],
        marks: vec![None],
        names: HashMap::default(),
        name_props: Vec::new(),
        open: Vec::new(),
        lower: Vec::new(),
        unlikely,
        p: 0,
    };
    let root = b.intern(b"#root");
    b.p = b.intern(b"p");
    b.tree.nodes.push(Node {
        parent: NONE,
        name: root,
        props: Props {
            block: true,
            kind: Kind::Body,
            ..Props::default()
        },
        dropped: false,
        in_link: false,
        block: 0,
        weight: 0,
        class: "".into(),
        children: 0,
    });
    for token in Tokenizer::new(page) {
        match token {
            Token::Text { start, end } => b.text(start, end),
            Token::Start { name, attrs, .. } => b.start(name, attrs),
            Token::End { name, .. } => b.end(name),
        }
    }
    b.tree
}

impl Builder<'_> {
    fn intern(&mut self, name: &[u8]) -> u32 {
        let name = if name.iter().any(u8::is_ascii_uppercase) {
            self.lower.clear();
            self.lower.extend(name.iter().map(u8::to_ascii_lowercase));
            &self.lower[..]
        } else {
            name
        };
        if let Some(&id) = self.names.get(name) {
            return id;
        }
        let id = self.name_props.len() as u32;
        self.name_props.push(props(name));
        self.open.push(0);
        self.names.insert(name.to_vec(), id);
        id
    }

    fn top(&self) -> u32 {
        // The root is never popped.
        *self.stack.last().unwrap_or(&0)
    }

    fn text(&mut self, start: usize, end: usize) {
        let node = self.top();
        // White space after a break is trimmed from the paragraph anyway; left out, it does
        // not make an empty block look full.
        let blank = matches!(self.tree.items.last(), Some(Item::Break) | None)
            && self.page[start..end].iter().all(u8::is_ascii_whitespace);
        if !blank && !self.tree.nodes[node as usize].dropped {
            self.tree.items.push(Item::Text { start, end, node });
        }
    }

    /// Ends the paragraph; whether a break was added.
    fn brk(&mut self) -> bool {
        if matches!(self.tree.items.last(), Some(Item::Break) | None) {
            return false;
        }
        self.tree.items.push(Item::Break);
        true
    }

    fn pop(&mut self) {
        if self.stack.len() > 1 {
            if let Some(node) = self.stack.pop() {
                let mark = self.marks.pop().flatten();
                let node = &self.tree.nodes[node as usize];
                self.open[node.name as usize] -= 1;
                if node.props.block {
                    if mark == Some(self.tree.items.len()) {
                        self.tree.items.pop();
                    } else {
                        self.brk();
                    }
                }
            }
        }
    }

    /// Pops through the nearest open element of kind `kind`, looking no further down than
    /// an element that stops the search.
    fn close_open(&mut self, kind: Kind, stops: impl Fn(&Props) -> bool) {
        let found = self
            .stack
            .iter()
            .rev()
            .take(SEARCH)
            .map(|&n| &self.tree.nodes[n as usize].props)
            .take_while(|p| p.kind == kind || !stops(p))
            .position(|p| p.kind == kind);
        if let Some(depth) = found {
            for _ in 0..=depth {
                self.pop();
            }
        }
    }

    fn start(&mut self, name: &[u8], attrs: &[u8]) {
        let id = self.intern(name);
        let props = self.name_props[id as usize];
        // Implied ends, as the standard's tree builder makes them.
        let closes_p = props.block && props.kind != Kind::Br && props.kind != Kind::Cell;
        if closes_p && self.open[self.p as usize] > 0 {
            self.close_open(Kind::P, |p| p.block);
        }
        match props.kind {
            Kind::Li => self.close_open(Kind::Li, |p| {
                matches!(p.kind, Kind::List | Kind::Scope | Kind::Table | Kind::Cell)
            }),
            Kind::DdDt => self.close_open(Kind::DdDt, |p| {
                matches!(p.kind, Kind::List | Kind::Scope | Kind::Table | Kind::Cell)
            }),
            Kind::Cell => {
                self.close_open(Kind::Cell, |p| matches!(p.kind, Kind::Row | Kind::Table))
            }
            Kind::Row => self.close_open(Kind::Row, |p| matches!(p.kind, Kind::Table)),
            Kind::Heading | Kind::H1 => {
                let top = &self.tree.nodes[self.top() as usize].props;
                if matches!(top.kind, Kind::Heading | Kind::H1) {
                    self.pop();
                }
            }
            _ => {}
        }
        if props.void {
            if props.block {
                self.brk();
            }
            return;
        }
        let parent = self.top();
        let p = &self.tree.nodes[parent as usize];
        let (parent_dropped, parent_link, parent_block) = (p.dropped, p.in_link, p.block);
        let (weight, class, hidden) = if parent_dropped {
            (0, "".into(), false)
        } else {
            inspect(attrs)
        };
        let unlikely = self.unlikely
            && weight < 50
            && !matches!(
                props.kind,
                Kind::Body | Kind::Anchor | Kind::Article | Kind::Main
            )
            && is_unlikely(&class_and_id(attrs, &class));
        let dropped = parent_dropped || props.dropped || hidden || unlikely;
        let index = self.tree.nodes.len() as u32;
        if !dropped {
            self.tree.nodes[parent as usize].children += 1;
        }
        self.tree.nodes.push(Node {
            parent,
            name: id,
            props,
            dropped,
            in_link: parent_link || props.kind == Kind::Anchor,
            block: if props.block { index } else { parent_block },
            weight,
            class,
            children: 0,
        });
        self.stack.push(index);
        self.open[id as usize] += 1;
        let broke = props.block && self.brk();
        self.marks.push(broke.then_some(self.tree.items.len()));
    }

    fn end(&mut self, name: &[u8]) {
        let id = self.intern(name);
        let props = self.name_props[id as usize];
        if self.open[id as usize] == 0 {
            // `</p>` and `</br>` with nothing open still break the line, as in a browser.
            if matches!(props.kind, Kind::P | Kind::Br) {
                self.brk();
            }
            return;
        }
        if props.block {
            // Every element popped was pushed once: the cost is paid for by the pushes.
            while let Some(&top) = self.stack.last() {
                if self.stack.len() == 1 {
                    break;
                }
                let found = self.tree.nodes[top as usize].name == id;
                self.pop();
                if found {
                    break;
                }
            }
            return;
        }
        // An inline end tag closes its element only across other inline elements (`<b><i>x</b>`);
        // `</span>` never closes the `<div>` opened inside the span.
        let depth = self
            .stack
            .iter()
            .rev()
            .take(SEARCH)
            .take_while(|&&n| n != 0)
            .map(|&n| &self.tree.nodes[n as usize])
            .take_while(|n| n.name == id || !n.props.block)
            .position(|n| n.name == id);
        if let Some(depth) = depth {
            for _ in 0..=depth {
                self.pop();
            }
        }
    }
}

/// Class weight, lowercased class (for the sibling test), and whether the element is hidden.
fn inspect(attrs: &[u8]) -> (i32, Box<str>, bool) {
    let mut weight = 0;
    let mut class: Box<str> = "".into();
    let mut hidden = false;
    for (name, value) in attributes(attrs) {
        let value_lower = || String::from_utf8_lossy(value).to_ascii_lowercase();
        if name.eq_ignore_ascii_case(b"class") {
            let v = value_lower();
            weight += hint_weight(&v);
            class = v.into();
        } else if name.eq_ignore_ascii_case(b"id") {
            weight += hint_weight(&value_lower());
        } else if name.eq_ignore_ascii_case(b"itemprop") || name.eq_ignore_ascii_case(b"property") {
            if value_lower().contains("articlebody") {
                weight += 50;
            }
        } else if name.eq_ignore_ascii_case(b"hidden") {
            hidden = true;
        } else if name.eq_ignore_ascii_case(b"aria-hidden") {
            hidden |= value.eq_ignore_ascii_case(b"true");
        } else if name.eq_ignore_ascii_case(b"style") {
            let v: String = value_lower().split_whitespace().collect();
            hidden |= v.contains("display:none") || v.contains("visibility:hidden");
        } else if name.eq_ignore_ascii_case(b"role") {
            let v = value_lower();
            hidden |= matches!(
                v.as_str(),
                "menu"
                    | "menubar"
                    | "complementary"
                    | "navigation"
                    | "alert"
                    | "alertdialog"
                    | "dialog"
            );
            if v == "main" || v == "article" {
                weight += 25;
            }
        }
    }
    (weight, class, hidden)
}

/// `class id`, lowercased, for the unlikely-candidate test.
fn class_and_id(attrs: &[u8], class: &str) -> String {
    let mut s = class.to_owned();
    for (name, value) in attributes(attrs) {
        if name.eq_ignore_ascii_case(b"id") {
            s.push(' ');
            s.push_str(&String::from_utf8_lossy(value).to_ascii_lowercase());
        }
    }
    s
}

// These lists stay in Rust, beside the scorer that weighs them: they are fragments of
// page templates' class and id names (`-ad-`, `h-entry`), matched inside markup, not words
// of the language the grammar files describe.

/// Words in a class or id that say the element is the story.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
    "blog", "story",
];

/// Words that say it is not.
const NEGATIVE: &[&str] = &[
    "-ad-",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "teaser",
    "newsletter",
    "recommend",
    "trending",
    "popular",
    "social",
    "subscribe",
    "signup",
    "byline-share",
    "caption",
];

/// Class or id words of elements not worth reading at all (unless they also say content).
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
    "newsletter",
    "teaser",
    "promo",
    "share",
    "outbrain",
    "taboola",
];

const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
];

/// +25 for a class or id that says content, -25 for one that says boilerplate (each once).
pub fn hint_weight(value: &str) -> i32 {
    if value.is_empty() {
        return 0;
    }
    let mut weight = 0;
    if NEGATIVE.iter().any(|w| value.contains(w)) || value.split_whitespace().any(|w| w == "hid") {
        weight -= 25;
    }
    if POSITIVE.iter().any(|w| value.contains(w)) {
        weight += 25;
    }
    weight
}

fn is_unlikely(class_and_id: &str) -> bool {
    !class_and_id.trim().is_empty()
        && UNLIKELY.iter().any(|w| class_and_id.contains(w))
        && !MAYBE.iter().any(|w| class_and_id.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text runs of `page`, with `|` for each break.
    fn flow(page: &str) -> String {
        let tree = build(page, true);
        tree.items
            .iter()
            .map(|item| match *item {
                Item::Text { start, end, .. } => page[start..end].to_string(),
                Item::Break => "|".into(),
            })
            .collect()
    }

    #[test]
    fn known_answers() {
        let cases = [
            ("<p>a<p>b", "a|b"),
            ("<p>a<div>b</div>c</p>", "a|b|c|"),
            ("<ul><li>a<li>b</ul>", "a|b|"),
            ("<b>a<div>b</b>c</div>", "a|bc|"),
            ("<div>a</span>b</div>", "ab|"),
            ("<nav>menu</nav><p>x</p>", "x|"),
            (
                "<div class=\"share-bar\">s</div><div class=\"content share\">k</div>",
                "k|",
            ),
            (
                "<p hidden>h</p><p style=\"display: none\">n</p><p>v</p>",
                "v|",
            ),
            ("a<br>b</p>c", "a|b|c"),
            ("<article-sso><p>a</p></article-sso><p>b</p>", "a|b|"),
        ];
        for (page, want) in cases {
            assert_eq!(flow(page), want, "{page}");
        }
    }

    #[test]
    fn deep_nesting_is_linear_and_flat() {
        let page = "<div>".repeat(100_000) + "x" + &"</span>".repeat(100_000);
        let tree = build(&page, true);
        assert_eq!(tree.nodes.len(), 100_001);
    }
}
