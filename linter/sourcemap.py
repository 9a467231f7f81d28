"""JSON pointer -> text span, for JSON and YAML documents.

Rules speak in pointers; people read line:col. The map is consulted only for
diagnostics that are shown, so a clean file never pays for it.

* JSON: the document was parsed by the standard library, which keeps no positions.
  ``JsonSourceMap`` walks the text lazily along the pointers asked for, indexing each
  container it passes through once (children are skipped with the C scanner), so a
  large file with a few findings costs a few container scans, not a second parse.
* YAML: positions come from the composer's node marks while the document is built
  (see ``yaml_loader``); YAML files are small and hand-written.

A pointer that does not exist (a key the rule says is *missing*) falls back to the
closest existing ancestor, as Spectral does: the object that lacks the key.
"""

from __future__ import annotations

import json
import json.scanner
import re
from typing import Dict, List, Optional, Tuple

from .diagnostics import Pointer

Span = Tuple[int, int]
# (key_start, key_end, value_start, value_end); key_* are None for the root and array items.
Member = Tuple[Optional[int], Optional[int], int, int]

_WS = re.compile(r"[ \t\n\r]*")


class SourceMap:
    """Base: ``member(pointer)`` returns the Member of an existing pointer or None."""

    def member(self, pointer: Pointer) -> Optional[Member]:  # pragma: no cover - interface
        raise NotImplementedError

    def span(self, pointer: Pointer, anchor: str = "value") -> Tuple[Span, Pointer]:
        """The span for a pointer, and the pointer actually found (an ancestor if the
        asked one does not exist)."""
        found = tuple(pointer)
        while True:
            member = self.member(found)
            if member is not None:
                break
            if not found:
                return (0, 0), ()
            found = found[:-1]
        key_start, key_end, value_start, value_end = member
        missing = len(found) < len(pointer)
        if key_start is not None and (anchor == "key" or missing):
            return (key_start, key_end), found
        return (value_start, value_end), found


class JsonSourceMap(SourceMap):
    def __init__(self, text: str):
        self.text = text
        self._scan = json.scanner.make_scanner(json.JSONDecoder())
        self._root: Optional[Member] = None
        # value_start offset -> {key: Member} for objects, [Member, ...] for arrays
        self._children: Dict[int, object] = {}

    def _skip_ws(self, pos: int) -> int:
        return _WS.match(self.text, pos).end()

    def _root_member(self) -> Member:
        if self._root is None:
            start = self._skip_ws(0)
            try:
                _, end = self._scan(self.text, start)
            except (StopIteration, ValueError, RecursionError):
                end = len(self.text)
            self._root = (None, None, start, end)
        return self._root

    def _index(self, start: int):
        """Children of the container whose value starts at ``start``."""
        cached = self._children.get(start)
        if cached is not None:
            return cached
        text, scan, skip = self.text, self._scan, self._skip_ws
        opener = text[start : start + 1]
        if opener == "{":
            members: Dict[str, Member] = {}
            pos = skip(start + 1)
            if text.startswith("}", pos):
                self._children[start] = members
                return members
            while True:
                key_start = pos
                key, pos = json.decoder.scanstring(text, pos + 1)
                key_end = pos
                pos = skip(pos)
                pos = skip(pos + 1)  # the colon
                value_start = pos
                _, value_end = scan(text, pos)
                members[key] = (key_start, key_end, value_start, value_end)
                pos = skip(value_end)
                if text.startswith(",", pos):
                    pos = skip(pos + 1)
                    continue
                break
            self._children[start] = members
            return members
        if opener == "[":
            items: List[Member] = []
            pos = skip(start + 1)
            if text.startswith("]", pos):
                self._children[start] = items
                return items
            while True:
                _, value_end = scan(text, pos)
                items.append((None, None, pos, value_end))
                pos = skip(value_end)
                if text.startswith(",", pos):
                    pos = skip(pos + 1)
                    continue
                break
            self._children[start] = items
            return items
        self._children[start] = ()
        return ()

    def member(self, pointer: Pointer) -> Optional[Member]:
        current = self._root_member()
        for segment in pointer:
            try:
                children = self._index(current[2])
            except (StopIteration, ValueError, IndexError, RecursionError):
                return None
            if isinstance(children, dict):
                current = children.get(str(segment))
            elif isinstance(children, list):
                try:
                    index = int(segment)
                except (TypeError, ValueError):
                    return None
                current = children[index] if 0 <= index < len(children) else None
            else:
                return None
            if current is None:
                return None
        return current


class RecordedSourceMap(SourceMap):
    """Spans recorded while a document was built (YAML). Keys are pointers with every
    segment as a string, so an array index asked as ``0`` or ``"0"`` finds the same item.

    ``member`` gives the composer's raw marks (fixes rely on them); ``span`` ends where
    the value's content ends: a block collection's end mark runs on to the next token,
    past trailing blank lines, comments and the next item's indentation."""

    def __init__(self, members: Dict[Tuple[str, ...], Member], text: Optional[str] = None):
        self.members = members
        self.text = text

    def member(self, pointer: Pointer) -> Optional[Member]:
        return self.members.get(tuple(str(s) for s in pointer))

    def span(self, pointer: Pointer, anchor: str = "value") -> Tuple[Span, Pointer]:
        (start, end), found = super().span(pointer, anchor)
        if self.text is not None:
            end = content_end(self.text, start, end)
        return (start, end), found


def content_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over trailing whitespace and whole comment lines (not before start).
    In a block scalar (``|`` or ``>``) a line starting with ``#`` is text, not a comment."""
    pos = end
    block_scalar = text[start:start + 1] in ("|", ">")
    while pos > start and not block_scalar:
        line_begin = max(text.rfind("\n", 0, pos - 1) + 1, start)
        stripped = text[line_begin:pos].strip()
        if line_begin > start and (not stripped or stripped.startswith("#")):
            pos = line_begin
            continue
        break
    while pos > start and text[pos - 1] in " \t\r\n":
        pos -= 1
    return pos
