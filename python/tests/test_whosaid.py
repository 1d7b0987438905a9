"""The Python package against the command line: same rows, same order; offsets in bytes
and in characters; errors as Python exceptions; threads."""

import json
import threading
import time
from pathlib import Path

import pytest

import whosaid
from conftest import NON_ASCII, ROOT, cli_rows, read_jsonl, without_chars

ARTICLES = sorted((ROOT / "data" / "articles").iterdir())


def test_columns_are_the_csv_header_then_character_offsets():
    header = (
        "doc,speaker,kind,quote,cue,start,end,speaker_mention,speaker_start,speaker_end,"
        "attribution,rule,speaker_id,speaker_kind,speaker_title"
    ).split(",")
    assert whosaid.COLUMNS == header + [
        "start_char", "end_char", "speaker_start_char", "speaker_end_char"
    ]
    rows = whosaid.extract("“We will win,” said Mayor Jane Doe. She left.", id="a")
    assert [list(row) for row in rows] == [whosaid.COLUMNS]


def test_sample_articles_give_the_cli_rows(binary):
    ids = [str(p.relative_to(ROOT)) for p in ARTICLES]
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES]
    rows = whosaid.extract_many(texts, ids=ids)
    want = cli_rows(binary, *ids)
    assert len(want) > 50
    assert without_chars(rows) == want


def test_sample_articles_with_entities_give_the_cli_rows(binary):
    table = whosaid.EntityTable.from_csv(ROOT / "data" / "entities.csv")
    assert len(table) > 0
    ids = [str(p.relative_to(ROOT)) for p in ARTICLES]
    rows = [
        row
        for i, path in zip(ids, ARTICLES)
        for row in whosaid.extract(path.read_text(encoding="utf-8"), id=i, entities=table)
    ]
    want = cli_rows(binary, "--entities", "data/entities.csv", *ids)
    assert without_chars(rows) == want
    assert any(row["speaker_id"] for row in rows)


def test_generated_corpus_gives_the_cli_rows(binary, news_corpus):
    ids, texts = read_jsonl(news_corpus)
    want = cli_rows(binary, str(news_corpus))
    for jobs in (1, 3):
        rows = whosaid.extract_many(texts, ids=ids, jobs=jobs)
        assert without_chars(rows) == want


def test_ids_default_to_positions_and_ints_are_written_in_decimal():
    texts = ["“Yes,” he said.", "Nothing here.", "“No,” she said."]
    assert [r["doc"] for r in whosaid.extract_many(texts)] == ["0", "2"]
    assert [r["doc"] for r in whosaid.extract_many(texts, ids=[7, 8, 9])] == ["7", "9"]
    assert whosaid.extract(texts[0])[0]["doc"] is None
    assert whosaid.extract(texts[0], id=12)[0]["doc"] == "12"


@pytest.mark.parametrize("text", NON_ASCII)
def test_offsets_count_bytes_and_characters(text):
    rows = whosaid.extract(text, id="u")
    assert rows
    data = text.encode("utf-8")
    for row in rows:
        assert data[row["start"]:row["end"]].decode("utf-8") == row["quote"]
        assert text[row["start_char"]:row["end_char"]] == row["quote"]
        if row["speaker_mention"] is None:
            assert row["speaker_start_char"] is None
            continue
        mention = row["speaker_mention"]
        assert data[row["speaker_start"]:row["speaker_end"]].decode("utf-8") == mention
        assert text[row["speaker_start_char"]:row["speaker_end_char"]] == mention


def test_characters_and_bytes_differ_after_an_emoji():
    text = "🙂 “Emoji first,” said Mayor Ana Lee."
    (row,) = whosaid.extract(text)
    assert (row["start"], row["start_char"]) == (8, 3)  # 🙂 is 4 bytes, “ 3
    assert row["end"] - row["start"] == row["end_char"] - row["start_char"] == 12


@pytest.mark.parametrize(
    "text, error, words",
    [
        (b"\xff\xfe not UTF-8", TypeError, "bytes, not str (decode"),
        (b"valid bytes", TypeError, "bytes, not str"),
        (None, TypeError, "NoneType, not str"),
        (42, TypeError, "int, not str"),
        ("lone \ud800 surrogate", ValueError, "not valid Unicode"),
    ],
)
def test_bad_texts_raise(text, error, words):
    with pytest.raises(error, match=words.replace("(", r"\(")):
        whosaid.extract(text)
    with pytest.raises(error, match=words.replace("(", r"\(")):
        whosaid.extract_many(["Fine.", text])


