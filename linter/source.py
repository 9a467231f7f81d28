"""A file's text as fcschema sees it: decoded once, with a lazy line index.

Offsets everywhere in fcschema are character offsets into ``Source.text`` (the decoded
text without a byte-order mark). Line and column are computed from them only when a
diagnostic is shown, so files without findings never pay for a line index.
"""

from __future__ import annotations

import bisect
import re
from array import array
from typing import Dict, Iterable, Optional, Sequence, Tuple

from .diagnostics import Position
from .record import Record, make_fixed

_NEWLINE = re.compile(r"\r\n|\r|\n")
_LF = re.compile("\n")
SMALL_TEXT = 1 << 14  # characters; up to this, a position is counted without a line index


class Source(Record):
    __slots__ = ("filename", "text", "encoding", "bom", "path", "_line_starts", "_newline", "_mark")

    def __init__(self, filename: str, text: str, encoding: str = "utf-8", bom: bool = False,
                 path: Optional[str] = None):
        self.filename = filename  # as given on the command line (or --stdin-filename)
        self.text = text
        self.encoding = encoding
        self.bom = bom
        self.path = path          # real file path, None for stdin
        self._line_starts: Optional[Sequence[int]] = None
        self._newline: Optional[str] = None
        self._mark: Optional[Tuple[int, int, int]] = None  # (offset, row, line start) last placed

    def __reduce__(self):  # (--jobs workers send sources back) without the caches
        return type(self), (self.filename, self.text, self.encoding, self.bom, self.path)

    @property
    def line_starts(self) -> Sequence[int]:
        if self._line_starts is None:
            # An array of offsets takes a fifth of a list's memory; a "\n"-only text (the
            # usual case) is searched twice as fast with the one-character pattern.
            starts = array("q", [0])
            starts.extend(m.end() for m in (_NEWLINE if "\r" in self.text else _LF).finditer(self.text))
            self._line_starts = starts
        return self._line_starts

    @property
    def newline(self) -> str:
        """The file's line ending, for inserted text (CRLF files stay CRLF). Found once: a
        fix asks for it each time it inserts a line, and on a large single-line file the
        search goes through the whole text."""
        if self._newline is None:
            m = _NEWLINE.search(self.text)
            self._newline = m.group(0) if m else "\n"
        return self._newline

    def position(self, offset: int) -> Position:
        """1-based row and column of a character offset."""
        text = self.text
        offset = max(0, min(offset, len(text)))
        if self._line_starts is None and len(text) <= SMALL_TEXT and "\r" not in text:
            # A small file's few positions are counted directly (no line index to build).
            line_start = text.rfind("\n", 0, offset) + 1
            return Position(text.count("\n", 0, line_start) + 1, offset - line_start + 1)
        starts = self.line_starts
        row = bisect.bisect_right(starts, offset) - 1
        return Position(row + 1, offset - starts[row] + 1)

    def positions(self, offsets: Iterable[int]) -> Dict[int, Position]:
        """The positions of many offsets (by offset). Without a line index, newlines are
        counted from one offset to the next in order: one pass over the text at C speed,
        where building the index of a large file would cost several times as much."""
        text = self.text
        if self._line_starts is not None or "\r" in text:
            return {offset: self.position(offset) for offset in set(offsets)}
        found: Dict[int, Position] = {}
        asked_in_order = sorted(set(offsets))
        row, last, line_start, size = 1, 0, 0, len(text)
        if self._mark is not None and asked_in_order and asked_in_order[0] >= self._mark[0]:
            last, row, line_start = self._mark  # counted that far already (the tools before)
        for asked in asked_in_order:
            offset = max(0, min(asked, size))
            newlines = text.count("\n", last, offset)
            if newlines:
                row += newlines
                line_start = text.rfind("\n", last, offset) + 1
            last = offset
            found[asked] = make_fixed(Position, (row, offset - line_start + 1))
        self._mark = (last, row, line_start)
        return found

    def offset(self, row: int, column: int) -> int:
        """Character offset of a 1-based row and column."""
        starts = self.line_starts
        row = max(1, min(row, len(starts)))
        return min(starts[row - 1] + column - 1, len(self.text))

    def line_text(self, row: int) -> str:
        """The text of a 1-based line without its line ending ("" past the end)."""
        starts = self.line_starts
        if row < 1 or row > len(starts):
            return ""
        start = starts[row - 1]
        end = starts[row] if row < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def span_positions(self, span: Tuple[int, int]) -> Tuple[Position, Position]:
        return self.position(span[0]), self.position(span[1])
