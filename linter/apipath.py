"""The API's own notations for a place, so `api_message` reads like the real 400.

Three notations appear in the API's errors (spec 8): the schema path as a Python tuple
(``ruleapi.context``), the newer JSON path ``$.properties.code.pattern`` and the request
path ``tools[3].function.name``. This module writes the last two.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from .diagnostics import Pointer
from .formats.model import CHAT, LEGACY, RESPONSE_FORMAT

_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")
# Keys of a request body under which tool definitions sit.
REQUEST_KEYS = ("tools", "functions", "response_format", "text")


def _steps(segments: Iterable) -> str:
    out = []
    for segment in segments:
        if isinstance(segment, int):
            out.append(f"[{segment}]")
        elif _IDENTIFIER.match(str(segment)):
            out.append(f".{segment}")
        else:
            out.append("[" + repr(str(segment)) + "]")
    return "".join(out)


def json_path(path: Iterable) -> str:
    """``$.properties.zip.pattern`` for a path from the schema root."""
    return "$" + _steps(path)


def _base(site) -> str:
    """Where the tool itself sits in a request body."""
    pointer = tuple(site.pointer)
    for position, segment in enumerate(pointer):
        if isinstance(segment, str) and segment in REQUEST_KEYS:
            return _steps(pointer[position:]).lstrip(".")
    if site.kind == RESPONSE_FORMAT:
        return "response_format" if site.api == CHAT else "text.format"
    index = site.index if site.index is not None else 0
    base = f"{'functions' if site.api == LEGACY else 'tools'}[{index}]"
    if site.shape == "function definition":  # the object that goes inside a Chat tool's `function`
        base += ".function"
    return base


def request_path(site, pointer: Optional[Pointer]) -> str:
    """``tools[3].function.name`` for a place inside a tool (``pointer`` is into the document)."""
    if pointer is None:
        return _base(site)
    return _base(site) + _steps(tuple(pointer)[len(site.pointer):])


def list_path(group: Pointer) -> str:
    """``tools`` / ``functions`` / ``tools[2].tools`` for the list at ``group``."""
    group = tuple(group)
    for position, segment in enumerate(group):
        if isinstance(segment, str) and segment in REQUEST_KEYS:
            return _steps(group[position:]).lstrip(".")
    return "tools"
