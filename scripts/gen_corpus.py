#!/usr/bin/env python3
"""Write a synthetic news corpus as JSONL (`{"id": ..., "text": ...}` per line) for benchmarks.

Every sentence comes from the templates below, filled with invented names and phrases: direct
quotes with "said" before or after the speaker, quotes split by their cue, quotes running over
several paragraphs, nested quotes, "according to", mixed quotes, indirect speech, pronoun
speakers, and plain narrative between them. No text is taken from any real corpus.

    scripts/gen_corpus.py --mb 200 -o corpus.jsonl

Prints the number of documents and of text bytes (the decoded `text` fields) on stdout, as
`docs=N text_bytes=N file_bytes=N`. The output is the same for the same --seed.
"""

import argparse
import json
import random
import sys

FIRST = """Ana Brandon Carla Dmitri Elena Farid Grace Hector Ines Jamal Keiko Liam Maria Noor
Oscar Priya Quentin Rosa Samuel Tariq Ursula Victor Wendy Xavier Yusuf Zoe Hannah Marcus
Lucia Ahmed""".split()
LAST = """Alvarez Brennan Castillo Dubois Eriksen Fujimoto Garcia Haddad Ivanova Jensen Kowalski
Lindqvist Moreau Nakamura Okafor Petrov Quinlan Rossi Schmidt Tanaka Underwood Vasquez
Whitfield Xu Yilmaz Zielinski O'Connor McAllister""".split()
TITLES = [
    "Mayor", "Gov.", "Sen.", "Rep.", "Councilwoman", "Councilman", "Police Chief", "Dr.",
    "Prof.", "Superintendent", "Judge", "Secretary", "Commissioner", "Mr.", "Ms.",
]
ROLES = [
    "a spokeswoman for the mayor's office", "a spokesman for the Department of Transportation",
    "a Democrat who represents the district", "a Republican from the northern suburbs",
    "the city's budget director", "an economist at the state university",
    "the head of the teachers' union", "a local business owner", "the county health officer",
]
ORGS = [
    "The city council", "The Department of Transportation", "The school board",
    "The state attorney general's office", "The transit authority", "The chamber of commerce",
    "The county health department", "The water utility",
]
ANON = [
    "one official", "a senior aide", "a person familiar with the talks", "two residents",
    "an administration official", "officials",
]
SUBJECTS = [
    "the budget", "the new bridge", "the housing plan", "property taxes", "the bus network",
    "the water main project", "the school calendar", "the police contract", "the stadium deal",
    "rent control", "the flood barrier", "the library expansion", "the minimum wage",
]
PREDICATES = [
    "is going to cost more than anyone expected", "will not be finished this year",
    "was never put to a public vote", "has the support of most residents",
    "needs another look before the council votes", "is the best deal the city could get",
    "should have been approved months ago", "will hurt working families the most",
    "is on schedule and under budget", "deserves a full and independent audit",
]
OPINIONS = [
    "We are not going to back down", "This is a good day for the city",
    "Nobody asked the people who live here", "I have been clear about this from the start",
    "We will keep working until the job is done", "The numbers simply do not add up",
    "It's a mistake, and it's one we can still fix", "Our residents deserve better than this",
    "I don't think that's what the voters wanted", "We can't afford to wait another year",
    "This was never about politics", "Frankly, I was surprised by the vote",
]
SPEECH = ["said", "said", "said", "told reporters", "added", "argued", "warned", "noted",
          "explained", "insisted", "says"]
VERBS_INDIRECT = ["said", "told reporters", "argued", "warned", "claimed", "insisted",
                  "acknowledged", "said on Tuesday", "wrote in a statement"]
