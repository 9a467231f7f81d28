"""JSON pointer -> text span, for JSON and YAML documents.

Rules speak in pointers; people read line:col. The map is consulted only for
diagnostics that are shown, so a clean file never pays for it.

* JSON: the document was parsed by the standard library, which keeps no positions.
  ``JsonSourceMap`` walks the text lazily along the pointers asked for, indexing each
  container it passes through only as far as needed (values are skipped with the C
  scanner), so a large file costs at most about one more scan, however many findings.
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
# An object's first member / next member (after a value) up to its value, when the key is
# written without escapes (as nearly every key is): one match instead of reading the
# whitespace, comma, key and colon one by one. Group 1 is the key, exactly as decoded.
_FIRST_KEY = re.compile(r'[ \t\n\r]*"([^"\\]*)"[ \t\n\r]*:[ \t\n\r]*')
_NEXT_KEY = re.compile(r'[ \t\n\r]*,[ \t\n\r]*"([^"\\]*)"[ \t\n\r]*:[ \t\n\r]*')
_KEY_AT = re.compile(r'"([^"\\]*)"[ \t\n\r]*:[ \t\n\r]*')   # the same, from the key's quote
_scanstring = json.decoder.scanstring
_UNKNOWN = object()
# The C scanner of the json module: scans one value and returns (value, end offset).
_SCAN = json.scanner.make_scanner(json.JSONDecoder())


class SourceMap:
    """Base: ``member(pointer)`` returns the Member of an existing pointer or None."""

    def member(self, pointer: Pointer) -> Optional[Member]:  # pragma: no cover - interface
        raise NotImplementedError

    def container(self, pointer: Pointer) -> Optional[Tuple[Member, list]]:
        """The member at ``pointer``, an object or array, and its members in order (each
        indexable as a Member; not to be changed); None where not known this way."""
        return None

    def release(self) -> None:
        """Forget what can be found again: the pointers asked so far will not be asked
        again (a chunk of a large file's tools has been placed)."""

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
    """Spans of a JSON text, found by walking it along the pointers asked for.

    Each container on the way is indexed only as far as a lookup needs: finding
    ``/3/function`` skips the root array's first three items and the tool's members
    before ``function``, but never scans the ``function`` value itself unless its end is
    asked for. A large file with a finding in every tool is thus read about once.
    ``unique_keys`` (no object has a key twice) lets a lookup stop at the first matching
    key; otherwise an object is indexed to its end, where the last duplicate wins, as in
    the parsed data.
    """

    def __init__(self, text: str, indexed: Optional[Dict[int, "_Children"]] = None):
        self.text = text
        self.unique_keys = False
        self._root: Optional[List] = None
        # value_start offset -> _Children of the object or array that starts there
        # (``indexed``: the containers parse_indexed read whole while parsing)
        self._children: Dict[int, _Children] = indexed if indexed is not None else {}
        self._indexed = frozenset(self._children)  # (kept by release)
        self._parents: Dict[tuple, Optional[_Children]] = {}  # pointer -> container of its value

    def release(self) -> None:
        """Forget the containers lookups have read (kept: those indexed while parsing):
        kept, those of every tool of a large file made a sixth of the peak memory of
        checking 100,000 tools."""
        kept = self._indexed
        children = self._children
        for start in [start for start in children if start not in kept]:
            del children[start]
        self._parents.clear()

    def _skip_ws(self, pos: int) -> int:
        return _WS.match(self.text, pos).end()

    def _value_end(self, entry: List) -> int:
        """The end of an entry's value (found on first use). A container that lookups
        have read part of is read on to its end; any other value is scanned."""
        if entry[3] is None:
            children = self._children.get(entry[2])
            if children is not None:
                children._read()
            if children is not None and children.end is not None:
                entry[3] = children.end
            else:
                entry[3] = _scan_end(self.text, entry)
        return entry[3]

    def _root_entry(self) -> List:
        if self._root is None:
            self._root = [None, None, self._skip_ws(0), None]
        return self._root

    def _container(self, start: int) -> Optional["_Children"]:
        children = self._children.get(start)
        if children is None and self.text[start:start + 1] in ("{", "["):
            children = self._children[start] = _Children(self.text, start, self.unique_keys)
        return children

    def _entry(self, pointer: Pointer) -> Optional[List]:
        """The entry of an existing pointer (its value's end perhaps not known yet).

        The container a pointer's last step is taken in is remembered by its pointer:
        findings and fixes ask for many members of one object (the properties of one
        schema), and --fix asks for the same ones again and again."""
        if not pointer:
            return self._root_entry()
        parent = pointer[:-1]
        children = self._parents.get(parent, _UNKNOWN)
        try:
            if children is _UNKNOWN:
                holder = self._root_entry()
                for segment in parent:
                    found = self._children.get(holder[2]) or self._container(holder[2])
                    holder = found.find(segment) if found is not None else None
                    if holder is None:
                        break
                children = None if holder is None else (self._children.get(holder[2]) or self._container(holder[2]))
                self._parents[parent] = children
            return children.find(pointer[-1]) if children is not None else None
        except (StopIteration, ValueError, IndexError, RecursionError):
            return None

    def _end(self, entry: List) -> Optional[int]:
        try:
            return self._value_end(entry)
        except (StopIteration, ValueError, RecursionError):
            if entry is self._root:
                entry[3] = len(self.text)
                return entry[3]
            return None

    def member(self, pointer: Pointer) -> Optional[Member]:
        entry = self._entry(pointer if type(pointer) is tuple else tuple(pointer))
        end = None if entry is None else self._end(entry)
        return None if end is None else (entry[0], entry[1], entry[2], end)

    def container(self, pointer: Pointer) -> Optional[Tuple[Member, list]]:
        """As ``SourceMap.container``: one lookup where a fix would make three (the
        object, its first and its last member). Only when no key is written twice: the
        members in the text are then the members in the data, in the same order."""
        if not self.unique_keys:
            return None
        entry = self._entry(pointer if type(pointer) is tuple else tuple(pointer))
        if entry is None:
            return None
        children = self._children.get(entry[2]) or self._container(entry[2])
        if children is None:
            return None
        try:
            children._read()
        except (StopIteration, ValueError, IndexError, RecursionError):
            return None
        if children.end is None:
            return None
        entry[3] = children.end
        return (entry[0], entry[1], entry[2], children.end), children.items

    def span(self, pointer: Pointer, anchor: str = "value") -> Tuple[Span, Pointer]:
        """As ``SourceMap.span``, but a value's end is scanned only when the value's span
        is the answer (a key's span does not need it)."""
        found = tuple(pointer)
        while True:
            entry = self._entry(found)
            if entry is not None:
                if entry[0] is not None and (anchor == "key" or len(found) < len(pointer)):
                    return (entry[0], entry[1]), found
                end = self._end(entry)
                if end is not None:
                    return (entry[2], end), found
            if not found:
                return (0, 0), ()
            found = found[:-1]


class _Children:
    """The members of one JSON object (by key) or array (by index), read up to where the
    lookups so far needed. Entries are ``[key_start, key_end, value_start, value_end]``
    lists whose value_end stays None until something needs it."""

    __slots__ = ("text", "start", "unique_keys", "is_object", "by_key", "items", "complete", "end")

    def __init__(self, text: str, start: int, unique_keys: bool):
        self.text = text  # (not the source map: no reference cycle, so no work for the cyclic GC)
        self.start = start
        self.unique_keys = unique_keys
        self.is_object = text[start] == "{"
        self.by_key: Dict[str, List] = {}
        self.items: List[List] = []    # every entry, in order (for objects too)
        self.complete = False          # read to the end
        self.end: Optional[int] = None  # just past the closing bracket, once complete

    def find(self, segment) -> Optional[List]:
        if self.is_object:
            key = str(segment)
            unique = self.unique_keys
            if key not in self.by_key or not (unique or self.complete):
                self._read(key=key if unique else None)
            return self.by_key.get(key)
        try:
            index = int(segment)
        except (TypeError, ValueError):
            return None
        if index < 0:
            return None
        if index >= len(self.items):
            self._read(index=index)
        return self.items[index] if index < len(self.items) else None

    def _read(self, key: Optional[str] = None, index: Optional[int] = None) -> None:
        """Read members until ``key`` (of an object) or item ``index`` (of an array) is
        indexed; with neither, to the end."""
        text, ws = self.text, _WS.match
        items, by_key = self.items, self.by_key
        closer = "}" if self.is_object else "]"
        simple = _NEXT_KEY.match if self.is_object else None
        while not self.complete:
            if (key is not None and key in by_key) or (index is not None and index < len(items)):
                return
            if simple is not None:
                if items:
                    last = items[-1]
                    if last[3] is None:
                        last[3] = _SCAN(text, last[2])[1]
                    found = simple(text, last[3])
                else:
                    found = _FIRST_KEY.match(text, self.start + 1)
                if found is not None:
                    key_start, key_end = found.span(1)
                    entry = [key_start - 1, key_end + 1, found.end(), None]
                    by_key[text[key_start:key_end]] = entry
                    items.append(entry)
                    continue
            if items:
                pos = ws(text, _scan_end(text, items[-1])).end()
                if not text.startswith(",", pos):
                    self._close(pos, closer)
                    return
                pos = ws(text, pos + 1).end()
            else:
                pos = ws(text, self.start + 1).end()
                if text.startswith(closer, pos):
                    self._close(pos, closer)
                    return
            if self.is_object:
                member_key, key_end = _scanstring(text, pos + 1)
                entry = [pos, key_end, ws(text, ws(text, key_end).end() + 1).end(), None]  # past the colon
                by_key[member_key] = entry
            else:
                entry = [None, None, pos, None]
            items.append(entry)

    def _close(self, pos: int, closer: str) -> None:
        self.complete = True
        if self.text.startswith(closer, pos):
            self.end = pos + 1


def moved_containers(index: Dict[int, "_Children"], old_text: str, path: tuple, text: str, moved) -> Dict[int, "_Children"]:
    """The containers of ``index`` from the root down along ``path`` (those read whole),
    for ``text``: ``old_text`` with changes inside the last one's items only, ``moved``
    giving each old offset of theirs its new one. (--fix builds the fixed file's index
    from the file's, entryfix.)"""
    out: Dict[int, _Children] = {}
    start = _WS.match(old_text, 0).end()
    for depth in range(len(path) + 1):
        old = index.get(start)
        if old is None or not old.complete or old.end is None:
            break
        new = _Children(text, moved(old.start), True)
        new.complete, new.end = True, moved(old.end)
        by_old = {}
        for item in old.items:
            by_old[id(item)] = moved_item = [None if item[0] is None else moved(item[0]),
                                             None if item[1] is None else moved(item[1]),
                                             moved(item[2]), None if item[3] is None else moved(item[3])]
            new.items.append(moved_item)
        new.by_key = {key: by_old[id(item)] for key, item in old.by_key.items()}
        out[new.start] = new
        if depth == len(path):
            break
        member = old.find(path[depth])
        if member is None:
            break
        start = member[2]
    return out


def _scan_end(text: str, entry: List) -> int:
    """The end of an entry's value, scanned if not known yet."""
    if entry[3] is None:
        entry[3] = _SCAN(text, entry[2])[1]
    return entry[3]


class NestedTooDeep(Exception):
    """A value nests deeper than parse_indexed's ``max_depth``."""


def parse_indexed(text: str, decoder, levels: int, max_depth: int):
    """``json.loads(text)`` with ``decoder``'s hooks (a JSONDecoder, or what its C scanner
    reads), that also indexes the members of the root and of the arrays in the top
    ``levels`` levels on the way: (data, {start: _Children}).

    Those containers (a list of tools, a request's ``tools``) are read member by member and
    everything else with the C scanner, so parsing costs what it did, and a later lookup
    of ``/1234/function`` does not have to scan past 1,233 tools again. The objects below
    the root (tools) are not indexed: reading each one's members here cost more than a
    lookup pays to read them later, even when every tool has a finding; and parsing runs in
    the main process alone, while lookups are spread over the processes that lint the
    tools. Values are
    checked against ``max_depth`` (NestedTooDeep), counting their brackets first so that
    only a value that may be that deep is walked. Anything unexpected raises: the caller
    then parses with ``json.loads`` for the standard error.
    """
    scan_once = json.scanner.make_scanner(decoder)
    make_object = decoder.object_pairs_hook
    scanstring = json.decoder.scanstring
    ws = _WS.match
    key_at = _KEY_AT.match
    indexed: Dict[int, _Children] = {}

    def value_at(pos: int, level: int):
        opener = text[pos:pos + 1]
        if level > levels or opener not in ("{", "[") or (level > 1 and opener == "{"):
            value, end = scan_once(text, pos)
            if opener in ("{", "[") and text.count("{", pos, end) + text.count("[", pos, end) > max_depth - level:
                if nests_deeper(value, max_depth - level + 1):
                    raise NestedTooDeep
            return value, end
        children = indexed[pos] = _Children(text, pos, True)
        closer = "}" if opener == "{" else "]"
        pairs: list = []
        values: list = []
        cursor = ws(text, pos + 1).end()
        if not text.startswith(closer, cursor):
            while True:
                if opener == "{":
                    simple = key_at(text, cursor)
                    if simple is not None:
                        key, key_end, start = simple.group(1), simple.end(1) + 1, simple.end()
                    else:
                        if not text.startswith('"', cursor):
                            raise ValueError("expected a key")
                        key, key_end = scanstring(text, cursor + 1)
                        colon = ws(text, key_end).end()
                        if not text.startswith(":", colon):
                            raise ValueError("expected ':'")
                        start = ws(text, colon + 1).end()
                    value, end = value_at(start, level + 1)
                    entry = [cursor, key_end, start, end]
                    children.by_key[key] = entry
                    pairs.append((key, value))
                else:
                    value, end = value_at(cursor, level + 1)
                    entry = [None, None, cursor, end]
                    values.append(value)
                children.items.append(entry)
                cursor = ws(text, end).end()
                if text.startswith(",", cursor):
                    cursor = ws(text, cursor + 1).end()
                    continue
                if text.startswith(closer, cursor):
                    break
                raise ValueError("expected ',' or a closing bracket")
        children.complete, children.end = True, cursor + 1
        if opener == "[":
            return values, cursor + 1
        return (make_object(pairs) if make_object is not None else dict(pairs)), cursor + 1

    data, end = value_at(ws(text, 0).end(), 1)
    if ws(text, end).end() != len(text):
        raise ValueError("extra data")
    return data, indexed


def nests_deeper(data, limit: int) -> bool:
    """Whether containers nest more than ``limit`` levels (iterative, stops early)."""
    if type(data) is not dict and type(data) is not list:
        return False
    stack = [(data, 1)]
    pop, push = stack.pop, stack.append
    while stack:
        value, depth = pop()
        for child in (value.values() if type(value) is dict else value):
            if type(child) is dict or type(child) is list:
                if depth >= limit:
                    return True
                push((child, depth + 1))
    return False


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
