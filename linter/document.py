"""Reading a file into a Document: bytes -> text -> data, or a diagnostic saying why not.

Nothing here raises for bad input: every failure is an FCS001 (syntax) or FCS002
(unreadable) diagnostic with the best position available, so one broken file never
stops the others from being checked.
"""

from __future__ import annotations

import codecs
import json
import os
from dataclasses import dataclass, field
from typing import Any, List, Optional, Tuple

from .diagnostics import Diagnostic, Position
from .source import Source
from .sourcemap import JsonSourceMap, RecordedSourceMap, SourceMap

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
JSON_SUFFIXES = (".json",)
YAML_SUFFIXES = (".yaml", ".yml")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass
class Document:
    source: Source
    kind: str  # "json" or "yaml"
    data: Any
    problems: List[Diagnostic] = field(default_factory=list)
    _sourcemap: Optional[SourceMap] = field(default=None, repr=False)

    @property
    def sourcemap(self) -> SourceMap:
        if self._sourcemap is None:
            self._sourcemap = JsonSourceMap(self.source.text)
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
        if os.path.isdir(path):
            return None, _problem("FCS002", filename, "is a directory, not a file")
        size = os.path.getsize(path)
        if size > max_bytes:
            return None, _problem(
                "FCS002", filename,
                f"file is {size} bytes, over the {max_bytes}-byte limit (raise it with --max-file-size)")
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return None, _problem("FCS002", filename, f"cannot read file: {reason}")
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

    try:
        data = json.loads(source.text, object_pairs_hook=keep_last)
    except json.JSONDecodeError as exc:
        return None, [_problem("FCS001", source.filename, f"invalid JSON: {exc.msg}", source, exc.pos)]
    except RecursionError:
        return None, [_problem("FCS001", source.filename,
                               "JSON nesting is too deep to read (thousands of levels)", source, 0)]
    document = Document(source, "json", data)
    if duplicates:
        document.problems = _duplicate_problems(data, duplicates)
    return document, []


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
