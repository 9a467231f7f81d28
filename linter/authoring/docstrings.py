"""Descriptions from docstrings written in Google, NumPy or reST style.

A tool's description is the docstring's text before its first section; each
parameter's description comes from the section that documents it (``Args:``,
``Parameters`` with an underline, or ``:param name:`` fields). Models use the
same parser for ``Attributes:`` sections. Sections that say nothing about
parameters (Returns, Raises, Examples, ...) are left out of both.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

_PARAM_SECTIONS = frozenset(
    {
        "args",
        "arguments",
        "parameters",
        "params",
        "keyword args",
        "keyword arguments",
        "kwargs",
        "other parameters",
        "attributes",
    }
)
_OTHER_SECTIONS = frozenset(
    {
        "returns",
        "return",
        "yields",
        "yield",
        "raises",
        "raise",
        "warns",
        "examples",
        "example",
        "note",
        "notes",
        "see also",
        "warning",
        "warnings",
        "todo",
        "references",
        "methods",
    }
)
_GOOGLE_HEADER = re.compile(r"^([A-Za-z][A-Za-z ]*):\s*$")
_GOOGLE_ENTRY = re.compile(r"^\*{0,2}([A-Za-z_]\w*)\s*(?:\([^)]*\))?\s*:\s*(.*)$")
_NUMPY_ENTRY = re.compile(r"^(\*{0,2}[A-Za-z_]\w*(?:\s*,\s*\*{0,2}[A-Za-z_]\w*)*)\s*(?::.*)?$")
_REST_FIELD = re.compile(r"^:(\w+)([^:]*):(.*)$")
_REST_PARAM_KINDS = frozenset({"param", "parameter", "arg", "argument", "key", "keyword"})


@dataclass
class Docstring:
    """The parts of a docstring a tool definition uses."""

    description: str = ""
    params: Dict[str, str] = field(default_factory=dict)


def parse_docstring(doc: Optional[str]) -> Docstring:
    """Split a docstring into its description and per-parameter descriptions."""
    if not doc or not doc.strip():
        return Docstring()
    lines = inspect.cleandoc(doc).splitlines()
    description: List[str] = []
    params: Dict[str, str] = {}
    in_sections = False
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if _is_numpy_header(lines, i):
            in_sections = True
            block, i = _take_numpy_block(lines, i + 2)
            if stripped.lower() in _PARAM_SECTIONS:
                params.update(_numpy_entries(block))
            continue
        header = _GOOGLE_HEADER.match(line)
        if header and header.group(1).strip().lower() in _PARAM_SECTIONS | _OTHER_SECTIONS:
            in_sections = True
            block, i = _take_indented_block(lines, i + 1, _indent(line))
            if header.group(1).strip().lower() in _PARAM_SECTIONS:
                params.update(_google_entries(block))
            continue
        rest = _REST_FIELD.match(stripped)
        if rest:
            in_sections = True
            block, i = _take_indented_block(lines, i + 1, _indent(line))
            kind, middle, text = rest.group(1), rest.group(2).split(), rest.group(3)
            if kind.lower() in _REST_PARAM_KINDS and middle:
                params[middle[-1].lstrip("*")] = _join([text] + block)
            continue
        if not in_sections:
            description.append(line)
        i += 1
    return Docstring("\n".join(description).strip(), params)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _is_numpy_header(lines: List[str], i: int) -> bool:
    if i + 1 >= len(lines) or not lines[i].strip():
        return False
    underline = lines[i + 1].strip()
    return len(underline) >= 3 and set(underline) == {"-"}


def _take_numpy_block(lines: List[str], start: int) -> Tuple[List[str], int]:
    """Lines up to the next underlined header."""
    end = start
    while end < len(lines) and not _is_numpy_header(lines, end):
        end += 1
    return lines[start:end], end


def _take_indented_block(lines: List[str], start: int, base: int) -> Tuple[List[str], int]:
    """Following lines indented deeper than ``base`` (blank lines included)."""
    end = start
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > base):
        end += 1
    return lines[start:end], end


def _entries(block: List[str], pattern: "re.Pattern[str]") -> List[Tuple[re.Match, List[str]]]:
    """Entries at the block's smallest indent, each with its deeper continuation lines."""
    filled = [line for line in block if line.strip()]
    if not filled:
        return []
    base = min(_indent(line) for line in filled)
    entries: List[Tuple[re.Match, List[str]]] = []
    for line in filled:
        match = pattern.match(line.strip()) if _indent(line) == base else None
        if match:
            entries.append((match, []))
        elif entries:
            entries[-1][1].append(line)
    return entries


def _google_entries(block: List[str]) -> Dict[str, str]:
    return {m.group(1): _join([m.group(2)] + more) for m, more in _entries(block, _GOOGLE_ENTRY)}


def _numpy_entries(block: List[str]) -> Dict[str, str]:
    found: Dict[str, str] = {}
    for match, more in _entries(block, _NUMPY_ENTRY):
        for name in match.group(1).split(","):
            found[name.strip().lstrip("*")] = _join(more)
    return found


def _join(parts: List[str]) -> str:
    """Wrapped lines of one entry become one line."""
    return " ".join(part.strip() for part in parts if part.strip())