NARRATIVE = [
    "The vote is scheduled for {day}.", "{org} met on {day} to discuss {subj}.",
    "Dozens of residents packed the hearing room, some holding signs.",
    "The proposal would take effect in {month} if approved.",
    "Critics have questioned {subj} for more than a year.",
    "The measure passed the committee 7-2 last month.",
    "{org} did not respond to a request for comment.",
    "A final decision on {subj} is expected in {month}.",
    "The plan has been revised three times since it was first introduced in {month}.",
]
# Longer background sentences, as a news story has between its quotations.
BACKGROUND = [
    "The proposal, first floated by {org} in {month}, would change how the city pays for "
    "{subj} over the next decade, according to documents released last week.",
    "Supporters point to a similar program in a neighboring county, where officials have "
    "reported steady progress since it began three years ago.",
    "The debate over {subj} has divided the council for months, with members split largely "
    "along the lines that shaped the last election.",
    "Under the current timeline, construction would begin in {month} and last at least two "
    "years, with most of the work scheduled for nights and weekends.",
    "{org} has spent more than $4.2 million on consultants and studies since the project was "
    "announced, a figure that has drawn criticism from several residents' groups.",
    "Attendance at the hearings has grown steadily, and the last session ran past midnight "
    "as dozens of people waited for their turn at the microphone.",
    "The state legislature is considering a separate bill that could override parts of the "
    "local plan, though it has not yet been scheduled for a floor vote.",
    "Property records show that the land in question changed hands twice in the past five "
    "years, most recently in {month} for an undisclosed sum.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
MONTHS = ["January", "March", "April", "June", "September", "October", "December"]
MARKS = [("\u201c", "\u201d", "\u2018", "\u2019"), ('"', '"', "'", "'")]


# The `news` profile's proportions, set so that whosaid finds on it what it finds on real
# news: PolNeAR train (840 articles) has 4.6 KB per document, 4.5 paragraphs, 3.9 quote
# marks and 3.1 output rows per KB of text. The `dense` profile (one attribution per short
# paragraph, 1.5 KB documents) has 10 paragraphs, 12 quote marks and 9.7 rows per KB: a
# stress test of the per-row work. With these settings the news profile gives 4.8 KB per
# document, 4.6 paragraphs, 2.9 quote marks and 3.1 rows per KB.
NEWS = {"quoting_share": 0.5, "background_after_quote": 0.6, "paragraphs": (12, 26)}


class Article:
    def __init__(self, rng, profile="news"):
        self.profile = profile
        self.rng = rng
        self.people = []
        for _ in range(rng.randint(2, 4)):
            self.people.append((rng.choice(TITLES), rng.choice(FIRST), rng.choice(LAST)))
        self.open, self.close, self.inner_open, self.inner_close = rng.choice(MARKS)

    def c(self, seq):
        return self.rng.choice(seq)

    def person(self):
        return self.c(self.people)

    def full(self, p, title=True):
        t, f, l = p
        return f"{t} {f} {l}" if title else f"{f} {l}"

    def opinion(self):
        return self.c(OPINIONS)

    def claim(self):
        return f"{self.c(SUBJECTS)} {self.c(PREDICATES)}"

    def fill(self, s):
        return s.format(day=self.c(DAYS), month=self.c(MONTHS), org=self.c(ORGS),
                        subj=self.c(SUBJECTS))

    def q(self, words):
        return f"{self.open}{words}{self.close}"

    def paragraph(self):
        p = self.person()
        o, cl = self.open, self.close
        r = self.rng.randrange(13)
        if r == 0:
            return f"{o}{self.opinion()},{cl} {self.c(SPEECH)} {self.full(p)}, {self.c(ROLES)}."
        if r == 1:
            return f"{self.full(p)} said: {o}{self.opinion()}. {self.claim().capitalize()}.{cl}"
        if r == 2:
            return (f"{o}{self.opinion()},{cl} {p[2]} said. "
                    f"{o}{self.claim().capitalize()}, and we all know it.{cl}")
        if r == 3:
            # A quote over two paragraphs: the first is left open, the second reopens.
            return (f"{o}{self.opinion()}. {self.claim().capitalize()}.\n\n"
                    f"{o}{self.opinion()},{cl} {p[2]} said.")
        if r == 4:
            return f"{self.claim().capitalize()}, according to {self.full(p, False)}."
        if r == 5:
            return f"{self.full(p)} {self.c(VERBS_INDIRECT)} that {self.claim()}."
        if r == 6:
            return f"{p[2]} called {self.c(SUBJECTS)} {self.q(self.c(['a disgrace', 'long overdue', 'a victory for common sense', 'reckless']))}."
        if r == 7:
            pron = self.c(["she", "he", "they"])
            return f"{o}{self.opinion()},{cl} {pron} {self.c(SPEECH)}."
        if r == 8:
            return (f"{o}When I asked, he told me, {self.inner_open}{self.opinion()}"
                    f"{self.inner_close}, and I believed him,{cl} {self.full(p, False)} said.")
        if r == 9:
            return f"{o}{self.opinion()},{cl} {self.c(ANON)} said, speaking on condition of anonymity."
        if r == 10:
            org = self.c(ORGS)
            return f"{org} said in a statement that {self.claim()}."
        return " ".join(self.fill(self.c(NARRATIVE)) for _ in range(self.rng.randint(1, 3)))

    def background(self):
        return " ".join(self.fill(self.c(BACKGROUND)) for _ in range(self.rng.randint(1, 2)))

    def news_paragraph(self):
        """A paragraph of a news story: reporting mixed with background, so that the
        density of quotations, paragraphs and document length match real news (see NEWS)."""
        if self.rng.random() < NEWS["quoting_share"]:
            para = self.paragraph()
            if self.rng.random() < NEWS["background_after_quote"]:
                para += " " + self.background()
            return para
        return self.background()

    def text(self):
        p = self.person()
        head = f"{self.c(SUBJECTS).capitalize()} {self.c(PREDICATES)}, {p[2]} says"
        lead = (f"{self.full(p)} on {self.c(DAYS)} defended {self.c(SUBJECTS)}, "
                f"saying {self.claim()}.")
        if self.profile == "news":
            lo, hi = NEWS["paragraphs"]
            body = [self.news_paragraph() for _ in range(self.rng.randint(lo, hi))]
        else:
            body = [self.paragraph() for _ in range(self.rng.randint(6, 18))]
        return "\n\n".join([head, lead] + body) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=200.0, help="stop after this many MB of JSONL")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--profile", choices=["news", "dense"], default="news",
                    help="news: the proportions of real news (default); dense: an "
                         "attribution in every short paragraph")
    ap.add_argument("-o", "--output", required=True, help="the JSONL file to write")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    target = int(args.mb * 1_000_000)
    docs = text_bytes = file_bytes = 0
    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        while file_bytes < target:
            text = Article(rng, args.profile).text()
            line = json.dumps({"id": f"synthetic-{docs:06d}", "text": text}, ensure_ascii=False)
            out.write(line + "\n")
            docs += 1
            text_bytes += len(text.encode("utf-8"))
            file_bytes += len(line.encode("utf-8")) + 1
    print(f"docs={docs} text_bytes={text_bytes} file_bytes={file_bytes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
