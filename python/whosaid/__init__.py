"""whosaid: who said what in news articles.

Every quotation (direct, mixed and reported) in a text, the speaker it is attributed to,
resolved to a name, the cue that attributes it and the grammar rule that fired, as one dict
per row with the columns of ``whosaid extract``'s CSV::

    >>> import whosaid
    >>> rows = whosaid.extract("“We will win,” said Mayor Jane Doe. She left.", id="a")
    >>> rows[0]["speaker"], rows[0]["quote"], rows[0]["cue"]
    ('Jane Doe', 'We will win,', 'said')

Each row has the keys of :data:`COLUMNS`, in that order:

* the CSV columns of the command line (``doc``, ``speaker``, ``kind``, ``quote``, ``cue``,
  ``start``, ``end``, ``speaker_mention``, ``speaker_start``, ``speaker_end``,
  ``attribution``, ``rule``, ``speaker_id``, ``speaker_kind``, ``speaker_title``) with the
  values of ``whosaid extract --format jsonl``: an empty cell is ``None``, offsets are ints;
* ``start_char``, ``end_char``, ``speaker_start_char``, ``speaker_end_char``: the same
  offsets counted in characters, the way Python indexes a ``str``.

``start`` and ``end`` are **byte** offsets into the UTF-8 text, as in the CLI's output, so
that rows from Python and from the command line are the same; to slice the ``str`` you
passed, use the ``_char`` offsets: ``text[row["start_char"]:row["end_char"]] ==
row["quote"]``. On ASCII text both are equal.

Errors are Python exceptions: a text that is not a ``str`` (``bytes`` included: decode it
first) or an id that is neither ``str`` nor ``int`` raises ``TypeError``, a ``str`` with a
lone surrogate ``ValueError``, and whosaid's own failures (a bad entity table, naming file
and line) :class:`WhosaidError`.
"""

from typing import Any, Dict, Iterable, List, Optional

from ._native import COLUMNS, EntityTable, WhosaidError, extract, extract_many

__all__ = [
    "COLUMNS",
    "EntityTable",
    "WhosaidError",
    "extract",
    "extract_frame",
    "extract_many",
    "to_pandas",
]

#: The columns whose values are whole numbers (nullable ones hold ``None`` without a mention).
INT_COLUMNS = (
    "start",
    "end",
    "speaker_start",
    "speaker_end",
    "attribution",
    "start_char",
    "end_char",
    "speaker_start_char",
    "speaker_end_char",
)


def to_pandas(rows: Iterable[Dict[str, Any]]):
    """The rows as a ``pandas.DataFrame`` with the columns of :data:`COLUMNS`, in order.

    Offsets and ``attribution`` have pandas' nullable ``Int64`` type (an empty offset is
    ``<NA>``, not a float ``NaN``); text columns are ``object`` with ``None`` for empty
    cells. No rows give an empty frame with the same columns. Needs pandas
    (``pip install pandas``): whosaid itself does not.
    """
    import pandas as pd

    frame = pd.DataFrame.from_records(list(rows), columns=list(COLUMNS))
    return frame.astype({c: "Int64" for c in INT_COLUMNS})


def extract_frame(
    df,
    text: str = "text",
    id: Optional[str] = "id",
    *,
    jobs: Optional[int] = None,
    entities: Optional[EntityTable] = None,
):
    """The rows of every document of a ``pandas.DataFrame``, as a DataFrame (see
    :func:`to_pandas`).

    ``text`` names the column of texts and ``id`` the column of ids (``str`` or ``int``;
    ``None`` uses the row positions ``"0"``, ``"1"``, ...). A missing column raises
    ``KeyError`` naming it. Documents are extracted in parallel as by :func:`extract_many`.
    """
    for role, column in (("text", text), ("id", id)):
        if column is not None and column not in df.columns:
            raise KeyError(
                f"no {role} column {column!r} in the frame (columns: {list(df.columns)})"
            )
    ids = None if id is None else _ids(df[id])
    rows = extract_many(df[text].tolist(), ids=ids, jobs=jobs, entities=entities)
    return to_pandas(rows)


def _ids(column) -> List[Any]:
    """A column of ids as Python values: numpy integers become ``int`` (what the native
    module takes, like JSON numbers on the command line)."""
    return [v.item() if hasattr(v, "item") else v for v in column.tolist()]
