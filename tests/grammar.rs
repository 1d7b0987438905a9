//! The grammar files stay tidy: every line trimmed, every entry unique and sorted within its
//! group, and each file in the shape `src/lexicon.rs` parses (see `grammar/README.md`).
//!
//! "Sorted" means byte order of the lowercase entry (the first TAB-separated field). A group
//! is a run of entry lines between comment or blank lines; in `speech-verbs.txt` a group is
//! everything under one `# lemma class` header. The checks here are written independently of
//! the loader so that a mistake in one is caught by the other.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

/// How a file's entries are keyed and checked.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// One lowercase word a line.
    Words,
    /// Lowercase words; a final dot is ignored by lookups, so keys are unique without it.
    Titles,
    /// Case-sensitive tokens that end with a dot.
    Abbreviations,
    /// `word<TAB>gender`: pronouns and honorifics.
    Pronouns,
    /// `# lemma class` headers, then `form<TAB>tag`.
    Verbs,
    /// `open<TAB>close<TAB>name`.
    QuoteMarks,
    /// Lowercase phrases, one a line.
    Phrases,
    /// `short<TAB>long`, both lowercase words.
    Expansions,
}

const FILES: &[(&str, Kind)] = &[
    ("abbreviations.txt", Kind::Abbreviations),
    ("addressee-words.txt", Kind::Words),
    ("adjunct-openers.txt", Kind::Words),
    ("affiliation-links.txt", Kind::Words),
    ("anonymous-sources.txt", Kind::Words),
    ("articles.txt", Kind::Words),
    ("auxiliaries.txt", Kind::Words),
    ("be-forms.txt", Kind::Words),
    ("boilerplate.txt", Kind::Phrases),
    ("clause-links.txt", Kind::Words),
    ("coordinators.txt", Kind::Words),
    ("description-links.txt", Kind::Words),
    ("determiners.txt", Kind::Words),
    ("first-names.txt", Kind::Pronouns),
    ("function-words.txt", Kind::Words),
    ("honorifics.txt", Kind::Pronouns),
    ("modals.txt", Kind::Words),
    ("negators.txt", Kind::Words),
    ("non-content-starts.txt", Kind::Words),
    ("number-words.txt", Kind::Words),
    ("org-words.txt", Kind::Words),
    ("places.txt", Kind::Phrases),
    ("pronouns.txt", Kind::Pronouns),
    ("quote-marks.tsv", Kind::QuoteMarks),
    ("sentence-openers.txt", Kind::Words),
    ("source-links.txt", Kind::Words),
    ("speech-verbs.txt", Kind::Verbs),
    ("stop-words.txt", Kind::Words),
    ("time-words.txt", Kind::Words),
    ("title-abbreviations.txt", Kind::Expansions),
    ("titles.txt", Kind::Titles),
];

const CLASSES: &[&str] = &["speech", "characterise", "belief"];
const FLAGS: &[&str] = &["addressee", "addressee-only"];
const FORMS: &[&str] = &["base", "present", "past", "gerund"];
const GENDERS: &[&str] = &[
    "masculine",
    "feminine",
    "plural",
    "neuter",
    "first",
    "first-plural",
];

fn grammar_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("grammar")
}

fn read(name: &str) -> String {
    let path = grammar_dir().join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `# lemma class [flag ...]`, the header of a verb group, as the loader's `verb-header`
/// rule has it.
fn verb_header(line: &str) -> Option<(&str, &str)> {
    let mut words = line.strip_prefix("# ")?.split(' ');
    let (lemma, class) = (words.next()?, words.next()?);
    let lemma_ok = lemma.starts_with(|c: char| c.is_ascii_lowercase())
        && lemma.chars().all(|c| c.is_ascii_lowercase() || c == '-');
    let mut flags: Vec<&str> = words.collect();
    let particle = |f: &str| {
        f.strip_prefix('+')
            .is_some_and(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase()))
    };
    let flags_ok = flags.iter().all(|f| FLAGS.contains(f) || particle(f)) && {
        let n = flags.len();
        flags.dedup();
        flags.len() == n
    };
    (lemma_ok && CLASSES.contains(&class) && flags_ok).then_some((lemma, class))
}

/// A line that is not an entry and so ends a group (headers in the verb file aside).
fn is_separator(line: &str) -> bool {
    line.is_empty() || line.starts_with('#')
}

