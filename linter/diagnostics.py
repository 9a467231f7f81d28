"""The objects every part of fcschema speaks in: diagnostics, fixes and text edits.

A rule reports *where* (a JSON pointer) and *what*; the engine stamps code, name and
severity from the rule's metadata, and the source map turns the pointer into line:col
only when the diagnostic is about to be shown.
"""

from __future__ import annotations

from typing import Optional, Tuple, Union

from .record import Fixed, Record, make_fixed

Segment = Union[str, int]
Pointer = Tuple[Segment, ...]

SEVERITIES = ("error", "warning", "info")

SAFE = "safe"
UNSAFE = "unsafe"
DISPLAY_ONLY = "display-only"


def format_pointer(pointer: Pointer) -> str:
    """RFC 6901 string for a pointer tuple (``()`` is the whole document, ``""``)."""
    if not pointer:
        return ""
    joined = "/".join(map(str, pointer))
    if "~" not in joined and joined.count("/") == len(pointer) - 1:  # no segment to escape
        return "/" + joined
    return "".join("/" + str(seg).replace("~", "~0").replace("/", "~1") for seg in pointer)


def parse_pointer(text: str) -> Pointer:
    """Inverse of :func:`format_pointer`; segments stay strings."""
    if text == "":
        return ()
    if not text.startswith("/"):
        raise ValueError(f"JSON pointer must start with '/': {text!r}")
    return tuple(p.replace("~1", "/").replace("~0", "~") for p in text[1:].split("/"))


class Edit(Fixed):
    """Replace ``source[start:end]`` (character offsets) with ``content``."""
    __slots__ = ()

    start: int
    end: int
    content: str


class Fix(Record):
    """A fix as data operations (``fixops``); ``edits`` are the same change as text edits
    on the file, computed only when a fix is shown in JSON or applied to a file."""

    __slots__ = ("applicability", "message", "edits", "ops")

    def __init__(self, applicability: str, message: str, edits: Tuple[Edit, ...] = (),
                 ops: Tuple[object, ...] = ()):
        self.applicability = applicability  # SAFE, UNSAFE or DISPLAY_ONLY
        self.message = message
        self.edits = edits
        self.ops = ops

    def __reduce__(self):
        return type(self), (self.applicability, self.message, self.edits, self.ops)


class Position(Fixed):
    __slots__ = ()
    row: int  # 1-based line
    column: int  # 1-based character column


class Diagnostic(Record):
    """One finding. ``pointer`` is into the file's document; ``anchor`` says whether the
    span is the member's key (``"key"``) or its value (``"value"``). ``severity`` is
    stamped from the rule by the engine unless a finding sets it; ``span`` (offsets in
    the decoded text) is filled in by the source map with the location; ``normalised``
    marks a strict-mode problem that the Responses API's "auto" strict mode repairs by
    itself (FCS202, FCS203)."""

    __slots__ = ("code", "message", "pointer", "anchor", "name", "severity", "api_message", "tool",
                 "fix", "hint", "url", "filename", "location", "end_location", "span", "normalised")

    def __init__(self, code: str, message: str, pointer: Pointer = (), anchor: str = "value",
                 name: str = "", severity: str = "", api_message: Optional[str] = None,
                 tool: Optional[str] = None, fix: Optional[Fix] = None, hint: Optional[str] = None,
                 url: Optional[str] = None, filename: str = "", location: Optional[Position] = None,
                 end_location: Optional[Position] = None, span: Optional[Tuple[int, int]] = None,
                 normalised: bool = False):
        self.code = code
        self.message = message
        self.pointer = pointer
        self.anchor = anchor
        self.name = name
        self.severity = severity
        self.api_message = api_message
        self.tool = tool
        self.fix = fix
        self.hint = hint
        self.url = url
        self.filename = filename
        self.location = location
        self.end_location = end_location
        self.span = span
        self.normalised = normalised

    def __reduce__(self):
        # One tuple of values instead of a dict of sixteen slots, the positions as plain
        # tuples: --jobs workers send back every finding they place, and pickling them the
        # default way took about a seventh of a worker's time (BFCL, one file per tool).
        # (Made again as a Diagnostic, with every field set: fcschema has no subclass.)
        location, end = self.location, self.end_location
        return _diagnostic, (self.code, self.message, self.pointer, self.anchor, self.name, self.severity,
                             self.api_message, self.tool, self.fix, self.hint, self.url, self.filename,
                             None if location is None else tuple(location), None if end is None else tuple(end),
                             self.span, self.normalised)

    @property
    def pointer_text(self) -> str:
        return format_pointer(self.pointer)

    def sort_key(self):
        loc = self.location or Position(0, 0)
        return (self.filename, loc.row, loc.column, self.code)


def _diagnostic(code, message, pointer, anchor, name, severity, api_message, tool, fix, hint, url, filename,
                location, end_location, span, normalised) -> Diagnostic:
    """A pickled Diagnostic made again (Diagnostic.__reduce__)."""
    diagnostic = _new_object(Diagnostic)
    diagnostic.code, diagnostic.message, diagnostic.pointer, diagnostic.anchor = code, message, pointer, anchor
    diagnostic.name, diagnostic.severity, diagnostic.api_message, diagnostic.tool = name, severity, api_message, tool
    diagnostic.fix, diagnostic.hint, diagnostic.url, diagnostic.filename = fix, hint, url, filename
    diagnostic.location = None if location is None else make_fixed(Position, location)
    diagnostic.end_location = None if end_location is None else make_fixed(Position, end_location)
    diagnostic.span = span
    diagnostic.normalised = normalised
    return diagnostic


_new_object = object.__new__
