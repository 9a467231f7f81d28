"""Reading a file into a Document: bytes -> text -> data, or a diagnostic saying why not.

Nothing here raises for bad input: every failure is an FCS001 (syntax) or FCS002
(unreadable) diagnostic with the best position available, so one broken file never
stops the others from being checked.
"""

from __future__ import annotations

import codecs
import errno
import json
import json.scanner
import os
import re
import stat
import sys
from typing import Any, List, Optional, Tuple

from .diagnostics import Diagnostic, Position
from .record import Record
from .source import Source
from .sourcemap import JsonSourceMap, NestedTooDeep, RecordedSourceMap, SourceMap, nests_deeper, parse_indexed

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Deeper JSON is refused at the place it passes the limit: whatever reads the data next
# (copies, encoders, converters) may recurse once per level, and Python's own parser reads
# about 1,000 levels up to 3.12 but 8,000 in 3.13. (YAML: yaml_loader.MAX_DEPTH.)
MAX_JSON_DEPTH = 500
# In a file of INDEXED_MIN_CHARS or more, the root and the arrays in these top levels are
# indexed while parsing (a tool list, a request's tools).
INDEXED_LEVELS = 2
INDEXED_MIN_CHARS = 1 << 16  # a smaller file is quicker to re-scan for its few findings
JSON_SUFFIXES = (".json",)
YAML_SUFFIXES = (".yaml", ".yml")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class Document(Record):
    """A parsed file: its source, kind ("json" or "yaml"), data and the problems met on the
    way. ``json_index`` holds the containers indexed while parsing (sourcemap.parse_indexed),
    for the source map."""

    __slots__ = ("source", "kind", "data", "problems", "_sourcemap", "duplicate_keys", "json_index")

    def __init__(self, source: Source, kind: str, data: Any, problems: Optional[List[Diagnostic]] = None,
                 sourcemap: Optional[SourceMap] = None, duplicate_keys: bool = False,
                 json_index: Optional[dict] = None):
        self.source = source
        self.kind = kind
        self.data = data
        self.problems = problems if problems is not None else []
        self._sourcemap = sourcemap
        self.duplicate_keys = duplicate_keys  # some object of the JSON text has a key twice
        self.json_index = json_index

    @property
    def sourcemap(self) -> SourceMap:
        if self._sourcemap is None:
            self._sourcemap = JsonSourceMap(self.source.text, self.json_index)
            self._sourcemap.unique_keys = not self.duplicate_keys
        return self._sourcemap


def _problem(code: str, filename: str, message: str, source: Optional[Source] = None,
             offset: int = 0, end: Optional[int] = None, position: Optional[Position] = None) -> Diagnostic:
    diagnostic = Diagnostic(code=code, message=message, filename=filename)
    if source is not None:
        end = offset if end is None else end
        diagnostic.span = (offset, end)
        diagnostic.location, diagnostic.end_location = source.span_positions((offset, end))
    else:
        diagnostic.location = diagnostic.end_location = position or Position(1, 1)
    return diagnostic


def _byte_position(data: bytes, index: int) -> Position:
    """Row and column of a byte index in undecodable bytes (columns in characters)."""
    line_start = data.rfind(b"\n", 0, index) + 1
    row = data.count(b"\n", 0, index) + 1
    column = len(data[line_start:index].decode("utf-8", errors="replace")) + 1
    return Position(row, column)


