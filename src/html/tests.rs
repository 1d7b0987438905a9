use super::*;

#[test]
fn placeholder() {
    assert!(looks_like_html("<!DOCTYPE html><p>x"));
}