/// What must be unique across a file.
fn unique_key(kind: Kind, entry: &str) -> String {
    let first = entry.split('\t').next().unwrap_or(entry);
    match kind {
        Kind::Abbreviations => first.to_owned(),
        Kind::Titles => first.strip_suffix('.').unwrap_or(first).to_lowercase(),
        _ => first.to_lowercase(),
    }
}

/// The byte order the files are sorted in.
fn sort_key(entry: &str) -> String {
    entry.split('\t').next().unwrap_or(entry).to_lowercase()
}

#[test]
fn every_grammar_file_is_known_here() {
    let mut on_disk: Vec<String> = fs::read_dir(grammar_dir())
        .expect("grammar/ is readable")
        .map(|e| {
            e.expect("a directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name != "README.md")
        .collect();
    on_disk.sort();
    let known: Vec<&str> = FILES.iter().map(|(name, _)| *name).collect();
    assert_eq!(
        on_disk, known,
        "a new grammar file needs a rule in FILES (and in lexicon.rs)"
    );
    let readme = read("README.md");
    for name in known {
        assert!(
            readme.contains(name),
            "grammar/README.md does not describe {name}"
        );
    }
}

#[test]
fn lines_are_trimmed() {
    for &(name, kind) in FILES {
        let text = read(name);
        assert!(text.ends_with('\n'), "{name}: no final line feed");
        assert!(!text.contains('\r'), "{name}: carriage return");
        for (i, line) in text.lines().enumerate() {
            let at = format!("grammar/{name}:{}", i + 1);
            assert_eq!(line.trim(), line, "{at}: leading or trailing whitespace");
            if !is_separator(line) {
                for field in line.split('\t') {
                    assert!(!field.is_empty(), "{at}: empty field");
                    // Phrases hold single spaces between words, never runs or tabs.
                    let ok = match kind {
                        Kind::Phrases => !field.contains("  ") && !field.contains('\t'),
                        _ => !field.contains(char::is_whitespace),
                    };
                    assert!(ok, "{at}: space in {field:?}");
                }
            }
        }
    }
}

#[test]
fn entries_are_unique_and_sorted_within_groups() {
    for &(name, kind) in FILES {
        let text = read(name);
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut previous: Option<String> = None;
        for (i, line) in text.lines().enumerate() {
            let at = format!("grammar/{name}:{}", i + 1);
            if kind == Kind::Verbs && verb_header(line).is_some() {
                previous = None;
                continue;
            }
            if is_separator(line) {
                // In the verb file a comment may sit inside a group without splitting it.
                if kind != Kind::Verbs {
                    previous = None;
                }
                continue;
            }
            if let Some(first) = seen.insert(unique_key(kind, line), i + 1) {
                panic!("{at}: {line:?} duplicates line {first}");
            }
            let key = sort_key(line);
            if let Some(prev) = &previous {
                assert!(
                    prev.as_bytes() < key.as_bytes(),
                    "{at}: {line:?} sorts before {prev:?}"
                );
            }
            previous = Some(key);
        }
    }
}

#[test]
fn case_insensitive_lists_are_lowercase() {
    for &(name, kind) in FILES {
        if matches!(kind, Kind::Abbreviations | Kind::QuoteMarks) {
            continue;
        }
        for (i, line) in read(name).lines().enumerate() {
            if !is_separator(line) {
                assert_eq!(
                    line.to_lowercase(),
                    line,
                    "grammar/{name}:{}: not lowercase",
                    i + 1
                );
            }
        }
    }
}

#[test]
fn word_lists_hold_one_word_a_line() {
    for &(name, kind) in FILES {
        if !matches!(kind, Kind::Words | Kind::Titles | Kind::Abbreviations) {
            continue;
        }
        for (i, line) in read(name).lines().enumerate() {
            if !is_separator(line) {
                assert!(
                    !line.contains('\t'),
                    "grammar/{name}:{}: a TAB in a word list",
                    i + 1
                );
            }
        }
    }
}

#[test]
fn abbreviations_end_with_a_dot() {
    for (i, line) in read("abbreviations.txt").lines().enumerate() {
        if !is_separator(line) {
            assert!(
                line.ends_with('.'),
                "grammar/abbreviations.txt:{}: {line:?}",
                i + 1
            );
        }
    }
}

#[test]
fn pronouns_and_honorifics_carry_a_known_gender() {
    for (name, line_no, line) in ["pronouns.txt", "honorifics.txt", "first-names.txt"]
        .into_iter()
        .flat_map(|name| {
            let text = read(name);
            let lines: Vec<(usize, String)> = text
                .lines()
                .enumerate()
                .map(|(i, l)| (i + 1, l.to_owned()))
                .collect();
            lines.into_iter().map(move |(i, l)| (name, i, l))
        })
    {
        if is_separator(&line) {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let at = format!("grammar/{name}:{line_no}");
        assert_eq!(fields.len(), 2, "{at}: want word<TAB>gender");
        assert!(
            GENDERS.contains(&fields[1]),
            "{at}: unknown gender {:?}",
            fields[1]
        );
    }
}

#[test]
fn quote_marks_are_rows_of_three_with_unique_opens_and_names() {
    let mut opens = HashSet::new();
    let mut names = HashSet::new();
    let text = read("quote-marks.tsv");
    for (i, line) in text.lines().enumerate() {
        if is_separator(line) {
            continue;
        }
        let at = format!("grammar/quote-marks.tsv:{}", i + 1);
        let fields: Vec<&str> = line.split('\t').collect();
        let [open, _close, name] = fields[..] else {
            panic!("{at}: want open<TAB>close<TAB>name");
        };
        assert!(opens.insert(open), "{at}: open mark {open:?} listed twice");
        assert!(names.insert(name), "{at}: name {name:?} listed twice");
        let name_ok = name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        assert!(name_ok, "{at}: name {name:?} is not kebab-case");
    }
    assert!(
        opens.contains("“") && opens.contains("\""),
        "the two marks of English news"
    );
}

/// One `# lemma class` group of `speech-verbs.txt`: its header line and its forms.
struct VerbGroup<'a> {
    line: usize,
    lemma: &'a str,
    forms: Vec<(&'a str, &'a str)>,
}

fn verb_groups(text: &str) -> Vec<VerbGroup<'_>> {
    let mut groups: Vec<VerbGroup<'_>> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let at = format!("grammar/speech-verbs.txt:{}", i + 1);
        if let Some((lemma, _)) = verb_header(line) {
            groups.push(VerbGroup {
                line: i + 1,
                lemma,
                forms: Vec::new(),
            });
        } else if !is_separator(line) {
            let Some((form, tag)) = line.split_once('\t') else {
                panic!("{at}: want form<TAB>tag");
            };
            assert!(FORMS.contains(&tag), "{at}: unknown form tag {tag:?}");
            let Some(group) = groups.last_mut() else {
                panic!("{at}: a form before any `# lemma class` header");
            };
            group.forms.push((form, tag));
        } else if let Some(rest) = line.strip_prefix("# ") {
            // A comment shaped like a header with an unknown class is most likely a typo.
            let words: Vec<&str> = rest.split(' ').collect();
            let typo = words.len() == 2 && words[0].chars().all(|c| c.is_ascii_lowercase());
            assert!(
                !typo || line.ends_with('.'),
                "{at}: {line:?} looks like a header"
            );
        }
    }
    groups
}

#[test]
fn every_verb_group_has_a_finite_form_and_its_lemma() {
    let text = read("speech-verbs.txt");
    let groups = verb_groups(&text);
    assert!(groups.len() >= 120, "only {} lemmas", groups.len());
    let mut lemmas = HashSet::new();
    for g in &groups {
        let at = format!("grammar/speech-verbs.txt:{}", g.line);
        assert!(
            lemmas.insert(g.lemma),
            "{at}: lemma {:?} listed twice",
            g.lemma
        );
        assert!(
            g.forms
                .iter()
                .any(|&(_, tag)| tag == "past" || tag == "present"),
            "{at}: {:?} has neither a past nor a present form",
            g.lemma
        );
        assert!(
            g.forms.contains(&(g.lemma, "base")),
            "{at}: {:?} does not list itself as its base form",
            g.lemma
        );
    }
}

#[test]
fn the_lexicon_loads_every_file() {
    // Panics with file and line if the loader disagrees with the files.
    let lex = whosaid::lexicon::lexicon();
    assert!(lex.speech_verb("said").is_some());
    assert!(lex.takes_addressee("tell") && lex.honorific("Mr").is_some());
    assert!(lex.words().determiners.contains("the"));
    assert!(!lex.quote_marks().is_empty());
}
