"""The objects every part of fcschema speaks in: diagnostics, fixes and text edits.

A rule reports *where* (a JSON pointer) and *what*; the engine stamps code, name and
severity from the rule's metadata, and the source map turns the pointer into line:col
only when the diagnostic is about to be shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Tuple, Union

Segment = Union[str, int]
Pointer = Tuple[Segment, ...]

SEVERITIES = ("error", "warning", "info")

SAFE = "safe"
UNSAFE = "unsafe"
DISPLAY_ONLY = "display-only"


def format_pointer(pointer: Pointer) -> str:
    """RFC 6901 string for a pointer tuple (``()`` is the whole document, ``""``)."""
    return "".join("/" + str(seg).replace("~", "~0").replace("/", "~1") for seg in pointer)


def parse_pointer(text: str) -> Pointer:
    """Inverse of :func:`format_pointer`; segments stay strings."""
    if text == "":
        return ()
    if not text.startswith("/"):
        raise ValueError(f"JSON pointer must start with '/': {text!r}")
    return tuple(p.replace("~1", "/").replace("~0", "~") for p in text[1:].split("/"))


@dataclass(frozen=True)
class Edit:
    """Replace ``source[start:end]`` (character offsets) with ``content``."""

    start: int
    end: int
    content: str


@dataclass
class Fix:
    """A fix as data operations (``fixops``); ``edits`` are the same change as text edits
    on the file, computed only when a fix is shown in JSON or applied to a file."""

    applicability: str  # SAFE, UNSAFE or DISPLAY_ONLY
    message: str
    edits: Tuple[Edit, ...] = ()
    ops: Tuple[object, ...] = ()


@dataclass(frozen=True)
class Position:
    row: int  # 1-based line
    column: int  # 1-based character column


@dataclass
class Diagnostic:
    """One finding. ``pointer`` is into the file's document; ``anchor`` says whether the
    span is the member's key (``"key"``) or its value (``"value"``)."""

    code: str
    message: str
    pointer: Pointer = ()
    anchor: str = "value"
    name: str = ""
    severity: str = ""  # stamped from the rule by the engine unless a finding overrides it
    api_message: Optional[str] = None
    tool: Optional[str] = None
    fix: Optional[Fix] = None
    hint: Optional[str] = None
    url: Optional[str] = None
    filename: str = ""
    location: Optional[Position] = None
    end_location: Optional[Position] = None
    # Offset span in the decoded text, filled in by the source map with the location.
    span: Optional[Tuple[int, int]] = field(default=None, repr=False)

    @property
    def pointer_text(self) -> str:
        return format_pointer(self.pointer)

    def sort_key(self):
        loc = self.location or Position(0, 0)
        return (self.filename, loc.row, loc.column, self.code)