def decode(data: bytes, filename: str, path: Optional[str]) -> Tuple[Optional[Source], Optional[Diagnostic]]:
    """Bytes -> Source. UTF-8 (with or without BOM) and BOM-marked UTF-16/32 are read."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                return None, _problem("FCS002", filename, f"file is not valid {encoding}: {exc.reason}",
                                      position=_byte_position(data, exc.start + len(bom)))
            return Source(filename, text, encoding=encoding, bom=True, path=path), None
    if b"\x00" in data[:8192]:
        sample = data[:8192]
        halves = (sample[0::2].count(0), sample[1::2].count(0))
        if max(halves) > 0.9 * (len(sample) // 2) and min(halves) < 0.1 * (len(sample) // 2):
            return None, _problem("FCS002", filename, "file looks like UTF-16 without a byte-order mark; "
                                                      "save it as UTF-8 (or UTF-16 with a byte-order mark)")
        return None, _problem("FCS002", filename, "file looks binary (it contains NUL bytes); not a tool definition")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, _problem(
            "FCS002", filename,
            f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at byte offset {exc.start}); "
            "save it as UTF-8", position=_byte_position(data, exc.start))
    return Source(filename, text, path=path), None


def read_source(path: str, filename: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Tuple[Optional[Source], Optional[Diagnostic]]:
    try:
        # Plain file-descriptor calls: a buffered file object costs more than reading a
        # small tool file does.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            status = os.fstat(handle)
            if stat.S_ISDIR(status.st_mode):
                return None, _problem("FCS002", filename, "is a directory, not a file")
            size = status.st_size
            if size > max_bytes:
                return None, _problem(
                    "FCS002", filename,
                    f"file is {size} bytes, over the {max_bytes}-byte limit (raise it with --max-file-size)")
            # Asking for max_bytes at once would allocate that much for every small file;
            # a file that grew since it was measured (or a pipe) is read on, up to the limit.
            # A regular file that gives fewer bytes than asked is at its end: no read more
            # to hear it say so (a system call per file saved on a tree of small files).
            regular = stat.S_ISREG(status.st_mode)
            chunks, total = [], 0
            while total <= max_bytes:
                wanted = min(max(size + 1 - total, 1 << 16), max_bytes + 1 - total)
                chunk = os.read(handle, wanted)
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
                if regular and len(chunk) < wanted:
                    break
        finally:
            os.close(handle)
    except OSError as exc:
        if exc.errno == errno.EISDIR:
            return None, _problem("FCS002", filename, "is a directory, not a file")
        reason = exc.strerror or str(exc)
        return None, _problem("FCS002", filename, f"cannot read file: {reason}")
    data = chunks[0] if len(chunks) == 1 else b"".join(chunks)  # (no chunk: b"")
    if len(data) > max_bytes:
        return None, _problem("FCS002", filename, f"file grew past the {max_bytes}-byte limit while being read")
    return decode(data, filename, path)


def kind_for(filename: str, text: str) -> str:
    lower = filename.lower()
    if lower.endswith(JSON_SUFFIXES):
        return "json"
    if lower.endswith(YAML_SUFFIXES):
        return "yaml"
    stripped = text.lstrip()
    return "json" if stripped[:1] in ("{", "[") else "yaml"


def parse(source: Source, kind: Optional[str] = None) -> Tuple[Optional[Document], List[Diagnostic]]:
    """Source -> Document, or the diagnostics explaining why it could not be read."""
    kind = kind or kind_for(source.filename, source.text)
    if not source.text.strip():
        return None, [_problem("FCS001", source.filename, f"file is empty: not valid {kind.upper()}", source, 0)]
    if kind == "json":
        return _parse_json(source)
    return _parse_yaml(source)


class _Hooks:
    """What the C scanner of the json module reads from a decoder. A JSONDecoder would do,
    but making one also makes a scanner, which parse_indexed does not use: a tenth of
    parsing a small tool file."""

    __slots__ = ("strict", "object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant")

    def __init__(self, object_pairs_hook, parse_constant):
        self.strict, self.object_hook, self.parse_float, self.parse_int = True, None, float, int
        self.object_pairs_hook, self.parse_constant = object_pairs_hook, parse_constant


def _hooks(object_pairs_hook, parse_constant):
    if json.scanner.c_make_scanner is None:  # (no C accelerator: its Python scanner reads more)
        return json.JSONDecoder(object_pairs_hook=object_pairs_hook, parse_constant=parse_constant)
    return _Hooks(object_pairs_hook, parse_constant)


def _parse_json(source: Source) -> Tuple[Optional[Document], List[Diagnostic]]:
    duplicates: List[Tuple[dict, str]] = []

    def keep_last(pairs):
        obj = dict(pairs)
        if len(obj) != len(pairs):
            seen = set()
            for key, _ in pairs:
                if key in seen:
                    duplicates.append((obj, key))
                seen.add(key)
        return obj

    constants = []

    def non_finite(name):  # NaN, Infinity, -Infinity: Python reads them, JSON has none
        constants.append(name)
        return float(name)

    decoder = _hooks(keep_last, non_finite)
    levels = INDEXED_LEVELS if len(source.text) >= INDEXED_MIN_CHARS else 0
    try:
        data, indexed = parse_indexed(source.text, decoder, levels, MAX_JSON_DEPTH)
    except NestedTooDeep:
        return None, [_too_deep(source)]
    except Exception:  # not valid JSON (or too deep to read): json.loads says why and where
        del duplicates[:], constants[:]
        try:
            data = json.loads(source.text, object_pairs_hook=keep_last, parse_constant=non_finite)
        except json.JSONDecodeError as exc:
            return None, [_problem("FCS001", source.filename, f"invalid JSON: {exc.msg}", source, exc.pos)]
        except RecursionError:
            return None, [_too_deep(source)]
        except ValueError as exc:  # an integer too long for Python to read (over 4300 digits)
            return None, [_long_number(source, exc)]
        # Read by json.loads but not by parse_indexed (which should not happen): go on
        # without the index.
        indexed = {}
        if nests_deeper(data, MAX_JSON_DEPTH):
            return None, [_too_deep(source)]
    document = Document(source, "json", data)
    document.json_index = indexed
    if duplicates:
        document.problems = _duplicate_problems(data, duplicates)
        document.duplicate_keys = True
    if constants:
        document.problems = non_finite_problems(source) + document.problems
    return document, []


# A JSON string (skipped whole) or one of the tokens looked for outside strings. Compiled
# on first use (the re module keeps them): only a file with a problem needs them.
_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'
_NON_FINITE = _STRING + r"|(-?Infinity|NaN)"
_BRACKET = _STRING + r"|([\[{])|[\]}]"
_DIGITS = _STRING + r"|(?<![.\d])(-?\d{100,})(?![.\deE])"


def non_finite_problems(source: Source) -> List[Diagnostic]:
    """FCS001 at each NaN / Infinity: JSON has no such numbers and the API refuses the
    request body; the rest of the file is still checked (with Python's float value)."""
    return [_problem("FCS001", source.filename,
                     f"{match.group(1)} is not JSON (JSON has no NaN or Infinity) and the API rejects it; "
                     "write a number, a string or null", source, match.start(1), match.end(1))
            for match in re.finditer(_NON_FINITE, source.text, re.DOTALL) if match.group(1)]


def _too_deep(source: Source) -> Diagnostic:
    """FCS001 where the nesting first passes MAX_JSON_DEPTH (or, when the parser ran out of
    stack before that, at the deepest place)."""
    limit = MAX_JSON_DEPTH
    depth = deepest = where = 0
    for match in re.finditer(_BRACKET, source.text, re.DOTALL):
        if match.group(1):
            depth += 1
            if depth > deepest:
                deepest, where = depth, match.start()
                if deepest > limit:
                    break
        elif match.group(0) in "]}":
            depth -= 1
    levels = f"more than {limit}" if deepest > limit else str(deepest)
    return _problem("FCS001", source.filename,
                    f"JSON is nested too deeply to read ({levels} levels here)", source, where, where + 1)


def _long_number(source: Source, exc: ValueError) -> Diagnostic:
    limit = getattr(sys, "get_int_max_str_digits", lambda: 0)() or 4300
    for match in re.finditer(_DIGITS, source.text, re.DOTALL):
        if match.group(1) and len(match.group(1).lstrip("-")) > limit:
            return _problem("FCS001", source.filename,
                            f"invalid JSON: a number of {len(match.group(1).lstrip('-'))} digits is too long "
                            f"to read (at most {limit})", source, match.start(1), match.end(1))
    return _problem("FCS001", source.filename, f"invalid JSON: {exc}", source, 0)


def _duplicate_problems(data: Any, duplicates: List[Tuple[dict, str]]) -> List[Diagnostic]:
    """Pointers of the objects that had a key twice (found by identity, only when needed)."""
    wanted = {id(obj): [key for o, key in duplicates if o is obj] for obj, _ in duplicates}
    problems = []
    stack = [(data, ())]
    while stack:
        value, pointer = stack.pop()
        if isinstance(value, dict):
            for key in wanted.get(id(value), ()):
                problems.append(Diagnostic(code="FCS004", pointer=pointer + (key,), anchor="key",
                                           message=f"duplicate key '{key}': the last value is used"))
            stack.extend((child, pointer + (key,)) for key, child in value.items())
        elif isinstance(value, list):
            stack.extend((child, pointer + (index,)) for index, child in enumerate(value))
    return problems


def _parse_yaml(source: Source) -> Tuple[Optional[Document], List[Diagnostic]]:
    from .yaml_loader import YamlLoadError, load_yaml

    try:
        loaded = load_yaml(source.text)
    except YamlLoadError as exc:
        return None, [_problem("FCS001", source.filename, exc.message, source, exc.offset, exc.end)]
    problems = []
    for note in loaded.notes:
        code = "FCS004" if note.kind == "duplicate" else "FCS006"
        problem = _problem(code, source.filename, note.message, source, note.start, note.end)
        problem.pointer = note.pointer
        problems.append(problem)
    if loaded.documents > 1:
        problems.append(_problem("FCS006", source.filename,
                                 f"file holds {loaded.documents} YAML documents; only the first is checked",
                                 source, 0))
    document = Document(source, "yaml", loaded.data, problems, RecordedSourceMap(loaded.members, source.text))
    return document, []
