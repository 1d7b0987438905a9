"""Shared fixtures: the repository, the whosaid binary, and corpora to compare on.

The binary is ``$WHOSAID_BIN``, else ``target/release/whosaid``, else
``target/debug/whosaid`` (``scripts/python-tests.sh`` builds one).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _binary() -> Path:
    if os.environ.get("WHOSAID_BIN"):
        return Path(os.environ["WHOSAID_BIN"]).resolve()
    for profile in ("release", "debug"):
        path = ROOT / "target" / profile / "whosaid"
        if path.exists():
            return path
    pytest.exit("no whosaid binary: run `cargo build` or set WHOSAID_BIN", returncode=2)


@pytest.fixture(scope="session")
def binary() -> Path:
    return _binary()


def cli_rows(binary: Path, *args: str) -> list:
    """The rows of ``whosaid extract --format jsonl ARGS...``, as the Python package's dicts
    without their character offsets: ``doc`` added, ``text`` named ``quote``."""
    out = subprocess.run(
        [str(binary), "extract", "--format", "jsonl", *args],
        check=True,
        capture_output=True,
        cwd=ROOT,
    ).stdout
    rows = []
    for line in out.decode("utf-8").splitlines():
        record = json.loads(line)
        for quote in record["quotes"]:
            row = dict(quote, doc=record["id"], quote=quote.pop("text"))
            rows.append(row)
    return rows


def without_chars(rows: list) -> list:
    """Rows with the character offsets (which the CLI does not write) taken out."""
    return [{k: v for k, v in row.items() if not k.endswith("_char")} for row in rows]


@pytest.fixture(scope="session")
def news_corpus(tmp_path_factory) -> Path:
    """A generated corpus of about 2 MB in the proportions of real news
    (scripts/gen_corpus.py), with a few documents of non-ASCII text added."""
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_corpus.py"), "--mb", "2",
         "--profile", "news", "-o", str(path)],
        check=True,
        capture_output=True,
    )
    with path.open("a", encoding="utf-8") as out:
        for i, text in enumerate(NON_ASCII):
            out.write(json.dumps({"id": f"u{i}", "text": text}, ensure_ascii=False) + "\n")
    return path


#: Texts whose characters take 2, 3 and 4 bytes in UTF-8 (and 2 UTF-16 units for the emoji).
NON_ASCII = [
    "“Ça va très bien,” a déclaré le maire Élodie Durand. « Très bien », dit-elle.",
    "Dr. Zoë Müller 🎉 said: “We’re ready — 準備はできている — 🚀 for it.”\n\n"
    "“Next year,” said Rep. José Núñez, “the budget will grow by 5 %.”",
    "🙂🙂🙂 “Emoji first,” said Mayor Ana Ōtsuka. She left.",
]


def read_jsonl(path: Path):
    ids, texts = [], []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            ids.append(record["id"])
            texts.append(record["text"])
    return ids, texts
