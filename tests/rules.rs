//! One minimal sentence per attribution rule, with the rows it must give: speaker, kind,
//! quote and rule. Every sentence here is written for this table; none comes from an
//! evaluation corpus.

use whosaid::{Document, Extractor, Rule};

/// A row as the table states it: (speaker, kind, quote, rule).
type Row = (&'static str, &'static str, &'static str, &'static str);

fn rows(text: &str) -> Vec<(String, String, String, String)> {
    let doc = Document::new("t", text);
    Extractor::new()
        .extract(&doc)
        .into_iter()
        .map(|a| {
            (
                a.speaker.name.clone(),
                a.kind.as_str().to_string(),
                text[a.quote.range()].to_string(),
                a.rule.as_str().to_string(),
            )
        })
        .collect()
}

fn check(cases: &[(&str, &[Row])]) {
    let mut failures = Vec::new();
    for (text, want) in cases {
        for (_, _, _, rule) in want.iter() {
            assert!(
                Rule::from_name(rule).is_some(),
                "{rule:?} is no rule whosaid has"
            );
        }
        let got = rows(text);
        let want: Vec<(String, String, String, String)> = want
            .iter()
            .map(|(s, k, q, r)| (s.to_string(), k.to_string(), q.to_string(), r.to_string()))
            .collect();
        if got != want {
            failures.push(format!("{text:?}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn direct_quotations_and_their_cues() {
    check(&[
        (
            "“We will win,” said Mayor Jane Doe.",
            &[("Jane Doe", "direct", "We will win,", "quote-verb-speaker")],
        ),
        (
            "\"We will win,\" Jane Doe said.",
            &[("Jane Doe", "direct", "We will win,", "quote-speaker-verb")],
        ),
        (
            "“We will win,” Jane Doe, a Democrat, said.",
            &[(
                "Jane Doe",
                "direct",
                "We will win,",
                "quote-speaker-apposition-verb",
            )],
        ),
        (
            "“We will win,” said Jane Doe, the governor of Ohio.",
            &[("Jane Doe", "direct", "We will win,", "quote-verb-speaker")],
        ),
        (
            "Jane Doe said: “We will win.”",
            &[("Jane Doe", "direct", "We will win.", "speaker-verb-content")],
        ),
        (
            "Jane Doe said “we will win.”",
            &[("Jane Doe", "direct", "we will win.", "speaker-verb-content")],
        ),
        (
            "Jane Doe told reporters: “We will win.”",
            &[("Jane Doe", "direct", "We will win.", "speaker-verb-content")],
        ),
        (
            "Jane Doe warned: “We will not back down.”",
            &[(
                "Jane Doe",
                "direct",
                "We will not back down.",
                "speaker-verb-content",
            )],
        ),
        (
            "“We will win.” ― Jane Doe",
            &[("Jane Doe", "direct", "We will win.", "quote-dash-speaker")],
        ),
        (
            "'It's not fair,' said one commuter, Sarah Jones, 34.",
            &[(
                "Sarah Jones",
                "direct",
                "It's not fair,",
                "quote-verb-speaker",
            )],
        ),
        (
            "Speaking on Monday, Jane Doe said: “We will win.”",
            &[("Jane Doe", "direct", "We will win.", "speaker-verb-content")],
        ),
        (
            "Her colleague, nurse Luis Ortega, put it more bluntly: “We are drowning.”",
            &[("Luis Ortega", "direct", "We are drowning.", "colon-lead-in")],
        ),
        (
            "Prime Minister Theresa May said that the country would leave.",
            &[(
                "Theresa May",
                "indirect",
                "the country would leave",
                "speaker-verb-content",
            )],
        ),
        (
            "CHICAGO — “We will win,” said Mayor Jane Doe on Tuesday.",
            &[("Jane Doe", "direct", "We will win,", "quote-verb-speaker")],
        ),
        (
            "“We will win,” according to Jane Doe.",
            &[("Jane Doe", "direct", "We will win,", "quote-according-to")],
        ),
    ]);
}

#[test]
fn split_and_continued_quotations_keep_their_speaker() {
    check(&[
        (
            "Jane Doe took the stage. “We will win,” she said. “We always do.”",
            &[
                ("Jane Doe", "direct", "We will win,", "quote-speaker-verb"),
                ("Jane Doe", "direct", "We always do.", "continuation"),
            ],
        ),
        (
            "“We will win,” Jane Doe said, “because we always do.”",
            &[
                ("Jane Doe", "direct", "We will win,", "quote-speaker-verb"),
                (
                    "Jane Doe",
                    "direct",
                    "because we always do.",
                    "quote-speaker-verb",
                ),
            ],
        ),
        (
            "Jane Doe said the plan would work.\n\n“It is the best plan we have had in years.”",
            &[
                (
                    "Jane Doe",
                    "indirect",
                    "the plan would work",
                    "speaker-verb-content",
                ),
                (
                    "Jane Doe",
                    "direct",
                    "It is the best plan we have had in years.",
                    "continuation",
                ),
            ],
        ),
        (
            "Jane Doe spoke first.\n\n“The first part.\n\n“The second part,” she said.",
            &[
                ("Jane Doe", "direct", "The first part.", "continuation"),
                (
                    "Jane Doe",
                    "direct",
                    "The second part,",
                    "quote-speaker-verb",
                ),
            ],
        ),
    ]);
}

#[test]
fn reported_speech_and_mixed_quotations() {
    check(&[
        (
            "Jane Doe said that the plan would work.",
            &[(
                "Jane Doe",
                "indirect",
                "the plan would work",
                "speaker-verb-content",
            )],
        ),
        (
            "The plan will work, Jane Doe said.",
            &[(
                "Jane Doe",
                "indirect",
                "The plan will work",
                "clause-speaker-verb",
            )],
        ),
        (
            "The plan will work, said Jane Doe.",
            &[(
                "Jane Doe",
                "indirect",
                "The plan will work",
                "clause-verb-speaker",
            )],
        ),
        (
            "According to Jane Doe, the plan will work.",
            &[("Jane Doe", "indirect", "the plan will work", "according-to")],
        ),
        (
            "The plan will work, according to Jane Doe.",
            &[(
                "Jane Doe",
                "indirect",
                "The plan will work",
                "clause-according-to",
            )],
        ),
        (
            "Jane Doe left the room, saying the plan would work.",
            &[("Jane Doe", "indirect", "the plan would work", "participle")],
        ),
        (
            "Jane Doe said the plan was “dead on arrival”.",
            &[(
                "Jane Doe",
                "mixed",
                "the plan was “dead on arrival”",
                "speaker-verb-content",
            )],
        ),
        (
            "Jane Doe described the plan as a failure.",
            &[(
                "Jane Doe",
                "indirect",
                "the plan as a failure",
                "speaker-verb-content",
            )],
        ),
        (
            "The plan has been described as a failure by Jane Doe.",
            &[(
                "Jane Doe",
                "indirect",
                "The plan has been described as a failure",
                "passive",
            )],
        ),
        (
            "NBC News reported that the plan would work.",
            &[(
                "NBC News",
                "indirect",
                "the plan would work",
                "speaker-verb-content",
            )],
        ),
    ]);
}

#[test]
fn asides_relatives_and_headlines() {
    check(&[
        (
            "The plan, Jane Doe said, will work.",
            &[
                ("Jane Doe", "indirect", "The plan", "clause-speaker-verb"),
                ("Jane Doe", "indirect", "will work", "interposed"),
            ],
        ),
        (
            "Sen. Jane Doe, R-Ky., called the bill “a monstrosity” and said it was rushed.",
            &[
                (
                    "Jane Doe",
                    "mixed",
                    "the bill “a monstrosity”",
                    "speaker-apposition-verb-content",
                ),
                (
                    "Jane Doe",
                    "indirect",
                    "it was rushed",
                    "speaker-verb-content",
                ),
            ],
        ),
        (
            "He met Jane Doe, who has said the plan would work.",
            &[(
                "Jane Doe",
                "indirect",
                "the plan would work",
                "speaker-verb-content",
            )],
        ),
        (
            "Jane Doe said the plan works, noting that at one point it had failed.",
            &[
                (
                    "Jane Doe",
                    "indirect",
                    "the plan works",
                    "speaker-verb-content",
                ),
                (
                    "Jane Doe",
                    "indirect",
                    "at one point it had failed",
                    "participle",
                ),
            ],
        ),
        (
            "“We will win,” Jane Doe said, but “not this year.”",
            &[
                ("Jane Doe", "direct", "We will win,", "quote-speaker-verb"),
                (
                    "Jane Doe",
                    "mixed",
                    "but “not this year.”",
                    "quote-speaker-verb",
                ),
            ],
        ),
        (
            "Doe: The City Budget Is ‘Broken.’\n\nThe council met on Monday.",
            &[(
                "Doe",
                "mixed",
                "The City Budget Is ‘Broken.’",
                "headline-label",
            )],
        ),
        (
            "City Budget Is Broken, Jane Doe Says\n\nThe council met on Monday.",
            &[(
                "Jane Doe",
                "indirect",
                "City Budget Is Broken",
                "clause-speaker-verb",
            )],
        ),
    ]);
}

#[test]
fn what_is_not_speech_makes_no_row() {
    check(&[
        (
            "The so-called “sanctuary cities” are in the news again.",
            &[],
        ),
        ("There are reports that the plan failed.", &[]),
        (
            "The officers’ union met in the ’90s to hear rock ’n’ roll.",
            &[],
        ),
        ("She read “The Art of the Deal” on the train.", &[]),
        ("Jane Doe plans to speak on Monday.", &[]),
        ("A man who goes by “Shorty” sat down.", &[]),
    ]);
}

#[test]
fn rules_of_rarer_shapes() {
    check(&[
        (
            "In May, Jane Doe repeated her claims, saying that critics spread \"lies and more lies\" and warned against complacency.",
            &[("Jane Doe", "direct", "lies and more lies", "quote-cue")],
        ),
        (
            "Jane Doe wrote to the board, the costs will rise sharply next year, and warned.",
            &[(
                "Jane Doe",
                "indirect",
                "to the board, the costs will rise sharply next year",
                "clause-cue",
            )],
        ),
        (
            "The plan will cost far too much money, Jane Doe, a Democrat, said.",
            &[(
                "Jane Doe",
                "indirect",
                "The plan will cost far too much money",
                "clause-speaker-apposition-verb",
            )],
        ),
        (
            "Yesterday, said Jane Doe, the plan would fail badly.",
            &[(
                "Jane Doe",
                "indirect",
                "the plan would fail badly",
                "verb-speaker-content",
            )],
        ),
        (
            "Jane Doe believes that the plan will fail badly.",
            &[("Jane Doe", "indirect", "the plan will fail badly", "belief")],
        ),
        (
            "“We will win this race easily.” Jane Doe said.",
            &[(
                "Jane Doe",
                "direct",
                "We will win this race easily.",
                "quote-then-cue-sentence",
            )],
        ),
        (
            "JANE DOE: We will win this.\nJOHN ROE: No, you will not.\nJANE DOE: We will see.",
            &[
                ("JANE DOE", "direct", "We will win this.", "transcript-turn"),
                ("JANE DOE", "direct", "We will see.", "transcript-turn"),
            ],
        ),
    ]);
}

/// Every rule is pinned by a sentence of this table and listed in the README's `rule` table.
#[test]
fn every_rule_has_a_sentence_here_and_a_line_in_the_readme() {
    let table = include_str!("rules.rs");
    let readme = include_str!("../README.md");
    for rule in Rule::ALL {
        let name = rule.as_str();
        assert!(
            table.contains(&format!("\"{name}\"")),
            "no sentence of tests/rules.rs gives {name}"
        );
        assert!(
            readme.contains(&format!("| `{name}` |")),
            "README.md does not list the rule {name}"
        );
    }
}

/// Who `he`, `she`, a role or an age stands for, in news from any newsroom.
#[test]
fn speakers_by_salience_gender_and_role() {
    check(&[
        (
            // A person named since the last speaker, of the pronoun's gender.
            "Senator Mary Jones opened the hearing. “We will get answers,” said Governor Bill Lee. Jones disagreed. “That is not how this works,” she said.",
            &[
                ("Bill Lee", "direct", "We will get answers,", "quote-verb-speaker"),
                ("Mary Jones", "direct", "That is not how this works,", "quote-speaker-verb"),
            ],
        ),
        (
            // An honorific before a full name genders the surname too.
            "Ms Ann Cole opened the fair. Mr Ben Ito spoke next. “It was a long day for all of us,” she said.",
            &[("Ann Cole", "direct", "It was a long day for all of us,", "quote-speaker-verb")],
        ),
        (
            // The subject of the sentence before beats a name further back.
            "Katie Moss won easily. “I felt strong today,” she said. Later Tom Hale lost. Katie Moss was pleased. “It was fun to play here,” she said.",
            &[
                ("Katie Moss", "direct", "I felt strong today,", "quote-speaker-verb"),
                ("Katie Moss", "direct", "It was fun to play here,", "quote-speaker-verb"),
            ],
        ),
        (
            // A place is never `he`.
            "Norway closed the border. “We are disappointed by this outcome,” he said.",
            &[("", "direct", "We are disappointed by this outcome,", "quote-speaker-verb")],
        ),
        (
            // No cue, no one speaking before: the person the sentence before is about.
            "Tom Hale won the final in two sets.\n“It was a hard match but I enjoyed every minute of it.”",
            &[(
                "Tom Hale",
                "direct",
                "It was a hard match but I enjoyed every minute of it.",
                "continuation",
            )],
        ),
        (
            "Tom Hale won the final in two sets.\n“It was a hard match but I enjoyed it,” said the 29-year-old.",
            &[("Tom Hale", "direct", "It was a hard match but I enjoyed it,", "quote-verb-speaker")],
        ),
        (
            "Minister Ana Silva visited the plant on Monday. “We will keep it open,” the minister said.",
            &[("Ana Silva", "direct", "We will keep it open,", "quote-speaker-verb")],
        ),
        (
            // A title's short form is the title: `Gov.` is the governor.
            "Gov. Eric Holcomb signed the budget on Monday. “It is a budget for growth,” the Republican governor said.",
            &[("Eric Holcomb", "direct", "It is a budget for growth,", "quote-speaker-verb")],
        ),
        (
            // A role the story never gave anyone stays unresolved.
            "Ana Silva visited the plant on Monday. “We will keep it open,” the minister said.",
            &[("", "direct", "We will keep it open,", "quote-speaker-verb")],
        ),
        (
            "Harbor Trust Bank said profits fell sharply this year. “Demand is slowing,” the bank said.",
            &[
                ("Harbor Trust Bank", "indirect", "profits fell sharply this year", "speaker-verb-content"),
                ("Harbor Trust Bank", "direct", "Demand is slowing,", "quote-speaker-verb"),
            ],
        ),
        (
            // `find` and `show` report only a document's or a body's that-clause.
            "The data show that prices rose faster than wages.",
            &[("", "indirect", "prices rose faster than wages", "speaker-verb-content")],
        ),
        ("Police found the car in a river near the town.", &[]),
        (
            // The apposition after a speaker says who they are, not what they said.
            "The forest is easy to save, because it adds little to the economy, says Phil Lane, an ecologist at the Amazon Institute in Manaus.",
            &[("", "indirect", "little to the economy", "speaker-verb-content")],
        ),
        (
            "Prices will rise next year, says Mia Ford, an analyst at Cole Bank in Oslo.",
            &[("Mia Ford", "indirect", "Prices will rise next year", "clause-verb-speaker")],
        ),
        (
            // A short form the story defined names the body in full.
            "The Competition and Markets Authority (CMA) opened an inquiry. The CMA said the deal would hurt buyers.",
            &[(
                "Competition and Markets Authority",
                "indirect",
                "the deal would hurt buyers",
                "speaker-verb-content",
            )],
        ),
        (
            "Immigration, Refugees and Citizenship Canada (IRCC) set new rules. IRCC said staff would return to the office.",
            &[(
                "Immigration, Refugees and Citizenship Canada",
                "indirect",
                "staff would return to the office",
                "speaker-verb-content",
            )],
        ),
        (
            // UK house style: single marks for every quotation.
            "‘We will not give up on this town,’ said Dame Joan Price.",
            &[("Joan Price", "direct", "We will not give up on this town,", "quote-verb-speaker")],
        ),
    ]);
}
