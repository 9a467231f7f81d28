"""Silencing diagnostics where the author decided: comments in YAML, pointers in config.

* YAML: ``# fcschema: ignore[FCS101,FCS2]`` at the end of a line covers that line and,
  when the line holds a key, the key's whole subtree; on a line of its own it covers the
  next line. ``# fcschema: ignore-file[...]`` covers the file. Without ``[...]``, all codes.
* JSON has no comments: ``ignores = [{path = "tools/*.json", pointer = "/0/function",
  codes = ["FCS101"]}]`` in the configuration does the same by file glob and pointer.

A suppression that silenced nothing is itself reported (FCS008), so stale ones go away.
"""

from __future__ import annotations

import fnmatch
import re
from typing import List, Optional, Sequence, Tuple

from .diagnostics import Diagnostic, Pointer, parse_pointer
from .record import Record

_COMMENT = re.compile(r"(?:^|\s)#\s*fcschema:\s*(ignore-file|ignore)\b(?:\[([^\]]*)\])?")


class Suppression(Record):
    __slots__ = ("codes", "line", "pointer", "file_level", "origin", "span", "text", "used")

    def __init__(self, codes: Tuple[str, ...], line: Optional[int] = None,
                 pointer: Optional[Tuple[str, ...]] = None, file_level: bool = False,
                 origin: str = "comment", span: Tuple[int, int] = (0, 0), text: str = "",
                 used: bool = False):
        self.codes = codes            # ("ALL",) or codes and prefixes
        self.line = line              # 1-based row covered (None: not by line)
        self.pointer = pointer        # subtree covered (segments as strings)
        self.file_level = file_level
        self.origin = origin          # "comment" or the configuration file
        self.span = span              # where the comment is, to report it when unused
        self.text = text
        self.used = used

    def covers(self, diagnostic: Diagnostic) -> bool:
        if not any(code == "ALL" or diagnostic.code.startswith(code) for code in self.codes):
            return False
        if self.file_level:
            return True
        if self.pointer is not None:
            segments = tuple(str(s) for s in diagnostic.pointer)
            if segments[:len(self.pointer)] == self.pointer:
                return True
        return self.line is not None and diagnostic.location is not None and diagnostic.location.row == self.line


def _codes(text: Optional[str]) -> Tuple[str, ...]:
    if text is None:
        return ("ALL",)
    codes = tuple(c.strip().upper() for c in text.split(",") if c.strip())
    return codes or ("ALL",)


def yaml_comments(source, members) -> List[Suppression]:
    """Suppressions written as comments in a YAML file (``members``: its recorded spans)."""
    text = source.text
    if "fcschema:" not in text:
        return []
    found = []
    starts_on_line = None
    for match in _COMMENT.finditer(text):
        start = match.start() + (1 if match.group(0)[:1].isspace() else 0)
        position = source.position(start)
        line_text = source.line_text(position.row)
        own_line = not line_text[:position.column - 1].strip()
        codes = _codes(match.group(2))
        suppression = Suppression(codes, span=(start, match.end()), text=match.group(0).strip())
        if match.group(1) == "ignore-file":
            suppression.file_level = True
        else:
            row = position.row + 1 if own_line else position.row
            while own_line and row <= len(source.line_starts) and not source.line_text(row).strip():
                row += 1
            suppression.line = row
            if starts_on_line is None:
                starts_on_line = _pointers_by_line(source, members)
            suppression.pointer = starts_on_line.get(row)
        found.append(suppression)
    return found


def _pointers_by_line(source, members) -> dict:
    """Row -> the shortest pointer whose key (or sequence item) starts on that row."""
    by_line = {}
    for pointer, (key_start, _key_end, value_start, _value_end) in members.items():
        if not pointer:
            continue
        start = key_start if key_start is not None else value_start
        row = source.position(start).row
        if row not in by_line or len(pointer) < len(by_line[row]):
            by_line[row] = pointer
    return by_line


def config_ignores(entries: Sequence[dict], relative_path: str, origin: str) -> List[Suppression]:
    """Pointer-scoped ignores from the configuration that apply to this file."""
    found = []
    for entry in entries:
        if fnmatch.fnmatch(relative_path, entry["path"]):
            pointer: Pointer = parse_pointer(entry.get("pointer", ""))
            found.append(Suppression(tuple(c.upper() for c in entry.get("codes", ["ALL"])),
                                     pointer=tuple(str(s) for s in pointer), origin=origin,
                                     text=f"ignores: path={entry['path']!r} pointer={entry.get('pointer', '')!r}"))
    return found


def apply(diagnostics: List[Diagnostic], suppressions: List[Suppression]) -> List[Diagnostic]:
    """The diagnostics no suppression covers; marks the suppressions that were used."""
    if not suppressions:
        return diagnostics
    kept = []
    for diagnostic in diagnostics:
        covering = [s for s in suppressions if s.covers(diagnostic)]
        for suppression in covering:
            suppression.used = True
        if not covering:
            kept.append(diagnostic)
    return kept
