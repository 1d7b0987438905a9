use super::*;

#[test]
fn placeholder() {
    assert!(looks_like_html("<!DOCTYPE html><p>x</p>"));
}

/// `DEBUG_PAGE=file DEBUG_TEXT=words cargo test --lib debug_page -- --ignored --nocapture`
#[test]
#[ignore]
fn debug_page() {
    let page = std::fs::read_to_string(std::env::var("DEBUG_PAGE").unwrap()).unwrap();
    let needle = std::env::var("DEBUG_TEXT").unwrap();
    for unlikely in [true, false] {
        let tree = tree::build(&page, unlikely);
        let paras = article::paragraphs(&page, &tree);
        println!(
            "unlikely={unlikely} nodes={} paras={}",
            tree.nodes.len(),
            paras.len()
        );
        let kept = article::choose(&tree, &paras);
        for (k, p) in paras.iter().enumerate() {
            let mut w = text::Writer::default();
            w.paragraph(&page, &tree, p);
            if w.text.contains(&needle) {
                println!(
                    "para {k} kept={:?} chars={} link={}",
                    kept.as_ref().map(|v| v.contains(&k)),
                    p.chars,
                    p.link
                );
                let mut at = p.block;
                while at != tree::NONE {
                    let n = &tree.nodes[at as usize];
                    println!(
                        "  {at} {:?} dropped={} w={} class={:?} children={}",
                        n.props.kind, n.dropped, n.weight, n.class, n.children
                    );
                    at = n.parent;
                }
            }
        }
    }
}
