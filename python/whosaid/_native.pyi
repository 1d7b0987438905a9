"""Type stubs of whosaid's compiled module (re-exported by ``whosaid``)."""

import os
from typing import Any, Dict, Iterable, List, Optional, Union

#: The keys of every row, in order: the CSV columns, then the character offsets.
COLUMNS: List[str]

Row = Dict[str, Any]

class WhosaidError(Exception):
    """An error of whosaid's own: a bad entity table (naming file and line), or a
    document extraction could not handle."""

class EntityTable:
    """A table of people and organisations to resolve speakers against: the CSV that
    ``whosaid extract --entities`` reads (``id,name,kind,aliases,title,affiliation``)."""

    @staticmethod
    def from_csv(path: Union[str, os.PathLike]) -> "EntityTable":
        """Reads the table at ``path``; a bad table raises :class:`WhosaidError` naming the
        file and line, a missing file :class:`WhosaidError` naming the file."""
    @property
    def warnings(self) -> List[str]:
        """What reading the table warned about (two entries sharing an alias)."""
    def __len__(self) -> int: ...

def extract(
    text: str,
    *,
    id: Optional[Union[str, int]] = None,
    entities: Optional[EntityTable] = None,
) -> List[Row]:
    """The rows of one document, in text order: one dict per quotation (or per piece of
    one split by its cue), keys as :data:`COLUMNS`.

    ``start``/``end`` are byte offsets into the UTF-8 text, as the command line writes;
    ``start_char``/``end_char`` index the ``str``. ``doc`` is ``id`` (an ``int`` is written
    in decimal, as a JSONL number id is), or ``None`` without one. The GIL is released
    while the text is read.

    Raises ``TypeError`` when ``text`` is not a ``str`` (decode ``bytes`` first) or ``id``
    is neither ``str`` nor ``int``; ``ValueError`` for a ``str`` that has no UTF-8 form (a
    lone surrogate).
    """

def extract_many(
    texts: Iterable[str],
    *,
    ids: Optional[Iterable[Union[str, int]]] = None,
    jobs: Optional[int] = None,
    entities: Optional[EntityTable] = None,
) -> List[Row]:
    """The rows of many documents, documents in input order and rows in text order: the
    rows ``whosaid extract`` writes for the same documents, in the same order.

    Documents are extracted on ``jobs`` threads (default: one per core) with the GIL
    released, in bounded batches, so an iterable of any length can be passed; the result
    is a list of every row. ``ids`` must have one item per text (``ValueError``
    otherwise); without it, ``doc`` is each text's position as a string (``"0"``,
    ``"1"``, ...). The result is the same for any ``jobs``.
    """