def test_bad_ids_raise():
    with pytest.raises(ValueError, match="no id for text 1"):
        whosaid.extract_many(["a", "b"], ids=["x"])
    with pytest.raises(ValueError, match="ids has more items than texts"):
        whosaid.extract_many(["a"], ids=["x", "y"])
    with pytest.raises(TypeError, match="id 1 is NoneType, not str or int"):
        whosaid.extract_many(["a", "b"], ids=["x", None])
    with pytest.raises(TypeError, match="id 0 is float"):
        whosaid.extract("a", id=1.5)
    with pytest.raises(TypeError, match="id 0 is bool"):
        whosaid.extract("a", id=True)
    with pytest.raises(TypeError, match="not a str"):
        whosaid.extract_many("one text")
    with pytest.raises(ValueError, match="jobs must be at least 1"):
        whosaid.extract_many(["a"], jobs=0)


def test_bad_entity_table_names_file_and_line(tmp_path):
    table = tmp_path / "people.csv"
    table.write_text(
        "id,name,kind,aliases,title,affiliation\n"
        "jd,Jane Doe,person,,Mayor,\n"
        "x,Someone,alien,,,\n",
        encoding="utf-8",
    )
    with pytest.raises(whosaid.WhosaidError, match=f"{table}:3: bad entity table"):
        whosaid.EntityTable.from_csv(table)
    with pytest.raises(whosaid.WhosaidError, match="missing.csv: cannot read"):
        whosaid.EntityTable.from_csv(str(tmp_path / "missing.csv"))


def test_a_100_mb_text_is_read():
    # A quotation a kilobyte, as in news, in one document of 100 MB.
    filler = "The council met again on Tuesday and talked about the budget. " * 15
    unit = "“Yes,” said Mayor Jane Doe. " + filler + "\n\n"
    text = unit * (100_000_000 // len(unit.encode("utf-8")))
    assert len(text.encode("utf-8")) > 99_000_000
    rows = whosaid.extract(text, id="big")
    assert len(rows) == text.count("Yes")
    last = rows[-1]
    assert text[last["start_char"]:last["end_char"]] == "Yes,"
    assert last["start"] > last["start_char"]


def test_empty_inputs():
    assert whosaid.extract("") == []
    assert whosaid.extract_many([]) == []
    assert whosaid.extract_many(iter(())) == []


def test_any_iterable_of_texts_in_batches(binary, news_corpus):
    ids, texts = read_jsonl(news_corpus)
    # A generator, longer than one batch (256 documents).
    assert len(texts) > 300
    rows = whosaid.extract_many((t for t in texts), ids=iter(ids), jobs=2)
    assert without_chars(rows) == cli_rows(binary, str(news_corpus))


def test_threads_of_python_get_the_same_rows(news_corpus):
    ids, texts = read_jsonl(news_corpus)
    want = whosaid.extract_many(texts, ids=ids, jobs=1)
    results = [None] * 4

    def work(k):
        results[k] = whosaid.extract_many(texts, ids=ids, jobs=2)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == want for r in results)


def test_the_gil_is_released_while_extracting():
    text = "“Yes,” said Mayor Jane Doe. The council met again on Tuesday. " * 60_000
    ticks = 0
    done = threading.Event()

    def count():
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.001)

    counter = threading.Thread(target=count)
    counter.start()
    start_ticks = ticks
    whosaid.extract_many([text, text], jobs=2)
    during = ticks - start_ticks
    done.set()
    counter.join()
    # The extraction takes a good fraction of a second; a Python thread that could not run
    # meanwhile would not have counted at all.
    assert during > 10, during


def test_to_pandas_and_extract_frame():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(
        {"url": ["a", "b"], "body": ["“Yes,” said Mayor Jane Doe.", "Nothing."]}
    )
    frame = whosaid.extract_frame(df, text="body", id="url")
    assert list(frame.columns) == whosaid.COLUMNS
    assert frame["doc"].tolist() == ["a"]
    assert str(frame["start"].dtype) == "Int64"
    empty = whosaid.to_pandas([])
    assert list(empty.columns) == whosaid.COLUMNS and len(empty) == 0
    no_mention = whosaid.to_pandas(whosaid.extract("The mayor spoke. “We will not be moved. Never.”"))
    assert no_mention["speaker_start"].isna().all()
    with pytest.raises(KeyError, match="no text column 'text'"):
        whosaid.extract_frame(df)
    ints = whosaid.extract_frame(pd.DataFrame({"id": [5], "text": ["“Yes,” he said."]}))
    assert ints["doc"].tolist() == ["5"]


def test_stub_names_what_the_module_has():
    stub = (Path(whosaid.__file__).parent / "_native.pyi").read_text()
    for name in ("extract", "extract_many", "EntityTable", "WhosaidError", "COLUMNS"):
        assert name in stub
        assert hasattr(whosaid, name)
    assert whosaid.extract.__doc__ and whosaid.extract_many.__doc__


def test_rows_are_json_serialisable():
    rows = whosaid.extract(NON_ASCII[1], id="u")
    assert json.loads(json.dumps(rows)) == rows
